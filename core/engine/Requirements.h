// The four security requirements of the SA3 "secure connection" contribution (PRODUCT.md section 1),
// evaluated from what the attacks of a run actually achieved: R1 signalling integrity, R2 signalling
// confidentiality, R3 application data confidentiality, R4 application data integrity.
#pragma once

#include "core/engine/RunSummary.h"

#include <array>
#include <vector>

namespace mtcsec::engine {

// The verdicts with their evidence, from the attackers' tallies; `accounting` gives the totals that losses
// (an attacker's collateral) are stated against ("11 of 60 readings lost"). Never throws.
[[nodiscard]] std::array<RequirementResult, 4> evaluateRequirements(const std::vector<AttackTally>& attacks,
                                                                    const MessageAccounting& accounting);

// Every phrase template (context "Evidence") and every term (context "EvidenceTerm") that
// evaluateRequirements() can put into RequirementResult::evidenceLines, for the translations and their test.
[[nodiscard]] const std::vector<std::string_view>& evidencePhrases();
[[nodiscard]] const std::vector<std::string_view>& evidenceTerms();

// The requirement's wording, for tooltips and reports.
[[nodiscard]] std::string_view requirementText(std::size_t index);

} // namespace mtcsec::engine
