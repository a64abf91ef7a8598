// The SNOW 3G keystream generator: ETSI/SAGE "Specification of the 3GPP Confidentiality and Integrity
// Algorithms UEA2 & UIA2, Document 2: SNOW 3G Specification" v1.1, clause 3 (components) and clause 4
// (initialisation and keystream generation). 128-EEA1/128-EIA1 (TS 33.401 B.1.2/B.2.2) are built on it.
#pragma once

#include "core/crypto/Bytes.h"

#include <array>
#include <cstdint>

namespace mtcsec::crypto {

// One SNOW 3G instance keyed and initialised (clause 4.1), then clocked once per 32-bit keystream word z_t
// (clause 4.2). No allocation: the state is 19 words on the stack.
class Snow3g {
public:
    using Words = std::array<std::uint32_t, 4>;

    // k = {k0, k1, k2, k3} and iv = {IV0, IV1, IV2, IV3}: the 32-bit words of clause 4.1 (s15 = k3 xor IV0,
    // ..., s0 = k0 xor 1). Runs the 32 initialisation clocks and the one discarded keystream clock.
    Snow3g(const Words& k, const Words& iv) noexcept;

    // The next keystream word: z1 on the first call, then z2, ... (clause 4.2).
    [[nodiscard]] std::uint32_t next() noexcept;

    // The 4 words w0 || w1 || w2 || w3 of 16 octets, each big-endian (the octet order of the test data:
    // "2bd6459f82c5b300..." gives w0 = 0x2bd6459f). Throws InvalidInput naming `field` unless 16 octets.
    [[nodiscard]] static Words wordsOf(ByteView octets, const char* field);

private:
    std::uint32_t clockFsm() noexcept;                          // clause 3.4.6: F, then R1, R2, R3
    void clockLfsrInitialisationMode(std::uint32_t F) noexcept; // clause 3.4.4
    void clockLfsrKeystreamMode() noexcept;                     // clause 3.4.5

    std::array<std::uint32_t, 16> s_{}; // the LFSR s0..s15
    std::uint32_t R1_ = 0, R2_ = 0, R3_ = 0;
};

} // namespace mtcsec::crypto
