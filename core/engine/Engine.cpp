// The engine's construction, event loop, scheduling, protection changes and public interface (the run summary
// is in EngineSummary.cpp).
#include "core/engine/Engine.h"

#include "core/InvalidInput.h"
#include "core/crypto/Hex.h"
#include "core/crypto/KeyHierarchy.h"
#include "core/engine/CaptureSink.h"
#include "core/engine/EngineImpl.h"
#include "core/engine/Requirements.h"
#include "core/engine/ResourceEstimate.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace mtcsec::engine {

namespace {

void requireImplemented(const Protection& p)
{
    // The first choices and every entry of the priority lists.
    std::vector<crypto::IntegrityAlgorithm> eia = {p.nas.integrity, p.as.rrcIntegrity};
    std::vector<crypto::CipheringAlgorithm> eea = {p.nas.ciphering, p.as.rrcCiphering, p.as.upCiphering};
    for (const auto* list : {&p.nas.integrityList, &p.as.rrcIntegrityList})
        eia.insert(eia.end(), list->begin(), list->end());
    for (const auto* list : {&p.nas.cipheringList, &p.as.rrcCipheringList, &p.as.upCipheringList})
        eea.insert(eea.end(), list->begin(), list->end());
    for (const auto alg : eia) {
        if (!crypto::isImplemented(alg))
            throw InvalidInput(std::string(crypto::name(alg)) + " is not implemented");
    }
    for (const auto alg : eea) {
        if (!crypto::isImplemented(alg))
            throw InvalidInput(std::string(crypto::name(alg)) + " is not implemented");
    }
}

} // namespace

Engine::Impl::Impl(Scenario s, std::uint32_t first)
    : firstDevice(first)
    , scenario(std::move(s))
    , protection(scenario.protection)
    , rng(scenario.seed)
    , queue(EventQueue::bucketsFor(scenario.devices))
{
    requireImplemented(protection);
    if (scenario.devices == 0)
        throw InvalidInput("devices: must be at least 1");
    if (std::uint64_t{firstDevice} + scenario.devices > kMaxDevices)
        throw InvalidInput("devices: a cell's devices must lie within the first " +
                           std::to_string(kMaxDevices));
    requireDtlsFits(protection);
    for (const ProtectionChange& change : scenario.changes)
        requireDtlsFits(change.protection);
    end = fromSeconds(scenario.durationS);
    setUpSctp();
    // The records' room for the messages the run is expected to send, so that the table never grows by
    // copying itself whole (a transient of 1.5 times its size); pages not written stay unused.
    records.reserve(static_cast<std::size_t>(
        std::min(estimateResources(scenario, EventLogIn::File).messages * 1.25 + 1024.0, double{1 << 27})));
    records.emplace_back(); // record 0 means "none"

    const std::uint32_t n = scenario.devices;
    ue.resize(n);
    mme.resize(n);
    enb.resize(n);
    hss.resize(n);
    server.resize(n);
    sgwBearer.assign(n, 0);
    pgwBearer.assign(n, 0);
    appSession.assign(n, 0);
    // dtls: 40 octets per device, only in a run that uses it (the associations themselves when needed).
    bool usesDtls = protection.app.dtls;
    for (const ProtectionChange& change : scenario.changes)
        usesDtls = usesDtls || change.protection.app.dtls;
    if (usesDtls)
        dtls.resize(n);
    disturbedBy.assign(n, {-1, -1});
    detachedBy.assign(n, -1);
    for (std::uint32_t i = 0; i < n; ++i) {
        // Subscription data shared by the USIM and the HSS; the end-to-end key shared by device and server.
        UeContext& u = ue[i];
        rng.fill(u.k);
        rng.fill(u.opc);
        rng.fill(u.appMaster);
        u.sqn = 0x20 * (1 + rng.below(1000));
        hss[i].sqn = u.sqn; // K and OPc: the HSS reads the USIM's row (HssRecord)
        newAppSession(i);
        schedule(
            fromSeconds(scenario.traffic.attachSpreadS * static_cast<double>(rng.below(1'000'000)) / 1e6),
            Action::AttachStart, i);
    }
    for (const Link link : kBackhaulLinks)
        newSecurityAssociations(link);
    for (std::uint32_t c = 0; c < scenario.changes.size(); ++c)
        schedule(fromSeconds(scenario.changes[c].atS), Action::Change, c);
    for (const AttackSpec& spec : scenario.attacks)
        scheduleAttack(addAttackRuntime(spec));
}

