// The names of links, nodes, attack kinds and filters, the named application protections and "3GPP on"
// (PRODUCT.md sections 2, 3, 4 and 8).
#include "core/scenario/Scenario.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace mtcsec {
namespace {

constexpr std::array<std::string_view, kLinkCount> kLinkNames = {"Uu", "S1-MME", "S1-U", "S6a", "S5", "SGi"};
constexpr std::array<std::string_view, kNodeCount> kNodeNames = {"device", "eNB",  "MME",   "HSS",
                                                                 "S-GW",   "P-GW", "server"};
constexpr std::array<std::string_view, 6> kAttackKindNames = {"eavesdrop", "tamper",    "replay",
                                                              "inject",    "downgrade", "insider"};
constexpr std::array<std::string_view, 3> kMessageFilterNames = {"all", "data", "signalling"};
constexpr std::array<std::string_view, 3> kDirectionFilterNames = {"both", "uplink", "downlink"};

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    });
}

// The enumerator whose name (at its index in `names`) matches `text`, ignoring case.
template <typename Enum, std::size_t N>
std::optional<Enum> parseName(const std::array<std::string_view, N>& names, std::string_view text)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (equalsIgnoringCase(names[i], text))
            return static_cast<Enum>(i);
    }
    return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string_view nameOf(const std::array<std::string_view, N>& names, Enum value)
{
    return names.at(static_cast<std::size_t>(value));
}

} // namespace

std::string_view name(Link link)
{
    return nameOf(kLinkNames, link);
}

std::string_view name(Node node)
{
    return nameOf(kNodeNames, node);
}

std::optional<Link> parseLink(std::string_view text)
{
    if (equalsIgnoringCase(text, "S1MME"))
        return Link::S1Mme;
    if (equalsIgnoringCase(text, "S1U"))
        return Link::S1U;
    return parseName<Link>(kLinkNames, text);
}

std::optional<Node> parseNode(std::string_view text)
{
    if (equalsIgnoringCase(text, "SGW"))
        return Node::SGW;
    if (equalsIgnoringCase(text, "PGW"))
        return Node::PGW;
    return parseName<Node>(kNodeNames, text);
}

std::optional<AppProtection> appPreset(std::string_view name)
{
    if (name == "none")
        return AppProtection{};
    if (name == "integrity")
        return AppProtection{.confidentiality = false, .integrity = true, .replayProtection = false};
    if (name == "aead")
        return AppProtection{.confidentiality = true, .integrity = true, .replayProtection = true};
    if (name == "oscore")
        return AppProtection{
            .confidentiality = true, .integrity = true, .replayProtection = true, .oscore = true};
    if (name == "dtls")
        return AppProtection{
            .confidentiality = true, .integrity = true, .replayProtection = true, .dtls = true};
    return std::nullopt;
}

std::string appProtectionName(const AppProtection& app)
{
    for (const std::string_view preset : {"none", "integrity", "aead", "oscore", "dtls"}) {
        if (appPreset(preset) == app)
            return std::string(preset);
    }
    return "custom";
}

Protection threeGppOn(Protection base)
{
    base.nas = {.integrity = crypto::IntegrityAlgorithm::Eia2, .ciphering = crypto::CipheringAlgorithm::Eea2};
    base.as = {.rrcIntegrity = crypto::IntegrityAlgorithm::Eia2,
               .rrcCiphering = crypto::CipheringAlgorithm::Eea2,
               .upCiphering = crypto::CipheringAlgorithm::Eea2};
    // NDS/IP protects the operator's network domain (TS 33.210): SGi leads out of it to the MTC server, so
    // protecting it is not part of "3GPP on" (it has its own switch).
    for (const Link link : {Link::S1Mme, Link::S1U, Link::S6a, Link::S5})
        base.setNds(link, true);
    return base;
}

std::string_view name(AttackKind kind)
{
    return nameOf(kAttackKindNames, kind);
}

std::optional<AttackKind> parseAttackKind(std::string_view text)
{
    return parseName<AttackKind>(kAttackKindNames, text);
}

std::string_view name(MessageFilter filter)
{
    return nameOf(kMessageFilterNames, filter);
}

std::optional<MessageFilter> parseMessageFilter(std::string_view text)
{
    return parseName<MessageFilter>(kMessageFilterNames, text);
}

std::string_view name(DirectionFilter filter)
{
    return nameOf(kDirectionFilterNames, filter);
}

std::optional<DirectionFilter> parseDirectionFilter(std::string_view text)
{
    return parseName<DirectionFilter>(kDirectionFilterNames, text);
}

std::string AttackSpec::target() const
{
    if (node)
        return std::string(name(*node));
    if (link)
        return std::string(name(*link));
    return {};
}

std::size_t Scenario::groupOf(std::uint32_t device) const
{
    std::uint64_t end = 0;
    for (std::size_t g = 0; g < deviceGroups.size(); ++g) {
        end += deviceGroups[g].devices;
        if (device < end)
            return g;
    }
    return deviceGroups.size();
}

const DeviceBehaviour& Scenario::behaviourOf(std::uint32_t device) const
{
    const std::size_t g = groupOf(device);
    return g < deviceGroups.size() ? deviceGroups[g].ue : ue;
}

std::string_view Scenario::groupName(std::size_t group) const
{
    return group < deviceGroups.size() ? std::string_view(deviceGroups[group].name) : kDefaultGroupName;
}

std::uint32_t Scenario::groupSize(std::size_t group) const
{
    std::uint64_t start = 0;
    for (std::size_t g = 0; g < group && g < deviceGroups.size(); ++g)
        start += deviceGroups[g].devices;
    const std::uint64_t end = group < deviceGroups.size() ? start + deviceGroups[group].devices : devices;
    const std::uint64_t clippedEnd = std::min<std::uint64_t>(end, devices);
    return static_cast<std::uint32_t>(clippedEnd > start ? clippedEnd - start : 0);
}

} // namespace mtcsec
