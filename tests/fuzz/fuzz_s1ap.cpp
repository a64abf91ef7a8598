// Fuzz target: S1AP messages (APER, S1apMessage.h). The decoder accepts only the encoder's canonical form
// (IEs in ASN.1 order, minimal integers, zero padding), so a message that decodes encodes back to the same
// octets.
#include "core/protocol/S1apMessage.h"
#include "tests/fuzz/FuzzTarget.h"

namespace mtcsec::fuzz {

void s1ap(ByteView input)
{
    using namespace protocol;
    const auto m = decodeS1ap(input);
    if (!m)
        return;
    (void)name(m->procedure);
    check(encodeS1ap(*m) == Bytes(input.begin(), input.end()), "S1AP: encode(decode(x)) differs from x");
}

} // namespace mtcsec::fuzz
