// Helpers shared by the nodes' procedures (Ue.cpp, Enb.cpp, Mme.cpp, Hss.cpp, Gateways.cpp, MtcServer.cpp):
// key derivation into the NAS and AS contexts (TS 33.401 A.7), SQN octets (TS 33.102 6.3), which plain NAS
// messages are still processed once security is active (TS 24.301 4.4.4.2, 4.4.4.3), and the drop reason of a
// verdict. Internal to the engine, like EngineImpl.h.
#pragma once

#include "core/crypto/KeyHierarchy.h"
#include "core/engine/EngineImpl.h"

#include <algorithm>

namespace mtcsec::engine::procedures {

using namespace protocol;
inline constexpr SimTime kAttachGuard = 10 * kMicrosPerSecond; // T3410-like supervision of one attach attempt
inline constexpr std::uint8_t kCauseMacFailure = 20, kCauseSynchFailure = 21;

template <std::size_t N>
inline std::array<std::uint8_t, N> toArray(ByteView v)
{
    std::array<std::uint8_t, N> a{};
    std::copy_n(v.begin(), std::min(N, v.size()), a.begin());
    return a;
}

inline std::uint64_t sqnValue(ByteView b)
{
    std::uint64_t v = 0;
    for (const std::uint8_t x : b)
        v = v << 8 | x;
    return v;
}

inline std::array<std::uint8_t, 6> sqnBytes(std::uint64_t v)
{
    std::array<std::uint8_t, 6> b{};
    for (int i = 5; i >= 0; --i, v >>= 8)
        b[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v);
    return b;
}

inline NasSecurityContext nasContext(ByteView kasme, crypto::IntegrityAlgorithm eia,
                                     crypto::CipheringAlgorithm eea)
{
    NasSecurityContext c;
    c.eia = eia;
    c.eea = eea;
    c.kNasInt = toArray<16>(
        crypto::deriveAlgorithmKey(kasme, crypto::AlgorithmKeyType::NasInt, static_cast<std::uint8_t>(eia)));
    c.kNasEnc = toArray<16>(
        crypto::deriveAlgorithmKey(kasme, crypto::AlgorithmKeyType::NasEnc, static_cast<std::uint8_t>(eea)));
    return c;
}

inline void setAsKeys(AsSecurityContext& as, ByteView kenb, crypto::IntegrityAlgorithm eia,
                      crypto::CipheringAlgorithm rrcEea, crypto::CipheringAlgorithm upEea)
{
    as.rrcEia = eia;
    as.rrcEea = rrcEea;
    as.upEea = upEea;
    as.kRrcInt = toArray<16>(
        crypto::deriveAlgorithmKey(kenb, crypto::AlgorithmKeyType::RrcInt, static_cast<std::uint8_t>(eia)));
    as.kRrcEnc = toArray<16>(crypto::deriveAlgorithmKey(kenb, crypto::AlgorithmKeyType::RrcEnc,
                                                        static_cast<std::uint8_t>(rrcEea)));
    as.kUpEnc = toArray<16>(
        crypto::deriveAlgorithmKey(kenb, crypto::AlgorithmKeyType::UpEnc, static_cast<std::uint8_t>(upEea)));
}

// TS 24.301 4.4.4.2 / 4.4.4.3: the plain NAS messages a UE / an MME still processes once security is active.
inline bool plainAllowedAtUe(EmmType t)
{
    return t == EmmType::AuthenticationRequest || t == EmmType::DetachAccept || t == EmmType::AttachReject;
}
inline bool plainAllowedAtMme(EmmType t)
{
    return t == EmmType::AttachRequest || t == EmmType::AuthenticationResponse ||
           t == EmmType::AuthenticationFailure || t == EmmType::SecurityModeReject ||
           t == EmmType::DetachRequest;
}

inline DropReason dropReasonOf(PdcpVerdict v)
{
    return v == PdcpVerdict::Duplicate          ? DropReason::Duplicate
           : v == PdcpVerdict::IntegrityFailure ? DropReason::Integrity
                                                : DropReason::Malformed;
}

inline DropReason dropReasonOf(NasVerdict v)
{
    return v == NasVerdict::Replay             ? DropReason::Replay
           : v == NasVerdict::IntegrityFailure ? DropReason::Integrity
                                               : DropReason::Malformed;
}

inline DropReason dropReasonOf(AppVerdict v)
{
    switch (v) {
    case AppVerdict::IntegrityFailure:
        return DropReason::Integrity;
    case AppVerdict::Replay:
        return DropReason::Replay;
    case AppVerdict::PolicyViolation:
        return DropReason::Policy;
    default:
        return DropReason::Malformed;
    }
}

} // namespace mtcsec::engine::procedures
