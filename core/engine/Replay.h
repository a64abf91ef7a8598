// Replay of a run from its seed and the timeline of live changes (protections set, attackers placed and
// removed, each at its simulated time): the engine is deterministic, so a fresh engine driven through the
// same changes at the same times reaches the same state. The GUI's time travel and A/B comparison are built
// on it.
#pragma once

#include "core/engine/Engine.h"

#include <memory>
#include <span>
#include <vector>

namespace mtcsec::engine {

// One live change of a run, at the simulated time it was applied.
struct LiveChange {
    enum class Kind : std::uint8_t { SetProtection, AddAttack, RemoveAttack };
    SimTime at = 0; // microseconds since the start of the run
    Kind kind = Kind::SetProtection;
    Protection protection; // SetProtection: the whole configuration from then on
    AttackSpec attack;     // AddAttack: the attacker; RemoveAttack: its id (attack.id)
    bool operator==(const LiveChange&) const = default;
};

// Applies one change to `engine` at its current time. Throws InvalidInput as Engine::addAttack does.
void applyChange(Engine& engine, const LiveChange& change);

// Runs `engine` up to simulated time `until` (microseconds, capped at its end), applying on the way, in
// order, changes[next...] whose time is at or before `until` (each right after the events at or before its
// time). Returns the index of the first change not applied. Throws what applyChange throws.
std::size_t advanceWithChanges(Engine& engine, std::span<const LiveChange> changes, std::size_t next,
                               SimTime until);

// A fresh engine of `scenario` driven to `until` through `changes` (sorted by time), reporting to `observer`
// (not owned; nullptr: none) from the start. `applied` (if given) receives the number of changes applied.
// Throws InvalidInput for a scenario or change the engine refuses.
std::unique_ptr<Engine> replay(const Scenario& scenario, std::span<const LiveChange> changes, SimTime until,
                               EngineObserver* observer = nullptr, std::size_t* applied = nullptr);

// The summary of replay(scenario, changes, until) (headless; nothing is kept).
RunSummary replaySummary(const Scenario& scenario, std::span<const LiveChange> changes, SimTime until);

} // namespace mtcsec::engine
