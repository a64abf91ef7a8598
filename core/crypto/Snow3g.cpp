// SNOW 3G (ETSI/SAGE UEA2 & UIA2 Document 2 v1.1, clauses 3 and 4), written with the specification's names.
// The S-boxes SR and SQ and the multiplications by alpha are computed at compile time from their
// definitions in clauses 3.3 and 3.4 rather than copied as tables.
#include "core/crypto/Snow3g.h"

namespace mtcsec::crypto {
namespace {

using u8 = std::uint8_t;
using u32 = std::uint32_t;

// MULx(V, c) of clause 3.1.1: V times x in GF(2^8) reduced by c.
constexpr u8 MULx(u8 V, u8 c)
{
    return static_cast<u8>((V & 0x80) != 0 ? (V << 1) ^ c : V << 1);
}

// MULxPOW(V, i, c) of clause 3.1.2.
constexpr u8 MULxPOW(u8 V, unsigned i, u8 c)
{
    for (; i > 0; --i)
        V = MULx(V, c);
    return V;
}

// Multiplication in GF(2^8) modulo the polynomial `poly` (with its x^8 term).
constexpr u8 gfMul(u8 a, u8 b, unsigned poly)
{
    unsigned r = 0, x = a;
    for (; b != 0; b = static_cast<u8>(b >> 1)) {
        if ((b & 1) != 0)
            r ^= x;
        x <<= 1;
        if ((x & 0x100) != 0)
            x ^= poly;
    }
    return static_cast<u8>(r);
}

constexpr u8 gfPow(u8 x, unsigned e, unsigned poly)
{
    u8 r = 1;
    for (; e != 0; e >>= 1) {
        if ((e & 1) != 0)
            r = gfMul(r, x, poly);
        x = gfMul(x, x, poly);
    }
    return r;
}

constexpr u8 rotl8(u8 b, unsigned n)
{
    return static_cast<u8>((b << n) | (b >> (8 - n)));
}

// SR (clause 3.3.1): the Rijndael S-box, inversion in GF(2^8)/x^8+x^4+x^3+x+1 then the affine map.
constexpr std::array<u8, 256> makeSR()
{
    std::array<u8, 256> t{};
    for (unsigned x = 0; x < 256; ++x) {
        const u8 inv = x == 0 ? u8{0} : gfPow(static_cast<u8>(x), 254, 0x11b);
        t[x] = static_cast<u8>(inv ^ rotl8(inv, 1) ^ rotl8(inv, 2) ^ rotl8(inv, 3) ^ rotl8(inv, 4) ^ 0x63);
    }
    return t;
}

// SQ (clause 3.3.2): the Dickson polynomial g49(x) = x + x^9 + x^13 + x^15 + x^33 + x^41 + x^45 + x^47
// + x^49 over GF(2^8)/x^8+x^6+x^5+x^3+1, xor 0x25.
constexpr std::array<u8, 256> makeSQ()
{
    std::array<u8, 256> t{};
    for (unsigned x = 0; x < 256; ++x) {
        u8 g = 0;
        for (const unsigned e : {1u, 9u, 13u, 15u, 33u, 41u, 45u, 47u, 49u})
            g ^= gfPow(static_cast<u8>(x), e, 0x169);
        t[x] = static_cast<u8>(g ^ 0x25);
    }
    return t;
}

constexpr std::array<u8, 256> SR = makeSR();
constexpr std::array<u8, 256> SQ = makeSQ();

// MULalpha and DIValpha (clause 3.4.2, 3.4.3) as 256-entry tables of their 32-bit results.
constexpr std::array<u32, 256> makeAlphaTable(std::array<unsigned, 4> powers)
{
    std::array<u32, 256> t{};
    for (unsigned c = 0; c < 256; ++c) {
        u32 w = 0;
        for (const unsigned p : powers)
            w = w << 8 | MULxPOW(static_cast<u8>(c), p, 0xa9);
        t[c] = w;
    }
    return t;
}

constexpr std::array<u32, 256> MULalpha = makeAlphaTable({23, 245, 48, 239});
constexpr std::array<u32, 256> DIValpha = makeAlphaTable({16, 39, 6, 64});

// S1 and S2 (clause 3.3.1/3.3.2): the S-box SR (resp. SQ) on each octet, then the MixColumn-like map with
// reduction constant 0x1b (resp. 0x69). w0 is the most significant octet.
template <const std::array<u8, 256>& S, u8 c>
constexpr u32 Sbox(u32 w)
{
    const u8 w0 = S[w >> 24], w1 = S[(w >> 16) & 0xff], w2 = S[(w >> 8) & 0xff], w3 = S[w & 0xff];
    const u8 r0 = MULx(w0, c) ^ w1 ^ w2 ^ MULx(w3, c) ^ w3;
    const u8 r1 = MULx(w0, c) ^ w0 ^ MULx(w1, c) ^ w2 ^ w3;
    const u8 r2 = w0 ^ MULx(w1, c) ^ w1 ^ MULx(w2, c) ^ w3;
    const u8 r3 = w0 ^ w1 ^ MULx(w2, c) ^ w2 ^ MULx(w3, c);
    return u32{r0} << 24 | u32{r1} << 16 | u32{r2} << 8 | r3;
}

constexpr u32 S1(u32 w)
{
    return Sbox<SR, 0x1b>(w);
}

constexpr u32 S2(u32 w)
{
    return Sbox<SQ, 0x69>(w);
}

} // namespace

Snow3g::Snow3g(const Words& k, const Words& iv) noexcept
{
    constexpr u32 one = 0xffffffff; // the all-ones word "1" of clause 4.1
    s_ = {k[0] ^ one,
          k[1] ^ one,
          k[2] ^ one,
          k[3] ^ one, // s0..s3
          k[0],
          k[1],
          k[2],
          k[3], // s4..s7
          k[0] ^ one,
          k[1] ^ one ^ iv[3],
          k[2] ^ one ^ iv[2],
          k[3] ^ one, // s8..s11
          k[0] ^ iv[1],
          k[1],
          k[2],
          k[3] ^ iv[0]}; // s12..s15
    for (int t = 0; t < 32; ++t)
        clockLfsrInitialisationMode(clockFsm());
    // Keystream mode (clause 4.2): the first FSM output is discarded.
    (void)clockFsm();
    clockLfsrKeystreamMode();
}

std::uint32_t Snow3g::next() noexcept
{
    const u32 z = clockFsm() ^ s_[0];
    clockLfsrKeystreamMode();
    return z;
}

std::uint32_t Snow3g::clockFsm() noexcept
{
    const u32 F = (s_[15] + R1_) ^ R2_;
    const u32 r = R2_ + (R3_ ^ s_[5]);
    R3_ = S2(R2_);
    R2_ = S1(R1_);
    R1_ = r;
    return F;
}

void Snow3g::clockLfsrInitialisationMode(std::uint32_t F) noexcept
{
    const u32 v = (s_[0] << 8) ^ MULalpha[s_[0] >> 24] ^ s_[2] ^ (s_[11] >> 8) ^ DIValpha[s_[11] & 0xff] ^ F;
    for (std::size_t i = 0; i < 15; ++i)
        s_[i] = s_[i + 1];
    s_[15] = v;
}

void Snow3g::clockLfsrKeystreamMode() noexcept
{
    const u32 v = (s_[0] << 8) ^ MULalpha[s_[0] >> 24] ^ s_[2] ^ (s_[11] >> 8) ^ DIValpha[s_[11] & 0xff];
    for (std::size_t i = 0; i < 15; ++i)
        s_[i] = s_[i + 1];
    s_[15] = v;
}

Snow3g::Words Snow3g::wordsOf(ByteView octets, const char* field)
{
    requireOctets(octets, 16, field);
    Words w{};
    for (std::size_t i = 0; i < 4; ++i)
        w[i] = u32{octets[4 * i]} << 24 | u32{octets[4 * i + 1]} << 16 | u32{octets[4 * i + 2]} << 8 |
               octets[4 * i + 3];
    return w;
}

} // namespace mtcsec::crypto
