// The MME: the serving network identity, NAS security and algorithm selection (TS 33.401 7.2.4.2, 7.2.4.4;
// TS 24.301 4.4, 5.4.2, 5.4.3), the attach procedure and ATTACH REJECT (TS 24.301 5.5.1), authentication
// vectors over S6a (TS 29.272).
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

std::array<std::uint8_t, 3> Engine::Impl::snId() const
{
    const std::string& mcc = scenario.mcc;
    const std::string& mnc = scenario.mnc;
    const auto digit = [](char c) {
        return static_cast<std::uint8_t>(c - '0');
    };
    const std::uint8_t mnc3 = mnc.size() == 3 ? digit(mnc[2]) : 0x0f;
    return {static_cast<std::uint8_t>(digit(mcc[1]) << 4 | digit(mcc[0])),
            static_cast<std::uint8_t>(mnc3 << 4 | digit(mcc[2])),
            static_cast<std::uint8_t>(digit(mnc[1]) << 4 | digit(mnc[0]))};
}

// ---------------------------------------------------------------- MME

Bytes Engine::Impl::mmeProtectNas(std::uint32_t d, ByteView plain, std::uint8_t sht)
{
    MmeContext& c = mme[d];
    return protectNas(c.nas, sht, true, c.nas.nextDownlinkCount++, plain);
}

void Engine::Impl::mmeSendNas(std::uint32_t d, ByteView nasPdu, const Meta& meta, bool initialContextSetup)
{
    S1apMessage s;
    s.procedure =
        initialContextSetup ? S1apProcedure::InitialContextSetupRequest : S1apProcedure::DownlinkNasTransport;
    s.enbUeId = d + 1;
    s.mmeUeId = d + 1;
    s.nasPdu.assign(nasPdu.begin(), nasPdu.end());
    if (initialContextSetup) {
        MmeContext& c = mme[d];
        s.securityKey = toArray<32>(crypto::deriveKeNB(c.kasme, c.nas.nextUplinkCount - 1));
        s.ueSecurityCapabilities = s1apCapabilities(c.receivedCapabilities);
        // The default bearer's uplink end point at the S-GW (TS 36.413 9.1.4.1).
        s.erab.transportLayerAddress = kAddrSgw;
        s.erab.teid = teid(kTeidS1uSgw, d);
    }
    Meta m = meta;
    m.device = d;
    m.signalling = true;
    m.attack = -1;
    m.mark = Mark::None;
    sendBackhaul(Link::S1Mme, true, kAddrMme, kAddrEnb, kPortS1ap, encodeS1ap(s), m);
}

