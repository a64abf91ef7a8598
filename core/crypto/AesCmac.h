// AES-128-CMAC over a message of any length in bits (NIST SP 800-38B), as 128-EIA2 needs it
// (TS 33.401 Annex B.2.3). Botan's CMAC is byte-oriented; this one pads inside the last octet.
#pragma once

#include "core/crypto/Bytes.h"
#include "core/crypto/Primitives.h"

#include <cstddef>

namespace mtcsec::crypto {

// The full 128-bit CMAC tag T of the first `lengthBits` bits of `message` (MSB first).
// `message` must hold at least octetsForBits(lengthBits) octets.
[[nodiscard]] Block aesCmacBits(const Aes128& cipher, ByteView message, std::size_t lengthBits);

} // namespace mtcsec::crypto
