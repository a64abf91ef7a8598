// The bounds and units of every number in a scenario (schema "mtcsec-scenario/1", PRODUCT.md section 8), and
// of the text fields: what the reader accepts, what the command line's overrides accept, what the README
// documents. Times are simulated seconds; a scenario lasts at most a day.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace mtcsec {

// One end of an allowed range; `label` names the field that a bound comes from ("start_s"), if any.
struct Bound {
    double value = 0.0;
    bool inclusive = true;
    std::string_view label = {};
};

// The allowed values of one number: `noun` says what it is ("a probability"; may be empty), `unit` follows
// the upper bound in messages ("seconds"; may be empty).
struct NumberRange {
    Bound low;
    Bound high;
    std::string_view unit = {};
    std::string_view noun = {};
};

inline constexpr double kMaxScenarioSeconds = 86400.0; // one day

// duration_s: (0, 86400] s.
inline constexpr NumberRange kDurationRange{{0.0, false}, {kMaxScenarioSeconds, true}, "seconds"};
// devices: 1 to 1,000,000 (the engine's design scale, PRODUCT.md section 9).
inline constexpr std::uint64_t kMinDevices = 1;
inline constexpr std::uint64_t kMaxDevices = 1'000'000;
// devices_per_cell: 1 to 1,000,000 devices per cell, default 50,000. A run of more devices than that is split
// into cells simulated independently (core/engine/CellPlan.h). 3GPP TR 45.820 (Cellular system support for
// ultra-low complexity and low throughput IoT) sets NB-IoT's capacity target at 52,547 devices per cell; the
// default rounds it down.
inline constexpr std::uint64_t kMinDevicesPerCell = 1;
inline constexpr std::uint64_t kMaxDevicesPerCell = 1'000'000;
inline constexpr std::uint32_t kDefaultDevicesPerCell = 50'000;
// seed: any 64-bit value. A JSON number holds integers exactly up to 2^53 only, so larger seeds are written
// and read as a string of decimal digits ("18446744073709551615").
inline constexpr std::uint64_t kMaxSeedAsNumber = std::uint64_t{1} << 53;
// traffic.attach_spread_s: [0, 86400] s.
inline constexpr NumberRange kAttachSpreadRange{{0.0, true}, {kMaxScenarioSeconds, true}, "seconds"};
// traffic.uplink_interval_s: [0.001, 86400] s. The lower bound keeps the events of a run countable (a million
// readings per second per device is no MTC traffic) and every interval many simulated microseconds long.
inline constexpr NumberRange kUplinkIntervalRange{{0.001, true}, {kMaxScenarioSeconds, true}, "seconds"};
// traffic.downlink_interval_s: 0 (no commands) or [0.001, 86400] s.
inline constexpr NumberRange kDownlinkIntervalRange = kUplinkIntervalRange;
// attacks[].start_s: [0, 86400] s; attacks[].stop_s: (start_s, 86400] s.
inline constexpr NumberRange kAttackStartRange{{0.0, true}, {kMaxScenarioSeconds, true}, "seconds"};
// attacks[].rate of every kind but inject: the probability of acting on a matching message, (0, 1].
inline constexpr NumberRange kProbabilityRange{{0.0, false}, {1.0, true}, {}, "a probability"};
// attacks[].rate of inject: forgeries per second, [0.00001, 1000] (at least one per 100,000 s, longer than
// any run; at most one per millisecond).
inline constexpr NumberRange kInjectRateRange{{0.00001, true}, {1000.0, true}, "forgeries per second"};
// attacks[].replay_delay_s: [0.001, 86400] s.
inline constexpr NumberRange kReplayDelayRange{{0.001, true}, {kMaxScenarioSeconds, true}, "seconds"};
// changes[].at_s: [0, duration_s) s.

// attacks: at most 32,767 (the event log numbers attacks with 16 bits).
inline constexpr std::size_t kMaxAttacks = 32767;
// attacks[].id: 1 to 32 characters of A-Z, a-z, 0-9, '-', '_' and '.', so that an id is safe in every output
// (CSV cells, HTML, file names of captures).
inline constexpr std::size_t kMaxAttackIdLength = 32;
// device_groups: at most 16 groups; device_groups[].name: 1 to 32 characters of the attack ids' alphabet, not
// "default" (the devices beyond every group); device_groups[].devices: 1 to devices in all.
inline constexpr std::size_t kMaxDeviceGroups = 16;
inline constexpr std::size_t kMaxGroupNameLength = 32;
// name: at most 100 characters; description: at most 2,000 (Unicode code points). No string anywhere in a
// scenario may hold a control character (U+0000-U+001F, U+007F-U+009F) or a lone surrogate.
inline constexpr std::size_t kMaxNameLength = 100;
inline constexpr std::size_t kMaxDescriptionLength = 2000;

} // namespace mtcsec
