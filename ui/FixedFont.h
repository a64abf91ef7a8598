// The fixed-pitch font for hex dumps, keys and protocol fields: one that is fixed on every Debian 12 font
// set.
#pragma once

#include <QFont>

namespace mtcsec::ui {

// DejaVu Sans Mono (Debian package fonts-dejavu-core, a dependency of the application) when the font database
// has it, else the platform's fixed font. The generic "monospace" alias is not used: with some font sets
// (fonts-urw-base35 with fonts-noto-mono and fonts-liberation) fontconfig resolves it to a proportional face.
// The size is the platform's fixed font size. Never throws.
[[nodiscard]] QFont fixedFont();

} // namespace mtcsec::ui
