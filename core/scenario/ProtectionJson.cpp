// The "protection" object of a scenario: reading (with errors by JSON path) and writing.
#include "core/scenario/ProtectionJson.h"

#include "core/scenario/JsonPathReader.h"
#include "core/scenario/ScenarioJson.h"

#include <array>
#include <optional>
#include <type_traits>

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

} // namespace mtcsec::json

namespace mtcsec {

using json::shortName;
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

} // namespace mtcsec
