// Random scenarios for the tests that compare runs (tst_threads, tst_cells): one preset's network and
// attacks, another's protection half of the time, the other preset's attackers beside the first one's.
#pragma once

#include "core/engine/Rng.h"
#include "core/scenario/Presets.h"
#include "core/scenario/Scenario.h"

#include <algorithm>
#include <cstdint>

namespace mtcsec::test {

// The size, length and cells a random scenario draws from (devices, seconds).
struct RandomScenarioRange {
    std::uint32_t minDevices = 1;
    std::uint32_t devicesSpan = 1500; // devices: minDevices + 0..devicesSpan-1
    double minDurationS = 5.0;
    std::uint32_t durationSpanS = 40;    // duration: minDurationS + 0..durationSpanS-1 seconds
    std::uint32_t minDevicesPerCell = 0; // 0: the scenario's own (one cell at these sizes)
    std::uint32_t devicesPerCellSpan = 1;
};

// The scenario of `seed` (the same for the same seed and range). Its protection changes all fall within it.
inline Scenario randomScenario(std::uint64_t seed, const RandomScenarioRange& range = {})
{
    engine::Rng rng(seed);
    const auto& all = presets();
    const Preset& base = all[rng.below(all.size())];
    const Preset& other = all[rng.below(all.size())];
    Scenario s = base.scenario;
    s.seed = rng.next();
    s.devices = static_cast<std::uint32_t>(range.minDevices + rng.below(range.devicesSpan));
    if (range.minDevicesPerCell != 0)
        s.devicesPerCell =
            static_cast<std::uint32_t>(range.minDevicesPerCell + rng.below(range.devicesPerCellSpan));
    s.durationS = range.minDurationS + static_cast<double>(rng.below(range.durationSpanS));
    if (rng.below(2) == 0)
        s.protection = other.scenario.protection;
    for (AttackSpec a : other.scenario.attacks) {
        a.id = "x-" + a.id;
        s.attacks.push_back(a);
    }
    std::erase_if(s.changes, [&s](const ProtectionChange& c) { return c.atS >= s.durationS; });
    return s;
}

} // namespace mtcsec::test
