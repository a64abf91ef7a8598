// The crypto facade over Botan 2: every Botan algorithm call of the core is in this file.
#include "core/crypto/Primitives.h"

#include "core/InvalidInput.h"
#include "core/crypto/CryptoLedger.h"

#include <botan/aead.h>
#include <botan/block_cipher.h>
#include <botan/exceptn.h>
#include <botan/hash.h>
#include <botan/kdf.h>
#include <botan/mac.h>
#include <botan/mem_ops.h>
#include <botan/version.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <span>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace mtcsec::crypto {
namespace {

// Keyed objects of one kind for keys of `KeyOctets` octets, built on first use and kept per thread in a
// direct-mapped table indexed by the key's first octets: the free functions below are called with one key per
// context (an ESP link, a device's NAS, RRC or UP key) for many messages, and building and keying a Botan
// object costs several times the cryptography of a short message. A key that collides with another replaces
// it: the slot's object is keyed again (a key schedule, no allocation). Keys are wiped when an entry is
// replaced or the thread ends (Botan wipes its key schedules). Outputs do not depend on the cache.
template <typename T, std::size_t Slots, std::size_t KeyOctets = 16>
class KeyedCache {
    static_assert(std::has_single_bit(Slots));

public:
    // The object for `key`, valid until the next get() of this cache on this thread. `key` is KeyOctets long.
    const T& get(ByteView key)
    {
        std::uint64_t head = 0;
        std::memcpy(&head, key.data(), sizeof head);
        Entry& e = slots_[static_cast<std::size_t>((head * 0x9e3779b97f4a7c15ULL) >> (64 - kBits))];
        if (e.object && std::equal(key.begin(), key.end(), e.key.begin()))
            return *e.object;
        // A new key for the slot: the object there is keyed again (its key schedule replaced, nothing
        // allocated), not destroyed and built anew.
        if (e.object)
            e.object->rekey(key);
        else
            e.object.emplace(key);
        std::copy(key.begin(), key.end(), e.key.begin());
        return *e.object;
    }

    // The cache of the calling thread, allocated on its first use.
    static KeyedCache& ofThisThread()
    {
        thread_local std::unique_ptr<KeyedCache> cache;
        if (!cache)
            cache = std::make_unique<KeyedCache>();
        return *cache;
    }

private:
    static constexpr int kBits = std::countr_zero(Slots);
    struct Entry {
        std::array<std::uint8_t, KeyOctets> key{};
        std::optional<T> object;
        Entry() = default;
        Entry(const Entry&) = delete;
        Entry& operator=(const Entry&) = delete;
        ~Entry() { secureWipe(key.data(), key.size()); }
    };
    std::array<Entry, Slots> slots_;
};

} // namespace

Aes128::Aes128(ByteView key)
    : cipher_(Botan::BlockCipher::create_or_throw("AES-128"))
{
    requireOctets(key, 16, "AES-128 key");
    cipher_->set_key(key.data(), key.size());
    noteKeySetup();
}

void Aes128::rekey(ByteView key)
{
    requireOctets(key, 16, "AES-128 key");
    cipher_->set_key(key.data(), key.size());
    noteKeySetup();
}

Aes128::~Aes128() = default;
Aes128::Aes128(Aes128&&) noexcept = default;
Aes128& Aes128::operator=(Aes128&&) noexcept = default;

Block Aes128::encrypt(const Block& in) const
{
    notePrimitive(Primitive::Aes128Block, 16);
    Block out;
    cipher_->encrypt(in.data(), out.data());
    return out;
}

void Aes128::encryptInPlace(std::uint8_t* block) const
{
    notePrimitive(Primitive::Aes128Block, 16);
    cipher_->encrypt(block);
}

