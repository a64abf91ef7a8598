// CoAP messages with any options: encoding and strict parsing (RFC 7252 3 and 3.1).
#include "core/protocol/CoapPdu.h"

#include "core/protocol/ByteReader.h"

#include <algorithm>

namespace mtcsec::protocol {
namespace {

// RFC 7252 3.1: a delta or length below 13 in its nibble, 13 + one octet, 14 + two octets (minus 269).
std::uint32_t nibble(std::size_t value)
{
    return value < 13 ? static_cast<std::uint32_t>(value) : value < 269 ? 13u : 14u;
}

void extended(ByteWriter& w, std::size_t value)
{
    if (value >= 269)
        w.u16(static_cast<std::uint32_t>(value - 269));
    else if (value >= 13)
        w.u8(static_cast<std::uint32_t>(value - 13));
}

bool readExtended(ByteReader& r, unsigned field, std::size_t& value)
{
    if (field < 13) {
        value = field;
        return true;
    }
    if (field == 13) {
        std::uint8_t v = 0;
        if (!r.u8(v))
            return false;
        value = std::size_t{v} + 13;
        return true;
    }
    if (field == 14) {
        std::uint16_t v = 0;
        if (!r.u16(v))
            return false;
        value = std::size_t{v} + 269;
        return true;
    }
    return false; // 15 is reserved (the payload marker when both nibbles are 15)
}

} // namespace

const CoapOption* CoapPdu::option(std::uint16_t number) const
{
    const auto it = std::find_if(options.begin(), options.end(),
                                 [number](const CoapOption& o) { return o.number == number; });
    return it == options.end() ? nullptr : &*it;
}

void encodeCoapOptionsAndPayload(std::vector<CoapOption> options, ByteView payload, Bytes& out)
{
    std::stable_sort(options.begin(), options.end(),
                     [](const CoapOption& a, const CoapOption& b) { return a.number < b.number; });
    ByteWriter w(out);
    std::uint32_t previous = 0;
    for (const CoapOption& o : options) {
        const std::size_t delta = o.number - previous;
        w.u8(nibble(delta) << 4 | nibble(o.value.size()));
        extended(w, delta);
        extended(w, o.value.size());
        w.bytes(o.value);
        previous = o.number;
    }
    if (!payload.empty())
        w.u8(0xff).bytes(payload);
}

bool parseCoapOptionsAndPayload(ByteView bytes, std::vector<CoapOption>& options, Bytes& payload)
{
    ByteReader r(bytes);
    std::size_t number = 0;
    while (r.remaining() > 0) {
        std::uint8_t head = 0;
        r.u8(head);
        if (head == 0xff) {
            const ByteView p = r.rest();
            if (p.empty())
                return false; // RFC 7252 3: a marker followed by a zero-length payload is a format error
            payload.assign(p.begin(), p.end());
            return true;
        }
        std::size_t delta = 0, length = 0;
        if (!readExtended(r, head >> 4, delta) || !readExtended(r, head & 0x0fu, length))
            return false;
        number += delta;
        ByteView value;
        if (number > 0xffff || !r.bytes(length, value))
            return false;
        options.push_back(CoapOption{static_cast<std::uint16_t>(number), Bytes(value.begin(), value.end())});
    }
    return r.ok();
}

Bytes encodeCoapPdu(const CoapPdu& pdu)
{
    if (pdu.token.size() > 8)
        throw InvalidInput("CoAP token: at most 8 octets, got " + std::to_string(pdu.token.size()));
    Bytes out;
    ByteWriter(out)
        .u8(0x40u | static_cast<std::uint32_t>(pdu.type & 3u) << 4 |
            static_cast<std::uint32_t>(pdu.token.size()))
        .u8(pdu.code)
        .u16(pdu.messageId)
        .bytes(pdu.token);
    encodeCoapOptionsAndPayload(pdu.options, pdu.payload, out);
    return out;
}

std::optional<CoapPdu> parseCoapPdu(ByteView bytes)
{
    ByteReader r(bytes);
    std::uint8_t first = 0;
    CoapPdu pdu;
    r.u8(first);
    r.u8(pdu.code);
    r.u16(pdu.messageId);
    const std::size_t tkl = first & 0x0fu;
    ByteView token;
    if (!r.ok() || first >> 6 != 1 || tkl > 8 || !r.bytes(tkl, token))
        return std::nullopt;
    pdu.type = static_cast<std::uint8_t>(first >> 4 & 3u);
    pdu.token.assign(token.begin(), token.end());
    if (!parseCoapOptionsAndPayload(r.rest(), pdu.options, pdu.payload))
        return std::nullopt;
    return pdu;
}

} // namespace mtcsec::protocol
