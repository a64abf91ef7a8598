// The device (UE): attach with EPS-AKA on the USIM (TS 33.102 6.3, TS 24.301 5.5.1), the NAS and RRC Security
// Mode Commands as a standard device takes them, refusing null integrity
// (TS 33.401 7.2.4.4, 7.2.4.5, 5.1.4.1; TS 24.301 5.4.3.3, 5.4.3.5; TS 36.331 5.3.4.3), readings sent and
// commands received through PDCP (TS 36.323).
#include "core/crypto/KeyHierarchy.h"
#include "core/crypto/Milenage.h"
#include "core/engine/AlgorithmSelection.h"
#include "core/engine/CaptureSink.h"
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

namespace {

// Moves a message the receiver refused to delivered intact, its one fate: a replayed copy with the sender's
// content was accepted as its first delivery. A loss counted as an attacker's collateral (`losses`) is taken
// back from that attacker's tally: the message was not lost after all. False (nothing changed) for a message
// still pending or already delivered.
bool redeliverLate(AppRecord& rec, std::uint32_t record, DirectionAccounting& a,
                   std::vector<CollateralLoss>& losses, std::vector<AttackRuntime>& attacks)
{
    std::uint64_t* dropped = nullptr;
    switch (rec.fate) {
    case Fate::DroppedIntegrity:
        dropped = &a.droppedIntegrity;
        break;
    case Fate::DroppedReplay:
        dropped = &a.droppedReplay;
        break;
    case Fate::DroppedMalformed:
        dropped = &a.droppedMalformed;
        break;
    case Fate::DroppedOther:
        dropped = &a.droppedOther;
        break;
    case Fate::DroppedCollateral: {
        const auto loss =
            std::lower_bound(losses.begin(), losses.end(), record,
                             [](const CollateralLoss& l, std::uint32_t r) { return l.record < r; });
        if (loss == losses.end() || loss->record != record || loss->attack < 0 ||
            static_cast<std::size_t>(loss->attack) >= attacks.size())
            return false;
        AttackTally& t = attacks[static_cast<std::size_t>(loss->attack)].tally;
        std::uint64_t& cause = loss->detached ? t.collateralDetached : t.collateralCounter;
        if (t.collateral == 0 || (rec.uplink && t.collateralUplink == 0) || cause == 0)
            return false;
        --t.collateral;
        t.collateralUplink -= rec.uplink ? 1 : 0;
        --cause;
        loss->attack = -1; // taken back
        dropped = &a.droppedCollateral;
        break;
    }
    case Fate::Pending:
    case Fate::DeliveredIntact:
    case Fate::DeliveredAltered:
        return false;
    }
    if (dropped == nullptr || *dropped == 0)
        return false;
    --*dropped;
    ++a.deliveredIntact;
    rec.fate = Fate::DeliveredIntact;
    return true;
}

} // namespace

// ---------------------------------------------------------------- device (UE)

void Engine::Impl::startAttach(std::uint32_t d)
{
    UeContext& u = ue[d];
    if (u.state != UeState::Idle)
        return;
    u.state = UeState::Attaching;
    ++u.attachGeneration;
    u.nasActive = false;
    u.haveKasme = false;
    u.as = AsSecurityContext();
    u.nas = NasSecurityContext();
    u.srbTx = u.srbRx = u.drbTx = u.drbRx = PdcpCounter(); // a new RRC connection
    disturbedBy[d] = {-1, -1};                             // with counters from zero
    captureUuSecurity(d, false, u.as);
    if (u.downgradeAttack >= 0)
        noEffect(Node::Device, u.downgradeAttack, d, NoEffectReason::AttachRestarted);
    u.downgradeAttack = -1;
    enb[d] = EnbContext();
    if (!enbPendingNas.empty())
        enbPendingNas.erase(d);
    mme[d] = MmeContext();
    sgwBearer[d] = 0;
    pgwBearer[d] = 0;
    log(EventKind::AttachStarted, placeOf(Node::Device), d);

    NasMessage request;
    request.type = EmmType::AttachRequest;
    request.imsi = imsiOf(d);
    const UeCapabilities& capabilities = scenario.behaviourOf(d).capabilities; // the device's group
    u.capabilities = {capabilities.eea, capabilities.eia};
    request.capabilities = u.capabilities;
    request.ksi = 7; // no key available
    ueSendNas(d, encodeNas(request));
    schedule(now + kAttachGuard, Action::AttachTimeout, d, u.attachGeneration);
}

