// The crypto facade over Botan 2: every Botan algorithm call of the core is in this file.
#include "core/crypto/Primitives.h"

#include "core/InvalidInput.h"

#include <botan/aead.h>
#include <botan/block_cipher.h>
#include <botan/exceptn.h>
#include <botan/hash.h>
#include <botan/mac.h>
#include <botan/mem_ops.h>
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

namespace {

std::unique_ptr<Botan::AEAD_Mode> gcm(ByteView key, ByteView nonce, ByteView associatedData,
                                      Botan::Cipher_Dir dir)
{
    requireOctets(key, 16, "AES-128-GCM key");
    requireOctets(nonce, 12, "AES-128-GCM nonce");
    auto mode = Botan::AEAD_Mode::create_or_throw("AES-128/GCM", dir);
    mode->set_key(key.data(), key.size());
    mode->set_associated_data(associatedData.data(), associatedData.size());
    mode->start(nonce.data(), nonce.size());
    return mode;
}

} // namespace

Bytes aes128GcmSeal(ByteView key, ByteView nonce, ByteView associatedData, ByteView plaintext)
{
    auto mode = gcm(key, nonce, associatedData, Botan::ENCRYPTION);
    Botan::secure_vector<std::uint8_t> buffer(plaintext.begin(), plaintext.end());
    mode->finish(buffer);
    return Bytes(buffer.begin(), buffer.end());
}

std::optional<Bytes> aes128GcmOpen(ByteView key, ByteView nonce, ByteView associatedData, ByteView sealed)
{
    if (sealed.size() < 16)
        return std::nullopt;
    auto mode = gcm(key, nonce, associatedData, Botan::DECRYPTION);
    Botan::secure_vector<std::uint8_t> buffer(sealed.begin(), sealed.end());
    try {
        mode->finish(buffer);
    } catch (const Botan::Invalid_Authentication_Tag&) {
        return std::nullopt;
    }
    return Bytes(buffer.begin(), buffer.end());
}

Sha256::Sha256()
    : hash_(Botan::HashFunction::create_or_throw("SHA-256"))
{}
Sha256::~Sha256() = default;

void Sha256::update(ByteView data)
{
    hash_->update(data.data(), data.size());
}

void Sha256::update(std::string_view text)
{
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
