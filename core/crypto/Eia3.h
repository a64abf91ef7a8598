// 128-EIA3: ZUC based integrity (TS 33.401 Annex B.2.4; ETSI/SAGE "128-EEA3 & 128-EIA3 Document 1: 128-EEA3
// and 128-EIA3 Specifications" v1.7, clause 4).
#pragma once

#include "core/crypto/AlgorithmInput.h"

namespace mtcsec::crypto {

// The 32-bit MAC of the first `lengthBits` bits of `message` under the 16-octet IK. LENGTH may be 0. Bits
// of `message` beyond LENGTH are ignored. Throws InvalidInput for a bad key, BEARER or a LENGTH longer than
// the message.
[[nodiscard]] Mac eia3(ByteView key, const AlgorithmInput& input, ByteView message, std::size_t lengthBits);

// Whole-octet form used by the protocol stacks (no allocation).
[[nodiscard]] Mac eia3(ByteView key, const AlgorithmInput& input, ByteView message);

} // namespace mtcsec::crypto
