// Ciphering with a word-oriented keystream generator (SNOW 3G, ZUC): the data XORed with the keystream words
// z1 || z2 || ..., each most significant octet first, over LENGTH bits (UEA2 Document 1 clause 3.4;
// 128-EEA3 Document 1 clause 3.5; TS 33.401 B.1.2/B.1.4).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace mtcsec::crypto {

// XORs the first octets of `data` with the keystream of `generator` (any type with a `std::uint32_t next()`),
// word by word, in place. The caller clears the bits beyond LENGTH afterwards when LENGTH is not a whole
// number of octets. No allocation.
template <class Generator>
void xorKeystreamWords(Generator& generator, std::span<std::uint8_t> data)
{
    std::size_t i = 0;
    for (; i + 4 <= data.size(); i += 4) {
        const std::uint32_t z = generator.next();
        data[i] ^= static_cast<std::uint8_t>(z >> 24);
        data[i + 1] ^= static_cast<std::uint8_t>(z >> 16);
        data[i + 2] ^= static_cast<std::uint8_t>(z >> 8);
        data[i + 3] ^= static_cast<std::uint8_t>(z);
    }
    if (i < data.size()) {
        const std::uint32_t z = generator.next();
        for (int shift = 24; i < data.size(); ++i, shift -= 8)
            data[i] ^= static_cast<std::uint8_t>(z >> shift);
    }
}

} // namespace mtcsec::crypto
