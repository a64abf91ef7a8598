// Moving PDUs over the links: attack hooks on the wire, latency, the backhaul transports (SCTP on S1-MME and
// S6a, RFC 9260; UDP elsewhere), NDS/IP (ESP tunnels, TS 33.210) on backhaul links, arrival dispatch to the
// receiving node, and the accounting of drops and attack outcomes.
#include "core/engine/CaptureSink.h"
#include "core/engine/Dissector.h"
#include "core/engine/EngineImpl.h"
#include "core/protocol/Ipv4Udp.h"
#include "core/protocol/Sctp.h"

#include <algorithm>

namespace mtcsec::engine {

using namespace protocol;

namespace {

// The links whose signalling travels on SCTP: S1-MME (TS 36.412 clause 7) and S6a (TS 29.272 clause 7.1).
bool onSctp(Link link)
{
    return link == Link::S1Mme || link == Link::S6a;
}

std::uint32_t ppidOf(Link link)
{
    return link == Link::S1Mme ? kPpidS1ap : kPpidDiameter;
}

// Each end's verification tag (the Initiate Tag of its INIT or INIT ACK, carried by every packet sent to it),
// fixed rather than random so that a run is reproducible: 0x5c7e0000 plus the last octet of the node's
// address. Each direction's initial TSN is its sender's own tag (RFC 9260 3.3.2 allows it).
std::uint32_t sctpTag(std::uint32_t address)
{
    return 0x5c7e0000u | (address & 0xffu);
}

// S1AP (TS 36.412 clause 7): stream 0 is reserved for non-UE-associated signalling, UE-associated signalling
// is spread over the other streams (here 3 of them, by device). Diameter uses one stream.
constexpr std::uint16_t kS1apStreams = 4;

std::uint16_t streamOf(Link link, std::uint32_t device)
{
    if (link != Link::S1Mme)
        return 0;
    return device == kNoDevice ? 0 : static_cast<std::uint16_t>(1 + device % (kS1apStreams - 1));
}

} // namespace

void Engine::Impl::setUpSctp()
{
    // Uplink: the association's initiator (the eNB on S1-MME, the MME on S6a) to its server; downlink back.
    const auto setUp = [&](Link link, std::uint32_t client, std::uint32_t serving, std::uint16_t port,
                           std::uint16_t streams) {
        auto& ends = sctp[static_cast<std::size_t>(link)];
        ends[0] = SctpSender(port, port, sctpTag(serving), sctpTag(client), streams);
        ends[1] = SctpSender(port, port, sctpTag(client), sctpTag(serving), streams);
    };
    setUp(Link::S1Mme, kAddrEnb, kAddrMme, kPortS1ap, kS1apStreams);
    setUp(Link::S6a, kAddrMme, kAddrHss, kPortDiameter, 1);
}

void Engine::Impl::sctpPacket(Bytes& out, Link link, bool downlink, std::uint32_t device, ByteView payload)
{
    sctp[static_cast<std::size_t>(link)][downlink ? 1 : 0].send(out, streamOf(link, device), ppidOf(link),
                                                                payload);
}

std::optional<std::pair<std::uint32_t, std::uint32_t>> Engine::Impl::resequenceSctp(Link link, bool downlink,
                                                                                    Bytes& ipPacket)
{
    const auto ip = onSctp(link) ? parseIpv4(ipPacket) : std::nullopt;
    const auto old = ip && ip->protocol == kIpProtoSctp ? parseSctp(ip->payload) : std::nullopt;
    if (!old)
        return std::nullopt;
    Bytes fresh = spares.take();
    sctp[static_cast<std::size_t>(link)][downlink ? 1 : 0].send(fresh, old->stream, old->ppid, old->payload);
    const std::uint32_t tsn = parseSctp(fresh)->tsn;
    const std::uint32_t oldTsn = old->tsn;
    // The same length: the IPv4 header (and its checksum) stays as it was.
    std::copy(fresh.begin(), fresh.end(), ipPacket.end() - static_cast<std::ptrdiff_t>(fresh.size()));
    spares.give(fresh);
    return std::pair{oldTsn, tsn};
}

void Engine::Impl::send(Link link, bool downlink, Bytes bytes, const Meta& meta, bool attackerOriginated,
                        ByteView plain)
{
    Meta m = meta;
    const std::uint32_t pduId = nextPduId++;
    if (!attackerOriginated)
        attackLink(link, downlink, bytes, m, pduId);
    // Kept for the inspector (the ring), or only built for the capture sink; neither in a headless run.
    if (keepPdus && recentPdus.empty())
        recentPdus.resize(kRecentPdus);
    PduRecord* kept = !recentPdus.empty()  ? &recentPdus[pduId % kRecentPdus]
                      : capture != nullptr ? &capturedPdu
                                           : nullptr;
    if (kept != nullptr) {
        kept->id = pduId;
        kept->time = now;
        kept->link = link;
        kept->downlink = downlink;
        kept->device = m.device;
        kept->bytes = bytes;
        kept->plain.assign(plain.begin(), plain.end());
        kept->applicationPayload =
            m.record != 0 && m.record < records.size() ? records[m.record].payload() : std::string();
        kept->attack =
            m.attack >= 0 ? attacks[static_cast<std::size_t>(m.attack)].tally.spec.id : std::string();
        kept->received.clear(); // keeps its capacity: the ring allocates nothing once warm
        kept->reception = Reception::Pending;
    }
    if (classifyPdus) {
        const Finding f = dissectLink(link, bytes, false); // its reading only
        const Reading r = f.secrets != 0 ? Reading::Secret
                          : f.ciphertext ? Reading::Ciphertext
                                         : Reading::NothingSecret;
        recentReadings[pduId % kRecentPdus] = static_cast<std::uint8_t>(1 + static_cast<unsigned>(r));
    }
    if (capture != nullptr)
        capture->linkPdu(*kept);
    log(EventKind::PduSent, placeOf(link), m.device, static_cast<std::uint32_t>(bytes.size()),
        downlink ? 1 : 0, m.attack, pduId);
    const std::uint32_t slot = allocate();
    InFlight& f = pool[slot];
    f.bytes = std::move(bytes);
    f.link = link;
    f.downlink = downlink;
    f.meta = m;
    f.pduId = pduId;
    f.state = SlotState::OnLink;
    // A link is a FIFO pipe: jitter never lets a PDU overtake an earlier one in the same direction (which
    // would also push it out of an ESP anti-replay window on a busy link).
    SimTime& last = lastArrival[static_cast<std::size_t>(link)][downlink ? 1 : 0];
    last = std::max(now + latency(link), last + 1);
    schedule(last, Action::Arrive, slot);
}

void Engine::Impl::sendBackhaul(Link link, bool downlink, std::uint32_t src, std::uint32_t dst,
                                std::uint16_t port, ByteView payload, const Meta& meta)
{
    // The inner packet is only read (sealed into ESP or copied to the wire, kept as the inspector's plain
    // view): built in a buffer reused from packet to packet; the SCTP packet inside it in a spare lent for
    // the call.
    Bytes& packet = backhaulPacket;
    if (onSctp(link)) {
        Bytes chunk = spares.take();
        sctpPacket(chunk, link, downlink, meta.device, payload);
        buildIpv4(packet, src, dst, kIpProtoSctp, nextIpId(), chunk);
        spares.give(chunk);
    } else {
        buildIpv4Udp(packet, src, dst, port, port, nextIpId(), payload);
    }
    Bytes wire = spares.take();
    if (protection.ndsOn(link))
        espEncapsulate(wire, sa[static_cast<std::size_t>(link)][downlink ? 1 : 0], packet, nextIpId());
    else
        wire.assign(packet.begin(), packet.end());
    send(link, downlink, std::move(wire), meta, false, packet);
}

void Engine::Impl::sendSgi(bool downlink, ByteView ipPacket, const Meta& meta)
{
    Bytes wire = spares.take();
    if (protection.ndsOn(Link::SGi))
        espEncapsulate(wire, sa[static_cast<std::size_t>(Link::SGi)][downlink ? 1 : 0], ipPacket, nextIpId());
    else
        wire.assign(ipPacket.begin(), ipPacket.end());
    send(Link::SGi, downlink, std::move(wire), meta, false, ipPacket);
}

std::optional<ByteView> Engine::Impl::receiveBackhaul(Link link, bool downlink, Node node,
                                                      const InFlight& pdu)
{
    const auto outer = parseIpv4(pdu.bytes);
    if (!outer) {
        drop(node, pdu.meta, DropReason::Malformed);
        return std::nullopt;
    }
    if (outer->protocol == kIpProtoEsp) {
        const std::size_t l = static_cast<std::size_t>(link), dir = downlink ? 1 : 0;
        const auto header = parseEspHeader(outer->payload);
        EspSa* chosen = nullptr;
        if (header && header->spi == sa[l][dir].spi)
            chosen = &sa[l][dir];
        else if (header && previousSa[l][dir] && header->spi == previousSa[l][dir]->spi)
            chosen = &*previousSa[l][dir];
        if (chosen == nullptr) {
            drop(node, pdu.meta, DropReason::Integrity); // no SA: the forgery cannot be authenticated
            return std::nullopt;
        }
        // Decrypted into backhaulInner's buffer (its capacity kept from packet to packet).
        EspReceived r = espDecapsulate(*chosen, outer->payload, std::move(backhaulInner));
        backhaulInner = std::move(r.inner);
        if (r.verdict == EspVerdict::Replay) {
            drop(node, pdu.meta, DropReason::Replay);
            return std::nullopt;
        }
        if (r.verdict != EspVerdict::Accepted) {
            drop(node, pdu.meta,
                 r.verdict == EspVerdict::IntegrityFailure ? DropReason::Integrity : DropReason::Malformed);
            return std::nullopt;
        }
        if (PduRecord* kept = keepReceiverView ? keptRecord(pdu.pduId) : nullptr)
            kept->received.assign(backhaulInner.begin(), backhaulInner.end());
        return ByteView(backhaulInner);
    }
    if (protection.ndsOn(link)) {
        // The security gateway's policy: this link is protected, an unprotected packet is refused.
        drop(node, pdu.meta, DropReason::Policy);
        return std::nullopt;
    }
    if (PduRecord* kept = keepReceiverView ? keptRecord(pdu.pduId) : nullptr)
        kept->received.assign(pdu.bytes.begin(), pdu.bytes.end());
    return ByteView(pdu.bytes);
}

std::optional<ByteView> Engine::Impl::payloadFromBackhaul(Link link, bool downlink, Node node,
                                                          const InFlight& pdu, std::uint16_t port)
{
    const auto inner = receiveBackhaul(link, downlink, node, pdu);
    if (!inner)
        return std::nullopt; // dropped (and accounted) by the security gateway
    const auto ip = parseIpv4(*inner);
    if (onSctp(link)) {
        // The receiving end's checks: the checksum and the chunk (parseSctp), its own verification tag (RFC
        // 9260 8.5), its port and the PPID of the protocol it serves. The simulation keeps no receive state
        // (the links lose nothing): a replayed or forged packet is judged by the layers above.
        const auto s = ip && ip->protocol == kIpProtoSctp ? parseSctp(ip->payload) : std::nullopt;
        if (!s || s->verificationTag != sctp[static_cast<std::size_t>(link)][downlink ? 1 : 0].peerTag() ||
            s->destinationPort != port || s->ppid != ppidOf(link)) {
            drop(node, pdu.meta, DropReason::Malformed);
            return std::nullopt;
        }
        return s->payload;
    }
    const auto udp = ip && ip->protocol == kIpProtoUdp ? parseUdp(ip->payload) : std::nullopt;
    if (!udp || udp->destinationPort != port) {
        drop(node, pdu.meta, DropReason::Malformed);
        return std::nullopt;
    }
    return udp->payload;
}

PduRecord* Engine::Impl::keptRecord(std::uint32_t pduId)
{
    if (recentPdus.empty())
        return nullptr;
    PduRecord& kept = recentPdus[pduId % kRecentPdus];
    return pduId != 0 && kept.id == pduId ? &kept : nullptr;
}

void Engine::Impl::noteRefused(DropReason reason)
{
    PduRecord* kept = keptRecord(arrivingPdu);
    if (kept == nullptr || kept->reception != Reception::Pending)
        return;
    kept->reception = Reception::Dropped;
    kept->dropReason = reason;
}

void Engine::Impl::arrive(std::uint32_t slot)
{
    InFlight& pdu = pool[slot];
    PduRecord* kept = keptRecord(pdu.pduId);
    arrivingPdu = kept != nullptr ? pdu.pduId : 0;
    if (keepReceiverView && kept != nullptr && pdu.link == Link::Uu && pdu.meta.device < scenario.devices) {
        // What the receiver's PDCP makes of these bytes, read on copies of its counters (the real reception
        // below updates them): the deciphered SDU, empty if it is discarded before deciphering.
        const std::uint32_t d = pdu.meta.device;
        PdcpCounter srb = pdu.downlink ? ue[d].srbRx : enb[d].srbRx;
        PdcpCounter drb = pdu.downlink ? ue[d].drbRx : enb[d].drbRx;
        PdcpReceived r = receivePdcp(pdu.downlink ? ue[d].as : enb[d].as, pdu.downlink, srb, drb, pdu.bytes);
        kept->received.swap(r.payload);
    }
    switch (pdu.link) {
    case Link::Uu:
        pdu.downlink ? ueFromUu(pdu) : enbFromUu(pdu);
        break;
    case Link::S1Mme:
        pdu.downlink ? enbFromS1Mme(pdu) : mmeFromS1(pdu);
        break;
    case Link::S6a:
        pdu.downlink ? mmeFromS6a(pdu) : hssFromS6a(pdu);
        break;
    case Link::S1U:
        pdu.downlink ? enbFromS1u(pdu) : sgwFromS1u(pdu);
        break;
    case Link::S5:
        pdu.downlink ? sgwFromS5(pdu) : pgwFromS5(pdu);
        break;
    case Link::SGi:
        pdu.downlink ? pgwFromSgi(pdu) : serverFromSgi(pdu);
        break;
    }
    // Refused by none of the receiver's checks: accepted at this hop (the ring slot may have been reused
    // meanwhile by a PDU this arrival caused).
    if (PduRecord* done = keptRecord(arrivingPdu); done != nullptr && done->reception == Reception::Pending)
        done->reception = Reception::Accepted;
    arrivingPdu = 0;
    freeSlot(slot);
}

void Engine::Impl::freeSlot(std::uint32_t slot)
{
    spares.give(pool[slot].bytes); // its buffer, for the next PDU built
    pool[slot].state = SlotState::Free;
    freeSlots.push_back(slot);
}

void Engine::Impl::drop(Node node, const Meta& meta, DropReason reason)
{
    noteRefused(reason);
    switch (reason) {
    case DropReason::Integrity:
    case DropReason::Policy:
        ++traffic.droppedIntegrity;
        break;
    case DropReason::Replay:
    case DropReason::Duplicate:
        ++traffic.droppedReplay;
        break;
    case DropReason::Malformed:
        ++traffic.droppedMalformed;
        break;
    case DropReason::NoContext:
    case DropReason::Mismatch:
    case DropReason::NoEffect:
        ++traffic.droppedOther;
        break;
    }
    log(EventKind::PduDropped, placeOf(node), meta.device, 0, static_cast<std::uint8_t>(reason), meta.attack);
    const bool carriesMessage = meta.record != 0 && meta.record < records.size();
    // A genuine message (changed by a tamperer or not) refused by a check of state that another attacker
    // disturbed: a COUNT its replayed or forged PDU advanced, a device its forged Detach Request detached.
    std::int16_t culprit = -1;
    if (carriesMessage && (meta.mark == Mark::None || meta.mark == Mark::Tampered) &&
        meta.device < disturbedBy.size()) {
        const bool stateCheck = reason == DropReason::Duplicate || reason == DropReason::Malformed ||
                                reason == DropReason::Replay || reason == DropReason::Mismatch;
        if (stateCheck)
            culprit = disturbedBy[meta.device][records[meta.record].uplink ? 0 : 1];
        if (culprit < 0 && reason == DropReason::NoContext)
            culprit = detachedBy[meta.device];
        if (culprit == meta.attack)
            culprit = -1; // its own attempt, blocked by the check
    }
    if (culprit >= 0 && meta.mark == Mark::Tampered)
        noEffect(node, meta.attack, meta.device, NoEffectReason::LostToOtherAttack, meta.attempt);
    else
        settle(node, meta, false, reason);
    if (!carriesMessage)
        return;
    Fate fate = Fate::DroppedOther;
    switch (reason) {
    case DropReason::Integrity:
    case DropReason::Policy:
        fate = Fate::DroppedIntegrity;
        break;
    case DropReason::Replay:
    case DropReason::Duplicate:
        fate = Fate::DroppedReplay;
        break;
    case DropReason::Malformed:
        fate = Fate::DroppedMalformed;
        break;
    case DropReason::NoContext:
    case DropReason::Mismatch:
    case DropReason::NoEffect:
        break;
    }
    settleMessage(meta, culprit >= 0 ? Fate::DroppedCollateral : fate, culprit);
}

void Engine::Impl::settleMessage(const Meta& meta, Fate fate, std::int16_t collateralOf)
{
    if (meta.record == 0 || meta.record >= records.size() ||
        (meta.mark != Mark::None && meta.mark != Mark::Tampered))
        return; // no application message, or an attacker's copy or forgery (counted apart)
    AppRecord& rec = records[meta.record];
    if (rec.fate != Fate::Pending)
        return;
    rec.fate = fate;
    DirectionAccounting& a = rec.uplink ? accounting.uplink : accounting.downlink;
    switch (fate) {
    case Fate::Pending:
        break;
    case Fate::DeliveredIntact:
        ++a.deliveredIntact;
        break;
    case Fate::DeliveredAltered:
        ++a.deliveredAltered;
        break;
    case Fate::DroppedIntegrity:
        ++a.droppedIntegrity;
        break;
    case Fate::DroppedReplay:
        ++a.droppedReplay;
        break;
    case Fate::DroppedMalformed:
        ++a.droppedMalformed;
        break;
    case Fate::DroppedCollateral: {
        ++a.droppedCollateral;
        AttackTally& t = attacks[static_cast<std::size_t>(collateralOf)].tally;
        ++t.collateral;
        t.collateralUplink += rec.uplink ? 1 : 0;
        const bool detached = detachedBy[rec.device] == collateralOf &&
                              disturbedBy[rec.device][rec.uplink ? 0 : 1] != collateralOf;
        ++(detached ? t.collateralDetached : t.collateralCounter);
        const auto at =
            std::upper_bound(collateralLosses.begin(), collateralLosses.end(), meta.record,
                             [](std::uint32_t r, const CollateralLoss& l) { return r < l.record; });
        collateralLosses.insert(at, CollateralLoss{meta.record, collateralOf, detached});
        log(EventKind::MessageLost, placeOf(rec.uplink ? Node::Server : Node::Device), rec.device,
            meta.record, rec.uplink ? 0 : 1, collateralOf);
        break;
    }
    case Fate::DroppedOther:
        ++a.droppedOther;
        break;
    }
}

void Engine::Impl::markDisturbed(const Meta& meta, bool uplink)
{
    if (meta.attack >= 0 && (meta.mark == Mark::Replayed || meta.mark == Mark::Forged) &&
        meta.device < disturbedBy.size())
        disturbedBy[meta.device][uplink ? 0 : 1] = meta.attack;
}

void Engine::Impl::noEffect(Node node, std::int16_t attack, std::uint32_t device, NoEffectReason reason,
                            std::uint64_t attempt)
{
    AttackTally& t = attacks[static_cast<std::size_t>(attack)].tally;
    ++t.noEffect;
    ++t.noEffectBy[static_cast<std::size_t>(reason)];
    log(EventKind::AttackNoEffect, placeOf(node), device, 0, static_cast<std::uint8_t>(reason), attack);
    if (capture != nullptr)
        capture->attemptDecided(AttemptDecision{.attackId = t.spec.id,
                                                .attempt = attempt,
                                                .device = device,
                                                .time = now,
                                                .node = node,
                                                .outcome = AttemptOutcome::NoEffect,
                                                .noEffect = reason});
}

void Engine::Impl::settle(Node node, const Meta& meta, bool succeeded, DropReason reason)
{
    if (!succeeded)
        noteRefused(reason); // for example a Security Mode Command refused for its capabilities
    if (meta.attack < 0 || meta.mark == Mark::None || meta.mark == Mark::Downgraded)
        return; // not an attacker's PDU, or one whose outcome is decided elsewhere (downgrade: at the UE's
                // SMC)
    AttackTally& t = attacks[static_cast<std::size_t>(meta.attack)].tally;
    const auto count = [&meta, succeeded, reason](AttackTally& x) {
        if (succeeded) {
            ++x.succeeded;
            ++(meta.signalling ? x.signallingSucceeded : x.dataSucceeded);
            x.initialAttachSucceeded += meta.initialAttach ? 1 : 0;
        } else {
            ++x.blocked;
            ++(meta.signalling ? x.signallingBlocked : x.dataBlocked);
            ++x.blockedBy[static_cast<std::size_t>(reason)];
            x.signallingBlockedBy[static_cast<std::size_t>(reason)] += meta.signalling ? 1 : 0;
        }
    };
    count(t);
    if (AttackTally* before = beforeChangeTally(static_cast<std::size_t>(meta.attack), meta))
        count(*before);
    if (succeeded)
        log(EventKind::AttackSucceeded, placeOf(node), meta.device, 0, 0, meta.attack);
    else
        log(EventKind::AttackBlocked, placeOf(node), meta.device, 0, static_cast<std::uint8_t>(reason),
            meta.attack);
    if (capture != nullptr)
        capture->attemptDecided(
            AttemptDecision{.attackId = t.spec.id,
                            .attempt = meta.attempt,
                            .device = meta.device,
                            .time = now,
                            .node = node,
                            .outcome = succeeded ? AttemptOutcome::Succeeded : AttemptOutcome::Blocked,
                            .blockedBy = reason});
}

} // namespace mtcsec::engine
