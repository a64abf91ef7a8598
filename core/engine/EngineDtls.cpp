// End-to-end mode dtls: CoAP over DTLS 1.2 with a pre-shared key between device and MTC server (RFC 7252
// section 9.1, RFC 6347, TLS_PSK_WITH_AES_128_CCM_8 as LwM2M uses it), every handshake flight and record a
// UDP datagram to port 5684 on the simulated links, Botan's checks deciding what is accepted.
#include "core/crypto/Hex.h"
#include "core/engine/CaptureSink.h"
#include "core/engine/EngineImpl.h"
#include "core/engine/ProcedureHelpers.h"
#include "core/protocol/Ipv4Udp.h"
#include "core/protocol/Pdcp.h"

namespace mtcsec::engine {

using namespace protocol;
using namespace procedures;

namespace {

// A device quiet for longer than this has lost its association (the NAT binding on the way to the server
// expires: RFC 4787 REQ-5 asks at least 2 minutes, recommends 5) and handshakes again before its next
// reading.
constexpr SimTime kDtlsAssociationIdle = 300 * kMicrosPerSecond;
// A handshake without an answer for this long is given up and started again (RFC 6347 4.2.4.1: the
// retransmission timer's ceiling).
constexpr SimTime kDtlsHandshakeGiveUp = 60 * kMicrosPerSecond;

// The check that refused a datagram, as Botan reported it: a record's CCM_8 tag or the handshake's
// authentication (the Finished MAC over the transcript, RFC 5246 7.4.9) is integrity; a handshake message
// that did not parse (decode_error) is malformed: an epoch-0 handshake message carries no MAC of its own.
DropReason dropReasonOf(DtlsVerdict v)
{
    switch (v) {
    case DtlsVerdict::IntegrityFailure:
    case DtlsVerdict::HandshakeFailure:
        return DropReason::Integrity;
    case DtlsVerdict::Replay:
        return DropReason::Replay;
    case DtlsVerdict::Accepted:
    case DtlsVerdict::Malformed:
    case DtlsVerdict::HandshakeMalformed:
        break;
    }
    return DropReason::Malformed;
}

} // namespace

void Engine::Impl::requireDtlsFits(const Protection& p) const
{
    if (p.app.dtls && scenario.devices > kDtlsMaxDevices)
        throw InvalidInput("protection.app: dtls keeps a DTLS association per device (about " +
                           std::to_string(kDtlsBytesPerDevice / 1024) + " KiB each); at most " +
                           std::to_string(kDtlsMaxDevices) + " devices in a cell, this one has " +
                           std::to_string(scenario.devices) +
                           " (devices_per_cell, or --devices-per-cell on the " +
                           "command line, splits a run into cells)");
}

DtlsPskCredentials Engine::Impl::dtlsCredentials(std::uint32_t d) const
{
    // The PSK identity names the device (LwM2M: the endpoint client name); the key is its pre-shared
    // end-to-end key.
    return {"imsi-" + imsiOf(d), SecureBytes(ue[d].appMaster.begin(), ue[d].appMaster.end())};
}

bool Engine::Impl::ueDtlsReady(std::uint32_t d)
{
    DtlsDevice& t = dtls[d];
    if (t.client && t.client->established() && now - t.lastTraffic <= kDtlsAssociationIdle)
        return true;
    t.readingWaits = true;
    if (t.client && !t.client->established() && !t.client->failed() &&
        now - t.handshakeStarted < kDtlsHandshakeGiveUp)
        return false; // the handshake under way carries the reading when it completes
    std::array<std::uint8_t, 32> seed{};
    rng.fill(seed);
    t.client = std::make_unique<DtlsPskEndpoint>(DtlsRole::Client, dtlsCredentials(d), seed);
    t.handshakeStarted = now;
    ++t.handshakes;
    ++dtlsCounters.handshakes;
    Meta m;
    m.device = d;
    for (const Bytes& datagram : t.client->start())
        ueSendDtls(d, datagram, m);
    return false;
}

void Engine::Impl::countDtls(ByteView datagram, const Meta& meta)
{
    if (meta.record == 0) {
        ++dtlsCounters.handshakeDatagrams;
        dtlsCounters.handshakeOctets += datagram.size();
    } else {
        ++dtlsCounters.records;
        dtlsCounters.recordOverheadOctets += kDtlsRecordHeaderSize + kDtlsCcm8RecordExpansion;
    }
}

void Engine::Impl::ueSendDtls(std::uint32_t d, ByteView datagram, const Meta& meta)
{
    countDtls(datagram, meta);
    UeContext& u = ue[d];
    dtls[d].lastTraffic = now;
    buildIpv4Udp(appPacket, u.address, kAddrServer, kPortCoaps, kPortCoaps, nextIpId(), datagram);
    ueSendDrb(d, appPacket, meta);
}

void Engine::Impl::serverSendDtls(std::uint32_t d, ByteView datagram, const Meta& meta)
{
    countDtls(datagram, meta);
    buildIpv4Udp(appPacket, kAddrServer, deviceAddress(d), kPortCoaps, kPortCoaps, nextIpId(), datagram);
    sendSgi(true, appPacket, meta);
}

void Engine::Impl::ueFromDtls(std::uint32_t d, const Meta& meta, ByteView datagram)
{
    DtlsDevice& t = dtls[d];
    if (!t.client) {
        drop(Node::Device, meta, DropReason::NoContext);
        return;
    }
    DtlsOutput out = t.client->receive(datagram);
    if (out.verdict == DtlsVerdict::Accepted)
        t.lastTraffic = now;
    dtlsOutcome(Node::Device, d, meta, out);
    if (out.established && capture != nullptr) {
        // For the capture's key log (Wireshark: tls.keylog_file, or dtls.psk with the PSK).
        const std::string line = t.client->keyLogLine(); // "CLIENT_RANDOM random master"
        const std::size_t space = line.find(' ', 14);
        if (space != std::string::npos)
            capture->keysInForce(now, d, "dtls",
                                 "CLIENT_RANDOM=" + line.substr(14, space - 14) + " MASTER_SECRET=" +
                                     line.substr(space + 1) + " PSK=" + toHex(ue[d].appMaster));
    }
    if (out.established && t.readingWaits && ue[d].state == UeState::Attached) {
        t.readingWaits = false;
        ueSendReading(d);
    }
}

void Engine::Impl::serverFromDtls(std::uint32_t d, const Meta& meta, ByteView datagram)
{
    DtlsDevice& t = dtls[d];
    if (!t.server) {
        std::array<std::uint8_t, 32> seed{};
        rng.fill(seed);
        t.server = std::make_unique<DtlsPskServer>(dtlsCredentials(d), seed);
    }
    DtlsOutput out = t.server->receive(datagram);
    dtlsOutcome(Node::Server, d, meta, out);
}

void Engine::Impl::dtlsOutcome(Node node, std::uint32_t d, const Meta& meta, DtlsOutput& out)
{
    Meta reply;
    reply.device = d;
    for (const Bytes& datagram : out.send) {
        if (node == Node::Device)
            ueSendDtls(d, datagram, reply);
        else
            serverSendDtls(d, datagram, reply);
    }
    if (out.verdict != DtlsVerdict::Accepted) {
        drop(node, meta, dropReasonOf(out.verdict));
        return;
    }
    if (out.received.empty()) {
        // A handshake message taken: an attacker's copy or change of it shows, if at all, when the
        // handshake's Finished fails to verify. Not so for a HelloVerifyRequest (RFC 6347 4.2.1; outside the
        // Finished's transcript, 4.2.6): a changed cookie is echoed, the server's cookie check refuses it and
        // sends a new HelloVerifyRequest, and the handshake completes one round trip later; counted here as
        // no effect (nothing altered was kept, no message lost).
        if (meta.attack >= 0 && meta.mark != Mark::None && meta.mark != Mark::Downgraded)
            noEffect(node, meta.attack, d, NoEffectReason::Unchanged);
        return;
    }
    for (const Bytes& coap : out.received)
        deliverApplication(node, d, meta, node == Node::Server, coap);
}

} // namespace mtcsec::engine
