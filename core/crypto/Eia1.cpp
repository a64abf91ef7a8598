// 128-EIA1 (TS 33.401 B.2.2) = UIA2 f9 (ETSI/SAGE UEA2 & UIA2 Document 1, clause 4.4), written with the
// specification's names: P, Q and OTP from SNOW 3G, then the polynomial evaluation EVAL over GF(2^64).
#include "core/crypto/Eia1.h"

#include "core/InvalidInput.h"
#include "core/crypto/CryptoLedger.h"
#include "core/crypto/Snow3g.h"

#include <string>

namespace mtcsec::crypto {
namespace {

using u64 = std::uint64_t;

// MUL64x(V, c) and MUL64(V, P, c) of clause 4.3, with c = 0x1b (the polynomial x^64 + x^4 + x^3 + x + 1).
constexpr u64 c = 0x1b;

constexpr u64 MUL64x(u64 V)
{
    return (V >> 63) != 0 ? (V << 1) ^ c : V << 1;
}

constexpr u64 MUL64(u64 V, u64 P)
{
    u64 result = 0;
    for (int i = 0; i < 64; ++i, V = MUL64x(V)) {
        if (((P >> i) & 1) != 0)
            result ^= V; // V here is MUL64xPOW(V, i, c)
    }
    return result;
}

// The message block M_i: 64 bits from bit 64*i of `message`, bits at LENGTH and beyond set to 0.
u64 block(ByteView message, std::size_t i, std::size_t lengthBits)
{
    u64 M = 0;
    for (std::size_t j = 0; j < 8; ++j) {
        const std::size_t octet = 8 * i + j;
        M = M << 8 | (octet < message.size() ? message[octet] : 0u);
    }
    const std::size_t end = 64 * (i + 1);
    if (end > lengthBits)
        M &= end - lengthBits >= 64 ? 0 : ~u64{0} << (end - lengthBits);
    return M;
}

} // namespace

Mac uia2(ByteView ik, std::uint32_t countI, std::uint32_t fresh, Direction direction, ByteView message,
         std::size_t lengthBits)
{
    const Snow3g::Words IK = Snow3g::wordsOf(ik, "KEY");
    if (message.size() < octetsForBits(lengthBits))
        throw InvalidInput("LENGTH " + std::to_string(lengthBits) + " bits is longer than the message (" +
                           std::to_string(message.size()) + " octets)");
    notePrimitive(Primitive::Snow3gF9, octetsForBits(lengthBits));
    // Clause 4.4.1: IV3 = COUNT-I, IV2 = FRESH, IV1 = DIRECTION << 31 xor COUNT-I, IV0 = FRESH xor
    // DIRECTION << 15; K3 = IK[0..31], ..., K0 = IK[96..127].
    const std::uint32_t DIRECTION = static_cast<std::uint8_t>(direction) & 1u;
    Snow3g snow({IK[3], IK[2], IK[1], IK[0]},
                {fresh ^ (DIRECTION << 15), countI ^ (DIRECTION << 31), fresh, countI});
    // Clause 4.4.2: z1..z5 give P = z1 || z2, Q = z3 || z4 and OTP = z5.
    const u64 P = u64{snow.next()} << 32 | snow.next();
    const u64 Q = u64{snow.next()} << 32 | snow.next();
    const std::uint32_t OTP = snow.next();
    // Clause 4.4.3/4.4.4: D = ceil(LENGTH / 64) + 1 blocks, the last one being LENGTH itself.
    const std::size_t D = (lengthBits + 63) / 64 + 1;
    u64 EVAL = 0;
    for (std::size_t i = 0; i + 1 < D; ++i) // M_0 .. M_(D-2): the message
        EVAL = MUL64(EVAL ^ block(message, i, lengthBits), P);
    EVAL ^= static_cast<u64>(lengthBits);
    EVAL = MUL64(EVAL, Q);
    // Clause 4.4.5: MAC-I = the 32 most significant bits of EVAL xor z5.
    const std::uint32_t macI = static_cast<std::uint32_t>(EVAL >> 32) ^ OTP;
    return {static_cast<std::uint8_t>(macI >> 24), static_cast<std::uint8_t>(macI >> 16),
            static_cast<std::uint8_t>(macI >> 8), static_cast<std::uint8_t>(macI)};
}

Mac eia1(ByteView key, const AlgorithmInput& input, ByteView message, std::size_t lengthBits)
{
    validateAlgorithmInput(key, input, message, lengthBits);
    noteAlgorithm(Algorithm::Eia1);
    // TS 33.401 B.2.2: FRESH[0..31] = BEARER[0..4] || 0^27.
    return uia2(key, input.count, std::uint32_t{input.bearer} << 27, input.direction, message, lengthBits);
}

Mac eia1(ByteView key, const AlgorithmInput& input, ByteView message)
{
    return eia1(key, input, message, message.size() * 8);
}

} // namespace mtcsec::crypto