void Engine::Impl::attachTimeout(std::uint32_t d, std::uint32_t generation)
{
    UeContext& u = ue[d];
    if (u.state != UeState::Attaching || u.attachGeneration != generation)
        return;
    log(EventKind::AttachFailed, placeOf(Node::Device), d, 0);
    ueAttachFailed(d);
}

void Engine::Impl::ueAttachFailed(std::uint32_t d)
{
    UeContext& u = ue[d];
    if (u.state == UeState::Attaching)
        ++traffic.attachFailed;
    u.state = UeState::Idle;
    schedule(now + kAttachGuard, Action::AttachStart, d); // T3411-like (TS 24.301 5.5.1.2.6)
}

void Engine::Impl::ueRefuseSecurityMode(std::uint32_t d, const Meta& meta, SecurityLayer layer)
{
    UeContext& u = ue[d];
    settle(Node::Device, meta, false, DropReason::Policy);
    const std::uint8_t cause = layer == SecurityLayer::Nas ? kEmmCauseSecurityModeRejected : 0;
    log(EventKind::SecurityModeRefused, placeOf(Node::Device), d, cause, static_cast<std::uint8_t>(layer));
    if (layer == SecurityLayer::Nas) {
        // TS 24.301 5.4.3.5: SECURITY MODE REJECT, unprotected, with cause #24 "security mode rejected,
        // unspecified" (#23 is for replayed capabilities that differ from those sent).
        NasMessage reject;
        reject.type = EmmType::SecurityModeReject;
        reject.cause = cause;
        ueSendNas(d, encodeNas(reject));
    } else if (!u.as.integrityActive) {
        // TS 36.331 5.3.4.3: SecurityModeFailure, under the configuration used before the command (none: the
        // command activates AS security). A command re-keying an active context (the lab's live change) gets
        // no answer the eNB could read under its new keys: the device leaves the connection.
        Meta m;
        m.device = d;
        m.signalling = true;
        const Bytes failure = encodeRrc(RrcType::SecurityModeFailure, {}, 0); // the activation's transaction
        ueSendSrb(d, failure, m);
    }
    ueAttachFailed(d);
}

Bytes Engine::Impl::ueProtectNas(std::uint32_t d, ByteView plain, std::uint8_t sht)
{
    UeContext& u = ue[d];
    return protectNas(u.nas, sht, false, u.nas.nextUplinkCount++, plain);
}

void Engine::Impl::ueSendNas(std::uint32_t d, ByteView nasPdu)
{
    Meta m;
    m.device = d;
    m.signalling = true;
    ueSendSrb(d, encodeRrc(RrcType::UlInformationTransfer, nasPdu), m);
}

void Engine::Impl::ueSendSrb(std::uint32_t d, ByteView rrc, const Meta& meta)
{
    UeContext& u = ue[d];
    Bytes uu = spares.take();
    buildSrbPdu(uu, u.as, false, u.srbTx.next++, rrc);
    send(Link::Uu, false, std::move(uu), meta, false, rrc);
}

void Engine::Impl::ueSendDrb(std::uint32_t d, ByteView packet, const Meta& meta)
{
    UeContext& u = ue[d];
    Bytes uu = spares.take();
    buildDrbPdu(uu, u.as, false, u.drbTx.next++, packet);
    send(Link::Uu, false, std::move(uu), meta, false, packet);
}

void Engine::Impl::ueSendUplink(std::uint32_t d, std::uint32_t generation)
{
    UeContext& u = ue[d];
    if (u.state != UeState::Attached || u.attachGeneration != generation)
        return;
    if (!protection.app.dtls || ueDtlsReady(d))
        ueSendReading(d);
    schedule(after(now, scenario.traffic.uplinkIntervalS), Action::Uplink, d, generation);
}

void Engine::Impl::ueSendReading(std::uint32_t d)
{
    UeContext& u = ue[d];
    const auto tenths = static_cast<int>(150 + rng.below(150));
    const bool alarm = rng.below(20) == 0;
    const auto record = static_cast<std::uint32_t>(records.size());
    records.push_back(
        AppRecord{.device = d, .tenths = static_cast<std::int16_t>(tenths), .uplink = true, .flag = alarm});
    CoapMessage coap;
    coap.messageId = static_cast<std::uint16_t>(record);
    coap.token = record;
    coap.uriPath = "r";
    coap.payload = records.back().payload();
    ++traffic.uplinkSent;
    ++accounting.uplink.sent;
    log(EventKind::UplinkSent, placeOf(Node::Device), d, record);
    Meta m;
    m.device = d;
    m.record = record;
    encodeCoap(appCoap, coap);
    if (protection.app.dtls) {
        ueSendDtls(d, dtls[d].client->protect(appCoap), m);
        return;
    }
    protectApp(appPayload, protection.app, u.app, true, ++u.appSeq, appCoap);
    const std::uint16_t port = appPort(protection.app);
    buildIpv4Udp(appPacket, u.address, kAddrServer, port, port, nextIpId(), appPayload);
    ueSendDrb(d, appPacket, m);
}

