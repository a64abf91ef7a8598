// Fuzz target: the end-to-end layer between device and server (AppSecurity.h). Any UDP payload goes through
// the receiver on both ports under every policy; protecting the input under every mode and unprotecting it
// gives it back exactly when it is a well-formed CoAP message, and a second copy is a replay where the mode
// asks for replay protection.
#include "core/protocol/AppSecurity.h"
#include "core/protocol/Coap.h"
#include "core/protocol/Ipv4Udp.h"
#include "tests/fuzz/FuzzTarget.h"

namespace mtcsec::fuzz {
namespace {

using namespace protocol;

AppProtection mode(unsigned bits)
{
    return AppProtection{(bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0};
}

} // namespace

void appsecurity(ByteView input)
{
    AppKeys keys;
    for (std::size_t i = 0; i < keys.enc.size(); ++i) {
        keys.enc[i] = static_cast<std::uint8_t>(0x50 + i);
        keys.mac[i] = static_cast<std::uint8_t>(0x70 + i);
    }
    if (const auto h = parseAppHeader(input))
        check(h->flags != 0 && h->body.size() + kAppHeaderSize == input.size(), "E2E: a bad header parsed");
    for (unsigned bits = 0; bits < 8; ++bits) {
        for (const std::uint16_t port : {kPortCoap, kPortCoapProtected}) {
            ReplayWindow window;
            const AppUnprotected r = unprotectApp(mode(bits), keys, true, port, input, window);
            check(r.verdict != AppVerdict::Accepted || parseCoap(r.coap).has_value(),
                  "E2E: accepted a message that is not CoAP");
        }
    }

    const bool isCoap = parseCoap(input).has_value();
    const std::uint32_t seq = input.size() > 1 ? static_cast<std::uint32_t>(input[0]) << 8 | input[1] : 1;
    for (unsigned bits = 0; bits < 8; ++bits) {
        const AppProtection m = mode(bits);
        const Bytes payload = protectApp(m, keys, false, seq, input);
        ReplayWindow window;
        const AppUnprotected r = unprotectApp(m, keys, false, appPort(m), payload, window);
        check((r.verdict == AppVerdict::Accepted) == isCoap, "E2E: the verdict on own traffic is wrong");
        if (!isCoap)
            continue;
        check(r.coap == Bytes(input.begin(), input.end()), "E2E: unprotect(protect(x)) differs from x");
        check(r.seq == (appFlags(m) == 0 ? 0 : seq), "E2E: the sequence number differs");
        const AppUnprotected again = unprotectApp(m, keys, false, appPort(m), payload, window);
        check((again.verdict == AppVerdict::Replay) == m.replayProtection, "E2E: replay detection is wrong");
    }
}

} // namespace mtcsec::fuzz
