// 128-EEA3 (TS 33.401 B.1.4; ETSI/SAGE 128-EEA3 & 128-EIA3 Document 1, clause 3).
#include "core/crypto/Eea3.h"

#include "core/crypto/CryptoLedger.h"
#include "core/crypto/KeystreamXor.h"
#include "core/crypto/Zuc.h"

namespace mtcsec::crypto {
namespace {

// Clause 3.3/3.4: KEY = CK; IV[0..3] = COUNT, IV[4] = BEARER || DIRECTION || 00, IV[5..7] = 0, IV[8..15] =
// IV[0..7]. Then the keystream words z1, z2, ... are XORed with the data (clause 3.5).
void cipher(ByteView key, const AlgorithmInput& input, std::span<std::uint8_t> data)
{
    const Zuc::Octets CK = Zuc::octetsOf(key, "KEY");
    Zuc::Octets IV{};
    IV[0] = static_cast<std::uint8_t>(input.count >> 24);
    IV[1] = static_cast<std::uint8_t>(input.count >> 16);
    IV[2] = static_cast<std::uint8_t>(input.count >> 8);
    IV[3] = static_cast<std::uint8_t>(input.count);
    IV[4] = static_cast<std::uint8_t>((input.bearer & 0x1f) << 3 |
                                      (static_cast<std::uint8_t>(input.direction) & 1) << 2);
    for (std::size_t i = 0; i < 8; ++i)
        IV[8 + i] = IV[i];
    Zuc zuc(CK, IV);
    xorKeystreamWords(zuc, data);
}

} // namespace

Bytes eea3(ByteView key, const AlgorithmInput& input, ByteView data, std::size_t lengthBits)
{
    validateAlgorithmInput(key, input, data, lengthBits);
    noteAlgorithm(Algorithm::Eea3);
    Bytes out(data.begin(), data.begin() + static_cast<std::ptrdiff_t>(octetsForBits(lengthBits)));
    notePrimitive(Primitive::ZucEea3, out.size());
    cipher(key, input, out);
    clearBitsBeyondLength(out, lengthBits);
    return out;
}

void eea3InPlace(ByteView key, const AlgorithmInput& input, std::span<std::uint8_t> data)
{
    validateAlgorithmInput(key, input, data, data.size() * 8);
    noteAlgorithm(Algorithm::Eea3);
    notePrimitive(Primitive::ZucEea3, data.size());
    cipher(key, input, data);
}

} // namespace mtcsec::crypto