std::uint32_t Engine::Impl::addAttackRuntime(const AttackSpec& spec)
{
    AttackRuntime a;
    a.tally.spec = spec;
    a.probability = Rng::probability(spec.rate);
    a.start = std::max(now, fromSeconds(spec.startS));
    a.stop = spec.stopS ? fromSeconds(*spec.stopS) : std::numeric_limits<SimTime>::max();
    attacks.push_back(std::move(a));
    return static_cast<std::uint32_t>(attacks.size() - 1);
}

void Engine::Impl::scheduleAttack(std::uint32_t index)
{
    const AttackRuntime& a = attacks[index];
    if (a.tally.spec.kind == AttackKind::Inject)
        schedule(after(a.start, 1.0 / a.tally.spec.rate), Action::Inject, index);
}

void Engine::Impl::schedule(SimTime at, Action action, std::uint32_t a, std::uint32_t b)
{
    if (at > end)
        return; // never reached: the run stops at its end
    queue.push(Scheduled::make(at, order++, action, a, b));
}

std::uint32_t Engine::Impl::allocate()
{
    if (!freeSlots.empty()) {
        const std::uint32_t slot = freeSlots.back();
        freeSlots.pop_back();
        return slot;
    }
    pool.emplace_back();
    return static_cast<std::uint32_t>(pool.size() - 1);
}

SimTime Engine::Impl::latency(Link link)
{
    // One-way delays of a typical deployment, with up to 1 ms of jitter.
    static constexpr std::array<SimTime, kLinkCount> base = {8000, 2000, 2000, 3000, 2000, 15000};
    return base[static_cast<std::size_t>(link)] + static_cast<SimTime>(rng.below(1000));
}

void Engine::Impl::log(EventKind kind, std::uint8_t place, std::uint32_t device, std::uint32_t value,
                       std::uint8_t detail, std::int16_t attack, std::uint32_t pdu)
{
    const LogEvent e{now, device, value, pdu, kind, place, detail, attack};
    eventLog.append(e, attack >= 0 ? std::string_view(attacks[static_cast<std::size_t>(attack)].tally.spec.id)
                                   : std::string_view());
    if (eventLog.spilling() && eventLog.events().size() >= kEventWindow) {
        flushToObserver();
        eventLog.spill();
    }
}

void Engine::Impl::flushToObserver()
{
    // The events in memory start at event number spilled(); those before it were reported before they went.
    const auto& window = eventLog.events();
    const auto first = static_cast<std::size_t>(reported - eventLog.spilled());
    if (observer != nullptr && first < window.size())
        observer->eventsAppended(std::span<const LogEvent>(window).subspan(first));
    reported = eventLog.size();
}

void Engine::Impl::dispatch(const Scheduled& s)
{
    now = s.time;
    switch (s.action()) {
    case Action::Arrive:
        arrive(s.a);
        break;
    case Action::AttachStart:
        startAttach(s.a);
        break;
    case Action::AttachTimeout:
        attachTimeout(s.a, s.b);
        break;
    case Action::Uplink:
        ueSendUplink(s.a, s.b);
        break;
    case Action::Downlink:
        serverSendDownlink(s.a, s.b);
        break;
    case Action::Inject:
        inject(s.a);
        break;
    case Action::ReplayFire:
        replayFire(s.a, s.b);
        break;
    case Action::Change:
        applyProtection(scenario.changes[s.a].protection, true);
        break;
    }
}

