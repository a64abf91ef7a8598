// S1AP messages between eNB and MME that the attach uses, in ASN.1 APER (TS 36.413 clause 9.3, encoded as
// clause 9.4 says: BASIC-PER ALIGNED, ITU-T X.691): InitialUEMessage, DownlinkNASTransport and
// UplinkNASTransport (clause 8.6 NAS transport) and InitialContextSetupRequest/Response (clause 8.3.1, which
// carries the Security Key KeNB and the UE security capabilities). Each message has exactly the IEs listed
// for it below, in the order of the ASN.1 (the mandatory ones of clause 9.1, and NAS-PDU where clause 9.1
// carries it); decodeS1ap accepts nothing else, so that encode(decode(x)) == x.
#pragma once

#include "core/crypto/Bytes.h"
#include "core/protocol/NasMessage.h"

#include <array>
#include <cstdint>
#include <optional>

namespace mtcsec::protocol {

// The elementary procedures and their message (procedure codes of clause 9.3.7: InitialContextSetup 9,
// downlinkNASTransport 11, initialUEMessage 12, uplinkNASTransport 13; the response is its
// successfulOutcome).
enum class S1apProcedure : std::uint8_t {
    InitialContextSetupRequest = 9,
    InitialContextSetupResponse = 0x89,
    DownlinkNasTransport = 11,
    InitialUeMessage = 12,
    UplinkNasTransport = 13,
};

// UESecurityCapabilities (9.2.1.40): two 16-bit BIT STRINGs, first (most significant) bit 128-EEA1 /
// 128-EIA1, then 128-EEA2/EIA2, 128-EEA3/EIA3, the other bits reserved (0). EEA0 is always supported; EIA0
// has no bit.
struct S1apSecurityCapabilities {
    std::uint16_t encryption = 0;
    std::uint16_t integrity = 0;
    bool operator==(const S1apSecurityCapabilities&) const = default;
};

// TAI (9.2.3.16): PLMN identity (TBCD, 3 octets, TS 24.008 10.5.1.3) and tracking area code.
struct S1apTai {
    std::array<std::uint8_t, 3> plmn = {0x00, 0xf1, 0x10}; // MCC 001, MNC 01
    std::uint16_t tac = 1;
    bool operator==(const S1apTai&) const = default;
};

// E-UTRAN CGI (9.2.1.38): PLMN identity and the 28-bit cell identity.
struct S1apCgi {
    std::array<std::uint8_t, 3> plmn = {0x00, 0xf1, 0x10};
    std::uint32_t cellId = 0x0000101; // 0..0x0fffffff
    bool operator==(const S1apCgi&) const = default;
};

// The one E-RAB of the attach's default bearer: in the request (E-RABToBeSetupItemCtxtSUReq, 9.1.4.1) the
// QoS and the S-GW's S1-U end point; in the response (E-RABSetupItemCtxtSURes, 9.1.4.2) the eNB's end point.
struct S1apErab {
    std::uint8_t id = 5;                     // E-RAB ID 0..15
    std::uint8_t qci = 9;                    // 0..255 (request only)
    std::uint8_t priorityLevel = 15;         // 0..15, 15 no-priority (request only)
    bool preemptionCapability = false;       // may-trigger-pre-emption (request only)
    bool preemptionVulnerability = true;     // pre-emptable (request only)
    std::uint32_t transportLayerAddress = 0; // IPv4 address (a 32-bit BIT STRING)
    std::uint32_t teid = 0;                  // GTP-TEID
    bool operator==(const S1apErab&) const = default;
};

struct S1apMessage {
    S1apProcedure procedure = S1apProcedure::UplinkNasTransport;
    std::uint32_t enbUeId = 0; // eNB UE S1AP ID, 0..2^24-1 (every message)
    std::uint32_t mmeUeId = 0; // MME UE S1AP ID, 0..2^32-1 (every message but InitialUEMessage)
    // NAS-PDU IE (InitialUEMessage, Downlink/UplinkNASTransport: required, not empty); in the
    // InitialContextSetupRequest the E-RAB item's optional nAS-PDU (empty: absent); unused otherwise.
    Bytes nasPdu;
    // InitialContextSetupRequest (both required there, unused elsewhere).
    std::optional<std::array<std::uint8_t, 32>> securityKey; // Security Key IE (KeNB, 256-bit BIT STRING)
    std::optional<S1apSecurityCapabilities> ueSecurityCapabilities;
    std::uint64_t ambrDownlink = 1000000; // UE aggregate maximum bit rate, bit/s, 0..10^10 (request)
    std::uint64_t ambrUplink = 1000000;
    S1apErab erab; // InitialContextSetupRequest and Response
    // InitialUEMessage and UplinkNASTransport.
    S1apTai tai;
    S1apCgi cgi;
    std::uint8_t establishmentCause = 3; // RRC-Establishment-Cause 0..4 (3 mo-Signalling; InitialUEMessage)
};

// The APER encoding of an S1AP-PDU. Throws InvalidInput "S1AP NAME: why" for a message it cannot encode
// (a required IE missing, a value outside its range).
[[nodiscard]] Bytes encodeS1ap(const S1apMessage& message);
// The message, or empty for anything but exactly one of the five messages above as encodeS1ap writes it.
[[nodiscard]] std::optional<S1apMessage> decodeS1ap(ByteView bytes);
[[nodiscard]] const char* name(S1apProcedure procedure);

// The UE security capabilities of the NAS UE network capability (TS 24.301 9.9.3.34, EEA0/EIA0 first) as
// S1AP carries them, and back (EEA0 and EIA0 are assumed supported: S1AP has no bit for them).
[[nodiscard]] S1apSecurityCapabilities s1apCapabilities(const UeSecurityCapabilities& nas);
[[nodiscard]] UeSecurityCapabilities nasCapabilities(const S1apSecurityCapabilities& s1ap);

} // namespace mtcsec::protocol
