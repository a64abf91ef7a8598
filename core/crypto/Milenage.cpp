// MILENAGE (TS 35.206 clause 4.1): OUT_i = E_K(rot(TEMP xor OPc, r_i) xor c_i) xor OPc, TEMP = E_K(RAND xor
// OPc).
#include "core/crypto/Milenage.h"

#include "core/InvalidInput.h"
#include "core/crypto/CryptoLedger.h"

#include <algorithm>
#include <string>

namespace mtcsec::crypto {
namespace {

Block toBlock(ByteView bytes)
{
    Block b{};
    std::copy_n(bytes.begin(), 16, b.begin());
    return b;
}

Block xorBlocks(const Block& a, ByteView b)
{
    Block out;
    for (std::size_t i = 0; i < 16; ++i)
        out[i] = a[i] ^ b[i];
    return out;
}

// Cyclic rotation towards the most significant bit by r bits; every r_i of TS 35.206 is a multiple of 8.
Block rotate(const Block& x, std::size_t rBits)
{
    const std::size_t r = rBits / 8;
    Block out;
    for (std::size_t i = 0; i < 16; ++i)
        out[i] = x[(i + r) % 16];
    return out;
}

// The default constants of TS 35.206 4.1: r1..r5 = 64, 0, 32, 64, 96 and c1..c5 with a single bit set
// in the last octet (0, 1, 2, 4, 8).
struct Round {
    std::size_t r;
    std::uint8_t c;
};
constexpr Round kRound1{64, 0x00}, kRound2{0, 0x01}, kRound3{32, 0x02}, kRound4{64, 0x04}, kRound5{96, 0x08};

} // namespace

Milenage::Milenage(ByteView k, ByteView opc)
    : kernel_(requireOctets(k, 16, "K"))
    , opc_(requireOctets(opc, 16, "OPc").begin(), opc.end())
{}

SecureBytes Milenage::computeOpc(ByteView k, ByteView op)
{
    requireOctets(k, 16, "K");
    requireOctets(op, 16, "OP");
    const Block e = Aes128(k).encrypt(toBlock(op));
    SecureBytes opc(16);
    for (std::size_t i = 0; i < 16; ++i)
        opc[i] = e[i] ^ op[i];
    return opc;
}

MilenageOutput Milenage::compute(ByteView rand, ByteView sqn, ByteView amf) const
{
    requireOctets(rand, 16, "RAND");
    requireOctets(sqn, 6, "SQN");
    requireOctets(amf, 2, "AMF");
    noteAlgorithm(Algorithm::Milenage);

    const Block temp = kernel_.encrypt(xorBlocks(toBlock(rand), opc_));
    const auto out = [&](const Block& input, Round round) {
        Block x = rotate(xorBlocks(input, opc_), round.r);
        x[15] ^= round.c;
        return xorBlocks(kernel_.encrypt(x), opc_);
    };

    // IN1 = SQN || AMF || SQN || AMF; OUT1 rotates (IN1 xor OPc) and adds TEMP before encryption.
    Block in1{};
    std::copy(sqn.begin(), sqn.end(), in1.begin());
    std::copy(amf.begin(), amf.end(), in1.begin() + 6);
    std::copy(sqn.begin(), sqn.end(), in1.begin() + 8);
    std::copy(amf.begin(), amf.end(), in1.begin() + 14);
    Block x1 = rotate(xorBlocks(in1, opc_), kRound1.r);
    for (std::size_t i = 0; i < 16; ++i)
        x1[i] ^= temp[i];
    x1[15] ^= kRound1.c;
    const Block out1 = xorBlocks(kernel_.encrypt(x1), opc_);

    const Block out2 = out(temp, kRound2);
    const Block out3 = out(temp, kRound3);
    const Block out4 = out(temp, kRound4);
    const Block out5 = out(temp, kRound5);

    MilenageOutput o;
    std::copy_n(out1.begin(), 8, o.f1.begin());
    std::copy_n(out1.begin() + 8, 8, o.f1star.begin());
    o.f5.assign(out2.begin(), out2.begin() + 6);
    o.f2.assign(out2.begin() + 8, out2.end());
    o.f3.assign(out3.begin(), out3.end());
    o.f4.assign(out4.begin(), out4.end());
    o.f5star.assign(out5.begin(), out5.begin() + 6);
    return o;
}

} // namespace mtcsec::crypto
