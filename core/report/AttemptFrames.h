// An active attacker's capture, attempt by attempt: the frames of each attempt (the PDU as captured and as
// the attacker sent it on) held until the receiver's decision on it is known, then released in the order of
// the attempts with frame comments naming what the attacker did and what the receiver decided.
#pragma once

#include "core/engine/CaptureSink.h"
#include "core/report/ExportedPdu.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace mtcsec::report {

// One frame of an attacker's capture file.
struct CommentedFrame {
    engine::SimTime time = 0;
    ExportedPdu pdu;
    std::string comment; // the pcapng frame comment
};

// Frame comments, one per frame (prefix "<id> <kind> attempt <n>", <n> counting from 1 as the report's
// "attempts"):
//   "a2 tamper attempt 5: original (device 3, uplink), as captured at 12.000000 s; the receiver got the
//    changed PDU instead" (a replayer's: "it went on as sent, the copy follows later")
//   "a2 tamper attempt 5: changed: flipped bit 0 of octet 39 of 44; in this frame (nas-eps, 17 octets):
//    octet 12: 3c -> 3d (bit 0 flipped); decided by the eNB at 12.015000 s: dropped, integrity check failed
//    => blocked [attack-blocked: integrity]"
// "forged:" instead of "changed:" for an injected PDU (no original); "attempt <n> (continued)" for a further
// frame of the same attempt (a second view of one PDU, a downgrader's restored Security Mode Command). The
// decision ends every changed, forged and continued changed frame: "=> blocked", "=> succeeded" or
// "=> no effect" with the event log's event in brackets, as counted in the report; an attempt with no
// decision when the capture ends says "still in flight" (=> no effect, the report's "in-flight").
class AttemptFrames {
public:
    // Where released frames go: the attack's id and one frame, in file order.
    using Writer = std::function<void(const std::string& attackId, const CommentedFrame& frame)>;
    // The frames of one PDU on `link` (sent to or by `device`), as the link's own capture exports it.
    using Exporter =
        std::function<std::vector<ExportedPdu>(Link link, std::uint32_t device, bool downlink, ByteView pdu)>;

    // `heldBytesLimit`: at most about this many bytes of frames wait for decisions; beyond it the oldest
    // attempts are released undecided (their comments say so).
    AttemptFrames(qsizetype heldBytesLimit, Exporter exporter, Writer writer);

    // An attacker's change (CaptureSink::attackerAction): a new attempt is held; a change of attempt 0 joins
    // the device's pending attempt of that attack, or is released at once when there is none.
    void action(const engine::AttackerAction& action);
    // The receiver's decision (CaptureSink::attemptDecided): the attempt's frames get it, and every attempt
    // at the head of that attack's queue that is decided is released. A decision on an attempt not held (one
    // released undecided) is dropped.
    void decided(const engine::AttemptDecision& decision);
    // Releases every held attempt, those without a decision as still in flight.
    void releaseAll();

    [[nodiscard]] qsizetype heldBytes() const { return heldBytes_; }
    [[nodiscard]] std::size_t heldAttempts() const;

private:
    struct Held {
        std::uint32_t device = 0;
        AttackKind kind = AttackKind::Tamper;
        std::vector<CommentedFrame> frames;
        std::vector<bool> takesDecision; // per frame: the decision is appended to its comment
        std::string decision;            // empty until decided
        qsizetype bytes = 0;
    };
    struct Queue {
        std::map<std::uint64_t, Held> attempts; // by attempt number: the order they were made
        std::unordered_map<std::uint32_t, std::uint64_t> ofDevice; // a device's latest attempt
    };

    void add(Held& held, engine::SimTime time, const ExportedPdu& pdu, std::string comment,
             bool takesDecision);
    void release(const std::string& attackId, Queue& queue, std::map<std::uint64_t, Held>::iterator it,
                 const std::string& undecided);
    void releaseDecidedHeads(const std::string& attackId, Queue& queue);
    void bound();

    qsizetype limit_;
    Exporter exporter_;
    Writer writer_;
    std::map<std::string, Queue> queues_;
    qsizetype heldBytes_ = 0;
};

} // namespace mtcsec::report
