// The nodes' procedures on real messages: EPS attach with EPS-AKA (TS 33.401 6.1, TS 24.301 5.5.1 and 5.4.2),
// algorithm selection (TS 33.401 7.2.4.2, 7.2.4.3), NAS Security Mode Command (TS 33.401 7.2.4.4), AS
// Security Mode Command (7.2.4.5), a standard device's refusal of null integrity (TS 24.301 5.4.3.3 and
// 5.4.3.5, TS 36.331 5.3.4.3, TS 33.401 5.1.4.1), then the MTC application's uplink readings and downlink
// commands through PDCP (Uu), GTP-U (S1-U, S5) and plain IP (SGi).
#include "core/crypto/KeyHierarchy.h"
#include "core/crypto/Milenage.h"
#include "core/engine/AlgorithmSelection.h"
#include "core/engine/EngineImpl.h"
#include "core/protocol/Coap.h"
#include "core/protocol/DiameterS6a.h"
#include "core/protocol/GtpU.h"
#include "core/protocol/Ipv4Udp.h"
#include "core/protocol/RrcMessage.h"
#include "core/protocol/S1apMessage.h"

#include <algorithm>

namespace mtcsec::engine {

using namespace protocol;

namespace {

constexpr SimTime kAttachGuard = 10 * kMicrosPerSecond; // T3410-like supervision of one attach attempt
constexpr std::uint8_t kCauseMacFailure = 20, kCauseSynchFailure = 21;

template <std::size_t N>
std::array<std::uint8_t, N> toArray(ByteView v)
{
    std::array<std::uint8_t, N> a{};
    std::copy_n(v.begin(), std::min(N, v.size()), a.begin());
    return a;
}

std::uint64_t sqnValue(ByteView b)
{
    std::uint64_t v = 0;
    for (const std::uint8_t x : b)
        v = v << 8 | x;
    return v;
}

std::array<std::uint8_t, 6> sqnBytes(std::uint64_t v)
{
    std::array<std::uint8_t, 6> b{};
    for (int i = 5; i >= 0; --i, v >>= 8)
        b[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v);
    return b;
}

NasSecurityContext nasContext(ByteView kasme, crypto::IntegrityAlgorithm eia, crypto::CipheringAlgorithm eea)
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

void setAsKeys(AsSecurityContext& as, ByteView kenb, crypto::IntegrityAlgorithm eia,
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
bool plainAllowedAtUe(EmmType t)
{
    return t == EmmType::AuthenticationRequest || t == EmmType::DetachAccept || t == EmmType::AttachReject;
}
bool plainAllowedAtMme(EmmType t)
{
    return t == EmmType::AttachRequest || t == EmmType::AuthenticationResponse ||
           t == EmmType::AuthenticationFailure || t == EmmType::SecurityModeReject ||
           t == EmmType::DetachRequest;
}

DropReason dropReasonOf(PdcpVerdict v)
{
    return v == PdcpVerdict::Duplicate          ? DropReason::Duplicate
           : v == PdcpVerdict::IntegrityFailure ? DropReason::Integrity
                                                : DropReason::Malformed;
}

DropReason dropReasonOf(NasVerdict v)
{
    return v == NasVerdict::Replay             ? DropReason::Replay
           : v == NasVerdict::IntegrityFailure ? DropReason::Integrity
                                               : DropReason::Malformed;
}

DropReason dropReasonOf(AppVerdict v)
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

} // namespace

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
    if (u.downgradeAttack >= 0)
        noEffect(Node::Device, u.downgradeAttack, d, NoEffectReason::AttachRestarted);
    u.downgradeAttack = -1;
    enb[d] = EnbContext();
    mme[d] = MmeContext();
    sgwBearer[d] = 0;
    pgwBearer[d] = 0;
    log(EventKind::AttachStarted, placeOf(Node::Device), d);

