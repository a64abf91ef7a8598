// The cost of each end-to-end mode in octets (issue 15): what the mode adds to one application message (the
// UDP payload of a reading, against the bare CoAP message; IP and UDP headers are the same in every mode) and
// to set up a session (a handshake's octets on the wire). Measured by protecting a real message, not computed
// from a formula, so that it is what the wire carries.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace mtcsec::protocol {

struct E2eOverhead {
    std::string mode;                        // "none", "integrity", "aead", "oscore", "dtls"
    std::optional<std::size_t> perMessage;   // octets added to a reading; empty: not measured in this build
    std::optional<std::size_t> perHandshake; // octets of the session set-up; 0 for pre-shared keys
    std::string note;                        // what the octets are
};

// One row per mode, in the order above. The message is a reading (CoAP NON POST, 4-octet token, Uri-Path "r",
// 15-octet payload) that is its sender's first under the session (OSCORE Partial IV of one octet; a Partial
// IV grows by one octet at sequence numbers 256, 65536, ...). `dtls`: what a record adds, and the octets of
// one PSK handshake run in memory between the product's DTLS client and server (DtlsPsk.h
// measureDtlsHandshake). No errors.
[[nodiscard]] std::vector<E2eOverhead> e2eOverheads();

} // namespace mtcsec::protocol
