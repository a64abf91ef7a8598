// 128-EIA3 (TS 33.401 B.2.4; ETSI/SAGE 128-EEA3 & 128-EIA3 Document 1, clause 4), written with the
// specification's names: the keystream words z_i taken at every bit offset i, T accumulated over the
// message bits, then MAC = T xor z_(32(L-1)).
#include "core/crypto/Eia3.h"

#include "core/crypto/CryptoLedger.h"
#include "core/crypto/Zuc.h"

#include <algorithm>

namespace mtcsec::crypto {
namespace {

using u32 = std::uint32_t;

// The keystream as a bit string read 32 bits at a time from any bit offset (clause 4.5: z_i =
// z[i] || ... || z[i+31]): `word` holds bits 32n..32n+31 and `following` the 32 after them.
class KeystreamWindow {
public:
    explicit KeystreamWindow(Zuc& zuc)
        : zuc_(zuc)
        , word_(zuc.next())
        , following_(zuc.next())
    {}
    // z_i for i = 32n + j, 0 <= j < 32 (the following word shifted in two steps: no shift by 32 at j = 0).
    [[nodiscard]] u32 at(unsigned j) const { return word_ << j | (following_ >> 1) >> (31 - j); }
    // Moves to the next 32 bits.
    void advance()
    {
        word_ = following_;
        following_ = zuc_.next();
    }
    [[nodiscard]] u32 following() const { return following_; }

private:
    Zuc& zuc_;
    u32 word_;
    u32 following_;
};

} // namespace

Mac eia3(ByteView key, const AlgorithmInput& input, ByteView message, std::size_t lengthBits)
{
    validateAlgorithmInput(key, input, message, lengthBits);
    noteAlgorithm(Algorithm::Eia3);
    notePrimitive(Primitive::ZucEia3, octetsForBits(lengthBits));
    // Clause 4.3: IV[0..3] = COUNT, IV[4] = BEARER || 000, IV[5..7] = 0, IV[8] = IV[0] xor DIRECTION << 7,
    // IV[9..13] = IV[1..5], IV[14] = IV[6] xor DIRECTION << 7, IV[15] = IV[7].
    const Zuc::Octets IK = Zuc::octetsOf(key, "KEY");
    const auto DIRECTION = static_cast<std::uint8_t>((static_cast<std::uint8_t>(input.direction) & 1) << 7);
    Zuc::Octets IV{};
    IV[0] = static_cast<std::uint8_t>(input.count >> 24);
    IV[1] = static_cast<std::uint8_t>(input.count >> 16);
    IV[2] = static_cast<std::uint8_t>(input.count >> 8);
    IV[3] = static_cast<std::uint8_t>(input.count);
    IV[4] = static_cast<std::uint8_t>((input.bearer & 0x1f) << 3);
    IV[8] = IV[0] ^ DIRECTION;
    for (std::size_t i = 9; i <= 13; ++i)
        IV[i] = IV[i - 8];
    IV[14] = IV[6] ^ DIRECTION;
    IV[15] = IV[7];
    Zuc zuc(IK, IV);

    // Clause 4.4/4.5: L = ceil(LENGTH / 32) + 2 keystream words; T = xor of z_i over the bits M[i] = 1,
    // then T xor z_LENGTH, and MAC = T xor z_(32(L-1)).
    KeystreamWindow z(zuc);
    u32 T = 0;
    for (std::size_t base = 0; base < lengthBits; base += 32) {
        if (base != 0)
            z.advance();
        // M[base .. base+31], most significant bit first; bits at LENGTH and beyond are not used.
        u32 M = 0;
        for (std::size_t k = 0; k < 4; ++k)
            M = M << 8 | (base / 8 + k < message.size() ? message[base / 8 + k] : 0u);
        const auto bits = static_cast<unsigned>(std::min<std::size_t>(32, lengthBits - base));
        for (unsigned j = 0; j < bits; ++j)
            T ^= z.at(j) & (0u - (M >> (31 - j) & 1u)); // z_i where M[i] = 1
    }
    if (lengthBits != 0 && lengthBits % 32 == 0)
        z.advance();
    T ^= z.at(static_cast<unsigned>(lengthBits % 32));
    // z_(32(L-1)) is the word after the one holding bit LENGTH, or that word's successor when LENGTH is not
    // a multiple of 32.
    const u32 last = lengthBits % 32 == 0 ? z.following() : zuc.next();
    const u32 MAC = T ^ last;
    return {static_cast<std::uint8_t>(MAC >> 24), static_cast<std::uint8_t>(MAC >> 16),
            static_cast<std::uint8_t>(MAC >> 8), static_cast<std::uint8_t>(MAC)};
}

Mac eia3(ByteView key, const AlgorithmInput& input, ByteView message)
{
    return eia3(key, input, message, message.size() * 8);
}

} // namespace mtcsec::crypto
