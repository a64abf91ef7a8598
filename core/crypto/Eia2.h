// 128-EIA2: AES-128-CMAC over COUNT || BEARER || DIRECTION || 0^26 || MESSAGE, the MAC being the first
// 32 bits of the tag (TS 33.401 Annex B.2.3). Any LENGTH in bits.
#pragma once

#include "core/crypto/AlgorithmInput.h"

namespace mtcsec::crypto {

// The 32-bit MAC of the first `lengthBits` bits of `message`. Throws InvalidInput for a bad key, BEARER or
// length.
[[nodiscard]] Mac eia2(ByteView key, const AlgorithmInput& input, ByteView message, std::size_t lengthBits);

// Whole-octet form used by the protocol stacks.
[[nodiscard]] Mac eia2(ByteView key, const AlgorithmInput& input, ByteView message);

} // namespace mtcsec::crypto
