// Fuzz target: GTP-U G-PDUs (TS 29.281 5.1). The encoding is canonical: a packet that parses encodes back to
// the same octets.
#include "core/protocol/GtpU.h"
#include "tests/fuzz/FuzzTarget.h"

namespace mtcsec::fuzz {

void gtpu(ByteView input)
{
    const auto g = protocol::parseGtpU(input);
    if (!g)
        return;
    check(protocol::encodeGtpU(g->teid, g->payload) == Bytes(input.begin(), input.end()),
          "GTP-U: encode(parse(x)) differs from x");
}

} // namespace mtcsec::fuzz
