// Reading JSON values by their path: errors, values of one type, numbers within bounds.
#include "core/scenario/JsonPathReader.h"

#include "core/InvalidInput.h"
#include "core/scenario/JsonTextCheck.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>

namespace mtcsec::json {
namespace {

constexpr std::size_t kMaxQuotedLength = 40;
constexpr std::string_view kDocumentPath = "(document)";

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

} // namespace

[[noreturn]] void fail(std::string_view path, const std::string& what)
{
    throw InvalidInput(std::string(path) + ": " + what);
}

QJsonObject readDocument(const QByteArray& json)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        fail(kDocumentPath, syntaxError(json, error));
    if (!document.isObject())
        fail(kDocumentPath, std::string("the root must be a JSON object, got ") +
                                (document.isArray() ? "an array" : "something else"));
    checkJsonText(json);
    return document.object();
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

std::string requireText(const QJsonValue& value, std::string_view path, std::size_t maxLength)
{
    std::string text = requireString(value, path);
    const auto length = static_cast<std::size_t>(std::count_if(
        text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xc0) != 0x80; }));
    if (length > maxLength)
        fail(path,
             "must be at most " + std::to_string(maxLength) + " characters, got " + std::to_string(length));
    return text;
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

namespace {

std::string boundText(const Bound& bound)
{
    if (bound.label.empty())
        return formatNumber(bound.value);
    return std::string(bound.label) + " (" + formatNumber(bound.value) + ")";
}

} // namespace

std::string rangeText(const NumberRange& range)
{
    std::string out = range.noun.empty() ? std::string() : std::string(range.noun) + " ";
    if (range.low.inclusive && range.high.inclusive && range.low.label.empty() && range.high.label.empty())
        out += "from " + boundText(range.low) + " to " + boundText(range.high);
    else
        out += (range.low.inclusive ? "at least " : "above ") + boundText(range.low) +
               (range.high.inclusive ? " and at most " : " and below ") + boundText(range.high);
    if (!range.unit.empty())
        out += " " + std::string(range.unit);
    return out;
}

double requireNumberIn(const QJsonValue& value, std::string_view path, const NumberRange& range)
{
    const double x = requireNumber(value, path);
    const bool aboveLow = range.low.inclusive ? x >= range.low.value : x > range.low.value;
    const bool belowHigh = range.high.inclusive ? x <= range.high.value : x < range.high.value;
    if (!(aboveLow && belowHigh))
        fail(path, "must be " + rangeText(range) + ", got " + formatNumber(x));
    return x + 0.0; // -0 becomes 0
}

std::uint64_t requireInteger(const QJsonValue& value, std::string_view path, std::uint64_t low,
                             std::uint64_t high)
{
    const std::string expected =
        "must be a whole number from " + std::to_string(low) + " to " + std::to_string(high) + ", got ";
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
bool isSafeId(std::string_view text, std::size_t maxLength)
{
    return !text.empty() && text.size() <= maxLength && std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
               c == '_' || c == '.';
    });
}

} // namespace mtcsec::json
