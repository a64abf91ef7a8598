// Scenario files, schema "mtcsec-scenario/1" (PRODUCT.md section 8): a strict reader that names the first
// wrong field by its JSON path, a canonical writer, and atomic file input and output.
#include "core/scenario/ScenarioJson.h"

#include "core/InvalidInput.h"
#include "core/io/AtomicFile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QSaveFile>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace mtcsec {
namespace {

constexpr std::string_view kDocumentPath = "(document)";
constexpr double kMaxDurationS = 86400.0;
constexpr std::uint64_t kMaxDevices = 1'000'000;
constexpr std::uint64_t kMaxSeed = std::uint64_t{1} << 53; // every integer up to here is exact in a double
constexpr double kMaxInjectRate = 1000.0;
constexpr qint64 kMaxFileSize = qint64{16} * 1024 * 1024;
constexpr std::size_t kMaxQuotedLength = 40;

// ---- errors ----

[[noreturn]] void fail(std::string_view path, const std::string& what)
{
    throw InvalidInput(std::string(path) + ": " + what);
}

std::string member(std::string_view path, std::string_view key)
{
    if (path.empty())
        return std::string(key);
    return std::string(path) + "." + std::string(key);
}

std::string element(std::string_view path, qsizetype index)
{
    return std::string(path) + "[" + std::to_string(index) + "]";
}

std::string formatNumber(double value)
{
    std::array<char, 32> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
    return std::string(buffer.data(), result.ptr);
}

// Text from the file, quoted for an error message (and cut short when long).
std::string inQuotes(std::string_view text)
{
    if (text.size() > kMaxQuotedLength)
        return "'" + std::string(text.substr(0, kMaxQuotedLength)) + "...'";
    return "'" + std::string(text) + "'";
}

std::string describe(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return "null";
    case QJsonValue::Bool:
        return value.toBool() ? "true" : "false";
    case QJsonValue::Double:
        return "the number " + formatNumber(value.toDouble());
    case QJsonValue::String:
        return "the string " + inQuotes(value.toString().toStdString());
    case QJsonValue::Array:
        return "an array";
    case QJsonValue::Object:
        return "an object";
    case QJsonValue::Undefined:
        break;
    }
    return "nothing";
}

QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QString toQString(const std::string& text)
{
    return toQString(std::string_view(text));
}

// ---- values of one type ----

QJsonObject requireObject(const QJsonValue& value, std::string_view path)
{
    if (!value.isObject())
        fail(path, "must be an object, got " + describe(value));
    return value.toObject();
}

QJsonArray requireArray(const QJsonValue& value, std::string_view path)
{
    if (!value.isArray())
        fail(path, "must be an array, got " + describe(value));
    return value.toArray();
}

std::string requireString(const QJsonValue& value, std::string_view path)
{
    if (!value.isString())
        fail(path, "must be a string, got " + describe(value));
    return value.toString().toStdString();
}

bool requireBool(const QJsonValue& value, std::string_view path)
{
    if (!value.isBool())
        fail(path, "must be true or false, got " + describe(value));
    return value.toBool();
}

double requireNumber(const QJsonValue& value, std::string_view path)
{
    if (!value.isDouble())
        fail(path, "must be a number, got " + describe(value));
    const double x = value.toDouble();
    if (!std::isfinite(x))
        fail(path, "must be a finite number, got " + formatNumber(x));
    return x;
}

// One end of an allowed range; `label` names a field that the bound comes from ("start_s").
struct Bound {
    double value = 0.0;
    bool inclusive = true;
    std::string_view label = {};

    [[nodiscard]] std::string text() const
    {
        if (label.empty())
            return formatNumber(value);
        return std::string(label) + " (" + formatNumber(value) + ")";
    }
};

