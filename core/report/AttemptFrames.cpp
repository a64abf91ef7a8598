// An active attacker's capture, attempt by attempt (see AttemptFrames.h for the comments it writes).
#include "core/report/AttemptFrames.h"

#include "core/crypto/Hex.h"

#include <algorithm>
#include <bit>
#include <utility>

namespace mtcsec::report {
namespace {

constexpr qsizetype kFrameOverhead = 96; // bookkeeping per held frame, counted against the limit
constexpr std::size_t kOctetsNamed = 4;  // changed octets named one by one in a comment

std::string prefix(const std::string& attackId, AttackKind kind, std::uint64_t attempt)
{
    return attackId + " " + std::string(name(kind)) + " attempt " + std::to_string(attempt);
}

// What differs between the frame of the original and the frame of the changed PDU, in the frame's own
// octets: offsets from 0 in what the frame hands to its dissector (after the exported-PDU tags), "in this
// frame (ip, 54 octets): octet 53: 30 -> 31 (bit 0 flipped)".
std::string inThisFrame(const ExportedPdu& original, const ExportedPdu& changed)
{
    if (original.dissector != changed.dissector || original.bytes.size() != changed.bytes.size())
        return "in this frame: " + std::to_string(changed.bytes.size()) + " octets for " + changed.dissector +
               " (the original: " + std::to_string(original.bytes.size()) + " for " + original.dissector +
               ")";
    std::vector<std::size_t> at;
    for (std::size_t i = 0; i < changed.bytes.size(); ++i)
        if (original.bytes[i] != changed.bytes[i])
            at.push_back(i);
    std::string out =
        "in this frame (" + changed.dissector + ", " + std::to_string(changed.bytes.size()) + " octets): ";
    if (at.empty())
        return out + "the same octets as the original";
    for (std::size_t k = 0; k < at.size() && k < kOctetsNamed; ++k) {
        const std::size_t i = at[k];
        const auto flipped = static_cast<unsigned>(original.bytes[i] ^ changed.bytes[i]);
        out += (k == 0 ? "octet " : ", octet ") + std::to_string(i) + ": " +
               toHex(ByteView(original.bytes).subspan(i, 1)) + " -> " +
               toHex(ByteView(changed.bytes).subspan(i, 1));
        if (std::has_single_bit(flipped))
            out += " (bit " + std::to_string(std::countr_zero(flipped)) + " flipped)";
    }
    if (at.size() > kOctetsNamed)
        out += " and " + std::to_string(at.size() - kOctetsNamed) + " more octets";
    return out;
}

std::string_view blockedText(AttackKind kind, engine::DropReason reason)
{
    using engine::DropReason;
    switch (reason) {
    case DropReason::Integrity:
        return "dropped, integrity check failed";
    case DropReason::Replay:
        return "dropped, replay check failed (a count or window position already used)";
    case DropReason::Malformed:
        return "dropped, malformed";
    case DropReason::Policy:
        return kind == AttackKind::Downgrade ? "refused the Security Mode Command (its security policy)"
                                             : "refused by its security policy";
    case DropReason::Duplicate:
        return "dropped, a duplicate";
    case DropReason::NoContext:
        return "dropped, no security context for it";
    case DropReason::Mismatch:
        return kind == AttackKind::Downgrade
                   ? "refused, the replayed UE security capabilities differ from those the device sent"
                   : "dropped, it does not match what the receiver holds";
    case DropReason::NoEffect:
        break;
    }
    return "dropped";
}

std::string_view succeededText(AttackKind kind)
{
    switch (kind) {
    case AttackKind::Tamper:
        return "accepted, delivered altered";
    case AttackKind::Replay:
        return "accepted the replayed copy";
    case AttackKind::Inject:
        return "accepted the forgery";
    case AttackKind::Downgrade:
        return "accepted the Security Mode Command (algorithms chosen from the changed capabilities)";
    case AttackKind::Eavesdrop:
    case AttackKind::Insider:
        break;
    }
    return "accepted";
}

std::string_view noEffectText(engine::NoEffectReason reason)
{
    using engine::NoEffectReason;
    switch (reason) {
    case NoEffectReason::Unchanged:
        return "accepted, but what it acted on was unchanged";
    case NoEffectReason::AttachRestarted:
        return "the attach ended before its Security Mode Command";
    case NoEffectReason::LostToOtherAttack:
        return "dropped, its counters disturbed by another attacker";
    case NoEffectReason::LateFirstCopy:
        return "accepted a late first copy (the original never arrived)";
    case NoEffectReason::NothingSecret:
    case NoEffectReason::InFlightAtEnd:
    case NoEffectReason::BeforeChange: // only in the tallies since a change, never an attempt's decision
        break;
    }
    return "changed nothing";
}

// "decided by the eNB at 12.000000 s: dropped, integrity check failed => blocked [attack-blocked:
// integrity]": the bracket is the event log's own description of the event that recorded this decision.
std::string decisionText(AttackKind kind, const engine::AttemptDecision& d)
{
    engine::LogEvent event;
    std::string what;
    std::string_view outcome;
    switch (d.outcome) {
    case engine::AttemptOutcome::Blocked:
        event.kind = engine::EventKind::AttackBlocked;
        event.detail = static_cast<std::uint8_t>(d.blockedBy);
        what = blockedText(kind, d.blockedBy);
        outcome = "blocked";
        break;
    case engine::AttemptOutcome::Succeeded:
        event.kind = engine::EventKind::AttackSucceeded;
        what = succeededText(kind);
        outcome = "succeeded";
        break;
    case engine::AttemptOutcome::NoEffect:
        event.kind = engine::EventKind::AttackNoEffect;
        event.detail = static_cast<std::uint8_t>(d.noEffect);
        what = noEffectText(d.noEffect);
        outcome = "no effect";
        break;
    }
    return "decided by the " + std::string(name(d.node)) + " at " + engine::formatTime(d.time) +
           " s: " + what + " => " + std::string(outcome) + " [" + engine::describeEvent(event) + "]";
}

const std::string kInFlight = "no decision: still in flight when the capture ended => no effect [in-flight]";

} // namespace

AttemptFrames::AttemptFrames(qsizetype heldBytesLimit, Exporter exporter, Writer writer)
    : limit_(heldBytesLimit)
    , exporter_(std::move(exporter))
    , writer_(std::move(writer))
{}

std::size_t AttemptFrames::heldAttempts() const
{
    std::size_t n = 0;
    for (const auto& [id, queue] : queues_)
        n += queue.attempts.size();
    return n;
}

void AttemptFrames::add(Held& held, engine::SimTime time, const ExportedPdu& pdu, std::string comment,
                        bool takesDecision)
{
    const qsizetype bytes = static_cast<qsizetype>(pdu.bytes.size() + comment.size()) + kFrameOverhead;
    held.frames.push_back(CommentedFrame{time, pdu, std::move(comment)});
    held.takesDecision.push_back(takesDecision);
    held.bytes += bytes;
    heldBytes_ += bytes;
}

void AttemptFrames::action(const engine::AttackerAction& a)
{
    const std::string id(a.attackId);
    Queue& queue = queues_[id];
    Held* held = nullptr;
    std::uint64_t attempt = a.attempt;
    bool continued = false;
    Held loose; // a change belonging to no pending attempt: released at once
    if (attempt == 0) {
        const auto of = queue.ofDevice.find(a.device);
        const auto it = of == queue.ofDevice.end() ? queue.attempts.end() : queue.attempts.find(of->second);
        if (it != queue.attempts.end() && it->second.decision.empty()) {
            held = &it->second;
            attempt = it->first;
            continued = true;
        }
    } else {
        held = &queue.attempts[attempt];
        held->device = a.device;
        held->kind = a.kind;
        queue.ofDevice[a.device] = attempt;
    }
    const std::string head = held == nullptr
                                 ? id + " " + std::string(name(a.kind)) + " (no attempt pending for device " +
                                       std::to_string(a.device) + ")"
                                 : prefix(id, a.kind, attempt) + (continued ? " (continued)" : "");
    Held& target = held != nullptr ? *held : loose;
    const std::vector<ExportedPdu> before =
        a.original.empty() ? std::vector<ExportedPdu>{} : exporter_(a.link, a.device, a.downlink, a.original);
    const std::vector<ExportedPdu> after = exporter_(a.link, a.device, a.downlink, a.changed);
    // What became of the original: a replayer let it pass and sends a copy later; the others replaced it.
    const std::string_view fate = a.kind == AttackKind::Replay
                                      ? "; it went on as sent, the copy follows later"
                                      : "; the receiver got the changed PDU instead";
    for (std::size_t i = 0; i < before.size(); ++i)
        add(target, a.originalTime, before[i],
            head + ": original (device " + std::to_string(a.device) + ", " +
                (a.downlink ? "downlink" : "uplink") + "), as captured at " +
                engine::formatTime(a.originalTime) + " s" +
                (i == 0 ? std::string(fate) : std::string("; another view of the same PDU")),
            false);
    const bool forged = a.original.empty();
    for (std::size_t i = 0; i < after.size(); ++i) {
        std::string comment = head + (i == 0 ? (forged ? ": forged: " : ": changed: ") + std::string(a.what)
                                             : std::string(" (another view of the same PDU)"));
        if (i == 0 && forged)
            comment +=
                " (device " + std::to_string(a.device) + ", " + (a.downlink ? "downlink" : "uplink") + ")";
        if (i < before.size())
            comment += "; " + inThisFrame(before[i], after[i]);
        add(target, a.time, after[i], std::move(comment), true);
    }
    if (held == nullptr) {
        for (std::size_t i = 0; i < loose.frames.size(); ++i) {
            if (loose.takesDecision[i])
                loose.frames[i].comment += "; not an attempt of its own: no decision on it is counted";
            writer_(id, loose.frames[i]);
        }
        heldBytes_ -= loose.bytes;
        return;
    }
    bound();
}

void AttemptFrames::decided(const engine::AttemptDecision& d)
{
    const auto q = queues_.find(std::string(d.attackId));
    if (q == queues_.end())
        return;
    Queue& queue = q->second;
    std::uint64_t attempt = d.attempt;
    if (attempt == 0) {
        const auto of = queue.ofDevice.find(d.device);
        if (of == queue.ofDevice.end())
            return;
        attempt = of->second;
    }
    const auto it = queue.attempts.find(attempt);
    if (it == queue.attempts.end() || !it->second.decision.empty())
        return;
    it->second.decision = decisionText(it->second.kind, d);
    releaseDecidedHeads(q->first, queue);
}

void AttemptFrames::release(const std::string& attackId, Queue& queue,
                            std::map<std::uint64_t, Held>::iterator it, const std::string& undecided)
{
    Held& held = it->second;
    const std::string& decision = held.decision.empty() ? undecided : held.decision;
    for (std::size_t i = 0; i < held.frames.size(); ++i) {
        CommentedFrame& f = held.frames[i];
        if (held.takesDecision[i])
            f.comment += "; " + decision;
        writer_(attackId, f);
    }
    heldBytes_ -= held.bytes;
    const auto of = queue.ofDevice.find(held.device);
    if (of != queue.ofDevice.end() && of->second == it->first)
        queue.ofDevice.erase(of);
    queue.attempts.erase(it);
}

void AttemptFrames::releaseDecidedHeads(const std::string& attackId, Queue& queue)
{
    while (!queue.attempts.empty() && !queue.attempts.begin()->second.decision.empty())
        release(attackId, queue, queue.attempts.begin(), {});
}

void AttemptFrames::bound()
{
    if (heldBytes_ <= limit_)
        return;
    // The oldest attempts of each attacker first, until half the limit is free: their decisions may come
    // later, but the frames cannot wait.
    const std::string undecided =
        "decision not known when this frame was written (more than " + std::to_string(limit_) +
        " bytes of attackers' frames were waiting for decisions); see the event log";
    for (auto& [id, queue] : queues_) {
        while (heldBytes_ > limit_ / 2 && !queue.attempts.empty()) {
            release(id, queue, queue.attempts.begin(), undecided);
            releaseDecidedHeads(id, queue);
        }
    }
}

void AttemptFrames::releaseAll()
{
    for (auto& [id, queue] : queues_)
        while (!queue.attempts.empty())
            release(id, queue, queue.attempts.begin(), kInFlight);
}

} // namespace mtcsec::report
