// The eNB: PDCP on Uu (TS 36.323), the RRC Security Mode Command and its algorithm selection
// (TS 33.401 7.2.4.3, 7.2.4.5), S1AP towards the MME (TS 36.413) and GTP-U towards the S-GW (TS 29.281), and
// the backhaul receive path shared with the gateways (NDS/IP, TS 33.210).
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

// ---------------------------------------------------------------- eNB

void Engine::Impl::enbSendSrb(std::uint32_t d, ByteView rrc, const Meta& meta)
{
    EnbContext& e = enb[d];
    Bytes uu = spares.take();
    buildSrbPdu(uu, e.as, true, e.srbTx.next++, rrc);
    send(Link::Uu, true, std::move(uu), meta, false, rrc);
}

void Engine::Impl::enbAsSecurityModeCommand(std::uint32_t d, const Meta& meta)
{
    EnbContext& e = enb[d];
    const AsProtection& p = protection.as;
    // TS 33.401 7.2.4.3: the eNB picks from its priority lists what the UE security capabilities include.
    const auto eia = selectIntegrity(integrityPriority(p.rrcIntegrity, p.rrcIntegrityList), e.capabilities);
    const auto rrcEea =
        selectCiphering(cipheringPriority(p.rrcCiphering, p.rrcCipheringList), e.capabilities);
    const auto upEea = selectCiphering(cipheringPriority(p.upCiphering, p.upCipheringList), e.capabilities);
    if (!eia || !rrcEea || !upEea) {
        const AlgorithmUse use = !eia      ? AlgorithmUse::RrcIntegrity
                                 : !rrcEea ? AlgorithmUse::RrcCiphering
                                           : AlgorithmUse::UpCiphering;
        log(EventKind::NoCommonAlgorithm, placeOf(Node::ENB), d, 0, static_cast<std::uint8_t>(use));
        countSelection(d, {.as = true, .rejected = true});
        if (!e.as.integrityActive) {
            // No AS security, no context: the Initial Context Setup fails (TS 36.413 8.3.1.3) and the
            // device's attach runs out of time.
            e.contextUp = false;
            enbPendingNas.erase(d);
        }
        return; // a re-keying it cannot do leaves the context in use as it is
    }
    countSelection(d, {.as = true, .integrity = *eia, .ciphering = *rrcEea, .upCiphering = *upEea});
    const std::array<std::uint8_t, 3> body = {static_cast<std::uint8_t>(*eia),
                                              static_cast<std::uint8_t>(*rrcEea),
                                              static_cast<std::uint8_t>(*upEea)};
    log(EventKind::AsSecurityModeCommand, placeOf(Node::ENB), d,
        static_cast<std::uint32_t>(body[0]) << 8 | static_cast<std::uint32_t>(body[1]) << 4 | body[2]);
    // rrc-TransactionIdentifier (TS 36.331 6.3.6): 0 for the activation, 1 for a re-keying of an active
    // context.
    const Bytes smc = encodeRrc(RrcType::SecurityModeCommand, body, e.as.integrityActive ? 1 : 0);
    if (!e.as.integrityActive) {
        // First activation: integrity with the new keys now, ciphering once the UE has answered.
        setAsKeys(e.as, e.kenb, *eia, *rrcEea, *upEea);
        e.as.integrityActive = true;
        captureUuSecurity(d, true, e.as);
        enbSendSrb(d, smc, meta);
    } else {
        // Re-keying an active context: the command travels under the old keys, then both ends switch.
        enbSendSrb(d, smc, meta);
        setAsKeys(e.as, e.kenb, *eia, *rrcEea, *upEea);
        captureUuSecurity(d, true, e.as);
    }
}

