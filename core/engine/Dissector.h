// The attacker's parser: what an eavesdropper on a link (or an insider in a node) can read from the bytes it
// captures, found by parsing them layer by layer with no keys, the way Wireshark would. It reports a secret
// only when it has actually decoded one (an IMSI, a NAS message body, a key, a reading, a command).
#pragma once

#include "core/crypto/Bytes.h"
#include "core/scenario/Scenario.h"

#include <cstdint>
#include <string>

namespace mtcsec::engine {

// Kinds of secret a dissector can find (bits of Finding::secrets).
enum Secret : std::uint32_t {
    SecretImsi = 1u << 0,    // a permanent identity in clear
    SecretNasBody = 1u << 1, // a NAS message that TS 24.301 sends ciphered once security is active
    SecretKey = 1u << 2,     // KASME (S6a) or KeNB (S1-MME)
    SecretReading = 1u << 3, // application data: an uplink reading
    SecretCommand = 1u << 4, // application data: a downlink command
};
inline constexpr std::uint32_t kSignallingSecrets = SecretImsi | SecretNasBody | SecretKey;
inline constexpr std::uint32_t kDataSecrets = SecretReading | SecretCommand;

struct Finding {
    std::uint32_t secrets = 0;
    bool ciphertext = false; // met bytes it could not parse: protected
    bool initialAttach =
        false;           // the IMSI came from a plain Attach Request (no security context can exist yet)
    std::string layers;  // e.g. "PDCP DRB SN 17 / IPv4 / UDP 5683 / CoAP"
    std::string content; // what it read, e.g. "reading t=+21.5;alarm=0", "IMSI 001010000000004"
    // Whether layers and content were written: without them (withText false) a finding gives the same
    // secrets, ciphertext and initialAttach for much less work (no text made per PDU).
    bool withText = true;
};

// A PDU captured on a link. `withText` false: layers and content left empty (the flags are the same).
[[nodiscard]] Finding dissectLink(Link link, ByteView pdu, bool withText = true);
// What an insider in a node sees in clear: an inner IP packet (user plane) or a NAS PDU (signalling).
[[nodiscard]] Finding dissectIpPacket(ByteView packet, bool withText = true);
[[nodiscard]] Finding dissectNas(ByteView nasPdu, bool withText = true);

} // namespace mtcsec::engine
