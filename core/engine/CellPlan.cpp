// How a run is split into cells (devices_per_cell), each cell's seed and scenario.
#include "core/engine/CellPlan.h"

#include <algorithm>

namespace mtcsec::engine {

std::uint32_t cellCount(const Scenario& scenario)
{
    const std::uint64_t perCell = std::max<std::uint32_t>(scenario.devicesPerCell, 1);
    const std::uint64_t devices = std::max<std::uint32_t>(scenario.devices, 1);
    return static_cast<std::uint32_t>((devices + perCell - 1) / perCell);
}

std::vector<Cell> cellsOf(const Scenario& scenario)
{
    const std::uint32_t cells = cellCount(scenario);
    const std::uint32_t base = scenario.devices / cells;
    const std::uint32_t larger = scenario.devices % cells;
    std::vector<Cell> out;
    out.reserve(cells);
    std::uint32_t first = 0;
    for (std::uint32_t i = 0; i < cells; ++i) {
        const std::uint32_t n = base + (i < larger ? 1 : 0);
        out.push_back({i, first, n});
        first += n;
    }
    return out;
}

std::uint64_t cellSeed(std::uint64_t seed, std::uint32_t cell, std::uint32_t cells)
{
    if (cells <= 1)
        return seed;
    std::uint64_t z = seed + (std::uint64_t{cell} + 1) * 0x9e3779b97f4a7c15ull;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

Scenario cellScenario(const Scenario& scenario, const Cell& cell)
{
    const std::uint32_t cells = cellCount(scenario);
    if (cells <= 1)
        return scenario;
    Scenario s = scenario;
    s.devices = cell.devices;
    s.devicesPerCell = std::max<std::uint32_t>(cell.devices, 1);
    s.seed = cellSeed(scenario.seed, cell.index, cells);
    // Groups hold contiguous device ranges in order: each keeps what lies inside the cell, so that a device's
    // group (Scenario::groupOf of its index in the cell) is its group in the whole scenario.
    const std::uint64_t cellEnd = std::uint64_t{cell.first} + cell.devices;
    std::uint64_t start = 0;
    for (DeviceGroup& g : s.deviceGroups) {
        const std::uint64_t end = start + g.devices;
        const std::uint64_t from = std::max<std::uint64_t>(start, cell.first);
        const std::uint64_t to = std::min(end, cellEnd);
        g.devices = to > from ? static_cast<std::uint32_t>(to - from) : 0;
        start = end;
    }
    return s;
}

} // namespace mtcsec::engine
