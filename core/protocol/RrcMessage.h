// The RRC messages that carry NAS and activate AS security on SRB1, in ASN.1 UPER (TS 36.331 clause 6.2.1,
// encoded as clause 8 says: BASIC-PER UNALIGNED, ITU-T X.691, padded to an octet): UL-DCCH-Message
// (ulInformationTransfer with dedicatedInfoNAS, securityModeComplete, securityModeFailure) and
// DL-DCCH-Message (dlInformationTransfer, securityModeCommand with
// securityConfigSMC.securityAlgorithmConfig), clauses 5.3.4 and 5.6.1-5.6.2.
//
// Declared deviation: TS 36.331 has one cipheringAlgorithm for SRBs and DRBs; the laboratory may let
// user-plane (DRB) ciphering differ from RRC (SRB) ciphering. The default is compliant (one algorithm,
// nothing else sent). Only when a scenario makes them differ, the SecurityModeCommand carries the DRB
// algorithm in its nonCriticalExtension (SecurityModeCommand-v8a0-IEs) lateNonCriticalExtension OCTET STRING,
// one octet 0..7: a real UE would ignore it and cipher DRBs with cipheringAlgorithm. The run reports such a
// scenario as non-compliant (Requirements: "RRC and UP ciphering differ").
#pragma once

#include "core/crypto/Bytes.h"

#include <cstddef>
#include <cstdint>
#include <optional>

namespace mtcsec::protocol {

enum class RrcType : std::uint8_t {
    UlInformationTransfer = 0x10, // UL-DCCH; body: the NAS PDU (dedicatedInfoNAS, not empty)
    DlInformationTransfer = 0x11, // DL-DCCH; body: the NAS PDU (dedicatedInfoNAS, not empty)
    // DL-DCCH; body: integrity, RRC (SRB) ciphering, UP (DRB) ciphering algorithm, one octet 0..7 each
    // (integrityProtAlgorithm, cipheringAlgorithm, and the deviation above when the last two differ).
    SecurityModeCommand = 0x20,
    SecurityModeComplete = 0x21, // UL-DCCH; body empty
    SecurityModeFailure = 0x22,  // UL-DCCH; body empty
};

struct RrcMessage {
    RrcType type = RrcType::UlInformationTransfer;
    Bytes body;
    // rrc-TransactionIdentifier 0..3 (all but the ULInformationTransfer, which has none: 0 there).
    std::uint8_t transactionId = 0;
};

// The UPER encoding of the message. Throws InvalidInput "RRC NAME: why" for a body that does not fit the type
// (see RrcType), an algorithm above 7 or a transaction identifier above 3.
[[nodiscard]] Bytes encodeRrc(RrcType type, ByteView body, std::uint8_t transactionId = 0);
// The message, or empty for anything but exactly one of the five messages as encodeRrc writes them
// (canonical: zero padding, no extension, the minimum length form). UL and DL messages need no direction: the
// only message number both use (6) is the 2-octet SecurityModeFailure uplink and the 3-octet-or-more
// SecurityModeCommand downlink.
[[nodiscard]] std::optional<RrcMessage> decodeRrc(ByteView bytes);
// The length in bits of the message's encoding before its padding (X.691 11.1): the last content bit is bit
// rrcBits(m) - 1, counting from the most significant bit of the first octet. Throws as encodeRrc.
[[nodiscard]] std::size_t rrcBits(const RrcMessage& message);
[[nodiscard]] const char* name(RrcType type);

} // namespace mtcsec::protocol
