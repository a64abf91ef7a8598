// GTP-U version 1 G-PDU (TS 29.281 clause 5.1): the user-plane tunnel on S1-U and S5, with no protection of
// its own.
#pragma once

#include "core/crypto/Bytes.h"

#include <cstdint>
#include <optional>

namespace mtcsec::protocol {

struct GtpUPacket {
    std::uint32_t teid = 0;
    ByteView payload;
};

[[nodiscard]] Bytes encodeGtpU(std::uint32_t teid, ByteView payload);
// The same G-PDU written to `out` (its contents replaced, its capacity reused: no allocation once it is large
// enough). `payload` must not lie in `out`.
void encodeGtpU(Bytes& out, std::uint32_t teid, ByteView payload);
[[nodiscard]] std::optional<GtpUPacket> parseGtpU(ByteView bytes);

} // namespace mtcsec::protocol