double requireNumberIn(const QJsonValue& value, std::string_view path, std::optional<Bound> low,
                       std::optional<Bound> high, std::string_view what = "a number")
{
    const double x = requireNumber(value, path);
    const bool aboveLow = !low || (low->inclusive ? x >= low->value : x > low->value);
    const bool belowHigh = !high || (high->inclusive ? x <= high->value : x < high->value);
    if (aboveLow && belowHigh)
        return x;
    std::string range;
    if (low)
        range += (low->inclusive ? " at least " : " greater than ") + low->text();
    if (low && high)
        range += " and";
    if (high)
        range += (high->inclusive ? " at most " : " less than ") + high->text();
    fail(path, "must be " + std::string(what) + range + ", got " + formatNumber(x));
}

std::uint64_t requireInteger(const QJsonValue& value, std::string_view path, std::uint64_t low,
                             std::uint64_t high)
{
    const std::string expected =
        "must be an integer from " + std::to_string(low) + " to " + std::to_string(high) + ", got ";
    if (!value.isDouble())
        fail(path, expected + describe(value));
    const double x = value.toDouble();
    if (!(std::isfinite(x) && x >= static_cast<double>(low) && x <= static_cast<double>(high) &&
          std::floor(x) == x))
        fail(path, expected + formatNumber(x));
    // Integers are kept exact by the parser when they fit in 64 bits; the double may have rounded.
    const qint64 exact = value.toInteger(-1);
    if (exact < 0 || static_cast<std::uint64_t>(exact) < low || static_cast<std::uint64_t>(exact) > high)
        fail(path, expected + std::to_string(exact));
    return static_cast<std::uint64_t>(exact);
}

// ---- objects ----

// One JSON object: refuses any key it does not know as soon as it is built, then hands out its members with
// their paths.
class ObjectReader {
public:
    ObjectReader(QJsonObject object, std::string path, std::initializer_list<std::string_view> known)
        : object_(std::move(object))
        , path_(std::move(path))
    {
        for (auto it = object_.constBegin(); it != object_.constEnd(); ++it) {
            const std::string key = it.key().toStdString();
            if (std::find(known.begin(), known.end(), key) == known.end())
                fail(member(path_, key), "unknown field");
        }
    }

    [[nodiscard]] bool has(std::string_view key) const { return object_.contains(toQString(key)); }
    [[nodiscard]] QJsonValue get(std::string_view key) const { return object_.value(toQString(key)); }
    [[nodiscard]] std::string path(std::string_view key) const { return member(path_, key); }

    // The member, which must be there; `hint` says what it should be.
    [[nodiscard]] QJsonValue required(std::string_view key, std::string_view hint) const
    {
        if (!has(key))
            fail(path(key), "missing (" + std::string(hint) + ")");
        return get(key);
    }

private:
    QJsonObject object_;
    std::string path_;
};

// ---- names ----

template <typename Enum>
std::string listOf(std::initializer_list<Enum> values)
{
    std::string out;
    for (const Enum v : values) {
        if (!out.empty())
            out += ", ";
        out += name(v);
    }
    return out;
}

const std::string& linkList()
{
    static const std::string list =
        listOf({Link::Uu, Link::S1Mme, Link::S1U, Link::S6a, Link::S5, Link::SGi});
    return list;
}

