// Fuzz target: RRC messages on SRB1 (UPER, RrcMessage.h). The decoder accepts only the canonical form (zero
// padding, minimal lengths, no extensions), so a message that decodes encodes back to the same octets.
#include "core/protocol/RrcMessage.h"
#include "tests/fuzz/FuzzTarget.h"

namespace mtcsec::fuzz {

void rrc(ByteView input)
{
    const auto m = protocol::decodeRrc(input);
    if (!m)
        return;
    (void)protocol::name(m->type);
    check(protocol::encodeRrc(m->type, m->body, m->transactionId) == Bytes(input.begin(), input.end()),
          "RRC: encode(decode(x)) differs from x");
    check(protocol::rrcBits(*m) + 8 > input.size() * 8 && protocol::rrcBits(*m) <= input.size() * 8,
          "RRC: the content bits do not end in the last octet");
}

} // namespace mtcsec::fuzz