// Counter mode over the AES block cipher (NIST SP 800-38A 6.5): the counter blocks are made here, a few at a
// time, and encrypted together (Botan's AES-NI code runs several blocks in parallel). Botan's CTR_BE object
// would compute a whole buffer of keystream on every key and IV change (two per message under a per-device
// key); this costs the key schedule and the blocks the message needs, nothing more. Output is the same.
KeyedAes128Ctr::KeyedAes128Ctr(ByteView key)
{
    requireOctets(key, 16, "AES-128 key");
    aes_ = Botan::BlockCipher::create_or_throw("AES-128");
    aes_->set_key(key.data(), key.size());
    noteKeySetup();
}

void KeyedAes128Ctr::rekey(ByteView key)
{
    requireOctets(key, 16, "AES-128 key");
    aes_->set_key(key.data(), key.size());
    noteKeySetup();
}

KeyedAes128Ctr::~KeyedAes128Ctr() = default;
KeyedAes128Ctr::KeyedAes128Ctr(KeyedAes128Ctr&&) noexcept = default;
KeyedAes128Ctr& KeyedAes128Ctr::operator=(KeyedAes128Ctr&&) noexcept = default;

void KeyedAes128Ctr::xorKeystream(const Block& iv, std::span<std::uint8_t> data) const
{
    notePrimitive(Primitive::Aes128Ctr, data.size());
    constexpr std::size_t kBlocks = 8; // blocks encrypted per call
    std::array<std::uint8_t, 16 * kBlocks> stream;
    Block counter = iv;
    std::size_t done = 0;
    while (done < data.size()) {
        const std::size_t blocks = std::min(kBlocks, (data.size() - done + 15) / 16);
        for (std::size_t b = 0; b < blocks; ++b) {
            std::memcpy(stream.data() + 16 * b, counter.data(), 16);
            // The whole block is the counter, incremented big-endian (as Botan's CTR-BE with a 16-octet IV).
            for (std::size_t i = 16; i-- > 0;)
                if (++counter[i] != 0)
                    break;
        }
        aes_->encrypt_n(stream.data(), stream.data(), blocks);
        const std::size_t n = std::min(16 * blocks, data.size() - done);
        for (std::size_t i = 0; i < n; ++i)
            data[done + i] ^= stream[i];
        done += n;
    }
    secureWipe(stream.data(), stream.size());
}

void aes128CtrXor(ByteView key, const Block& iv, std::span<std::uint8_t> data)
{
    requireOctets(key, 16, "AES-128 key");
    KeyedCache<KeyedAes128Ctr, 1024>::ofThisThread().get(key).xorKeystream(iv, data);
}

KeyedAes128Cmac::KeyedAes128Cmac(ByteView key)
{
    requireOctets(key, 16, "AES-128 key");
    cmac_ = Botan::MessageAuthenticationCode::create_or_throw("CMAC(AES-128)");
    cmac_->set_key(key.data(), key.size());
    noteKeySetup();
}

void KeyedAes128Cmac::rekey(ByteView key)
{
    requireOctets(key, 16, "AES-128 key");
    cmac_->set_key(key.data(), key.size());
    noteKeySetup();
}

KeyedAes128Cmac::~KeyedAes128Cmac() = default;
KeyedAes128Cmac::KeyedAes128Cmac(KeyedAes128Cmac&&) noexcept = default;
KeyedAes128Cmac& KeyedAes128Cmac::operator=(KeyedAes128Cmac&&) noexcept = default;

Block KeyedAes128Cmac::mac(ByteView message) const
{
    notePrimitive(Primitive::Aes128Cmac, message.size());
    cmac_->update(message.data(), message.size());
    Block tag;
    cmac_->final(tag.data());
    return tag;
}

Block aes128Cmac(ByteView key, ByteView message)
{
    requireOctets(key, 16, "AES-128 key");
    return KeyedCache<KeyedAes128Cmac, 256>::ofThisThread().get(key).mac(message);
}

KeyedHmacSha256::KeyedHmacSha256(ByteView key)
    : hmac_(Botan::MessageAuthenticationCode::create_or_throw("HMAC(SHA-256)"))
{
    hmac_->set_key(key.data(), key.size());
    noteKeySetup();
}

