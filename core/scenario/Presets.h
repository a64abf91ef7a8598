// The built-in scenarios that tell the teaching story, in the order of PRODUCT.md section 8.
#pragma once

#include "core/scenario/Scenario.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mtcsec {

struct Preset {
    std::string name;        // "default", "unprotected", "3gpp-only", ...
    std::string description; // the lesson, one sentence
    Scenario scenario;       // named and described as the preset
};

// All presets, built once, in the order of PRODUCT.md section 8 ("default" first).
[[nodiscard]] const std::vector<Preset>& presets();

// The scenario of the preset with this exact name, or empty.
[[nodiscard]] std::optional<Scenario> presetScenario(std::string_view name);

} // namespace mtcsec
