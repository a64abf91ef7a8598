// The simulation's event log: compact fixed-size records (no strings, no heap per event), their canonical
// text form and the running SHA-256 digest over it that makes a run reproducible (PRODUCT.md section 7:
// "digest").
#pragma once

#include "core/crypto/Primitives.h"
#include "core/engine/SimTime.h"
#include "core/scenario/Scenario.h"

#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <vector>

namespace mtcsec::engine {

enum class EventKind : std::uint8_t {
    ProtectionChanged,
    AttackAdded,
    AttackRemoved,
    AttachStarted,
    AttachCompleted,
    AttachFailed,
    NasSecurityModeCommand, // value: selected algorithms octet
    AsSecurityModeCommand,  // value: integrity << 4 | ciphering
    Detached,
    PduSent,    // place: link; detail: 0 uplink, 1 downlink; value: octets
    PduDropped, // place: node; detail: DropReason
    UplinkSent,
    UplinkDelivered, // detail: Delivery
    DownlinkSent,
    DownlinkDelivered, // detail: Delivery
    AttackEavesdrop,   // detail: Reading
    AttackTamper,
    AttackReplay,
    AttackInject,
    AttackDowngrade,
    AttackInsider, // detail: Reading
    AttackBlocked,
    AttackSucceeded,
    AttackNoEffect, // detail: NoEffectReason
    MessageLost,    // a genuine application message lost as an attacker's collateral; value: message record,
                    // detail: 0 uplink, 1 downlink
    SecurityModeRefused, // a compliant device refused a Security Mode Command selecting EIA0; detail:
                         // SecurityLayer; value: the EMM cause of the SECURITY MODE REJECT (NAS), 0 (AS)
    NoCommonAlgorithm,   // the MME or eNB found no algorithm of its priority list in the UE security
                         // capabilities; detail: AlgorithmUse; value: the EMM cause of the ATTACH REJECT or 0
};
inline constexpr std::size_t kEventKindCount = static_cast<std::size_t>(EventKind::NoCommonAlgorithm) + 1;

// Where a Security Mode Command was refused.
enum class SecurityLayer : std::uint8_t { Nas, As };
// What an algorithm is selected for (TS 33.401 7.2.4.2 NAS, 7.2.4.3 AS).
enum class AlgorithmUse : std::uint8_t {
    NasIntegrity,
    NasCiphering,
    RrcIntegrity,
    RrcCiphering,
    UpCiphering
};
inline constexpr std::size_t kAlgorithmUses = 5;
[[nodiscard]] std::string_view describe(AlgorithmUse use); // "NAS integrity", ..., "user-plane ciphering"

// EMM causes (TS 24.301 Annex A) the procedures send.
inline constexpr std::uint8_t kEmmCauseCapabilityMismatch = 23;   // UE security capabilities mismatch
inline constexpr std::uint8_t kEmmCauseSecurityModeRejected = 24; // security mode rejected, unspecified

// Why a receiver refused a PDU (Mismatch: the replayed UE security capabilities differ; NoEffect: an
// attacker's change did not alter what the receiver accepted).
enum class DropReason : std::uint8_t {
    Integrity,
    Replay,
    Malformed,
    Policy,
    Duplicate,
    NoContext,
    Mismatch,
    NoEffect
};
enum class Delivery : std::uint8_t { Intact, Altered, Replayed, Forged };
// What an eavesdropper or insider got from one PDU.
enum class Reading : std::uint8_t { NothingSecret, Ciphertext, Secret };

// Where an event happened: a link (0-5) or a node (16 + node).
[[nodiscard]] inline std::uint8_t placeOf(Link link)
{
    return static_cast<std::uint8_t>(link);
}
[[nodiscard]] inline std::uint8_t placeOf(Node node)
{
    return static_cast<std::uint8_t>(16 + static_cast<unsigned>(node));
}
[[nodiscard]] std::string_view placeName(std::uint8_t place);

inline constexpr std::uint32_t kNoDevice = 0xffffffffu;

struct LogEvent {
    SimTime time = 0;
    std::uint32_t device = kNoDevice;
    std::uint32_t value = 0;
    std::uint32_t pdu = 0; // the PDU this event is about (0 = none), for the inspector
    EventKind kind = EventKind::PduSent;
    std::uint8_t place = 0;
    std::uint8_t detail = 0;
    std::int16_t attack = -1; // index into the run's attack list
};

[[nodiscard]] std::string_view name(EventKind kind);
[[nodiscard]] std::string_view name(DropReason reason);
[[nodiscard]] std::string_view name(Delivery delivery);
[[nodiscard]] std::string_view name(Reading reading);

// One readable line about an event (for logs, CSV and the GUI), without its time and place.
[[nodiscard]] std::string describeEvent(const LogEvent& event);

// The log of one run: appends events and keeps the digest current as they happen (the canonical lines are
// hashed in batches: the same digest as hashing them one by one). By default every event stays in memory; a
// headless run of many devices spills them instead (setSpill): only the events since the last spill() stay in
// memory, the others go, as raw records, to an unnamed temporary file (POSIX tmpfile(), gone when the log is
// destroyed) from which forEach() reads them back in order.
//
// Pipelined (setPipelined(true)): the canonical lines, the SHA-256 and the writes to the temporary file are
// done by a second thread, fed with blocks of 4096 records through a bounded queue (at most 8 blocks or
// windows waiting: the appending thread waits when it is full). The blocks are hashed and written in the
// order they were appended, so the digest, the file and everything read back are the same as without the
// pipeline; every reader (digestHex, forEach, size, spilled) waits for the queue to drain first. Every
// member function is called from one thread (the one that appends); the second thread is internal.
class EventLog {
public:
    EventLog();
    ~EventLog();
    EventLog(const EventLog&) = delete;
    EventLog& operator=(const EventLog&) = delete;

