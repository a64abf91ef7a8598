// The attacks of PRODUCT.md section 4, acting on the real bytes on a link or in a node: eavesdrop (dissect),
// tamper (flip a bit of the innermost content it can locate), replay (re-send later, counters rewritten where
// they travel in clear), inject (forge a command or a NAS Detach Request), downgrade (bidding down the UE
// security capabilities in the unprotected Attach Request, TS 33.401 7.2.4.4), insider (a compromised node's
// clear view). Every change an active attacker makes is handed to the capture sink with the PDU before and
// after (CaptureSink::attackerAction).
#include "core/crypto/Hex.h"
#include "core/engine/CaptureSink.h"
#include "core/engine/Dissector.h"
#include "core/engine/EngineImpl.h"
#include "core/protocol/Coap.h"
#include "core/protocol/DiameterS6a.h"
#include "core/protocol/GtpU.h"
#include "core/protocol/Ipv4Udp.h"
#include "core/protocol/RrcMessage.h"
#include "core/protocol/S1apMessage.h"
#include "core/protocol/Sctp.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdio>

namespace mtcsec::engine {

using namespace protocol;

namespace {

constexpr std::size_t kExamplesKept = 3;

std::uint64_t snKey(std::uint32_t device, bool downlink, bool drb)
{
    return static_cast<std::uint64_t>(device) << 2 | (downlink ? 2u : 0u) | (drb ? 1u : 0u);
}

// Where a tamperer flips a bit: the last bit of the innermost content it can locate. On a Uu SRB whose RRC
// message it can read, that is the message's last content bit (UPER pads to an octet, and the padding is not
// content; in an UL/DLInformationTransfer it is bit 0 of the NAS PDU's last octet); on a ciphered one, bit 0
// of the octet before the MAC-I. On an open S1-MME, bit 0 of the last octet of the NAS PDU that an S1AP
// message carries (APER aligns it to an octet), otherwise (S6a) of the SCTP user message's last octet; under
// ESP, of the packet's last octet (the ICV).
struct TamperBit {
    std::size_t octet = 0;
    std::uint8_t mask = 0x01;
};

std::optional<TamperBit> tamperPosition(Link link, ByteView bytes)
{
    if (link == Link::Uu) {
        const auto h = parsePdcpHeader(bytes);
        if (!h)
            return std::nullopt;
        if (h->lcid != kLcidSrb1)
            return bytes.size() > 3 ? std::optional(TamperBit{bytes.size() - 1}) : std::nullopt;
        if (bytes.size() < 8)
            return std::nullopt;
        if (const auto rrc = decodeRrc(h->payload.first(h->payload.size() - 4))) {
            const std::size_t last = rrcBits(*rrc) - 1;
            return TamperBit{bytes.size() - h->payload.size() + last / 8,
                             static_cast<std::uint8_t>(0x80u >> (last % 8))};
        }
        return TamperBit{bytes.size() - 5};
    }
    if (bytes.size() <= 28)
        return std::nullopt;
    // SCTP (S1-MME and S6a without NDS/IP): within the user message, not the chunk's padding.
    if (const auto ip = parseIpv4(bytes); ip && ip->protocol == kIpProtoSctp) {
        const auto sctp = parseSctp(ip->payload);
        if (!sctp)
            return std::nullopt;
        const std::size_t user =
            bytes.size() - ip->payload.size() + kSctpCommonHeaderSize + kSctpDataHeaderSize;
        const auto s1ap = link == Link::S1Mme ? decodeS1ap(sctp->payload) : std::nullopt;
        if (s1ap && !s1ap->nasPdu.empty()) {
            const auto at = std::find_end(sctp->payload.begin(), sctp->payload.end(), s1ap->nasPdu.begin(),
                                          s1ap->nasPdu.end());
            if (at != sctp->payload.end())
                return TamperBit{user + static_cast<std::size_t>(at - sctp->payload.begin()) +
                                 s1ap->nasPdu.size() - 1};
        }
        return TamperBit{user + sctp->payload.size() - 1};
    }
    return TamperBit{bytes.size() - 1};
}

// After a change inside a plain IPv4/SCTP packet: the tamperer writes the CRC32c again (RFC 9260 Appendix A:
// it detects errors, it protects nothing), so the receiver's SCTP accepts the packet and the layers above
// decide.
void fixSctpChecksum(Bytes& packet)
{
    if (const auto ip = parseIpv4(packet); ip && ip->protocol == kIpProtoSctp)
        setSctpChecksum(std::span(packet).subspan(packet.size() - ip->payload.size()));
}

// The RRC message inside an unciphered Uu SRB PDU when it carries a NAS PDU (UL/DLInformationTransfer).
std::optional<RrcMessage> nasTransferInSrb(ByteView bytes)
{
    const auto h = parsePdcpHeader(bytes);
    if (!h || h->lcid != kLcidSrb1 || h->payload.size() < 4)
        return std::nullopt;
    auto rrc = decodeRrc(h->payload.first(h->payload.size() - 4));
    if (!rrc || (rrc->type != RrcType::UlInformationTransfer && rrc->type != RrcType::DlInformationTransfer))
        return std::nullopt;
    return rrc;
}

// Puts a NAS PDU of the same length back into such an SRB PDU (the RRC message keeps its size; the MAC-I is
// left as it was).
void putNasInSrb(Bytes& bytes, const RrcMessage& rrc, ByteView nas)
{
    const Bytes encoded = encodeRrc(rrc.type, nas, rrc.transactionId);
    const std::size_t at = bytes.size() - 4 - encoded.size();
    std::copy(encoded.begin(), encoded.end(), bytes.begin() + static_cast<std::ptrdiff_t>(at));
}

// Hands an active attacker's change to the capture sink, if there is one.
void tellCapture(CaptureSink* capture, const AttackTally& t, std::uint64_t attempt, const Meta& meta,
                 Link link, bool downlink, SimTime originalTime, ByteView original, SimTime time,
                 ByteView changed, std::string_view what)
{
    if (capture == nullptr)
        return;
    capture->attackerAction(AttackerAction{.attackId = t.spec.id,
                                           .kind = t.spec.kind,
                                           .attempt = attempt,
                                           .device = meta.device,
                                           .link = link,
                                           .downlink = downlink,
                                           .originalTime = originalTime,
                                           .original = original,
                                           .time = time,
                                           .changed = changed,
                                           .what = what});
}

} // namespace

void Engine::Impl::addExample(AttackRuntime& a, std::uint32_t device, bool signalling, std::string what,
                              ByteView before, ByteView after)
{
    const auto kept = std::count_if(a.tally.examples.begin(), a.tally.examples.end(),
                                    [&](const AttackExample& e) { return e.signalling == signalling; });
    if (static_cast<std::size_t>(kept) >= kExamplesKept)
        return;
    a.tally.examples.push_back(AttackExample{now, device, signalling, std::move(what),
                                             Bytes(before.begin(), before.end()),
                                             Bytes(after.begin(), after.end())});
}

bool Engine::Impl::wantsText(const AttackRuntime& a, bool signalling) const
{
    if (capture != nullptr)
        return true;
    const auto kept = std::count_if(a.tally.examples.begin(), a.tally.examples.end(),
                                    [&](const AttackExample& e) { return e.signalling == signalling; });
    return static_cast<std::size_t>(kept) < kExamplesKept; // addExample keeps it
}

bool Engine::Impl::keepsExample(const AttackRuntime& a, const Finding& f, bool signalling) const
{
    if (f.secrets == 0)
        return f.ciphertext && a.tally.examples.empty();
    const auto kept = std::count_if(a.tally.examples.begin(), a.tally.examples.end(),
                                    [&](const AttackExample& e) { return e.signalling == signalling; });
    return static_cast<std::size_t>(kept) < kExamplesKept;
}

Reading Engine::Impl::tallyReading(AttackRuntime& a, const Finding& f, const Meta& meta, bool signalling,
                                   ByteView bytes)
{
    const Reading reading = f.secrets != 0 ? Reading::Secret
                            : f.ciphertext ? Reading::Ciphertext
                                           : Reading::NothingSecret;
    const auto count = [&f, signalling, reading](AttackTally& t) {
        ++(signalling ? t.signallingSeen : t.dataSeen);
        switch (reading) {
        case Reading::Secret:
            ++t.succeeded;
            t.imsiRead += (f.secrets & SecretImsi) ? 1 : 0;
            t.imsiInitialAttach += (f.secrets & SecretImsi) && f.initialAttach ? 1 : 0;
            t.nasBodiesRead += (f.secrets & SecretNasBody) ? 1 : 0;
            t.keysRead += (f.secrets & SecretKey) ? 1 : 0;
            t.readingsRead += (f.secrets & SecretReading) ? 1 : 0;
            t.commandsRead += (f.secrets & SecretCommand) ? 1 : 0;
            break;
        case Reading::Ciphertext:
            ++t.blocked;
            ++t.ciphertextSeen;
            t.dataCiphertextSeen += signalling ? 0 : 1;
            break;
        case Reading::NothingSecret: // read, but nothing secret in it (its eavesdrop or insider event says
                                     // so)
            ++t.noEffect;
            ++t.noEffectBy[static_cast<std::size_t>(NoEffectReason::NothingSecret)];
            break;
        }
    };
    AttackTally& t = a.tally;
    ++t.attempts;
    count(t);
    // A PDU protected before the last protection change says nothing about the protection since.
    if (AttackTally* before = beforeChangeTally(static_cast<std::size_t>(&a - attacks.data()), meta))
        count(*before);
    if (reading == Reading::Secret)
        addExample(a, meta.device, signalling, "read " + f.content + " [" + f.layers + "]", bytes, {});
    else if (reading == Reading::Ciphertext && t.examples.empty())
        addExample(a, meta.device, signalling, "saw only ciphertext [" + f.layers + "]", bytes, {});
    return reading;
}

void Engine::Impl::observeSn(AttackRuntime& a, Link link, bool downlink, std::uint32_t device, ByteView bytes)
{
    if (link != Link::Uu)
        return;
    if (const auto h = parsePdcpHeader(bytes))
        a.lastSn.set(snKey(device, downlink, h->lcid == kLcidDrb1), h->sn, scenario.devices);
}

void Engine::Impl::attackLink(Link link, bool downlink, Bytes& bytes, Meta& meta, std::uint32_t pduId)
{
    for (std::size_t i = 0; i < attacks.size(); ++i) {
        AttackRuntime& a = attacks[i];
        const AttackSpec& spec = a.tally.spec;
        if (spec.link != link || !attackActive(a))
            continue;
        if ((spec.messages == MessageFilter::Data && meta.signalling) ||
            (spec.messages == MessageFilter::Signalling && !meta.signalling) ||
            (spec.direction == DirectionFilter::Uplink && downlink) ||
            (spec.direction == DirectionFilter::Downlink && !downlink))
            continue;
        if (spec.kind == AttackKind::Replay || spec.kind == AttackKind::Inject)
            observeSn(a, link, downlink, meta.device, bytes);
        if (spec.kind == AttackKind::Inject || spec.kind == AttackKind::Insider)
            continue;
        if (!rng.chance(a.probability))
            continue;
        AttackTally& t = a.tally;
        const auto index = static_cast<std::int16_t>(i);
        switch (spec.kind) {
        case AttackKind::Eavesdrop: {
            if (capture != nullptr)
                capture->attackerCapture(spec.id, now, link, std::nullopt, bytes, false);
            Finding f = dissectLink(link, bytes, false);
            if (keepsExample(a, f, meta.signalling))
                f = dissectLink(link, bytes); // again, with the text the example shows
            const Reading reading = tallyReading(a, f, meta, meta.signalling, bytes);
            log(EventKind::AttackEavesdrop, placeOf(link), meta.device, f.secrets,
                static_cast<std::uint8_t>(reading), index, pduId);
            break;
        }
        case AttackKind::Tamper: {
            if (meta.attack >= 0)
                break; // already changed by another attacker on this link
            const auto pos = tamperPosition(link, bytes);
            if (!pos)
                break;
            // The bytes before and the text only when something shows them (no copy per PDU otherwise).
            const bool text = wantsText(a, meta.signalling);
            const Bytes before = text ? bytes : Bytes();
            meta.initialAttach = link == Link::Uu && dissectLink(link, bytes, false).initialAttach;
            bytes[pos->octet] ^= pos->mask;
            if (link != Link::Uu)
                fixSctpChecksum(bytes);
            meta.attack = index;
            meta.mark = Mark::Tampered;
            ++t.attempts;
            ++(meta.signalling ? t.signallingAttempts : t.dataAttempts);
            meta.attempt = t.attempts;
            if (text) {
                const std::string what = "flipped bit " + std::to_string(std::countr_zero(pos->mask)) +
                                         " of octet " + std::to_string(pos->octet) + " of " +
                                         std::to_string(bytes.size());
                tellCapture(capture, t, meta.attempt, meta, link, downlink, now, before, now, bytes, what);
                addExample(a, meta.device, meta.signalling, what, before, bytes);
            }
            log(EventKind::AttackTamper, placeOf(link), meta.device, static_cast<std::uint32_t>(pos->octet),
                0, index, pduId);
            break;
        }
        case AttackKind::Replay: {
            const std::uint32_t slot = allocate();
            InFlight& copy = pool[slot];
            copy.bytes = spares.take();
            copy.bytes.assign(bytes.begin(), bytes.end());
            copy.link = link;
            copy.downlink = downlink;
            copy.meta = meta;
            copy.meta.attack = index;
            copy.meta.mark = Mark::Replayed;
            copy.state = SlotState::HeldForReplay;
            copy.heldSince = now;
            schedule(plus(now, fromSeconds(spec.replayDelayS)), Action::ReplayFire, slot,
                     static_cast<std::uint32_t>(i));
            break;
        }
        case AttackKind::Downgrade: {
            const auto rrc = nasTransferInSrb(bytes);
            if (!rrc)
                break;
            const Bytes& nasBefore = rrc->body;
            Bytes nas = nasBefore;
            if (!downlink && nas.size() > 8 && nas[0] == kPdEmm &&
                nas[1] == static_cast<std::uint8_t>(EmmType::AttachRequest)) {
                // UE network capability: after octet 3 and the LV IMSI; the chosen algorithms removed (by
                // default 128-EEA1/2/3, leaving EEA0 only). Nothing to remove: no attempt.
                const std::size_t caps = 4 + nas[3];
                if (caps + 2 >= nas.size() || nas[caps] < 2 ||
                    ((nas[caps + 1] & spec.strip.eea) == 0 && (nas[caps + 2] & spec.strip.eia) == 0))
                    break;
                const Bytes before = bytes;
                a.originalCapabilities[meta.device] = {nas[caps + 1], nas[caps + 2]};
                nas[caps + 1] = static_cast<std::uint8_t>(nas[caps + 1] & ~spec.strip.eea);
                nas[caps + 2] = static_cast<std::uint8_t>(nas[caps + 2] & ~spec.strip.eia);
                putNasInSrb(bytes, *rrc, nas);
                ue[meta.device].downgradeAttack = index;
                meta.attack = index;
                meta.mark = Mark::Downgraded;
                meta.initialAttach = true;
                ++t.attempts;
                ++t.signallingAttempts;
                meta.attempt = t.attempts;
                const auto change = [&](const char* family, std::size_t at) {
                    return nasBefore[at] == nas[at]
                               ? std::string()
                               : std::string(family) + " " + toHex(ByteView(nasBefore).subspan(at, 1)) +
                                     " -> " + toHex(ByteView(nas).subspan(at, 1));
                };
                const std::string eeaChange = change("EEA", caps + 1);
                const std::string eiaChange = change("EIA", caps + 2);
                const std::string what = "Attach Request: UE network capability " + eeaChange +
                                         (eeaChange.empty() || eiaChange.empty() ? "" : ", ") + eiaChange +
                                         (nas[caps + 1] == 0x80 && !eeaChange.empty() ? " (EEA0 only)" : "");
                tellCapture(capture, t, meta.attempt, meta, link, downlink, now, before, now, bytes, what);
                addExample(a, meta.device, true, what, before, bytes);
                log(EventKind::AttackDowngrade, placeOf(link), meta.device, 0, 0, index, pduId);
            } else if (downlink && nas.size() >= 13 && (nas[0] >> 4) == kShtIntegrityNewContext &&
                       nas[7] == static_cast<std::uint8_t>(EmmType::SecurityModeCommand)) {
                // Restore the replayed capabilities so that the UE would not notice (it still checks the
                // MAC).
                const auto original = a.originalCapabilities.find(meta.device);
                if (original == a.originalCapabilities.end())
                    break;
                const std::size_t eea = 11;
                const Bytes before = bytes;
                nas[eea] = original->second.eea;
                nas[eea + 1] = original->second.eia;
                putNasInSrb(bytes, *rrc, nas);
                meta.attack = index;
                meta.mark = Mark::Downgraded;
                const std::string what = "Security Mode Command: replayed capabilities restored to " +
                                         toHex(ByteView(nas).subspan(eea, 2));
                tellCapture(capture, t, 0, meta, link, downlink, now, before, now, bytes, what);
                addExample(a, meta.device, true, what, before, bytes);
                log(EventKind::AttackDowngrade, placeOf(link), meta.device, 1, 0, index, pduId);
            }
            break;
        }
        case AttackKind::Inject:
        case AttackKind::Insider:
            break;
        }
    }
}

void Engine::Impl::insiderSees(Node node, const Meta& meta, ByteView bytes, bool nasPdu)
{
    for (std::size_t i = 0; i < attacks.size(); ++i) {
        AttackRuntime& a = attacks[i];
        if (a.tally.spec.kind != AttackKind::Insider || a.tally.spec.node != node || !attackActive(a) ||
            !rng.chance(a.probability))
            continue;
        AttackTally& t = a.tally;
        if (capture != nullptr)
            capture->attackerCapture(t.spec.id, now, std::nullopt, node, bytes, nasPdu);
        Finding f = nasPdu ? dissectNas(bytes, false) : dissectIpPacket(bytes, false);
        if (keepsExample(a, f, nasPdu)) // again, with the text the example shows
            f = nasPdu ? dissectNas(bytes) : dissectIpPacket(bytes);
        const Reading reading = tallyReading(a, f, meta, nasPdu, bytes);
        log(EventKind::AttackInsider, placeOf(node), meta.device, f.secrets,
            static_cast<std::uint8_t>(reading), static_cast<std::int16_t>(i));
    }
}

void Engine::Impl::replayFire(std::uint32_t slot, std::uint32_t index)
{
    AttackRuntime& a = attacks[index];
    InFlight copy = std::move(pool[slot]);
    freeSlot(slot);
    if (a.tally.removed)
        return;
    // The bytes as captured and the text only when something shows them (no copy per replay otherwise).
    const bool text = wantsText(a, copy.meta.signalling);
    const Bytes captured = text ? copy.bytes : Bytes();
    std::string what;
    if (text) {
        std::array<char, 32> delay{};
        std::snprintf(delay.data(), delay.size(), "%g", a.tally.spec.replayDelayS);
        what = "re-sent a PDU captured " + std::string(delay.data()) + " s earlier";
    }
    if (copy.link == Link::Uu) {
        // The PDCP header is never protected: give the copy the SN the receiver expects next.
        if (const auto h = parsePdcpHeader(copy.bytes)) {
            const bool drb = h->lcid == kLcidDrb1;
            const auto last = a.lastSn.get(snKey(copy.meta.device, copy.downlink, drb));
            if (last) {
                const auto sn = static_cast<std::uint16_t>((*last + 1) & (drb ? 0x0fff : 0x1f));
                setPdcpSn(copy.bytes, sn);
                if (text)
                    what += ", its PDCP SN rewritten from " + std::to_string(h->sn) + " to " +
                            std::to_string(sn) + " (the SN the receiver expects next)";
            }
        }
    }
    if (copy.link == Link::S1Mme || copy.link == Link::S6a) {
        // SCTP's header is never protected: outside ESP, give the copy the association's next TSN and SSN (a
        // receiver's SCTP discards a TSN it has seen, Wireshark calls it a retransmission).
        if (const auto tsn = resequenceSctp(copy.link, copy.downlink, copy.bytes); tsn && text)
            what += ", its SCTP TSN rewritten from " + std::to_string(tsn->first) + " to " +
                    std::to_string(tsn->second) + " (the next in the association)";
    }
    if (text && copy.bytes == captured)
        what += ", an identical copy";
    AttackTally& t = a.tally;
    ++t.attempts;
    ++(copy.meta.signalling ? t.signallingAttempts : t.dataAttempts);
    copy.meta.attempt = t.attempts;
    copy.meta.beforeChange = lastChangeAt && copy.heldSince < *lastChangeAt;
    if (text) {
        tellCapture(capture, t, copy.meta.attempt, copy.meta, copy.link, copy.downlink, copy.heldSince,
                    captured, now, copy.bytes, what);
        addExample(a, copy.meta.device, copy.meta.signalling, std::move(what), captured, copy.bytes);
    }
    log(EventKind::AttackReplay, placeOf(copy.link), copy.meta.device,
        static_cast<std::uint32_t>(copy.bytes.size()), 0, static_cast<std::int16_t>(index));
    send(copy.link, copy.downlink, std::move(copy.bytes), copy.meta, true);
}

void Engine::Impl::inject(std::uint32_t index)
{
    AttackRuntime& a = attacks[index];
    const AttackSpec& spec = a.tally.spec;
    if (a.tally.removed || now >= a.stop)
        return;
    schedule(after(now, 1.0 / spec.rate), Action::Inject, index);
    const auto d = static_cast<std::uint32_t>(rng.below(scenario.devices));
    if (ue[d].state != UeState::Attached)
        return; // the attacker forges for devices it has seen online
    const Link link = *spec.link;
    bool signalling = link == Link::S1Mme || link == Link::S6a;
    if (link == Link::Uu)
        signalling = spec.messages == MessageFilter::Signalling ||
                     (spec.messages == MessageFilter::All && rng.below(2) == 1);
    if (!signalling && (link == Link::S1Mme || link == Link::S6a))
        return; // no user data on these links
    if (signalling && (link == Link::S1U || link == Link::S5 || link == Link::SGi))
        return; // no signalling on these links

    Bytes forged;
    std::string what;
    if (!signalling) {
        // A downlink command the server never sent, in bare CoAP (the attacker has no end-to-end keys).
        CoapMessage c;
        c.messageId = static_cast<std::uint16_t>(rng.next());
        c.token = 0xf0000000u | static_cast<std::uint32_t>(rng.below(0x0fffffff));
        c.uriPath = "c";
        c.payload = commandPayload(true);
        Bytes app = encodeCoap(c);
        std::uint16_t port = kPortCoap;
        if (protection.app.dtls) {
            // Under dtls, an application_data record of epoch 1 (RFC 6347 4.1): without the PSK the attacker
            // can only make up the explicit nonce, the ciphertext and the CCM_8 tag.
            Bytes record = {23, 0xFE, 0xFD, 0x00, 0x01};
            record.insert(record.end(), {0, 0, 0, 0}); // a small sequence number, as a young association's
            record.push_back(static_cast<std::uint8_t>(rng.below(256)));
            record.push_back(static_cast<std::uint8_t>(rng.below(256)));
            const auto length = static_cast<std::uint16_t>(app.size() + kDtlsCcm8RecordExpansion);
            record.push_back(static_cast<std::uint8_t>(length >> 8));
            record.push_back(static_cast<std::uint8_t>(length));
            for (std::size_t i = 0; i < length; ++i)
                record.push_back(static_cast<std::uint8_t>(rng.below(256)));
            app = std::move(record);
            port = kPortCoaps;
        }
        what = "forged command valve=1";
        if (protection.app.oscore) {
            // Against OSCORE the forger copies the format and the server's kid it has seen (the OSCORE option
            // is in clear) but must guess the key: the device's AES-CCM check refuses it (RFC 8613 8.2).
            protocol::AppKeys guess = ue[d].app; // the server's keys (ServerContext)
            for (std::uint8_t& b : guess.oscore.serverKey)
                b = static_cast<std::uint8_t>(rng.next());
            app = protectApp(protection.app, guess, false, 0x00ffffffu, app);
            what = "forged OSCORE command valve=1";
        }
        const Bytes ip = buildIpv4Udp(kAddrServer, deviceAddress(d), port, port, nextIpId(), app);
        switch (link) {
        case Link::SGi:
            forged = ip;
            break;
        case Link::S5:
            forged = buildIpv4Udp(kAddrPgw, kAddrSgw, kPortGtpU, kPortGtpU, nextIpId(),
                                  encodeGtpU(teid(kTeidS5Sgw, d), ip));
            break;
        case Link::S1U:
            forged = buildIpv4Udp(kAddrSgw, kAddrEnb, kPortGtpU, kPortGtpU, nextIpId(),
                                  encodeGtpU(teid(kTeidS1uEnb, d), ip));
            break;
        case Link::Uu: {
            // The next SN after the last one seen; an attacker that has seen none guesses.
            const auto last = a.lastSn.get(snKey(d, true, true));
            const std::uint16_t sn =
                static_cast<std::uint16_t>((!last ? rng.below(4096) : *last + 1u) & 0x0fff);
            forged = {kLcidDrb1, static_cast<std::uint8_t>(0x80 | sn >> 8), static_cast<std::uint8_t>(sn)};
            forged.insert(forged.end(), ip.begin(), ip.end());
            break;
        }
        default:
            return;
        }
    } else {
        NasMessage detach;
        detach.type = EmmType::DetachRequest;
        detach.detachType = 0x02; // re-attach not required
        const Bytes nas = encodeNas(detach);
        what = "forged NAS Detach Request";
        if (link == Link::Uu) {
            const auto last = a.lastSn.get(snKey(d, true, false));
            const std::uint8_t sn = static_cast<std::uint8_t>((!last ? rng.below(32) : *last + 1u) & 0x1f);
            forged = {kLcidSrb1, sn};
            const Bytes rrc = encodeRrc(RrcType::DlInformationTransfer, nas);
            forged.insert(forged.end(), rrc.begin(), rrc.end());
            forged.insert(forged.end(), 4, 0); // no key, so no MAC-I
        } else if (link == Link::S1Mme) {
            S1apMessage s;
            s.procedure = S1apProcedure::DownlinkNasTransport;
            s.enbUeId = d + 1;
            s.mmeUeId = d + 1;
            s.nasPdu = nas;
            Bytes chunk;
            sctpPacket(chunk, link, true, d, encodeS1ap(s));
            forged = buildIpv4(kAddrMme, kAddrEnb, kIpProtoSctp, nextIpId(), chunk);
        } else {
            S6aMessage air;
            air.hopByHop = d + 1;
            air.endToEnd = d + 1;
            air.userName = imsiOf(d);
            air.visitedPlmn = snId();
            Bytes chunk;
            sctpPacket(chunk, link, false, d, encodeS6a(air));
            forged = buildIpv4(kAddrMme, kAddrHss, kIpProtoSctp, nextIpId(), chunk);
            what = "forged Authentication-Information-Request for IMSI " + air.userName;
        }
    }
    Meta m;
    m.device = d;
    m.attack = static_cast<std::int16_t>(index);
    m.mark = Mark::Forged;
    m.signalling = signalling;
    AttackTally& t = a.tally;
    ++t.attempts;
    ++(signalling ? t.signallingAttempts : t.dataAttempts);
    m.attempt = t.attempts;
    addExample(a, d, signalling, what, {}, forged);
    log(EventKind::AttackInject, placeOf(link), d, signalling ? 1 : 0, 0, m.attack);
    const bool downlink = !(link == Link::S6a);
    tellCapture(capture, t, m.attempt, m, link, downlink, now, {}, now, forged, what);
    send(link, downlink, std::move(forged), m, true);
}

} // namespace mtcsec::engine
