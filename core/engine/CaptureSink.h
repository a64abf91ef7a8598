// The interface through which the engine hands its traffic to a capture (packet capture files, a key log):
// every PDU put on a link, every PDU an attacker captured (an eavesdropper on its link, an insider inside its
// node), what an active attacker changed and what the receiver decided about it, and the keys in force for a
// device whenever they change. Implemented outside the engine (core/report).
#pragma once

#include "core/engine/Engine.h"

#include <string>
#include <string_view>

namespace mtcsec::engine {

// What an active attacker (tamper, replay, inject, downgrade) did in one attempt: the PDU as it captured it
// and the PDU it put on the link instead (or in addition: a replayed copy, a forgery).
struct AttackerAction {
    std::string_view attackId;
    AttackKind kind = AttackKind::Tamper;
    // The attack's attempt number: AttackTally::attempts once this attempt is counted (1, 2, ...). 0: a
    // change that is no attempt of its own but part of the device's pending one (a downgrader restoring the
    // capabilities in the Security Mode Command).
    std::uint64_t attempt = 0;
    std::uint32_t device = kNoDevice;
    Link link = Link::Uu;
    bool downlink = false;
    SimTime originalTime = 0; // when the original was captured (a replay: the delay before `time`)
    ByteView original;        // the PDU as captured on `link`; empty for a forgery
    SimTime time = 0;         // when `changed` was put on `link`
    ByteView changed;         // as on the wire after the attacker
    std::string_view what; // the attacker's own account, as in its examples: "flipped bit 0 of octet 5 of 9"
};

// What decided an attempt's outcome: the receiver's check that ran (the same decision the event log records
// as attack-blocked, attack-succeeded or attack-no-effect, and the tally counts).
enum class AttemptOutcome : std::uint8_t { Blocked, Succeeded, NoEffect };

struct AttemptDecision {
    std::string_view attackId;
    std::uint64_t attempt = 0; // as AttackerAction::attempt; 0: the device's latest attempt of this attack
    std::uint32_t device = kNoDevice;
    SimTime time = 0;
    Node node = Node::Device; // where it was decided
    AttemptOutcome outcome = AttemptOutcome::NoEffect;
    DropReason blockedBy = DropReason::Integrity;        // the check that refused it (Blocked)
    NoEffectReason noEffect = NoEffectReason::Unchanged; // why it changed nothing (NoEffect)
};

class CaptureSink {
public:
    virtual ~CaptureSink() = default;
    // A PDU put on a link (after any attacker on the link changed it).
    virtual void linkPdu(const PduRecord& pdu) = 0;
    // What an attacker captured: on a link (`link` set) the PDU as on the wire; in a node (`node` set) the
    // inner bytes the node holds in clear: an IPv4 packet, or a NAS PDU when `nasPdu`.
    virtual void attackerCapture(const std::string& attackId, SimTime time, std::optional<Link> link,
                                 std::optional<Node> node, ByteView bytes, bool nasPdu) = 0;
    // What an active attacker did (called once per attempt, when the changed PDU goes on the link, and for
    // every further change belonging to an attempt); by default ignored.
    virtual void attackerAction(const AttackerAction& action) { (void)action; }
    // The decision on an attempt (exactly once per attempt whose outcome is known; none for an attempt still
    // on its way); by default ignored.
    virtual void attemptDecided(const AttemptDecision& decision) { (void)decision; }
    // The keys now in force for a device at one end, as "name=hex" pairs in a line (for a key log).
    virtual void keysInForce(SimTime time, std::uint32_t device, const std::string& where,
                             const std::string& keys) = 0;
};

} // namespace mtcsec::engine