void KeyedHmacSha256::rekey(ByteView key)
{
    hmac_->set_key(key.data(), key.size());
    noteKeySetup();
}

KeyedHmacSha256::~KeyedHmacSha256() = default;
KeyedHmacSha256::KeyedHmacSha256(KeyedHmacSha256&&) noexcept = default;
KeyedHmacSha256& KeyedHmacSha256::operator=(KeyedHmacSha256&&) noexcept = default;

SecureBytes KeyedHmacSha256::mac(ByteView message) const
{
    notePrimitive(Primitive::HmacSha256, message.size());
    hmac_->update(message.data(), message.size());
    return hmac_->final();
}

SecureBytes hmacSha256(ByteView key, ByteView message)
{
    // The KDF's keys (KASME, KeNB) are 32 octets and each derives several keys in a row.
    if (key.size() == 32)
        return KeyedCache<KeyedHmacSha256, 256, 32>::ofThisThread().get(key).mac(message);
    return KeyedHmacSha256(key).mac(message);
}

std::array<std::uint8_t, 32> sha256(ByteView message)
{
    notePrimitive(Primitive::Sha256, message.size());
    auto hash = Botan::HashFunction::create_or_throw("SHA-256");
    hash->update(message.data(), message.size());
    std::array<std::uint8_t, 32> out;
    hash->final(out.data());
    return out;
}