const std::string& backhaulList()
{
    static const std::string list = listOf({Link::S1Mme, Link::S1U, Link::S6a, Link::S5, Link::SGi});
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

// "EIA2", "EEA0": the short names that scenario files use.
std::string shortName(crypto::IntegrityAlgorithm alg)
{
    return "EIA" + std::to_string(static_cast<int>(alg));
}

std::string shortName(crypto::CipheringAlgorithm alg)
{
    return "EEA" + std::to_string(static_cast<int>(alg));
}

template <typename Algorithm>
std::string implementedList()
{
    std::string out;
    for (int id = 0; id <= 3; ++id) {
        const auto alg = static_cast<Algorithm>(id);
        if (!crypto::isImplemented(alg))
            continue;
        if (!out.empty())
            out += ", ";
        out += shortName(alg);
    }
    return out;
}

template <typename Algorithm>
Algorithm requireAlgorithm(const QJsonValue& value, std::string_view path)
{
    constexpr bool integrity = std::is_same_v<Algorithm, crypto::IntegrityAlgorithm>;
    const std::string text = requireString(value, path);
    std::optional<Algorithm> alg;
    if constexpr (integrity)
        alg = crypto::parseIntegrityAlgorithm(text);
    else
        alg = crypto::parseCipheringAlgorithm(text);
    if (!alg)
        fail(path, std::string("unknown ") + (integrity ? "integrity" : "ciphering") + " algorithm " +
                       inQuotes(text) + " (one of " + implementedList<Algorithm>() + ")");
    if (!crypto::isImplemented(*alg))
        fail(path, std::string(crypto::name(*alg)) + " is not implemented (" + implementedList<Algorithm>() +
                       " are)");
    return *alg;
}

// ---- protection ----

void readApp(const QJsonValue& value, std::string_view path, AppProtection& app)
{
    if (value.isString()) {
        const std::string text = value.toString().toStdString();
        const auto preset = appPreset(text);
        if (!preset)
            fail(path, "unknown application protection " + inQuotes(text) +
                           " (one of none, integrity, aead, or an object of confidentiality, integrity, "
                           "replay_protection)");
        app = *preset;
        return;
    }
    if (!value.isObject())
        fail(path, "must be none, integrity, aead or an object, got " + describe(value));
    const ObjectReader r(value.toObject(), std::string(path),
                         {"confidentiality", "integrity", "replay_protection"});
    if (r.has("confidentiality"))
        app.confidentiality = requireBool(r.get("confidentiality"), r.path("confidentiality"));
    if (r.has("integrity"))
        app.integrity = requireBool(r.get("integrity"), r.path("integrity"));
    if (r.has("replay_protection"))
        app.replayProtection = requireBool(r.get("replay_protection"), r.path("replay_protection"));
}

void readNds(const QJsonValue& value, std::string_view path, Protection& protection)
{
    const QJsonObject nds = requireObject(value, path);
    std::array<std::string, kLinkCount> seen; // the key that set each link, to catch "S1U" next to "S1-U"
    for (auto it = nds.constBegin(); it != nds.constEnd(); ++it) {
        const std::string key = it.key().toStdString();
        const std::string keyPath = member(path, key);
        const auto link = parseLink(key);
        if (!link)
            fail(keyPath, "unknown link " + inQuotes(key) + " (NDS/IP protects " + backhaulList() + ")");
        if (*link == Link::Uu)
            fail(keyPath, "NDS/IP protects backhaul links only (" + backhaulList() +
                              "); Uu is protected by AS security");
        std::string& setBy = seen.at(static_cast<std::size_t>(*link));
        if (!setBy.empty())
            fail(keyPath, "the same link as " + inQuotes(setBy));
        setBy = key;
        protection.setNds(*link, requireBool(it.value(), keyPath));
    }
}

// Applies the fields given over `protection`: a scenario's starting protection, or a change.
void readProtection(const QJsonValue& value, std::string_view path, Protection& protection)
{
    const ObjectReader r(requireObject(value, path), std::string(path), {"nas", "as", "nds", "app"});
    if (r.has("nas")) {
        const std::string nasPath = r.path("nas");
        const ObjectReader nas(requireObject(r.get("nas"), nasPath), nasPath, {"integrity", "ciphering"});
        if (nas.has("integrity"))
            protection.nas.integrity =
                requireAlgorithm<crypto::IntegrityAlgorithm>(nas.get("integrity"), nas.path("integrity"));
        if (nas.has("ciphering"))
            protection.nas.ciphering =
                requireAlgorithm<crypto::CipheringAlgorithm>(nas.get("ciphering"), nas.path("ciphering"));
    }
    if (r.has("as")) {
        const std::string asPath = r.path("as");
        const ObjectReader as(requireObject(r.get("as"), asPath), asPath,
                              {"rrc_integrity", "rrc_ciphering", "up_ciphering"});
        if (as.has("rrc_integrity"))
            protection.as.rrcIntegrity = requireAlgorithm<crypto::IntegrityAlgorithm>(
                as.get("rrc_integrity"), as.path("rrc_integrity"));
        if (as.has("rrc_ciphering"))
            protection.as.rrcCiphering = requireAlgorithm<crypto::CipheringAlgorithm>(
                as.get("rrc_ciphering"), as.path("rrc_ciphering"));
        if (as.has("up_ciphering"))
            protection.as.upCiphering =
                requireAlgorithm<crypto::CipheringAlgorithm>(as.get("up_ciphering"), as.path("up_ciphering"));
    }
    if (r.has("nds"))
        readNds(r.get("nds"), r.path("nds"), protection);
    if (r.has("app"))
        readApp(r.get("app"), r.path("app"), protection.app);
}

// ---- attacks ----

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

AttackSpec readAttack(const QJsonValue& value, std::string_view path, qsizetype index,
                      const std::vector<AttackSpec>& before)
{
    const ObjectReader r(
        requireObject(value, path), std::string(path),
        {"id", "kind", "target", "messages", "direction", "start_s", "stop_s", "rate", "replay_delay_s"});
    AttackSpec attack;

    const auto owner = [&before](const std::string& id) {
        return std::find_if(before.begin(), before.end(), [&id](const AttackSpec& a) { return a.id == id; });
    };
    if (r.has("id")) {
        attack.id = requireString(r.get("id"), r.path("id"));
        if (attack.id.empty())
            fail(r.path("id"), "must not be empty");
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
        attack.startS = requireNumberIn(r.get("start_s"), r.path("start_s"), Bound{0.0, true}, std::nullopt);
    if (r.has("stop_s"))
        attack.stopS = requireNumberIn(r.get("stop_s"), r.path("stop_s"),
                                       Bound{attack.startS, false, "start_s"}, std::nullopt);
    if (r.has("rate")) {
        if (attack.kind == AttackKind::Inject)
            attack.rate = requireNumberIn(r.get("rate"), r.path("rate"), Bound{0.0, false},
                                          Bound{kMaxInjectRate, true}, "a number of forgeries per second");
        else
            attack.rate = requireNumberIn(r.get("rate"), r.path("rate"), Bound{0.0, false}, Bound{1.0, true},
                                          "a probability");
    }
    if (r.has("replay_delay_s"))
        attack.replayDelayS = requireNumberIn(r.get("replay_delay_s"), r.path("replay_delay_s"),
                                              Bound{0.0, false}, std::nullopt);
    return attack;
}

// ---- the document ----

std::string syntaxError(const QByteArray& json, const QJsonParseError& error)
{
    // Qt reports the offset after the whitespace that follows the offending token; step back to that token's
    // line, so that a bad value at the end of a line is not reported on the next one.
    qsizetype offset = std::clamp<qsizetype>(error.offset, 0, json.size());
    while (offset > 0 && std::isspace(static_cast<unsigned char>(json.at(offset - 1))) != 0)
        --offset;
    qsizetype line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (json.at(i) == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    return "JSON syntax error at line " + std::to_string(line) + ", column " +
           std::to_string(offset - lineStart + 1) + ": " + error.errorString().toStdString();
}

void readNetwork(const QJsonValue& value, std::string_view path, Scenario& scenario)
{
    const ObjectReader r(requireObject(value, path), std::string(path), {"mcc", "mnc"});
    const auto digits = [](const std::string& text) {
        return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (r.has("mcc")) {
        scenario.mcc = requireString(r.get("mcc"), r.path("mcc"));
        if (scenario.mcc.size() != 3 || !digits(scenario.mcc))
            fail(r.path("mcc"), "must be 3 decimal digits, got " + inQuotes(scenario.mcc));
    }
    if (r.has("mnc")) {
        scenario.mnc = requireString(r.get("mnc"), r.path("mnc"));
        if (scenario.mnc.size() < 2 || scenario.mnc.size() > 3 || !digits(scenario.mnc))
            fail(r.path("mnc"), "must be 2 or 3 decimal digits, got " + inQuotes(scenario.mnc));
    }
}

void readTraffic(const QJsonValue& value, std::string_view path, TrafficPattern& traffic)
{
    const ObjectReader r(requireObject(value, path), std::string(path),
                         {"attach_spread_s", "uplink_interval_s", "downlink_interval_s"});
    if (r.has("attach_spread_s"))
        traffic.attachSpreadS = requireNumberIn(r.get("attach_spread_s"), r.path("attach_spread_s"),
                                                Bound{0.0, true}, std::nullopt);
    if (r.has("uplink_interval_s"))
        traffic.uplinkIntervalS = requireNumberIn(r.get("uplink_interval_s"), r.path("uplink_interval_s"),
                                                  Bound{0.0, false}, std::nullopt);
    if (r.has("downlink_interval_s"))
        traffic.downlinkIntervalS = requireNumberIn(
            r.get("downlink_interval_s"), r.path("downlink_interval_s"), Bound{0.0, true}, std::nullopt);
}

void readChanges(const QJsonValue& value, std::string_view path, Scenario& scenario)
{
    const QJsonArray changes = requireArray(value, path);
    Protection current = scenario.protection;
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const std::string changePath = element(path, i);
        const ObjectReader r(requireObject(changes.at(i), changePath), changePath, {"at_s", "protection"});
        const std::string atPath = r.path("at_s");
        const double at = requireNumberIn(r.required("at_s", "seconds from the start"), atPath,
                                          Bound{0.0, true}, Bound{scenario.durationS, false, "duration_s"});
        if (!scenario.changes.empty() && at < scenario.changes.back().atS)
            fail(atPath, "changes must be listed in time order; " + formatNumber(at) + " is before " +
                             element(path, i - 1) + ".at_s (" + formatNumber(scenario.changes.back().atS) +
                             ")");
        readProtection(r.required("protection", "the fields that change"), r.path("protection"), current);
        scenario.changes.push_back({.atS = at, .protection = current});
    }
}

} // namespace

// ---- writing ----

QJsonObject protectionToJson(const Protection& protection)
{
    QJsonObject nds;
    for (const Link link : kBackhaulLinks)
        nds.insert(toQString(name(link)), protection.ndsOn(link));
    QJsonValue app;
    if (const std::string appName = appProtectionName(protection.app); appName != "custom") {
        app = toQString(appName);
    } else {
        app = QJsonObject{{QStringLiteral("confidentiality"), protection.app.confidentiality},
                          {QStringLiteral("integrity"), protection.app.integrity},
                          {QStringLiteral("replay_protection"), protection.app.replayProtection}};
    }
    return QJsonObject{
        {QStringLiteral("nas"),
         QJsonObject{{QStringLiteral("integrity"), toQString(shortName(protection.nas.integrity))},
                     {QStringLiteral("ciphering"), toQString(shortName(protection.nas.ciphering))}}},
        {QStringLiteral("as"),
         QJsonObject{{QStringLiteral("rrc_integrity"), toQString(shortName(protection.as.rrcIntegrity))},
                     {QStringLiteral("rrc_ciphering"), toQString(shortName(protection.as.rrcCiphering))},
                     {QStringLiteral("up_ciphering"), toQString(shortName(protection.as.upCiphering))}}},
        {QStringLiteral("nds"), nds},
        {QStringLiteral("app"), app},
    };
}

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
    return out;
}

Scenario scenarioFromJson(const QByteArray& json)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        fail(kDocumentPath, syntaxError(json, error));
    if (!document.isObject())
        fail(kDocumentPath, std::string("the root must be a JSON object, got ") +
                                (document.isArray() ? "an array" : "something else"));
    const QJsonObject root = document.object();

    // The schema first: a file of another kind or version is refused as such, before its fields are read.
    const std::string schemaHint = "must be \"" + std::string(kScenarioSchema) + "\"";
    if (!root.contains(QStringLiteral("schema")))
        fail("schema", "missing (" + schemaHint + ")");
    const QJsonValue schema = root.value(QStringLiteral("schema"));
    if (!schema.isString() || schema.toString() != toQString(kScenarioSchema))
        fail("schema", schemaHint + ", got " + describe(schema));

    const ObjectReader r(root, std::string(),
                         {"schema", "name", "description", "seed", "duration_s", "devices", "network",
                          "traffic", "protection", "attacks", "changes"});
    Scenario scenario;
    if (r.has("name"))
        scenario.name = requireString(r.get("name"), r.path("name"));
    if (r.has("description"))
        scenario.description = requireString(r.get("description"), r.path("description"));
    if (r.has("seed"))
        scenario.seed = requireInteger(r.get("seed"), r.path("seed"), 0, kMaxSeed);
    if (r.has("duration_s"))
        scenario.durationS = requireNumberIn(r.get("duration_s"), r.path("duration_s"), Bound{0.0, false},
                                             Bound{kMaxDurationS, true});
    if (r.has("devices"))
        scenario.devices =
            static_cast<std::uint32_t>(requireInteger(r.get("devices"), r.path("devices"), 1, kMaxDevices));
    if (r.has("network"))
        readNetwork(r.get("network"), r.path("network"), scenario);
    if (r.has("traffic"))
        readTraffic(r.get("traffic"), r.path("traffic"), scenario.traffic);
    if (r.has("protection"))
        readProtection(r.get("protection"), r.path("protection"), scenario.protection);
    if (r.has("attacks")) {
        const std::string attacksPath = r.path("attacks");
        const QJsonArray attacks = requireArray(r.get("attacks"), attacksPath);
        for (qsizetype i = 0; i < attacks.size(); ++i)
            scenario.attacks.push_back(
                readAttack(attacks.at(i), element(attacksPath, i), i, scenario.attacks));
    }
    if (r.has("changes"))
        readChanges(r.get("changes"), r.path("changes"), scenario);
    return scenario;
}

