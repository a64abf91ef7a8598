// The few CBOR items (RFC 8949 clause 3) that OSCORE's key derivation info and COSE AAD need (RFC 8613 3.2.1
// and 5.4): unsigned integers, byte strings, text strings, arrays and null, in their preferred (shortest)
// encoding.
#pragma once

#include "core/crypto/Bytes.h"

#include <cstdint>
#include <string_view>

namespace mtcsec::protocol {

// Appends CBOR data items to `out`. Array headers count the items that follow; the caller writes them.
class CborWriter {
public:
    explicit CborWriter(Bytes& out)
        : out_(out)
    {}
    CborWriter& unsignedInt(std::uint64_t value) { return head(0, value); } // major type 0
    CborWriter& byteString(ByteView value);                                 // major type 2
    CborWriter& textString(std::string_view value);                         // major type 3
    CborWriter& array(std::uint64_t items) { return head(4, items); }       // major type 4 header
    CborWriter& null();                                                     // simple value 22 (0xf6)

private:
    CborWriter& head(std::uint8_t major, std::uint64_t argument);
    Bytes& out_;
};

} // namespace mtcsec::protocol