namespace {

// GHASH (NIST SP 800-38D 6.4): products in GF(2^128) of blocks read as big-endian 128-bit values, here two
// 64-bit halves (hi: octets 0-7).
struct Gf128 {
    std::uint64_t hi = 0;
    std::uint64_t lo = 0;
};

Gf128 loadGf128(const std::uint8_t* block)
{
    Gf128 x;
    for (int i = 0; i < 8; ++i) {
        x.hi = x.hi << 8 | block[i];
        x.lo = x.lo << 8 | block[8 + i];
    }
    return x;
}

void storeGf128(const Gf128& x, std::uint8_t* block)
{
    for (int i = 0; i < 8; ++i) {
        block[i] = static_cast<std::uint8_t>(x.hi >> (56 - 8 * i));
        block[8 + i] = static_cast<std::uint8_t>(x.lo >> (56 - 8 * i));
    }
}

// X * H by SP 800-38D 6.3 algorithm 1, bit by bit (constant time: masks, no branch on the data).
Gf128 gfMultiplyPortable(const Gf128& x, const Gf128& h)
{
    Gf128 z;
    Gf128 v = h;
    for (int i = 0; i < 128; ++i) {
        const std::uint64_t bit = (i < 64 ? x.hi >> (63 - i) : x.lo >> (127 - i)) & 1;
        z.hi ^= v.hi & (0 - bit);
        z.lo ^= v.lo & (0 - bit);
        const std::uint64_t carry = v.lo & 1;
        v.lo = v.lo >> 1 | v.hi << 63;
        v.hi = v.hi >> 1 ^ (0xe1ULL << 56 & (0 - carry));
    }
    return z;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define MTCSEC_GHASH_CLMUL 1
// The same product with carry-less multiplication on the block as one 128-bit value (Gueron and Kounavis,
// "Intel Carry-Less Multiplication Instruction and its Usage for Computing the GCM Mode", 2010, algorithm 5:
// schoolbook product, shift by one for the reflected bit order, reduction modulo x^128 + x^7 + x^2 + x + 1).
__attribute__((target("pclmul,ssse3"), always_inline)) inline __m128i clmulMultiply(__m128i a, __m128i b)
{
    __m128i t3 = _mm_clmulepi64_si128(a, b, 0x00);
    __m128i t4 = _mm_clmulepi64_si128(a, b, 0x10);
    __m128i t5 = _mm_clmulepi64_si128(a, b, 0x01);
    __m128i t6 = _mm_clmulepi64_si128(a, b, 0x11);
    t4 = _mm_xor_si128(t4, t5);
    t5 = _mm_slli_si128(t4, 8);
    t4 = _mm_srli_si128(t4, 8);
    t3 = _mm_xor_si128(t3, t5);
    t6 = _mm_xor_si128(t6, t4);
    __m128i t7 = _mm_srli_epi32(t3, 31);
    __m128i t8 = _mm_srli_epi32(t6, 31);
    t3 = _mm_slli_epi32(t3, 1);
    t6 = _mm_slli_epi32(t6, 1);
    __m128i t9 = _mm_srli_si128(t7, 12);
    t8 = _mm_slli_si128(t8, 4);
    t7 = _mm_slli_si128(t7, 4);
    t3 = _mm_or_si128(t3, t7);
    t6 = _mm_or_si128(t6, t8);
    t6 = _mm_or_si128(t6, t9);
    t7 = _mm_slli_epi32(t3, 31);
    t8 = _mm_slli_epi32(t3, 30);
    t9 = _mm_slli_epi32(t3, 25);
    t7 = _mm_xor_si128(t7, t8);
    t7 = _mm_xor_si128(t7, t9);
    t8 = _mm_srli_si128(t7, 4);
    t7 = _mm_slli_si128(t7, 12);
    t3 = _mm_xor_si128(t3, t7);
    __m128i t2 = _mm_srli_epi32(t3, 1);
    t4 = _mm_srli_epi32(t3, 2);
    t5 = _mm_srli_epi32(t3, 7);
    t2 = _mm_xor_si128(t2, t4);
    t2 = _mm_xor_si128(t2, t5);
    t2 = _mm_xor_si128(t2, t8);
    t3 = _mm_xor_si128(t3, t2);
    t6 = _mm_xor_si128(t6, t3);
    return t6;
}

// GHASH_H over `associatedData` and `text` (as ghashPortable below) with clmulMultiply.
__attribute__((target("pclmul,ssse3"))) Block ghashClmul(const Block& hBlock, ByteView associatedData,
                                                         ByteView text)
{
    // Octets reversed: the block's big-endian value in one register.
    const __m128i reverse = _mm_set_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    const __m128i h =
        _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(hBlock.data())), reverse);
    __m128i x = _mm_setzero_si128();
    for (const ByteView part : {associatedData, text}) {
        std::size_t at = 0;
        for (; at + 16 <= part.size(); at += 16) {
            const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(part.data() + at));
            x = clmulMultiply(_mm_xor_si128(x, _mm_shuffle_epi8(b, reverse)), h);
        }
        if (at < part.size()) {
            alignas(16) std::array<std::uint8_t, 16> last{};
            std::memcpy(last.data(), part.data() + at, part.size() - at);
            const __m128i b = _mm_load_si128(reinterpret_cast<const __m128i*>(last.data()));
            x = clmulMultiply(_mm_xor_si128(x, _mm_shuffle_epi8(b, reverse)), h);
        }
    }
    const __m128i lengths = _mm_set_epi64x(static_cast<long long>(associatedData.size() * 8),
                                           static_cast<long long>(text.size() * 8));
    x = _mm_shuffle_epi8(clmulMultiply(_mm_xor_si128(x, lengths), h), reverse);
    Block out;
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out.data()), x);
    return out;
}
#endif

// Whether carry-less multiplication is used: where the CPU has it, unless a test turned it off.
bool& useClmul()
{
#ifdef MTCSEC_GHASH_CLMUL
    static bool use = __builtin_cpu_supports("pclmul") != 0 && __builtin_cpu_supports("ssse3") != 0;
#else
    static bool use = false;
#endif
    return use;
}

