// Hexadecimal text <-> octets with errors that name the field.
#include "core/crypto/Hex.h"

#include "core/InvalidInput.h"

#include <charconv>

namespace mtcsec {
namespace {

int digitValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

std::string_view stripPrefix(std::string_view text)
{
    if (text.size() >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
        text.remove_prefix(2);
    return text;
}

template <typename Container>
Container decode(std::string_view text, std::string_view field)
{
    const std::string_view digits = stripPrefix(text);
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (digitValue(digits[i]) < 0)
            throw InvalidInput(std::string(field) + ": '" + std::string(1, digits[i]) + "' at position " +
                               std::to_string(i + 1) + " is not a hex digit");
    }
    if (digits.size() % 2 != 0)
        throw InvalidInput(std::string(field) + ": odd number of hex digits (" +
                           std::to_string(digits.size()) + "); each octet needs two");
    Container out(digits.size() / 2);
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = static_cast<std::uint8_t>(digitValue(digits[2 * i]) << 4 | digitValue(digits[2 * i + 1]));
    return out;
}

template <typename Container>
Container decodeExact(std::string_view text, std::string_view field, std::size_t octets)
{
    Container out = decode<Container>(text, field);
    if (out.size() != octets)
        throw InvalidInput(std::string(field) + ": must be " + std::to_string(octets) + " octets (" +
                           std::to_string(2 * octets) + " hex digits), got " + std::to_string(out.size()));
    return out;
}

std::uint64_t parseDigits(std::string_view digits, int base, std::string_view text, std::string_view field,
                          std::uint64_t max)
{
    std::uint64_t value = 0;
    // A minus sign before digits makes a number below the range, not something that is no number.
    const bool negative = digits.size() > 1 && digits.front() == '-';
    const std::string_view magnitude = negative ? digits.substr(1) : digits;
    const auto [end, ec] =
        std::from_chars(magnitude.data(), magnitude.data() + magnitude.size(), value, base);
    if (magnitude.empty() || ec == std::errc::invalid_argument || end != magnitude.data() + magnitude.size())
        throw InvalidInput(std::string(field) + ": '" + std::string(text) + "' is not a " +
                           (base == 16 ? "hexadecimal " : "") + "number");
    if (negative)
        throw InvalidInput(std::string(field) + ": " + std::string(text) + " is out of range (at least 0)");
    if (ec == std::errc::result_out_of_range || value > max) {
        // The bound in the base the value was written in: "at most 0xffffffff" for a hexadecimal COUNT.
        char bound[24] = {};
        const auto [boundEnd, boundError] = std::to_chars(bound, bound + sizeof bound, max, base);
        (void)boundError;
        throw InvalidInput(std::string(field) + ": " + std::string(text) + " is out of range (at most " +
                           (base == 16 ? "0x" : "") + std::string(bound, boundEnd) + ")");
    }
    return value;
}

} // namespace

Bytes fromHex(std::string_view text, std::string_view field)
{
    return decode<Bytes>(text, field);
}

SecureBytes secretFromHex(std::string_view text, std::string_view field)
{
    return decode<SecureBytes>(text, field);
}

Bytes fromHexExact(std::string_view text, std::string_view field, std::size_t octets)
{
    return decodeExact<Bytes>(text, field, octets);
}

SecureBytes secretFromHexExact(std::string_view text, std::string_view field, std::size_t octets)
{
    return decodeExact<SecureBytes>(text, field, octets);
}

std::uint64_t parseUnsigned(std::string_view text, std::string_view field, std::uint64_t max)
{
    const std::string_view digits = stripPrefix(text);
    const bool hex = digits.size() != text.size();
    return parseDigits(digits, hex ? 16 : 10, text, field, max);
}

std::uint64_t parseHexUnsigned(std::string_view text, std::string_view field, std::uint64_t max)
{
    return parseDigits(stripPrefix(text), 16, text, field, max);
}

std::string toHex(ByteView bytes)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const std::uint8_t b : bytes) {
        out.push_back(kDigits[b >> 4]);
        out.push_back(kDigits[b & 0x0f]);
    }
    return out;
}

} // namespace mtcsec
