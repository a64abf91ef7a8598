// The value of the OSCORE option (RFC 8613 clause 6.1): a flag octet (reserved bits 0, h: kid context
// present, k: kid present, n: Partial IV length 0-5), then the Partial IV, the kid context's length s and
// octets, and the kid (the rest). An option whose octets would all be zero is empty.
#pragma once

#include "core/crypto/Bytes.h"

#include <optional>

namespace mtcsec::protocol {

struct OscoreOptionValue {
    Bytes partialIv;                 // 0-5 octets
    std::optional<Bytes> kidContext; // flag h
    std::optional<Bytes> kid;        // flag k
    bool operator==(const OscoreOptionValue&) const = default;
};

// The option's octets. Throws InvalidInput for a Partial IV longer than 5 octets or a kid context longer
// than 255.
[[nodiscard]] Bytes encodeOscoreOption(const OscoreOptionValue& value);
// Strict parse: reserved bits (7-5) zero, n not 6 or 7, lengths inside the value; empty on a format error.
[[nodiscard]] std::optional<OscoreOptionValue> parseOscoreOption(ByteView value);

} // namespace mtcsec::protocol
