// S1AP (TS 36.413) in a compact TLV encoding.
#include "core/protocol/S1apMessage.h"

#include "core/protocol/ByteReader.h"

#include <algorithm>

namespace mtcsec::protocol {
namespace {
// IE ids of TS 36.413 clause 9.3.6.
constexpr std::uint8_t kIeNasPdu = 26;
constexpr std::uint8_t kIeSecurityKey = 73;
constexpr std::uint8_t kIeUeSecurityCapabilities = 107;
} // namespace

Bytes encodeS1ap(const S1apMessage& m)
{
    Bytes out;
    ByteWriter w(out);
    w.u8(static_cast<std::uint32_t>(m.procedure)).u32(m.enbUeId).u32(m.mmeUeId);
    if (m.ueSecurityCapabilities)
        w.u8(kIeUeSecurityCapabilities).u16(2).bytes(*m.ueSecurityCapabilities);
    if (m.securityKey)
        w.u8(kIeSecurityKey).u16(32).bytes(*m.securityKey);
    if (!m.nasPdu.empty())
        w.u8(kIeNasPdu).u16(static_cast<std::uint32_t>(m.nasPdu.size())).bytes(m.nasPdu);
    return out;
}

std::optional<S1apMessage> decodeS1ap(ByteView bytes)
{
    ByteReader r(bytes);
    std::uint8_t proc = 0;
    S1apMessage m;
    if (!r.u8(proc) || !r.u32(m.enbUeId) || !r.u32(m.mmeUeId))
        return std::nullopt;
    m.procedure = static_cast<S1apProcedure>(proc);
    switch (m.procedure) {
    case S1apProcedure::InitialContextSetupRequest:
    case S1apProcedure::InitialContextSetupResponse:
    case S1apProcedure::DownlinkNasTransport:
    case S1apProcedure::InitialUeMessage:
    case S1apProcedure::UplinkNasTransport:
        break;
    default:
        return std::nullopt;
    }
    while (r.remaining() > 0) {
        std::uint8_t ie = 0;
        std::uint16_t length = 0;
        ByteView value;
        if (!r.u8(ie) || !r.u16(length) || !r.bytes(length, value))
            return std::nullopt;
        if (ie == kIeNasPdu && !value.empty()) {
            m.nasPdu.assign(value.begin(), value.end());
        } else if (ie == kIeSecurityKey && value.size() == 32) {
            m.securityKey.emplace();
            std::copy(value.begin(), value.end(), m.securityKey->begin());
        } else if (ie == kIeUeSecurityCapabilities && value.size() == 2) {
            m.ueSecurityCapabilities = std::array<std::uint8_t, 2>{value[0], value[1]};
        } else {
            return std::nullopt;
        }
    }
    if (!r.ok())
        return std::nullopt;
    return m;
}

const char* name(S1apProcedure p)
{
    switch (p) {
    case S1apProcedure::InitialContextSetupRequest:
        return "InitialContextSetupRequest";
    case S1apProcedure::InitialContextSetupResponse:
        return "InitialContextSetupResponse";
    case S1apProcedure::DownlinkNasTransport:
        return "DownlinkNASTransport";
    case S1apProcedure::InitialUeMessage:
        return "InitialUEMessage";
    case S1apProcedure::UplinkNasTransport:
        return "UplinkNASTransport";
    }
    return "S1AP";
}

} // namespace mtcsec::protocol
