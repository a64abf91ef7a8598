// The crypto facade: the only interface through which the core reaches Botan 2 (AES-128, AES-CTR, AES-CMAC,
// HMAC-SHA-256, SHA-256). Moving to Botan 3 changes Primitives.cpp and nothing else.
#pragma once

#include "core/crypto/Bytes.h"

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace Botan {
class BlockCipher;
class HashFunction;
} // namespace Botan

namespace mtcsec::crypto {

using Block = std::array<std::uint8_t, 16>;

// AES-128 with its key schedule done once (FIPS 197), for Milenage, CMAC and counter mode.
class Aes128 final {
public:
    explicit Aes128(ByteView key); // throws InvalidInput unless the key is 16 octets
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

// XORs `data` in place with the AES-128-CTR keystream that starts at the 16-octet counter block `iv`
// (big-endian increment of the whole block; NIST SP 800-38A).
void aes128CtrXor(ByteView key, const Block& iv, std::span<std::uint8_t> data);

// AES-128-CMAC over whole octets (NIST SP 800-38B, RFC 4493) by Botan, full 16-octet tag.
[[nodiscard]] Block aes128Cmac(ByteView key, ByteView message);

// HMAC-SHA-256 (RFC 2104, FIPS 180-4).
[[nodiscard]] SecureBytes hmacSha256(ByteView key, ByteView message);

// SHA-256.
[[nodiscard]] std::array<std::uint8_t, 32> sha256(ByteView message);

// AES-128-GCM (NIST SP 800-38D) with a 12-octet nonce and a 16-octet tag: returns ciphertext || tag.
[[nodiscard]] Bytes aes128GcmSeal(ByteView key, ByteView nonce, ByteView associatedData, ByteView plaintext);
// Verifies and decrypts ciphertext || tag; empty when the tag does not verify (or the input is too short).
[[nodiscard]] std::optional<Bytes> aes128GcmOpen(ByteView key, ByteView nonce, ByteView associatedData,
                                                 ByteView sealed);

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
