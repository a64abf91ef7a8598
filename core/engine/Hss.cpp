// The HSS: authentication vectors from Milenage (TS 33.102 6.3.2, TS 35.206) and KASME (TS 33.401 A.2), over
// Diameter S6a (TS 29.272).
#include "core/crypto/KeyHierarchy.h"
#include "core/crypto/Milenage.h"
#include "core/engine/AlgorithmSelection.h"
#include "core/engine/EngineImpl.h"
#include "core/engine/ProcedureHelpers.h"
#include "core/protocol/Coap.h"
#include "core/protocol/DiameterS6a.h"
#include "core/protocol/GtpU.h"
#include "core/protocol/Ipv4Udp.h"
#include "core/protocol/RrcMessage.h"
#include "core/protocol/S1apMessage.h"

#include <algorithm>

namespace mtcsec::engine {

using namespace protocol;
using namespace procedures;

// ---------------------------------------------------------------- HSS

void Engine::Impl::hssFromS6a(InFlight& pdu)
{
    const auto payload = payloadFromBackhaul(Link::S6a, false, Node::HSS, pdu, kPortDiameter);
    if (!payload)
        return;
    const auto air = decodeS6a(*payload);
    if (!air || !air->request) {
        drop(Node::HSS, pdu.meta, DropReason::Malformed);
        return;
    }
    settle(Node::HSS, pdu.meta, true);
    S6aMessage aia;
    aia.request = false;
    aia.hopByHop = air->hopByHop;
    aia.endToEnd = air->endToEnd;
    // The subscriber: MSIN after MCC and MNC.
    const std::string prefix = scenario.mcc + scenario.mnc;
    std::optional<std::uint32_t> subscriber;
    if (air->userName.size() == 15 && air->userName.compare(0, prefix.size(), prefix) == 0) {
        const std::string msin = air->userName.substr(prefix.size());
        if (msin.find_first_not_of("0123456789") == std::string::npos) {
            const std::uint64_t n = std::stoull(msin);
            if (n > firstDevice && n <= std::uint64_t{firstDevice} + scenario.devices) // IMSI: global index
                subscriber = static_cast<std::uint32_t>(n - 1 - firstDevice);
        }
    }
    if (!subscriber) {
        aia.resultCode = 5001; // DIAMETER_ERROR_USER_UNKNOWN
    } else {
        // TS 33.401 6.1.2, TS 33.102 6.3.2: a fresh SQN, RAND, Milenage, AUTN and KASME for the serving
        // network.
        HssRecord& h = hss[*subscriber];
        h.sqn += 0x20;
        EutranVector v;
        rng.fill(v.rand);
        const auto sqn = sqnBytes(h.sqn);
        const std::array<std::uint8_t, 2> amf = {0x80, 0x00}; // separation bit set for E-UTRAN
        const UeContext& subscription = ue[*subscriber];      // K and OPc, shared with the USIM
        const auto out = crypto::Milenage(subscription.k, subscription.opc).compute(v.rand, sqn, amf);
        std::array<std::uint8_t, 6> sqnXorAk{};
        for (std::size_t i = 0; i < 6; ++i)
            sqnXorAk[i] = sqn[i] ^ out.f5[i];
        std::copy(sqnXorAk.begin(), sqnXorAk.end(), v.autn.begin());
        std::copy(amf.begin(), amf.end(), v.autn.begin() + 6);
        std::copy(out.f1.begin(), out.f1.end(), v.autn.begin() + 8);
        v.xres.assign(out.f2.begin(), out.f2.end());
        v.kasme = toArray<32>(crypto::deriveKasme(out.f3, out.f4, air->visitedPlmn, sqnXorAk));
        aia.resultCode = 2001;
        aia.vector = v;
    }
    Meta out = pdu.meta;
    out.attack = -1;
    out.mark = Mark::None;
    sendBackhaul(Link::S6a, true, kAddrHss, kAddrMme, kPortDiameter, encodeS6a(aia), out);
}

} // namespace mtcsec::engine
