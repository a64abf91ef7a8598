// R1-R4 verdicts with evidence, from the attack tallies (never from the configuration).
#include "core/engine/Requirements.h"

#include "core/crypto/Hex.h"

#include <array>

namespace mtcsec::engine {
namespace {

constexpr std::array<std::string_view, 4> kTexts = {
    "Signalling between MTC device and 3GPP network entities is integrity protected, on the air interface "
    "and in "
    "the network domain (shall).",
    "Signalling between MTC device and 3GPP network entities is confidentiality protected, on the air "
    "interface "
    "and in the network domain (should).",
    "MTC application data transfer is confidential: no eavesdropping at any point in the network (should).",
    "MTC device and MTC server verify the integrity of the application data they exchange (should)."};

std::string who(const AttackTally& t)
{
    return t.spec.id + " " + std::string(name(t.spec.kind)) + (t.spec.node ? " in " : " on ") +
           t.spec.target();
}

std::string firstExample(const AttackTally& t, bool signalling)
{
    for (const AttackExample& e : t.examples) {
        if (e.signalling == signalling)
            return "; first at " + formatTime(e.time) + " s, device " + std::to_string(e.device) + ": " +
                   e.what;
    }
    return "";
}

std::string blockedReasons(const AttackTally& t)
{
    static constexpr std::array<std::string_view, 8> reasons = {"integrity check",
                                                                "replay check",
                                                                "parser (did not parse)",
                                                                "policy (protection required)",
                                                                "duplicate PDCP COUNT check",
                                                                "no context",
                                                                "capability mismatch",
                                                                "no effect"};
    std::string out;
    for (std::size_t i = 0; i < t.blockedBy.size(); ++i) {
        if (t.blockedBy[i] == 0)
            continue;
        out += out.empty() ? " (" : ", ";
        out += std::to_string(t.blockedBy[i]) + " by " + std::string(reasons[i]);
    }
    return out.empty() ? out : out + ")";
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

} // namespace

std::string_view requirementText(std::size_t index)
{
    return kTexts.at(index);
}

std::array<RequirementResult, 4> evaluateRequirements(const std::vector<AttackTally>& attacks,
                                                      const MessageAccounting& accounting)
{
    std::array<RequirementResult, 4> r;
    for (std::size_t i = 0; i < 4; ++i) {
        r[i].id = "R" + std::to_string(i + 1);
        r[i].title = std::string(kTexts[i]);
    }
    bool r1Exercised = false, r1Violated = false, r1OnlyLimit = true;
    bool r2Exercised = false, r2Violated = false, r2OnlyLimit = true;
    bool r3Exercised = false, r3Violated = false;
    bool r4Exercised = false, r4Violated = false;

    for (const AttackTally& t : attacks) {
        if (!passive(t) && t.signallingAttempts > 0) {
            r1Exercised = true;
            const std::uint64_t beyondLimit = t.signallingSucceeded - t.initialAttachSucceeded;
            if (t.signallingSucceeded > 0) {
                r1Violated = true;
                r1OnlyLimit = r1OnlyLimit && beyondLimit == 0;
            }
            std::string line = who(t) + ": " + std::to_string(t.signallingAttempts) +
                               " signalling PDUs attacked, " + std::to_string(t.signallingSucceeded) +
                               " accepted by the receiver, " + std::to_string(t.signallingBlocked) +
                               " blocked" + blockedReasons(t);
            if (t.initialAttachSucceeded > 0)
                line +=
                    "; " + std::to_string(t.initialAttachSucceeded) +
                    " of the accepted were the initial Attach Request, which LTE sends before any security "
                    "context exists (the UE security capabilities in it are checked later, through the "
                    "Security Mode Command)";
            r[0].evidence.push_back(line + firstExample(t, true));
        }
        if (!passive(t) && t.dataAttempts > 0) {
            r4Exercised = true;
            r4Violated = r4Violated || t.dataSucceeded > 0;
            const std::uint64_t decided = t.dataSucceeded + t.dataBlocked;
            const std::uint64_t dataNoEffect = t.dataAttempts > decided ? t.dataAttempts - decided : 0;
            r[3].evidence.push_back(
                who(t) + ": " + std::to_string(t.dataAttempts) + " application messages " +
                (t.spec.kind == AttackKind::Inject   ? "forged"
                 : t.spec.kind == AttackKind::Replay ? "replayed"
                                                     : "altered") +
                ", " + std::to_string(t.dataSucceeded) + " accepted by device or server, " +
                std::to_string(t.dataBlocked) + " blocked" + blockedReasons(t) +
                (dataNoEffect > 0 ? ", " + std::to_string(dataNoEffect) + " without effect" : std::string()) +
                firstExample(t, false));
        }
        if (passive(t) && t.signallingSeen > 0 && insiderRelaysSignalling(t)) {
            r2Exercised = true;
            const std::uint64_t secrets = t.imsiRead + t.nasBodiesRead + t.keysRead;
            const std::uint64_t beyondLimit = t.imsiRead - t.imsiInitialAttach + t.nasBodiesRead + t.keysRead;
            if (secrets > 0) {
                r2Violated = true;
                r2OnlyLimit = r2OnlyLimit && beyondLimit == 0;
            }
            std::string line = who(t) + ": " + std::to_string(t.signallingSeen) +
                               " signalling PDUs seen; read " + std::to_string(t.imsiRead) + " IMSIs, " +
                               std::to_string(t.nasBodiesRead) + " NAS message bodies, " +
                               std::to_string(t.keysRead) + " keys";
            if (t.imsiInitialAttach > 0)
                line += "; " + std::to_string(t.imsiInitialAttach) +
                        " IMSIs came from initial Attach Requests, sent in clear before any security context "
                        "exists: LTE cannot protect them (5G's concealed identifier, SUCI, does)";
            r[1].evidence.push_back(line + firstExample(t, true));
        } else if (passive(t) && t.signallingSeen > 0) {
            r[1].evidence.push_back(who(t) +
                                    ": the MME is the endpoint of NAS, so what it reads there is not a "
                                    "breach of R2 (" +
                                    std::to_string(t.nasBodiesRead) +
                                    " NAS bodies in clear inside the node)");
        }
        if (passive(t) && t.dataSeen > 0) {
            r3Exercised = true;
            const std::uint64_t read = t.readingsRead + t.commandsRead;
            r3Violated = r3Violated || read > 0;
            r[2].evidence.push_back(who(t) + ": " + std::to_string(t.dataSeen) +
                                    " user-plane PDUs seen; read " + std::to_string(t.readingsRead) +
                                    " readings and " + std::to_string(t.commandsRead) + " commands, " +
                                    std::to_string(t.dataCiphertextSeen) + " were ciphertext" +
                                    firstExample(t, false));
        }
    }
    // Availability: genuine messages lost because an attacker disturbed state. Integrity may hold while they
    // are lost, so the verdict stands and the evidence says what it cost.
    for (const AttackTally& t : attacks) {
        if (t.collateral == 0)
            continue;
        r4Exercised = true;
        const std::uint64_t readings = t.collateralUplink, commands = t.collateral - t.collateralUplink;
        std::string lost;
        if (readings > 0)
            lost = std::to_string(readings) + " of " + std::to_string(accounting.uplink.sent) + " readings";
        if (commands > 0)
            lost += (lost.empty() ? "" : " and ") + std::to_string(commands) + " of " +
                    std::to_string(accounting.downlink.sent) + " commands";
        std::string cause;
        if (t.collateralCounter > 0)
            cause = "its " + std::string(t.spec.kind == AttackKind::Replay ? "replayed" : "forged") +
                    " PDUs advanced the receiver's PDCP COUNT (LTE has no user-plane integrity on Uu)";
        if (t.collateralDetached > 0)
            cause +=
                (cause.empty() ? "" : ", and ") + std::string("the forged Detach Request devices accepted");
        r[3].evidence.push_back(who(t) + ": " + lost + " lost: genuine messages discarded after " + cause);
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
    for (auto& req : r) {
        if (req.verdict == Verdict::NotExercised)
            req.evidence.insert(req.evidence.begin(),
                                "no attack in this run touched what this requirement covers");
        if (req.lteLimit)
            req.evidence.insert(
                req.evidence.begin(),
                "violated only where LTE itself cannot protect: the initial Attach Request travels "
                "before any security context exists");
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
