// Light and dark themes: the Fusion style with a palette chosen by the user (or the system's).
#pragma once

#include "ui/Settings.h"

namespace mtcsec::ui {

void applyTheme(Theme theme);

} // namespace mtcsec::ui