// GHASH_H (SP 800-38D 6.4) over `associatedData` and `text`, each padded with zeros to whole blocks, then
// their lengths in bits, with gfMultiplyPortable.
Block ghashPortable(const Block& hBlock, ByteView associatedData, ByteView text)
{
    const Gf128 h = loadGf128(hBlock.data());
    Gf128 x;
    for (const ByteView part : {associatedData, text}) {
        for (std::size_t at = 0; at < part.size(); at += 16) {
            std::array<std::uint8_t, 16> block{};
            std::memcpy(block.data(), part.data() + at, std::min<std::size_t>(16, part.size() - at));
            const Gf128 b = loadGf128(block.data());
            x.hi ^= b.hi;
            x.lo ^= b.lo;
            x = gfMultiplyPortable(x, h);
        }
    }
    x.hi ^= std::uint64_t{associatedData.size()} * 8;
    x.lo ^= std::uint64_t{text.size()} * 8;
    x = gfMultiplyPortable(x, h);
    Block out;
    storeGf128(x, out.data());
    return out;
}

Block ghash(const Block& h, ByteView associatedData, ByteView text)
{
#ifdef MTCSEC_GHASH_CLMUL
    if (useClmul())
        return ghashClmul(h, associatedData, text);
#endif
    return ghashPortable(h, associatedData, text);
}

// The GCTR of SP 800-38D 6.5 from the counter block after J0 (inc32 of the nonce || 0x00000001): `data` XORed
// in place; the block cipher encrypts up to 8 counter blocks per call.
void gcmCounterXor(const Botan::BlockCipher& aes, const Block& j0, std::span<std::uint8_t> data)
{
    constexpr std::size_t kBlocks = 8;
    std::array<std::uint8_t, 16 * kBlocks> stream;
    std::uint32_t counter = static_cast<std::uint32_t>(j0[12]) << 24 |
                            static_cast<std::uint32_t>(j0[13]) << 16 |
                            static_cast<std::uint32_t>(j0[14]) << 8 | j0[15];
    std::size_t done = 0;
    while (done < data.size()) {
        const std::size_t blocks = std::min(kBlocks, (data.size() - done + 15) / 16);
        for (std::size_t b = 0; b < blocks; ++b) {
            ++counter; // inc32: the last 32 bits only, modulo 2^32
            std::uint8_t* block = stream.data() + 16 * b;
            std::memcpy(block, j0.data(), 12);
            block[12] = static_cast<std::uint8_t>(counter >> 24);
            block[13] = static_cast<std::uint8_t>(counter >> 16);
            block[14] = static_cast<std::uint8_t>(counter >> 8);
            block[15] = static_cast<std::uint8_t>(counter);
        }
        aes.encrypt_n(stream.data(), stream.data(), blocks);
        const std::size_t n = std::min(16 * blocks, data.size() - done);
        for (std::size_t i = 0; i < n; ++i)
            data[done + i] ^= stream[i];
        done += n;
    }
    secureWipe(stream.data(), stream.size());
}

} // namespace

// AES-128-GCM over the AES block cipher and GHASH above (SP 800-38D 7.1 and 7.2): keying is one AES key
// schedule and H = E_K(0^128); Botan's GCM object would also build GHASH tables and a keystream buffer,
// several times the cost of a short message, on every key change (one per message under a per-device key).
KeyedAes128Gcm::KeyedAes128Gcm(ByteView key)
    : aes_(Botan::BlockCipher::create_or_throw("AES-128"))
{
    rekey(key);
}

void KeyedAes128Gcm::rekey(ByteView key)
{
    requireOctets(key, 16, "AES-128-GCM key");
    aes_->set_key(key.data(), key.size());
    Block zero{};
    aes_->encrypt(zero.data());
    h_ = zero;
    secureWipe(zero.data(), zero.size());
    noteKeySetup();
}

KeyedAes128Gcm::~KeyedAes128Gcm()
{
    secureWipe(h_.data(), h_.size());
}
KeyedAes128Gcm::KeyedAes128Gcm(KeyedAes128Gcm&&) noexcept = default;
KeyedAes128Gcm& KeyedAes128Gcm::operator=(KeyedAes128Gcm&&) noexcept = default;

namespace {

// J0 for a 96-bit nonce (SP 800-38D 7.1 step 2): nonce || 0x00000001.
Block gcmJ0(ByteView nonce)
{
    requireOctets(nonce, 12, "AES-128-GCM nonce");
    Block j0{};
    std::copy(nonce.begin(), nonce.end(), j0.begin());
    j0[15] = 1;
    return j0;
}

} // namespace

