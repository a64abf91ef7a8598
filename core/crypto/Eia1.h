// 128-EIA1: SNOW 3G based integrity (TS 33.401 Annex B.2.2), which is UIA2 (the f9 of ETSI/SAGE "UEA2 & UIA2
// Document 1: UEA2 and UIA2 Specifications" v1.1, clause 4) with IK = KEY, COUNT-I = COUNT, the same
// DIRECTION and FRESH = BEARER || 0^27.
#pragma once

#include "core/crypto/AlgorithmInput.h"

namespace mtcsec::crypto {

// UIA2 f9 (Document 1 clause 4.4): the 32-bit MAC-I of the first `lengthBits` bits of `message` under the
// 16-octet IK, the 32-bit COUNT-I and FRESH and the 1-bit DIRECTION. LENGTH may be 0. Bits of `message`
// beyond LENGTH are ignored. Throws InvalidInput for a key that is not 16 octets or a LENGTH longer than the
// message.
[[nodiscard]] Mac uia2(ByteView ik, std::uint32_t countI, std::uint32_t fresh, Direction direction,
                       ByteView message, std::size_t lengthBits);

// 128-EIA1: the 32-bit MAC of the first `lengthBits` bits of `message`. Throws InvalidInput for a bad key,
// BEARER or length.
[[nodiscard]] Mac eia1(ByteView key, const AlgorithmInput& input, ByteView message, std::size_t lengthBits);

// Whole-octet form used by the protocol stacks (no allocation).
[[nodiscard]] Mac eia1(ByteView key, const AlgorithmInput& input, ByteView message);

} // namespace mtcsec::crypto
