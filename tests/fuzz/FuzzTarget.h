// The fuzz targets, one per parser of the product: each takes arbitrary octets and must neither crash nor hit
// undefined behaviour; where the format has an encoder it also checks the round trip and aborts on a
// mismatch. The same functions are built into libFuzzer executables (clang, MTCSEC_FUZZ=ON:
// LibFuzzerEntry.cpp) and into tst_fuzz_regressions (any compiler), which replays every corpus and regression
// file.
#pragma once

#include "core/crypto/Bytes.h"

#include <array>
#include <string_view>

namespace mtcsec::fuzz {

// Every target: `input` is any octet string, of any length.
void nas(ByteView input);         // NAS EMM messages and NAS security (TS 24.301)
void pdcp(ByteView input);        // PDCP SRB/DRB PDUs on Uu (TS 36.323)
void rrc(ByteView input);         // RRC messages on SRB1
void s1ap(ByteView input);        // S1AP messages
void diameter(ByteView input);    // Diameter S6a AIR/AIA (RFC 6733, TS 29.272)
void esp(ByteView input);         // ESP payloads of NDS/IP (RFC 4303, RFC 4106)
void ipv4udp(ByteView input);     // IPv4 packets and UDP datagrams (RFC 791, RFC 768)
void sctp(ByteView input);        // SCTP packets with one DATA chunk (RFC 9260)
void gtpu(ByteView input);        // GTP-U G-PDUs (TS 29.281)
void coap(ByteView input);        // CoAP messages (RFC 7252)
void appsecurity(ByteView input); // the end-to-end layer between device and server
void dissector(ByteView input);   // the attacker's dissector; octet 1 picks the link or the insider's view
void scenario(ByteView input);    // scenario JSON (mtcsec-scenario/1)
void hex(ByteView input);         // hex and number text (command line, scenarios)

struct NamedTarget {
    std::string_view name; // the folder name under tests/fuzz/corpus and tests/fuzz/regressions
    void (*run)(ByteView input);
};

inline constexpr std::array<NamedTarget, 14> kTargets = {{
    {"nas", &nas},
    {"pdcp", &pdcp},
    {"rrc", &rrc},
    {"s1ap", &s1ap},
    {"diameter", &diameter},
    {"esp", &esp},
    {"ipv4udp", &ipv4udp},
    {"sctp", &sctp},
    {"gtpu", &gtpu},
    {"coap", &coap},
    {"appsecurity", &appsecurity},
    {"dissector", &dissector},
    {"scenario", &scenario},
    {"hex", &hex},
}};

// A round trip that went wrong: prints "fuzz: round trip: WHAT" to stderr and aborts (what libFuzzer and
// the replaying test report as a crash).
[[noreturn]] void fail(const char* what);
inline void check(bool ok, const char* what)
{
    if (!ok)
        fail(what);
}

} // namespace mtcsec::fuzz
