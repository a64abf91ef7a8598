// The raw cost of a crypto ledger, replayed with keyed objects and timed in thread CPU seconds.
#include "core/crypto/CryptoReplay.h"

#include "core/crypto/Eea1.h"
#include "core/crypto/Eea3.h"
#include "core/crypto/Eia1.h"
#include "core/crypto/Eia3.h"
#include "core/crypto/Primitives.h"

#include <ctime>

namespace mtcsec::crypto {
namespace {

double threadCpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

// No ledger while it lives (the replay must not count itself); the previous one afterwards.
class NoLedger {
public:
    NoLedger() noexcept
        : previous_(detail::activeLedger)
    {
        detail::activeLedger = nullptr;
    }
    ~NoLedger() { detail::activeLedger = previous_; }
    NoLedger(const NoLedger&) = delete;
    NoLedger& operator=(const NoLedger&) = delete;

private:
    CryptoLedger* previous_;
};

// Fixed keys and nonces: the cost of AES, GHASH and SHA-256 does not depend on the values.
constexpr Block kKey = {0x2b, 0xd6, 0x45, 0x9f, 0x82, 0xc5, 0xb3, 0x00,
                        0x95, 0x2c, 0x49, 0x10, 0x48, 0x81, 0xff, 0x48};
constexpr std::array<std::uint8_t, 32> kLongKey = {1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11,
                                                   12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,
                                                   23, 24, 25, 26, 27, 28, 29, 30, 31, 32};
constexpr std::array<std::uint8_t, 12> kNonce = {0xca, 0xfe, 0xba, 0xbe, 0xfa, 0xce,
                                                 0xdb, 0xad, 0xde, 0xca, 0xf8, 0x88};
constexpr std::array<std::uint8_t, 13> kNonce13 = {0xca, 0xfe, 0xba, 0xbe, 0xfa, 0xce, 0xdb,
                                                   0xad, 0xde, 0xca, 0xf8, 0x88, 0x13};

// The keyed objects of one replay, built once.
struct Keyed {
    Aes128 aes{kKey};
    KeyedAes128Ctr ctr{kKey};
    KeyedAes128Cmac cmac{kKey};
    KeyedHmacSha256 hmac{kLongKey};
    KeyedAes128Gcm gcm{kKey};
    Sha256 stream;
};

// Does `e` again; returns a value that depends on every result, so that nothing is optimised away.
std::uint8_t replay(Keyed& k, const LedgerEntry& e)
{
    Bytes data(e.octets, 0x5a);
    const Bytes aad(e.aux, 0xa5);
    std::uint8_t sink = 0;
    switch (e.primitive) {
    case Primitive::Aes128Block: {
        Block b{};
        for (std::uint64_t i = 0; i < e.count; ++i)
            k.aes.encryptInPlace(b.data());
        sink = b[0];
        break;
    }
    case Primitive::Aes128Ctr: {
        Block iv{};
        for (std::uint64_t i = 0; i < e.count; ++i) {
            iv[15] = static_cast<std::uint8_t>(i);
            k.ctr.xorKeystream(iv, data);
        }
        sink = data.empty() ? 0 : data[0];
        break;
    }
    case Primitive::Aes128Cmac:
        for (std::uint64_t i = 0; i < e.count; ++i)
            sink ^= k.cmac.mac(data)[0];
        break;
    case Primitive::HmacSha256:
        for (std::uint64_t i = 0; i < e.count; ++i)
            sink ^= k.hmac.mac(data)[0];
        break;
    case Primitive::Sha256:
        for (std::uint64_t i = 0; i < e.count; ++i)
            sink ^= sha256(data)[0];
        break;
    case Primitive::Sha256Stream:
        for (std::uint64_t i = 0; i < e.count; ++i)
            k.stream.update(ByteView(data));
        break;
    case Primitive::Aes128GcmSeal:
        for (std::uint64_t i = 0; i < e.count; ++i)
            sink ^= k.gcm.seal(kNonce, aad, data).back();
        break;
    case Primitive::Aes128GcmOpen: {
        // A genuine ciphertext || tag of the recorded length (at least the tag), opened every time.
        const std::size_t plain = e.octets >= 16 ? e.octets - 16 : 0;
        const Bytes sealed = k.gcm.seal(kNonce, aad, ByteView(data).first(plain));
        for (std::uint64_t i = 0; i < e.count; ++i)
            sink ^= static_cast<std::uint8_t>(k.gcm.open(kNonce, aad, sealed).has_value());
        break;
    }
    case Primitive::Snow3gF8:
        for (std::uint64_t i = 0; i < e.count; ++i)
            eea1InPlace(kKey, AlgorithmInput{static_cast<std::uint32_t>(i), 0, Direction::Uplink}, data);
        sink = data.empty() ? 0 : data[0];
        break;
    case Primitive::Snow3gF9:
        for (std::uint64_t i = 0; i < e.count; ++i)
            sink ^= eia1(kKey, AlgorithmInput{static_cast<std::uint32_t>(i), 0, Direction::Uplink}, data)[0];
        break;
    case Primitive::ZucEea3:
        for (std::uint64_t i = 0; i < e.count; ++i)
            eea3InPlace(kKey, AlgorithmInput{static_cast<std::uint32_t>(i), 0, Direction::Uplink}, data);
        sink = data.empty() ? 0 : data[0];
        break;
    case Primitive::ZucEia3:
        for (std::uint64_t i = 0; i < e.count; ++i)
            sink ^= eia3(kKey, AlgorithmInput{static_cast<std::uint32_t>(i), 0, Direction::Uplink}, data)[0];
        break;
    case Primitive::Aes128CcmSeal:
        for (std::uint64_t i = 0; i < e.count; ++i)
            sink ^= aes128Ccm8Seal(kKey, ByteView(kNonce13), aad, data).back();
        break;
    case Primitive::Aes128CcmOpen: {
        const std::size_t plain = e.octets >= 8 ? e.octets - 8 : 0;
        const Bytes sealed = aes128Ccm8Seal(kKey, ByteView(kNonce13), aad, ByteView(data).first(plain));
        for (std::uint64_t i = 0; i < e.count; ++i)
            sink ^=
                static_cast<std::uint8_t>(aes128Ccm8Open(kKey, ByteView(kNonce13), aad, sealed).has_value());
        break;
    }
    case Primitive::Count:
        break;
    }
    return sink;
}

} // namespace

ReplayCost replayLedger(const CryptoLedger& ledger)
{
    const NoLedger quiet;
    Keyed keyed;
    std::array<PrimitiveCost, kPrimitiveCount> costs{};
    volatile std::uint8_t sink = 0;
    for (const LedgerEntry& e : ledger.entries()) {
        const double start = threadCpuSeconds();
        sink = sink ^ replay(keyed, e);
        PrimitiveCost& c = costs[static_cast<std::size_t>(e.primitive)];
        c.seconds += threadCpuSeconds() - start;
        c.calls += e.count;
        c.octets += e.count * e.octets;
    }
    ReplayCost out;
    for (std::size_t i = 0; i < kPrimitiveCount; ++i) {
        costs[i].primitive = static_cast<Primitive>(i);
        if (costs[i].calls == 0)
            continue;
        out.primitives.push_back(costs[i]);
        (costs[i].primitive == Primitive::Sha256Stream ? out.digestSeconds : out.seconds) += costs[i].seconds;
    }
    return out;
}

} // namespace mtcsec::crypto
