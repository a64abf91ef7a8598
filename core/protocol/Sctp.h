// SCTP (RFC 9260), the transport of S1-MME (TS 36.412 clause 7) and of Diameter on S6a (RFC 6733 clause 2.1,
// TS 29.272 clause 7.1): the common header (ports, verification tag, CRC32c checksum: RFC 9260 clause 3.1 and
// Appendix A, RFC 3309) and one DATA chunk per packet (RFC 9260 clause 3.3.1: TSN, stream identifier, stream
// sequence number, payload protocol identifier), never fragmented. Association setup, SACK and
// retransmission are left out: the links of the simulation lose nothing.
#pragma once

#include "core/crypto/Bytes.h"
#include "core/protocol/Crc32c.h" // crc32c, the checksum

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace mtcsec::protocol {

inline constexpr std::uint8_t kIpProtoSctp = 132; // IANA protocol number (RFC 9260 clause 1)

// Payload protocol identifiers (IANA "SCTP Payload Protocol Identifiers").
inline constexpr std::uint32_t kPpidS1ap = 18;     // TS 36.412 clause 7
inline constexpr std::uint32_t kPpidDiameter = 46; // RFC 6733 clause 2.1 (Diameter in a DATA chunk)

inline constexpr std::size_t kSctpCommonHeaderSize = 12;
inline constexpr std::size_t kSctpDataHeaderSize = 16; // chunk type, flags, length, TSN, stream, SSN, PPID

// One SCTP packet holding one complete user message (a DATA chunk with the B and E bits set).
struct SctpData {
    std::uint16_t sourcePort = 0;
    std::uint16_t destinationPort = 0;
    std::uint32_t verificationTag = 0; // the receiver's Initiate Tag
    std::uint32_t tsn = 0;
    std::uint16_t stream = 0;
    std::uint16_t ssn = 0;
    std::uint32_t ppid = 0;
    ByteView payload; // the user data: a view into the parsed buffer, or the data to encode (not empty)
};

// The packet: common header, the DATA chunk (flags 0x03: ordered, first and last fragment), the user data
// padded with zeros to a multiple of 4 octets, and the CRC32c over the whole packet (computed with the
// checksum field zero, stored least significant octet first as RFC 9260 Appendix A transmits it).
// Throws InvalidInput when the payload is empty (RFC 9260 clause 3.3.1: a DATA chunk carries user data) or
// longer than a chunk's 16-bit length allows.
[[nodiscard]] Bytes encodeSctp(const SctpData& packet);
// The same packet written to `out` (its contents replaced, its capacity reused: no allocation once it is
// large enough). `packet.payload` must not lie in `out`. Throws as encodeSctp (`out` then unchanged).
void encodeSctp(Bytes& out, const SctpData& packet);

// Strict parse of a packet as encodeSctp writes it: a valid checksum, exactly one DATA chunk with B and E set
// and no reserved flag, user data of at least one octet, zero padding to the end of the packet. Empty
// otherwise (a receiver discards such a packet silently).
[[nodiscard]] std::optional<SctpData> parseSctp(ByteView packet);

// The SCTP packet inside an IPv4 packet (parseIpv4, protocol 132), parsed as parseSctp; empty otherwise.
[[nodiscard]] std::optional<SctpData> parseIpv4Sctp(ByteView ipPacket);

// Writes the CRC32c of `packet` (an SCTP packet of at least 12 octets) into its checksum field, as anyone who
// changes a packet can (the checksum detects errors, it authenticates nothing). Throws InvalidInput when the
// packet is shorter than a common header.
void setSctpChecksum(std::span<std::uint8_t> packet);

// The offset in `packet` of the last octet of the DATA chunk's user data; empty when `packet` does not parse.
[[nodiscard]] std::optional<std::size_t> sctpLastUserOctet(ByteView packet);

// The sending side of one direction of an association: the ports, the peer's verification tag, the next TSN
// and each outbound stream's next SSN (RFC 9260 clauses 6.5 and 6.6), advanced by every packet sent. Setup
// values are given by the caller (a real endpoint draws the tags and the initial TSN at random in the INIT
// exchange) so that a run is reproducible.
class SctpSender {
public:
    SctpSender() = default;
    // `streams`: the number of outbound streams (at least 1). Throws InvalidInput when it is 0.
    SctpSender(std::uint16_t sourcePort, std::uint16_t destinationPort, std::uint32_t peerTag,
               std::uint32_t initialTsn, std::uint16_t streams);

    // The next packet on `stream` (taken modulo the number of streams) with `ppid` and the user message
    // `payload` (not empty), then TSN and the stream's SSN advance (modulo 2^32 and 2^16). Throws
    // InvalidInput as encodeSctp, or when the sender has no streams (default constructed).
    [[nodiscard]] Bytes send(std::uint16_t stream, std::uint32_t ppid, ByteView payload);
    // The same packet written to `out` (as encodeSctp into a buffer); throws as send().
    void send(Bytes& out, std::uint16_t stream, std::uint32_t ppid, ByteView payload);

    [[nodiscard]] std::uint32_t peerTag() const { return peerTag_; }
    [[nodiscard]] std::uint32_t nextTsn() const { return nextTsn_; }
    [[nodiscard]] std::uint16_t streams() const { return static_cast<std::uint16_t>(nextSsn_.size()); }

private:
    [[nodiscard]] SctpData header(std::uint16_t stream, std::uint32_t ppid, ByteView payload) const;

    std::uint16_t sourcePort_ = 0;
    std::uint16_t destinationPort_ = 0;
    std::uint32_t peerTag_ = 0;
    std::uint32_t nextTsn_ = 0;
    std::vector<std::uint16_t> nextSsn_;
};

} // namespace mtcsec::protocol
