// Fuzz target: RRC messages on SRB1 (compact TLV, RrcMessage.h). The encoding is canonical: a message that
// decodes encodes back to the same octets.
#include "core/protocol/RrcMessage.h"
#include "tests/fuzz/FuzzTarget.h"

namespace mtcsec::fuzz {

void rrc(ByteView input)
{
    const auto m = protocol::decodeRrc(input);
    if (!m)
        return;
    (void)protocol::name(m->type);
    check(protocol::encodeRrc(m->type, m->body) == Bytes(input.begin(), input.end()),
          "RRC: encode(decode(x)) differs from x");
}

} // namespace mtcsec::fuzz