    // Appends one event; `attackId` is the id of event.attack ("" for none), part of its canonical line.
    // Pipelined: throws InvalidInput as spill() when the second thread failed to write the file.
    void append(const LogEvent& event, std::string_view attackId);
    // The events in memory: all of them, or when spilling, those appended since the last spill().
    [[nodiscard]] const std::vector<LogEvent>& events() const { return events_; }
    // Every event appended (in memory and spilled).
    [[nodiscard]] std::uint64_t size() const { return spilled_ + events_.size(); }
    // How many events went to the file (events()[0] is event number spilled()).
    [[nodiscard]] std::uint64_t spilled() const { return spilled_; }
    // Switches spilling on or off; on opens the temporary file. Throws InvalidInput "event log: cannot
    // create a temporary file: why" when it cannot.
    void setSpill(bool on);
    // Drops the events that leave memory instead of writing them to a file (on), for a headless run that
    // needs only the counts and the digest (no CSV report): no temporary file, no writes. The digest and
    // size() are the same; forEach() then throws InvalidInput "event log: not kept" once any event was
    // dropped. Call before appending; off (the default) keeps the file of setSpill().
    void setDiscard(bool on);
    [[nodiscard]] bool spilling() const { return file_ != nullptr || discard_; }
    // When spilling: writes the events in memory to the file and empties the memory (keeping its capacity).
    // Throws InvalidInput "event log: cannot write the temporary file: why" (a full disk; when pipelined,
    // possibly at a later call, as soon as the second thread has failed).
    void spill();
    // Starts (true) or stops (false, after everything queued is done) the second thread. Never changes the
    // digest, the events or the file. Throws std::system_error when no thread can be started.
    void setPipelined(bool on);
    [[nodiscard]] bool pipelined() const { return pipeline_ != nullptr; }
    // Calls `visit` with every event in order, in chunks (spilled ones read back from the file). Throws as
    // spill().
    void forEach(const std::function<void(std::span<const LogEvent>)>& visit) const;
    // The SHA-256 over the canonical lines of every event so far, in lowercase hex (64 characters). Throws
    // as spill() when pipelined.
    [[nodiscard]] std::string digestHex() const;
    // The canonical line of an event (what the digest hashes), without the newline.
    [[nodiscard]] static std::string canonicalLine(const LogEvent& event, std::string_view attackId);
    void clear();

private:
    struct Pipeline;
    friend struct Pipeline;
    void hashPending() const;
    // Formats the canonical line of `event` into pending_, hashing pending_ once it holds kHashBatch octets.
    void appendLine(const LogEvent& event, std::string_view attackId) const;
    // Formats and hashes `events` (ids[i]: the attack id of events[i], nullptr for none).
    void hashEvents(std::span<const LogEvent> events, std::span<const std::string* const> ids) const;
    void writeToFile(std::span<const LogEvent> events) const;
    // Waits until the second thread has done everything queued (nothing when not pipelined); throws as
    // spill() if it failed.
    void drain() const;
    const std::string* internedId(std::string_view attackId);
    std::vector<LogEvent> events_;
    std::FILE* file_ = nullptr;
    bool discard_ = false; // setDiscard: spill() drops the events instead of writing them
    std::uint64_t spilled_ = 0;
    // Canonical lines not yet hashed: the first pendingSize_ octets of a buffer of a batch and one line
    // (sized at the first line; formatted in place, never grown).
    mutable std::vector<char> pending_;
    mutable std::size_t pendingSize_ = 0;
    mutable crypto::Sha256 digest_;
    // Pipelined: the attack ids the queued blocks point to (never changed or freed while the log lives) and
    // the second thread with its queue.
    std::set<std::string, std::less<>> ids_;
    const std::string* lastId_ = nullptr;
    std::unique_ptr<Pipeline> pipeline_;
};

} // namespace mtcsec::engine
