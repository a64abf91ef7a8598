// Fuzz target: Diameter S6a Authentication-Information Request/Answer (RFC 6733 3, 4; TS 29.272 5.2.3.1).
// What the encoder writes for the message's kind (request: User-Name and Visited-PLMN-Id; answer:
// Result-Code and the E-UTRAN vector) must decode back to the same values.
#include "core/protocol/DiameterS6a.h"
#include "tests/fuzz/FuzzTarget.h"

namespace mtcsec::fuzz {

void diameter(ByteView input)
{
    using namespace protocol;
    const auto m = decodeS6a(input);
    if (!m)
        return;
    const Bytes encoded = encodeS6a(*m);
    const auto again = decodeS6a(encoded);
    check(again.has_value(), "Diameter: the encoding of a decoded message does not decode");
    check(again->request == m->request && again->hopByHop == m->hopByHop && again->endToEnd == m->endToEnd,
          "Diameter: the header differs after a round trip");
    if (m->request) {
        check(again->userName == m->userName && again->visitedPlmn == m->visitedPlmn,
              "Diameter: the AIR differs after a round trip");
    } else {
        check(again->resultCode == m->resultCode && again->vector.has_value() == m->vector.has_value(),
              "Diameter: the AIA differs after a round trip");
        if (m->vector)
            check(again->vector->rand == m->vector->rand && again->vector->xres == m->vector->xres &&
                      again->vector->autn == m->vector->autn && again->vector->kasme == m->vector->kasme,
                  "Diameter: the E-UTRAN vector differs after a round trip");
    }
    check(encodeS6a(*again) == encoded, "Diameter: the encoding is not stable");
}

} // namespace mtcsec::fuzz
