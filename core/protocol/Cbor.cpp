// CBOR encoding of unsigned integers, byte and text strings, arrays and null (RFC 8949 3.1 and 4.2.1).
#include "core/protocol/Cbor.h"

namespace mtcsec::protocol {

CborWriter& CborWriter::head(std::uint8_t major, std::uint64_t argument)
{
    const auto initial = static_cast<std::uint8_t>(major << 5);
    // RFC 8949 3: arguments below 24 in the initial byte, else 1, 2, 4 or 8 following octets (shortest form).
    if (argument < 24) {
        out_.push_back(static_cast<std::uint8_t>(initial | argument));
        return *this;
    }
    int octets = 8;
    std::uint8_t info = 27;
    if (argument <= 0xff) {
        octets = 1;
        info = 24;
    } else if (argument <= 0xffff) {
        octets = 2;
        info = 25;
    } else if (argument <= 0xffffffffULL) {
        octets = 4;
        info = 26;
    }
    out_.push_back(static_cast<std::uint8_t>(initial | info));
    for (int i = octets - 1; i >= 0; --i)
        out_.push_back(static_cast<std::uint8_t>(argument >> (8 * i)));
    return *this;
}

CborWriter& CborWriter::byteString(ByteView value)
{
    head(2, value.size());
    out_.insert(out_.end(), value.begin(), value.end());
    return *this;
}

CborWriter& CborWriter::textString(std::string_view value)
{
    head(3, value.size());
    out_.insert(out_.end(), value.begin(), value.end());
    return *this;
}

CborWriter& CborWriter::null()
{
    out_.push_back(0xf6);
    return *this;
}

} // namespace mtcsec::protocol