QByteArray scenarioToJson(const Scenario& scenario)
{
    QJsonArray attacks;
    for (const AttackSpec& attack : scenario.attacks)
        attacks.append(attackToJson(attack));
    QJsonArray changes;
    for (const ProtectionChange& change : scenario.changes)
        changes.append(QJsonObject{{QStringLiteral("at_s"), change.atS},
                                   {QStringLiteral("protection"), protectionToJson(change.protection)}});
    const QJsonObject root{
        {QStringLiteral("schema"), toQString(kScenarioSchema)},
        {QStringLiteral("name"), toQString(scenario.name)},
        {QStringLiteral("description"), toQString(scenario.description)},
        {QStringLiteral("seed"), static_cast<qint64>(scenario.seed)},
        {QStringLiteral("duration_s"), scenario.durationS},
        {QStringLiteral("devices"), static_cast<qint64>(scenario.devices)},
        {QStringLiteral("network"), QJsonObject{{QStringLiteral("mcc"), toQString(scenario.mcc)},
                                                {QStringLiteral("mnc"), toQString(scenario.mnc)}}},
        {QStringLiteral("traffic"),
         QJsonObject{{QStringLiteral("attach_spread_s"), scenario.traffic.attachSpreadS},
                     {QStringLiteral("uplink_interval_s"), scenario.traffic.uplinkIntervalS},
                     {QStringLiteral("downlink_interval_s"), scenario.traffic.downlinkIntervalS}}},
        {QStringLiteral("protection"), protectionToJson(scenario.protection)},
        {QStringLiteral("attacks"), attacks},
        {QStringLiteral("changes"), changes},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Scenario loadScenarioFile(const QString& path)
{
    const std::string file = path.toStdString();
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        throw InvalidInput(file + ": cannot read: " + in.errorString().toStdString());
    const QByteArray json = in.read(kMaxFileSize + 1);
    if (in.error() != QFileDevice::NoError)
        throw InvalidInput(file + ": cannot read: " + in.errorString().toStdString());
    if (json.size() > kMaxFileSize)
        throw InvalidInput(file + ": cannot read: larger than " +
                           std::to_string(kMaxFileSize / (1024 * 1024)) + " MiB, too large for a scenario");
    try {
        return scenarioFromJson(json);
    } catch (const InvalidInput& e) {
        throw InvalidInput(file + ": " + e.what());
    }
}

void saveScenarioFile(const Scenario& scenario, const QString& path)
{
    io::writeFileAtomically(path, scenarioToJson(scenario));
}

} // namespace mtcsec