void Engine::Impl::ueFromUu(InFlight& pdu)
{
    const std::uint32_t d = pdu.meta.device;
    UeContext& u = ue[d];
    if (u.state == UeState::Idle) {
        drop(Node::Device, pdu.meta, DropReason::NoContext);
        return;
    }
    const bool initialAs = !u.as.integrityActive;
    PdcpReceived& r = ueUuReceived;
    receivePdcp(u.as, true, u.srbRx, u.drbRx, pdu.bytes, r);
    if (r.verdict != PdcpVerdict::Accepted) {
        drop(Node::Device, pdu.meta, dropReasonOf(r.verdict));
        return;
    }
    if (r.lcid == kLcidDrb1) {
        markDisturbed(pdu.meta, false);
        ueApplication(d, pdu.meta, r.payload);
        return;
    }
    const auto rrc = decodeRrc(r.payload);
    if (!rrc) {
        drop(Node::Device, pdu.meta, DropReason::Malformed);
        return;
    }
    switch (rrc->type) {
    case RrcType::DlInformationTransfer:
        ueNas(d, pdu.meta, rrc->body);
        break;
    case RrcType::SecurityModeCommand: {
        if (!u.haveKasme) {
            drop(Node::Device, pdu.meta, DropReason::NoContext);
            return;
        }
        const auto eia = static_cast<crypto::IntegrityAlgorithm>(rrc->body[0]);
        const auto rrcEea = static_cast<crypto::CipheringAlgorithm>(rrc->body[1]);
        const auto upEea = static_cast<crypto::CipheringAlgorithm>(rrc->body[2]);
        if (!crypto::isImplemented(eia) || !crypto::isImplemented(rrcEea) || !crypto::isImplemented(upEea)) {
            drop(Node::Device, pdu.meta, DropReason::Policy);
            return;
        }
        if (eia == crypto::IntegrityAlgorithm::Eia0 && !scenario.behaviourOf(d).acceptsNullIntegrity) {
            ueRefuseSecurityMode(d, pdu.meta, SecurityLayer::As);
            return;
        }
        AsSecurityContext next = u.as;
        if (initialAs)
            u.kenb = toArray<32>(crypto::deriveKeNB(u.kasme, u.nas.nextUplinkCount - 1));
        setAsKeys(next, u.kenb, eia, rrcEea, upEea);
        if (initialAs) {
            // The first SMC is integrity protected with the keys it establishes: check its MAC-I with them.
            const ByteView raw = pdu.bytes;
            const crypto::Mac mac =
                crypto::computeMac(eia, next.kRrcInt, {r.count, kBearerSrb1, crypto::Direction::Downlink},
                                   raw.subspan(1, raw.size() - 5));
            if (!std::equal(mac.begin(), mac.end(), raw.end() - 4)) {
                drop(Node::Device, pdu.meta, DropReason::Integrity);
                return;
            }
        }
        settle(Node::Device, pdu.meta, true);
        next.integrityActive = true;
        next.cipheringActive = !initialAs;
        u.as = next;
        captureUuSecurity(d, false, u.as);
        captureKeys(d, "device");
        Meta m;
        m.device = d;
        m.signalling = true;
        ueSendSrb(d, encodeRrc(RrcType::SecurityModeComplete, {}, rrc->transactionId), m);
        u.as.cipheringActive = true; // ciphering starts after the Security Mode Complete (TS 33.401 7.2.4.5)
        captureUuSecurity(d, false, u.as);
        break;
    }
    default:
        drop(Node::Device, pdu.meta, DropReason::Malformed);
        break;
    }
}

