// The null algorithms EEA0 and EIA0 (TS 33.401 Annex B.0, clause 5.1.3.2/5.1.4.2): a keystream of zeros and
// a MAC of zeros. They exist for emergency calls and, in this laboratory, for the downgrade story.
#pragma once

#include "core/crypto/AlgorithmInput.h"

namespace mtcsec::crypto {

// EEA0: the output equals the input (bits beyond LENGTH cleared).
[[nodiscard]] Bytes eea0(ByteView data, std::size_t lengthBits);

// EIA0: the 32-bit MAC is all zeros, whatever the input.
[[nodiscard]] Mac eia0();

} // namespace mtcsec::crypto
