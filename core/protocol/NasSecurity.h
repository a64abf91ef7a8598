// Security protected NAS messages (TS 24.301 clause 9.1 / Table 8.2.23.1; TS 33.401 clause 8.1): security
// header type, 32-bit MAC over SN || message, SN = 8 LSBs of NAS COUNT, ciphering of the inner message;
// NAS COUNT estimation and replay detection at the receiver.
#pragma once

#include "core/crypto/SecurityAlgorithms.h"

#include <array>
#include <cstdint>
#include <optional>

namespace mtcsec::protocol {

// Security header types (TS 24.301 Table 9.3.1).
inline constexpr std::uint8_t kShtPlain = 0;
inline constexpr std::uint8_t kShtIntegrity = 1;
inline constexpr std::uint8_t kShtIntegrityCiphered = 2;
inline constexpr std::uint8_t kShtIntegrityNewContext = 3;
inline constexpr std::uint8_t kShtIntegrityCipheredNewContext = 4;

// One side's EPS NAS security context (keys, selected algorithms, counters).
struct NasSecurityContext {
    std::array<std::uint8_t, 16> kNasInt{};
    std::array<std::uint8_t, 16> kNasEnc{};
    crypto::IntegrityAlgorithm eia = crypto::IntegrityAlgorithm::Eia0;
    crypto::CipheringAlgorithm eea = crypto::CipheringAlgorithm::Eea0;
    std::uint32_t nextUplinkCount = 0;   // next NAS COUNT to send (UE) or expected (MME)
    std::uint32_t nextDownlinkCount = 0; // next NAS COUNT to send (MME) or expected (UE)
};

// The protected PDU: octet 1 SHT|PD, MAC (4), SN (1), the message (ciphered for SHT 2 and 4).
[[nodiscard]] Bytes protectNas(const NasSecurityContext& context, std::uint8_t securityHeaderType,
                               bool downlink, std::uint32_t count, ByteView plainMessage);

enum class NasVerdict : std::uint8_t { Accepted, Malformed, IntegrityFailure, Replay };

struct NasUnprotected {
    NasVerdict verdict = NasVerdict::Malformed;
    std::uint8_t securityHeaderType = 0;
    std::uint32_t count = 0; // the estimated NAS COUNT (protected messages)
    Bytes plain;             // the plain NAS message when accepted
};

// Receiver side: plain messages are returned as they are (the caller applies TS 24.301 4.4.4 on which plain
// messages it may accept); protected ones are checked against the MAC with the estimated NAS COUNT (from the
// expected count and the SN) and deciphered. A MAC that verifies only under an older COUNT is a replay.
[[nodiscard]] NasUnprotected unprotectNas(const NasSecurityContext& context, bool downlink,
                                          std::uint32_t expectedCount, ByteView pdu);

// The security header type of a NAS PDU (octet 1, bits 8-5), or empty when octet 1 is not EMM.
[[nodiscard]] std::optional<std::uint8_t> nasSecurityHeaderType(ByteView pdu);

} // namespace mtcsec::protocol