void Engine::Impl::ueNas(std::uint32_t d, const Meta& meta, ByteView nasPdu)
{
    UeContext& u = ue[d];
    const auto sht = nasSecurityHeaderType(nasPdu);
    if (!sht) {
        drop(Node::Device, meta, DropReason::Malformed);
        return;
    }
    // SECURITY MODE COMMAND: the UE learns the selected algorithms from the unciphered message, derives the
    // keys from KASME and verifies the MAC with them (TS 33.401 7.2.4.4).
    if (*sht == kShtIntegrityNewContext && nasPdu.size() >= 8) {
        const auto smc = decodeNas(nasPdu.subspan(6));
        if (smc && smc->type == EmmType::SecurityModeCommand) {
            if (!u.haveKasme) {
                drop(Node::Device, meta, DropReason::NoContext);
                return;
            }
            const auto eia = static_cast<crypto::IntegrityAlgorithm>(smc->selectedAlgorithms & 0x07);
            const auto eea = static_cast<crypto::CipheringAlgorithm>(smc->selectedAlgorithms >> 4 & 0x07);
            if (!crypto::isImplemented(eia) || !crypto::isImplemented(eea)) {
                drop(Node::Device, meta, DropReason::Policy);
                return;
            }
            NasSecurityContext next = nasContext(u.kasme, eia, eea);
            next.nextDownlinkCount = u.nasActive ? u.nas.nextDownlinkCount : 0;
            next.nextUplinkCount = u.nasActive ? u.nas.nextUplinkCount : 0;
            const NasUnprotected r = unprotectNas(next, true, next.nextDownlinkCount, nasPdu);
            const auto settleDowngrade = [&](bool succeeded, DropReason reason) {
                if (u.downgradeAttack < 0)
                    return;
                AttackTally& t = attacks[static_cast<std::size_t>(u.downgradeAttack)].tally;
                ++(succeeded ? t.succeeded : t.blocked);
                ++(succeeded ? t.signallingSucceeded : t.signallingBlocked);
                if (!succeeded) {
                    ++t.blockedBy[static_cast<std::size_t>(reason)];
                    ++t.signallingBlockedBy[static_cast<std::size_t>(reason)];
                }
                log(succeeded ? EventKind::AttackSucceeded : EventKind::AttackBlocked, placeOf(Node::Device),
                    d, 0, static_cast<std::uint8_t>(reason), u.downgradeAttack);
                if (capture != nullptr)
                    capture->attemptDecided(AttemptDecision{.attackId = t.spec.id,
                                                            .device = d,
                                                            .time = now,
                                                            .outcome = succeeded ? AttemptOutcome::Succeeded
                                                                                 : AttemptOutcome::Blocked,
                                                            .blockedBy = reason});
                u.downgradeAttack = -1;
            };
            if (r.verdict != NasVerdict::Accepted) {
                settleDowngrade(false, dropReasonOf(r.verdict));
                drop(Node::Device, meta, dropReasonOf(r.verdict));
                return;
            }
            if (!(smc->capabilities == u.capabilities)) {
                // The replayed capabilities are not what this UE sent: a bidding-down attack
                // (TS 33.401 7.2.4.4).
                settleDowngrade(false, DropReason::Mismatch);
                settle(Node::Device, meta, false, DropReason::Mismatch);
                NasMessage reject;
                reject.type = EmmType::SecurityModeReject;
                reject.cause = kEmmCauseCapabilityMismatch;
                ueSendNas(d, encodeNas(reject));
                return;
            }
            if (eia == crypto::IntegrityAlgorithm::Eia0 && !scenario.behaviourOf(d).acceptsNullIntegrity) {
                settleDowngrade(false, DropReason::Policy); // the attach fails: nothing weaker is ever used
                ueRefuseSecurityMode(d, meta, SecurityLayer::Nas);
                return;
            }
            settleDowngrade(true, DropReason::Integrity);
            settle(Node::Device, meta, true);
            next.nextDownlinkCount = r.count + 1;
            u.nas = next;
            u.nasActive = true;
            captureKeys(d, "device");
            NasMessage complete;
            complete.type = EmmType::SecurityModeComplete;
            ueSendNas(d, ueProtectNas(d, encodeNas(complete), kShtIntegrityCipheredNewContext));
            return;
        }
    }

    Bytes plain;
    if (*sht == kShtPlain) {
        plain.assign(nasPdu.begin(), nasPdu.end());
    } else {
        if (!u.nasActive) {
            drop(Node::Device, meta, DropReason::NoContext);
            return;
        }
        NasUnprotected r = unprotectNas(u.nas, true, u.nas.nextDownlinkCount, nasPdu);
        if (r.verdict != NasVerdict::Accepted) {
            drop(Node::Device, meta, dropReasonOf(r.verdict));
            return;
        }
        u.nas.nextDownlinkCount = r.count + 1;
        plain = std::move(r.plain);
    }
    const auto m = decodeNas(plain);
    if (!m) {
        drop(Node::Device, meta, DropReason::Malformed);
        return;
    }
    if (*sht == kShtPlain && u.nasActive && u.nas.eia != crypto::IntegrityAlgorithm::Eia0 &&
        !plainAllowedAtUe(m->type)) {
        drop(Node::Device, meta, DropReason::Integrity); // TS 24.301 4.4.4.2: unprotected, so discarded
        return;
    }
    settle(Node::Device, meta, true);

    switch (m->type) {
    case EmmType::AuthenticationRequest: {
        // The USIM: AK from RAND, SQN from AUTN, MAC-A check, SQN freshness (TS 33.102 6.3.3).
        const crypto::Milenage milenage(u.k, u.opc);
        const std::array<std::uint8_t, 6> zeroSqn{};
        const std::array<std::uint8_t, 2> zeroAmf{};
        const auto ak = milenage.compute(m->rand, zeroSqn, zeroAmf).f5; // f5 does not depend on SQN or AMF
        std::array<std::uint8_t, 6> sqn{};
        for (std::size_t i = 0; i < 6; ++i)
            sqn[i] = m->autn[i] ^ ak[i];
        const ByteView amf = ByteView(m->autn).subspan(6, 2);
        const auto out = milenage.compute(m->rand, sqn, amf);
        NasMessage reply;
        if (!std::equal(out.f1.begin(), out.f1.end(), m->autn.begin() + 8)) {
            reply.type = EmmType::AuthenticationFailure;
            reply.cause = kCauseMacFailure;
        } else if (sqnValue(sqn) <= u.sqn) {
            reply.type = EmmType::AuthenticationFailure;
            reply.cause = kCauseSynchFailure;
        } else {
            u.sqn = sqnValue(sqn);
            u.kasme = toArray<32>(crypto::deriveKasme(out.f3, out.f4, snId(), ByteView(m->autn).first(6)));
            if (keepCkIk) {
                if (ckIk.empty())
                    ckIk.resize(scenario.devices);
                std::copy(out.f3.begin(), out.f3.end(), ckIk[d].begin());
                std::copy(out.f4.begin(), out.f4.end(), ckIk[d].begin() + 16);
            }
            u.haveKasme = true;
            captureKeys(d, "device");
            reply.type = EmmType::AuthenticationResponse;
            reply.res.assign(out.f2.begin(), out.f2.end());
        }
        ueSendNas(d, encodeNas(reply));
        break;
    }
    case EmmType::AttachAccept: {
        if (u.state != UeState::Attaching)
            break;
        u.address = m->pdnAddress;
        detachedBy[d] = -1;
        NasMessage complete;
        complete.type = EmmType::AttachComplete;
        ueSendNas(d, ueProtectNas(d, encodeNas(complete), kShtIntegrityCiphered));
        u.state = UeState::Attached;
        const double up = scenario.traffic.uplinkIntervalS;
        schedule(after(now, up * static_cast<double>(1 + rng.below(1000)) / 1000.0), Action::Uplink, d,
                 u.attachGeneration);
        const double down = scenario.traffic.downlinkIntervalS;
        if (down > 0)
            schedule(after(now, down * static_cast<double>(1 + rng.below(1000)) / 1000.0), Action::Downlink,
                     d, u.attachGeneration);
        break;
    }
    case EmmType::AttachReject:
        if (u.state != UeState::Attaching)
            break;
        log(EventKind::AttachFailed, placeOf(Node::Device), d, m->cause);
        ueAttachFailed(d);
        break;
    case EmmType::DetachRequest:
        if (meta.mark == Mark::Forged)
            detachedBy[d] = meta.attack; // what the device misses until it is back is this attacker's doing
        log(EventKind::Detached, placeOf(Node::Device), d, m->detachType);
        u.state = UeState::Idle;
        schedule(now + 5 * kMicrosPerSecond, Action::AttachStart, d);
        break;
    default:
        break;
    }
}

