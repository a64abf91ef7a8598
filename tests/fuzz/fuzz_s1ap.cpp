// Fuzz target: S1AP messages (compact TLV, S1apMessage.h). IEs may come in any order, so the check is on the
// structure: decode(encode(decode(x))) has the same fields as decode(x).
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
    const Bytes encoded = encodeS1ap(*m);
    const auto again = decodeS1ap(encoded);
    check(again.has_value(), "S1AP: the encoding of a decoded message does not decode");
    check(again->procedure == m->procedure && again->enbUeId == m->enbUeId && again->mmeUeId == m->mmeUeId &&
              again->nasPdu == m->nasPdu && again->securityKey == m->securityKey &&
              again->ueSecurityCapabilities == m->ueSecurityCapabilities,
          "S1AP: decode(encode(decode(x))) differs from decode(x)");
    check(encodeS1ap(*again) == encoded, "S1AP: the encoding is not stable");
}

} // namespace mtcsec::fuzz
