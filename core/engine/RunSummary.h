// What a run produced, as counts: traffic counters, each attack's tally with examples, and the R1-R4 verdicts
// (PRODUCT.md section 7). Filled by the engine from what happened, read by reports and front-ends.
#pragma once

#include "core/crypto/Bytes.h"
#include "core/engine/Evidence.h"
#include "core/engine/SimTime.h"
#include "core/scenario/Scenario.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mtcsec::engine {

struct TrafficCounters {
    std::uint64_t uplinkSent = 0;
    std::uint64_t uplinkDelivered = 0;        // genuine readings accepted by the server (intact or altered)
    std::uint64_t uplinkAlteredAccepted = 0;  // of uplinkDelivered: content other than what the device sent
    std::uint64_t uplinkReplayedAccepted = 0; // copies accepted again (not deliveries)
    std::uint64_t downlinkSent = 0;
    std::uint64_t downlinkDelivered = 0;        // genuine commands accepted by the device (intact or altered)
    std::uint64_t downlinkForgedAccepted = 0;   // accepted commands the server never sent (not deliveries)
    std::uint64_t downlinkAlteredAccepted = 0;  // of downlinkDelivered: content changed
    std::uint64_t downlinkReplayedAccepted = 0; // copies accepted again (not deliveries)
    std::uint64_t droppedIntegrity =
        0;                           // MAC, MAC-I, ICV or AEAD tag failed, or integrity required but absent
    std::uint64_t droppedReplay = 0; // counter or replay window
    std::uint64_t droppedMalformed = 0; // did not parse (for example deciphered with the wrong COUNT)
    std::uint64_t droppedOther = 0;     // duplicates, no context, policy
    std::uint64_t attachOk = 0;
    std::uint64_t attachFailed = 0;
};

// End-to-end mode dtls keeps a DTLS association per device (about kDtlsBytesPerDevice octets each, client and
// server side together); a run with more devices than kDtlsMaxDevices refuses it.
inline constexpr std::uint32_t kDtlsMaxDevices = 5000;
inline constexpr std::size_t kDtlsBytesPerDevice = 20 * 1024; // measured: Botan 2.19, glibc heap

// End-to-end mode dtls: what DTLS cost on the wire (UDP payload octets; IP and UDP headers not counted).
struct DtlsCounters {
    std::uint64_t handshakes = 0;           // handshakes the devices started
    std::uint64_t handshakeDatagrams = 0;   // flights, both directions (a flight fits one datagram)
    std::uint64_t handshakeOctets = 0;      // their octets
    std::uint64_t records = 0;              // application data records (one CoAP message each)
    std::uint64_t recordOverheadOctets = 0; // what they add to the CoAP messages (header, nonce, tag)
};

// What became of the application messages of one direction. Every message sent has exactly one fate, so
// sent == deliveredIntact + deliveredAltered + dropped* + inFlight at every moment of a run.
struct DirectionAccounting {
    std::uint64_t sent = 0;
    // Accepted by the final receiver with the content sent; also a message whose original the receiver
    // refused but whose replayed copy, unaltered, it accepted later (delivered late: the attacker's copy
    // carried the sender's real message).
    std::uint64_t deliveredIntact = 0;
    std::uint64_t deliveredAltered = 0; // accepted with content other than what was sent
    std::uint64_t droppedIntegrity = 0; // a MAC, MAC-I, ICV or tag failed, or protection required but absent
    std::uint64_t droppedReplay = 0;    // a counter or replay window refused it
    std::uint64_t droppedMalformed = 0; // did not parse (for example deciphered with the wrong COUNT)
    // A genuine message discarded because an attacker disturbed state: a PDCP COUNT advanced by a replayed or
    // forged PDU, a device detached by a forged Detach Request. Attributed to that attacker (its collateral).
    std::uint64_t droppedCollateral = 0;
    std::uint64_t droppedOther = 0; // no context, no bearer, policy mismatch (without an attacker's part)
    std::uint64_t inFlight = 0;     // still on its way when the summary was taken

    [[nodiscard]] std::uint64_t dropped() const
    {
        return droppedIntegrity + droppedReplay + droppedMalformed + droppedCollateral + droppedOther;
    }
    [[nodiscard]] std::uint64_t fates() const
    {
        return deliveredIntact + deliveredAltered + dropped() + inFlight;
    }
};

