// Fuzz target: hex and number text (core/crypto/Hex.h), as typed on the command line or found in scenarios.
// Any text is refused with InvalidInput or read; what is read prints back as the same digits and numbers.
#include "core/InvalidInput.h"
#include "core/crypto/Hex.h"
#include "tests/fuzz/FuzzTarget.h"

#include <cctype>
#include <string>

namespace mtcsec::fuzz {

void hex(ByteView input)
{
    const std::string_view text(reinterpret_cast<const char*>(input.data()), input.size());
    try {
        const Bytes bytes = fromHex(text, "hex");
        std::string digits(
            text.size() >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X') ? text.substr(2) : text);
        for (char& c : digits)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        check(toHex(bytes) == digits, "hex: toHex(fromHex(x)) differs from x in lowercase");
        const SecureBytes secret = secretFromHex(text, "hex");
        check(Bytes(secret.begin(), secret.end()) == bytes, "hex: the secret reading differs");
        check(fromHexExact(text, "hex", bytes.size()) == bytes, "hex: the exact reading differs");
    } catch (const InvalidInput&) {
    }
    for (const std::uint64_t max : {std::uint64_t{0xffffffff}, ~std::uint64_t{0}}) {
        try {
            const std::uint64_t v = parseUnsigned(text, "number", max);
            check(v <= max, "number: above the maximum");
            check(parseUnsigned(std::to_string(v), "number", max) == v,
                  "number: the decimal reading differs");
        } catch (const InvalidInput&) {
        }
        try {
            const std::uint64_t v = parseHexUnsigned(text, "number", max);
            check(v <= max, "hex number: above the maximum");
        } catch (const InvalidInput&) {
        }
    }
}

} // namespace mtcsec::fuzz
