// The crypto facade: the only interface through which the core reaches Botan 2 (AES-128, AES-CTR, AES-CMAC,
// HMAC-SHA-256, SHA-256, AES-GCM). Moving to Botan 3 changes Primitives.cpp and nothing else. Every call is
// noted in the calling thread's crypto ledger when one is active (core/crypto/CryptoLedger.h).
#pragma once

#include "core/crypto/Bytes.h"

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace Botan {
class AEAD_Mode;
class BlockCipher;
class HashFunction;
class MessageAuthenticationCode;
class StreamCipher;
} // namespace Botan

namespace mtcsec::crypto {

using Block = std::array<std::uint8_t, 16>;

// AES-128 with its key schedule done once (FIPS 197), for Milenage, CMAC and counter mode.
class Aes128 final {
public:
    explicit Aes128(ByteView key); // throws InvalidInput unless the key is 16 octets
    // Replaces the key (a new key schedule in the same object, nothing allocated); throws as the constructor.
    void rekey(ByteView key);
    ~Aes128();
    Aes128(Aes128&&) noexcept;
    Aes128& operator=(Aes128&&) noexcept;
    Aes128(const Aes128&) = delete;
    Aes128& operator=(const Aes128&) = delete;

    [[nodiscard]] Block encrypt(const Block& in) const;
    void encryptInPlace(std::uint8_t* block) const;

private:
    std::unique_ptr<Botan::BlockCipher> cipher_;
};

// AES-128-CTR with its key schedule done once: for many messages under one key (NIST SP 800-38A).
class KeyedAes128Ctr final {
public:
    explicit KeyedAes128Ctr(ByteView key); // throws InvalidInput unless the key is 16 octets
    // Replaces the key (a new key schedule in the same object, nothing allocated); throws as the constructor.
    void rekey(ByteView key);
    ~KeyedAes128Ctr();
    KeyedAes128Ctr(KeyedAes128Ctr&&) noexcept;
    KeyedAes128Ctr& operator=(KeyedAes128Ctr&&) noexcept;
    // As aes128CtrXor below, with this object's key.
    void xorKeystream(const Block& iv, std::span<std::uint8_t> data) const;

private:
    std::unique_ptr<Botan::StreamCipher> ctr_;
};

// AES-128-CMAC over whole octets with its key schedule and subkeys done once (NIST SP 800-38B).
class KeyedAes128Cmac final {
public:
    explicit KeyedAes128Cmac(ByteView key); // throws InvalidInput unless the key is 16 octets
    // Replaces the key (a new key schedule in the same object, nothing allocated); throws as the constructor.
    void rekey(ByteView key);
    ~KeyedAes128Cmac();
    KeyedAes128Cmac(KeyedAes128Cmac&&) noexcept;
    KeyedAes128Cmac& operator=(KeyedAes128Cmac&&) noexcept;
    [[nodiscard]] Block mac(ByteView message) const; // the full 16-octet tag

private:
    std::unique_ptr<Botan::MessageAuthenticationCode> cmac_;
};

// HMAC-SHA-256 with its key (of any length) set once (RFC 2104).
class KeyedHmacSha256 final {
public:
    explicit KeyedHmacSha256(ByteView key);
    // Replaces the key (a new key schedule in the same object, nothing allocated); throws as the constructor.
    void rekey(ByteView key);
    ~KeyedHmacSha256();
    KeyedHmacSha256(KeyedHmacSha256&&) noexcept;
    KeyedHmacSha256& operator=(KeyedHmacSha256&&) noexcept;
    [[nodiscard]] SecureBytes mac(ByteView message) const; // 32 octets

private:
    std::unique_ptr<Botan::MessageAuthenticationCode> hmac_;
};

class GcmBothWays; // Primitives.cpp: one Botan GCM object that seals and opens

// AES-128-GCM with its key set once (NIST SP 800-38D), 12-octet nonces and 16-octet tags; one Botan object
// (one key schedule) for both directions.
class KeyedAes128Gcm final {
public:
    explicit KeyedAes128Gcm(ByteView key); // throws InvalidInput unless the key is 16 octets
    // Replaces the key (a new key schedule in the same object, nothing allocated); throws as the constructor.
    void rekey(ByteView key);
    ~KeyedAes128Gcm();
    KeyedAes128Gcm(KeyedAes128Gcm&&) noexcept;
    KeyedAes128Gcm& operator=(KeyedAes128Gcm&&) noexcept;
    // As aes128GcmSeal and aes128GcmOpen below, with this object's key. Throws InvalidInput unless the nonce
    // is 12 octets. A tag that does not verify is reported by an empty result, never by an exception.
    [[nodiscard]] Bytes seal(ByteView nonce, ByteView associatedData, ByteView plaintext) const;
    [[nodiscard]] std::optional<Bytes> open(ByteView nonce, ByteView associatedData, ByteView sealed) const;
    // As aes128GcmSealInPlace and aes128GcmOpenInto below, with this object's key.
    void sealInPlace(ByteView nonce, ByteView associatedData, std::span<std::uint8_t> data,
                     std::span<std::uint8_t, 16> tag) const;
    [[nodiscard]] bool openInto(ByteView nonce, ByteView associatedData, ByteView sealed,
                                Bytes& plaintext) const;

private:
    std::unique_ptr<GcmBothWays> gcm_; // Botan's state changes per message: hence mutable use in const calls
};

// The calling thread's AES-128 object for `key` (16 octets, else InvalidInput), keyed on first use and kept
// in a small per-thread cache; valid until the next cachedAes128 call on the thread. aes128CtrXor,
// aes128Cmac and aes128GcmSeal/Open below use such caches of their own.
[[nodiscard]] const Aes128& cachedAes128(ByteView key);

// XORs `data` in place with the AES-128-CTR keystream that starts at the 16-octet counter block `iv`
// (big-endian increment of the whole block; NIST SP 800-38A).
void aes128CtrXor(ByteView key, const Block& iv, std::span<std::uint8_t> data);

// AES-128-CMAC over whole octets (NIST SP 800-38B, RFC 4493) by Botan, full 16-octet tag.
[[nodiscard]] Block aes128Cmac(ByteView key, ByteView message);

// HMAC-SHA-256 (RFC 2104, FIPS 180-4).
[[nodiscard]] SecureBytes hmacSha256(ByteView key, ByteView message);

// SHA-256.
[[nodiscard]] std::array<std::uint8_t, 32> sha256(ByteView message);

// AES-CCM with a 16-octet key, a 13-octet nonce (L = 2) and an 8-octet tag (NIST SP 800-38C, RFC 3610): the
// COSE algorithm AES-CCM-16-64-128 (RFC 8152 10.2) that OSCORE uses (RFC 8613 3.2.1), by Botan's
// "AES-128/CCM(8,2)". Seal returns ciphertext || tag; throws InvalidInput unless the key is 16 octets and the
// nonce 13. Open verifies and decrypts ciphertext || tag; empty when the tag does not verify (or the input is
// shorter than the tag).
[[nodiscard]] Bytes aes128Ccm8Seal(ByteView key, ByteView nonce, ByteView associatedData, ByteView plaintext);
[[nodiscard]] std::optional<Bytes> aes128Ccm8Open(ByteView key, ByteView nonce, ByteView associatedData,
                                                  ByteView sealed);

// HKDF with SHA-256 (RFC 5869, extract then expand) by Botan's "HKDF(SHA-256)": `length` octets (1 to 8160)
// of output keying material from `ikm`, `salt` (empty: the RFC's string of zeros) and `info`. Throws
// InvalidInput for a length out of range.
[[nodiscard]] SecureBytes hkdfSha256(ByteView ikm, ByteView salt, ByteView info, std::size_t length);

// AES-128-GCM (NIST SP 800-38D) with a 12-octet nonce and a 16-octet tag: returns ciphertext || tag.
[[nodiscard]] Bytes aes128GcmSeal(ByteView key, ByteView nonce, ByteView associatedData, ByteView plaintext);
// Verifies and decrypts ciphertext || tag; empty when the tag does not verify (or the input is too short).
[[nodiscard]] std::optional<Bytes> aes128GcmOpen(ByteView key, ByteView nonce, ByteView associatedData,
                                                 ByteView sealed);
// The same without a buffer of their own, for a caller that builds the packet around the message (ESP, the
// application security layer): aes128GcmSealInPlace replaces the plaintext `data` by its ciphertext and
// writes the 16-octet tag at `tag` (which must not overlap `data`; the associated data may lie in the same
// buffer, before `data`). aes128GcmOpenInto verifies ciphertext || tag `sealed` and only then writes the
// plaintext into `plaintext` (resized to sealed.size() - 16 octets; its capacity is reused); false, and
// `plaintext` emptied, when the tag does not verify or `sealed` is shorter than the tag. `plaintext` must not
// be the buffer `sealed` views. Both throw InvalidInput unless the key is 16 octets and the nonce 12, and
// note the same ledger records as aes128GcmSeal and aes128GcmOpen.
void aes128GcmSealInPlace(ByteView key, ByteView nonce, ByteView associatedData, std::span<std::uint8_t> data,
                          std::span<std::uint8_t, 16> tag);
[[nodiscard]] bool aes128GcmOpenInto(ByteView key, ByteView nonce, ByteView associatedData, ByteView sealed,
                                     Bytes& plaintext);

// Incremental SHA-256, for digests of long streams (the event log).
class Sha256 final {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    void update(ByteView data);
    void update(std::string_view text);
    // The digest of everything so far; the hash keeps going (final() does not reset what was fed).
    [[nodiscard]] std::array<std::uint8_t, 32> peek() const;
    void reset();

private:
    std::unique_ptr<Botan::HashFunction> hash_;
};

// Overwrites memory with zeros in a way the compiler may not optimise away (for key tables being released).
void secureWipe(void* data, std::size_t size);

// An allocator for tables that hold keys: like std::allocator, but memory is wiped before it is released.
template <typename T>
struct WipingAllocator {
    using value_type = T;
    WipingAllocator() = default;
    template <typename U>
    WipingAllocator(const WipingAllocator<U>&) noexcept
    {}
    T* allocate(std::size_t n) { return std::allocator<T>().allocate(n); }
    void deallocate(T* p, std::size_t n) noexcept
    {
        secureWipe(p, n * sizeof(T));
        std::allocator<T>().deallocate(p, n);
    }
    template <typename U>
    bool operator==(const WipingAllocator<U>&) const noexcept
    {
        return true;
    }
};

// The Botan version this binary runs with, for the About dialog and --version.
[[nodiscard]] std::string backendVersion();

} // namespace mtcsec::crypto