void Engine::Impl::newAppSession(std::uint32_t device)
{
    // A new end-to-end session: fresh keys from the pre-shared master key and the session number (so that no
    // AES-GCM nonce repeats under one key), sequence numbers and replay windows from zero.
    const std::uint32_t session = ++appSession[device];
    const std::array<std::uint8_t, 4> p = {
        static_cast<std::uint8_t>(session >> 24), static_cast<std::uint8_t>(session >> 16),
        static_cast<std::uint8_t>(session >> 8), static_cast<std::uint8_t>(session)};
    const SecureBytes keys = crypto::hmacSha256(ue[device].appMaster, p);
    // The device's and the server's keys (one copy: ServerContext).
    protocol::AppKeys& app = ue[device].app;
    std::copy_n(keys.begin(), 16, app.enc.begin());
    std::copy_n(keys.begin() + 16, 16, app.mac.begin());
    // OSCORE: a new security context from the session's key (RFC 8613 3.2), only when in use.
    app.oscore.derived = false;
    if (protection.app.oscore)
        protocol::deriveOscoreKeys(app, globalDevice(device));
    ue[device].appSeq = 0;
    ue[device].appWindow.reset();
    server[device].appSeq = 0;
    server[device].appWindow.reset();
    if (!dtls.empty())
        dtls[device] = DtlsDevice(); // dtls: the next reading sets up a new association
    captureKeys(device, "end-to-end");
}

void Engine::Impl::newSecurityAssociations(Link link)
{
    static constexpr std::array<std::pair<std::uint32_t, std::uint32_t>, kLinkCount> ends = {
        std::pair{0u, 0u},    {kAddrEnb, kAddrMme}, {kAddrEnb, kAddrSgw},
        {kAddrMme, kAddrHss}, {kAddrSgw, kAddrPgw}, {kAddrPgw, kAddrServerGw}};
    const auto [near, far] = ends[static_cast<std::size_t>(link)];
    for (std::size_t dir = 0; dir < 2; ++dir) {
        auto& current = sa[static_cast<std::size_t>(link)][dir];
        if (current.spi != 0)
            previousSa[static_cast<std::size_t>(link)][dir] = current;
        protocol::EspSa fresh;
        fresh.spi = nextSpi++;
        rng.fill(fresh.key);
        rng.fill(fresh.salt);
        fresh.tunnelSource = dir == 0 ? near : far;
        fresh.tunnelDestination = dir == 0 ? far : near;
        current = fresh;
        captureEspSa(link, dir);
    }
}

void Engine::Impl::captureUuSecurity(std::uint32_t d, bool downlink, const protocol::AsSecurityContext& as)
{
    if (capture != nullptr)
        capture->uuSecurity(now, d, downlink, as);
}

void Engine::Impl::captureEspSa(Link link, std::size_t direction)
{
    if (capture != nullptr && protection.ndsOn(link)) // the SAs of a link without NDS/IP carry nothing
        capture->espSecurityAssociation(now, link, direction == 1,
                                        sa[static_cast<std::size_t>(link)][direction]);
}