Bytes KeyedAes128Gcm::seal(ByteView nonce, ByteView associatedData, ByteView plaintext) const
{
    const Block j0 = gcmJ0(nonce);
    notePrimitive(Primitive::Aes128GcmSeal, plaintext.size(), associatedData.size());
    Bytes out(plaintext.size() + 16);
    std::copy(plaintext.begin(), plaintext.end(), out.begin());
    const std::span<std::uint8_t> text(out.data(), plaintext.size());
    gcmCounterXor(*aes_, j0, text);
    Block tag = ghash(h_, associatedData, text);
    Block mask = j0;
    aes_->encrypt(mask.data());
    for (std::size_t i = 0; i < 16; ++i)
        out[plaintext.size() + i] = tag[i] ^ mask[i];
    return out;
}

std::optional<Bytes> KeyedAes128Gcm::open(ByteView nonce, ByteView associatedData, ByteView sealed) const
{
    if (sealed.size() < 16)
        return std::nullopt;
    const Block j0 = gcmJ0(nonce);
    notePrimitive(Primitive::Aes128GcmOpen, sealed.size(), associatedData.size());
    const ByteView text = sealed.first(sealed.size() - 16);
    Block tag = ghash(h_, associatedData, text);
    Block mask = j0;
    aes_->encrypt(mask.data());
    for (std::size_t i = 0; i < 16; ++i)
        tag[i] ^= mask[i];
    if (!Botan::constant_time_compare(tag.data(), sealed.data() + text.size(), 16))
        return std::nullopt;
    Bytes plain(text.begin(), text.end());
    gcmCounterXor(*aes_, j0, plain);
    return plain;
}

Bytes aes128GcmSeal(ByteView key, ByteView nonce, ByteView associatedData, ByteView plaintext)
{
    requireOctets(key, 16, "AES-128-GCM key");
    return KeyedCache<KeyedAes128Gcm, 256>::ofThisThread().get(key).seal(nonce, associatedData, plaintext);
}

std::optional<Bytes> aes128GcmOpen(ByteView key, ByteView nonce, ByteView associatedData, ByteView sealed)
{
    if (sealed.size() < 16)
        return std::nullopt;
    requireOctets(key, 16, "AES-128-GCM key");
    return KeyedCache<KeyedAes128Gcm, 256>::ofThisThread().get(key).open(nonce, associatedData, sealed);
}

namespace {

// AES-CCM-16-64-128 with its key set once; one object per direction.
class KeyedAes128Ccm8 final {
public:
    explicit KeyedAes128Ccm8(ByteView key)
        : key_(requireOctets(key, 16, "AES-CCM key").begin(), key.end())
    {}
    void rekey(ByteView key)
    {
        key_.assign(key.begin(), key.end());
        for (auto* mode : {&seal_, &open_}) {
            if (*mode) {
                (*mode)->set_key(key.data(), key.size());
                noteKeySetup();
            }
        }
    }
    [[nodiscard]] Botan::AEAD_Mode& start(Botan::Cipher_Dir dir, ByteView nonce,
                                          ByteView associatedData) const
    {
        requireOctets(nonce, 13, "AES-CCM nonce");
        std::unique_ptr<Botan::AEAD_Mode>& mode = dir == Botan::ENCRYPTION ? seal_ : open_;
        if (!mode) {
            mode = Botan::AEAD_Mode::create_or_throw("AES-128/CCM(8,2)", dir);
            mode->set_key(key_.data(), key_.size());
            noteKeySetup();
        }
        mode->set_associated_data(associatedData.data(), associatedData.size());
        mode->start(nonce.data(), nonce.size());
        return *mode;
    }

private:
    SecureBytes key_;
    mutable std::unique_ptr<Botan::AEAD_Mode> seal_;
    mutable std::unique_ptr<Botan::AEAD_Mode> open_;
};

constexpr std::size_t kCcmTag = 8;

} // namespace

