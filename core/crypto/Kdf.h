// The generic key derivation function of TS 33.220 Annex B.2.0 used by TS 33.401 Annex A.1:
// S = FC || P0 || L0 || ... || Pn || Ln, derived key = HMAC-SHA-256(Key, S).
#pragma once

#include "core/crypto/Bytes.h"

#include <initializer_list>

namespace mtcsec::crypto {

// The FC values of TS 33.401 Annex A.
enum class KdfFc : std::uint8_t {
    Kasme = 0x10,        // A.2
    KeNB = 0x11,         // A.3
    Nh = 0x12,           // A.4
    KeNBStar = 0x13,     // A.5
    AlgorithmKey = 0x15, // A.7
};

// The input string S (exposed for the inspector and for tests).
[[nodiscard]] Bytes kdfInputString(KdfFc fc, std::initializer_list<ByteView> parameters);

// The 256-bit derived key.
[[nodiscard]] SecureBytes kdf(ByteView key, KdfFc fc, std::initializer_list<ByteView> parameters);

} // namespace mtcsec::crypto
