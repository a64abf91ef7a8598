// The run summary of one engine (core/engine/RunSummary.h): its counters and tallies, what is still in flight
// at the end, the verdicts on the four requirements (core/engine/Requirements.h), and the same since the last
// protection change.
#include "core/engine/Engine.h"
#include "core/engine/EngineImpl.h"
#include "core/engine/Requirements.h"

#include <algorithm>
#include <tuple>

namespace mtcsec::engine {
namespace {

std::uint64_t minus(std::uint64_t now, std::uint64_t then)
{
    return now > then ? now - then : 0;
}

// Moves what was decided since the change on PDUs protected before it (`before`) out of blocked, succeeded
// and the passive attacker's sightings into no effect "before-change": it is no evidence about the protection
// in force since.
void moveBeforeChange(AttackTally& t, const AttackTally& before)
{
    for (auto [field, old] : std::initializer_list<std::pair<std::uint64_t*, std::uint64_t>>{
             {&t.blocked, before.blocked},
             {&t.succeeded, before.succeeded},
             {&t.noEffect, before.noEffect},
             {&t.signallingSeen, before.signallingSeen},
             {&t.dataSeen, before.dataSeen},
             {&t.ciphertextSeen, before.ciphertextSeen},
             {&t.dataCiphertextSeen, before.dataCiphertextSeen},
             {&t.imsiRead, before.imsiRead},
             {&t.imsiInitialAttach, before.imsiInitialAttach},
             {&t.nasBodiesRead, before.nasBodiesRead},
             {&t.keysRead, before.keysRead},
             {&t.readingsRead, before.readingsRead},
             {&t.commandsRead, before.commandsRead},
             {&t.signallingBlocked, before.signallingBlocked},
             {&t.signallingSucceeded, before.signallingSucceeded},
             {&t.initialAttachSucceeded, before.initialAttachSucceeded},
             {&t.dataBlocked, before.dataBlocked},
             {&t.dataSucceeded, before.dataSucceeded}})
        *field = minus(*field, old);
    for (std::size_t i = 0; i < t.noEffectBy.size(); ++i)
        t.noEffectBy[i] = minus(t.noEffectBy[i], before.noEffectBy[i]);
    for (std::size_t i = 0; i < t.blockedBy.size(); ++i)
        t.blockedBy[i] = minus(t.blockedBy[i], before.blockedBy[i]);
    for (std::size_t i = 0; i < t.signallingBlockedBy.size(); ++i)
        t.signallingBlockedBy[i] = minus(t.signallingBlockedBy[i], before.signallingBlockedBy[i]);
    const std::uint64_t moved = before.blocked + before.succeeded + before.noEffect;
    t.noEffect += moved;
    t.noEffectBy[static_cast<std::size_t>(NoEffectReason::BeforeChange)] += moved;
    // By class: an active attacker's attempts decided (its sightings counted none), a passive attacker's
    // sightings (its attempts by class are zero).
    t.signallingBeforeChange = before.signallingBlocked + before.signallingSucceeded + before.signallingSeen;
    t.dataBeforeChange = before.dataBlocked + before.dataSucceeded + before.dataSeen;
}

// What an attacker did after `then` was taken (counters of `then` subtracted; examples from `since` on), with
// what was decided since on PDUs protected before the change (`before`) as no effect "before-change".
AttackTally tallySince(const AttackTally& now, const AttackTally* then, const AttackTally* before,
                       SimTime since)
{
    AttackTally t = now;
    if (then != nullptr) {
        for (auto [field, old] : std::initializer_list<std::pair<std::uint64_t*, std::uint64_t>>{
                 {&t.attempts, then->attempts},
                 {&t.blocked, then->blocked},
                 {&t.succeeded, then->succeeded},
                 {&t.noEffect, then->noEffect},
                 {&t.collateral, then->collateral},
                 {&t.collateralUplink, then->collateralUplink},
                 {&t.collateralCounter, then->collateralCounter},
                 {&t.collateralDetached, then->collateralDetached},
                 {&t.signallingSeen, then->signallingSeen},
                 {&t.dataSeen, then->dataSeen},
                 {&t.ciphertextSeen, then->ciphertextSeen},
                 {&t.dataCiphertextSeen, then->dataCiphertextSeen},
                 {&t.imsiRead, then->imsiRead},
                 {&t.imsiInitialAttach, then->imsiInitialAttach},
                 {&t.nasBodiesRead, then->nasBodiesRead},
                 {&t.keysRead, then->keysRead},
                 {&t.readingsRead, then->readingsRead},
                 {&t.commandsRead, then->commandsRead},
                 {&t.signallingAttempts, then->signallingAttempts},
                 {&t.signallingBlocked, then->signallingBlocked},
                 {&t.signallingSucceeded, then->signallingSucceeded},
                 {&t.initialAttachSucceeded, then->initialAttachSucceeded},
                 {&t.dataAttempts, then->dataAttempts},
                 {&t.dataBlocked, then->dataBlocked},
                 {&t.dataSucceeded, then->dataSucceeded}})
            *field = minus(*field, old);
        for (std::size_t i = 0; i < t.noEffectBy.size(); ++i)
            t.noEffectBy[i] = minus(t.noEffectBy[i], then->noEffectBy[i]);
        for (std::size_t i = 0; i < t.blockedBy.size(); ++i)
            t.blockedBy[i] = minus(t.blockedBy[i], then->blockedBy[i]);
        for (std::size_t i = 0; i < t.signallingBlockedBy.size(); ++i)
            t.signallingBlockedBy[i] = minus(t.signallingBlockedBy[i], then->signallingBlockedBy[i]);
    }
    if (before != nullptr)
        moveBeforeChange(t, *before);
    // An attempt made before the change can be decided after it: its decision falls into this window but its
    // attempt does not, so decisions could exceed attempts. Such an attempt is counted as one of the window's
    // attempts (its outcome: no effect, before-change), so that every class's attempts == blocked + succeeded
    // + no effect here as in the whole run.
    const bool passive = t.spec.kind == AttackKind::Eavesdrop || t.spec.kind == AttackKind::Insider;
    if (!passive) {
        t.signallingAttempts = std::max(t.signallingAttempts, t.signallingBlocked + t.signallingSucceeded +
                                                                  t.signallingBeforeChange);
        t.dataAttempts = std::max(t.dataAttempts, t.dataBlocked + t.dataSucceeded + t.dataBeforeChange);
    }
    t.attempts = std::max(t.attempts, t.blocked + t.succeeded + t.noEffect);
    std::erase_if(t.examples, [since](const AttackExample& e) { return e.time < since; });
    return t;
}

DirectionAccounting accountingSince(const DirectionAccounting& now, const DirectionAccounting& then)
{
    DirectionAccounting a = now;
    a.sent = minus(now.sent, then.sent);
    a.deliveredIntact = minus(now.deliveredIntact, then.deliveredIntact);
    a.deliveredAltered = minus(now.deliveredAltered, then.deliveredAltered);
    a.droppedIntegrity = minus(now.droppedIntegrity, then.droppedIntegrity);
    a.droppedReplay = minus(now.droppedReplay, then.droppedReplay);
    a.droppedMalformed = minus(now.droppedMalformed, then.droppedMalformed);
    a.droppedCollateral = minus(now.droppedCollateral, then.droppedCollateral);
    a.droppedOther = minus(now.droppedOther, then.droppedOther);
    return a; // inFlight: as now
}

} // namespace

bool Engine::Impl::protectedBeforeChange(const Meta& meta) const
{
    if (!lastChangeAt)
        return false;
    if (meta.beforeChange || (meta.record != 0 && meta.record < recordsAtChange))
        return true;
    const auto attack = static_cast<std::size_t>(meta.attack);
    return meta.attack >= 0 && meta.attempt != 0 && attack < talliesAtChange.size() &&
           meta.attempt <= talliesAtChange[attack].attempts;
}

AttackTally* Engine::Impl::beforeChangeTally(std::size_t attack, const Meta& meta)
{
    if (!protectedBeforeChange(meta))
        return nullptr;
    if (decidedBeforeChange.size() <= attack)
        decidedBeforeChange.resize(attack + 1);
    return &decidedBeforeChange[attack];
}

RunSummary Engine::summary() const
{
    const Impl& d = *impl_;
    RunSummary s;
    s.scenarioName = d.scenario.name;
    s.ue = d.scenario.ue;
    s.deviceGroups = d.scenario.deviceGroups;
    s.selections = d.selections;
    std::sort(s.selections.begin(), s.selections.end(), [](const auto& x, const auto& y) {
        const auto key = [](const AlgorithmSelectionCount& c) {
            return std::tuple(c.group, c.as, c.rejected, c.integrity, c.ciphering, c.upCiphering);
        };
        return key(x) < key(y);
    });
    s.seed = d.scenario.seed;
    s.durationS = toSeconds(d.now);
    s.devices = d.scenario.devices;
    s.devicesPerCell = d.scenario.devicesPerCell;
    s.protection = d.protection;
    s.initialProtection = d.scenario.protection;
    s.changes = d.appliedChanges;
    s.traffic = d.traffic;
    s.accounting = d.accounting;
    for (const AttackRuntime& a : d.attacks)
        s.attacks.push_back(a.tally);
    // What is still on its way: genuine messages in flight, and attackers' attempts whose outcome is not yet
    // known (their PDUs on a link, a downgraded attach before its Security Mode Command).
    const auto pending = [&s](std::int16_t attack) {
        if (attack < 0 || static_cast<std::size_t>(attack) >= s.attacks.size())
            return;
        AttackTally& t = s.attacks[static_cast<std::size_t>(attack)];
        ++t.noEffect;
        ++t.noEffectBy[static_cast<std::size_t>(NoEffectReason::InFlightAtEnd)];
    };
    for (const InFlight& f : d.pool) {
        if (f.state != SlotState::OnLink)
            continue;
        if (f.meta.record != 0 && f.meta.record < d.records.size() &&
            (f.meta.mark == Mark::None || f.meta.mark == Mark::Tampered) &&
            d.records[f.meta.record].fate == Fate::Pending)
            ++(d.records[f.meta.record].uplink ? s.accounting.uplink : s.accounting.downlink).inFlight;
        if (f.meta.mark != Mark::None && f.meta.mark != Mark::Downgraded)
            pending(f.meta.attack);
    }
    for (const UeContext& u : d.ue)
        pending(u.downgradeAttack);
    s.requirements = evaluateRequirements(s.attacks, s.accounting);
    if (d.lastChangeAt) {
        std::vector<AttackTally> since;
        since.reserve(s.attacks.size());
        for (std::size_t i = 0; i < s.attacks.size(); ++i)
            since.push_back(tallySince(
                s.attacks[i], i < d.talliesAtChange.size() ? &d.talliesAtChange[i] : nullptr,
                i < d.decidedBeforeChange.size() ? &d.decidedBeforeChange[i] : nullptr, *d.lastChangeAt));
        MessageAccounting accounting = s.accounting;
        accounting.uplink = accountingSince(s.accounting.uplink, d.accountingAtChange.uplink);
        accounting.downlink = accountingSince(s.accounting.downlink, d.accountingAtChange.downlink);
        accounting.acceptedReplayed =
            minus(s.accounting.acceptedReplayed, d.accountingAtChange.acceptedReplayed);
        accounting.acceptedForged = minus(s.accounting.acceptedForged, d.accountingAtChange.acceptedForged);
        s.sinceChangeS = toSeconds(*d.lastChangeAt);
        s.requirementsSinceChange = evaluateRequirements(since, accounting);
        s.accountingSinceChange = accounting;
        s.attacksSinceChange = std::move(since);
    }
    s.dtls = d.dtlsCounters;
    s.eventsTotal = static_cast<std::size_t>(d.eventLog.size());
    s.digest = d.eventLog.digestHex();
    return s;
}

} // namespace mtcsec::engine
