// Fuzz target: ESP in tunnel mode with AES-128-GCM (RFC 4303, RFC 4106). Any ESP payload goes through the
// header parser and the receiver; encapsulating the input as an inner packet and decapsulating it gives it
// back once, and a second time is a replay.
#include "core/protocol/Esp.h"
#include "core/protocol/Ipv4Udp.h"
#include "tests/fuzz/FuzzTarget.h"

namespace mtcsec::fuzz {
namespace {

using namespace protocol;

EspSa sa(std::uint32_t spi)
{
    EspSa s;
    s.spi = spi;
    for (std::size_t i = 0; i < s.key.size(); ++i)
        s.key[i] = static_cast<std::uint8_t>(0x30 + i);
    s.salt = {1, 2, 3, 4};
    s.tunnelSource = 0x0a000001;
    s.tunnelDestination = 0x0a000002;
    return s;
}

} // namespace

void esp(ByteView input)
{
    const auto header = parseEspHeader(input);
    EspSa receiver = sa(header ? header->spi : 0x1000);
    const EspReceived r = espDecapsulate(receiver, input);
    check(r.verdict != EspVerdict::Accepted || header.has_value(), "ESP: accepted without a header");

    // The largest inner packet whose outer packet still fits IPv4's 16-bit total length.
    constexpr std::size_t kMaxInner = 65535 - 20 - 16 - 16 - 2 - 3;
    if (input.size() > kMaxInner)
        return;
    EspSa sender = sa(0x2000);
    sender.nextSequence = input.empty() ? 1 : input[0] + 1u;
    const Bytes outer = espEncapsulate(sender, input, 7);
    const auto ip = parseIpv4(outer);
    check(ip.has_value() && ip->protocol == kIpProtoEsp, "ESP: the outer IPv4 packet does not parse");
    EspSa peer = sa(0x2000);
    const EspReceived inner = espDecapsulate(peer, ip->payload);
    check(inner.verdict == EspVerdict::Accepted, "ESP: an encapsulated packet is not accepted");
    check(inner.inner == Bytes(input.begin(), input.end()),
          "ESP: decapsulate(encapsulate(x)) differs from x");
    check(espDecapsulate(peer, ip->payload).verdict == EspVerdict::Replay, "ESP: a replay is not detected");
}

} // namespace mtcsec::fuzz
