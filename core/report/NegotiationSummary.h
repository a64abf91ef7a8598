// The algorithm negotiation in words (TS 33.401 7.2.4.2 at the MME, 7.2.4.3 at the eNB): the operator's
// priority lists as configured, and what the network selected for each device group, for the run summary,
// the GUI's inspector and the session report.
#pragma once

#include "core/engine/RunSummary.h"

#include <string>
#include <vector>

namespace mtcsec::report {

// "128-EIA2" for a single first choice, "[128-EIA2, 128-EIA1]" when a priority list is in force.
[[nodiscard]] std::string choiceText(crypto::IntegrityAlgorithm first,
                                     const std::vector<crypto::IntegrityAlgorithm>& list);
[[nodiscard]] std::string choiceText(crypto::CipheringAlgorithm first,
                                     const std::vector<crypto::CipheringAlgorithm>& list);

// Whether the run's scenario configures a negotiation worth showing: device groups, or a priority list in
// the protection at the start or after any change.
[[nodiscard]] bool negotiationConfigured(const engine::RunSummary& s);

// One line per device group that had a Security Mode Command or a refusal, in group order:
// "snow3g-only (4 devices): NAS 128-EIA1+128-EEA1 x4; AS RRC 128-EIA1+128-EEA1, UP 128-EEA1 x4".
// A refusal reads "no common algorithm xN".
[[nodiscard]] std::vector<std::string> negotiationLines(const engine::RunSummary& s);

} // namespace mtcsec::report
