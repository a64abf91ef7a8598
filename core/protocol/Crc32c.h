// CRC32c (Castagnoli polynomial 0x1EDC6F41, reflected: RFC 9260 Appendix A, RFC 3309, RFC 3720 B.4), the
// SCTP checksum: with the SSE4.2 crc32 instruction eight octets at a time where the processor has it
// (checked once at run time), table-driven slicing-by-8 otherwise. Both give the same value.
#pragma once

#include "core/crypto/Bytes.h"

#include <cstdint>

namespace mtcsec::protocol {

// The CRC of `data` (initial value and final XOR all ones). Check value: crc32c("123456789") = 0xe3069283.
[[nodiscard]] std::uint32_t crc32c(ByteView data);

// The running register, for a CRC over several pieces: crc32c(a || b) ==
// ~crc32cUpdate(crc32cUpdate(0xffffffff, a), b). No initial value or final XOR of its own.
[[nodiscard]] std::uint32_t crc32cUpdate(std::uint32_t crc, ByteView data);

// The two ways crc32cUpdate may take, for tests that compare them: the table-driven one (any processor) and
// the SSE4.2 one, which only a processor for which crc32cHardwareAvailable() is true may run (elsewhere it
// falls back to the table).
[[nodiscard]] std::uint32_t crc32cUpdateTable(std::uint32_t crc, ByteView data);
[[nodiscard]] std::uint32_t crc32cUpdateHardware(std::uint32_t crc, ByteView data);
[[nodiscard]] bool crc32cHardwareAvailable();

} // namespace mtcsec::protocol
