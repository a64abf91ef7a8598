// The operator's choice of EPS security algorithms (TS 33.401 7.2.4.2, 7.2.4.3).
#include "core/engine/AlgorithmSelection.h"

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

} // namespace mtcsec::engine
