// The built-in scenarios' descriptions (core/scenario/Presets.cpp) in the interface's language, context
// "Preset"; any other text (a scenario file's own description) is returned as it is.
#pragma once

#include <QString>

#include <string>

namespace mtcsec::ui {

[[nodiscard]] QString scenarioDescription(const std::string& description);

// The English descriptions this file translates (for the translations' test: every preset is among them).
[[nodiscard]] QStringList translatedPresetDescriptions();

} // namespace mtcsec::ui
