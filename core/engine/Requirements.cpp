// R1-R4 verdicts with evidence, from the attack tallies (never from the configuration).
#include "core/engine/Requirements.h"

#include "core/crypto/Hex.h"
#include "core/engine/EventLog.h"

#include <QtGlobal>

#include <algorithm>
#include <array>
#include <tuple>

namespace mtcsec::engine {
namespace {

// The wordings (translated in the GUI, context "Requirement").
constexpr std::array<std::string_view, 4> kTexts = {
    QT_TRANSLATE_NOOP(
        "Requirement",
        "Signalling between MTC device and 3GPP network entities is integrity protected, on the air "
        "interface and in the network domain (shall)."),
    QT_TRANSLATE_NOOP(
        "Requirement",
        "Signalling between MTC device and 3GPP network entities is confidentiality protected, on "
        "the air interface and in the network domain (should)."),
    QT_TRANSLATE_NOOP("Requirement", "MTC application data transfer is confidential: no eavesdropping at any "
                                     "point in the network (should)."),
    QT_TRANSLATE_NOOP("Requirement",
                      "MTC device and MTC server verify the integrity of the application data they "
                      "exchange (should).")};

// The phrases of the evidence (PRODUCT.md: the JSON report and the CLI print them in English, as written
// here; the GUI translates them, context "Evidence").
constexpr std::string_view kWhoIn = QT_TRANSLATE_NOOP("Evidence", "%1 %2 in %3");
constexpr std::string_view kWhoOn = QT_TRANSLATE_NOOP("Evidence", "%1 %2 on %3");
constexpr std::string_view kFirstExample = QT_TRANSLATE_NOOP("Evidence", "; first at %1 s, device %2: %3");
constexpr std::string_view kBlockedFirst = QT_TRANSLATE_NOOP("Evidence", " (%1 by %2");
constexpr std::string_view kBlockedNext = QT_TRANSLATE_NOOP("Evidence", ", %1 by %2");
constexpr std::string_view kBlockedEnd = QT_TRANSLATE_NOOP("Evidence", ")");
constexpr std::string_view kR1Attacked =
    QT_TRANSLATE_NOOP("Evidence", ": %1 signalling PDUs attacked, %2 accepted by the receiver, %3 blocked");
constexpr std::string_view kR1AttackedOne =
    QT_TRANSLATE_NOOP("Evidence", ": %1 signalling PDU attacked, %2 accepted by the receiver, %3 blocked");
constexpr std::string_view kR1InitialAttach = QT_TRANSLATE_NOOP(
    "Evidence", "; %1 of the accepted were the initial Attach Request, which LTE sends before "
                "any security context exists (the UE security capabilities in it are checked "
                "later, through the Security Mode Command)");
constexpr std::string_view kR4Forged = QT_TRANSLATE_NOOP(
    "Evidence", ": %1 application messages forged, %2 accepted by device or server, %3 blocked");
constexpr std::string_view kR4Replayed = QT_TRANSLATE_NOOP(
    "Evidence", ": %1 application messages replayed, %2 accepted by device or server, %3 blocked");
constexpr std::string_view kR4Altered = QT_TRANSLATE_NOOP(
    "Evidence", ": %1 application messages altered, %2 accepted by device or server, %3 blocked");
constexpr std::string_view kR4ForgedOne = QT_TRANSLATE_NOOP(
    "Evidence", ": %1 application message forged, %2 accepted by device or server, %3 blocked");
constexpr std::string_view kR4ReplayedOne = QT_TRANSLATE_NOOP(
    "Evidence", ": %1 application message replayed, %2 accepted by device or server, %3 blocked");
constexpr std::string_view kR4AlteredOne = QT_TRANSLATE_NOOP(
    "Evidence", ": %1 application message altered, %2 accepted by device or server, %3 blocked");
constexpr std::string_view kR4NoEffect = QT_TRANSLATE_NOOP("Evidence", ", %1 without effect");
// Since a protection change: what acted on PDUs protected before it (no evidence about the protection since).
constexpr std::string_view kBeforeChangeOf = QT_TRANSLATE_NOOP(
    "Evidence", " (of these, on PDUs protected before the protection change: %1; no evidence about the "
                "protection since)");
constexpr std::string_view kSignallingSeenBeforeChange = QT_TRANSLATE_NOOP(
    "Evidence", ": signalling PDUs seen that were protected before the protection change: %1 (no evidence "
                "about the protection since)");
constexpr std::string_view kDataSeenBeforeChange = QT_TRANSLATE_NOOP(
    "Evidence", ": user-plane PDUs seen that were protected before the protection change: %1 (no evidence "
                "about the protection since)");
constexpr std::string_view kR2Seen =
    QT_TRANSLATE_NOOP("Evidence", ": %1 signalling PDUs seen; read %2 IMSIs, %3 NAS message bodies, %4 keys");
constexpr std::string_view kR2InitialAttach =
    QT_TRANSLATE_NOOP("Evidence", "; %1 IMSIs came from initial Attach Requests, sent in clear before any "
                                  "security context exists: LTE cannot protect them (5G's concealed "
                                  "identifier, SUCI, does)");
constexpr std::string_view kR2MmeEndpoint = QT_TRANSLATE_NOOP(
    "Evidence", ": the MME is the endpoint of NAS, so what it reads there is not a breach of "
                "R2 (%1 NAS bodies in clear inside the node)");
constexpr std::string_view kR3Seen = QT_TRANSLATE_NOOP(
    "Evidence", ": %1 user-plane PDUs seen; read %2 readings and %3 commands, %4 were ciphertext");
constexpr std::string_view kLostReadings = QT_TRANSLATE_NOOP("Evidence", ": %1 of %2 readings");
constexpr std::string_view kLostCommands = QT_TRANSLATE_NOOP("Evidence", ": %1 of %2 commands");
constexpr std::string_view kLostBoth =
    QT_TRANSLATE_NOOP("Evidence", ": %1 of %2 readings and %3 of %4 commands");
constexpr std::string_view kLostAfter =
    QT_TRANSLATE_NOOP("Evidence", " lost: genuine messages discarded after ");
constexpr std::string_view kCauseReplayed = QT_TRANSLATE_NOOP(
    "Evidence",
    "its replayed PDUs advanced the receiver's PDCP COUNT (LTE has no user-plane integrity on Uu)");
constexpr std::string_view kCauseForged = QT_TRANSLATE_NOOP(
    "Evidence", "its forged PDUs advanced the receiver's PDCP COUNT (LTE has no user-plane integrity on Uu)");
constexpr std::string_view kCauseAnd = QT_TRANSLATE_NOOP("Evidence", ", and ");
constexpr std::string_view kCauseDetach =
    QT_TRANSLATE_NOOP("Evidence", "the forged Detach Request devices accepted");
constexpr std::string_view kNotExercised =
    QT_TRANSLATE_NOOP("Evidence", "no attack in this run touched what this requirement covers");
constexpr std::string_view kNotDecided = QT_TRANSLATE_NOOP(
    "Evidence", "attacked, but no attempt was decided by the protection in force: the receivers had no "
                "security context, or the PDUs were protected before the protection change");
constexpr std::string_view kLteLimit =
    QT_TRANSLATE_NOOP("Evidence", "violated only where LTE itself cannot protect: the initial Attach Request "
                                  "travels before any security context exists");

// The terms among the arguments (context "EvidenceTerm"): the attack kinds (scenario names) and the checks
// that blocked an attack, in the order of AttackTally::blockedBy.
constexpr std::array<std::string_view, 6> kKindTerms = {
    QT_TRANSLATE_NOOP("EvidenceTerm", "eavesdrop"), QT_TRANSLATE_NOOP("EvidenceTerm", "tamper"),
    QT_TRANSLATE_NOOP("EvidenceTerm", "replay"),    QT_TRANSLATE_NOOP("EvidenceTerm", "inject"),
    QT_TRANSLATE_NOOP("EvidenceTerm", "downgrade"), QT_TRANSLATE_NOOP("EvidenceTerm", "insider")};
constexpr std::array<std::string_view, 8> kBlockedReasons = {
    QT_TRANSLATE_NOOP("EvidenceTerm", "integrity check"),
    QT_TRANSLATE_NOOP("EvidenceTerm", "replay check"),
    QT_TRANSLATE_NOOP("EvidenceTerm", "parser (did not parse)"),
    QT_TRANSLATE_NOOP("EvidenceTerm", "policy (protection required)"),
    QT_TRANSLATE_NOOP("EvidenceTerm", "duplicate PDCP COUNT check"),
    QT_TRANSLATE_NOOP("EvidenceTerm", "no context"),
    QT_TRANSLATE_NOOP("EvidenceTerm", "capability mismatch"),
    QT_TRANSLATE_NOOP("EvidenceTerm", "no effect")};

static_assert(kBlockedReasons.size() == std::tuple_size_v<decltype(AttackTally::blockedBy)>,
              "one term per DropReason");

EvidenceArg plain(std::string text)
{
    return EvidenceArg{std::move(text), false};
}

EvidenceArg count(std::uint64_t n)
{
    return plain(std::to_string(n));
}

EvidencePhrase who(const AttackTally& t)
{
    const std::string_view kind = name(t.spec.kind);
    return {t.spec.node ? kWhoIn : kWhoOn,
            {plain(t.spec.id), EvidenceArg{std::string(kind), true}, plain(t.spec.target())}};
}

void addFirstExample(EvidenceLine& line, const AttackTally& t, bool signalling)
{
    for (const AttackExample& e : t.examples) {
        if (e.signalling == signalling) {
            line.push_back({kFirstExample, {plain(formatTime(e.time)), count(e.device), plain(e.what)}});
            return;
        }
    }
}

// The checks that blocked this class's PDUs (signalling or user data); they sum to that class's blocked
// count.
void addBlockedReasons(EvidenceLine& line, const AttackTally& t, bool signalling)
{
    bool any = false;
    for (std::size_t i = 0; i < t.blockedBy.size(); ++i) {
        const std::uint64_t n = signalling
                                    ? t.signallingBlockedBy[i]
                                    : t.blockedBy[i] - std::min(t.blockedBy[i], t.signallingBlockedBy[i]);
        if (n == 0)
            continue;
        line.push_back({any ? kBlockedNext : kBlockedFirst,
                        {count(n), EvidenceArg{std::string(kBlockedReasons.at(i)), true}}});
        any = true;
    }
    if (any)
        line.push_back({kBlockedEnd, {}});
}

// Of this class's blocked PDUs, those a check refused: a receiver without a security context ("no context")
// checked nothing, so such a refusal is no evidence that a protection held.
std::uint64_t blockedByCheck(const AttackTally& t, bool signalling)
{
    const auto noContext = static_cast<std::size_t>(DropReason::NoContext);
    const std::uint64_t blocked = signalling ? t.signallingBlocked : t.dataBlocked;
    const std::uint64_t signallingNoContext = t.signallingBlockedBy[noContext];
    const std::uint64_t byNoContext =
        signalling ? signallingNoContext
                   : t.blockedBy[noContext] - std::min(t.blockedBy[noContext], signallingNoContext);
    return blocked - std::min(blocked, byNoContext);
}

bool passive(const AttackTally& t)
{
    return t.spec.kind == AttackKind::Eavesdrop || t.spec.kind == AttackKind::Insider;
}

// Whether an insider in this node is in the path of signalling between device and network without being its
// endpoint (the eNB relays NAS; the MME terminates it).
bool insiderRelaysSignalling(const AttackTally& t)
{
    return t.spec.kind != AttackKind::Insider || t.spec.node == Node::ENB;
}

void add(RequirementResult& r, EvidenceLine line, bool first = false)
{
    r.evidence.insert(first ? r.evidence.begin() : r.evidence.end(), english(line));
    r.evidenceLines.insert(first ? r.evidenceLines.begin() : r.evidenceLines.end(), std::move(line));
}

} // namespace

std::string_view requirementText(std::size_t index)
{
    return kTexts.at(index);
}

const std::vector<std::string_view>& evidencePhrases()
{
    static const std::vector<std::string_view> all = {kWhoIn,
                                                      kWhoOn,
                                                      kFirstExample,
                                                      kBlockedFirst,
                                                      kBlockedNext,
                                                      kBlockedEnd,
                                                      kR1Attacked,
                                                      kR1InitialAttach,
                                                      kR4Forged,
                                                      kR4Replayed,
                                                      kR4Altered,
                                                      kR4NoEffect,
                                                      kR2Seen,
                                                      kR2InitialAttach,
                                                      kR2MmeEndpoint,
                                                      kR3Seen,
                                                      kLostReadings,
                                                      kLostCommands,
                                                      kLostBoth,
                                                      kLostAfter,
                                                      kCauseReplayed,
                                                      kCauseForged,
                                                      kCauseAnd,
                                                      kCauseDetach,
                                                      kNotExercised,
                                                      kLteLimit,
                                                      kR1AttackedOne,
                                                      kR4ForgedOne,
                                                      kR4ReplayedOne,
                                                      kR4AlteredOne,
                                                      kBeforeChangeOf,
                                                      kSignallingSeenBeforeChange,
                                                      kDataSeenBeforeChange,
                                                      kNotDecided};
    return all;
}

const std::vector<std::string_view>& evidenceTerms()
{
    static const std::vector<std::string_view> all = [] {
        std::vector<std::string_view> v(kKindTerms.begin(), kKindTerms.end());
        v.insert(v.end(), kBlockedReasons.begin(), kBlockedReasons.end());
        return v;
    }();
    return all;
}

std::array<RequirementResult, 4> evaluateRequirements(const std::vector<AttackTally>& attacks,
                                                      const MessageAccounting& accounting)
{
    std::array<RequirementResult, 4> r;
    for (std::size_t i = 0; i < 4; ++i) {
        r[i].id = "R" + std::to_string(i + 1);
        r[i].title = std::string(kTexts[i]);
    }
    // Exercised: an attempt was decided by the protection in force (it succeeded, or a check refused it), or
    // a passive attacker saw a PDU protected under it. Touched: attacked at all (for the wording of a
    // requirement that was touched but not exercised).
    bool r1Exercised = false, r1Violated = false, r1OnlyLimit = true, r1Touched = false;
    bool r2Exercised = false, r2Violated = false, r2OnlyLimit = true, r2Touched = false;
    bool r3Exercised = false, r3Violated = false, r3Touched = false;
    bool r4Exercised = false, r4Violated = false, r4Touched = false;

    for (const AttackTally& t : attacks) {
        if (!passive(t) && t.signallingAttempts > 0) {
            r1Touched = true;
            r1Exercised = r1Exercised || t.signallingSucceeded > 0 || blockedByCheck(t, true) > 0;
            const std::uint64_t beyondLimit = t.signallingSucceeded - t.initialAttachSucceeded;
            if (t.signallingSucceeded > 0) {
                r1Violated = true;
                r1OnlyLimit = r1OnlyLimit && beyondLimit == 0;
            }
            EvidenceLine line{
                who(t),
                {t.signallingAttempts == 1 ? kR1AttackedOne : kR1Attacked,
                 {count(t.signallingAttempts), count(t.signallingSucceeded), count(t.signallingBlocked)}}};
            addBlockedReasons(line, t, true);
            const std::uint64_t signallingDecided = t.signallingSucceeded + t.signallingBlocked;
            if (t.signallingAttempts > signallingDecided) // for example an attach restarted before a decision
                line.push_back({kR4NoEffect, {count(t.signallingAttempts - signallingDecided)}});
            if (t.signallingBeforeChange > 0)
                line.push_back({kBeforeChangeOf, {count(t.signallingBeforeChange)}});
            if (t.initialAttachSucceeded > 0)
                line.push_back({kR1InitialAttach, {count(t.initialAttachSucceeded)}});
            addFirstExample(line, t, true);
            add(r[0], std::move(line));
        }
        if (!passive(t) && t.dataAttempts > 0) {
            r4Touched = true;
            r4Exercised = r4Exercised || t.dataSucceeded > 0 || blockedByCheck(t, false) > 0;
            r4Violated = r4Violated || t.dataSucceeded > 0;
            const std::uint64_t decided = t.dataSucceeded + t.dataBlocked;
            const std::uint64_t dataNoEffect = t.dataAttempts > decided ? t.dataAttempts - decided : 0;
            const bool one = t.dataAttempts == 1;
            EvidenceLine line{who(t),
                              {t.spec.kind == AttackKind::Inject   ? (one ? kR4ForgedOne : kR4Forged)
                               : t.spec.kind == AttackKind::Replay ? (one ? kR4ReplayedOne : kR4Replayed)
                                                                   : (one ? kR4AlteredOne : kR4Altered),
                               {count(t.dataAttempts), count(t.dataSucceeded), count(t.dataBlocked)}}};
            addBlockedReasons(line, t, false);
            if (dataNoEffect > 0)
                line.push_back({kR4NoEffect, {count(dataNoEffect)}});
            if (t.dataBeforeChange > 0)
                line.push_back({kBeforeChangeOf, {count(t.dataBeforeChange)}});
            addFirstExample(line, t, false);
            add(r[3], std::move(line));
        }
        if (passive(t) && t.signallingSeen > 0 && insiderRelaysSignalling(t)) {
            r2Exercised = true;
            const std::uint64_t secrets = t.imsiRead + t.nasBodiesRead + t.keysRead;
            const std::uint64_t beyondLimit = t.imsiRead - t.imsiInitialAttach + t.nasBodiesRead + t.keysRead;
            if (secrets > 0) {
                r2Violated = true;
                r2OnlyLimit = r2OnlyLimit && beyondLimit == 0;
            }
            EvidenceLine line{
                who(t),
                {kR2Seen,
                 {count(t.signallingSeen), count(t.imsiRead), count(t.nasBodiesRead), count(t.keysRead)}}};
            if (t.imsiInitialAttach > 0)
                line.push_back({kR2InitialAttach, {count(t.imsiInitialAttach)}});
            addFirstExample(line, t, true);
            add(r[1], std::move(line));
        } else if (passive(t) && t.signallingSeen > 0) {
            add(r[1], {who(t), {kR2MmeEndpoint, {count(t.nasBodiesRead)}}});
        }
        if (passive(t) && t.signallingBeforeChange > 0 && insiderRelaysSignalling(t)) {
            r2Touched = true;
            add(r[1], {who(t), {kSignallingSeenBeforeChange, {count(t.signallingBeforeChange)}}});
        }
        if (passive(t) && t.dataBeforeChange > 0) {
            r3Touched = true;
            add(r[2], {who(t), {kDataSeenBeforeChange, {count(t.dataBeforeChange)}}});
        }
        if (passive(t) && t.dataSeen > 0) {
            r3Exercised = true;
            const std::uint64_t read = t.readingsRead + t.commandsRead;
            r3Violated = r3Violated || read > 0;
            EvidenceLine line{who(t),
                              {kR3Seen,
                               {count(t.dataSeen), count(t.readingsRead), count(t.commandsRead),
                                count(t.dataCiphertextSeen)}}};
            addFirstExample(line, t, false);
            add(r[2], std::move(line));
        }
    }
    // Availability: genuine messages lost because an attacker disturbed state. Integrity may hold while they
    // are lost, so the verdict stands and the evidence says what it cost.
    for (const AttackTally& t : attacks) {
        if (t.collateral == 0)
            continue;
        r4Exercised = true;
        const std::uint64_t readings = t.collateralUplink, commands = t.collateral - t.collateralUplink;
        EvidenceLine line{who(t)};
        if (readings > 0 && commands > 0)
            line.push_back({kLostBoth,
                            {count(readings), count(accounting.uplink.sent), count(commands),
                             count(accounting.downlink.sent)}});
        else if (readings > 0)
            line.push_back({kLostReadings, {count(readings), count(accounting.uplink.sent)}});
        else
            line.push_back({kLostCommands, {count(commands), count(accounting.downlink.sent)}});
        line.push_back({kLostAfter, {}});
        if (t.collateralCounter > 0)
            line.push_back({t.spec.kind == AttackKind::Replay ? kCauseReplayed : kCauseForged, {}});
        if (t.collateralDetached > 0) {
            if (t.collateralCounter > 0)
                line.push_back({kCauseAnd, {}});
            line.push_back({kCauseDetach, {}});
        }
        add(r[3], std::move(line));
    }
    const auto verdict = [](bool exercised, bool violated) {
        return !exercised ? Verdict::NotExercised : violated ? Verdict::Violated : Verdict::Met;
    };
    r[0].verdict = verdict(r1Exercised, r1Violated);
    r[0].lteLimit = r1Violated && r1OnlyLimit;
    r[1].verdict = verdict(r2Exercised, r2Violated);
    r[1].lteLimit = r2Violated && r2OnlyLimit;
    r[2].verdict = verdict(r3Exercised, r3Violated);
    r[3].verdict = verdict(r4Exercised, r4Violated);
    const std::array<bool, 4> touched = {r1Touched, r2Touched, r3Touched, r4Touched};
    for (std::size_t i = 0; i < r.size(); ++i) {
        RequirementResult& req = r[i];
        if (req.verdict == Verdict::NotExercised)
            add(req, {{touched[i] ? kNotDecided : kNotExercised, {}}}, true);
        if (req.lteLimit)
            add(req, {{kLteLimit, {}}}, true);
    }
    return r;
}

std::string_view name(Verdict v)
{
    switch (v) {
    case Verdict::Met:
        return "met";
    case Verdict::Violated:
        return "violated";
    case Verdict::NotExercised:
        return "not-exercised";
    }
    return "not-exercised";
}

} // namespace mtcsec::engine
