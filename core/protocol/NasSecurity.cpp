// Security protected NAS messages (TS 24.301 9.1, 4.4.3; TS 33.401 8.1: BEARER 0, COUNT = 0x00 || overflow ||
// SN).
#include "core/protocol/NasSecurity.h"

#include "core/protocol/NasMessage.h"

#include <algorithm>

namespace mtcsec::protocol {
namespace {

crypto::AlgorithmInput input(std::uint32_t count, bool downlink)
{
    return {count & 0x00ffffffu, 0, downlink ? crypto::Direction::Downlink : crypto::Direction::Uplink};
}

crypto::Mac macOver(const NasSecurityContext& c, bool downlink, std::uint32_t count, ByteView snAndMessage)
{
    return crypto::computeMac(c.eia, c.kNasInt, input(count, downlink), snAndMessage);
}

bool ciphered(std::uint8_t sht)
{
    return sht == kShtIntegrityCiphered || sht == kShtIntegrityCipheredNewContext;
}

} // namespace

std::optional<std::uint8_t> nasSecurityHeaderType(ByteView pdu)
{
    if (pdu.empty() || (pdu[0] & 0x0f) != kPdEmm)
        return std::nullopt;
    return static_cast<std::uint8_t>(pdu[0] >> 4);
}

Bytes protectNas(const NasSecurityContext& c, std::uint8_t sht, bool downlink, std::uint32_t count,
                 ByteView plain)
{
    if (sht == kShtPlain)
        return Bytes(plain.begin(), plain.end());
    // One buffer: security header type and PD, the MAC (filled in last), SN and the message.
    Bytes pdu;
    pdu.reserve(6 + plain.size());
    pdu.push_back(static_cast<std::uint8_t>(sht << 4 | kPdEmm));
    pdu.insert(pdu.end(), 4, 0);
    pdu.push_back(static_cast<std::uint8_t>(count));
    pdu.insert(pdu.end(), plain.begin(), plain.end());
    const std::span<std::uint8_t> body = std::span(pdu).subspan(5);
    if (ciphered(sht))
        crypto::encipherInPlace(c.eea, c.kNasEnc, input(count, downlink), body.subspan(1));
    const crypto::Mac mac = macOver(c, downlink, count, body);
    std::copy(mac.begin(), mac.end(), pdu.begin() + 1);
    return pdu;
}

NasUnprotected unprotectNas(const NasSecurityContext& c, bool downlink, std::uint32_t expected, ByteView pdu)
{
    NasUnprotected r;
    const auto sht = nasSecurityHeaderType(pdu);
    if (!sht)
        return r;
    r.securityHeaderType = *sht;
    if (*sht == kShtPlain) {
        r.plain.assign(pdu.begin(), pdu.end());
        r.verdict = NasVerdict::Accepted;
        return r;
    }
    if (*sht > kShtIntegrityCipheredNewContext || pdu.size() < 7)
        return r;
    const ByteView received = pdu.subspan(1, 4);
    const ByteView snAndMessage = pdu.subspan(5);
    const std::uint8_t sn = snAndMessage[0];

    // TS 24.301 4.4.3.1: the receiver estimates the overflow counter from the SN it receives.
    std::uint32_t count = (expected & 0x00ffff00u) | sn;
    if (count < expected)
        count += 0x100;
    count &= 0x00ffffffu;
    const auto verifies = [&](std::uint32_t candidate) {
        const crypto::Mac mac = macOver(c, downlink, candidate, snAndMessage);
        return std::equal(mac.begin(), mac.end(), received.begin());
    };
    if (c.eia != crypto::IntegrityAlgorithm::Eia0 && !verifies(count)) {
        // Does it verify under the COUNT of an earlier message? Then it is a replay of one.
        const bool older = count >= 0x100 && verifies(count - 0x100);
        r.verdict = older ? NasVerdict::Replay : NasVerdict::IntegrityFailure;
        return r;
    }
    r.count = count;
    r.plain.assign(snAndMessage.begin() + 1, snAndMessage.end());
    if (ciphered(*sht))
        crypto::encipherInPlace(c.eea, c.kNasEnc, input(count, downlink), r.plain);
    r.verdict = NasVerdict::Accepted;
    return r;
}

} // namespace mtcsec::protocol
