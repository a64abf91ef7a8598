// The EPS security algorithm identities (TS 33.401 clauses 5.1.3.2 and 5.1.4.2; TS 24.301 9.9.3.23) and
// dispatch from an identity to its implementation.
#pragma once

#include "core/crypto/AlgorithmInput.h"

#include <optional>
#include <string_view>

namespace mtcsec::crypto {

// Values are the 4-bit identities carried in NAS and RRC and fed to the KDF (TS 33.401 A.7).
enum class CipheringAlgorithm : std::uint8_t { Eea0 = 0, Eea1 = 1, Eea2 = 2, Eea3 = 3 };
enum class IntegrityAlgorithm : std::uint8_t { Eia0 = 0, Eia1 = 1, Eia2 = 2, Eia3 = 3 };

[[nodiscard]] std::string_view name(CipheringAlgorithm alg); // "EEA0", "128-EEA1", ...
[[nodiscard]] std::string_view name(IntegrityAlgorithm alg);

// Parses "EEA2", "eea2", "128-EEA2" or "2". Empty for anything else.
[[nodiscard]] std::optional<CipheringAlgorithm> parseCipheringAlgorithm(std::string_view text);
[[nodiscard]] std::optional<IntegrityAlgorithm> parseIntegrityAlgorithm(std::string_view text);

// Whether this build implements the algorithm: all of EEA0-EEA3 and EIA0-EIA3 (SNOW 3G, AES and ZUC).
[[nodiscard]] bool isImplemented(CipheringAlgorithm alg);
[[nodiscard]] bool isImplemented(IntegrityAlgorithm alg);

// Ciphers (or deciphers) whole octets in place with the given algorithm (TS 33.401 B.1.2-B.1.4), without
// allocating. Throws InvalidInput for a bad key or BEARER, or an identity outside 0-3.
void encipherInPlace(CipheringAlgorithm alg, ByteView key, const AlgorithmInput& input,
                     std::span<std::uint8_t> data);

// The 32-bit MAC of whole octets with the given algorithm (TS 33.401 B.2.2-B.2.4), without allocating
// (128-EIA2's CMAC aside). Throws InvalidInput for a bad key or BEARER, or an identity outside 0-3.
[[nodiscard]] Mac computeMac(IntegrityAlgorithm alg, ByteView key, const AlgorithmInput& input,
                             ByteView message);

} // namespace mtcsec::crypto