struct MessageAccounting {
    DirectionAccounting uplink;   // readings, device to server
    DirectionAccounting downlink; // commands, server to device
    // Accepted by a receiver but never sent by its peer: not deliveries, counted apart.
    // A copy of a message accepted again (beyond its delivery), or a replayed copy of a message lost as an
    // attacker's collateral (that loss stays attributed).
    std::uint64_t acceptedReplayed = 0;
    std::uint64_t acceptedForged = 0; // a message the peer never sent
};

// Why an attacker's attempt had no effect (neither blocked by a check nor succeeded).
enum class NoEffectReason : std::uint8_t {
    NothingSecret,     // a passive attacker read a PDU that holds nothing secret
    Unchanged,         // the receiver accepted the PDU, but what it acted on was not changed
    AttachRestarted,   // a downgraded Attach Request whose attach ended before the Security Mode Command
    InFlightAtEnd,     // still on its way (or its attach unfinished) when the summary was taken
    LostToOtherAttack, // the changed PDU was discarded because another attacker had disturbed the receiver
    LateFirstCopy, // a replayed copy of a message the receiver never had: a late delivery, not a duplicate
    // Only in RunSummary::attacksSinceChange: an attempt on (or a passive attacker's sight of) a PDU
    // protected before the last protection change, decided after it (a replayed copy captured before the
    // change, a message sent before it, still in flight): whatever its outcome, it is no evidence about the
    // protection in force since.
    BeforeChange,
};
inline constexpr std::size_t kNoEffectReasons = 7;
[[nodiscard]] std::string_view describe(NoEffectReason reason); // "nothing secret in the PDU", ...

struct AttackExample {
    SimTime time = 0;
    std::uint32_t device = 0;
    bool signalling = false; // about a signalling PDU (else user data)
    std::string what;        // a line: what the attacker read or did
    Bytes before;            // the PDU as captured
    Bytes after;             // as sent on (tamper, downgrade, replay) or empty
    std::uint32_t cell = 0;  // the cell whose engine recorded it (CellPlan.h): 0 in a run of one cell
};

// Per attack: the tally the report prints, plus what the requirements are evaluated from.
struct AttackTally {
    AttackSpec spec;
    bool removed = false;
    // Every attempt has one outcome: attempts == blocked + succeeded + noEffect.
    std::uint64_t attempts = 0;
    std::uint64_t blocked = 0;
    std::uint64_t succeeded = 0;
    std::uint64_t noEffect = 0;
    std::array<std::uint64_t, kNoEffectReasons> noEffectBy{}; // by NoEffectReason
    // Of noEffectBy[BeforeChange] (RunSummary::attacksSinceChange only; 0 elsewhere): active attempts on
    // signalling and on user data, or a passive attacker's signalling and user-plane PDUs seen.
    std::uint64_t signallingBeforeChange = 0;
    std::uint64_t dataBeforeChange = 0;
    // Genuine application messages lost because of what this attacker did (beyond its own attempts).
    std::uint64_t collateral = 0;
    std::uint64_t collateralUplink = 0;   // of collateral: readings
    std::uint64_t collateralCounter = 0;  // of collateral: by a PDCP COUNT the attacker's PDU advanced
    std::uint64_t collateralDetached = 0; // of collateral: by a forged Detach Request the device accepted
    // Passive attacks: PDUs seen by class, and what was read.
    std::uint64_t signallingSeen = 0;
    std::uint64_t dataSeen = 0;
    std::uint64_t ciphertextSeen = 0;     // signalling and data
    std::uint64_t dataCiphertextSeen = 0; // of ciphertextSeen: user-plane PDUs
    std::uint64_t imsiRead = 0;
    std::uint64_t imsiInitialAttach = 0; // of imsiRead: from a plain Attach Request (LTE cannot protect it)
    std::uint64_t nasBodiesRead = 0;
    std::uint64_t keysRead = 0;
    std::uint64_t readingsRead = 0;
    std::uint64_t commandsRead = 0;
    // Active attacks: outcomes by class of the PDU acted on.
    std::uint64_t signallingAttempts = 0;
    std::uint64_t signallingBlocked = 0;
    std::uint64_t signallingSucceeded = 0;
    std::uint64_t initialAttachSucceeded =
        0; // of signallingSucceeded: a plain Attach Request changed unnoticed
    std::uint64_t dataAttempts = 0;
    std::uint64_t dataBlocked = 0;
    std::uint64_t dataSucceeded = 0;
    std::array<std::uint64_t, 8> blockedBy{}; // by DropReason
    // Of blockedBy: the signalling PDUs (sums to signallingBlocked); the rest are the data PDUs
    // (dataBlocked).
    std::array<std::uint64_t, 8> signallingBlockedBy{};
    std::vector<AttackExample> examples; // the first few of each class (signalling, data)
};

