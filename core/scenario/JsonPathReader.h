// Reading JSON values by their path ("attacks[0].rate"), for the scenario reader: errors that name the path,
// values of one type, numbers within bounds, and objects that refuse keys they do not know.
#pragma once

#include "core/scenario/ScenarioLimits.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace mtcsec::json {

// Throws InvalidInput "PATH: WHAT".
[[noreturn]] void fail(std::string_view path, const std::string& what);

// The root object of a JSON document, its text checked (checkJsonText: unique keys, no control characters).
// Throws InvalidInput "(document): JSON syntax error at line L, column C: why" or "(document): the root must
// be a JSON object, got an array", or checkJsonText's error.
[[nodiscard]] QJsonObject readDocument(const QByteArray& json);

// "path.key" (or "key" at the root) and "path[index]".
[[nodiscard]] std::string member(std::string_view path, std::string_view key);
[[nodiscard]] std::string element(std::string_view path, qsizetype index);

// The shortest text that reads back as `value` ("0.5", "1e-07").
[[nodiscard]] std::string formatNumber(double value);
// Text from the file, quoted for an error message (and cut short when long).
[[nodiscard]] std::string inQuotes(std::string_view text);
// What a value is, for an error message: "null", "the number 7", "the string 'x'", "an array".
[[nodiscard]] std::string describe(const QJsonValue& value);

[[nodiscard]] QString toQString(std::string_view text);
[[nodiscard]] QString toQString(const std::string& text);

// A value of one type, or InvalidInput "PATH: must be ..., got ...".
[[nodiscard]] QJsonObject requireObject(const QJsonValue& value, std::string_view path);
[[nodiscard]] QJsonArray requireArray(const QJsonValue& value, std::string_view path);
[[nodiscard]] std::string requireString(const QJsonValue& value, std::string_view path);
[[nodiscard]] bool requireBool(const QJsonValue& value, std::string_view path);
// A string of at most `maxLength` Unicode code points, or InvalidInput "PATH: must be at most N characters,
// got M".
[[nodiscard]] std::string requireText(const QJsonValue& value, std::string_view path, std::size_t maxLength);
// A finite number.
[[nodiscard]] double requireNumber(const QJsonValue& value, std::string_view path);

// A finite number within `range` (see ScenarioLimits.h); -0 is read as 0. Throws InvalidInput
// "PATH: must be from 0.001 to 86400 seconds, got 1e-07".
[[nodiscard]] double requireNumberIn(const QJsonValue& value, std::string_view path,
                                     const NumberRange& range);
// The text of a range for a message: "from 0.001 to 86400 seconds", "a probability above 0 and at most 1".
[[nodiscard]] std::string rangeText(const NumberRange& range);

// A whole number from `low` to `high`, exact (JSON numbers are exact up to 2^53). Throws InvalidInput
// "PATH: must be a whole number from LOW to HIGH, got X".
[[nodiscard]] std::uint64_t requireInteger(const QJsonValue& value, std::string_view path, std::uint64_t low,
                                           std::uint64_t high);

// Whether `text` is 1 to `maxLength` characters of A-Z, a-z, 0-9, '-', '_' and '.' (safe in every output:
// CSV cells, HTML, file names).
[[nodiscard]] bool isSafeId(std::string_view text, std::size_t maxLength);

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

// "a, b, c": the names of enum values.
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

} // namespace mtcsec::json
