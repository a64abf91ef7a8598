// Simulated time: integer microseconds, so that event order never depends on floating-point rounding. Every
// conversion from seconds and every addition saturates: no input, however large, small or not a number,
// overflows (which would be undefined behaviour) or stops time from advancing.
#pragma once

#include <cmath>
#include <cstdint>
#include <string>

namespace mtcsec::engine {

using SimTime = std::int64_t;
inline constexpr SimTime kMicrosPerSecond = 1'000'000;
// The latest time the engine ever computes (2^62 us, about 146,000 years; a scenario lasts at most a day):
// "never". Far enough from the limit of int64 that adding two such times cannot overflow.
inline constexpr SimTime kSimTimeLimit = SimTime{1} << 62;

// Seconds to microseconds, rounded to the nearest, saturated at -kSimTimeLimit and kSimTimeLimit; NaN is 0.
inline SimTime fromSeconds(double s)
{
    const double us = s * 1e6;
    if (std::isnan(us))
        return 0;
    if (us >= static_cast<double>(kSimTimeLimit))
        return kSimTimeLimit;
    if (us <= -static_cast<double>(kSimTimeLimit))
        return -kSimTimeLimit;
    return static_cast<SimTime>(std::llround(us));
}

// t + dt, saturated at -kSimTimeLimit and kSimTimeLimit.
inline SimTime plus(SimTime t, SimTime dt)
{
    if (dt > 0 && t > kSimTimeLimit - dt)
        return kSimTimeLimit;
    if (dt < 0 && t < -kSimTimeLimit - dt)
        return -kSimTimeLimit;
    const SimTime sum = t + dt;
    return sum > kSimTimeLimit ? kSimTimeLimit : (sum < -kSimTimeLimit ? -kSimTimeLimit : sum);
}

// The time of the next repetition of something done every `intervalS` seconds: `intervalS` after `now`, and
// at least 1 us after it, so that simulated time always advances (saturated as plus()).
inline SimTime after(SimTime now, double intervalS)
{
    const SimTime dt = fromSeconds(intervalS);
    return plus(now, dt < 1 ? 1 : dt);
}

inline double toSeconds(SimTime t)
{
    return static_cast<double>(t) / 1e6;
}
// "12.345678" (seconds with microseconds), as the event log and the evidence print it; "-0.000001" before 0.
inline std::string formatTime(SimTime t)
{
    const bool negative = t < 0;
    const auto magnitude =
        negative ? std::uint64_t{0} - static_cast<std::uint64_t>(t) : static_cast<std::uint64_t>(t);
    const auto micros = static_cast<std::uint64_t>(kMicrosPerSecond);
    const std::string frac = std::to_string(magnitude % micros);
    return (negative ? "-" : "") + std::to_string(magnitude / micros) + "." +
           std::string(6 - frac.size(), '0') + frac;
}

} // namespace mtcsec::engine
