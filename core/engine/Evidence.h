// One line of a requirement's evidence kept structured: phrases (an English template with %1..%9) and their
// arguments, so that the GUI can translate it while the JSON report and the CLI keep the English text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mtcsec::engine {

// An argument of a phrase: a number, an identifier, a PDU description (kept as is), or a term, an English
// word of evidenceTerms() that a translation replaces ("forged", "integrity check", "eavesdrop").
struct EvidenceArg {
    std::string text;
    bool term = false;
};

// A phrase: `text` is its English template, with %1..%9 standing for `args` in order; the template is at
// the same time its identifier and the source text of its translation (context "Evidence"; terms use the
// context "EvidenceTerm").
struct EvidencePhrase {
    std::string_view text;
    std::vector<EvidenceArg> args;
};

// A line of evidence: its phrases, concatenated in order.
using EvidenceLine = std::vector<EvidencePhrase>;

// `templ` with each %N (N = 1..9) replaced by args[N-1]; a %N without its argument stays as written.
// Never throws (but std::bad_alloc).
[[nodiscard]] std::string substitutePlaceholders(std::string_view templ,
                                                 const std::vector<std::string>& args);

// The English text of a line: every phrase's template with its arguments as written, concatenated.
[[nodiscard]] std::string english(const EvidenceLine& line);

} // namespace mtcsec::engine
