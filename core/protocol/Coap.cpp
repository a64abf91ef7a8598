// CoAP encoding and strict parsing (RFC 7252 clauses 3, 3.1 and 4.1).
#include "core/protocol/Coap.h"

#include "core/protocol/ByteReader.h"

#include <cstdio>

namespace mtcsec::protocol {
namespace {
constexpr std::uint8_t kOptionUriPath = 11;
}

Bytes encodeCoap(const CoapMessage& m)
{
    Bytes out;
    encodeCoap(out, m);
    return out;
}

void encodeCoap(Bytes& out, const CoapMessage& m)
{
    out.clear();
    out.reserve(8 + 1 + m.uriPath.size() + 1 + m.payload.size()); // header and token, option, marker, payload
    ByteWriter w(out);
    if (m.code == kCodeEmpty) {
        // RFC 7252 4.1: an Empty message is the 4-octet header alone (TKL 0).
        w.u8(0x40u | static_cast<std::uint32_t>(m.type) << 4).u8(m.code).u16(m.messageId);
        return;
    }
    w.u8(0x40u | static_cast<std::uint32_t>(m.type) << 4 | 4u).u8(m.code).u16(m.messageId).u32(m.token);
    if (!m.uriPath.empty()) {
        // Option delta 11 (Uri-Path), length < 13.
        w.u8(static_cast<std::uint32_t>(kOptionUriPath) << 4 | static_cast<std::uint32_t>(m.uriPath.size()));
        w.bytes(ByteView(reinterpret_cast<const std::uint8_t*>(m.uriPath.data()), m.uriPath.size()));
    }
    if (!m.payload.empty()) {
        w.u8(0xff);
        w.bytes(ByteView(reinterpret_cast<const std::uint8_t*>(m.payload.data()), m.payload.size()));
    }
}

std::optional<CoapMessage> parseCoap(ByteView bytes)
{
    ByteReader r(bytes);
    std::uint8_t first = 0, code = 0;
    std::uint16_t mid = 0;
    r.u8(first);
    r.u8(code);
    r.u16(mid);
    if (!r.ok() || first >> 6 != 1)
        return std::nullopt;
    // RFC 7252 3: code classes 1, 6 and 7 are reserved; TKL 9-15 are reserved. Both are format errors.
    const unsigned codeClass = code >> 5;
    if (codeClass == 1 || codeClass >= 6)
        return std::nullopt;
    const std::size_t tkl = first & 0x0f;
    // RFC 7252 4.1: an Empty message (0.00) has TKL 0 and no byte after the Message ID.
    if (code == kCodeEmpty && (tkl != 0 || r.remaining() != 0))
        return std::nullopt;
    ByteView token;
    if (tkl > 8 || !r.bytes(tkl, token))
        return std::nullopt;
    CoapMessage m;
    m.type = static_cast<std::uint8_t>(first >> 4 & 3);
    m.code = code;
    m.messageId = mid;
    for (const std::uint8_t b : token)
        m.token = m.token << 8 | b;
    unsigned option = 0;
    while (r.remaining() > 0) {
        std::uint8_t head = 0;
        r.u8(head);
        if (head == 0xff) {
            const ByteView p = r.rest();
            if (p.empty())
                return std::nullopt; // a marker must be followed by a payload
            m.payload.assign(p.begin(), p.end());
            break;
        }
        const unsigned delta = head >> 4, length = head & 0x0f;
        if (delta >= 13 || length >= 13)
            return std::nullopt; // extended forms are not used by this application
        option += delta;
        ByteView value;
        if (!r.bytes(length, value))
            return std::nullopt;
        if (option == kOptionUriPath)
            m.uriPath.assign(value.begin(), value.end());
        else
            return std::nullopt; // unknown option numbers are not expected here
    }
    if (!r.ok())
        return std::nullopt;
    return m;
}

std::string readingPayload(int tenthsOfDegree, bool alarm)
{
    char text[32];
    const int magnitude = tenthsOfDegree < 0 ? -tenthsOfDegree : tenthsOfDegree;
    std::snprintf(text, sizeof text, "t=%c%02d.%d;alarm=%d", tenthsOfDegree < 0 ? '-' : '+',
                  magnitude / 10 % 100, magnitude % 10, alarm ? 1 : 0);
    return text;
}

std::string commandPayload(bool open)
{
    return open ? "valve=1" : "valve=0";
}

bool isReadingPayload(const std::string& t)
{
    const auto digit = [&](std::size_t i) {
        return t[i] >= '0' && t[i] <= '9';
    };
    return t.size() == 15 && t.compare(0, 2, "t=") == 0 && (t[2] == '+' || t[2] == '-') && digit(3) &&
           digit(4) && t[5] == '.' && digit(6) && t.compare(7, 7, ";alarm=") == 0 &&
           (t[14] == '0' || t[14] == '1');
}

bool isCommandPayload(const std::string& t)
{
    return t == "valve=0" || t == "valve=1";
}

} // namespace mtcsec::protocol