void Engine::Impl::ueApplication(std::uint32_t d, const Meta& meta, ByteView packet)
{
    UeContext& u = ue[d];
    const auto ip = parseIpv4(packet);
    const auto udp = ip && ip->protocol == kIpProtoUdp ? parseUdp(ip->payload) : std::nullopt;
    if (!udp || ip->destination != u.address) {
        drop(Node::Device, meta, DropReason::Malformed);
        return;
    }
    const UdpDatagram& datagram = *udp;
    if (protection.app.dtls) {
        // Under dtls only CoAP over DTLS is taken; anything else fails the device's policy.
        if (datagram.destinationPort == kPortCoaps)
            ueFromDtls(d, meta, datagram.payload);
        else
            drop(Node::Device, meta, DropReason::Policy);
        return;
    }
    AppUnprotected& r = appReceived;
    unprotectApp(protection.app, u.app, false, datagram.destinationPort, datagram.payload, u.appWindow, r);
    if (r.verdict != AppVerdict::Accepted) {
        drop(Node::Device, meta, dropReasonOf(r.verdict));
        return;
    }
    deliverApplication(Node::Device, d, meta, false, r.coap);
}

void Engine::Impl::deliverApplication(Node node, std::uint32_t d, const Meta& meta, bool uplink,
                                      ByteView coapBytes)
{
    // What the receiver accepted is judged by the message the PDU really carries (the simulation's record of
    // it), never by fields an attacker may have changed.
    const auto coap = parseCoap(coapBytes);
    const bool genuine = meta.mark == Mark::None || meta.mark == Mark::Tampered;
    AppRecord* rec = meta.record != 0 && meta.record < records.size() ? &records[meta.record] : nullptr;
    Delivery delivery = Delivery::Forged;
    const bool firstCopy = rec != nullptr && meta.mark == Mark::Replayed && !rec->delivered;
    if (rec != nullptr && meta.mark == Mark::Replayed)
        delivery = Delivery::Replayed;
    else if (rec != nullptr && genuine)
        delivery = coap && rec->payload() == coap->payload ? Delivery::Intact : Delivery::Altered;
    // A replayed copy, unaltered, of a message whose original the receiver refused (or lost as an attacker's
    // collateral): the attacker's copy carried the sender's real message, so the message was delivered
    // (late), not dropped, and the copy is its delivery, not an accepted extra.
    const bool lateDelivery =
        firstCopy && coap && coap->payload == rec->payload() &&
        redeliverLate(*rec, meta.record, uplink ? accounting.uplink : accounting.downlink, collateralLosses,
                      attacks);
    if (rec != nullptr && (genuine || firstCopy))
        rec->delivered = true;
    if (rec != nullptr && genuine) {
        settleMessage(meta, delivery == Delivery::Intact ? Fate::DeliveredIntact : Fate::DeliveredAltered);
        disturbedBy[d][uplink ? 0 : 1] = -1; // a genuine message got through: the counters agree again
    }
    const bool delivered = delivery == Delivery::Intact || delivery == Delivery::Altered || lateDelivery;
    if (uplink) {
        traffic.uplinkDelivered += delivered ? 1 : 0;
        traffic.uplinkAlteredAccepted += delivery == Delivery::Altered ? 1 : 0;
        traffic.uplinkReplayedAccepted += delivery == Delivery::Replayed && !lateDelivery ? 1 : 0;
    } else {
        traffic.downlinkDelivered += delivered ? 1 : 0;
        traffic.downlinkForgedAccepted += delivery == Delivery::Forged ? 1 : 0;
        traffic.downlinkAlteredAccepted += delivery == Delivery::Altered ? 1 : 0;
        traffic.downlinkReplayedAccepted += delivery == Delivery::Replayed && !lateDelivery ? 1 : 0;
    }
    accounting.acceptedReplayed += delivery == Delivery::Replayed && !lateDelivery ? 1 : 0;
    accounting.acceptedForged += delivery == Delivery::Forged ? 1 : 0;
    log(uplink ? EventKind::UplinkDelivered : EventKind::DownlinkDelivered, placeOf(node), d, meta.record,
        static_cast<std::uint8_t>(delivery), meta.attack);
    if (meta.attack < 0 || meta.mark == Mark::None || meta.mark == Mark::Downgraded)
        return;
    if (delivery == Delivery::Intact)
        noEffect(node, meta.attack, d, NoEffectReason::Unchanged, meta.attempt);
    else if (firstCopy && coap && coap->payload == rec->payload())
        noEffect(node, meta.attack, d, NoEffectReason::LateFirstCopy, meta.attempt);
    else
        settle(node, meta, true);
}

} // namespace mtcsec::engine
