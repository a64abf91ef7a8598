// Fuzz target: IPv4 packets (RFC 791) and UDP datagrams (RFC 768), as receivers and dissectors parse them.
// A parsed packet or datagram built again parses to the same fields; a built header checksums to zero.
#include "core/protocol/ByteReader.h"
#include "core/protocol/Ipv4Udp.h"
#include "tests/fuzz/FuzzTarget.h"

#include <algorithm>

namespace mtcsec::fuzz {
namespace {

bool same(ByteView a, ByteView b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
}

} // namespace

void ipv4udp(ByteView input)
{
    using namespace protocol;
    if (const auto ip = parseIpv4(input)) {
        (void)ipv4ToString(ip->source);
        const Bytes built =
            buildIpv4(ip->source, ip->destination, ip->protocol, ip->identification, ip->payload);
        check(internetChecksum(ByteView(built).first(20)) == 0,
              "IPv4: a built header does not checksum to 0");
        const auto again = parseIpv4(built);
        check(again.has_value(), "IPv4: a rebuilt packet does not parse");
        check(again->source == ip->source && again->destination == ip->destination &&
                  again->protocol == ip->protocol && again->identification == ip->identification &&
                  same(again->payload, ip->payload),
              "IPv4: parse(build(parse(x))) differs from parse(x)");
        if (const auto udp = ip->protocol == kIpProtoUdp ? parseUdp(ip->payload) : std::nullopt) {
            const Bytes packet = buildIpv4Udp(ip->source, ip->destination, udp->sourcePort,
                                              udp->destinationPort, ip->identification, udp->payload);
            const auto outer = parseIpv4(packet);
            const auto inner = outer ? parseUdp(outer->payload) : std::nullopt;
            check(inner.has_value(), "UDP: a rebuilt datagram does not parse");
            check(inner->sourcePort == udp->sourcePort && inner->destinationPort == udp->destinationPort &&
                      same(inner->payload, udp->payload),
                  "UDP: parse(build(parse(x))) differs from parse(x)");
        }
    }
    if (const auto udp = parseUdp(input))
        check(udp->payload.size() + 8 == input.size(), "UDP: the payload length differs from the datagram's");
}

} // namespace mtcsec::fuzz
