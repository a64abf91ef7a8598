// S1AP messages between eNB and MME that the attach uses (TS 36.413 clauses 8.6 NAS transport and 8.3.1
// Initial Context Setup, which carries the Security Key KeNB and the UE security capabilities). Compact
// encoding (procedure code, eNB and MME UE S1AP ids, then type-length-value IEs), not ASN.1 APER.
#pragma once

#include "core/crypto/Bytes.h"

#include <array>
#include <cstdint>
#include <optional>

namespace mtcsec::protocol {

enum class S1apProcedure : std::uint8_t {
    InitialContextSetupRequest = 9,
    InitialContextSetupResponse = 0x89,
    DownlinkNasTransport = 11,
    InitialUeMessage = 12,
    UplinkNasTransport = 13,
};

struct S1apMessage {
    S1apProcedure procedure = S1apProcedure::UplinkNasTransport;
    std::uint32_t enbUeId = 0;
    std::uint32_t mmeUeId = 0;
    Bytes nasPdu;                                            // NAS-PDU IE (may be empty)
    std::optional<std::array<std::uint8_t, 32>> securityKey; // Security Key IE (KeNB)
    std::optional<std::array<std::uint8_t, 2>> ueSecurityCapabilities;
};

[[nodiscard]] Bytes encodeS1ap(const S1apMessage& message);
[[nodiscard]] std::optional<S1apMessage> decodeS1ap(ByteView bytes);
[[nodiscard]] const char* name(S1apProcedure procedure);

} // namespace mtcsec::protocol
