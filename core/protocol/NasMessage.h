// EPS mobility management messages of TS 24.301 clause 8.2 used by the attach procedure, in their real
// encodings (clause 9), and the EPS mobile identity (IMSI, clause 9.9.3.12).
#pragma once

#include "core/crypto/Bytes.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace mtcsec::protocol {

inline constexpr std::uint8_t kPdEmm = 0x07;
inline constexpr std::uint8_t kPdEsm = 0x02;

// Message types of TS 24.301 Table 9.8.1.
enum class EmmType : std::uint8_t {
    AttachRequest = 0x41,
    AttachAccept = 0x42,
    AttachComplete = 0x43,
    AttachReject = 0x44, // EMM cause (TS 24.301 8.2.3)
    DetachRequest = 0x45,
    DetachAccept = 0x46,
    AuthenticationRequest = 0x52,
    AuthenticationResponse = 0x53,
    AuthenticationFailure = 0x5c,
    SecurityModeCommand = 0x5d,
    SecurityModeComplete = 0x5e,
    SecurityModeReject = 0x5f,
};

[[nodiscard]] const char* name(EmmType type);

// UE security capability / UE network capability for EPS (9.9.3.36, 9.9.3.34): bit 8 of the first octet is
// EEA0 ... bit 1 EEA7; the second octet likewise for EIA0..EIA7.
struct UeSecurityCapabilities {
    std::uint8_t eea = 0xf0; // EEA0, 128-EEA1, 128-EEA2, 128-EEA3: every algorithm of this build
    std::uint8_t eia = 0xf0; // EIA0, 128-EIA1, 128-EIA2, 128-EIA3
    bool operator==(const UeSecurityCapabilities&) const = default;
    [[nodiscard]] bool supportsEea(unsigned id) const { return (eea >> (7 - id) & 1) != 0; }
    [[nodiscard]] bool supportsEia(unsigned id) const { return (eia >> (7 - id) & 1) != 0; }
};

// One decoded EMM message: the fields that the procedures and the dissectors need.
struct NasMessage {
    EmmType type = EmmType::AttachRequest;
    std::string imsi;                    // Attach Request
    UeSecurityCapabilities capabilities; // Attach Request (UE network capability), SMC (replayed)
    std::uint8_t ksi = 0;                // NAS key set identifier
    std::array<std::uint8_t, 16> rand{}; // Authentication Request
    std::array<std::uint8_t, 16> autn{}; // Authentication Request
    Bytes res;                           // Authentication Response
    std::uint8_t selectedAlgorithms = 0; // SMC: EEA in bits 7-5, EIA in bits 3-1
    std::uint8_t cause = 0;              // Authentication Failure, Security Mode Reject, Attach Reject
    std::uint32_t pdnAddress = 0;        // Attach Accept: the device's IPv4 address
    std::uint8_t detachType = 0;         // Detach Request
};

[[nodiscard]] Bytes encodeNas(const NasMessage& message);
// Strict decoding of a plain EMM message: every mandatory IE present, lengths consistent, nothing left over.
[[nodiscard]] std::optional<NasMessage> decodeNas(ByteView plain);

// IMSI <-> EPS mobile identity value (TS 24.008 10.5.1.4 BCD, odd/even indicator, type 1).
[[nodiscard]] Bytes encodeImsi(const std::string& digits);
[[nodiscard]] std::optional<std::string> decodeImsi(ByteView value);

} // namespace mtcsec::protocol
