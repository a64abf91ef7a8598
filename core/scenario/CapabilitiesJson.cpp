// Sets of EPS security algorithms in scenario files (TS 24.301 9.9.3.36): reading with errors by JSON path,
// and writing.
#include "core/scenario/CapabilitiesJson.h"

#include "core/scenario/JsonPathReader.h"
#include "core/scenario/ProtectionJson.h"

#include <QJsonArray>

#include <optional>
#include <string>
#include <type_traits>

namespace mtcsec::json {
namespace {

// The set of one family as a capabilities octet (bit 8 for identity 0).
template <typename Algorithm>
std::uint8_t readSet(const QJsonValue& value, const std::string& path, bool allowEmpty)
{
    constexpr bool integrity = std::is_same_v<Algorithm, crypto::IntegrityAlgorithm>;
    const char* family = integrity ? "EIA0, EIA1, EIA2, EIA3" : "EEA0, EEA1, EEA2, EEA3";
    const QJsonArray array = requireArray(value, path);
    if (array.isEmpty() && !allowEmpty)
        fail(path, std::string("an empty list: name at least one of ") + family);
    std::uint8_t octet = 0;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const std::string itemPath = element(path, i);
        const std::string text = requireString(array.at(i), itemPath);
        std::optional<Algorithm> alg;
        if constexpr (integrity)
            alg = crypto::parseIntegrityAlgorithm(text);
        else
            alg = crypto::parseCipheringAlgorithm(text);
        if (!alg)
            fail(itemPath, std::string("unknown ") + (integrity ? "integrity" : "ciphering") + " algorithm " +
                               inQuotes(text) + " (one of " + family + ")");
        const std::uint8_t bit = UeCapabilities::bit(static_cast<unsigned>(*alg));
        if ((octet & bit) != 0)
            fail(itemPath, shortName(*alg) + " is listed twice");
        octet = static_cast<std::uint8_t>(octet | bit);
    }
    return octet;
}

template <typename Algorithm>
QJsonArray setToJson(std::uint8_t octet)
{
    QJsonArray out;
    for (unsigned id = 0; id <= 3; ++id) {
        if ((octet & UeCapabilities::bit(id)) != 0)
            out.append(toQString(shortName(static_cast<Algorithm>(id))));
    }
    return out;
}

} // namespace

void readAlgorithmSets(const QJsonValue& value, std::string_view path, UeCapabilities& sets, bool allowEmpty)
{
    const ObjectReader r(requireObject(value, path), std::string(path), {"eea", "eia"});
    if (r.has("eea"))
        sets.eea = readSet<crypto::CipheringAlgorithm>(r.get("eea"), r.path("eea"), allowEmpty);
    if (r.has("eia"))
        sets.eia = readSet<crypto::IntegrityAlgorithm>(r.get("eia"), r.path("eia"), allowEmpty);
}

QJsonObject algorithmSetsToJson(const UeCapabilities& sets)
{
    return QJsonObject{{QStringLiteral("eea"), setToJson<crypto::CipheringAlgorithm>(sets.eea)},
                       {QStringLiteral("eia"), setToJson<crypto::IntegrityAlgorithm>(sets.eia)}};
}

} // namespace mtcsec::json
