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
#include <botan/stream_cipher.h>
#include <botan/version.h>

#include <algorithm>
#include <bit>
#include <cstring>

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

namespace {

// The calling thread's buffer for one GCM message (its capacity kept: no allocation per message once warm).
Botan::secure_vector<std::uint8_t>& gcmScratch()
{
    thread_local Botan::secure_vector<std::uint8_t> buffer;
    return buffer;
}

// The mode of one direction, keyed on first use or when the key changed since (`stale`), then given the
// associated data and started on the nonce.
Botan::AEAD_Mode& startGcm(std::unique_ptr<Botan::AEAD_Mode>& mode, bool& stale, ByteView key, ByteView nonce,
                           ByteView associatedData, Botan::Cipher_Dir dir)
{
    requireOctets(nonce, 12, "AES-128-GCM nonce");
    if (!mode) {
        mode = Botan::AEAD_Mode::create_or_throw("AES-128/GCM", dir);
        stale = true;
    }
    if (stale) {
        mode->set_key(key.data(), key.size());
        noteKeySetup();
        stale = false;
    }
    mode->set_associated_data(associatedData.data(), associatedData.size());
    mode->start(nonce.data(), nonce.size());
    return *mode;
}

} // namespace

KeyedAes128Gcm::KeyedAes128Gcm(ByteView key)
    : key_(requireOctets(key, 16, "AES-128-GCM key").begin(), key.end())
{}

void KeyedAes128Gcm::rekey(ByteView key)
{
    requireOctets(key, 16, "AES-128-GCM key");
    std::copy(key.begin(), key.end(), key_.begin());
    // Each direction's object is keyed again when next used: a per-device key is often used in one direction
    // only before the slot is taken by another key (the device seals, the server opens much later).
    sealStale_ = true;
    openStale_ = true;
}

KeyedAes128Gcm::~KeyedAes128Gcm() = default;
KeyedAes128Gcm::KeyedAes128Gcm(KeyedAes128Gcm&&) noexcept = default;
KeyedAes128Gcm& KeyedAes128Gcm::operator=(KeyedAes128Gcm&&) noexcept = default;

Bytes KeyedAes128Gcm::seal(ByteView nonce, ByteView associatedData, ByteView plaintext) const
{
    Botan::AEAD_Mode& mode = startGcm(seal_, sealStale_, key_, nonce, associatedData, Botan::ENCRYPTION);
    notePrimitive(Primitive::Aes128GcmSeal, plaintext.size(), associatedData.size());
    Botan::secure_vector<std::uint8_t>& buffer = gcmScratch();
    buffer.assign(plaintext.begin(), plaintext.end());
    mode.finish(buffer);
    return Bytes(buffer.begin(), buffer.end());
}

std::optional<Bytes> KeyedAes128Gcm::open(ByteView nonce, ByteView associatedData, ByteView sealed) const
{
    if (sealed.size() < 16)
        return std::nullopt;
    Botan::AEAD_Mode& mode = startGcm(open_, openStale_, key_, nonce, associatedData, Botan::DECRYPTION);
    notePrimitive(Primitive::Aes128GcmOpen, sealed.size(), associatedData.size());
    Botan::secure_vector<std::uint8_t>& buffer = gcmScratch();
    buffer.assign(sealed.begin(), sealed.end());
    try {
        mode.finish(buffer);
    } catch (const Botan::Invalid_Authentication_Tag&) {
        mode.reset(); // ready for the next message
        return std::nullopt;
    }
    return Bytes(buffer.begin(), buffer.end());
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

std::string backendVersion()
{
    return "Botan " + std::to_string(Botan::version_major()) + "." + std::to_string(Botan::version_minor()) +
           "." + std::to_string(Botan::version_patch());
}

} // namespace mtcsec::crypto
