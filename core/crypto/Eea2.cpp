// 128-EEA2 (TS 33.401 Annex B.1.3).
#include "core/crypto/Eea2.h"

#include "core/crypto/CryptoLedger.h"

#include <algorithm>

namespace mtcsec::crypto {

Block eea2CounterBlock(const AlgorithmInput& input)
{
    const auto head = packCountBearerDirection(input);
    Block t1{};
    std::copy(head.begin(), head.end(), t1.begin());
    return t1;
}

Bytes eea2(ByteView key, const AlgorithmInput& input, ByteView data, std::size_t lengthBits)
{
    validateAlgorithmInput(key, input, data, lengthBits);
    noteAlgorithm(Algorithm::Eea2);
    Bytes out(data.begin(), data.begin() + static_cast<std::ptrdiff_t>(octetsForBits(lengthBits)));
    // A message shorter than 2^64 blocks never carries out of the low 64 bits, so a 128-bit counter
    // increment gives the same keystream as the 64-bit one the specification defines.
    aes128CtrXor(key, eea2CounterBlock(input), out);
    clearBitsBeyondLength(out, lengthBits);
    return out;
}

void eea2InPlace(ByteView key, const AlgorithmInput& input, std::span<std::uint8_t> data)
{
    validateAlgorithmInput(key, input, data, data.size() * 8);
    noteAlgorithm(Algorithm::Eea2);
    aes128CtrXor(key, eea2CounterBlock(input), data);
}

} // namespace mtcsec::crypto
