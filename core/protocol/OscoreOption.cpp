// The OSCORE option value: encoding and strict parsing (RFC 8613 6.1).
#include "core/protocol/OscoreOption.h"

#include "core/protocol/ByteReader.h"

#include <string>

namespace mtcsec::protocol {

Bytes encodeOscoreOption(const OscoreOptionValue& v)
{
    if (v.partialIv.size() > 5)
        throw InvalidInput("OSCORE Partial IV: at most 5 octets, got " + std::to_string(v.partialIv.size()));
    if (v.kidContext && v.kidContext->size() > 255)
        throw InvalidInput("OSCORE kid context: at most 255 octets, got " +
                           std::to_string(v.kidContext->size()));
    const auto flags =
        static_cast<std::uint32_t>(v.partialIv.size()) | (v.kid ? 0x08u : 0u) | (v.kidContext ? 0x10u : 0u);
    Bytes out;
    if (flags == 0)
        return out; // RFC 8613 6.1: all flag bits zero -> the option value is empty
    ByteWriter w(out);
    w.u8(flags).bytes(v.partialIv);
    if (v.kidContext)
        w.u8(static_cast<std::uint32_t>(v.kidContext->size())).bytes(*v.kidContext);
    if (v.kid)
        w.bytes(*v.kid);
    return out;
}

std::optional<OscoreOptionValue> parseOscoreOption(ByteView value)
{
    OscoreOptionValue v;
    if (value.empty())
        return v;
    ByteReader r(value);
    std::uint8_t flags = 0;
    r.u8(flags);
    const std::size_t n = flags & 0x07u;
    if ((flags & 0xe0u) != 0 || n > 5)
        return std::nullopt;
    ByteView piv;
    if (!r.bytes(n, piv))
        return std::nullopt;
    v.partialIv.assign(piv.begin(), piv.end());
    if (flags & 0x10u) {
        std::uint8_t s = 0;
        ByteView context;
        if (!r.u8(s) || !r.bytes(s, context))
            return std::nullopt;
        v.kidContext = Bytes(context.begin(), context.end());
    }
    const ByteView rest = r.rest();
    if (flags & 0x08u)
        v.kid = Bytes(rest.begin(), rest.end());
    else if (!rest.empty())
        return std::nullopt; // octets after the fields the flags announce
    return v;
}

} // namespace mtcsec::protocol
