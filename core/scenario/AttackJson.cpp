// One element of a scenario's "attacks" array: reading (with errors by JSON path) and writing.
#include "core/scenario/AttackJson.h"

#include "core/scenario/CapabilitiesJson.h"
#include "core/scenario/JsonPathReader.h"
#include "core/scenario/ScenarioJson.h"
#include "core/scenario/ScenarioLimits.h"

#include <algorithm>
#include <optional>
#include <string>

namespace mtcsec::json {
namespace {

const std::string& linkList()
{
    static const std::string list =
        listOf({Link::Uu, Link::S1Mme, Link::S1U, Link::S6a, Link::S5, Link::SGi});
    return list;
}

const std::string& insiderNodeList()
{
    static const std::string list = listOf({Node::ENB, Node::MME, Node::SGW, Node::PGW});
    return list;
}

const std::string& attackKindList()
{
    static const std::string list = listOf({AttackKind::Eavesdrop, AttackKind::Tamper, AttackKind::Replay,
                                            AttackKind::Inject, AttackKind::Downgrade, AttackKind::Insider});
    return list;
}

bool isInsiderNode(Node node)
{
    return node == Node::ENB || node == Node::MME || node == Node::SGW || node == Node::PGW;
}
std::string defaultAttackId(qsizetype index)
{
    return "a" + std::to_string(index + 1);
}

void readTarget(const ObjectReader& r, AttackSpec& attack)
{
    const std::string kind(name(attack.kind));
    std::string hint;
    switch (attack.kind) {
    case AttackKind::Insider:
        hint = "a node: one of " + insiderNodeList();
        break;
    case AttackKind::Downgrade:
        hint = "Uu";
        break;
    default:
        hint = "a link: one of " + linkList();
        break;
    }
    const std::string path = r.path("target");
    const std::string text = requireString(r.required("target", hint), path);
    const auto link = parseLink(text);
    const auto node = parseNode(text);
    switch (attack.kind) {
    case AttackKind::Insider:
        if (!node || !isInsiderNode(*node))
            fail(path, "an insider sits in a node, one of " + insiderNodeList() + "; got " + inQuotes(text));
        attack.node = node;
        return;
    case AttackKind::Downgrade:
        if (link != Link::Uu)
            fail(path, "downgrade edits the Attach Request on the radio, so its target is Uu; got " +
                           inQuotes(text));
        attack.link = link;
        return;
    default:
        if (!link)
            fail(path, kind + " needs a link, one of " + linkList() + "; got " +
                           (node ? "the node " + inQuotes(text) : inQuotes(text)));
        attack.link = link;
        return;
    }
}

} // namespace

AttackSpec readAttack(const QJsonValue& value, std::string_view path, qsizetype index,
                      const std::vector<AttackSpec>& before)
{
    const ObjectReader r(requireObject(value, path), std::string(path),
                         {"id", "kind", "target", "messages", "direction", "start_s", "stop_s", "rate",
                          "replay_delay_s", "strip"});
    AttackSpec attack;

    const auto owner = [&before](const std::string& id) {
        return std::find_if(before.begin(), before.end(), [&id](const AttackSpec& a) { return a.id == id; });
    };
    if (r.has("id")) {
        attack.id = requireString(r.get("id"), r.path("id"));
        if (!isSafeId(attack.id, kMaxAttackIdLength))
            fail(r.path("id"), "must be 1 to " + std::to_string(kMaxAttackIdLength) +
                                   " letters, digits, '-', '_' or '.', got " + inQuotes(attack.id));
        if (owner(attack.id) != before.end())
            fail(r.path("id"), "duplicate id " + inQuotes(attack.id));
    } else {
        attack.id = defaultAttackId(index);
        if (const auto it = owner(attack.id); it != before.end())
            fail(r.path("id"), "duplicate id " + inQuotes(attack.id) +
                                   " (the default for this attack, taken by " +
                                   element("attacks", it - before.begin()) + "): give this attack an id");
    }

    const std::string kindPath = r.path("kind");
    const std::string kindText = requireString(r.required("kind", "one of " + attackKindList()), kindPath);
    const auto kind = parseAttackKind(kindText);
    if (!kind)
        fail(kindPath, "unknown attack kind " + inQuotes(kindText) + " (one of " + attackKindList() + ")");
    attack.kind = *kind;

    readTarget(r, attack);

    if (r.has("messages")) {
        const std::string text = requireString(r.get("messages"), r.path("messages"));
        const auto filter = parseMessageFilter(text);
        if (!filter)
            fail(r.path("messages"),
                 "unknown message filter " + inQuotes(text) + " (one of all, data, signalling)");
        attack.messages = *filter;
    }
    if (r.has("direction")) {
        const std::string text = requireString(r.get("direction"), r.path("direction"));
        const auto filter = parseDirectionFilter(text);
        if (!filter)
            fail(r.path("direction"),
                 "unknown direction " + inQuotes(text) + " (one of both, uplink, downlink)");
        attack.direction = *filter;
    }
    if (r.has("start_s"))
        attack.startS = requireNumberIn(r.get("start_s"), r.path("start_s"), kAttackStartRange);
    if (r.has("stop_s")) {
        const NumberRange range{{attack.startS, false, "start_s"}, kAttackStartRange.high, "seconds"};
        attack.stopS = requireNumberIn(r.get("stop_s"), r.path("stop_s"), range);
    }
    if (r.has("rate"))
        attack.rate =
            requireNumberIn(r.get("rate"), r.path("rate"),
                            attack.kind == AttackKind::Inject ? kInjectRateRange : kProbabilityRange);
    if (r.has("replay_delay_s"))
        attack.replayDelayS =
            requireNumberIn(r.get("replay_delay_s"), r.path("replay_delay_s"), kReplayDelayRange);
    if (r.has("strip")) {
        // The algorithms to remove from the Attach Request's capabilities: exactly those listed.
        const std::string stripPath = r.path("strip");
        if (attack.kind != AttackKind::Downgrade)
            fail(stripPath, "only a downgrade strips algorithms, not " + std::string(name(attack.kind)));
        attack.strip = {.eea = 0, .eia = 0};
        readAlgorithmSets(r.get("strip"), stripPath, attack.strip, true);
        if (attack.strip.eea == 0 && attack.strip.eia == 0)
            fail(stripPath, "strips nothing: name at least one algorithm in \"eea\" or \"eia\"");
    }
    return attack;
}

} // namespace mtcsec::json

namespace mtcsec {

using json::toQString;

QJsonObject attackToJson(const AttackSpec& attack)
{
    QJsonObject out{
        {QStringLiteral("id"), toQString(attack.id)},
        {QStringLiteral("kind"), toQString(name(attack.kind))},
        {QStringLiteral("target"), toQString(attack.target())},
        {QStringLiteral("messages"), toQString(name(attack.messages))},
        {QStringLiteral("direction"), toQString(name(attack.direction))},
        {QStringLiteral("start_s"), attack.startS},
        {QStringLiteral("rate"), attack.rate},
        {QStringLiteral("replay_delay_s"), attack.replayDelayS},
    };
    if (attack.stopS)
        out.insert(QStringLiteral("stop_s"), *attack.stopS);
    if (attack.kind == AttackKind::Downgrade)
        out.insert(QStringLiteral("strip"), json::algorithmSetsToJson(attack.strip));
    return out;
}

} // namespace mtcsec
