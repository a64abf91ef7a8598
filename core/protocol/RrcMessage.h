// The RRC messages that carry NAS and activate AS security on SRB1 (TS 36.331 clauses 5.3.4 and 5.6.1-5.6.2:
// SecurityModeCommand/Complete, UL/DLInformationTransfer). The encoding here is a compact TLV
// (type, 2-octet length, body), not ASN.1 UPER: the simulator needs RRC's security behaviour, not its syntax.
// Unlike TS 36.331 (one cipheringAlgorithm for SRBs and DRBs), the SMC names RRC and UP ciphering separately,
// so that the laboratory can switch them independently.
#pragma once

#include "core/crypto/Bytes.h"

#include <cstdint>
#include <optional>

namespace mtcsec::protocol {

enum class RrcType : std::uint8_t {
    UlInformationTransfer = 0x10, // body: a NAS PDU
    DlInformationTransfer = 0x11, // body: a NAS PDU
    SecurityModeCommand = 0x20,   // body: integrity, RRC ciphering, UP ciphering algorithm (one octet each)
    SecurityModeComplete = 0x21,
    SecurityModeFailure = 0x22,
};

struct RrcMessage {
    RrcType type = RrcType::UlInformationTransfer;
    Bytes body;
};

[[nodiscard]] Bytes encodeRrc(RrcType type, ByteView body);
[[nodiscard]] std::optional<RrcMessage> decodeRrc(ByteView bytes);
[[nodiscard]] const char* name(RrcType type);

} // namespace mtcsec::protocol