void Engine::Impl::enbFromUu(InFlight& pdu)
{
    const std::uint32_t d = pdu.meta.device;
    EnbContext& e = enb[d];
    PdcpReceived& r = enbUuReceived;
    receivePdcp(e.as, false, e.srbRx, e.drbRx, pdu.bytes, r);
    if (r.verdict != PdcpVerdict::Accepted) {
        drop(Node::ENB, pdu.meta, dropReasonOf(r.verdict));
        return;
    }
    if (r.lcid == kLcidDrb1) {
        markDisturbed(pdu.meta, true);
        if (!e.contextUp) {
            drop(Node::ENB, pdu.meta, DropReason::NoContext);
            return;
        }
        insiderSees(Node::ENB, pdu.meta, r.payload, false);
        encodeGtpU(gtpPacket, teid(kTeidS1uSgw, d), r.payload);
        sendBackhaul(Link::S1U, false, kAddrEnb, kAddrSgw, kPortGtpU, gtpPacket, pdu.meta);
        return;
    }
    const auto rrc = decodeRrc(r.payload);
    if (!rrc) {
        drop(Node::ENB, pdu.meta, DropReason::Malformed);
        return;
    }
    if (rrc->type == RrcType::UlInformationTransfer) {
        insiderSees(Node::ENB, pdu.meta, rrc->body, true);
        S1apMessage s;
        s.procedure = mme[d].known ? S1apProcedure::UplinkNasTransport : S1apProcedure::InitialUeMessage;
        s.enbUeId = d + 1;
        s.mmeUeId = mme[d].known ? d + 1 : 0;
        s.nasPdu = rrc->body;
        s.tai.plmn = snId();
        s.cgi.plmn = snId();
        sendBackhaul(Link::S1Mme, false, kAddrEnb, kAddrMme, kPortS1ap, encodeS1ap(s), pdu.meta);
    } else if (rrc->type == RrcType::SecurityModeComplete) {
        settle(Node::ENB, pdu.meta, true);
        e.as.cipheringActive = true;
        captureUuSecurity(d, true, e.as);
        if (const auto pending = enbPendingNas.find(d); pending != enbPendingNas.end()) {
            const Bytes nas = std::move(pending->second);
            enbPendingNas.erase(pending);
            Meta fresh;
            fresh.device = d;
            fresh.signalling = true;
            enbSendSrb(d, encodeRrc(RrcType::DlInformationTransfer, nas), fresh);
            S1apMessage response;
            response.procedure = S1apProcedure::InitialContextSetupResponse;
            response.enbUeId = d + 1;
            response.mmeUeId = d + 1;
            response.erab.transportLayerAddress = kAddrEnb; // the downlink end point (TS 36.413 9.1.4.2)
            response.erab.teid = teid(kTeidS1uEnb, d);
            sendBackhaul(Link::S1Mme, false, kAddrEnb, kAddrMme, kPortS1ap, encodeS1ap(response), fresh);
        }
    } else if (rrc->type == RrcType::SecurityModeFailure) {
        // The device refused AS security (TS 36.331 5.3.4.3): the eNB releases what it had set up.
        settle(Node::ENB, pdu.meta, true);
        e.contextUp = false;
        enbPendingNas.erase(d);
    } else {
        drop(Node::ENB, pdu.meta, DropReason::Malformed);
    }
}

void Engine::Impl::enbFromS1Mme(InFlight& pdu)
{
    const auto payload = payloadFromBackhaul(Link::S1Mme, true, Node::ENB, pdu, kPortS1ap);
    if (!payload)
        return;
    const auto s = decodeS1ap(*payload);
    if (!s || s->enbUeId == 0 || s->enbUeId > scenario.devices) {
        drop(Node::ENB, pdu.meta, DropReason::Malformed);
        return;
    }
    const std::uint32_t d = s->enbUeId - 1;
    Meta meta = pdu.meta;
    meta.device = d;
    EnbContext& e = enb[d];
    if (s->procedure == S1apProcedure::DownlinkNasTransport && !s->nasPdu.empty()) {
        insiderSees(Node::ENB, meta, s->nasPdu, true);
        enbSendSrb(d, encodeRrc(RrcType::DlInformationTransfer, s->nasPdu), meta);
    } else if (s->procedure == S1apProcedure::InitialContextSetupRequest && s->securityKey) {
        e.kenb = *s->securityKey;
        e.contextUp = true;
        if (s->ueSecurityCapabilities)
            e.capabilities = nasCapabilities(*s->ueSecurityCapabilities);
        if (s->nasPdu.empty())
            enbPendingNas.erase(d);
        else
            enbPendingNas.insert_or_assign(d, s->nasPdu);
        if (!s->nasPdu.empty())
            insiderSees(Node::ENB, meta, s->nasPdu, true);
        settle(Node::ENB, meta, true);
        Meta fresh;
        fresh.device = d;
        fresh.signalling = true;
        enbAsSecurityModeCommand(d, fresh);
    } else {
        drop(Node::ENB, meta, DropReason::Malformed);
    }
}

std::optional<std::pair<std::uint32_t, ByteView>>
Engine::Impl::gtpFromBackhaul(Link link, bool downlink, Node node, const InFlight& pdu,
                              std::uint32_t teidBase, const std::vector<std::uint8_t>* bearer)
{
    const auto payload = payloadFromBackhaul(link, downlink, node, pdu, kPortGtpU);
    if (!payload)
        return std::nullopt;
    const auto gtp = parseGtpU(*payload);
    if (!gtp) {
        drop(node, pdu.meta, DropReason::Malformed);
        return std::nullopt;
    }
    teidBase += firstDevice; // the TEIDs follow the devices' global indices
    const std::uint32_t d = gtp->teid - teidBase;
    if (gtp->teid < teidBase || d >= scenario.devices || (bearer != nullptr && (*bearer)[d] == 0)) {
        drop(node, pdu.meta, DropReason::NoContext);
        return std::nullopt;
    }
    return std::pair{d, gtp->payload};
}

void Engine::Impl::enbFromS1u(InFlight& pdu)
{
    auto got = gtpFromBackhaul(Link::S1U, true, Node::ENB, pdu, kTeidS1uEnb, nullptr);
    if (!got)
        return;
    const auto& [d, packet] = *got;
    EnbContext& e = enb[d];
    Meta meta = pdu.meta;
    meta.device = d;
    if (!e.contextUp || ue[d].state == UeState::Idle) {
        drop(Node::ENB, meta, DropReason::NoContext);
        return;
    }
    insiderSees(Node::ENB, meta, packet, false);
    Bytes uu = spares.take();
    buildDrbPdu(uu, e.as, true, e.drbTx.next++, packet);
    send(Link::Uu, true, std::move(uu), meta, false, packet);
}

} // namespace mtcsec::engine
