// The simulation engine: a discrete-event simulation of MTC devices, eNB, MME, HSS, S-GW, P-GW and MTC server
// exchanging real protocol messages with real cryptography (TS 33.401, TS 24.301, TS 36.323), with the
// scenario's protections and attacks acting on the bytes on each link (PRODUCT.md sections 2-4).
#pragma once

#include "core/engine/EngineObserver.h"
#include "core/engine/EventLog.h"
#include "core/engine/RunSummary.h"
#include "core/scenario/Scenario.h"

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>

namespace mtcsec::engine {

// What the receiving end of a hop made of a PDU.
enum class Reception : std::uint8_t {
    Pending,  // not arrived yet
    Accepted, // passed this hop's checks and was acted on (forwarded, or handed to the layer above)
    Dropped,  // refused by this hop's receiver (dropReason says which check)
};

// A PDU as it was put on a link and as its receiver read it, kept for the inspector.
struct PduRecord {
    std::uint32_t id = 0;
    SimTime time = 0;
    Link link = Link::Uu;
    bool downlink = false;
    std::uint32_t device = kNoDevice;
    Bytes bytes; // on the wire, as an attacker on the link captures it (after any tampering)
    Bytes plain; // the sender's view inside this hop's protection (PDCP SDU, ESP inner packet)
    std::string applicationPayload; // what the application sent, if it carries application data
    std::string attack;             // the attack that produced or changed it, if any
    // At arrival: what the receiver decoded inside this hop's protection from the bytes that reached it
    // (after any tampering): the PDCP-deciphered SDU on Uu, the inner packet after ESP on a backhaul link;
    // empty if it could not be decoded (for example an ESP ICV failure). And what it decided.
    Bytes received;
    Reception reception = Reception::Pending;
    DropReason dropReason = DropReason::Integrity; // when reception == Dropped
};

class Engine {
public:
    // Builds the network and schedules the scenario's traffic, attacks and protection changes.
    // Throws InvalidInput for a scenario the engine cannot run (for example an unimplemented algorithm).
    explicit Engine(Scenario scenario);
    // One cell of a larger run (core/engine/CellRun.h): `scenario` holds the cell's devices, whose global
    // indices start at `firstDevice`; their IMSIs, IP addresses, GTP-U TEIDs and OSCORE ids follow from the
    // global index, everything else (tables, the event log's device numbers, PDU ids, the capture sink's
    // device numbers) uses the index within the cell. Engine(s, 0) is Engine(s). Throws as Engine(Scenario),
    // and InvalidInput when the cell's devices would run past kMaxDevices.
    Engine(Scenario scenario, std::uint32_t firstDevice);
    ~Engine();
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    void setObserver(EngineObserver* observer);

    // Processes every event up to simulated time `until` (never beyond the scenario's end) and reports the
    // new events to the observer in one batch. Returns the number of events processed.
    std::size_t runUntil(SimTime until);
    // Processes at most one scheduled action (a single step); returns false when nothing is left before the
    // end.
    bool step();
    // The simulated time (microseconds) of the action step() would process next; nothing when none is left
    // before the end. Never throws.
    [[nodiscard]] std::optional<SimTime> nextEventTime();
    void runToEnd();

    [[nodiscard]] SimTime now() const;
    [[nodiscard]] SimTime endTime() const;
    [[nodiscard]] bool finished() const;

    // Live changes, taking effect as the real system would: a new NAS or AS Security Mode Command for every
    // attached device, new security associations for NDS/IP, a new end-to-end session.
    void setProtection(const Protection& protection);
    [[nodiscard]] const Protection& protection() const;
    // Adds an attacker at the current time (its start time counts from now if it lies in the past).
    // Throws InvalidInput if the id is taken or the target does not suit the kind.
    void addAttack(const AttackSpec& spec);
    // Removes an attacker; its tally stays in the summary, marked removed. False if there is no such id.
    bool removeAttack(const std::string& id);

