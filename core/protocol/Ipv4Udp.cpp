// IPv4 (RFC 791) and UDP (RFC 768).
#include "core/protocol/Ipv4Udp.h"

#include "core/protocol/ByteReader.h"

#include <string>

namespace mtcsec::protocol {

std::uint16_t internetChecksum(ByteView data)
{
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i + 1 < data.size(); i += 2)
        sum += static_cast<std::uint32_t>(data[i] << 8 | data[i + 1]);
    if (data.size() % 2 != 0)
        sum += static_cast<std::uint32_t>(data.back() << 8);
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return static_cast<std::uint16_t>(~sum);
}

void appendIpv4Header(Bytes& out, std::uint32_t source, std::uint32_t destination, std::uint8_t protocol,
                      std::uint16_t identification, std::size_t payloadSize)
{
    const std::size_t at = out.size();
    ByteWriter w(out);
    w.u8(0x45).u8(0).u16(static_cast<std::uint32_t>(20 + payloadSize)).u16(identification).u16(0x4000);
    w.u8(64).u8(protocol).u16(0).u32(source).u32(destination);
    patchU16(out, at + 10, internetChecksum(ByteView(out).subspan(at, 20)));
}

Bytes buildIpv4(std::uint32_t source, std::uint32_t destination, std::uint8_t protocol,
                std::uint16_t identification, ByteView payload)
{
    Bytes out;
    buildIpv4(out, source, destination, protocol, identification, payload);
    return out;
}

void buildIpv4(Bytes& out, std::uint32_t source, std::uint32_t destination, std::uint8_t protocol,
               std::uint16_t identification, ByteView payload)
{
    out.clear();
    out.reserve(20 + payload.size());
    appendIpv4Header(out, source, destination, protocol, identification, payload.size());
    ByteWriter(out).bytes(payload);
}

Bytes buildIpv4Udp(std::uint32_t source, std::uint32_t destination, std::uint16_t sourcePort,
                   std::uint16_t destinationPort, std::uint16_t identification, ByteView payload)
{
    Bytes out;
    buildIpv4Udp(out, source, destination, sourcePort, destinationPort, identification, payload);
    return out;
}

void buildIpv4Udp(Bytes& out, std::uint32_t source, std::uint32_t destination, std::uint16_t sourcePort,
                  std::uint16_t destinationPort, std::uint16_t identification, ByteView payload)
{
    // One buffer: the IPv4 header, the UDP header and the payload.
    out.clear();
    out.reserve(20 + 8 + payload.size());
    appendIpv4Header(out, source, destination, kIpProtoUdp, identification, 8 + payload.size());
    ByteWriter(out)
        .u16(sourcePort)
        .u16(destinationPort)
        .u16(static_cast<std::uint32_t>(8 + payload.size()))
        .u16(0)
        .bytes(payload);
}

std::optional<Ipv4Packet> parseIpv4(ByteView packet)
{
    ByteReader r(packet);
    std::uint8_t versionIhl = 0, tos = 0, ttl = 0, protocol = 0;
    std::uint16_t total = 0, id = 0, flags = 0, checksum = 0;
    std::uint32_t src = 0, dst = 0;
    r.u8(versionIhl);
    r.u8(tos);
    r.u16(total);
    r.u16(id);
    r.u16(flags);
    r.u8(ttl);
    r.u8(protocol);
    r.u16(checksum);
    r.u32(src);
    r.u32(dst);
    if (!r.ok() || versionIhl != 0x45 || total != packet.size() || internetChecksum(packet.first(20)) != 0)
        return std::nullopt;
    return Ipv4Packet{src, dst, protocol, id, r.rest()};
}

std::optional<UdpDatagram> parseUdp(ByteView datagram)
{
    ByteReader r(datagram);
    std::uint16_t sp = 0, dp = 0, len = 0, checksum = 0;
    r.u16(sp);
    r.u16(dp);
    r.u16(len);
    r.u16(checksum);
    if (!r.ok() || len != datagram.size())
        return std::nullopt;
    return UdpDatagram{sp, dp, r.rest()};
}

std::string ipv4ToString(std::uint32_t a)
{
    // Four decimal octets, written into one string (at most 15 characters: no allocation).
    char text[16];
    char* p = text;
    for (int shift = 24; shift >= 0; shift -= 8) {
        const unsigned octet = a >> shift & 0xffu;
        if (octet >= 100)
            *p++ = static_cast<char>('0' + octet / 100);
        if (octet >= 10)
            *p++ = static_cast<char>('0' + octet / 10 % 10);
        *p++ = static_cast<char>('0' + octet % 10);
        if (shift != 0)
            *p++ = '.';
    }
    return std::string(text, p);
}

} // namespace mtcsec::protocol