Bytes aes128Ccm8Seal(ByteView key, ByteView nonce, ByteView associatedData, ByteView plaintext)
{
    requireOctets(key, 16, "AES-CCM key");
    Botan::AEAD_Mode& mode = KeyedCache<KeyedAes128Ccm8, 64>::ofThisThread().get(key).start(
        Botan::ENCRYPTION, nonce, associatedData);
    notePrimitive(Primitive::Aes128CcmSeal, plaintext.size(), associatedData.size());
    Botan::secure_vector<std::uint8_t> buffer(plaintext.begin(), plaintext.end());
    mode.finish(buffer);
    return Bytes(buffer.begin(), buffer.end());
}

std::optional<Bytes> aes128Ccm8Open(ByteView key, ByteView nonce, ByteView associatedData, ByteView sealed)
{
    requireOctets(key, 16, "AES-CCM key");
    if (sealed.size() < kCcmTag)
        return std::nullopt;
    Botan::AEAD_Mode& mode = KeyedCache<KeyedAes128Ccm8, 64>::ofThisThread().get(key).start(
        Botan::DECRYPTION, nonce, associatedData);
    notePrimitive(Primitive::Aes128CcmOpen, sealed.size(), associatedData.size());
    Botan::secure_vector<std::uint8_t> buffer(sealed.begin(), sealed.end());
    try {
        mode.finish(buffer);
    } catch (const Botan::Invalid_Authentication_Tag&) {
        mode.reset();
        return std::nullopt;
    }
    return Bytes(buffer.begin(), buffer.end());
}

SecureBytes hkdfSha256(ByteView ikm, ByteView salt, ByteView info, std::size_t length)
{
    if (length == 0 || length > 255 * 32)
        throw InvalidInput("HKDF length: must be 1 to 8160 octets, got " + std::to_string(length));
    const auto kdf = Botan::KDF::create_or_throw("HKDF(SHA-256)");
    // RFC 5869 2.2-2.3: one HMAC for the extract step, one per 32 octets of output for the expand step.
    notePrimitive(Primitive::HmacSha256, ikm.size());
    for (std::size_t done = 0; done < length; done += 32)
        notePrimitive(Primitive::HmacSha256, 32 + info.size() + 1);
    return kdf->derive_key(length, ikm.data(), ikm.size(), salt.data(), salt.size(), info.data(),
                           info.size());
}

Sha256::Sha256()
    : hash_(Botan::HashFunction::create_or_throw("SHA-256"))
{}
Sha256::~Sha256() = default;

void Sha256::update(ByteView data)
{
    notePrimitive(Primitive::Sha256Stream, data.size());
    hash_->update(data.data(), data.size());
}

void Sha256::update(std::string_view text)
{
    notePrimitive(Primitive::Sha256Stream, text.size());
    hash_->update(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
}

std::array<std::uint8_t, 32> Sha256::peek() const
{
    auto copy = hash_->copy_state();
    std::array<std::uint8_t, 32> out;
    copy->final(out.data());
    return out;
}

void Sha256::reset()
{
    hash_->clear();
}

const Aes128& cachedAes128(ByteView key)
{
    requireOctets(key, 16, "AES-128 key");
    return KeyedCache<Aes128, 1024>::ofThisThread().get(key);
}

void secureWipe(void* data, std::size_t size)
{
    Botan::secure_scrub_memory(data, size);
}

bool testing::useCarrylessMultiply(bool use)
{
    const bool before = useClmul();
#ifdef MTCSEC_GHASH_CLMUL
    useClmul() = use && __builtin_cpu_supports("pclmul") != 0 && __builtin_cpu_supports("ssse3") != 0;
#else
    (void)use;
#endif
    return before;
}

std::string backendVersion()
{
    return "Botan " + std::to_string(Botan::version_major()) + "." + std::to_string(Botan::version_minor()) +
           "." + std::to_string(Botan::version_patch());
}

} // namespace mtcsec::crypto
