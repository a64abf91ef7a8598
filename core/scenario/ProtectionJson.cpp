// The "protection" object of a scenario: reading (with errors by JSON path) and writing.
#include "core/scenario/ProtectionJson.h"

#include "core/scenario/JsonPathReader.h"
#include "core/scenario/ScenarioJson.h"

#include <QJsonArray>

#include <algorithm>
#include <array>
#include <optional>
#include <type_traits>
#include <vector>

namespace mtcsec::json {
namespace {

const std::string& backhaulList()
{
    static const std::string list = listOf({Link::S1Mme, Link::S1U, Link::S6a, Link::S5, Link::SGi});
    return list;
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

// One use's algorithm: a single name (the operator's first choice, the list built from it) or the operator's
// priority list, highest priority first (TS 33.401 7.2.4.2, 7.2.4.3).
template <typename Algorithm>
void readChoice(const QJsonValue& value, const std::string& path, Algorithm& first,
                std::vector<Algorithm>& list)
{
    if (!value.isArray()) {
        if (!value.isString())
            fail(path, "must be an algorithm name or a priority list of them (highest priority first), got " +
                           describe(value));
        first = requireAlgorithm<Algorithm>(value, path);
        list.clear();
        return;
    }
    const QJsonArray array = value.toArray();
    if (array.isEmpty())
        fail(path, "an empty priority list: name at least one algorithm, highest priority first");
    std::vector<Algorithm> out;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const std::string itemPath = element(path, i);
        const Algorithm alg = requireAlgorithm<Algorithm>(array.at(i), itemPath);
        const auto earlier = std::find(out.begin(), out.end(), alg);
        if (earlier != out.end())
            fail(itemPath,
                 shortName(alg) + " is listed twice (also " + element(path, earlier - out.begin()) + ")");
        out.push_back(alg);
    }
    first = out.front();
    list = std::move(out);
}

template <typename Algorithm>
QJsonValue choiceToJson(Algorithm first, const std::vector<Algorithm>& list)
{
    if (!isPriorityListOf(list, first))
        return toQString(shortName(first));
    QJsonArray out;
    for (const Algorithm alg : list)
        out.append(toQString(shortName(alg)));
    return out;
}

// ---- protection ----

void readApp(const QJsonValue& value, std::string_view path, AppProtection& app)
{
    if (value.isString()) {
        const std::string text = value.toString().toStdString();
        const auto preset = appPreset(text);
        if (!preset)
            fail(path, "unknown application protection " + inQuotes(text) +
                           " (one of none, integrity, aead, oscore, dtls, or an object of confidentiality, "
                           "integrity, "
                           "replay_protection)");
        app = *preset;
        return;
    }
    if (!value.isObject())
        fail(path, "must be none, integrity, aead, oscore, dtls or an object, got " + describe(value));
    const ObjectReader r(value.toObject(), std::string(path),
                         {"confidentiality", "integrity", "replay_protection"});
    if (r.has("confidentiality"))
        app.confidentiality = requireBool(r.get("confidentiality"), r.path("confidentiality"));
    if (r.has("integrity"))
        app.integrity = requireBool(r.get("integrity"), r.path("integrity"));
    if (r.has("replay_protection"))
        app.replayProtection = requireBool(r.get("replay_protection"), r.path("replay_protection"));
    app.dtls = false; // the switches are the teaching header's; DTLS is named "dtls"
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

} // namespace

// "EIA2", "EEA0": the short names that scenario files use.
std::string shortName(crypto::IntegrityAlgorithm alg)
{
    return "EIA" + std::to_string(static_cast<int>(alg));
}

std::string shortName(crypto::CipheringAlgorithm alg)
{
    return "EEA" + std::to_string(static_cast<int>(alg));
}

// Applies the fields given over `protection`: a scenario's starting protection, or a change.
void readProtection(const QJsonValue& value, std::string_view path, Protection& protection)
{
    const ObjectReader r(requireObject(value, path), std::string(path), {"nas", "as", "nds", "app"});
    if (r.has("nas")) {
        const std::string nasPath = r.path("nas");
        const ObjectReader nas(requireObject(r.get("nas"), nasPath), nasPath, {"integrity", "ciphering"});
        if (nas.has("integrity"))
            readChoice(nas.get("integrity"), nas.path("integrity"), protection.nas.integrity,
                       protection.nas.integrityList);
        if (nas.has("ciphering"))
            readChoice(nas.get("ciphering"), nas.path("ciphering"), protection.nas.ciphering,
                       protection.nas.cipheringList);
    }
    if (r.has("as")) {
        const std::string asPath = r.path("as");
        const ObjectReader as(requireObject(r.get("as"), asPath), asPath,
                              {"rrc_integrity", "rrc_ciphering", "up_ciphering"});
        AsProtection& p = protection.as;
        if (as.has("rrc_integrity"))
            readChoice(as.get("rrc_integrity"), as.path("rrc_integrity"), p.rrcIntegrity, p.rrcIntegrityList);
        if (as.has("rrc_ciphering"))
            readChoice(as.get("rrc_ciphering"), as.path("rrc_ciphering"), p.rrcCiphering, p.rrcCipheringList);
        if (as.has("up_ciphering"))
            readChoice(as.get("up_ciphering"), as.path("up_ciphering"), p.upCiphering, p.upCipheringList);
    }
    if (r.has("nds"))
        readNds(r.get("nds"), r.path("nds"), protection);
    if (r.has("app"))
        readApp(r.get("app"), r.path("app"), protection.app);
}

} // namespace mtcsec::json

namespace mtcsec {

using json::choiceToJson;
using json::toQString;

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
    const NasProtection& nasP = protection.nas;
    const AsProtection& asP = protection.as;
    return QJsonObject{
        {QStringLiteral("nas"),
         QJsonObject{{QStringLiteral("integrity"), choiceToJson(nasP.integrity, nasP.integrityList)},
                     {QStringLiteral("ciphering"), choiceToJson(nasP.ciphering, nasP.cipheringList)}}},
        {QStringLiteral("as"),
         QJsonObject{{QStringLiteral("rrc_integrity"), choiceToJson(asP.rrcIntegrity, asP.rrcIntegrityList)},
                     {QStringLiteral("rrc_ciphering"), choiceToJson(asP.rrcCiphering, asP.rrcCipheringList)},
                     {QStringLiteral("up_ciphering"), choiceToJson(asP.upCiphering, asP.upCipheringList)}}},
        {QStringLiteral("nds"), nds},
        {QStringLiteral("app"), app},
    };
}

} // namespace mtcsec
