// 128-EEA1 (TS 33.401 B.1.2) = UEA2 f8 (ETSI/SAGE UEA2 & UIA2 Document 1, clause 3.4).
#include "core/crypto/Eea1.h"

#include "core/crypto/CryptoLedger.h"
#include "core/crypto/KeystreamXor.h"
#include "core/crypto/Snow3g.h"

namespace mtcsec::crypto {
namespace {

// Clause 3.4.1: K3 = CK[0..31], ..., K0 = CK[96..127]; IV3 = IV1 = COUNT-C, IV2 = IV0 = BEARER || DIRECTION
// || 0^26. Then the keystream words z1, z2, ... are XORed with the data (clause 3.4.2/3.4.3).
void f8(ByteView key, const AlgorithmInput& input, std::span<std::uint8_t> data)
{
    const Snow3g::Words CK = Snow3g::wordsOf(key, "KEY");
    const std::uint32_t bearerDirection =
        std::uint32_t{input.bearer} << 27 | std::uint32_t{static_cast<std::uint8_t>(input.direction)} << 26;
    Snow3g snow({CK[3], CK[2], CK[1], CK[0]}, {bearerDirection, input.count, bearerDirection, input.count});
    xorKeystreamWords(snow, data);
}

} // namespace

Bytes eea1(ByteView key, const AlgorithmInput& input, ByteView data, std::size_t lengthBits)
{
    validateAlgorithmInput(key, input, data, lengthBits);
    noteAlgorithm(Algorithm::Eea1);
    Bytes out(data.begin(), data.begin() + static_cast<std::ptrdiff_t>(octetsForBits(lengthBits)));
    notePrimitive(Primitive::Snow3gF8, out.size());
    f8(key, input, out);
    clearBitsBeyondLength(out, lengthBits);
    return out;
}

void eea1InPlace(ByteView key, const AlgorithmInput& input, std::span<std::uint8_t> data)
{
    validateAlgorithmInput(key, input, data, data.size() * 8);
    noteAlgorithm(Algorithm::Eea1);
    notePrimitive(Primitive::Snow3gF8, data.size());
    f8(key, input, data);
}

} // namespace mtcsec::crypto