void Engine::Impl::mmeSecurityModeCommand(std::uint32_t d, const Meta& meta)
{
    MmeContext& c = mme[d];
    // TS 33.401 7.2.4.2: the MME picks the first algorithm of its priority lists that the UE (says it)
    // supports; when a list has none, it never falls back to something else.
    const UeSecurityCapabilities caps = c.receivedCapabilities;
    const NasProtection& p = protection.nas;
    const auto selectedEia = selectIntegrity(integrityPriority(p.integrity, p.integrityList), caps);
    const auto selectedEea = selectCiphering(cipheringPriority(p.ciphering, p.cipheringList), caps);
    if (!selectedEia || !selectedEea) {
        const AlgorithmUse use = !selectedEia ? AlgorithmUse::NasIntegrity : AlgorithmUse::NasCiphering;
        countSelection(d, {.rejected = true});
        if (c.attached) {
            // A re-keying it cannot do: the security context in use stays.
            log(EventKind::NoCommonAlgorithm, placeOf(Node::MME), d, 0, static_cast<std::uint8_t>(use));
            return;
        }
        // TS 24.301 5.5.1.2.5: ATTACH REJECT, cause #23 "UE security capabilities mismatch".
        log(EventKind::NoCommonAlgorithm, placeOf(Node::MME), d, kEmmCauseCapabilityMismatch,
            static_cast<std::uint8_t>(use));
        c.nasActive = false;
        NasMessage reject;
        reject.type = EmmType::AttachReject;
        reject.cause = kEmmCauseCapabilityMismatch;
        const Bytes plain = encodeNas(reject);
        insiderSees(Node::MME, meta, plain, true);
        mmeSendNas(d, plain, meta);
        return;
    }
    const crypto::IntegrityAlgorithm eia = *selectedEia;
    const crypto::CipheringAlgorithm eea = *selectedEea;
    countSelection(d, {.integrity = eia, .ciphering = eea});
    NasSecurityContext next = nasContext(c.kasme, eia, eea);
    next.nextDownlinkCount = c.nasActive ? c.nas.nextDownlinkCount : 0;
    next.nextUplinkCount = c.nasActive ? c.nas.nextUplinkCount : 0;
    c.nas = next;
    c.nasActive = true;
    NasMessage smc;
    smc.type = EmmType::SecurityModeCommand;
    smc.selectedAlgorithms =
        static_cast<std::uint8_t>(static_cast<unsigned>(eea) << 4 | static_cast<unsigned>(eia));
    smc.ksi = 0;
    smc.capabilities = caps; // replayed UE security capabilities
    log(EventKind::NasSecurityModeCommand, placeOf(Node::MME), d, smc.selectedAlgorithms);
    const Bytes plain = encodeNas(smc);
    insiderSees(Node::MME, meta, plain, true);
    mmeSendNas(d, mmeProtectNas(d, plain, kShtIntegrityNewContext), meta);
}

void Engine::Impl::mmeFromS1(InFlight& pdu)
{
    const auto payload = payloadFromBackhaul(Link::S1Mme, false, Node::MME, pdu, kPortS1ap);
    if (!payload)
        return;
    const auto s = decodeS1ap(*payload);
    if (!s || s->enbUeId == 0 || s->enbUeId > scenario.devices) {
        drop(Node::MME, pdu.meta, DropReason::Malformed);
        return;
    }
    const std::uint32_t d = s->enbUeId - 1;
    Meta meta = pdu.meta;
    meta.device = d;
    MmeContext& c = mme[d];
    switch (s->procedure) {
    case S1apProcedure::InitialContextSetupResponse:
        // The MME completes the bearer towards S-GW and P-GW (S11/S5 GTP-C, not simulated as messages).
        sgwBearer[d] = 1;
        pgwBearer[d] = 1;
        settle(Node::MME, meta, true);
        return;
    case S1apProcedure::InitialUeMessage:
        c = MmeContext();
        c.known = true;
        break;
    case S1apProcedure::UplinkNasTransport:
        if (!c.known) {
            drop(Node::MME, meta, DropReason::NoContext);
            return;
        }
        break;
    default:
        drop(Node::MME, meta, DropReason::Malformed);
        return;
    }
    if (s->nasPdu.empty()) {
        drop(Node::MME, meta, DropReason::Malformed);
        return;
    }
    mmeNas(d, meta, s->nasPdu);
}

