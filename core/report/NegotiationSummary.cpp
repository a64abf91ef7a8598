// The algorithm negotiation in words (TS 33.401 7.2.4.2, 7.2.4.3).
#include "core/report/NegotiationSummary.h"

#include <algorithm>

namespace mtcsec::report {
namespace {

template <typename Algorithm>
std::string listText(Algorithm first, const std::vector<Algorithm>& list)
{
    if (!isPriorityListOf(list, first))
        return std::string(crypto::name(first));
    std::string out = "[";
    for (const Algorithm alg : list)
        out += (out.size() > 1 ? ", " : "") + std::string(crypto::name(alg));
    return out + "]";
}

bool hasList(const Protection& p)
{
    return isPriorityListOf(p.nas.integrityList, p.nas.integrity) ||
           isPriorityListOf(p.nas.cipheringList, p.nas.ciphering) ||
           isPriorityListOf(p.as.rrcIntegrityList, p.as.rrcIntegrity) ||
           isPriorityListOf(p.as.rrcCipheringList, p.as.rrcCiphering) ||
           isPriorityListOf(p.as.upCipheringList, p.as.upCiphering);
}

std::string selectionText(const engine::AlgorithmSelectionCount& c)
{
    std::string what;
    if (c.rejected)
        what = "no common algorithm";
    else if (c.as)
        what = "RRC " + std::string(crypto::name(c.integrity)) + "+" +
               std::string(crypto::name(c.ciphering)) + ", UP " + std::string(crypto::name(c.upCiphering));
    else
        what = std::string(crypto::name(c.integrity)) + "+" + std::string(crypto::name(c.ciphering));
    return what + " x" + std::to_string(c.count);
}

} // namespace

std::string choiceText(crypto::IntegrityAlgorithm first, const std::vector<crypto::IntegrityAlgorithm>& list)
{
    return listText(first, list);
}

std::string choiceText(crypto::CipheringAlgorithm first, const std::vector<crypto::CipheringAlgorithm>& list)
{
    return listText(first, list);
}

bool negotiationConfigured(const engine::RunSummary& s)
{
    return !s.deviceGroups.empty() || hasList(s.initialProtection) || hasList(s.protection) ||
           std::any_of(s.changes.begin(), s.changes.end(),
                       [](const ProtectionChange& c) { return hasList(c.protection); });
}

std::vector<std::string> negotiationLines(const engine::RunSummary& s)
{
    std::vector<std::string> lines;
    for (std::size_t g = 0; g <= s.deviceGroups.size(); ++g) {
        std::string nas;
        std::string as;
        for (const engine::AlgorithmSelectionCount& c : s.selections) {
            if (c.group != g)
                continue;
            std::string& part = c.as ? as : nas;
            part += (part.empty() ? "" : ", ") + selectionText(c);
        }
        if (nas.empty() && as.empty())
            continue;
        std::uint64_t devices = s.devices;
        for (const DeviceGroup& group : s.deviceGroups)
            devices -= std::min<std::uint64_t>(devices, group.devices);
        if (g < s.deviceGroups.size())
            devices = s.deviceGroups[g].devices;
        const std::string name =
            g < s.deviceGroups.size() ? s.deviceGroups[g].name : std::string(kDefaultGroupName);
        std::string line =
            name + " (" + std::to_string(devices) + (devices == 1 ? " device): " : " devices): ");
        line += "NAS " + (nas.empty() ? std::string("none") : nas);
        line += "; AS " + (as.empty() ? std::string("none") : as);
        lines.push_back(std::move(line));
    }
    return lines;
}

} // namespace mtcsec::report
