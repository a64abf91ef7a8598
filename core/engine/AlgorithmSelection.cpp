// The operator's choice of EPS security algorithms (TS 33.401 7.2.4.2, 7.2.4.3).
#include "core/engine/AlgorithmSelection.h"

#include "core/engine/EngineImpl.h"

#include <algorithm>

namespace mtcsec::engine {

std::optional<crypto::IntegrityAlgorithm>
selectIntegrity(std::span<const crypto::IntegrityAlgorithm> priority,
                const protocol::UeSecurityCapabilities& capabilities)
{
    const auto it = std::find_if(priority.begin(), priority.end(), [&](crypto::IntegrityAlgorithm a) {
        return capabilities.supportsEia(static_cast<unsigned>(a));
    });
    return it == priority.end() ? std::nullopt : std::optional(*it);
}

std::optional<crypto::CipheringAlgorithm>
selectCiphering(std::span<const crypto::CipheringAlgorithm> priority,
                const protocol::UeSecurityCapabilities& capabilities)
{
    const auto it = std::find_if(priority.begin(), priority.end(), [&](crypto::CipheringAlgorithm a) {
        return capabilities.supportsEea(static_cast<unsigned>(a));
    });
    return it == priority.end() ? std::nullopt : std::optional(*it);
}

std::vector<crypto::IntegrityAlgorithm> integrityPriority(crypto::IntegrityAlgorithm configured)
{
    return {configured};
}

std::vector<crypto::CipheringAlgorithm> cipheringPriority(crypto::CipheringAlgorithm configured)
{
    if (configured == crypto::CipheringAlgorithm::Eea0)
        return {configured};
    return {configured, crypto::CipheringAlgorithm::Eea0};
}

std::vector<crypto::IntegrityAlgorithm> integrityPriority(crypto::IntegrityAlgorithm configured,
                                                          const std::vector<crypto::IntegrityAlgorithm>& list)
{
    return isPriorityListOf(list, configured) ? list : integrityPriority(configured);
}

std::vector<crypto::CipheringAlgorithm> cipheringPriority(crypto::CipheringAlgorithm configured,
                                                          const std::vector<crypto::CipheringAlgorithm>& list)
{
    return isPriorityListOf(list, configured) ? list : cipheringPriority(configured);
}

NetworkSelection selectAlgorithms(const Protection& p, const protocol::UeSecurityCapabilities& capabilities)
{
    return {
        .nasIntegrity =
            selectIntegrity(integrityPriority(p.nas.integrity, p.nas.integrityList), capabilities),
        .nasCiphering =
            selectCiphering(cipheringPriority(p.nas.ciphering, p.nas.cipheringList), capabilities),
        .rrcIntegrity =
            selectIntegrity(integrityPriority(p.as.rrcIntegrity, p.as.rrcIntegrityList), capabilities),
        .rrcCiphering =
            selectCiphering(cipheringPriority(p.as.rrcCiphering, p.as.rrcCipheringList), capabilities),
        .upCiphering =
            selectCiphering(cipheringPriority(p.as.upCiphering, p.as.upCipheringList), capabilities),
    };
}

void Engine::Impl::countSelection(std::uint32_t device, AlgorithmSelectionCount what)
{
    what.group = static_cast<std::uint32_t>(scenario.groupOf(device));
    auto it = std::find_if(selections.begin(), selections.end(), [&what](const AlgorithmSelectionCount& c) {
        return c.group == what.group && c.as == what.as && c.rejected == what.rejected &&
               c.integrity == what.integrity && c.ciphering == what.ciphering &&
               c.upCiphering == what.upCiphering;
    });
    if (it == selections.end()) {
        what.count = 0;
        it = selections.insert(selections.end(), what);
    }
    ++it->count;
}

std::string Engine::deviceSecurity(std::uint32_t device) const
{
    const Impl& d = *impl_;
    if (device >= d.scenario.devices)
        return {};
    const UeContext& u = d.ue[device];
    const auto n = [](auto alg) {
        return std::string(crypto::name(alg));
    };
    std::string out = "group " + std::string(d.scenario.groupName(d.scenario.groupOf(device))) + "; NAS ";
    out += u.nasActive ? n(u.nas.eia) + "+" + n(u.nas.eea) : std::string("none");
    out += "; AS ";
    out += u.as.integrityActive ? "RRC " + n(u.as.rrcEia) + "+" + n(u.as.rrcEea) + ", UP " + n(u.as.upEea)
                                : std::string("none");
    return out;
}

} // namespace mtcsec::engine
