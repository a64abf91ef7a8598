// The crypto facade over Botan 2: every Botan algorithm call of the core is in this file.
#include "core/crypto/Primitives.h"

#include "core/InvalidInput.h"
#include "core/crypto/CryptoLedger.h"

#include <botan/aead.h>
#include <botan/block_cipher.h>
#include <botan/exceptn.h>
#include <botan/gcm.h>
#include <botan/ghash.h>
#include <botan/hash.h>
#include <botan/kdf.h>
#include <botan/mac.h>
#include <botan/mem_ops.h>
#include <botan/stream_cipher.h>
#include <botan/version.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <vector>

namespace mtcsec::crypto {
namespace {

constexpr std::size_t kWays = 8; // entries per set of a KeyedCache

// Keyed objects of one kind for keys of `KeyOctets` octets, built on first use and kept per thread in a
// set-associative table of `Slots` entries (8 ways per set; a key that finds its set full replaces the set's
// least recently used entry, so that one-shot keys such as the KDF's do not push out a key in steady use such
// as an ESP link's): the free functions below are called with one key per context (an ESP link, a device's
// NAS, RRC or UP key, an application key) for many messages, and building and keying a Botan object costs
// several times the cryptography of a short message. A replaced entry's object is keyed again (a key
// schedule, no allocation), not destroyed and built anew. Keys are wiped when an entry is replaced or the
// thread ends (Botan wipes its key schedules). Outputs do not depend on the cache.
// Why not room for every device's keys: Botan 2's keyed objects are large (AES-128-GCM 3.9 KiB, CTR 1.3 KiB,
// CMAC 0.9 KiB, HMAC 0.66 KiB, AES 0.6 KiB, measured as RSS growth over 10,000 objects). Tables of 4,096 to
// 262,144 entries per kind cut the key schedules of defence-in-depth at 30,000 devices from 1.3 million to
// the 270,000 keys used, but cost 20-40 % more CPU (and up to +330 MB): an object in a table larger than the
// processor's caches is cold at its next use, and that costs more than keying a warm one again.
template <typename T, std::size_t Slots, std::size_t KeyOctets = 16>
class KeyedCache {
    static_assert(std::has_single_bit(Slots) && Slots >= 2 * kWays);

public:
    // The object for `key`, valid until the next get() of this cache on this thread. `key` is KeyOctets long.
    const T& get(ByteView key)
    {
        std::uint64_t head = 0;
        std::memcpy(&head, key.data(), sizeof head);
        const std::size_t set = static_cast<std::size_t>((head * 0x9e3779b97f4a7c15ULL) >> kShift);
        Entry* const ways = entries_.data() + set * kWays;
        ++clock_;
        Entry* victim = ways;
        for (std::size_t w = 0; w < kWays; ++w) {
            Entry& e = ways[w];
            if (e.object && e.head == head && std::equal(key.begin(), key.end(), e.key.begin())) {
                e.lastUse = clock_;
                return *e.object;
            }
            // The victim: an unused way, else the least recently used one.
            if (victim->object && (!e.object || e.lastUse < victim->lastUse))
                victim = &e;
        }
        // A new key for the way: the object there is keyed again (its key schedule replaced, nothing
        // allocated), not destroyed and built anew.
        if (victim->object)
            victim->object->rekey(key);
        else
            victim->object.emplace(key);
        std::copy(key.begin(), key.end(), victim->key.begin());
        victim->head = head;
        victim->lastUse = clock_;
        return *victim->object;
    }

    // The cache of the calling thread, allocated on its first use.
    static KeyedCache& ofThisThread()
    {
        thread_local KeyedCache cache;
        return cache;
    }

private:
    struct Entry {
        std::array<std::uint8_t, KeyOctets> key{};
        std::uint64_t head = 0;    // the key's first 8 octets (a quick test before comparing the key)
        std::uint64_t lastUse = 0; // the cache's clock at the last get() of this entry
        std::optional<T> object;
        Entry() = default;
        Entry(const Entry&) = delete;
        Entry& operator=(const Entry&) = delete;
        Entry(Entry&&) = delete;
        Entry& operator=(Entry&&) = delete;
        ~Entry()
        {
            secureWipe(key.data(), key.size());
            secureWipe(&head, sizeof head);
        }
    };

