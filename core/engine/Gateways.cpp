// The S-GW and the P-GW: GTP-U tunnels on S1-U and S5 (TS 29.281) and plain IP on SGi towards the MTC server.
#include "core/crypto/KeyHierarchy.h"
#include "core/crypto/Milenage.h"
#include "core/engine/AlgorithmSelection.h"
#include "core/engine/EngineImpl.h"
#include "core/engine/ProcedureHelpers.h"
#include "core/protocol/Coap.h"
#include "core/protocol/DiameterS6a.h"
#include "core/protocol/GtpU.h"
#include "core/protocol/Ipv4Udp.h"
#include "core/protocol/RrcMessage.h"
#include "core/protocol/S1apMessage.h"

#include <algorithm>

namespace mtcsec::engine {

using namespace protocol;
using namespace procedures;

// ---------------------------------------------------------------- S-GW, P-GW, server

void Engine::Impl::sgwFromS1u(InFlight& pdu)
{
    auto got = gtpFromBackhaul(Link::S1U, false, Node::SGW, pdu, kTeidS1uSgw, &sgwBearer);
    if (!got)
        return;
    const auto& [d, packet] = *got;
    insiderSees(Node::SGW, pdu.meta, packet, false);
    encodeGtpU(gtpPacket, teid(kTeidS5Pgw, d), packet);
    sendBackhaul(Link::S5, false, kAddrSgw, kAddrPgw, kPortGtpU, gtpPacket, pdu.meta);
}

void Engine::Impl::sgwFromS5(InFlight& pdu)
{
    auto got = gtpFromBackhaul(Link::S5, true, Node::SGW, pdu, kTeidS5Sgw, &sgwBearer);
    if (!got)
        return;
    const auto& [d, packet] = *got;
    insiderSees(Node::SGW, pdu.meta, packet, false);
    encodeGtpU(gtpPacket, teid(kTeidS1uEnb, d), packet);
    sendBackhaul(Link::S1U, true, kAddrSgw, kAddrEnb, kPortGtpU, gtpPacket, pdu.meta);
}

void Engine::Impl::pgwFromS5(InFlight& pdu)
{
    auto got = gtpFromBackhaul(Link::S5, false, Node::PGW, pdu, kTeidS5Pgw, &pgwBearer);
    if (!got)
        return;
    auto& [d, packet] = *got;
    Meta meta = pdu.meta;
    meta.device = d;
    const auto ip = parseIpv4(packet);
    if (!ip) {
        drop(Node::PGW, meta, DropReason::Malformed); // for example deciphered with the wrong keystream
        return;
    }
    if (ip->source != deviceAddress(d)) {
        drop(Node::PGW, meta, DropReason::Policy); // anti-spoofing: the bearer's address only
        return;
    }
    insiderSees(Node::PGW, meta, packet, false);
    sendSgi(false, packet, meta);
}

void Engine::Impl::pgwFromSgi(InFlight& pdu)
{
    const auto inner = receiveBackhaul(Link::SGi, true, Node::PGW, pdu);
    if (!inner)
        return;
    const auto ip = parseIpv4(*inner);
    const auto d = ip ? deviceOfAddress(ip->destination) : std::nullopt;
    if (!ip) {
        drop(Node::PGW, pdu.meta, DropReason::Malformed);
        return;
    }
    if (!d || pgwBearer[*d] == 0) {
        drop(Node::PGW, pdu.meta, DropReason::NoContext);
        return;
    }
    Meta meta = pdu.meta;
    meta.device = *d;
    insiderSees(Node::PGW, meta, *inner, false);
    encodeGtpU(gtpPacket, teid(kTeidS5Sgw, *d), *inner);
    sendBackhaul(Link::S5, true, kAddrPgw, kAddrSgw, kPortGtpU, gtpPacket, meta);
}

} // namespace mtcsec::engine
