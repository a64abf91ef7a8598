// A CoAP message with any token and options (RFC 7252 clause 3, options 3.1 and 5.4), for OSCORE (RFC 8613),
// which moves options between the outer message and the encrypted inner one. The application's own messages
// (core/protocol/Coap.h) are a narrow case of it.
#pragma once

#include "core/crypto/Bytes.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace mtcsec::protocol {

// Option numbers used by OSCORE's option classes (RFC 7252 12.2, RFC 8613 2 and 4.1).
inline constexpr std::uint16_t kOptionUriHost = 3;
inline constexpr std::uint16_t kOptionObserve = 6;
inline constexpr std::uint16_t kOptionUriPort = 7;
inline constexpr std::uint16_t kOptionOscore = 9;
inline constexpr std::uint16_t kOptionUriPathNumber = 11;
inline constexpr std::uint16_t kOptionProxyUri = 35;
inline constexpr std::uint16_t kOptionProxyScheme = 39;

struct CoapOption {
    std::uint16_t number = 0;
    Bytes value;
    bool operator==(const CoapOption&) const = default;
};

struct CoapPdu {
    std::uint8_t type = 0; // 0 CON, 1 NON, 2 ACK, 3 RST
    std::uint8_t code = 0; // class << 5 | detail: 0x01 GET, 0x02 POST, 0x44 2.04 Changed, 0x45 2.05 Content
    std::uint16_t messageId = 0;
    Bytes token;                     // 0-8 octets
    std::vector<CoapOption> options; // in the order they are encoded (sorted by number, stable)
    Bytes payload;                   // empty: no payload marker
    bool operator==(const CoapPdu&) const = default;
    [[nodiscard]] bool isRequest() const { return code >= 0x01 && code < 0x20; }
    // The first option with this number, or null.
    [[nodiscard]] const CoapOption* option(std::uint16_t number) const;
};

// The whole message (RFC 7252 3): header, token, options (sorted by number first), payload. Throws
// InvalidInput ("CoAP token: ...") for a token longer than 8 octets.
[[nodiscard]] Bytes encodeCoapPdu(const CoapPdu& pdu);
// Strict parse (RFC 7252 3, 3.1): version 1, TKL 0-8, option deltas and lengths with their extended forms
// (reserved nibble 15 refused), a payload marker followed by a payload. Empty on any format error.
[[nodiscard]] std::optional<CoapPdu> parseCoapPdu(ByteView bytes);

// Options (sorted by number first) then, for a non-empty payload, the marker 0xff and the payload: what
// follows the token in a message, and OSCORE's plaintext after its code octet (RFC 8613 5.3).
void encodeCoapOptionsAndPayload(std::vector<CoapOption> options, ByteView payload, Bytes& out);
// The reverse; false on a format error.
[[nodiscard]] bool parseCoapOptionsAndPayload(ByteView bytes, std::vector<CoapOption>& options,
                                              Bytes& payload);

} // namespace mtcsec::protocol