    NasMessage request;
    request.type = EmmType::AttachRequest;
    request.imsi = imsiOf(d);
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
        const Bytes failure = encodeRrc(RrcType::SecurityModeFailure, {});
        send(Link::Uu, false, buildSrbPdu(u.as, false, u.srbTx.next++, failure), m, false, failure);
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
    UeContext& u = ue[d];
    Meta m;
    m.device = d;
    m.signalling = true;
    const Bytes rrc = encodeRrc(RrcType::UlInformationTransfer, nasPdu);
    send(Link::Uu, false, buildSrbPdu(u.as, false, u.srbTx.next++, rrc), m, false, rrc);
}

void Engine::Impl::ueSendUplink(std::uint32_t d, std::uint32_t generation)
{
    UeContext& u = ue[d];
    if (u.state != UeState::Attached || u.attachGeneration != generation)
        return;
    const auto tenths = static_cast<int>(150 + rng.below(150));
    const bool alarm = rng.below(20) == 0;
    const auto record = static_cast<std::uint32_t>(records.size());
    records.push_back(AppRecord{d, true, false, Fate::Pending, readingPayload(tenths, alarm)});
    CoapMessage coap;
    coap.messageId = static_cast<std::uint16_t>(record);
    coap.token = record;
    coap.uriPath = "r";
    coap.payload = records.back().payload;
    const Bytes app = protectApp(protection.app, u.app, true, ++u.appSeq, encodeCoap(coap));
    const std::uint16_t port = appPort(protection.app);
    const Bytes ip = buildIpv4Udp(u.address, kAddrServer, port, port, nextIpId(), app);
    ++traffic.uplinkSent;
    ++accounting.uplink.sent;
    log(EventKind::UplinkSent, placeOf(Node::Device), d, record);
    Meta m;
    m.device = d;
    m.record = record;
    send(Link::Uu, false, buildDrbPdu(u.as, false, u.drbTx.next++, ip), m, false, ip);
    schedule(after(now, scenario.traffic.uplinkIntervalS), Action::Uplink, d, generation);
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
    PdcpReceived r = receivePdcp(u.as, true, u.srbRx, u.drbRx, pdu.bytes);
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
        if (eia == crypto::IntegrityAlgorithm::Eia0 && !scenario.ue.acceptsNullIntegrity) {
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
        captureKeys(d, "device");
        Meta m;
        m.device = d;
        m.signalling = true;
        const Bytes complete = encodeRrc(RrcType::SecurityModeComplete, {});
        send(Link::Uu, false, buildSrbPdu(u.as, false, u.srbTx.next++, complete), m, false, complete);
        u.as.cipheringActive = true; // ciphering starts after the Security Mode Complete (TS 33.401 7.2.4.5)
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
                if (!succeeded)
                    ++t.blockedBy[static_cast<std::size_t>(reason)];
                log(succeeded ? EventKind::AttackSucceeded : EventKind::AttackBlocked, placeOf(Node::Device),
                    d, 0, static_cast<std::uint8_t>(reason), u.downgradeAttack);
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
            if (eia == crypto::IntegrityAlgorithm::Eia0 && !scenario.ue.acceptsNullIntegrity) {
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
            u.haveKasme = true;
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
    const AppUnprotected r =
        unprotectApp(protection.app, u.app, false, udp->destinationPort, udp->payload, u.appWindow);
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
        delivery = coap && rec->payload == coap->payload ? Delivery::Intact : Delivery::Altered;
    if (rec != nullptr && (genuine || firstCopy))
        rec->delivered = true;
    if (rec != nullptr && genuine) {
        settleMessage(meta, delivery == Delivery::Intact ? Fate::DeliveredIntact : Fate::DeliveredAltered);
        disturbedBy[d][uplink ? 0 : 1] = -1; // a genuine message got through: the counters agree again
    }
    const bool delivered = delivery == Delivery::Intact || delivery == Delivery::Altered;
    if (uplink) {
        traffic.uplinkDelivered += delivered ? 1 : 0;
        traffic.uplinkAlteredAccepted += delivery == Delivery::Altered ? 1 : 0;
        traffic.uplinkReplayedAccepted += delivery == Delivery::Replayed ? 1 : 0;
    } else {
        traffic.downlinkDelivered += delivered ? 1 : 0;
        traffic.downlinkForgedAccepted += delivery == Delivery::Forged ? 1 : 0;
        traffic.downlinkAlteredAccepted += delivery == Delivery::Altered ? 1 : 0;
        traffic.downlinkReplayedAccepted += delivery == Delivery::Replayed ? 1 : 0;
    }
    accounting.acceptedReplayed += delivery == Delivery::Replayed ? 1 : 0;
    accounting.acceptedForged += delivery == Delivery::Forged ? 1 : 0;
    log(uplink ? EventKind::UplinkDelivered : EventKind::DownlinkDelivered, placeOf(node), d, meta.record,
        static_cast<std::uint8_t>(delivery), meta.attack);
    if (meta.attack < 0 || meta.mark == Mark::None || meta.mark == Mark::Downgraded)
        return;
    if (delivery == Delivery::Intact)
        noEffect(node, meta.attack, d, NoEffectReason::Unchanged);
    else if (firstCopy && coap && coap->payload == rec->payload)
        noEffect(node, meta.attack, d, NoEffectReason::LateFirstCopy);
    else
        settle(node, meta, true);
}

// ---------------------------------------------------------------- eNB

void Engine::Impl::enbSendSrb(std::uint32_t d, ByteView rrc, const Meta& meta)
{
    EnbContext& e = enb[d];
    send(Link::Uu, true, buildSrbPdu(e.as, true, e.srbTx.next++, rrc), meta, false, rrc);
}

void Engine::Impl::enbAsSecurityModeCommand(std::uint32_t d, const Meta& meta)
{
    EnbContext& e = enb[d];
    const AsProtection& p = protection.as;
    // TS 33.401 7.2.4.3: the eNB picks from its priority lists what the UE security capabilities include.
    const auto eia = selectIntegrity(integrityPriority(p.rrcIntegrity), e.capabilities);
    const auto rrcEea = selectCiphering(cipheringPriority(p.rrcCiphering), e.capabilities);
    const auto upEea = selectCiphering(cipheringPriority(p.upCiphering), e.capabilities);
    if (!eia || !rrcEea || !upEea) {
        const AlgorithmUse use = !eia      ? AlgorithmUse::RrcIntegrity
                                 : !rrcEea ? AlgorithmUse::RrcCiphering
                                           : AlgorithmUse::UpCiphering;
        log(EventKind::NoCommonAlgorithm, placeOf(Node::ENB), d, 0, static_cast<std::uint8_t>(use));
        if (!e.as.integrityActive) {
            // No AS security, no context: the Initial Context Setup fails (TS 36.413 8.3.1.3) and the
            // device's attach runs out of time.
            e.contextUp = false;
            e.pendingNas.clear();
        }
        return; // a re-keying it cannot do leaves the context in use as it is
    }
    const std::array<std::uint8_t, 3> body = {static_cast<std::uint8_t>(*eia),
                                              static_cast<std::uint8_t>(*rrcEea),
                                              static_cast<std::uint8_t>(*upEea)};
    log(EventKind::AsSecurityModeCommand, placeOf(Node::ENB), d,
        static_cast<std::uint32_t>(body[0]) << 8 | static_cast<std::uint32_t>(body[1]) << 4 | body[2]);
    const Bytes smc = encodeRrc(RrcType::SecurityModeCommand, body);
    if (!e.as.integrityActive) {
        // First activation: integrity with the new keys now, ciphering once the UE has answered.
        setAsKeys(e.as, e.kenb, *eia, *rrcEea, *upEea);
        e.as.integrityActive = true;
        enbSendSrb(d, smc, meta);
    } else {
        // Re-keying an active context: the command travels under the old keys, then both ends switch.
        enbSendSrb(d, smc, meta);
        setAsKeys(e.as, e.kenb, *eia, *rrcEea, *upEea);
    }
}

void Engine::Impl::enbFromUu(InFlight& pdu)
{
    const std::uint32_t d = pdu.meta.device;
    EnbContext& e = enb[d];
    PdcpReceived r = receivePdcp(e.as, false, e.srbRx, e.drbRx, pdu.bytes);
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
        sendBackhaul(Link::S1U, false, kAddrEnb, kAddrSgw, kPortGtpU, encodeGtpU(kTeidS1uSgw + d, r.payload),
                     pdu.meta);
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
        sendBackhaul(Link::S1Mme, false, kAddrEnb, kAddrMme, kPortS1ap, encodeS1ap(s), pdu.meta);
    } else if (rrc->type == RrcType::SecurityModeComplete) {
        settle(Node::ENB, pdu.meta, true);
        e.as.cipheringActive = true;
        if (!e.pendingNas.empty()) {
            const Bytes nas = std::move(e.pendingNas);
            e.pendingNas.clear();
            Meta fresh;
            fresh.device = d;
            fresh.signalling = true;
            enbSendSrb(d, encodeRrc(RrcType::DlInformationTransfer, nas), fresh);
            S1apMessage response;
            response.procedure = S1apProcedure::InitialContextSetupResponse;
            response.enbUeId = d + 1;
            response.mmeUeId = d + 1;
            sendBackhaul(Link::S1Mme, false, kAddrEnb, kAddrMme, kPortS1ap, encodeS1ap(response), fresh);
        }
    } else if (rrc->type == RrcType::SecurityModeFailure) {
        // The device refused AS security (TS 36.331 5.3.4.3): the eNB releases what it had set up.
        settle(Node::ENB, pdu.meta, true);
        e.contextUp = false;
        e.pendingNas.clear();
    } else {
        drop(Node::ENB, pdu.meta, DropReason::Malformed);
    }
}

void Engine::Impl::enbFromS1Mme(InFlight& pdu)
{
    const auto payload = udpFromBackhaul(Link::S1Mme, true, Node::ENB, pdu, kPortS1ap);
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
            e.capabilities = {(*s->ueSecurityCapabilities)[0], (*s->ueSecurityCapabilities)[1]};
        e.pendingNas = s->nasPdu;
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

std::optional<Bytes> Engine::Impl::udpFromBackhaul(Link link, bool downlink, Node node, const InFlight& pdu,
                                                   std::uint16_t port)
{
    const auto inner = receiveBackhaul(link, downlink, node, pdu);
    if (!inner)
        return std::nullopt; // dropped (and accounted) by the security gateway
    const auto ip = parseIpv4(*inner);
    const auto udp = ip && ip->protocol == kIpProtoUdp ? parseUdp(ip->payload) : std::nullopt;
    if (!udp || udp->destinationPort != port) {
        drop(node, pdu.meta, DropReason::Malformed);
        return std::nullopt;
    }
    return Bytes(udp->payload.begin(), udp->payload.end());
}

std::optional<std::pair<std::uint32_t, Bytes>>
Engine::Impl::gtpFromBackhaul(Link link, bool downlink, Node node, const InFlight& pdu,
                              std::uint32_t teidBase, const std::vector<std::uint8_t>* bearer)
{
    const auto payload = udpFromBackhaul(link, downlink, node, pdu, kPortGtpU);
    if (!payload)
        return std::nullopt;
    const auto gtp = parseGtpU(*payload);
    if (!gtp) {
        drop(node, pdu.meta, DropReason::Malformed);
        return std::nullopt;
    }
    const std::uint32_t d = gtp->teid - teidBase;
    if (gtp->teid < teidBase || d >= scenario.devices || (bearer != nullptr && (*bearer)[d] == 0)) {
        drop(node, pdu.meta, DropReason::NoContext);
        return std::nullopt;
    }
    return std::pair{d, Bytes(gtp->payload.begin(), gtp->payload.end())};
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
    send(Link::Uu, true, buildDrbPdu(e.as, true, e.drbTx.next++, packet), meta, false, packet);
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
        s.ueSecurityCapabilities =
            std::array<std::uint8_t, 2>{c.receivedCapabilities.eea, c.receivedCapabilities.eia};
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
    const auto selectedEia = selectIntegrity(integrityPriority(protection.nas.integrity), caps);
    const auto selectedEea = selectCiphering(cipheringPriority(protection.nas.ciphering), caps);
    if (!selectedEia || !selectedEea) {
        const AlgorithmUse use = !selectedEia ? AlgorithmUse::NasIntegrity : AlgorithmUse::NasCiphering;
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
    const auto payload = udpFromBackhaul(Link::S1Mme, false, Node::MME, pdu, kPortS1ap);
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
    const auto payload = udpFromBackhaul(Link::S6a, true, Node::MME, pdu, kPortDiameter);
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

// ---------------------------------------------------------------- HSS

void Engine::Impl::hssFromS6a(InFlight& pdu)
{
    const auto payload = udpFromBackhaul(Link::S6a, false, Node::HSS, pdu, kPortDiameter);
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
            if (n >= 1 && n <= scenario.devices)
                subscriber = static_cast<std::uint32_t>(n - 1);
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
        const auto out = crypto::Milenage(h.k, h.opc).compute(v.rand, sqn, amf);
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

// ---------------------------------------------------------------- S-GW, P-GW, server

void Engine::Impl::sgwFromS1u(InFlight& pdu)
{
    auto got = gtpFromBackhaul(Link::S1U, false, Node::SGW, pdu, kTeidS1uSgw, &sgwBearer);
    if (!got)
        return;
    const auto& [d, packet] = *got;
    insiderSees(Node::SGW, pdu.meta, packet, false);
    sendBackhaul(Link::S5, false, kAddrSgw, kAddrPgw, kPortGtpU, encodeGtpU(kTeidS5Pgw + d, packet),
                 pdu.meta);
}

void Engine::Impl::sgwFromS5(InFlight& pdu)
{
    auto got = gtpFromBackhaul(Link::S5, true, Node::SGW, pdu, kTeidS5Sgw, &sgwBearer);
    if (!got)
        return;
    const auto& [d, packet] = *got;
    insiderSees(Node::SGW, pdu.meta, packet, false);
    sendBackhaul(Link::S1U, true, kAddrSgw, kAddrEnb, kPortGtpU, encodeGtpU(kTeidS1uEnb + d, packet),
                 pdu.meta);
}

void Engine::Impl::pgwFromS5(InFlight& pdu)
{
    auto got = gtpFromBackhaul(Link::S5, false, Node::PGW, pdu, kTeidS5Pgw, &pgwBearer);
    if (!got)
        return;
    auto& [d, packet] = *got;
    Meta meta = pdu.meta;
    meta.device = d;
    const auto ip = parseIpv4(packet);
    if (!ip) {
        drop(Node::PGW, meta, DropReason::Malformed); // for example deciphered with the wrong keystream
        return;
    }
    if (ip->source != deviceAddress(d)) {
        drop(Node::PGW, meta, DropReason::Policy); // anti-spoofing: the bearer's address only
        return;
    }
    insiderSees(Node::PGW, meta, packet, false);
    sendSgi(false, std::move(packet), meta);
}

void Engine::Impl::pgwFromSgi(InFlight& pdu)
{
    const auto inner = receiveBackhaul(Link::SGi, true, Node::PGW, pdu);
    if (!inner)
        return;
    const auto ip = parseIpv4(*inner);
    const auto d = ip ? deviceOfAddress(ip->destination) : std::nullopt;
    if (!ip) {
        drop(Node::PGW, pdu.meta, DropReason::Malformed);
        return;
    }
    if (!d || pgwBearer[*d] == 0) {
        drop(Node::PGW, pdu.meta, DropReason::NoContext);
        return;
    }
    Meta meta = pdu.meta;
    meta.device = *d;
    insiderSees(Node::PGW, meta, *inner, false);
    sendBackhaul(Link::S5, true, kAddrPgw, kAddrSgw, kPortGtpU, encodeGtpU(kTeidS5Sgw + *d, *inner), meta);
}

void Engine::Impl::serverFromSgi(InFlight& pdu)
{
    const auto inner = receiveBackhaul(Link::SGi, false, Node::Server, pdu);
    if (!inner)
        return;
    const auto ip = parseIpv4(*inner);
    const auto udp = ip && ip->protocol == kIpProtoUdp ? parseUdp(ip->payload) : std::nullopt;
    const auto d = ip ? deviceOfAddress(ip->source) : std::nullopt;
    if (!udp || ip->destination != kAddrServer) {
        drop(Node::Server, pdu.meta, DropReason::Malformed);
        return;
    }
    if (!d) {
        drop(Node::Server, pdu.meta, DropReason::NoContext);
        return;
    }
    ServerContext& s = server[*d];
    const AppUnprotected r =
        unprotectApp(protection.app, s.app, true, udp->destinationPort, udp->payload, s.appWindow);
    if (r.verdict != AppVerdict::Accepted) {
        drop(Node::Server, pdu.meta, dropReasonOf(r.verdict));
        return;
    }
    deliverApplication(Node::Server, *d, pdu.meta, true, r.coap);
}

void Engine::Impl::serverSendDownlink(std::uint32_t d, std::uint32_t generation)
{
    if (ue[d].attachGeneration != generation || ue[d].state != UeState::Attached)
        return;
    ServerContext& s = server[d];
    const auto record = static_cast<std::uint32_t>(records.size());
    records.push_back(AppRecord{d, false, false, Fate::Pending, commandPayload(rng.below(2) == 1)});
    CoapMessage coap;
    coap.messageId = static_cast<std::uint16_t>(record);
    coap.token = record;
    coap.uriPath = "c";
    coap.payload = records.back().payload;
    const Bytes app = protectApp(protection.app, s.app, false, ++s.appSeq, encodeCoap(coap));
    const std::uint16_t port = appPort(protection.app);
    ++traffic.downlinkSent;
    ++accounting.downlink.sent;
    log(EventKind::DownlinkSent, placeOf(Node::Server), d, record);
    Meta m;
    m.device = d;
    m.record = record;
    sendSgi(true, buildIpv4Udp(kAddrServer, deviceAddress(d), port, port, nextIpId(), app), m);
    schedule(after(now, scenario.traffic.downlinkIntervalS), Action::Downlink, d, generation);
}

} // namespace mtcsec::engine
