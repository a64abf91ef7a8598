// The MTC server (SCS/AS): readings received and commands sent, end to end with the device (CoAP, RFC 7252,
// with the end-to-end security layer).
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

void Engine::Impl::serverFromSgi(InFlight& pdu)
{
    const auto inner = receiveBackhaul(Link::SGi, false, Node::Server, pdu);
    if (!inner)
        return;
    const auto ip = parseIpv4(*inner);
    const auto udp = ip && ip->protocol == kIpProtoUdp ? parseUdp(ip->payload) : std::nullopt;
    const auto d = ip ? deviceOfAddress(ip->source) : std::nullopt;
    if (!udp || ip->destination != kAddrServer) {
        drop(Node::Server, pdu.meta, DropReason::Malformed);
        return;
    }
    const std::uint16_t port = udp->destinationPort;
    const ByteView payload = udp->payload;
    if (!d) {
        drop(Node::Server, pdu.meta, DropReason::NoContext);
        return;
    }
    if (protection.app.dtls) {
        // Under dtls only CoAP over DTLS is taken; anything else fails the server's policy.
        if (port == kPortCoaps)
            serverFromDtls(*d, pdu.meta, payload);
        else
            drop(Node::Server, pdu.meta, DropReason::Policy);
        return;
    }
    ServerContext& s = server[*d];
    AppUnprotected& r = appReceived;
    unprotectApp(protection.app, ue[*d].app, true, port, payload, s.appWindow, r);
    if (r.verdict != AppVerdict::Accepted) {
        drop(Node::Server, pdu.meta, dropReasonOf(r.verdict));
        return;
    }
    deliverApplication(Node::Server, *d, pdu.meta, true, r.coap);
}

void Engine::Impl::serverSendDownlink(std::uint32_t d, std::uint32_t generation)
{
    if (ue[d].attachGeneration != generation || ue[d].state != UeState::Attached)
        return;
    if (protection.app.dtls && (!dtls[d].server || !dtls[d].server->established())) {
        // No association to send a command in: the server waits for the device to set one up.
        schedule(after(now, scenario.traffic.downlinkIntervalS), Action::Downlink, d, generation);
        return;
    }
    ServerContext& s = server[d];
    const auto record = static_cast<std::uint32_t>(records.size());
    records.push_back(AppRecord{.device = d, .uplink = false, .flag = rng.below(2) == 1});
    CoapMessage coap;
    coap.messageId = static_cast<std::uint16_t>(record);
    coap.token = record;
    coap.uriPath = "c";
    coap.payload = records.back().payload();
    ++traffic.downlinkSent;
    ++accounting.downlink.sent;
    log(EventKind::DownlinkSent, placeOf(Node::Server), d, record);
    Meta m;
    m.device = d;
    m.record = record;
    encodeCoap(appCoap, coap);
    if (protection.app.dtls) {
        serverSendDtls(d, dtls[d].server->protect(appCoap), m);
        schedule(after(now, scenario.traffic.downlinkIntervalS), Action::Downlink, d, generation);
        return;
    }
    protectApp(appPayload, protection.app, ue[d].app, false, ++s.appSeq, appCoap);
    const std::uint16_t port = appPort(protection.app);
    buildIpv4Udp(appPacket, kAddrServer, deviceAddress(d), port, port, nextIpId(), appPayload);
    sendSgi(true, appPacket, m);
    schedule(after(now, scenario.traffic.downlinkIntervalS), Action::Downlink, d, generation);
}

} // namespace mtcsec::engine
