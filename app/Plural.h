// A count with its noun in the singular or the plural ("1 device", "3 devices"), for the command line's own
// English output.
#pragma once

#include <QString>

#include <cstdint>

namespace mtcsec::app {

// "N ONE" when `n` is 1, else "N MANY" (e.g. counted(1, "copy", "copies") is "1 copy").
[[nodiscard]] inline QString counted(std::uint64_t n, const char* one, const char* many)
{
    return QString::number(n) + QLatin1Char(' ') + QString::fromUtf8(n == 1 ? one : many);
}

// The noun alone, for a line that places the number elsewhere.
[[nodiscard]] inline QString noun(std::uint64_t n, const char* one, const char* many)
{
    return QString::fromUtf8(n == 1 ? one : many);
}

} // namespace mtcsec::app
