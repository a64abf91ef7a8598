// Simulated time: integer microseconds, so that event order never depends on floating-point rounding.
#pragma once

#include <cmath>
#include <cstdint>
#include <string>

namespace mtcsec::engine {

using SimTime = std::int64_t;
inline constexpr SimTime kMicrosPerSecond = 1'000'000;

inline SimTime fromSeconds(double s)
{
    return static_cast<SimTime>(std::llround(s * 1e6));
}
inline double toSeconds(SimTime t)
{
    return static_cast<double>(t) / 1e6;
}
// "12.345678" (seconds with microseconds), as the event log and the evidence print it.
inline std::string formatTime(SimTime t)
{
    std::string frac = std::to_string(t % kMicrosPerSecond);
    return std::to_string(t / kMicrosPerSecond) + "." + std::string(6 - frac.size(), '0') + frac;
}

} // namespace mtcsec::engine
