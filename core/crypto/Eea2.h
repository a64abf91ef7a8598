// 128-EEA2: AES-128 in counter mode (TS 33.401 Annex B.1.3). Counter block T1 = COUNT || BEARER || DIRECTION
// || 0^26 || 0^64, incremented on its least significant 64 bits.
#pragma once

#include "core/crypto/AlgorithmInput.h"
#include "core/crypto/Primitives.h"

namespace mtcsec::crypto {

// The ciphertext (or plaintext: the function is its own inverse) of the first `lengthBits` bits of `data`,
// in octetsForBits(lengthBits) octets whose bits beyond LENGTH are zero. Throws InvalidInput for a bad key,
// BEARER or length.
[[nodiscard]] Bytes eea2(ByteView key, const AlgorithmInput& input, ByteView data, std::size_t lengthBits);

// Whole-octet form used by the protocol stacks: ciphers `data` in place.
void eea2InPlace(ByteView key, const AlgorithmInput& input, std::span<std::uint8_t> data);

// The initial counter block T1 (exposed for the inspector and tests).
[[nodiscard]] Block eea2CounterBlock(const AlgorithmInput& input);

} // namespace mtcsec::crypto
