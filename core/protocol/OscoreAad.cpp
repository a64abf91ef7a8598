// The COSE_Encrypt0 additional authenticated data of OSCORE (RFC 8613 5.4).
#include "core/protocol/OscoreAad.h"

#include "core/protocol/Cbor.h"
#include "core/protocol/OscoreContext.h"

namespace mtcsec::protocol {

Bytes oscoreAad(ByteView requestKid, ByteView requestPiv)
{
    Bytes external;
    CborWriter(external)
        .array(5)
        .unsignedInt(1) // oscore_version
        .array(1)
        .unsignedInt(kCoseAesCcm16_64_128)
        .byteString(requestKid)
        .byteString(requestPiv)
        .byteString(Bytes{}); // Class I options: none (RFC 8613 4.1.3.4.1)
    Bytes aad;
    CborWriter(aad).array(3).textString("Encrypt0").byteString(Bytes{}).byteString(external);
    return aad;
}

} // namespace mtcsec::protocol
