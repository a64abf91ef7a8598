// The inputs shared by every EPS confidentiality and integrity algorithm: COUNT, BEARER, DIRECTION and a
// message of LENGTH bits (TS 33.401 Annex B.1.1 and B.2.1).
#pragma once

#include "core/crypto/Bytes.h"

#include <array>
#include <cstddef>
#include <cstdint>

namespace mtcsec::crypto {

enum class Direction : std::uint8_t { Uplink = 0, Downlink = 1 };

struct AlgorithmInput {
    std::uint32_t count = 0; // COUNT: NAS COUNT (0x00 || overflow || SQN) or PDCP COUNT
    std::uint8_t bearer = 0; // BEARER: 5 bits; 0 for NAS, radio bearer identity - 1 for PDCP
    Direction direction = Direction::Uplink;
};

// A 32-bit integrity tag: NAS-MAC, XNAS-MAC, MAC-I or XMAC-I.
using Mac = std::array<std::uint8_t, 4>;

// Octets needed for `lengthBits` bits.
constexpr std::size_t octetsForBits(std::size_t lengthBits)
{
    return (lengthBits + 7) / 8;
}

// Throws InvalidInput unless the key is 16 octets, BEARER fits in 5 bits and `message` holds at least LENGTH
// bits. Bits beyond LENGTH are ignored: some official test sets (128-EEA2 set 3) give an extra octet.
void validateAlgorithmInput(ByteView key, const AlgorithmInput& input, ByteView message,
                            std::size_t lengthBits);

// COUNT (32) || BEARER (5) || DIRECTION (1) || 0^26: the first 64 bits of the 128-EEA2 counter block and of
// the 128-EIA2 message (TS 33.401 B.1.3, B.2.3).
[[nodiscard]] std::array<std::uint8_t, 8> packCountBearerDirection(const AlgorithmInput& input);

// Clears the bits of the last octet beyond `lengthBits` (TS 33.401 B.1.3: output bits beyond LENGTH are 0).
void clearBitsBeyondLength(std::span<std::uint8_t> data, std::size_t lengthBits);

} // namespace mtcsec::crypto
