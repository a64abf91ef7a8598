// IPv4 (RFC 791) and UDP (RFC 768) packets: building them and parsing them strictly (version, header length,
// header checksum, total length), as a receiver or an attacker's dissector would.
#pragma once

#include "core/crypto/Bytes.h"

#include <cstdint>
#include <optional>

namespace mtcsec::protocol {

inline constexpr std::uint8_t kIpProtoUdp = 17;
inline constexpr std::uint8_t kIpProtoEsp = 50;

// Well-known UDP ports of the links.
inline constexpr std::uint16_t kPortCoap = 5683;     // RFC 7252
inline constexpr std::uint16_t kPortGtpU = 2152;     // TS 29.281
inline constexpr std::uint16_t kPortS1ap = 36412;    // TS 36.412 (SCTP in a real network)
inline constexpr std::uint16_t kPortDiameter = 3868; // RFC 6733 (TCP/SCTP in a real network)

struct Ipv4Packet {
    std::uint32_t source = 0;
    std::uint32_t destination = 0;
    std::uint8_t protocol = 0;
    std::uint16_t identification = 0;
    ByteView payload; // views into the parsed buffer
};

struct UdpDatagram {
    std::uint16_t sourcePort = 0;
    std::uint16_t destinationPort = 0;
    ByteView payload;
};

// An IPv4 header (20 octets, no options, TTL 64, DF) with a valid header checksum, followed by `payload`.
[[nodiscard]] Bytes buildIpv4(std::uint32_t source, std::uint32_t destination, std::uint8_t protocol,
                              std::uint16_t identification, ByteView payload);
// The same packet written to `out` (its contents replaced, its capacity reused). `payload` must not lie in
// `out`.
void buildIpv4(Bytes& out, std::uint32_t source, std::uint32_t destination, std::uint8_t protocol,
               std::uint16_t identification, ByteView payload);

// Appends to `out` the 20-octet IPv4 header buildIpv4 writes for a payload of `payloadSize` octets (the
// caller appends the payload after it), so that a packet can be built in the caller's buffer.
void appendIpv4Header(Bytes& out, std::uint32_t source, std::uint32_t destination, std::uint8_t protocol,
                      std::uint16_t identification, std::size_t payloadSize);

// IPv4 + UDP (checksum 0: "no checksum", allowed for UDP over IPv4 by RFC 768).
[[nodiscard]] Bytes buildIpv4Udp(std::uint32_t source, std::uint32_t destination, std::uint16_t sourcePort,
                                 std::uint16_t destinationPort, std::uint16_t identification,
                                 ByteView payload);
// The same packet written to `out` (its contents replaced, its capacity reused: no allocation once it is
// large enough). `payload` must not lie in `out`.
void buildIpv4Udp(Bytes& out, std::uint32_t source, std::uint32_t destination, std::uint16_t sourcePort,
                  std::uint16_t destinationPort, std::uint16_t identification, ByteView payload);

// Strict parse: version 4, IHL 5, valid header checksum, total length equal to the buffer. Empty otherwise.
[[nodiscard]] std::optional<Ipv4Packet> parseIpv4(ByteView packet);
// Strict parse of a UDP datagram (length field equal to the buffer).
[[nodiscard]] std::optional<UdpDatagram> parseUdp(ByteView datagram);

// The RFC 1071 Internet checksum.
[[nodiscard]] std::uint16_t internetChecksum(ByteView data);

// Dotted-quad text of an address.
[[nodiscard]] std::string ipv4ToString(std::uint32_t address);

} // namespace mtcsec::protocol
