// 128-EEA1: SNOW 3G based ciphering (TS 33.401 Annex B.1.2), which is UEA2 (the f8 of ETSI/SAGE "UEA2 &
// UIA2 Document 1: UEA2 and UIA2 Specifications" v1.1, clause 3) with CK = KEY, COUNT-C = COUNT and the
// same BEARER (5 bits) and DIRECTION (1 bit).
#pragma once

#include "core/crypto/AlgorithmInput.h"

namespace mtcsec::crypto {

// The ciphertext (or plaintext: the function is its own inverse) of the first `lengthBits` bits of `data`,
// in octetsForBits(lengthBits) octets whose bits beyond LENGTH are zero. `key` is 16 octets (KEY[0..127],
// most significant first). LENGTH may be 0 (an empty result). Throws InvalidInput for a bad key, BEARER or a
// LENGTH longer than `data`.
[[nodiscard]] Bytes eea1(ByteView key, const AlgorithmInput& input, ByteView data, std::size_t lengthBits);

// Whole-octet form used by the protocol stacks: ciphers `data` in place, no allocation.
void eea1InPlace(ByteView key, const AlgorithmInput& input, std::span<std::uint8_t> data);

} // namespace mtcsec::crypto
