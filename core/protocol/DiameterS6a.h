// Diameter on S6a (RFC 6733 clause 3 header and 4 AVPs; TS 29.272 clause 5.2.3.1 Authentication-Information
// Request/Answer): the MME asks the HSS for an EPS authentication vector (RAND, XRES, AUTN, KASME).
#pragma once

#include "core/crypto/Bytes.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace mtcsec::protocol {

struct EutranVector {
    std::array<std::uint8_t, 16> rand{};
    Bytes xres;
    std::array<std::uint8_t, 16> autn{};
    std::array<std::uint8_t, 32> kasme{};
};

struct S6aMessage {
    bool request = true; // AIR (request) or AIA (answer)
    std::uint32_t hopByHop = 0;
    std::uint32_t endToEnd = 0;
    std::string userName;                      // IMSI digits (AIR)
    std::array<std::uint8_t, 3> visitedPlmn{}; // AIR
    std::uint32_t resultCode = 0;              // AIA: 2001 DIAMETER_SUCCESS
    std::optional<EutranVector> vector;        // AIA
};

[[nodiscard]] Bytes encodeS6a(const S6aMessage& message);
[[nodiscard]] std::optional<S6aMessage> decodeS6a(ByteView bytes);

} // namespace mtcsec::protocol
