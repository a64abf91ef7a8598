// Hexadecimal text <-> octets, with errors that name the field that was wrong (command line, scenarios,
// tests).
#pragma once

#include "core/crypto/Bytes.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace mtcsec {

// Parses hex digits (either case, an optional "0x" prefix, no separators). Throws InvalidInput naming
// `field` for an odd number of digits or a character that is not a hex digit. An empty string is no octets.
Bytes fromHex(std::string_view text, std::string_view field);
SecureBytes secretFromHex(std::string_view text, std::string_view field);

// As fromHex, and the result must be exactly `octets` long.
Bytes fromHexExact(std::string_view text, std::string_view field, std::size_t octets);
SecureBytes secretFromHexExact(std::string_view text, std::string_view field, std::size_t octets);

// Parses an unsigned number: decimal, or hexadecimal with a "0x" prefix. Throws InvalidInput naming `field`
// when the text is not a number or the value exceeds `max`.
std::uint64_t parseUnsigned(std::string_view text, std::string_view field, std::uint64_t max);

// Parses a hexadecimal number (with or without "0x") of at most `max`.
std::uint64_t parseHexUnsigned(std::string_view text, std::string_view field, std::uint64_t max);

// Lowercase hex, two digits per octet.
std::string toHex(ByteView bytes);

} // namespace mtcsec
