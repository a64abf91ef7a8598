// Standard devices refuse null integrity: a UE refuses a NAS or AS Security Mode Command that selects EIA0
// outside emergency bearer services (TS 24.301 5.4.3.3, TS 36.331 5.3.4.3, TS 33.401 5.1.4.1), so a scenario
// whose protection selects EIA0 attaches none of them. What `mtcsec validate` warns and `mtcsec run`'s attach
// line says about it.
#pragma once

#include "core/engine/RunSummary.h"
#include "core/scenario/Scenario.h"

#include <QString>

#include <cstdint>

namespace mtcsec::app {

// The warning (one line, no newline, starting "warning: ") for a scenario whose protection at the start
// selects EIA0 (NAS integrity at the MME, RRC integrity at the eNB, TS 33.401 7.2.4.2/7.2.4.3) for devices
// that refuse it: how many devices, which fields to change, and the declaration of devices that accept it.
// Empty when no device refuses.
[[nodiscard]] QString nullIntegrityWarning(const Scenario& scenario);

// How many attaches of a run failed because a device refused a Security Mode Command selecting EIA0: the
// Security Mode Commands the run's selections counted with EIA0 for groups that refuse it, at most the failed
// attaches.
[[nodiscard]] std::uint64_t refusedForNullIntegrity(const engine::RunSummary& summary);

// The summary's attach line: "Attach: N ok, M failed" and, when some were refused for EIA0, why:
// "Attach: 0 ok, 60 failed (60 refused the Security Mode Command: EIA0, null integrity, which standard
// devices refuse; ...)", naming the fields that select EIA0 for such devices: the scenario's protection
// (protection.nas.integrity, protection.as.rrc_integrity) and each change's (changes[N].protection...).
// Ends with a newline.
[[nodiscard]] QString attachLine(const engine::RunSummary& summary);

} // namespace mtcsec::app
