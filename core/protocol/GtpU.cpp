// GTP-U G-PDU (TS 29.281 5.1): flags 0x30 (version 1, PT 1, no optional fields), type 255, length, TEID.
#include "core/protocol/GtpU.h"

#include "core/protocol/ByteReader.h"

namespace mtcsec::protocol {

Bytes encodeGtpU(std::uint32_t teid, ByteView payload)
{
    Bytes out;
    encodeGtpU(out, teid, payload);
    return out;
}

void encodeGtpU(Bytes& out, std::uint32_t teid, ByteView payload)
{
    out.clear();
    out.reserve(8 + payload.size());
    ByteWriter(out)
        .u8(0x30)
        .u8(0xff)
        .u16(static_cast<std::uint32_t>(payload.size()))
        .u32(teid)
        .bytes(payload);
}

std::optional<GtpUPacket> parseGtpU(ByteView bytes)
{
    ByteReader r(bytes);
    std::uint8_t flags = 0, type = 0;
    std::uint16_t length = 0;
    std::uint32_t teid = 0;
    if (!r.u8(flags) || !r.u8(type) || !r.u16(length) || !r.u32(teid) || flags != 0x30 || type != 0xff ||
        length != r.remaining())
        return std::nullopt;
    return GtpUPacket{teid, r.rest()};
}

} // namespace mtcsec::protocol
