// CoAP messages (RFC 7252 clause 3): the MTC application's uplink readings and downlink commands, and the
// application payloads they carry.
#pragma once

#include "core/crypto/Bytes.h"

#include <cstdint>
#include <optional>
#include <string>

namespace mtcsec::protocol {

struct CoapMessage {
    std::uint8_t type = 1;    // 0 CON, 1 NON, 2 ACK, 3 RST
    std::uint8_t code = 0x02; // 0.02 POST
    std::uint16_t messageId = 0;
    std::uint32_t token = 0; // 4-octet token
    std::string uriPath;     // one Uri-Path segment: "r" (reading) or "c" (command)
    std::string payload;
};

inline constexpr std::uint8_t kCodeEmpty = 0x00; // 0.00: the Empty message (RFC 7252 4.1)

// The message with a 4-octet token, at most one Uri-Path option (shorter than 13 octets) and the payload. An
// Empty message (code 0.00) is the 4-octet header alone: its token, option and payload are not sent.
[[nodiscard]] Bytes encodeCoap(const CoapMessage& message);
// The same message written to `out` (its contents replaced, its capacity reused: no allocation once it is
// large enough).
void encodeCoap(Bytes& out, const CoapMessage& message);
// Strict parse (RFC 7252 3 and 4.1): version 1, token of 0-8 octets, options in order, payload marker, no
// reserved code class (1, 6, 7), an Empty message with neither token nor anything after the Message ID; empty
// otherwise (a format error).
[[nodiscard]] std::optional<CoapMessage> parseCoap(ByteView bytes);

// The application content: a sensor reading "t=+21.5;alarm=0" (fixed width) and a command "valve=0|1".
[[nodiscard]] std::string readingPayload(int tenthsOfDegree, bool alarm);
[[nodiscard]] std::string commandPayload(bool open);
// True when the text is a well-formed reading or command.
[[nodiscard]] bool isReadingPayload(const std::string& text);
[[nodiscard]] bool isCommandPayload(const std::string& text);

} // namespace mtcsec::protocol
