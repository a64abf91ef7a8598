// CRC32c (RFC 9260 Appendix A, RFC 3309): SSE4.2 crc32 eight octets at a time, or slicing-by-8 tables.
#include "core/protocol/Crc32c.h"

#include <array>
#include <cstring>

#if defined(__x86_64__)
#include <nmmintrin.h>
#define MTCSEC_CRC32C_SSE42 1
#endif

namespace mtcsec::protocol {
namespace {

using Table = std::array<std::uint32_t, 256>;

// Eight tables: [0] the byte-wise table of the reflected polynomial (0x1EDC6F41 reversed: 0x82F63B78), and
// [k] the CRC of an octet followed by k zero octets, so that eight octets are folded in with eight look-ups.
constexpr std::array<Table, 8> slicingTables()
{
    std::array<Table, 8> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
        std::uint32_t c = i;
        for (int k = 0; k < 8; ++k)
            c = (c & 1u) != 0 ? 0x82f63b78u ^ (c >> 1) : c >> 1;
        t[0][i] = c;
    }
    for (std::size_t k = 1; k < 8; ++k)
        for (std::size_t i = 0; i < 256; ++i)
            t[k][i] = (t[k - 1][i] >> 8) ^ t[0][t[k - 1][i] & 0xffu];
    return t;
}
constexpr std::array<Table, 8> kTables = slicingTables();

std::uint32_t le32(const std::uint8_t* p)
{
    return static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8 |
           static_cast<std::uint32_t>(p[2]) << 16 | static_cast<std::uint32_t>(p[3]) << 24;
}

#ifdef MTCSEC_CRC32C_SSE42
__attribute__((target("sse4.2"))) std::uint32_t updateSse42(std::uint32_t crc, const std::uint8_t* p,
                                                            std::size_t n)
{
    std::uint64_t c = crc;
    for (; n >= 8; n -= 8, p += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, p, 8); // x86 is little-endian: the first octet is the lowest, as crc32 takes it
        c = _mm_crc32_u64(c, word);
    }
    auto c32 = static_cast<std::uint32_t>(c);
    for (; n > 0; --n, ++p)
        c32 = _mm_crc32_u8(c32, *p);
    return c32;
}
#endif

bool detectHardware()
{
#ifdef MTCSEC_CRC32C_SSE42
    __builtin_cpu_init();
    return __builtin_cpu_supports("sse4.2") != 0;
#else
    return false;
#endif
}

} // namespace

std::uint32_t crc32cUpdateTable(std::uint32_t crc, ByteView data)
{
    const std::uint8_t* p = data.data();
    std::size_t n = data.size();
    for (; n >= 8; n -= 8, p += 8) {
        const std::uint32_t lo = crc ^ le32(p);
        const std::uint32_t hi = le32(p + 4);
        crc = kTables[7][lo & 0xffu] ^ kTables[6][lo >> 8 & 0xffu] ^ kTables[5][lo >> 16 & 0xffu] ^
              kTables[4][lo >> 24] ^ kTables[3][hi & 0xffu] ^ kTables[2][hi >> 8 & 0xffu] ^
              kTables[1][hi >> 16 & 0xffu] ^ kTables[0][hi >> 24];
    }
    for (; n > 0; --n, ++p)
        crc = kTables[0][(crc ^ *p) & 0xffu] ^ (crc >> 8);
    return crc;
}

std::uint32_t crc32cUpdateHardware(std::uint32_t crc, ByteView data)
{
#ifdef MTCSEC_CRC32C_SSE42
    if (crc32cHardwareAvailable())
        return updateSse42(crc, data.data(), data.size());
#endif
    return crc32cUpdateTable(crc, data);
}

bool crc32cHardwareAvailable()
{
    static const bool available = detectHardware();
    return available;
}

std::uint32_t crc32cUpdate(std::uint32_t crc, ByteView data)
{
    return crc32cUpdateHardware(crc, data);
}

std::uint32_t crc32c(ByteView data)
{
    return ~crc32cUpdate(0xffffffffu, data);
}

} // namespace mtcsec::protocol