    [[nodiscard]] const Scenario& scenario() const;
    // The events in memory: every event of the run, unless setSpillEvents(true), then only the latest (at
    // most 65536, those not yet written to the log's temporary file). The observer receives every event
    // either way.
    [[nodiscard]] const std::vector<LogEvent>& events() const;
    // Every event of the run so far (in memory and spilled).
    [[nodiscard]] std::uint64_t eventCount() const;
    // Calls `visit` with every event of the run in order, in chunks. Throws InvalidInput when the spilled
    // events cannot be read back (EventLog::forEach).
    void forEachEvent(const std::function<void(std::span<const LogEvent>)>& visit) const;
    // Keeps the event log in a temporary file instead of in memory (headless runs of many devices: 32 octets
    // per event otherwise stay in memory). The digest, the counters and the verdicts are the same. Throws
    // InvalidInput when the temporary file cannot be created.
    void setSpillEvents(bool on);
    // With setSpillEvents(true): drops the events that leave memory instead of writing them to a file (a
    // headless run without a CSV report needs only the counts and the digest). The digest, the counters and
    // the verdicts are the same; forEachEvent() then throws InvalidInput once events were dropped.
    void setDiscardSpilledEvents(bool on);
    // The threads the run uses (1: everything on the calling thread, as by default). From 2 on, a second
    // thread formats the event log's canonical lines, computes its digest and writes its temporary file
    // while the calling thread simulates (EventLog::setPipelined); more than 2 are allowed and use 2 (one
    // engine, with one random source and shared links, runs on one thread; a run split into cells runs a
    // cell per thread: core/engine/CellRun.h). The digest, every event,
    // count, verdict and report are the same for any number. Throws InvalidInput "threads: must be at least
    // 1" for 0.
    void setThreads(unsigned threads);
    // The threads the run really uses: 1 or 2.
    [[nodiscard]] unsigned threads() const;
    // A recent PDU by id, if still kept (the last 65536 PDUs are, unless setKeepPdus(false)).
    [[nodiscard]] std::optional<PduRecord> pdu(std::uint32_t pduId) const;

    // What an eavesdropper on the link would get from each PDU (the dissector's verdict), kept for the last
    // 65536 PDUs when switched on: the GUI colours messages by it. Off by default (it costs a parse per PDU).
    // It does not change the event log or the digest.
    void setClassifyPdus(bool on);
    [[nodiscard]] std::optional<Reading> pduReading(std::uint32_t pduId) const;

    // Keeps, with each of the last 65536 PDUs, what its receiver decoded from it (PduRecord::received: the
    // PDCP-deciphered SDU on Uu, the inner packet after ESP), for the inspector. Off by default: it costs a
    // second PDCP deciphering per Uu PDU and a copy per PDU. The receiver's decision (PduRecord::reception)
    // is kept either way. It does not change the event log or the digest.
    void setKeepReceiverView(bool on);
    // Whether the last 65536 PDUs are kept for the inspector (on by default). Off for headless runs: no copy
    // of each PDU, pdu() gives nothing. It does not change the event log, the digest or the captures.
    void setKeepPdus(bool on);

    // Hands every PDU, every attacker's capture and every key change to `sink` (not owned; nullptr: none).
    void setCaptureSink(class CaptureSink* sink);

    // The device's group and the algorithms its NAS and AS security contexts use now (TS 33.401 7.2.4), in
    // words: "group snow3g-only; NAS 128-EIA1+128-EEA1; AS RRC 128-EIA1+128-EEA1, UP 128-EEA1" ("none" for a
    // context not set up). Empty for a device index out of range.
    [[nodiscard]] std::string deviceSecurity(std::uint32_t device) const;

    // Counters, attack tallies, requirement verdicts and digest as of now.
    [[nodiscard]] RunSummary summary() const;
    // Approximate bytes of per-device state (all nodes' contexts for one device).
    [[nodiscard]] static std::size_t bytesPerDevice();

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

} // namespace mtcsec::engine
