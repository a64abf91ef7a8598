// PDCP on Uu (TS 36.323 clauses 6.2.2 and 6.2.3; TS 33.401 clause 7.4): SRB PDUs with a 5-bit SN and a MAC-I
// (RRC integrity with KRRCint, then ciphering of data and MAC-I with KRRCenc), DRB PDUs with a 12-bit SN
// ciphered with KUPenc (LTE has no user-plane integrity). COUNT = HFN || SN. Each Uu PDU here starts with the
// MAC subheader's logical channel id (1 = SRB1, 3 = DRB1), which tells a receiver or an attacker which it is.
#pragma once

#include "core/crypto/SecurityAlgorithms.h"

#include <array>
#include <cstdint>
#include <optional>

namespace mtcsec::protocol {

inline constexpr std::uint8_t kLcidSrb1 = 1;
inline constexpr std::uint8_t kLcidDrb1 = 3;
inline constexpr std::uint8_t kBearerSrb1 = 0; // radio bearer identity 1, minus 1 (TS 33.401 B.1.1)
inline constexpr std::uint8_t kBearerDrb1 = 2; // radio bearer identity 3, minus 1

// The AS security of one UE at one end (keys, algorithms, whether the AS SMC has activated them).
struct AsSecurityContext {
    std::array<std::uint8_t, 16> kRrcInt{};
    std::array<std::uint8_t, 16> kRrcEnc{};
    std::array<std::uint8_t, 16> kUpEnc{};
    crypto::IntegrityAlgorithm rrcEia = crypto::IntegrityAlgorithm::Eia0;
    crypto::CipheringAlgorithm rrcEea = crypto::CipheringAlgorithm::Eea0;
    crypto::CipheringAlgorithm upEea = crypto::CipheringAlgorithm::Eea0;
    bool integrityActive = false; // after the AS Security Mode Command
    bool cipheringActive = false;
};

// Per-direction PDCP state of one bearer: the next COUNT to send, or the next expected on reception.
struct PdcpCounter {
    std::uint32_t next = 0;
};

// Builds the Uu PDU (LCID, PDCP header, protected payload) for SRB1 with the given COUNT.
[[nodiscard]] Bytes buildSrbPdu(const AsSecurityContext& as, bool downlink, std::uint32_t count,
                                ByteView rrc);
// Builds the Uu PDU for DRB1 with the given COUNT.
[[nodiscard]] Bytes buildDrbPdu(const AsSecurityContext& as, bool downlink, std::uint32_t count,
                                ByteView ipPacket);
// The same PDUs written to `out` (its contents replaced, its capacity reused: no allocation once it is large
// enough). `rrc` and `ipPacket` must not lie in `out`.
void buildSrbPdu(Bytes& out, const AsSecurityContext& as, bool downlink, std::uint32_t count, ByteView rrc);
void buildDrbPdu(Bytes& out, const AsSecurityContext& as, bool downlink, std::uint32_t count,
                 ByteView ipPacket);

enum class PdcpVerdict : std::uint8_t { Accepted, Malformed, IntegrityFailure, Duplicate };

struct PdcpReceived {
    PdcpVerdict verdict = PdcpVerdict::Malformed;
    std::uint8_t lcid = 0;
    std::uint32_t count = 0;
    Bytes payload; // RRC message (SRB) or IP packet (DRB), deciphered
};

// Receiver: COUNT from the expected COUNT and the SN (HFN estimation), duplicate discard (a COUNT below the
// expected one was received already), SRB integrity check, deciphering. Updates `expected` on acceptance.
[[nodiscard]] PdcpReceived receivePdcp(const AsSecurityContext& as, bool downlink, PdcpCounter& expectedSrb,
                                       PdcpCounter& expectedDrb, ByteView uuPdu);
// The same into `received` (every field replaced; the capacity of its payload reused: a receiver that passes
// the same object for every PDU deciphers without allocating once warm).
void receivePdcp(const AsSecurityContext& as, bool downlink, PdcpCounter& expectedSrb,
                 PdcpCounter& expectedDrb, ByteView uuPdu, PdcpReceived& received);

// The header fields as a dissector sees them (no keys needed): LCID, SN, the protected payload.
struct PdcpHeader {
    std::uint8_t lcid = 0;
    std::uint16_t sn = 0;
    ByteView payload; // SRB: data || MAC-I; DRB: data
};
[[nodiscard]] std::optional<PdcpHeader> parsePdcpHeader(ByteView uuPdu);
// Rewrites the SN of a Uu PDU in place (what a replaying attacker does: the PDCP header is never protected).
void setPdcpSn(std::span<std::uint8_t> uuPdu, std::uint16_t sn);

} // namespace mtcsec::protocol
