// Known-answer test sets as text: "[name]" sections of "Key = value" lines, with "#" comment lines (the
// format of tests/data/*.vec, after Botan's src/tests/data/*.vec). The tests read the published 3GPP test
// data (TS 33.401 Annex C, TS 35.207/35.208) through it, and so does the crypto lab at run time.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mtcsec::crypto {

struct TestSet {
    std::string name;                                        // the text between the brackets
    std::vector<std::pair<std::string, std::string>> fields; // Key, value; in the order of the file

    // The value of `key`. Throws InvalidInput naming the set and the field if the set has no such field.
    [[nodiscard]] std::string field(std::string_view key) const;
    [[nodiscard]] bool hasField(std::string_view key) const;
};

// Parses the whole text; blank lines and lines starting with "#" are skipped, keys and values are trimmed.
// Throws InvalidInput "line N: ..." for a line that is neither a section nor "Key = value", a field before
// the first section, an empty name or key, and a section or field given twice. No sections: an empty list.
[[nodiscard]] std::vector<TestSet> parseTestSets(std::string_view text);

} // namespace mtcsec::crypto
