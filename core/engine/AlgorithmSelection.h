// The operator's choice of EPS security algorithms (TS 33.401 7.2.4.2 NAS at the MME, 7.2.4.3 AS at the eNB):
// the first entry of the operator's priority list that the UE security capabilities (TS 24.301 9.9.3.36)
// include, or nothing, never a silent fallback.
#pragma once

#include "core/crypto/SecurityAlgorithms.h"
#include "core/protocol/NasMessage.h"
#include "core/scenario/Scenario.h"

#include <optional>
#include <span>
#include <vector>

namespace mtcsec::engine {

// The first algorithm of `priority` (highest priority first) that `capabilities` include; empty when none
// does (the caller then rejects: ATTACH REJECT at the MME, TS 24.301 5.5.1.2.5; Initial Context Setup failure
// at the eNB, TS 36.413 8.3.1.3). Never throws.
[[nodiscard]] std::optional<crypto::IntegrityAlgorithm>
selectIntegrity(std::span<const crypto::IntegrityAlgorithm> priority,
                const protocol::UeSecurityCapabilities& capabilities);
[[nodiscard]] std::optional<crypto::CipheringAlgorithm>
selectCiphering(std::span<const crypto::CipheringAlgorithm> priority,
                const protocol::UeSecurityCapabilities& capabilities);

// The operator's priority lists built from one configured algorithm (until a scenario names whole lists).
// Integrity: the configured algorithm only; no null fallback, EIA0 being for unauthenticated emergency calls
// only (TS 33.401 5.1.4.1). Ciphering: the configured algorithm, then EEA0 (ciphering is the operator's
// option, TS 33.401 5.1.3.1; this null entry is what a bidding-down attack on the Attach Request aims at, and
// what the capabilities replayed in the Security Mode Command expose, TS 33.401 7.2.4.4).
[[nodiscard]] std::vector<crypto::IntegrityAlgorithm>
integrityPriority(crypto::IntegrityAlgorithm configured);
[[nodiscard]] std::vector<crypto::CipheringAlgorithm>
cipheringPriority(crypto::CipheringAlgorithm configured);

// The priority list in force for one use of a Protection: `list` when the scenario named one that still
// starts with the first choice `configured` (isPriorityListOf, Scenario.h), else the list built from
// `configured` as above.
[[nodiscard]] std::vector<crypto::IntegrityAlgorithm>
integrityPriority(crypto::IntegrityAlgorithm configured, const std::vector<crypto::IntegrityAlgorithm>& list);
[[nodiscard]] std::vector<crypto::CipheringAlgorithm>
cipheringPriority(crypto::CipheringAlgorithm configured, const std::vector<crypto::CipheringAlgorithm>& list);

// What the network selects for a device with these capabilities (no attacker): NAS at the MME, AS at the eNB;
// an empty member where nothing fits (the attach is rejected, or AS security cannot start).
struct NetworkSelection {
    std::optional<crypto::IntegrityAlgorithm> nasIntegrity;
    std::optional<crypto::CipheringAlgorithm> nasCiphering;
    std::optional<crypto::IntegrityAlgorithm> rrcIntegrity;
    std::optional<crypto::CipheringAlgorithm> rrcCiphering;
    std::optional<crypto::CipheringAlgorithm> upCiphering;
    bool operator==(const NetworkSelection&) const = default;
};
[[nodiscard]] NetworkSelection selectAlgorithms(const Protection& protection,
                                                const protocol::UeSecurityCapabilities& capabilities);

} // namespace mtcsec::engine
