// 128-EEA3: ZUC based ciphering (TS 33.401 Annex B.1.4; ETSI/SAGE "128-EEA3 & 128-EIA3 Document 1:
// 128-EEA3 and 128-EIA3 Specifications" v1.7, clause 3).
#pragma once

#include "core/crypto/AlgorithmInput.h"

namespace mtcsec::crypto {

// The ciphertext (or plaintext: the function is its own inverse) of the first `lengthBits` bits of `data`,
// in octetsForBits(lengthBits) octets whose bits beyond LENGTH are zero. `key` is CK, 16 octets. LENGTH may
// be 0 (an empty result). Throws InvalidInput for a bad key, BEARER or a LENGTH longer than `data`.
[[nodiscard]] Bytes eea3(ByteView key, const AlgorithmInput& input, ByteView data, std::size_t lengthBits);

// Whole-octet form used by the protocol stacks: ciphers `data` in place, no allocation.
void eea3InPlace(ByteView key, const AlgorithmInput& input, std::span<std::uint8_t> data);

} // namespace mtcsec::crypto
