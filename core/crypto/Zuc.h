// The ZUC keystream generator: ETSI/SAGE "Specification of the 3GPP Confidentiality and Integrity Algorithms
// 128-EEA3 & 128-EIA3, Document 2: ZUC Specification" v1.6, clause 3 (LFSR, bit reorganization, nonlinear
// function F, key loading, initialisation and working stages). 128-EEA3/128-EIA3 are built on it.
#pragma once

#include "core/crypto/Bytes.h"

#include <array>
#include <cstdint>

namespace mtcsec::crypto {

// One ZUC instance keyed and initialised (clauses 3.5, 3.6.1), then run once per 32-bit keystream word Z
// (clause 3.6.2). No allocation.
class Zuc {
public:
    using Octets = std::array<std::uint8_t, 16>;

    // k = k0 || ... || k15 and iv = iv0 || ... || iv15 (clause 3.5: s_i = k_i || d_i || iv_i). Runs the 32
    // initialisation rounds and the first, discarded, working round.
    Zuc(const Octets& k, const Octets& iv) noexcept;

    // The next keystream word Z: z1 on the first call, then z2, ...
    [[nodiscard]] std::uint32_t next() noexcept;

    // 16 octets as an Octets array. Throws InvalidInput naming `field` unless 16 octets.
    [[nodiscard]] static Octets octetsOf(ByteView octets, const char* field);

private:
    void bitReorganization() noexcept;                         // clause 3.3: X0, X1, X2, X3
    std::uint32_t F() noexcept;                                // clause 3.4: W, then R1 and R2
    void lfsrWithInitialisationMode(std::uint32_t u) noexcept; // clause 3.2.1
    void lfsrWithWorkMode() noexcept;                          // clause 3.2.2
    [[nodiscard]] std::uint32_t feedback() const noexcept;
    void shiftIn(std::uint32_t s16) noexcept;

    std::array<std::uint32_t, 16> s_{}; // the LFSR s0..s15, 31-bit cells
    std::uint32_t X0_ = 0, X1_ = 0, X2_ = 0, X3_ = 0;
    std::uint32_t R1_ = 0, R2_ = 0;
};

} // namespace mtcsec::crypto
