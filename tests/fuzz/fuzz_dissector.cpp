// Fuzz target: the attacker's dissector (core/engine/Dissector.h), which parses captured bytes layer by layer
// with no keys. Octet 1 picks the view (its value modulo 8: the links Uu, S1-MME, S1-U, S6a, S5, SGi, then an
// insider's IP packet, then an insider's NAS PDU); the rest is the captured PDU.
#include "core/engine/Dissector.h"
#include "tests/fuzz/FuzzTarget.h"

namespace mtcsec::fuzz {

void dissector(ByteView input)
{
    if (input.empty())
        return;
    const unsigned view = input[0] % 8u;
    const ByteView pdu = input.subspan(1);
    engine::Finding f;
    if (view < kLinkCount)
        f = engine::dissectLink(kAllLinks[view], pdu);
    else if (view == kLinkCount)
        f = engine::dissectIpPacket(pdu);
    else
        f = engine::dissectNas(pdu);
    check((f.secrets & ~(engine::kSignallingSecrets | engine::kDataSecrets)) == 0,
          "dissector: an unknown secret bit");
    check(f.secrets == 0 || !f.content.empty(), "dissector: a secret found without saying what it read");
}

} // namespace mtcsec::fuzz
