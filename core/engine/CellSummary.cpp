// A run of several cells as one summary: counters summed, verdicts evaluated again, one digest.
#include "core/engine/CellSummary.h"

#include "core/crypto/Hex.h"
#include "core/crypto/Primitives.h"
#include "core/engine/EventLog.h"
#include "core/engine/Requirements.h"

#include <algorithm>
#include <stdexcept>
#include <tuple>

namespace mtcsec::engine {
namespace {

// The examples one engine keeps per attack and class (EngineAttacks.cpp kExamplesKept).
constexpr std::size_t kExamplesPerClass = 3;

void add(TrafficCounters& to, const TrafficCounters& t)
{
    to.uplinkSent += t.uplinkSent;
    to.uplinkDelivered += t.uplinkDelivered;
    to.uplinkAlteredAccepted += t.uplinkAlteredAccepted;
    to.uplinkReplayedAccepted += t.uplinkReplayedAccepted;
    to.downlinkSent += t.downlinkSent;
    to.downlinkDelivered += t.downlinkDelivered;
    to.downlinkForgedAccepted += t.downlinkForgedAccepted;
    to.downlinkAlteredAccepted += t.downlinkAlteredAccepted;
    to.downlinkReplayedAccepted += t.downlinkReplayedAccepted;
    to.droppedIntegrity += t.droppedIntegrity;
    to.droppedReplay += t.droppedReplay;
    to.droppedMalformed += t.droppedMalformed;
    to.droppedOther += t.droppedOther;
    to.attachOk += t.attachOk;
    to.attachFailed += t.attachFailed;
}

void add(DirectionAccounting& to, const DirectionAccounting& a)
{
    to.sent += a.sent;
    to.deliveredIntact += a.deliveredIntact;
    to.deliveredAltered += a.deliveredAltered;
    to.droppedIntegrity += a.droppedIntegrity;
    to.droppedReplay += a.droppedReplay;
    to.droppedMalformed += a.droppedMalformed;
    to.droppedCollateral += a.droppedCollateral;
    to.droppedOther += a.droppedOther;
    to.inFlight += a.inFlight;
}

void add(MessageAccounting& to, const MessageAccounting& a)
{
    add(to.uplink, a.uplink);
    add(to.downlink, a.downlink);
    to.acceptedReplayed += a.acceptedReplayed;
    to.acceptedForged += a.acceptedForged;
}

void add(DtlsCounters& to, const DtlsCounters& d)
{
    to.handshakes += d.handshakes;
    to.handshakeDatagrams += d.handshakeDatagrams;
    to.handshakeOctets += d.handshakeOctets;
    to.records += d.records;
    to.recordOverheadOctets += d.recordOverheadOctets;
}

// Adds `t` (of cell `cell`) to `to`; the examples are sorted and cut afterwards.
void add(AttackTally& to, const AttackTally& t, const Cell& cell)
{
    for (auto [field, value] : std::initializer_list<std::pair<std::uint64_t*, std::uint64_t>>{
             {&to.attempts, t.attempts},
             {&to.blocked, t.blocked},
             {&to.succeeded, t.succeeded},
             {&to.noEffect, t.noEffect},
             {&to.collateral, t.collateral},
             {&to.collateralUplink, t.collateralUplink},
             {&to.collateralCounter, t.collateralCounter},
             {&to.collateralDetached, t.collateralDetached},
             {&to.signallingSeen, t.signallingSeen},
             {&to.dataSeen, t.dataSeen},
             {&to.ciphertextSeen, t.ciphertextSeen},
             {&to.dataCiphertextSeen, t.dataCiphertextSeen},
             {&to.imsiRead, t.imsiRead},
             {&to.imsiInitialAttach, t.imsiInitialAttach},
             {&to.nasBodiesRead, t.nasBodiesRead},
             {&to.keysRead, t.keysRead},
             {&to.readingsRead, t.readingsRead},
             {&to.commandsRead, t.commandsRead},
             {&to.signallingAttempts, t.signallingAttempts},
             {&to.signallingBlocked, t.signallingBlocked},
             {&to.signallingSucceeded, t.signallingSucceeded},
             {&to.initialAttachSucceeded, t.initialAttachSucceeded},
             {&to.dataAttempts, t.dataAttempts},
             {&to.dataBlocked, t.dataBlocked},
             {&to.dataSucceeded, t.dataSucceeded},
             {&to.signallingBeforeChange, t.signallingBeforeChange},
             {&to.dataBeforeChange, t.dataBeforeChange}})
        *field += value;
    for (std::size_t i = 0; i < to.noEffectBy.size(); ++i)
        to.noEffectBy[i] += t.noEffectBy[i];
    for (std::size_t i = 0; i < to.blockedBy.size(); ++i)
        to.blockedBy[i] += t.blockedBy[i];
    for (std::size_t i = 0; i < to.signallingBlockedBy.size(); ++i)
        to.signallingBlockedBy[i] += t.signallingBlockedBy[i];
    to.removed = to.removed || t.removed;
    for (AttackExample e : t.examples) {
        if (e.device != kNoDevice)
            e.device += cell.first;
        e.cell = cell.index;
        to.examples.push_back(std::move(e));
    }
}

// Each tally's examples: the earliest (the cells' examples were appended in cell order), at most
// kExamplesPerClass of each class.
void keepEarliestExamples(AttackTally& t)
{
    std::stable_sort(t.examples.begin(), t.examples.end(),
                     [](const AttackExample& x, const AttackExample& y) { return x.time < y.time; });
    std::array<std::size_t, 2> kept{};
    std::erase_if(t.examples, [&kept](const AttackExample& e) {
        return ++kept[e.signalling ? 1 : 0] > kExamplesPerClass;
    });
}

// The tallies of every cell summed by position (the cells run the same attackers in the same order).
std::vector<AttackTally> mergeTallies(std::span<const Cell> plan, std::span<const RunSummary> cells,
                                      std::vector<AttackTally> RunSummary::*member)
{
    std::vector<AttackTally> out;
    for (std::size_t c = 0; c < cells.size(); ++c) {
        const std::vector<AttackTally>& tallies = cells[c].*member;
        for (std::size_t i = 0; i < tallies.size(); ++i) {
            if (i == out.size()) {
                out.emplace_back();
                out.back().spec = tallies[i].spec;
            }
            add(out[i], tallies[i], plan[c]);
        }
    }
    for (AttackTally& t : out)
        keepEarliestExamples(t);
    return out;
}

} // namespace

std::string cellsDigest(std::span<const std::string> digests)
{
    crypto::Sha256 hash;
    for (std::size_t i = 0; i < digests.size(); ++i)
        hash.update("cell " + std::to_string(i) + ": " + digests[i] + "\n");
    return toHex(hash.peek());
}

RunSummary mergeCellSummaries(const Scenario& whole, std::span<const Cell> plan,
                              std::span<const RunSummary> cells)
{
    if (cells.empty() || cells.size() != plan.size())
        throw std::invalid_argument("mergeCellSummaries: one summary per cell");
    if (cells.size() == 1)
        return cells.front();
    const RunSummary& first = cells.front();
    RunSummary s;
    s.scenarioName = whole.name;
    s.seed = whole.seed;
    s.durationS = first.durationS;
    s.devices = whole.devices;
    s.protection = first.protection;
    s.initialProtection = whole.protection;
    s.changes = first.changes;
    s.ue = whole.ue;
    s.deviceGroups = whole.deviceGroups;
    s.sinceChangeS = first.sinceChangeS;
    s.cells = static_cast<std::uint32_t>(cells.size());
    s.devicesPerCell = whole.devicesPerCell;
    std::vector<std::string> digests;
    for (const RunSummary& c : cells) {
        add(s.traffic, c.traffic);
        add(s.accounting, c.accounting);
        add(s.accountingSinceChange, c.accountingSinceChange);
        add(s.dtls, c.dtls);
        s.eventsTotal += c.eventsTotal;
        digests.push_back(c.digest);
        for (const AlgorithmSelectionCount& sel : c.selections) {
            const auto same = std::ranges::find_if(s.selections, [&sel](const AlgorithmSelectionCount& x) {
                AlgorithmSelectionCount a = x;
                a.count = sel.count;
                return a == sel;
            });
            if (same == s.selections.end())
                s.selections.push_back(sel);
            else
                same->count += sel.count;
        }
    }
    std::ranges::sort(s.selections, [](const auto& x, const auto& y) {
        const auto key = [](const AlgorithmSelectionCount& c) {
            return std::tuple(c.group, c.as, c.rejected, c.integrity, c.ciphering, c.upCiphering);
        };
        return key(x) < key(y);
    });
    s.attacks = mergeTallies(plan, cells, &RunSummary::attacks);
    s.requirements = evaluateRequirements(s.attacks, s.accounting);
    if (s.sinceChangeS) {
        s.attacksSinceChange = mergeTallies(plan, cells, &RunSummary::attacksSinceChange);
        s.requirementsSinceChange = evaluateRequirements(s.attacksSinceChange, s.accountingSinceChange);
    }
    s.digest = cellsDigest(digests);
    return s;
}

} // namespace mtcsec::engine
