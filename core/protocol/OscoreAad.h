// The additional authenticated data of OSCORE's COSE_Encrypt0 object (RFC 8613 clause 5.4, RFC 8152 5.3):
// the Enc_structure ["Encrypt0", h'', external_aad] with external_aad = bstr .cbor [oscore_version: 1,
// algorithms: [alg_aead], request_kid, request_piv, options: Class I options (none defined: h'')].
#pragma once

#include "core/crypto/Bytes.h"

namespace mtcsec::protocol {

// The CBOR-encoded Enc_structure for AES-CCM-16-64-128 (algorithm 10), binding the message to the request's
// kid and Partial IV (for a response: those of its request, RFC 8613 7.1). No errors.
[[nodiscard]] Bytes oscoreAad(ByteView requestKid, ByteView requestPiv);

} // namespace mtcsec::protocol
