// Fuzz target: PDCP PDUs on Uu (TS 36.323 6.2.2, 6.2.3; TS 33.401 7.4). Any Uu PDU goes through the header
// parser and the receiver (without and with AS security); building an SRB and a DRB PDU around the input and
// receiving it gives the input back.
#include "core/protocol/Pdcp.h"
#include "tests/fuzz/FuzzTarget.h"

#include <algorithm>

namespace mtcsec::fuzz {
namespace {

using namespace protocol;

AsSecurityContext context(bool active)
{
    AsSecurityContext as;
    for (std::size_t i = 0; i < as.kRrcInt.size(); ++i) {
        as.kRrcInt[i] = static_cast<std::uint8_t>(0x20 + i);
        as.kRrcEnc[i] = static_cast<std::uint8_t>(0x40 + i);
        as.kUpEnc[i] = static_cast<std::uint8_t>(0x60 + i);
    }
    if (active) {
        as.rrcEia = crypto::IntegrityAlgorithm::Eia2;
        as.rrcEea = crypto::CipheringAlgorithm::Eea2;
        as.upEea = crypto::CipheringAlgorithm::Eea2;
        as.integrityActive = true;
        as.cipheringActive = true;
    }
    return as;
}

} // namespace

void pdcp(ByteView input)
{
    if (const auto h = parsePdcpHeader(input)) {
        check(h->lcid == kLcidSrb1 || h->lcid == kLcidDrb1, "PDCP: an unknown LCID was accepted");
        // What a replaying attacker does: another SN, the rest of the PDU unchanged.
        Bytes copy(input.begin(), input.end());
        const std::uint16_t sn = static_cast<std::uint16_t>(h->sn ^ 0x0a5a);
        setPdcpSn(copy, sn);
        const auto rewritten = parsePdcpHeader(copy);
        check(rewritten.has_value() && rewritten->lcid == h->lcid, "PDCP: a rewritten SN breaks the header");
        check(rewritten->sn == (h->lcid == kLcidSrb1 ? sn & 0x1f : sn & 0xfff),
              "PDCP: the SN was not rewritten");
        check(std::equal(rewritten->payload.begin(), rewritten->payload.end(), h->payload.begin(),
                         h->payload.end()),
              "PDCP: rewriting the SN changed the payload");
    }
    const std::uint32_t start = input.size() > 2 ? static_cast<std::uint32_t>(input[1]) << 8 | input[2] : 0;
    for (const bool active : {false, true}) {
        const AsSecurityContext as = context(active);
        PdcpCounter srb{start}, drb{start};
        (void)receivePdcp(as, false, srb, drb, input);

        // Round trips: the input as an RRC message on SRB1 and as an IP packet on DRB1.
        const std::uint32_t count = start + 5;
        const Bytes srbPdu = buildSrbPdu(as, true, count, input);
        PdcpCounter srbNext{start}, drbNext{start};
        const PdcpReceived s = receivePdcp(as, true, srbNext, drbNext, srbPdu);
        check(s.verdict == PdcpVerdict::Accepted && s.lcid == kLcidSrb1, "PDCP: an SRB PDU is not accepted");
        check(s.count == count && srbNext.next == count + 1, "PDCP: the SRB COUNT differs");
        check(s.payload == Bytes(input.begin(), input.end()), "PDCP: the SRB payload differs");
        const Bytes drbPdu = buildDrbPdu(as, false, count, input);
        const PdcpReceived d = receivePdcp(as, false, srbNext, drbNext, drbPdu);
        check(d.verdict == PdcpVerdict::Accepted && d.lcid == kLcidDrb1, "PDCP: a DRB PDU is not accepted");
        check(d.count == count, "PDCP: the DRB COUNT differs");
        check(d.payload == Bytes(input.begin(), input.end()), "PDCP: the DRB payload differs");
    }
}

} // namespace mtcsec::fuzz
