// Fuzz target: NAS EMM messages (TS 24.301 clause 8.2, 9) and NAS security protection (clause 9.1; TS 33.401
// 8.1). A decoded message encodes and decodes back to the same fields; any PDU goes through the receiver's
// unprotection with and without keys; protecting the input and unprotecting it gives it back.
#include "core/protocol/NasMessage.h"
#include "core/protocol/NasSecurity.h"
#include "tests/fuzz/FuzzTarget.h"

namespace mtcsec::fuzz {
namespace {

using namespace protocol;

bool sameFields(const NasMessage& a, const NasMessage& b)
{
    return a.type == b.type && a.imsi == b.imsi && a.capabilities == b.capabilities && a.ksi == b.ksi &&
           a.rand == b.rand && a.autn == b.autn && a.res == b.res &&
           a.selectedAlgorithms == b.selectedAlgorithms && a.cause == b.cause &&
           a.pdnAddress == b.pdnAddress && a.detachType == b.detachType;
}

NasSecurityContext context(crypto::IntegrityAlgorithm eia, crypto::CipheringAlgorithm eea)
{
    NasSecurityContext c;
    for (std::size_t i = 0; i < c.kNasInt.size(); ++i) {
        c.kNasInt[i] = static_cast<std::uint8_t>(0x10 + i);
        c.kNasEnc[i] = static_cast<std::uint8_t>(0x80 + i);
    }
    c.eia = eia;
    c.eea = eea;
    return c;
}

} // namespace

void nas(ByteView input)
{
    if (const auto m = decodeNas(input)) {
        const Bytes encoded = encodeNas(*m);
        const auto again = decodeNas(encoded);
        check(again.has_value(), "NAS: the encoding of a decoded message does not decode");
        check(sameFields(*m, *again), "NAS: decode(encode(decode(x))) differs from decode(x)");
        check(encodeNas(*again) == encoded, "NAS: the encoding is not stable");
    }
    (void)nasSecurityHeaderType(input);

    const NasSecurityContext none =
        context(crypto::IntegrityAlgorithm::Eia0, crypto::CipheringAlgorithm::Eea0);
    const NasSecurityContext keyed =
        context(crypto::IntegrityAlgorithm::Eia2, crypto::CipheringAlgorithm::Eea2);
    const std::uint32_t expected = input.empty() ? 0 : static_cast<std::uint32_t>(input[0]) * 0x10001u;
    for (const NasSecurityContext* c : {&none, &keyed}) {
        for (const bool downlink : {false, true}) {
            const NasUnprotected r = unprotectNas(*c, downlink, expected, input);
            if (r.verdict == NasVerdict::Accepted)
                (void)decodeNas(r.plain);
        }
    }

    // Protect the input as a plain message under every security header type and unprotect it again (a NAS
    // message is never empty: it has at least its protocol discriminator and type).
    if (input.empty())
        return;
    for (std::uint8_t sht = kShtIntegrity; sht <= kShtIntegrityCipheredNewContext; ++sht) {
        const Bytes pdu = protectNas(keyed, sht, true, expected & 0x00ffffffu, input);
        const NasUnprotected r = unprotectNas(keyed, true, expected & 0x00ffffffu, pdu);
        check(r.verdict == NasVerdict::Accepted, "NAS: a protected message is not accepted");
        check(r.securityHeaderType == sht, "NAS: the security header type changed");
        check(r.count == (expected & 0x00ffffffu), "NAS: the estimated NAS COUNT differs");
        check(r.plain == Bytes(input.begin(), input.end()), "NAS: unprotect(protect(x)) differs from x");
    }
}

} // namespace mtcsec::fuzz
