// The interface through which the engine hands its traffic to a capture (packet capture files, a key log):
// every PDU put on a link, every PDU an attacker captured (an eavesdropper on its link, an insider inside its
// node), what an active attacker changed and what the receiver decided about it, the keys in force for a
// device whenever they change, and what a decoder needs to read protected PDUs as the receivers do (the AS
// context each Uu sender uses, the ESP SAs, who each device is). Implemented outside the engine
// (core/report).
#pragma once

#include "core/engine/Engine.h"
#include "core/protocol/Esp.h"
#include "core/protocol/Pdcp.h"

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

// Who a device is on the network: its IMSI (TS 23.003 2.2), the IPv4 address its PDN connection gets, and the
// GTP-U TEIDs of its bearer (TS 29.281): S1-U at the S-GW (uplink) and at the eNB (downlink), S5 at the P-GW
// (uplink) and at the S-GW (downlink).
struct DeviceIdentity {
    std::string imsi;
    std::uint32_t address = 0;
    std::uint32_t enbAddress = 0; // the eNB serving it (the other end of its Uu)
    std::uint32_t teidS1uSgw = 0;
    std::uint32_t teidS1uEnb = 0;
    std::uint32_t teidS5Pgw = 0;
    std::uint32_t teidS5Sgw = 0;
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

    // Who device `device` is; called once per device when the sink is set. The default ignores it.
    virtual void deviceIdentity(std::uint32_t device, const DeviceIdentity& identity)
    {
        (void)device;
        (void)identity;
    }
    // The AS security context the sender on Uu protects the device's PDUs with from now on (TS 33.401
    // 7.2.4.5): `downlink` the eNB, else the device; called when its keys change and when ciphering starts,
    // before the first PDU so protected is sent. A context without integrity (`as.integrityActive` false)
    // starts a new RRC connection: both directions unprotected, PDCP COUNTs from 0. The default ignores it.
    virtual void uuSecurity(SimTime time, std::uint32_t device, bool downlink,
                            const protocol::AsSecurityContext& as)
    {
        (void)time;
        (void)device;
        (void)downlink;
        (void)as;
    }
    // An ESP SA in use from now on for one direction of a backhaul link (TS 33.210, RFC 4303, RFC 4106):
    // SPI, tunnel addresses, AES-128-GCM key and salt. Called when the sink is set for the SAs then in force,
    // and for every new SA. The default ignores it.
    virtual void espSecurityAssociation(SimTime time, Link link, bool downlink, const protocol::EspSa& sa)
    {
        (void)time;
        (void)link;
        (void)downlink;
        (void)sa;
    }
};

} // namespace mtcsec::engine
