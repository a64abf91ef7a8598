// The crypto facade over Botan 2: every Botan algorithm call of the core is in this file.
#include "core/crypto/Primitives.h"

#include "core/InvalidInput.h"

#include <botan/block_cipher.h>
#include <botan/hash.h>
#include <botan/mac.h>
#include <botan/stream_cipher.h>
#include <botan/version.h>

namespace mtcsec::crypto {
Aes128::Aes128(ByteView key)
    : cipher_(Botan::BlockCipher::create_or_throw("AES-128"))
{
    requireOctets(key, 16, "AES-128 key");
    cipher_->set_key(key.data(), key.size());
}

Aes128::~Aes128() = default;
Aes128::Aes128(Aes128&&) noexcept = default;
Aes128& Aes128::operator=(Aes128&&) noexcept = default;

Block Aes128::encrypt(const Block& in) const
{
    Block out;
    cipher_->encrypt(in.data(), out.data());
    return out;
}

void Aes128::encryptInPlace(std::uint8_t* block) const
{
    cipher_->encrypt(block);
}

void aes128CtrXor(ByteView key, const Block& iv, std::span<std::uint8_t> data)
{
    requireOctets(key, 16, "AES-128 key");
    auto ctr = Botan::StreamCipher::create_or_throw("CTR-BE(AES-128)");
    ctr->set_key(key.data(), key.size());
    ctr->set_iv(iv.data(), iv.size());
    ctr->cipher1(data.data(), data.size());
}

Block aes128Cmac(ByteView key, ByteView message)
{
    requireOctets(key, 16, "AES-128 key");
    auto cmac = Botan::MessageAuthenticationCode::create_or_throw("CMAC(AES-128)");
    cmac->set_key(key.data(), key.size());
    cmac->update(message.data(), message.size());
    Block tag;
    cmac->final(tag.data());
    return tag;
}

SecureBytes hmacSha256(ByteView key, ByteView message)
{
    auto hmac = Botan::MessageAuthenticationCode::create_or_throw("HMAC(SHA-256)");
    hmac->set_key(key.data(), key.size());
    hmac->update(message.data(), message.size());
    return hmac->final();
}

std::array<std::uint8_t, 32> sha256(ByteView message)
{
    auto hash = Botan::HashFunction::create_or_throw("SHA-256");
    hash->update(message.data(), message.size());
    std::array<std::uint8_t, 32> out;
    hash->final(out.data());
    return out;
}

std::string backendVersion()
{
    return "Botan " + std::to_string(Botan::version_major()) + "." + std::to_string(Botan::version_minor()) +
           "." + std::to_string(Botan::version_patch());
}

} // namespace mtcsec::crypto
