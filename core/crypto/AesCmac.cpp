// Bit-level AES-CMAC (NIST SP 800-38B clauses 6.1 and 6.2).
#include "core/crypto/AesCmac.h"

#include <algorithm>
#include <cassert>

namespace mtcsec::crypto {
namespace {

// SP 800-38B 6.1: doubling in GF(2^128) with R128 = 0^120 || 10000111.
Block doubleBlock(const Block& in)
{
    Block out;
    const std::uint8_t carry = in[0] >> 7;
    for (std::size_t i = 0; i < 15; ++i)
        out[i] = static_cast<std::uint8_t>(in[i] << 1 | in[i + 1] >> 7);
    out[15] = static_cast<std::uint8_t>(in[15] << 1);
    if (carry)
        out[15] ^= 0x87;
    return out;
}

} // namespace

Block aesCmacBits(const Aes128& cipher, ByteView message, std::size_t lengthBits)
{
    assert(message.size() * 8 >= lengthBits);
    const Block k1 = doubleBlock(cipher.encrypt(Block{}));
    const Block k2 = doubleBlock(k1);

    // n blocks; the last one is complete only when the message is a non-empty multiple of 128 bits.
    const std::size_t blocks = lengthBits == 0 ? 1 : (lengthBits + 127) / 128;
    const bool lastComplete = lengthBits != 0 && lengthBits % 128 == 0;

    Block state{};
    for (std::size_t b = 0; b + 1 < blocks; ++b) {
        for (std::size_t i = 0; i < 16; ++i)
            state[i] ^= message[b * 16 + i];
        cipher.encryptInPlace(state.data());
    }

    // The last block: its bits, then (if incomplete) a single 1 bit and zeros, XORed with K1 or K2.
    Block last{};
    const std::size_t lastStartBit = (blocks - 1) * 128;
    const std::size_t lastBits = lengthBits - lastStartBit;
    const std::size_t lastOctets = (lastBits + 7) / 8;
    std::copy_n(message.begin() + static_cast<std::ptrdiff_t>(lastStartBit / 8), lastOctets, last.begin());
    if (lastComplete) {
        for (std::size_t i = 0; i < 16; ++i)
            last[i] ^= k1[i];
    } else {
        const std::size_t fullOctets = lastBits / 8;
        const std::size_t rest = lastBits % 8;
        if (rest != 0)
            last[fullOctets] &= static_cast<std::uint8_t>(0xff << (8 - rest));
        last[fullOctets] |= static_cast<std::uint8_t>(0x80 >> rest);
        for (std::size_t i = 0; i < 16; ++i)
            last[i] ^= k2[i];
    }
    for (std::size_t i = 0; i < 16; ++i)
        state[i] ^= last[i];
    cipher.encryptInPlace(state.data());
    return state;
}

} // namespace mtcsec::crypto
