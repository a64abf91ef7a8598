// The interface through which the engine hands its traffic to a capture (packet capture files, a key log):
// every PDU put on a link, every PDU an attacker captured (an eavesdropper on its link, an insider inside its
// node), and the keys in force for a device whenever they change. Implemented outside the engine
// (core/report).
#pragma once

#include "core/engine/Engine.h"

#include <string>

namespace mtcsec::engine {

class CaptureSink {
public:
    virtual ~CaptureSink() = default;
    // A PDU put on a link (after any attacker on the link changed it).
    virtual void linkPdu(const PduRecord& pdu) = 0;
    // What an attacker captured: on a link (`link` set) the PDU as on the wire; in a node (`node` set) the
    // inner bytes the node holds in clear: an IPv4 packet, or a NAS PDU when `nasPdu`.
    virtual void attackerCapture(const std::string& attackId, SimTime time, std::optional<Link> link,
                                 std::optional<Node> node, ByteView bytes, bool nasPdu) = 0;
    // The keys now in force for a device at one end, as "name=hex" pairs in a line (for a key log).
    virtual void keysInForce(SimTime time, std::uint32_t device, const std::string& where,
                             const std::string& keys) = 0;
};

} // namespace mtcsec::engine