void Engine::Impl::applyProtection(const Protection& p, bool fromTimeline)
{
    requireImplemented(p);
    requireDtlsFits(p);
    if (p.app.dtls && dtls.empty())
        dtls.resize(scenario.devices); // switched on live
    const Protection before = protection;
    protection = p;
    appliedChanges.push_back({toSeconds(now), p});
    // What the run has done so far, to be subtracted for the verdicts since this change.
    lastChangeAt = now;
    talliesAtChange.clear();
    for (const AttackRuntime& a : attacks) {
        talliesAtChange.push_back(a.tally);
        talliesAtChange.back().examples.clear();
    }
    accountingAtChange = accounting;
    recordsAtChange = static_cast<std::uint32_t>(records.size());
    decidedBeforeChange.assign(attacks.size(), AttackTally{});
    log(EventKind::ProtectionChanged, placeOf(Node::MME), kNoDevice, fromTimeline ? 1 : 0);
    for (const Link link : kBackhaulLinks) {
        if (p.ndsOn(link) != before.ndsOn(link))
            newSecurityAssociations(link);
    }
    const Meta none;
    for (std::uint32_t d = 0; d < scenario.devices && p.app.oscore && !(p.app == before.app); ++d) {
        // Devices not attached keep their session, but need its OSCORE context for when they send.
        if (ue[d].state != UeState::Attached && !ue[d].app.oscore.derived) {
            protocol::deriveOscoreKeys(ue[d].app, globalDevice(d)); // the server's too (ServerContext)
        }
    }
    for (std::uint32_t d = 0; d < scenario.devices; ++d) {
        if (ue[d].state != UeState::Attached)
            continue;
        if (!(p.nas == before.nas)) {
            Meta m = none;
            m.device = d;
            m.signalling = true;
            mmeSecurityModeCommand(d, m);
        }
        if (!(p.as == before.as)) {
            Meta m = none;
            m.device = d;
            m.signalling = true;
            enbAsSecurityModeCommand(d, m);
        }
        if (!(p.app == before.app))
            newAppSession(d);
    }
    if (observer != nullptr)
        observer->protectionChanged(protection);
}

std::optional<std::uint32_t> Engine::Impl::deviceOfAddress(std::uint32_t address) const
{
    const std::uint32_t base = kAddrDeviceBase + firstDevice;
    if (address <= base || address > base + scenario.devices)
        return std::nullopt;
    return address - base - 1;
}

std::string Engine::Impl::imsiOf(std::uint32_t device) const
{
    std::string msin = std::to_string(globalDevice(device) + 1);
    const std::size_t width = 15 - scenario.mcc.size() - scenario.mnc.size();
    return scenario.mcc + scenario.mnc + std::string(width - std::min(width, msin.size()), '0') + msin;
}

// ---- public interface ----

Engine::Engine(Scenario scenario)
    : impl_(std::make_unique<Impl>(std::move(scenario), 0))
{}
Engine::Engine(Scenario scenario, std::uint32_t firstDevice)
    : impl_(std::make_unique<Impl>(std::move(scenario), firstDevice))
{}
Engine::~Engine() = default;

void Engine::setObserver(EngineObserver* observer)
{
    impl_->observer = observer;
}

std::size_t Engine::runUntil(SimTime until)
{
    Impl& d = *impl_;
    until = std::min(until, d.end);
    std::size_t processed = 0;
    while (!d.queue.empty() && d.queue.top().time <= until) {
        const Scheduled s = d.queue.top();
        d.queue.pop();
        d.dispatch(s);
        ++processed;
    }
    d.now = std::max(d.now, until);
    d.flushToObserver();
    return processed;
}

bool Engine::step()
{
    Impl& d = *impl_;
    if (d.queue.empty() || d.queue.top().time > d.end)
        return false;
    const Scheduled s = d.queue.top();
    d.queue.pop();
    d.dispatch(s);
    d.flushToObserver();
    return true;
}

std::optional<SimTime> Engine::nextEventTime()
{
    Impl& d = *impl_;
    if (d.queue.empty() || d.queue.top().time > d.end)
        return std::nullopt;
    return d.queue.top().time;
}

void Engine::runToEnd()
{
    runUntil(impl_->end);
}

SimTime Engine::now() const
{
    return impl_->now;
}

SimTime Engine::endTime() const
{
    return impl_->end;
}

bool Engine::finished() const
{
    return impl_->now >= impl_->end;
}

void Engine::setProtection(const Protection& protection)
{
    impl_->applyProtection(protection, false);
    impl_->flushToObserver();
}

const Protection& Engine::protection() const
{
    return impl_->protection;
}

