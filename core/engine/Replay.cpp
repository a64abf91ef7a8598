// Replay of a run from its seed and its timeline of live changes.
#include "core/engine/Replay.h"

namespace mtcsec::engine {

void applyChange(Engine& engine, const LiveChange& change)
{
    switch (change.kind) {
    case LiveChange::Kind::SetProtection:
        engine.setProtection(change.protection);
        break;
    case LiveChange::Kind::AddAttack:
        engine.addAttack(change.attack);
        break;
    case LiveChange::Kind::RemoveAttack:
        engine.removeAttack(change.attack.id);
        break;
    }
}

std::size_t advanceWithChanges(Engine& engine, std::span<const LiveChange> changes, std::size_t next,
                               SimTime until)
{
    while (next < changes.size() && changes[next].at <= until && changes[next].at <= engine.endTime()) {
        if (changes[next].at > engine.now())
            engine.runUntil(changes[next].at);
        applyChange(engine, changes[next]);
        ++next;
    }
    if (until > engine.now())
        engine.runUntil(until);
    return next;
}

std::unique_ptr<Engine> replay(const Scenario& scenario, std::span<const LiveChange> changes, SimTime until,
                               EngineObserver* observer, std::size_t* applied)
{
    auto engine = std::make_unique<Engine>(scenario);
    engine->setObserver(observer);
    const std::size_t n = advanceWithChanges(*engine, changes, 0, until);
    if (applied != nullptr)
        *applied = n;
    return engine;
}

RunSummary replaySummary(const Scenario& scenario, std::span<const LiveChange> changes, SimTime until)
{
    return replay(scenario, changes, until)->summary();
}

} // namespace mtcsec::engine
