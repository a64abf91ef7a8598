// PDCP SRB and DRB PDUs with their security (TS 36.323 6.2.2, 6.2.3, 5.6, 5.7; TS 33.401 7.4).
#include "core/protocol/Pdcp.h"

#include <algorithm>

namespace mtcsec::protocol {
namespace {

crypto::AlgorithmInput input(std::uint32_t count, std::uint8_t bearer, bool downlink)
{
    return {count, bearer, downlink ? crypto::Direction::Downlink : crypto::Direction::Uplink};
}

// HFN estimation (TS 36.323 5.1.2): the COUNT nearest to `expected`, within half the SN space, whose SN part
// equals `sn`.
std::uint32_t estimateCount(std::uint32_t expected, std::uint32_t sn, unsigned snBits)
{
    const std::uint32_t mask = (1u << snBits) - 1;
    std::uint32_t count = (expected & ~mask) | sn;
    if (count < expected && expected - count > (mask + 1) / 2)
        count += mask + 1; // the SN wrapped: the next HFN
    else if (count > expected && count - expected > (mask + 1) / 2 && count > mask)
        count -= mask + 1; // an old PDU of the previous HFN
    return count;
}

} // namespace

Bytes buildSrbPdu(const AsSecurityContext& as, bool downlink, std::uint32_t count, ByteView rrc)
{
    Bytes pdu;
    buildSrbPdu(pdu, as, downlink, count, rrc);
    return pdu;
}

void buildSrbPdu(Bytes& pdu, const AsSecurityContext& as, bool downlink, std::uint32_t count, ByteView rrc)
{
    pdu.clear();
    pdu.reserve(rrc.size() + 6);
    pdu.push_back(kLcidSrb1);
    pdu.push_back(static_cast<std::uint8_t>(count & 0x1f));
    pdu.insert(pdu.end(), rrc.begin(), rrc.end());
    crypto::Mac mac{};
    if (as.integrityActive)
        mac = crypto::computeMac(as.rrcEia, as.kRrcInt, input(count, kBearerSrb1, downlink),
                                 ByteView(pdu).subspan(1));
    pdu.insert(pdu.end(), mac.begin(), mac.end());
    if (as.cipheringActive)
        crypto::encipherInPlace(as.rrcEea, as.kRrcEnc, input(count, kBearerSrb1, downlink),
                                std::span(pdu).subspan(2));
}

Bytes buildDrbPdu(const AsSecurityContext& as, bool downlink, std::uint32_t count, ByteView ip)
{
    Bytes pdu;
    buildDrbPdu(pdu, as, downlink, count, ip);
    return pdu;
}

void buildDrbPdu(Bytes& pdu, const AsSecurityContext& as, bool downlink, std::uint32_t count, ByteView ip)
{
    pdu.clear();
    pdu.reserve(ip.size() + 3);
    pdu.push_back(kLcidDrb1);
    pdu.push_back(static_cast<std::uint8_t>(0x80 | (count >> 8 & 0x0f)));
    pdu.push_back(static_cast<std::uint8_t>(count));
    pdu.insert(pdu.end(), ip.begin(), ip.end());
    if (as.cipheringActive)
        crypto::encipherInPlace(as.upEea, as.kUpEnc, input(count, kBearerDrb1, downlink),
                                std::span(pdu).subspan(3));
}

std::optional<PdcpHeader> parsePdcpHeader(ByteView pdu)
{
    if (pdu.size() < 2)
        return std::nullopt;
    if (pdu[0] == kLcidSrb1) {
        if (pdu.size() < 6 || (pdu[1] & 0xe0) != 0)
            return std::nullopt;
        return PdcpHeader{kLcidSrb1, static_cast<std::uint16_t>(pdu[1] & 0x1f), pdu.subspan(2)};
    }
    if (pdu[0] == kLcidDrb1) {
        if (pdu.size() < 3 || (pdu[1] & 0x80) == 0)
            return std::nullopt;
        return PdcpHeader{kLcidDrb1, static_cast<std::uint16_t>((pdu[1] & 0x0f) << 8 | pdu[2]),
                          pdu.subspan(3)};
    }
    return std::nullopt;
}

void setPdcpSn(std::span<std::uint8_t> pdu, std::uint16_t sn)
{
    if (pdu.size() >= 2 && pdu[0] == kLcidSrb1) {
        pdu[1] = static_cast<std::uint8_t>(sn & 0x1f);
    } else if (pdu.size() >= 3 && pdu[0] == kLcidDrb1) {
        pdu[1] = static_cast<std::uint8_t>(0x80 | (sn >> 8 & 0x0f));
        pdu[2] = static_cast<std::uint8_t>(sn);
    }
}

PdcpReceived receivePdcp(const AsSecurityContext& as, bool downlink, PdcpCounter& srb, PdcpCounter& drb,
                         ByteView uuPdu)
{
    PdcpReceived r;
    receivePdcp(as, downlink, srb, drb, uuPdu, r);
    return r;
}

void receivePdcp(const AsSecurityContext& as, bool downlink, PdcpCounter& srb, PdcpCounter& drb,
                 ByteView uuPdu, PdcpReceived& r)
{
    r.verdict = PdcpVerdict::Malformed;
    r.lcid = 0;
    r.count = 0;
    Bytes& data = r.payload;
    data.clear(); // its capacity kept
    const auto header = parsePdcpHeader(uuPdu);
    if (!header)
        return;
    r.lcid = header->lcid;
    const bool isSrb = header->lcid == kLcidSrb1;
    PdcpCounter& expected = isSrb ? srb : drb;
    const std::uint32_t count = estimateCount(expected.next, header->sn, isSrb ? 5 : 12);
    r.count = count;
    if (count < expected.next) {
        r.verdict = PdcpVerdict::Duplicate;
        return;
    }
    if (isSrb) {
        // One buffer: the PDCP header octet (which MAC-I covers, TS 36.323 5.7) before the deciphered data
        // and MAC-I, so that the octets the integrity check covers lie together; it becomes the payload.
        data.reserve(1 + header->payload.size());
        data.push_back(uuPdu[1]);
        data.insert(data.end(), header->payload.begin(), header->payload.end());
        const std::span<std::uint8_t> protectedPart = std::span(data).subspan(1);
        if (as.cipheringActive)
            crypto::encipherInPlace(as.rrcEea, as.kRrcEnc, input(count, kBearerSrb1, downlink),
                                    protectedPart);
        const std::size_t rrcSize = protectedPart.size() - 4;
        if (as.integrityActive) {
            const crypto::Mac mac =
                crypto::computeMac(as.rrcEia, as.kRrcInt, input(count, kBearerSrb1, downlink),
                                   ByteView(data).first(1 + rrcSize));
            if (!std::equal(mac.begin(), mac.end(), data.end() - 4)) {
                data.clear();
                r.verdict = PdcpVerdict::IntegrityFailure;
                return;
            }
        }
        data.resize(1 + rrcSize);
        data.erase(data.begin());
    } else {
        data.assign(header->payload.begin(), header->payload.end());
        if (as.cipheringActive)
            crypto::encipherInPlace(as.upEea, as.kUpEnc, input(count, kBearerDrb1, downlink), data);
    }
    expected.next = count + 1;
    r.verdict = PdcpVerdict::Accepted;
}

} // namespace mtcsec::protocol
