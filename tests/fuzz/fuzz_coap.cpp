// Fuzz target: CoAP messages (RFC 7252 3, 4.1) and the application payloads they carry. A parsed message
// encodes and parses back to the same fields (the token may be shortened to the 4 octets the encoder writes,
// which keeps its value).
#include "core/protocol/Coap.h"
#include "tests/fuzz/FuzzTarget.h"

namespace mtcsec::fuzz {

void coap(ByteView input)
{
    using namespace protocol;
    const auto m = parseCoap(input);
    if (!m)
        return;
    const unsigned codeClass = m->code >> 5;
    check(codeClass != 1 && codeClass < 6, "CoAP: a reserved code class was accepted");
    check(m->code != kCodeEmpty || input.size() == 4, "CoAP: an Empty message with more than a header");
    (void)isReadingPayload(m->payload);
    (void)isCommandPayload(m->payload);
    const Bytes encoded = encodeCoap(*m);
    const auto again = parseCoap(encoded);
    check(again.has_value(), "CoAP: the encoding of a parsed message does not parse");
    check(again->type == m->type && again->code == m->code && again->messageId == m->messageId &&
              again->token == m->token && again->uriPath == m->uriPath && again->payload == m->payload,
          "CoAP: parse(encode(parse(x))) differs from parse(x)");
    check(encodeCoap(*again) == encoded, "CoAP: the encoding is not stable");
}

} // namespace mtcsec::fuzz
