// The English text of structured evidence (the JSON report's and the CLI's sentences).
#include "core/engine/Evidence.h"

namespace mtcsec::engine {

std::string substitutePlaceholders(std::string_view templ, const std::vector<std::string>& args)
{
    std::string out;
    out.reserve(templ.size());
    for (std::size_t i = 0; i < templ.size(); ++i) {
        if (templ[i] == '%' && i + 1 < templ.size() && templ[i + 1] >= '1' && templ[i + 1] <= '9') {
            const auto n = static_cast<std::size_t>(templ[i + 1] - '1');
            if (n < args.size()) {
                out += args[n];
                ++i;
                continue;
            }
        }
        out += templ[i];
    }
    return out;
}

std::string english(const EvidenceLine& line)
{
    std::string out;
    for (const EvidencePhrase& p : line) {
        std::vector<std::string> args;
        args.reserve(p.args.size());
        for (const EvidenceArg& a : p.args)
            args.push_back(a.text);
        out += substitutePlaceholders(p.text, args);
    }
    return out;
}

} // namespace mtcsec::engine
