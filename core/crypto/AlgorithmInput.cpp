// Validation of the common EEA/EIA inputs (TS 33.401 Annex B.1.1, B.2.1).
#include "core/crypto/AlgorithmInput.h"

#include "core/InvalidInput.h"

#include <string>

namespace mtcsec::crypto {

void validateAlgorithmInput(ByteView key, const AlgorithmInput& input, ByteView message,
                            std::size_t lengthBits)
{
    requireOctets(key, 16, "KEY");
    if (input.bearer > 0x1f)
        throw InvalidInput("BEARER must fit in 5 bits (0-31), got " + std::to_string(input.bearer));
    if (input.direction != Direction::Uplink && input.direction != Direction::Downlink)
        throw InvalidInput("DIRECTION must be 0 (uplink) or 1 (downlink)");
    const std::size_t needed = octetsForBits(lengthBits);
    if (message.size() < needed)
        throw InvalidInput("LENGTH " + std::to_string(lengthBits) + " bits is longer than the data (" +
                           std::to_string(message.size()) +
                           (message.size() == 1 ? " octet = " : " octets = ") +
                           std::to_string(message.size() * 8) + " bits)");
}

std::array<std::uint8_t, 8> packCountBearerDirection(const AlgorithmInput& input)
{
    return {static_cast<std::uint8_t>(input.count >> 24),
            static_cast<std::uint8_t>(input.count >> 16),
            static_cast<std::uint8_t>(input.count >> 8),
            static_cast<std::uint8_t>(input.count),
            static_cast<std::uint8_t>((input.bearer & 0x1f) << 3 |
                                      (static_cast<std::uint8_t>(input.direction) & 1) << 2),
            0,
            0,
            0};
}

void clearBitsBeyondLength(std::span<std::uint8_t> data, std::size_t lengthBits)
{
    const std::size_t rest = lengthBits % 8;
    if (rest != 0 && !data.empty())
        data.back() &= static_cast<std::uint8_t>(0xff << (8 - rest));
}

} // namespace mtcsec::crypto
