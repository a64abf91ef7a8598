// End-to-end application security: the header, AES-128-GCM / AES-128-CTR / AES-CMAC, and the replay window.
#include "core/protocol/AppSecurity.h"

#include "core/crypto/Primitives.h"
#include "core/protocol/ByteReader.h"
#include "core/protocol/Coap.h"
#include "core/protocol/Ipv4Udp.h"
#include "core/protocol/Oscore.h"

#include <algorithm>

namespace mtcsec::protocol {
namespace {

constexpr std::size_t kCmacTagSize = 8;

std::array<std::uint8_t, 12> nonce(bool uplink, std::uint32_t seq)
{
    return {uplink ? std::uint8_t{0} : std::uint8_t{1},
            0,
            0,
            0,
            0,
            0,
            0,
            0,
            static_cast<std::uint8_t>(seq >> 24),
            static_cast<std::uint8_t>(seq >> 16),
            static_cast<std::uint8_t>(seq >> 8),
            static_cast<std::uint8_t>(seq)};
}

crypto::Block counterBlock(bool uplink, std::uint32_t seq)
{
    crypto::Block iv{};
    const auto n = nonce(uplink, seq);
    std::copy(n.begin(), n.end(), iv.begin());
    iv[15] = 1;
    return iv;
}

// The endpoint's OSCORE context for one message: the device's (uplink sender) or the server's.
OscoreContext oscoreContextOf(const OscoreKeys& k, bool deviceSide, const ReplayWindow& window)
{
    OscoreContext c;
    const Bytes device(k.deviceId.begin(), k.deviceId.end()), server(k.serverId.begin(), k.serverId.end());
    c.senderId = deviceSide ? device : server;
    c.recipientId = deviceSide ? server : device;
    c.senderKey = deviceSide ? k.deviceKey : k.serverKey;
    c.recipientKey = deviceSide ? k.serverKey : k.deviceKey;
    c.commonIv = k.commonIv;
    c.replay = window;
    return c;
}

Bytes protectOscore(const AppKeys& keys, bool uplink, std::uint32_t seq, ByteView coap)
{
    const auto request = parseCoapPdu(coap);
    if (!request || !keys.oscore.derived)
        throw InvalidInput("OSCORE: no context or not a CoAP request");
    OscoreContext c = oscoreContextOf(keys.oscore, uplink, ReplayWindow());
    c.senderSequence = seq;
    return encodeCoapPdu(oscoreProtectRequest(c, *request).message);
}

AppUnprotected unprotectOscore(const AppKeys& keys, bool uplink, std::uint16_t port, ByteView payload,
                               ReplayWindow& window)
{
    AppUnprotected result;
    const auto outer = port == kPortCoap ? parseCoapPdu(payload) : std::nullopt;
    if (!outer)
        return result;
    if (outer->option(kOptionOscore) == nullptr) {
        // Bare CoAP where OSCORE is required: refused as unauthenticated (RFC 8613 8.2: no OSCORE option).
        result.verdict = parseCoap(payload) ? AppVerdict::IntegrityFailure : AppVerdict::Malformed;
        return result;
    }
    // The receiver is the server for uplink requests, the device for downlink ones.
    OscoreContext c = oscoreContextOf(keys.oscore, !uplink, window);
    const OscoreUnprotected u = oscoreUnprotectRequest(c, *outer);
    switch (u.verdict) {
    case OscoreVerdict::Accepted:
        break;
    case OscoreVerdict::Replay:
        result.verdict = AppVerdict::Replay;
        return result;
    case OscoreVerdict::UnknownContext:
    case OscoreVerdict::IntegrityFailure:
        result.verdict = AppVerdict::IntegrityFailure;
        return result;
    case OscoreVerdict::Malformed:
        return result;
    }
    Bytes inner = encodeCoapPdu(u.message);
    if (!parseCoap(inner))
        return result; // authentic, but not a message of this application
    window = c.replay;
    for (const std::uint8_t b : u.binding.partialIv)
        result.seq = result.seq << 8 | b;
    result.coap = std::move(inner);
    result.verdict = AppVerdict::Accepted;
    return result;
}

} // namespace

void deriveOscoreKeys(AppKeys& keys, std::uint32_t device)
{
    OscoreKeys& k = keys.oscore;
    const std::uint32_t id = device + 1;
    k.deviceId = {static_cast<std::uint8_t>(id >> 24), static_cast<std::uint8_t>(id >> 16),
                  static_cast<std::uint8_t>(id >> 8), static_cast<std::uint8_t>(id)};
    k.serverId = k.deviceId;
    k.serverId[0] |= 0x80;
    OscoreParameters p;
    p.masterSecret.assign(keys.enc.begin(), keys.enc.end());
    p.senderId.assign(k.deviceId.begin(), k.deviceId.end());
    p.recipientId.assign(k.serverId.begin(), k.serverId.end());
    const OscoreContext c = deriveOscoreContext(p);
    k.deviceKey = c.senderKey;
    k.serverKey = c.recipientKey;
    k.commonIv = c.commonIv;
    k.derived = true;
}

std::uint8_t appFlags(const AppProtection& mode)
{
    return static_cast<std::uint8_t>((mode.confidentiality ? kAppFlagConfidentiality : 0) |
                                     (mode.integrity ? kAppFlagIntegrity : 0) |
                                     (mode.replayProtection ? kAppFlagReplay : 0));
}

std::uint16_t appPort(const AppProtection& mode)
{
    return appFlags(mode) == 0 || mode.oscore ? kPortCoap : kPortCoapProtected;
}

Bytes protectApp(const AppProtection& mode, const AppKeys& keys, bool uplink, std::uint32_t seq,
                 ByteView coap)
{
    Bytes out;
    protectApp(out, mode, keys, uplink, seq, coap);
    return out;
}

void protectApp(Bytes& out, const AppProtection& mode, const AppKeys& keys, bool uplink, std::uint32_t seq,
                ByteView coap)
{
    if (mode.oscore) {
        out = protectOscore(keys, uplink, seq, coap);
        return;
    }
    const std::uint8_t flags = appFlags(mode);
    if (flags == 0) {
        out.assign(coap.begin(), coap.end());
        return;
    }
    out.clear();
    out.reserve(kAppHeaderSize + coap.size() + 16); // the header, the message and a tag of up to 16 octets
    ByteWriter(out).u8(0x10u | flags).u32(seq);
    if (mode.confidentiality && mode.integrity) {
        // Sealed in place after the header (its associated data): no buffer of its own.
        out.insert(out.end(), coap.begin(), coap.end());
        out.resize(kAppHeaderSize + coap.size() + 16);
        const std::span<std::uint8_t> all(out);
        crypto::aes128GcmSealInPlace(keys.enc, nonce(uplink, seq), all.first(kAppHeaderSize),
                                     all.subspan(kAppHeaderSize, coap.size()),
                                     all.subspan(kAppHeaderSize + coap.size()).first<16>());
    } else if (mode.confidentiality) {
        out.insert(out.end(), coap.begin(), coap.end());
        crypto::aes128CtrXor(keys.enc, counterBlock(uplink, seq), std::span(out).subspan(kAppHeaderSize));
    } else if (mode.integrity) {
        out.insert(out.end(), coap.begin(), coap.end());
        const crypto::Block tag = crypto::aes128Cmac(keys.mac, out);
        out.insert(out.end(), tag.begin(), tag.begin() + kCmacTagSize);
    } else {
        // Replay protection alone: the header's sequence number, the message in clear and no tag (the flags
        // say so, and the receiver reads it that way).
        out.insert(out.end(), coap.begin(), coap.end());
    }
}

std::optional<AppHeader> parseAppHeader(ByteView payload)
{
    ByteReader r(payload);
    std::uint8_t first = 0;
    std::uint32_t seq = 0;
    r.u8(first);
    r.u32(seq);
    if (!r.ok() || first >> 4 != 1 || (first & 0x08) != 0 || (first & 0x07) == 0)
        return std::nullopt;
    return AppHeader{static_cast<std::uint8_t>(first & 0x07), seq, r.rest()};
}

AppUnprotected unprotectApp(const AppProtection& policy, const AppKeys& keys, bool uplink, std::uint16_t port,
                            ByteView payload, ReplayWindow& window)
{
    AppUnprotected result;
    unprotectApp(policy, keys, uplink, port, payload, window, result);
    return result;
}

void unprotectApp(const AppProtection& policy, const AppKeys& keys, bool uplink, std::uint16_t port,
                  ByteView payload, ReplayWindow& window, AppUnprotected& result)
{
    if (policy.oscore) {
        result = unprotectOscore(keys, uplink, port, payload, window);
        return;
    }
    result.verdict = AppVerdict::Malformed;
    result.seq = 0;
    result.coap.clear();
    std::uint8_t flags = 0;
    if (port == kPortCoap) {
        result.coap.assign(payload.begin(), payload.end());
    } else if (port == kPortCoapProtected) {
        const auto header = parseAppHeader(payload);
        if (!header)
            return;
        flags = header->flags;
        result.seq = header->seq;
        const ByteView head = payload.first(kAppHeaderSize);
        const bool c = flags & kAppFlagConfidentiality, i = flags & kAppFlagIntegrity;
        if (c && i) {
            if (!crypto::aes128GcmOpenInto(keys.enc, nonce(uplink, header->seq), head, header->body,
                                           result.coap)) {
                result.verdict = AppVerdict::IntegrityFailure;
                return;
            }
        } else if (c) {
            result.coap.assign(header->body.begin(), header->body.end());
            crypto::aes128CtrXor(keys.enc, counterBlock(uplink, header->seq), result.coap);
        } else if (i) {
            if (header->body.size() < kCmacTagSize)
                return;
            const ByteView covered = payload.first(payload.size() - kCmacTagSize);
            const crypto::Block tag = crypto::aes128Cmac(keys.mac, covered);
            if (!std::equal(tag.begin(), tag.begin() + kCmacTagSize, payload.end() - kCmacTagSize)) {
                result.verdict = AppVerdict::IntegrityFailure;
                return;
            }
            result.coap.assign(header->body.begin(), header->body.end() - kCmacTagSize);
        } else {
            result.coap.assign(header->body.begin(), header->body.end());
        }
    } else {
        return;
    }

    // The receiver's policy: what it requires must be present in the message.
    const std::uint8_t required = appFlags(policy) & (kAppFlagConfidentiality | kAppFlagIntegrity);
    if ((flags & required) != required) {
        result.verdict = policy.integrity && !(flags & kAppFlagIntegrity) ? AppVerdict::IntegrityFailure
                                                                          : AppVerdict::PolicyViolation;
        result.coap.clear();
        return;
    }
    if (policy.replayProtection) {
        if (port != kPortCoapProtected || !window.check(result.seq)) {
            result.verdict = AppVerdict::Replay;
            result.coap.clear();
            return;
        }
    }
    if (!parseCoap(result.coap)) {
        result.verdict = AppVerdict::Malformed;
        result.coap.clear();
        return;
    }
    if (policy.replayProtection)
        window.accept(result.seq);
    result.verdict = AppVerdict::Accepted;
}

} // namespace mtcsec::protocol