// The negotiation's outcome (TS 33.401 7.2.4.2 NAS at the MME, 7.2.4.3 AS at the eNB): how many Security Mode
// Commands selected these algorithms for the devices of one group, or how often nothing fitted (`rejected`:
// ATTACH REJECT #23 at the MME, no AS security at the eNB, or a re-keying that could not be done).
struct AlgorithmSelectionCount {
    std::uint32_t group = 0; // index into RunSummary::deviceGroups; its size for the devices beyond them
    bool as = false;         // false: NAS Security Mode Command (MME); true: AS (eNB)
    bool rejected = false;   // no algorithm fitted; the identities below are then 0
    crypto::IntegrityAlgorithm integrity = crypto::IntegrityAlgorithm::Eia0;   // NAS, or RRC integrity
    crypto::CipheringAlgorithm ciphering = crypto::CipheringAlgorithm::Eea0;   // NAS, or RRC ciphering
    crypto::CipheringAlgorithm upCiphering = crypto::CipheringAlgorithm::Eea0; // AS only
    std::uint64_t count = 0;
    bool operator==(const AlgorithmSelectionCount&) const = default;
};

enum class Verdict : std::uint8_t { Met, Violated, NotExercised };
[[nodiscard]] std::string_view name(Verdict verdict); // "met", "violated", "not-exercised"

struct RequirementResult {
    std::string id;    // "R1".."R4"
    std::string title; // the requirement's wording
    Verdict verdict = Verdict::NotExercised;
    std::vector<std::string> evidence; // in English (the JSON report, the CLI): english() of evidenceLines
    std::vector<EvidenceLine> evidenceLines; // the same lines, structured, for a translation (same order)
    bool lteLimit = false;                   // violated only by what LTE itself cannot protect
};

struct RunSummary {
    std::string scenarioName;
    std::uint64_t seed = 0;
    double durationS = 0; // simulated time covered
    std::uint32_t devices = 0;
    Protection protection;                 // in force at the end
    Protection initialProtection;          // in force at the start (the scenario's)
    std::vector<ProtectionChange> changes; // applied during the run
    TrafficCounters traffic;
    MessageAccounting accounting;
    std::vector<AttackTally> attacks;
    std::array<RequirementResult, 4> requirements;
    // The verdicts over what happened since the last protection change only (what the change achieved),
    // from the difference of the tallies and the accounting; empty when the protection never changed.
    std::optional<double> sinceChangeS; // simulated time of the last protection change, in seconds
    std::array<RequirementResult, 4> requirementsSinceChange;
    // The attackers' tallies over the same span (what each attacker achieved since the change).
    std::vector<AttackTally> attacksSinceChange;
    // The accounting over the same span: fates settled since the change (in flight: as now).
    MessageAccounting accountingSinceChange;
    std::uint64_t eventsTotal = 0;
    std::string digest;
    // The cells the run was split into (core/engine/CellPlan.h; 1: one engine ran it whole) and the
    // scenario's devices_per_cell.
    std::uint32_t cells = 1;
    std::uint32_t devicesPerCell = kDefaultDevicesPerCell;
    DeviceBehaviour ue; // the scenario's devices: standard-compliant unless declared otherwise
    std::vector<DeviceGroup> deviceGroups; // the scenario's groups (the rest of the devices behave as `ue`)
    // Sorted by group, NAS before AS, selections before rejections, then by identities.
    std::vector<AlgorithmSelectionCount> selections;
    DtlsCounters dtls; // zero unless dtls was in force
};

} // namespace mtcsec::engine