void Engine::Impl::mmeNas(std::uint32_t d, const Meta& meta, ByteView nasPdu)
{
    MmeContext& c = mme[d];
    const auto sht = nasSecurityHeaderType(nasPdu);
    if (!sht) {
        drop(Node::MME, meta, DropReason::Malformed);
        return;
    }
    Bytes plain;
    std::uint32_t count = 0;
    if (*sht == kShtPlain) {
        plain.assign(nasPdu.begin(), nasPdu.end());
    } else {
        if (!c.nasActive) {
            drop(Node::MME, meta, DropReason::NoContext);
            return;
        }
        NasUnprotected r = unprotectNas(c.nas, false, c.nas.nextUplinkCount, nasPdu);
        if (r.verdict != NasVerdict::Accepted) {
            drop(Node::MME, meta, dropReasonOf(r.verdict));
            return;
        }
        c.nas.nextUplinkCount = r.count + 1;
        count = r.count;
        plain = std::move(r.plain);
    }
    const auto m = decodeNas(plain);
    if (!m) {
        drop(Node::MME, meta, DropReason::Malformed);
        return;
    }
    if (*sht == kShtPlain && c.nasActive && c.nas.eia != crypto::IntegrityAlgorithm::Eia0 &&
        !plainAllowedAtMme(m->type)) {
        drop(Node::MME, meta, DropReason::Integrity);
        return;
    }
    settle(Node::MME, meta, true);
    insiderSees(Node::MME, meta, plain, true);

    switch (m->type) {
    case EmmType::AttachRequest: {
        c.receivedCapabilities = m->capabilities;
        c.nasActive = false;
        c.attached = false;
        c.awaitingVector = true;
        S6aMessage air;
        air.request = true;
        air.hopByHop = d + 1;
        air.endToEnd = d + 1;
        air.userName = m->imsi;
        air.visitedPlmn = snId();
        Meta out = meta;
        out.attack = -1;
        out.mark = Mark::None;
        sendBackhaul(Link::S6a, false, kAddrMme, kAddrHss, kPortDiameter, encodeS6a(air), out);
        break;
    }
    case EmmType::AuthenticationResponse:
        if (m->res.size() != c.xresLength || !std::equal(m->res.begin(), m->res.end(), c.xres.begin())) {
            log(EventKind::AttachFailed, placeOf(Node::MME), d, 3); // EMM cause #3 illegal UE
            break;
        }
        mmeSecurityModeCommand(d, meta);
        break;
    case EmmType::AuthenticationFailure:
    case EmmType::SecurityModeReject:
        log(EventKind::AttachFailed, placeOf(Node::MME), d, m->cause);
        break;
    case EmmType::SecurityModeComplete:
        if (!c.attached) {
            NasMessage accept;
            accept.type = EmmType::AttachAccept;
            accept.pdnAddress = deviceAddress(d);
            const Bytes acceptPlain = encodeNas(accept);
            insiderSees(Node::MME, meta, acceptPlain, true);
            (void)count;
            mmeSendNas(d, mmeProtectNas(d, acceptPlain, kShtIntegrityCiphered), meta, true);
        }
        break;
    case EmmType::AttachComplete:
        if (!c.attached) {
            c.attached = true;
            ++traffic.attachOk;
            log(EventKind::AttachCompleted, placeOf(Node::MME), d);
        }
        break;
    default:
        break;
    }
}

void Engine::Impl::mmeFromS6a(InFlight& pdu)
{
    const auto payload = payloadFromBackhaul(Link::S6a, true, Node::MME, pdu, kPortDiameter);
    if (!payload)
        return;
    const auto aia = decodeS6a(*payload);
    if (!aia || aia->request || aia->hopByHop == 0 || aia->hopByHop > scenario.devices) {
        drop(Node::MME, pdu.meta, DropReason::Malformed);
        return;
    }
    const std::uint32_t d = aia->hopByHop - 1;
    Meta meta = pdu.meta;
    meta.device = d;
    MmeContext& c = mme[d];
    if (!c.awaitingVector) {
        drop(Node::MME, meta, DropReason::NoContext); // an answer to no outstanding request
        return;
    }
    c.awaitingVector = false;
    settle(Node::MME, meta, true);
    if (aia->resultCode != 2001 || !aia->vector) {
        log(EventKind::AttachFailed, placeOf(Node::MME), d, aia->resultCode);
        return;
    }
    c.kasme = aia->vector->kasme;
    c.xresLength = static_cast<std::uint8_t>(std::min<std::size_t>(16, aia->vector->xres.size()));
    std::copy_n(aia->vector->xres.begin(), c.xresLength, c.xres.begin());
    NasMessage request;
    request.type = EmmType::AuthenticationRequest;
    request.ksi = 0;
    request.rand = aia->vector->rand;
    request.autn = aia->vector->autn;
    const Bytes plain = encodeNas(request);
    insiderSees(Node::MME, meta, plain, true);
    mmeSendNas(d, plain, meta);
}

} // namespace mtcsec::engine
