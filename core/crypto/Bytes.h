// Octet strings of the core: public bytes (PDUs, MACs) and secret bytes (keys, RES) in zeroised memory.
#pragma once

#include "core/InvalidInput.h"

#include <botan/secmem.h>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace mtcsec {

using Bytes = std::vector<std::uint8_t>;
// Keys and other secrets: Botan's allocator wipes the memory when it is released.
using SecureBytes = Botan::secure_vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

// Returns `value` if it is exactly `octets` long; throws InvalidInput naming `field` otherwise.
inline ByteView requireOctets(ByteView value, std::size_t octets, const char* field)
{
    if (value.size() != octets)
        throw InvalidInput(std::string(field) + " must be " + std::to_string(octets) + " octets, got " +
                           std::to_string(value.size()));
    return value;
}

} // namespace mtcsec
