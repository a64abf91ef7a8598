// Fuzz target: SCTP packets with one DATA chunk (RFC 9260 3.1, 3.3.1), as the S1-MME and S6a receivers and
// the dissectors parse them. The encoding is canonical: a packet that parses encodes back to the same octets,
// its last user octet lies inside it, and inside IPv4 it parses the same. Each input is tried as given and
// with its checksum written (so that mutations get past the CRC32c to the chunk's fields).
#include "core/protocol/Ipv4Udp.h"
#include "core/protocol/Sctp.h"
#include "tests/fuzz/FuzzTarget.h"

namespace mtcsec::fuzz {
namespace {

void parseAndCheck(ByteView input)
{
    using namespace protocol;
    const auto p = parseSctp(input);
    const auto last = sctpLastUserOctet(input);
    check(p.has_value() == last.has_value(), "SCTP: parse and sctpLastUserOctet disagree");
    if (!p)
        return;
    check(!p->payload.empty(), "SCTP: a DATA chunk without user data parsed");
    check(*last < input.size() && &input[*last] == &p->payload.back(),
          "SCTP: the last user octet is not the payload's");
    check(encodeSctp(*p) == Bytes(input.begin(), input.end()), "SCTP: encode(parse(x)) differs from x");
    if (input.size() + 20 <= 0xffff) {
        const auto inner = parseIpv4Sctp(buildIpv4(0x0a000001, 0x0a000002, kIpProtoSctp, 1, input));
        check(inner && inner->tsn == p->tsn && inner->payload.size() == p->payload.size(),
              "SCTP: parseIpv4Sctp differs from parseSctp");
    }
}

} // namespace

void sctp(ByteView input)
{
    parseAndCheck(input);
    if (input.size() >= protocol::kSctpCommonHeaderSize) {
        Bytes fixed(input.begin(), input.end());
        protocol::setSctpChecksum(fixed);
        parseAndCheck(fixed);
    }
}

} // namespace mtcsec::fuzz
