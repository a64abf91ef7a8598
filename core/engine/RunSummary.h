// What a run produced, as counts: traffic counters, each attack's tally with examples, and the R1-R4 verdicts
// (PRODUCT.md section 7). Filled by the engine from what happened, read by reports and front-ends.
#pragma once

#include "core/crypto/Bytes.h"
#include "core/engine/SimTime.h"
#include "core/scenario/Scenario.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace mtcsec::engine {

struct TrafficCounters {
    std::uint64_t uplinkSent = 0;
    std::uint64_t uplinkDelivered = 0;        // accepted by the server (intact or not)
    std::uint64_t uplinkAlteredAccepted = 0;  // accepted with content other than what the device sent
    std::uint64_t uplinkReplayedAccepted = 0; // accepted a second time
    std::uint64_t downlinkSent = 0;
    std::uint64_t downlinkDelivered = 0;
    std::uint64_t downlinkForgedAccepted = 0; // accepted commands the server never sent
    std::uint64_t downlinkAlteredAccepted = 0;
    std::uint64_t downlinkReplayedAccepted = 0;
    std::uint64_t droppedIntegrity =
        0;                           // MAC, MAC-I, ICV or AEAD tag failed, or integrity required but absent
    std::uint64_t droppedReplay = 0; // counter or replay window
    std::uint64_t droppedMalformed = 0; // did not parse (for example deciphered with the wrong COUNT)
    std::uint64_t droppedOther = 0;     // duplicates, no context, policy
    std::uint64_t attachOk = 0;
    std::uint64_t attachFailed = 0;
};

struct AttackExample {
    SimTime time = 0;
    std::uint32_t device = 0;
    bool signalling = false; // about a signalling PDU (else user data)
    std::string what;        // a line: what the attacker read or did
    Bytes before;            // the PDU as captured
    Bytes after;             // as sent on (tamper, downgrade, replay) or empty
};

// Per attack: the tally the report prints, plus what the requirements are evaluated from.
struct AttackTally {
    AttackSpec spec;
    bool removed = false;
    std::uint64_t attempts = 0;
    std::uint64_t blocked = 0;
    std::uint64_t succeeded = 0;
    // Passive attacks: PDUs seen by class, and what was read.
    std::uint64_t signallingSeen = 0;
    std::uint64_t dataSeen = 0;
    std::uint64_t ciphertextSeen = 0;
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
    std::vector<AttackExample> examples;      // the first few of each class (signalling, data)
};

enum class Verdict : std::uint8_t { Met, Violated, NotExercised };
[[nodiscard]] std::string_view name(Verdict verdict); // "met", "violated", "not-exercised"

struct RequirementResult {
    std::string id;    // "R1".."R4"
    std::string title; // the requirement's wording
    Verdict verdict = Verdict::NotExercised;
    std::vector<std::string> evidence;
    bool lteLimit = false; // violated only by what LTE itself cannot protect
};

struct RunSummary {
    std::string scenarioName;
    std::uint64_t seed = 0;
    double durationS = 0; // simulated time covered
    std::uint32_t devices = 0;
    Protection protection;                 // in force at the end
    std::vector<ProtectionChange> changes; // applied during the run
    TrafficCounters traffic;
    std::vector<AttackTally> attacks;
    std::array<RequirementResult, 4> requirements;
    std::uint64_t eventsTotal = 0;
    std::string digest;
};

} // namespace mtcsec::engine