void Engine::addAttack(const AttackSpec& spec)
{
    Impl& d = *impl_;
    for (const AttackRuntime& a : d.attacks) {
        if (a.tally.spec.id == spec.id && !a.tally.removed)
            throw InvalidInput("attack id '" + spec.id + "' is already in use");
    }
    const bool needsNode = spec.kind == AttackKind::Insider;
    if (needsNode != spec.node.has_value() || needsNode == spec.link.has_value())
        throw InvalidInput("attack '" + spec.id +
                           "': " + (needsNode ? "insider needs a node" : "needs a link"));
    if (spec.kind == AttackKind::Downgrade && spec.link != Link::Uu)
        throw InvalidInput("attack '" + spec.id + "': downgrade works on Uu only");
    const std::uint32_t index = d.addAttackRuntime(spec);
    d.log(EventKind::AttackAdded, spec.link ? placeOf(*spec.link) : placeOf(*spec.node), kNoDevice, 0, 0,
          static_cast<std::int16_t>(index));
    d.scheduleAttack(index);
    d.flushToObserver();
}

bool Engine::removeAttack(const std::string& id)
{
    Impl& d = *impl_;
    for (std::size_t i = 0; i < d.attacks.size(); ++i) {
        AttackRuntime& a = d.attacks[i];
        if (a.tally.spec.id == id && !a.tally.removed) {
            a.tally.removed = true;
            d.log(EventKind::AttackRemoved,
                  a.tally.spec.link ? placeOf(*a.tally.spec.link) : placeOf(*a.tally.spec.node), kNoDevice, 0,
                  0, static_cast<std::int16_t>(i));
            d.flushToObserver();
            return true;
        }
    }
    return false;
}

const Scenario& Engine::scenario() const
{
    return impl_->scenario;
}

const std::vector<LogEvent>& Engine::events() const
{
    return impl_->eventLog.events();
}

std::uint64_t Engine::eventCount() const
{
    return impl_->eventLog.size();
}

void Engine::forEachEvent(const std::function<void(std::span<const LogEvent>)>& visit) const
{
    impl_->eventLog.forEach(visit);
}

void Engine::setSpillEvents(bool on)
{
    impl_->eventLog.setSpill(on);
}

void Engine::setDiscardSpilledEvents(bool on)
{
    impl_->eventLog.setDiscard(on);
}

void Engine::setThreads(unsigned threads)
{
    if (threads == 0)
        throw InvalidInput("threads: must be at least 1");
    impl_->eventLog.setPipelined(threads >= 2);
}

unsigned Engine::threads() const
{
    return impl_->eventLog.pipelined() ? 2 : 1;
}

std::optional<PduRecord> Engine::pdu(std::uint32_t pduId) const
{
    const Impl& d = *impl_;
    if (d.recentPdus.empty() || pduId == 0 || pduId >= d.nextPduId || d.nextPduId - pduId > Impl::kRecentPdus)
        return std::nullopt;
    return d.recentPdus[pduId % Impl::kRecentPdus];
}

void Engine::setCaptureSink(CaptureSink* sink)
{
    impl_->capture = sink;
    if (sink == nullptr)
        return;
    impl_->keepCkIk = true; // CK and IK for the key log, from the next AKA on
    // Who each device is, and the end-to-end keys and ESP SAs that exist from the start.
    for (std::uint32_t d = 0; d < impl_->scenario.devices; ++d) {
        DeviceIdentity id;
        id.imsi = impl_->imsiOf(d);
        id.address = impl_->deviceAddress(d);
        id.enbAddress = kAddrEnb;
        id.teidS1uSgw = impl_->teid(kTeidS1uSgw, d);
        id.teidS1uEnb = impl_->teid(kTeidS1uEnb, d);
        id.teidS5Pgw = impl_->teid(kTeidS5Pgw, d);
        id.teidS5Sgw = impl_->teid(kTeidS5Sgw, d);
        sink->deviceIdentity(d, id);
    }
    for (std::uint32_t d = 0; d < impl_->scenario.devices; ++d)
        impl_->captureKeys(d, "end-to-end");
    for (const Link link : kBackhaulLinks)
        for (std::size_t dir = 0; dir < 2; ++dir)
            impl_->captureEspSa(link, dir);
}