    static constexpr int kShift = 64 - std::countr_zero(Slots / kWays); // at least two sets: under 64
    std::vector<Entry> entries_ = std::vector<Entry>(Slots);
    std::uint64_t clock_ = 0;
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

KeyedAes128Ctr::KeyedAes128Ctr(ByteView key)
{
    requireOctets(key, 16, "AES-128 key");
    ctr_ = Botan::StreamCipher::create_or_throw("CTR-BE(AES-128)");
    ctr_->set_key(key.data(), key.size());
    noteKeySetup();
}

void KeyedAes128Ctr::rekey(ByteView key)
{
    requireOctets(key, 16, "AES-128 key");
    ctr_->set_key(key.data(), key.size());
    noteKeySetup();
}

KeyedAes128Ctr::~KeyedAes128Ctr() = default;
KeyedAes128Ctr::KeyedAes128Ctr(KeyedAes128Ctr&&) noexcept = default;
KeyedAes128Ctr& KeyedAes128Ctr::operator=(KeyedAes128Ctr&&) noexcept = default;

void KeyedAes128Ctr::xorKeystream(const Block& iv, std::span<std::uint8_t> data) const
{
    notePrimitive(Primitive::Aes128Ctr, data.size());
    ctr_->set_iv(iv.data(), iv.size());
    ctr_->cipher1(data.data(), data.size());
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

// AES-128-GCM (NIST SP 800-38D) in both directions in one Botan object: Botan's GCM_Mode (its CTR_BE over
// AES-128 and its GHASH) with a finish that seals or opens, as Botan 2's GCM_Encryption::finish and
// GCM_Decryption::finish do, step for step (GHASH over the ciphertext, CTR over the message, the tag by
// GHASH::final). Two reasons not to use Botan's GCM_Encryption and GCM_Decryption (both `final`):
// - GCM_Decryption::finish throws Invalid_Authentication_Tag on a bad tag. Forged and tampered ESP and
//   application packets are part of every attack scenario, and unwinding that exception through libbotan cost
//   about 5 % of a defence-in-depth run's CPU. Here a bad tag is reported by open()'s result; the tags are
//   compared with Botan's constant_time_compare, as Botan does.
// - A key used in both directions (an ESP link, a device's application key) needs one key schedule (AES and
//   GHASH's tables, about 3.9 KiB) instead of two.
// All the cryptography is Botan's (its AES, CTR and GHASH objects); nothing here computes a block or a
// GHASH itself.
class GcmBothWays final : public Botan::GCM_Mode {
public:
    GcmBothWays()
        : GCM_Mode(Botan::BlockCipher::create_or_throw("AES-128").release(), kTag)
    {}

    // Starts a message: the associated data, then the 12-octet nonce (GCM_Mode::start_msg: J0, the CTR IV).
    void begin(ByteView nonce, ByteView associatedData)
    {
        requireOctets(nonce, 12, "AES-128-GCM nonce");
        set_associated_data(associatedData.data(), associatedData.size());
        start(nonce.data(), nonce.size());
    }

    // Encrypts `size` octets at `data` in place and writes the 16-octet tag at `tag`
    // (GCM_Encryption::finish).
    void sealInPlace(std::uint8_t* data, std::size_t size, std::uint8_t* tag)
    {
        if (size != 0) {
            m_ctr->cipher(data, data, size);
            m_ghash->update(data, size);
        }
        m_ghash->final(tag, kTag);
    }

    // Verifies `tag` over the `size` octets of ciphertext at `in` (and the associated data given to begin())
    // and only then decrypts them to `out` (which is `in` or does not overlap it): GCM_Decryption::finish
    // with GHASH over the whole ciphertext before the CTR pass (GHASH reads only the ciphertext, so the order
    // changes nothing but that no plaintext is written for a message whose tag fails). False, nothing
    // written, when the tag does not verify.
    [[nodiscard]] bool openTo(const std::uint8_t* in, std::size_t size, const std::uint8_t* tag,
                              std::uint8_t* out)
    {
        if (size != 0)
            m_ghash->update(in, size);
        std::uint8_t mac[kTag] = {};
        m_ghash->final(mac, kTag);
        const bool good = Botan::constant_time_compare(mac, tag, kTag);
        secureWipe(mac, sizeof mac);
        if (good && size != 0)
            m_ctr->cipher(in, out, size);
        return good;
    }

    // Botan's Cipher_Mode interface, for completeness: this object seals through it (as GCM_Encryption).
    std::size_t process(std::uint8_t buf[], std::size_t size) override
    {
        m_ctr->cipher(buf, buf, size);
        m_ghash->update(buf, size);
        return size;
    }
    void finish(Botan::secure_vector<std::uint8_t>& buffer, std::size_t offset = 0) override
    {
        if (offset > buffer.size())
            throw InvalidInput("AES-128-GCM: offset past the end of the buffer");
        const std::size_t size = buffer.size() - offset;
        buffer.resize(buffer.size() + kTag);
        sealInPlace(buffer.data() + offset, size, buffer.data() + offset + size);
    }
    std::size_t output_length(std::size_t input) const override { return input + kTag; }
    std::size_t minimum_final_size() const override { return 0; }

    static constexpr std::size_t kTag = 16;

private:
    // GCM_Mode::key_schedule (Botan 2.19) with its two temporaries (the zero IV, H) on the stack instead of
    // the heap: the same CTR and GHASH keying, so that re-keying a cached object (KeyedCache) allocates
    // nothing.
    void key_schedule(const std::uint8_t key[], std::size_t length) override
    {
        m_ctr->set_key(key, length);
        const std::array<std::uint8_t, kTag> zeros{};
        m_ctr->set_iv(zeros.data(), zeros.size());
        std::array<std::uint8_t, kTag> h{}; // H = E_K(0^128), the GHASH key
        m_ctr->cipher1(h.data(), h.size());
        m_ghash->set_key(h.data(), h.size());
        secureWipe(h.data(), h.size());
    }
};

namespace {

// The calling thread's buffer for one CCM message (its capacity kept: no allocation per message once
// warm).
Botan::secure_vector<std::uint8_t>& aeadScratch()
{
    thread_local Botan::secure_vector<std::uint8_t> buffer;
    return buffer;
}

} // namespace

KeyedAes128Gcm::KeyedAes128Gcm(ByteView key)
    : gcm_(std::make_unique<GcmBothWays>())
{
    rekey(key);
}

void KeyedAes128Gcm::rekey(ByteView key)
{
    requireOctets(key, 16, "AES-128-GCM key");
    gcm_->set_key(key.data(), key.size());
    noteKeySetup();
}

KeyedAes128Gcm::~KeyedAes128Gcm() = default;
KeyedAes128Gcm::KeyedAes128Gcm(KeyedAes128Gcm&&) noexcept = default;
KeyedAes128Gcm& KeyedAes128Gcm::operator=(KeyedAes128Gcm&&) noexcept = default;

void KeyedAes128Gcm::sealInPlace(ByteView nonce, ByteView associatedData, std::span<std::uint8_t> data,
                                 std::span<std::uint8_t, 16> tag) const
{
    gcm_->begin(nonce, associatedData);
    notePrimitive(Primitive::Aes128GcmSeal, data.size(), associatedData.size());
    gcm_->sealInPlace(data.data(), data.size(), tag.data());
}

bool KeyedAes128Gcm::openInto(ByteView nonce, ByteView associatedData, ByteView sealed,
                              Bytes& plaintext) const
{
    if (sealed.size() < GcmBothWays::kTag) {
        plaintext.clear();
        return false;
    }
    gcm_->begin(nonce, associatedData);
    notePrimitive(Primitive::Aes128GcmOpen, sealed.size(), associatedData.size());
    const std::size_t size = sealed.size() - GcmBothWays::kTag;
    plaintext.resize(size);
    if (!gcm_->openTo(sealed.data(), size, sealed.data() + size, plaintext.data())) {
        plaintext.clear();
        return false;
    }
    return true;
}

Bytes KeyedAes128Gcm::seal(ByteView nonce, ByteView associatedData, ByteView plaintext) const
{
    Bytes out(plaintext.size() + GcmBothWays::kTag);
    std::copy(plaintext.begin(), plaintext.end(), out.begin());
    const std::span<std::uint8_t> all(out);
    sealInPlace(nonce, associatedData, all.first(plaintext.size()),
                all.subspan(plaintext.size()).first<GcmBothWays::kTag>());
    return out;
}

std::optional<Bytes> KeyedAes128Gcm::open(ByteView nonce, ByteView associatedData, ByteView sealed) const
{
    Bytes plaintext;
    if (!openInto(nonce, associatedData, sealed, plaintext))
        return std::nullopt;
    return plaintext;
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

void aes128GcmSealInPlace(ByteView key, ByteView nonce, ByteView associatedData, std::span<std::uint8_t> data,
                          std::span<std::uint8_t, 16> tag)
{
    requireOctets(key, 16, "AES-128-GCM key");
    KeyedCache<KeyedAes128Gcm, 256>::ofThisThread().get(key).sealInPlace(nonce, associatedData, data, tag);
}

bool aes128GcmOpenInto(ByteView key, ByteView nonce, ByteView associatedData, ByteView sealed,
                       Bytes& plaintext)
{
    if (sealed.size() < 16) {
        plaintext.clear();
        return false;
    }
    requireOctets(key, 16, "AES-128-GCM key");
    return KeyedCache<KeyedAes128Gcm, 256>::ofThisThread().get(key).openInto(nonce, associatedData, sealed,
                                                                             plaintext);
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
        stale_ = {true, true}; // each direction keyed again when next used (as KeyedAes128Gcm)
    }
    [[nodiscard]] Botan::AEAD_Mode& start(Botan::Cipher_Dir dir, ByteView nonce,
                                          ByteView associatedData) const
    {
        requireOctets(nonce, 13, "AES-CCM nonce");
        std::unique_ptr<Botan::AEAD_Mode>& mode = dir == Botan::ENCRYPTION ? seal_ : open_;
        bool& stale = stale_[dir == Botan::ENCRYPTION ? 0 : 1];
        if (!mode) {
            mode = Botan::AEAD_Mode::create_or_throw("AES-128/CCM(8,2)", dir);
            stale = true;
        }
        if (stale) {
            mode->set_key(key_.data(), key_.size());
            noteKeySetup();
            stale = false;
        }
        mode->set_associated_data(associatedData.data(), associatedData.size());
        mode->start(nonce.data(), nonce.size());
        return *mode;
    }

private:
    SecureBytes key_;
    mutable std::unique_ptr<Botan::AEAD_Mode> seal_;
    mutable std::unique_ptr<Botan::AEAD_Mode> open_;
    mutable std::array<bool, 2> stale_{}; // seal, open: built before the last rekey() and not keyed since
};

constexpr std::size_t kCcmTag = 8;

} // namespace

Bytes aes128Ccm8Seal(ByteView key, ByteView nonce, ByteView associatedData, ByteView plaintext)
{
    requireOctets(key, 16, "AES-CCM key");
    Botan::AEAD_Mode& mode = KeyedCache<KeyedAes128Ccm8, 64>::ofThisThread().get(key).start(
        Botan::ENCRYPTION, nonce, associatedData);
    notePrimitive(Primitive::Aes128CcmSeal, plaintext.size(), associatedData.size());
    Botan::secure_vector<std::uint8_t>& buffer = aeadScratch();
    buffer.assign(plaintext.begin(), plaintext.end());
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
    Botan::secure_vector<std::uint8_t>& buffer = aeadScratch();
    buffer.assign(sealed.begin(), sealed.end());
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

std::string backendVersion()
{
    return "Botan " + std::to_string(Botan::version_major()) + "." + std::to_string(Botan::version_minor()) +
           "." + std::to_string(Botan::version_patch());
}

} // namespace mtcsec::crypto
