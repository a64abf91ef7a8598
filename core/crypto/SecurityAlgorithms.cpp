// Algorithm identities and dispatch (TS 33.401 5.1.3.2, 5.1.4.2).
#include "core/crypto/SecurityAlgorithms.h"

#include "core/InvalidInput.h"
#include "core/crypto/Eea0Eia0.h"
#include "core/crypto/Eea1.h"
#include "core/crypto/Eea2.h"
#include "core/crypto/Eea3.h"
#include "core/crypto/Eia1.h"
#include "core/crypto/Eia2.h"
#include "core/crypto/Eia3.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace mtcsec::crypto {
namespace {

constexpr std::array<std::string_view, 4> kCipheringNames = {"EEA0", "128-EEA1", "128-EEA2", "128-EEA3"};
constexpr std::array<std::string_view, 4> kIntegrityNames = {"EIA0", "128-EIA1", "128-EIA2", "128-EIA3"};

// Accepts "<prefix>N", "128-<prefix>N" or "N" (case-insensitive) and returns N in 0..3.
std::optional<std::uint8_t> parseIdentity(std::string_view text, std::string_view prefix)
{
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::string_view rest = lower;
    if (rest.starts_with("128-"))
        rest.remove_prefix(4);
    if (rest.starts_with(prefix))
        rest.remove_prefix(prefix.size());
    if (rest.size() != 1 || rest[0] < '0' || rest[0] > '3')
        return std::nullopt;
    return static_cast<std::uint8_t>(rest[0] - '0');
}

} // namespace

std::string_view name(CipheringAlgorithm alg)
{
    return kCipheringNames.at(static_cast<std::size_t>(alg));
}

std::string_view name(IntegrityAlgorithm alg)
{
    return kIntegrityNames.at(static_cast<std::size_t>(alg));
}

std::optional<CipheringAlgorithm> parseCipheringAlgorithm(std::string_view text)
{
    if (const auto id = parseIdentity(text, "eea"))
        return static_cast<CipheringAlgorithm>(*id);
    return std::nullopt;
}

std::optional<IntegrityAlgorithm> parseIntegrityAlgorithm(std::string_view text)
{
    if (const auto id = parseIdentity(text, "eia"))
        return static_cast<IntegrityAlgorithm>(*id);
    return std::nullopt;
}

bool isImplemented(CipheringAlgorithm alg)
{
    return static_cast<std::uint8_t>(alg) <= static_cast<std::uint8_t>(CipheringAlgorithm::Eea3);
}

bool isImplemented(IntegrityAlgorithm alg)
{
    return static_cast<std::uint8_t>(alg) <= static_cast<std::uint8_t>(IntegrityAlgorithm::Eia3);
}

void encipherInPlace(CipheringAlgorithm alg, ByteView key, const AlgorithmInput& input,
                     std::span<std::uint8_t> data)
{
    switch (alg) {
    case CipheringAlgorithm::Eea0:
        return; // the keystream is all zeros
    case CipheringAlgorithm::Eea1:
        eea1InPlace(key, input, data);
        return;
    case CipheringAlgorithm::Eea2:
        eea2InPlace(key, input, data);
        return;
    case CipheringAlgorithm::Eea3:
        eea3InPlace(key, input, data);
        return;
    }
    throw InvalidInput("ciphering algorithm identity " + std::to_string(static_cast<int>(alg)) +
                       " is not one of EEA0-EEA3");
}

Mac computeMac(IntegrityAlgorithm alg, ByteView key, const AlgorithmInput& input, ByteView message)
{
    switch (alg) {
    case IntegrityAlgorithm::Eia0:
        return eia0();
    case IntegrityAlgorithm::Eia1:
        return eia1(key, input, message);
    case IntegrityAlgorithm::Eia2:
        return eia2(key, input, message);
    case IntegrityAlgorithm::Eia3:
        return eia3(key, input, message);
    }
    throw InvalidInput("integrity algorithm identity " + std::to_string(static_cast<int>(alg)) +
                       " is not one of EIA0-EIA3");
}

} // namespace mtcsec::crypto
