// Parser of the known-answer test-set text format ("[name]" sections of "Key = value" lines).
#include "core/crypto/TestSets.h"

#include "core/InvalidInput.h"

#include <algorithm>

namespace mtcsec::crypto {
namespace {

std::string_view trim(std::string_view text)
{
    constexpr std::string_view kSpace = " \t\r\f\v";
    const std::size_t first = text.find_first_not_of(kSpace);
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

[[noreturn]] void fail(std::size_t lineNumber, const std::string& what)
{
    throw InvalidInput("line " + std::to_string(lineNumber) + ": " + what);
}

// The offending line as quoted in an error, shortened so that a long hex value does not swamp the message.
std::string quote(std::string_view line)
{
    constexpr std::size_t kMax = 40;
    return "\"" + std::string(line.substr(0, kMax)) + (line.size() > kMax ? "...\"" : "\"");
}

} // namespace

std::string TestSet::field(std::string_view key) const
{
    const auto it = std::ranges::find(fields, key, [](const auto& f) { return std::string_view(f.first); });
    if (it == fields.end())
        throw InvalidInput("test set \"" + name + "\" has no field " + std::string(key));
    return it->second;
}

bool TestSet::hasField(std::string_view key) const
{
    return std::ranges::any_of(fields, [key](const auto& f) { return f.first == key; });
}

std::vector<TestSet> parseTestSets(std::string_view text)
{
    std::vector<TestSet> sets;
    std::size_t lineNumber = 0;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        const std::string_view line = trim(text.substr(0, end));
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
        ++lineNumber;
        if (line.empty() || line.front() == '#')
            continue;
        if (line.front() == '[' && line.back() == ']') {
            const std::string_view name = trim(line.substr(1, line.size() - 2));
            if (name.empty())
                fail(lineNumber, "empty test set name");
            if (std::ranges::any_of(sets, [name](const TestSet& s) { return s.name == name; }))
                fail(lineNumber, "test set \"" + std::string(name) + "\" given twice");
            sets.push_back(TestSet{std::string(name), {}});
            continue;
        }
        const std::size_t eq = line.find('=');
        const std::string_view key =
            eq == std::string_view::npos ? std::string_view{} : trim(line.substr(0, eq));
        if (key.empty())
            fail(lineNumber, "expected [name] or Key = value, got " + quote(line));
        if (sets.empty())
            fail(lineNumber, "field " + std::string(key) + " before the first [name]");
        TestSet& set = sets.back();
        if (set.hasField(key))
            fail(lineNumber, "field " + std::string(key) + " given twice in test set \"" + set.name + "\"");
        set.fields.emplace_back(std::string(key), std::string(trim(line.substr(eq + 1))));
    }
    return sets;
}

} // namespace mtcsec::crypto
