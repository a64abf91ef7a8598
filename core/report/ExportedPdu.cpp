// What a capture holds for one PDU: exported PDUs, Wireshark's PDCP-LTE UDP framing (packet-pdcp-lte.h).
// Declared in ExportedPdu.h; which dissector each link's PDUs get, and why, is in CaptureRecorder.cpp.
#include "core/report/ExportedPdu.h"

#include "core/protocol/Ipv4Udp.h"
#include "core/protocol/NasSecurity.h"
#include "core/protocol/Pdcp.h"
#include "core/protocol/RrcMessage.h"

namespace mtcsec::report {
namespace {

using namespace protocol;

const char* const kDissectorNas = "nas-eps";
const char* const kDissectorIp = "ip";
const char* const kDissectorData = "data";

bool looksIpv4(ByteView bytes)
{
    return bytes.size() >= 20 && (bytes[0] >> 4) == 4;
}

bool isNasPdu(ByteView bytes)
{
    return nasSecurityHeaderType(bytes).has_value();
}

ExportedPdu exported(const char* dissector, ByteView bytes, ExportTags tags = {})
{
    return ExportedPdu{dissector, Bytes(bytes.begin(), bytes.end()), std::move(tags)};
}

std::vector<ExportedPdu> exportUu(ByteView pdu)
{
    const auto h = parsePdcpHeader(pdu);
    if (h && h->lcid == kLcidSrb1 && h->payload.size() > 4) {
        const auto rrc = decodeRrc(h->payload.first(h->payload.size() - 4));
        if (rrc &&
            (rrc->type == RrcType::UlInformationTransfer || rrc->type == RrcType::DlInformationTransfer) &&
            isNasPdu(rrc->body))
            return {exported(kDissectorNas, rrc->body)};
    }
    if (h && h->lcid == kLcidDrb1 && parseIpv4(h->payload))
        return {exported(kDissectorIp, h->payload)};
    return {exported(kDissectorData, pdu, ExportTags{std::nullopt, "PDCP"})};
}

// The PDCP-LTE framing tags (packet-pdcp-lte.h).
constexpr std::uint8_t kTagPayload = 0x01, kTagSnLength = 0x02, kTagDirection = 0x03, kTagChannelType = 0x04,
                       kTagChannelId = 0x0d, kTagUeId = 0x0e;
constexpr std::uint8_t kPlaneSignalling = 1, kPlaneUser = 2, kChannelDcch = 1;

std::vector<ExportedPdu> exportIp(ByteView packet)
{
    return {exported(looksIpv4(packet) ? kDissectorIp : kDissectorData, packet)};
}

} // namespace

std::vector<ExportedPdu> exportLinkPdu(Link link, ByteView pdu)
{
    return link == Link::Uu ? exportUu(pdu) : exportIp(pdu);
}

std::optional<Bytes> pdcpLteFraming(ByteView uuPdu, bool downlink, std::uint16_t ueId)
{
    const auto h = parsePdcpHeader(uuPdu);
    if (!h)
        return std::nullopt;
    const bool srb = h->lcid == kLcidSrb1;
    static constexpr std::string_view kSignature = "pdcp-lte";
    Bytes out(kSignature.begin(), kSignature.end());
    out.insert(out.end(), {0, srb ? kPlaneSignalling : kPlaneUser, 0});
    out.insert(out.end(), {kTagSnLength, static_cast<std::uint8_t>(srb ? 5 : 12)});
    out.insert(out.end(), {kTagDirection, static_cast<std::uint8_t>(downlink ? 1 : 0)});
    if (srb)
        out.insert(out.end(), {kTagChannelType, kChannelDcch});
    const std::uint8_t bearer = srb ? kBearerSrb1 + 1 : kBearerDrb1 + 1; // the radio bearer identity
    out.insert(out.end(), {kTagChannelId, 0, bearer});
    out.insert(out.end(), {kTagUeId, static_cast<std::uint8_t>(ueId >> 8), static_cast<std::uint8_t>(ueId)});
    out.push_back(kTagPayload);
    out.insert(out.end(), uuPdu.begin() + 1, uuPdu.end());
    return out;
}

std::vector<ExportedPdu> exportUuPdu(ByteView uuPdu, const UuFrame& frame)
{
    const auto framed = pdcpLteFraming(uuPdu, frame.downlink, frame.ueId);
    if (!framed)
        return {exported(kDissectorData, uuPdu, ExportTags{std::nullopt, "PDCP"})};
    const std::uint32_t source = frame.downlink ? frame.enbAddress : frame.ueAddress;
    const std::uint32_t destination = frame.downlink ? frame.ueAddress : frame.enbAddress;
    return {exported(kDissectorIp, buildIpv4Udp(source, destination, kPortPdcpLteFraming, kPortPdcpLteFraming,
                                                0, *framed))};
}

ExportedPdu exportNodeBytes(ByteView bytes, bool nasPdu)
{
    return nasPdu ? exported(kDissectorNas, bytes)
                  : exported(looksIpv4(bytes) ? kDissectorIp : kDissectorData, bytes);
}

} // namespace mtcsec::report
