// SCTP (RFC 9260): common header with CRC32c (Appendix A) and one DATA chunk per packet (clause 3.3.1).
#include "core/protocol/Sctp.h"

#include "core/InvalidInput.h"
#include "core/protocol/ByteReader.h"
#include "core/protocol/Crc32c.h"
#include "core/protocol/Ipv4Udp.h"

#include <array>
#include <string>

namespace mtcsec::protocol {
namespace {

constexpr std::uint8_t kChunkData = 0;
constexpr std::uint8_t kFlagsBeginEnd = 0x03; // B and E: the whole user message in this chunk
constexpr std::size_t kChecksumAt = 8;

// The checksum of an SCTP packet (at least a common header) as if its checksum field were zero.
std::uint32_t packetChecksum(ByteView packet)
{
    constexpr std::array<std::uint8_t, 4> zero{};
    std::uint32_t crc = crc32cUpdate(0xffffffffu, packet.first(kChecksumAt));
    crc = crc32cUpdate(crc, zero);
    return ~crc32cUpdate(crc, packet.subspan(kChecksumAt + 4));
}

std::size_t padded(std::size_t n)
{
    return (n + 3) / 4 * 4;
}

} // namespace

void setSctpChecksum(std::span<std::uint8_t> packet)
{
    if (packet.size() < kSctpCommonHeaderSize)
        throw InvalidInput("SCTP packet: " + std::to_string(packet.size()) +
                           " octets, shorter than its 12-octet common header");
    const std::uint32_t crc = packetChecksum(packet);
    // RFC 9260 Appendix A: the CRC's least significant octet is transmitted first.
    for (std::size_t i = 0; i < 4; ++i)
        packet[kChecksumAt + i] = static_cast<std::uint8_t>(crc >> (8 * i));
}

Bytes encodeSctp(const SctpData& p)
{
    Bytes out;
    encodeSctp(out, p);
    return out;
}

void encodeSctp(Bytes& out, const SctpData& p)
{
    if (p.payload.empty())
        throw InvalidInput("SCTP DATA chunk: no user data (RFC 9260 3.3.1)");
    const std::size_t chunkLength = kSctpDataHeaderSize + p.payload.size();
    if (chunkLength > 0xffff)
        throw InvalidInput("SCTP DATA chunk: " + std::to_string(p.payload.size()) +
                           " octets of user data, more than a chunk length of 65535 allows");
    out.clear();
    out.reserve(kSctpCommonHeaderSize + padded(chunkLength));
    ByteWriter(out)
        .u16(p.sourcePort)
        .u16(p.destinationPort)
        .u32(p.verificationTag)
        .u32(0)
        .u8(kChunkData)
        .u8(kFlagsBeginEnd)
        .u16(static_cast<std::uint32_t>(chunkLength))
        .u32(p.tsn)
        .u16(p.stream)
        .u16(p.ssn)
        .u32(p.ppid)
        .bytes(p.payload);
    out.resize(kSctpCommonHeaderSize + padded(chunkLength), 0);
    setSctpChecksum(out);
}

std::optional<SctpData> parseSctp(ByteView packet)
{
    ByteReader r(packet);
    SctpData p;
    std::uint32_t checksum = 0;
    std::uint8_t type = 0, flags = 0;
    std::uint16_t length = 0;
    r.u16(p.sourcePort);
    r.u16(p.destinationPort);
    r.u32(p.verificationTag);
    r.u32(checksum); // as transmitted: the CRC's least significant octet first
    r.u8(type);
    r.u8(flags);
    r.u16(length);
    r.u32(p.tsn);
    r.u16(p.stream);
    r.u16(p.ssn);
    r.u32(p.ppid);
    if (!r.ok() || type != kChunkData || flags != kFlagsBeginEnd || length <= kSctpDataHeaderSize ||
        kSctpCommonHeaderSize + padded(length) != packet.size())
        return std::nullopt;
    const std::size_t userData = length - kSctpDataHeaderSize;
    r.bytes(userData, p.payload);
    for (const std::uint8_t pad : r.rest())
        if (pad != 0)
            return std::nullopt;
    const std::uint32_t crc = packetChecksum(packet);
    const std::uint32_t transmitted =
        (crc & 0xffu) << 24 | (crc & 0xff00u) << 8 | (crc >> 8 & 0xff00u) | crc >> 24;
    if (checksum != transmitted)
        return std::nullopt;
    return p;
}

std::optional<SctpData> parseIpv4Sctp(ByteView ipPacket)
{
    const auto ip = parseIpv4(ipPacket);
    return ip && ip->protocol == kIpProtoSctp ? parseSctp(ip->payload) : std::nullopt;
}

std::optional<std::size_t> sctpLastUserOctet(ByteView packet)
{
    const auto p = parseSctp(packet);
    if (!p)
        return std::nullopt;
    return kSctpCommonHeaderSize + kSctpDataHeaderSize + p->payload.size() - 1;
}

SctpSender::SctpSender(std::uint16_t sourcePort, std::uint16_t destinationPort, std::uint32_t peerTag,
                       std::uint32_t initialTsn, std::uint16_t streams)
    : sourcePort_(sourcePort)
    , destinationPort_(destinationPort)
    , peerTag_(peerTag)
    , nextTsn_(initialTsn)
    , nextSsn_(streams, 0)
{
    if (streams == 0)
        throw InvalidInput("SCTP sender: 0 outbound streams (at least 1)");
}

SctpData SctpSender::header(std::uint16_t stream, std::uint32_t ppid, ByteView payload) const
{
    if (nextSsn_.empty())
        throw InvalidInput("SCTP sender: no outbound stream (not set up)");
    const auto s = static_cast<std::uint16_t>(stream % nextSsn_.size());
    return SctpData{sourcePort_, destinationPort_, peerTag_, nextTsn_, s, nextSsn_[s], ppid, payload};
}

Bytes SctpSender::send(std::uint16_t stream, std::uint32_t ppid, ByteView payload)
{
    Bytes out;
    send(out, stream, ppid, payload);
    return out;
}

void SctpSender::send(Bytes& out, std::uint16_t stream, std::uint32_t ppid, ByteView payload)
{
    const SctpData h = header(stream, ppid, payload);
    encodeSctp(out, h);
    ++nextTsn_;
    ++nextSsn_[h.stream];
}

} // namespace mtcsec::protocol