void Engine::Impl::captureKeys(std::uint32_t d, const char* where)
{
    if (capture == nullptr)
        return;
    std::string keys;
    const auto add = [&keys](const char* name, ByteView value) {
        keys += keys.empty() ? "" : " ";
        keys += name;
        keys += '=';
        keys += toHex(value);
    };
    const UeContext& u = ue[d];
    if (std::string_view(where) == "device") {
        if (!u.haveKasme) // no AKA yet in this attach: nothing but the end-to-end keys
            return;
        if (d < ckIk.size() &&
            std::any_of(ckIk[d].begin(), ckIk[d].end(), [](std::uint8_t b) { return b != 0; })) {
            add("CK", ByteView(ckIk[d]).first(16));
            add("IK", ByteView(ckIk[d]).subspan(16));
        }
        add("KASME", u.kasme);
        if (u.nasActive) {
            keys +=
                " NAS=" + std::string(crypto::name(u.nas.eia)) + "+" + std::string(crypto::name(u.nas.eea));
            add("KNASint", u.nas.kNasInt);
            add("KNASenc", u.nas.kNasEnc);
        }
        if (u.as.integrityActive) {
            add("KeNB", u.kenb);
            keys += " AS=" + std::string(crypto::name(u.as.rrcEia)) + "+" +
                    std::string(crypto::name(u.as.rrcEea)) + " UP=" + std::string(crypto::name(u.as.upEea));
            add("KRRCint", u.as.kRrcInt);
            add("KRRCenc", u.as.kRrcEnc);
            add("KUPenc", u.as.kUpEnc);
        }
    } else {
        keys += "session=" + std::to_string(appSession[d]);
        add("E2Eenc", u.app.enc);
        add("E2Emac", u.app.mac);
        if (u.app.oscore.derived) {
            // The OSCORE context's pre-shared parameters (RFC 8613 3.2), for Wireshark's oscore_contexts
            // (core/report/OscoreContexts.h).
            add("OSCOREsecret", u.app.enc);
            add("OSCOREdevice", u.app.oscore.deviceId);
            add("OSCOREserver", u.app.oscore.serverId);
        }
    }
    capture->keysInForce(now, d, where, keys);
}

void Engine::setKeepPdus(bool on)
{
    // CK and IK go with the PDUs (or a capture sink): nothing else reads them.
    impl_->keepCkIk = on || impl_->capture != nullptr;
    if (!impl_->keepCkIk)
        SecureTable<std::array<std::uint8_t, 32>>().swap(impl_->ckIk);
    impl_->keepPdus = on; // the ring is made at the first PDU kept (send)
    if (!on)
        std::vector<PduRecord>().swap(impl_->recentPdus);
}

void Engine::setKeepReceiverView(bool on)
{
    impl_->keepReceiverView = on;
}

void Engine::setClassifyPdus(bool on)
{
    impl_->classifyPdus = on;
    impl_->recentReadings.assign(on ? Impl::kRecentPdus : 0, 0);
}

std::optional<Reading> Engine::pduReading(std::uint32_t pduId) const
{
    const Impl& d = *impl_;
    if (!d.classifyPdus || pduId == 0 || pduId >= d.nextPduId || d.nextPduId - pduId > Impl::kRecentPdus)
        return std::nullopt;
    const std::uint8_t v = d.recentReadings[pduId % Impl::kRecentPdus];
    if (v == 0)
        return std::nullopt;
    return static_cast<Reading>(v - 1);
}

std::size_t Engine::bytesPerDevice()
{
    return sizeof(UeContext) + sizeof(MmeContext) + sizeof(EnbContext) + sizeof(HssRecord) +
           sizeof(ServerContext) + 2 * sizeof(std::uint8_t) + sizeof(std::uint32_t);
}

} // namespace mtcsec::engine
