// How a run is split into cells: ceil(devices / devices_per_cell) cells of contiguous device ranges, as even
// as possible, each simulated as an independent engine with its own eNB, links, NDS/IP security associations,
// its own share of the core nodes' per-device state, its own seed and every attacker of the scenario (a model
// choice: cells do not interfere; 3GPP TR 45.820 puts NB-IoT's capacity target at 52,547 devices per cell).
#pragma once

#include "core/scenario/Scenario.h"

#include <cstdint>
#include <vector>

namespace mtcsec::engine {

// One cell: its number (0-based) and the global indices of its devices, [first, first + devices).
struct Cell {
    std::uint32_t index = 0;
    std::uint32_t first = 0;
    std::uint32_t devices = 0;
    bool operator==(const Cell&) const = default;
};

// ceil(scenario.devices / scenario.devicesPerCell) (at least 1; a devicesPerCell of 0 counts as 1). Never
// throws.
[[nodiscard]] std::uint32_t cellCount(const Scenario& scenario);

// The cells in order: contiguous ranges covering every device once; the first devices % cells cells hold one
// device more than the others. Never throws.
[[nodiscard]] std::vector<Cell> cellsOf(const Scenario& scenario);

// The seed of cell `cell` of a run seeded `seed` in a run of `cells` cells: `seed` itself for a run of one
// cell (the run is exactly the whole scenario's), else SplitMix64 (Steele, Lea, Flood 2014) of seed + (cell +
// 1) * 0x9e3779b97f4a7c15. Never throws.
[[nodiscard]] std::uint64_t cellSeed(std::uint64_t seed, std::uint32_t cell, std::uint32_t cells);

// The scenario one cell's engine runs (Engine(Scenario, cell.first)): `scenario` itself for a run of one
// cell; else its devices, its seed (cellSeed), the device groups cut to the cell's range (same group
// indices, a group outside the cell holding 0 devices), devicesPerCell its device count; everything else
// (traffic, protection, attacks, changes) as the scenario's. Never throws.
[[nodiscard]] Scenario cellScenario(const Scenario& scenario, const Cell& cell);

} // namespace mtcsec::engine
