// Requirement wordings and evidence in the interface's language: the core's structured evidence
// (core/engine/Evidence.h) through the translations, contexts "Requirement", "Evidence" and "EvidenceTerm".
#pragma once

#include "core/engine/RunSummary.h"

#include <QString>
#include <QStringList>

namespace mtcsec::ui {

// One line in the current language, a decimal number in it with the language's decimal point ("bei 0,083460
// s"); English when no translation is installed: then equal to engine::english(line).
[[nodiscard]] QString evidenceText(const engine::EvidenceLine& line);

// The evidence lines of `r` in the current language (the English strings if `r` carries no structure).
[[nodiscard]] QStringList evidenceTexts(const engine::RequirementResult& r);

// A scenario keyword in the current language: an attack kind ("eavesdrop"), a message filter ("signalling")
// a direction filter ("uplink") or a delivery ("intact", "altered"), as the evidence names them (context
// "EvidenceTerm").
[[nodiscard]] QString termText(std::string_view keyword);

// The wording of requirement `index` (0..3) in the current language.
[[nodiscard]] QString requirementWording(std::size_t index);

} // namespace mtcsec::ui
