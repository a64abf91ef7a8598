// RRC messages on SRB1 (TS 36.331), compact TLV encoding.
#include "core/protocol/RrcMessage.h"

#include "core/protocol/ByteReader.h"

namespace mtcsec::protocol {

Bytes encodeRrc(RrcType type, ByteView body)
{
    Bytes out;
    ByteWriter(out)
        .u8(static_cast<std::uint32_t>(type))
        .u16(static_cast<std::uint32_t>(body.size()))
        .bytes(body);
    return out;
}

std::optional<RrcMessage> decodeRrc(ByteView bytes)
{
    ByteReader r(bytes);
    std::uint8_t type = 0;
    std::uint16_t length = 0;
    ByteView body;
    if (!r.u8(type) || !r.u16(length) || !r.bytes(length, body) || !r.atEnd())
        return std::nullopt;
    switch (static_cast<RrcType>(type)) {
    case RrcType::UlInformationTransfer:
    case RrcType::DlInformationTransfer:
        if (body.empty())
            return std::nullopt;
        break;
    case RrcType::SecurityModeCommand:
        if (body.size() != 3 || body[0] > 7 || body[1] > 7 || body[2] > 7)
            return std::nullopt;
        break;
    case RrcType::SecurityModeComplete:
    case RrcType::SecurityModeFailure:
        if (!body.empty())
            return std::nullopt;
        break;
    default:
        return std::nullopt;
    }
    return RrcMessage{static_cast<RrcType>(type), Bytes(body.begin(), body.end())};
}

const char* name(RrcType type)
{
    switch (type) {
    case RrcType::UlInformationTransfer:
        return "ULInformationTransfer";
    case RrcType::DlInformationTransfer:
        return "DLInformationTransfer";
    case RrcType::SecurityModeCommand:
        return "SecurityModeCommand";
    case RrcType::SecurityModeComplete:
        return "SecurityModeComplete";
    case RrcType::SecurityModeFailure:
        return "SecurityModeFailure";
    }
    return "RRC";
}

} // namespace mtcsec::protocol
