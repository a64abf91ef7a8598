// Key derivations of TS 33.401 Annex A.2-A.7 on the generic KDF.
#include "core/crypto/KeyHierarchy.h"

#include "core/InvalidInput.h"
#include "core/crypto/Kdf.h"

#include <array>
#include <string>

namespace mtcsec::crypto {
namespace {

constexpr std::array<std::string_view, 6> kTypeNames = {"nas-enc", "nas-int", "rrc-enc",
                                                        "rrc-int", "up-enc",  "up-int"};

std::array<std::uint8_t, 4> bigEndian32(std::uint32_t v)
{
    return {static_cast<std::uint8_t>(v >> 24), static_cast<std::uint8_t>(v >> 16),
            static_cast<std::uint8_t>(v >> 8), static_cast<std::uint8_t>(v)};
}

} // namespace

std::string_view name(AlgorithmKeyType type)
{
    return kTypeNames.at(static_cast<std::size_t>(type) - 1);
}

std::optional<AlgorithmKeyType> parseAlgorithmKeyType(std::string_view text)
{
    for (std::size_t i = 0; i < kTypeNames.size(); ++i) {
        if (kTypeNames[i] == text)
            return static_cast<AlgorithmKeyType>(i + 1);
    }
    return std::nullopt;
}

SecureBytes deriveKasme(ByteView ck, ByteView ik, ByteView snId, ByteView sqnXorAk)
{
    requireOctets(ck, 16, "CK");
    requireOctets(ik, 16, "IK");
    requireOctets(snId, 3, "SN id");
    requireOctets(sqnXorAk, 6, "SQN xor AK");
    SecureBytes key(ck.begin(), ck.end());
    key.insert(key.end(), ik.begin(), ik.end());
    return kdf(key, KdfFc::Kasme, {snId, sqnXorAk});
}

SecureBytes deriveKeNB(ByteView kasme, std::uint32_t uplinkNasCount)
{
    requireOctets(kasme, 32, "KASME");
    const auto count = bigEndian32(uplinkNasCount);
    return kdf(kasme, KdfFc::KeNB, {count});
}

SecureBytes deriveNh(ByteView kasme, ByteView syncInput)
{
    requireOctets(kasme, 32, "KASME");
    requireOctets(syncInput, 32, "SYNC-input");
    return kdf(kasme, KdfFc::Nh, {syncInput});
}

SecureBytes deriveKeNBStar(ByteView key, std::uint16_t pci, std::uint32_t earfcnDl)
{
    requireOctets(key, 32, "KeNB/NH");
    if (earfcnDl > 0xffffff)
        throw InvalidInput("EARFCN-DL must fit in 3 octets");
    const std::array<std::uint8_t, 2> p0 = {static_cast<std::uint8_t>(pci >> 8),
                                            static_cast<std::uint8_t>(pci)};
    const auto e = bigEndian32(earfcnDl);
    const ByteView p1 = earfcnDl > 0xffff ? ByteView(e).subspan(1) : ByteView(e).subspan(2);
    return kdf(key, KdfFc::KeNBStar, {p0, p1});
}

SecureBytes deriveAlgorithmKey256(ByteView key, AlgorithmKeyType type, std::uint8_t algorithmId)
{
    requireOctets(key, 32, "KASME/KeNB");
    if (algorithmId > 0x0f)
        throw InvalidInput("algorithm identity must fit in 4 bits (0-15), got " +
                           std::to_string(algorithmId));
    const std::array<std::uint8_t, 1> p0 = {static_cast<std::uint8_t>(type)};
    const std::array<std::uint8_t, 1> p1 = {algorithmId};
    return kdf(key, KdfFc::AlgorithmKey, {p0, p1});
}

SecureBytes deriveAlgorithmKey(ByteView key, AlgorithmKeyType type, std::uint8_t algorithmId)
{
    const SecureBytes full = deriveAlgorithmKey256(key, type, algorithmId);
    return SecureBytes(full.end() - 16, full.end());
}

} // namespace mtcsec::crypto
