// The simulation engine proves the security story by mechanism: what leaks with each protection off and stops
// leaking with it on, link by link; tampering detected with integrity and accepted without; replays rejected
// only where counters exist; the downgrade caught by the replayed capabilities; the verdicts of every preset;
// the digest repeated across runs; live protection changes and attackers; the standard device that refuses
// null integrity (TS 24.301 5.4.3.3, TS 36.331 5.3.4.3, TS 33.401 5.1.4.1) and the MME that never falls back
// (TS 33.401 7.2.4.2).
#include "core/InvalidInput.h"
#include "core/engine/Engine.h"
#include "core/scenario/Presets.h"

#include <QtTest>

using namespace mtcsec;
using namespace mtcsec::engine;

namespace {

Scenario scenario(const Protection& protection, std::vector<AttackSpec> attacks, std::uint32_t devices = 6,
                  double durationS = 40)
{
    Scenario s;
    s.name = "test";
    s.devices = devices;
    s.durationS = durationS;
    s.traffic.downlinkIntervalS = 10;
    s.protection = protection;
    // The mechanism tests switch protections one by one, most with null integrity: their devices accept EIA0,
    // as the presets that need it declare. The standard device has its own tests (compliantDevice*).
    s.ue.acceptsNullIntegrity = true;
    for (std::size_t i = 0; i < attacks.size(); ++i)
        attacks[i].id = "a" + std::to_string(i + 1);
    s.attacks = std::move(attacks);
    return s;
}

AttackSpec attack(AttackKind kind, Link link, MessageFilter messages = MessageFilter::All,
                  DirectionFilter direction = DirectionFilter::Both, double rate = 1.0)
{
    AttackSpec a;
    a.kind = kind;
    a.link = link;
    a.messages = messages;
    a.direction = direction;
    a.rate = rate;
    return a;
}

AttackSpec insider(Node node)
{
    AttackSpec a;
    a.kind = AttackKind::Insider;
    a.node = node;
    return a;
}

RunSummary run(const Scenario& s)
{
    Engine engine(s);
    engine.runToEnd();
    return engine.summary();
}

Protection nds(Protection p, Link link)
{
    p.setNds(link, true);
    return p;
}

Protection upCiphering()
{
    Protection p;
    p.as.upCiphering = crypto::CipheringAlgorithm::Eea2;
    return p;
}

Protection app(const char* name)
{
    Protection p;
    p.app = appPreset(name).value();
    return p;
}

Protection nasOn()
{
    Protection p;
    p.nas = {crypto::IntegrityAlgorithm::Eia2, crypto::CipheringAlgorithm::Eea2};
    return p;
}

// NAS and RRC integrity on, everything else off: the least a standard device attaches with.
Protection integrityOn()
{
    Protection p = nasOn();
    p.nas.ciphering = crypto::CipheringAlgorithm::Eea0;
    p.as.rrcIntegrity = crypto::IntegrityAlgorithm::Eia2;
    return p;
}

std::vector<LogEvent> eventsOf(const Engine& engine, EventKind kind)
{
    std::vector<LogEvent> out;
    for (const LogEvent& e : engine.events())
        if (e.kind == kind)
            out.push_back(e);
    return out;
}

} // namespace

Q_DECLARE_METATYPE(mtcsec::Protection)
Q_DECLARE_METATYPE(mtcsec::Link)

class TestEngine : public QObject {
    Q_OBJECT
private slots:
    void attachAndTrafficWithoutAttack_data();
    void attachAndTrafficWithoutAttack();
    void eavesdropPerLink_data();
    void eavesdropPerLink();
    void keysOnUnprotectedBackhaul_data();
    void keysOnUnprotectedBackhaul();
    void imsiIsAnLteLimit();
    void tamperPerProtection_data();
    void tamperPerProtection();
    void malleableCiphertext();
    void replayPerProtection_data();
    void replayPerProtection();
    void injectedDetach_data();
    void injectedDetach();
    void injectedCommand_data();
    void injectedCommand();
    void downgradeCaughtByReplayedCapabilities();
    void downgradeSucceedsWithoutNasIntegrity();
    void insiderSeesWhatTheNodeSees();
    void presetVerdicts_data();
    void presetVerdicts();
    void replayWindowSwitchedOnHalfway();
    void digestIsDeterministic();
    void liveProtectionChange();
    void liveAttackers();
    void observerGetsBatches();
    void runsWithSnow3gAndZuc_data();
    void runsWithSnow3gAndZuc();
    void keepsPdusForTheInspector();
    void busyProtectedLinksKeepOrder();
    void compliantDeviceRefusesNullIntegrity_data();
    void compliantDeviceRefusesNullIntegrity();
    void compliantDeviceRefusesNullIntegrityLive_data();
    void compliantDeviceRefusesNullIntegrityLive();
    void downgradeAgainstCompliantDevice();
    void mmeNeverFallsBackToNullIntegrity();
};

void TestEngine::attachAndTrafficWithoutAttack_data()
{
    QTest::addColumn<Protection>("protection");
    QTest::newRow("nothing") << Protection{};
    QTest::newRow("3GPP on") << threeGppOn();
    QTest::newRow("3GPP on, SGi NDS, aead") << nds(threeGppOn(app("aead")), Link::SGi);
    QTest::newRow("app integrity") << app("integrity");
}

void TestEngine::attachAndTrafficWithoutAttack()
{
    // Every protection works end to end: all devices attach (EPS-AKA with Milenage, NAS and AS SMC) and every
    // message that had time to arrive is delivered intact.
    QFETCH(Protection, protection);
    const RunSummary s = run(scenario(protection, {}));
    QCOMPARE(s.traffic.attachOk, std::uint64_t{6});
    QCOMPARE(s.traffic.attachFailed, std::uint64_t{0});
    QVERIFY(s.traffic.uplinkSent >= 18);
    QVERIFY(s.traffic.uplinkSent - s.traffic.uplinkDelivered <=
            6); // at most one in flight per device at the end
    QVERIFY(s.traffic.downlinkSent >= 12);
    QVERIFY(s.traffic.downlinkSent - s.traffic.downlinkDelivered <= 6);
    QCOMPARE(s.traffic.uplinkAlteredAccepted + s.traffic.downlinkForgedAccepted + s.traffic.droppedIntegrity +
                 s.traffic.droppedReplay + s.traffic.droppedMalformed,
             std::uint64_t{0});
    for (const RequirementResult& r : s.requirements)
        QCOMPARE(r.verdict, Verdict::NotExercised);
}

void TestEngine::eavesdropPerLink_data()
{
    QTest::addColumn<Link>("link");
    QTest::addColumn<Protection>("protection");
    QTest::addColumn<bool>("leaks");
    QTest::newRow("Uu open") << Link::Uu << Protection{} << true;
    QTest::newRow("Uu UP ciphering") << Link::Uu << upCiphering() << false;
    QTest::newRow("Uu app aead") << Link::Uu << app("aead") << false;
    QTest::newRow("Uu app integrity only") << Link::Uu << app("integrity") << true;
    for (const Link link : {Link::S1U, Link::S5, Link::SGi}) {
        const std::string n(name(link));
        QTest::newRow((n + " open").c_str()) << link << Protection{} << true;
        QTest::newRow((n + " UP ciphering ends at the eNB").c_str()) << link << upCiphering() << true;
        QTest::newRow((n + " NDS/IP").c_str()) << link << nds(Protection{}, link) << false;
        QTest::newRow((n + " app aead").c_str()) << link << app("aead") << false;
    }
}

void TestEngine::eavesdropPerLink()
{
    QFETCH(Link, link);
    QFETCH(Protection, protection);
    QFETCH(bool, leaks);
    const RunSummary s =
        run(scenario(protection, {attack(AttackKind::Eavesdrop, link, MessageFilter::Data)}));
    const AttackTally& t = s.attacks.at(0);
    QVERIFY(t.dataSeen > 20);
    if (leaks) {
        QVERIFY(t.readingsRead > 0);
        QVERIFY(t.commandsRead > 0);
        QCOMPARE(s.requirements[2].verdict, Verdict::Violated);
        QVERIFY(!t.examples.empty());
        QVERIFY(QString::fromStdString(t.examples[0].what).contains(QStringLiteral("=")));
    } else {
        QCOMPARE(t.readingsRead + t.commandsRead, std::uint64_t{0});
        QCOMPARE(t.ciphertextSeen, t.dataSeen);
        QCOMPARE(s.requirements[2].verdict, Verdict::Met);
    }
}

void TestEngine::keysOnUnprotectedBackhaul_data()
{
    QTest::addColumn<Link>("link");
    QTest::newRow("S1-MME carries KeNB") << Link::S1Mme;
    QTest::newRow("S6a carries KASME") << Link::S6a;
}

void TestEngine::keysOnUnprotectedBackhaul()
{
    QFETCH(Link, link);
    const RunSummary open = run(scenario(threeGppOn(), {attack(AttackKind::Eavesdrop, link)}));
    Protection withoutNds = threeGppOn();
    withoutNds.setNds(link, false);
    const RunSummary exposed = run(scenario(withoutNds, {attack(AttackKind::Eavesdrop, link)}));
    QCOMPARE(open.attacks[0].keysRead, std::uint64_t{0});
    QCOMPARE(open.attacks[0].imsiRead, std::uint64_t{0});
    QCOMPARE(open.requirements[1].verdict, Verdict::Met);
    QCOMPARE(exposed.attacks[0].keysRead, std::uint64_t{6}); // one key per device's attach
    QCOMPARE(exposed.requirements[1].verdict, Verdict::Violated);
    QVERIFY(!exposed.requirements[1].lteLimit); // NDS/IP could have protected it
    // NAS ciphering hides the NAS bodies inside S1AP even when the backhaul is open.
    QCOMPARE(exposed.attacks[0].nasBodiesRead, std::uint64_t{0});
}

void TestEngine::imsiIsAnLteLimit()
{
    // With everything on, an eavesdropper on Uu still reads the IMSI of every first Attach Request, and
    // nothing else: R2 is violated, and the verdict says that only LTE's limit violates it.
    const RunSummary s =
        run(scenario(nds(threeGppOn(app("aead")), Link::SGi), {attack(AttackKind::Eavesdrop, Link::Uu)}));
    const AttackTally& t = s.attacks[0];
    QCOMPARE(t.imsiRead, std::uint64_t{6});
    QCOMPARE(t.imsiInitialAttach, std::uint64_t{6});
    QCOMPARE(t.nasBodiesRead + t.keysRead + t.readingsRead + t.commandsRead, std::uint64_t{0});
    QCOMPARE(s.requirements[1].verdict, Verdict::Violated);
    QVERIFY(s.requirements[1].lteLimit);
    QCOMPARE(s.requirements[2].verdict, Verdict::Met);

    // Without NAS ciphering the Attach Accept (with the device's address) is read too: no longer only the
    // limit.
    Protection noNasCiphering = threeGppOn();
    noNasCiphering.nas.ciphering = crypto::CipheringAlgorithm::Eea0;
    noNasCiphering.as.rrcCiphering = crypto::CipheringAlgorithm::Eea0;
    const RunSummary open = run(scenario(noNasCiphering, {attack(AttackKind::Eavesdrop, Link::Uu)}));
    QVERIFY(open.attacks[0].nasBodiesRead >= 12); // Attach Accept and Attach Complete of each device
    QVERIFY(!open.requirements[1].lteLimit);
}

void TestEngine::tamperPerProtection_data()
{
    QTest::addColumn<Link>("link");
    QTest::addColumn<Protection>("protection");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<int>("blockedBy");
    QTest::newRow("Uu open") << Link::Uu << Protection{} << true << -1;
    QTest::newRow("Uu app integrity") << Link::Uu << app("integrity") << false << int(DropReason::Integrity);
    QTest::newRow("Uu app aead") << Link::Uu << app("aead") << false << int(DropReason::Integrity);
    QTest::newRow("S1-U open") << Link::S1U << Protection{} << true << -1;
    QTest::newRow("S1-U NDS/IP") << Link::S1U << nds(Protection{}, Link::S1U) << false
                                 << int(DropReason::Integrity);
    QTest::newRow("S5 NDS/IP") << Link::S5 << nds(Protection{}, Link::S5) << false
                               << int(DropReason::Integrity);
    QTest::newRow("SGi open, 3GPP on") << Link::SGi << threeGppOn() << true << -1;
    QTest::newRow("SGi app integrity")
        << Link::SGi << threeGppOn(app("integrity")) << false << int(DropReason::Integrity);
}

void TestEngine::tamperPerProtection()
{
    QFETCH(Link, link);
    QFETCH(Protection, protection);
    QFETCH(bool, accepted);
    QFETCH(int, blockedBy);
    const RunSummary s = run(scenario(
        protection, {attack(AttackKind::Tamper, link, MessageFilter::Data, DirectionFilter::Both, 0.5)}));
    const AttackTally& t = s.attacks[0];
    QVERIFY(t.dataAttempts > 5);
    if (accepted) {
        QVERIFY(t.dataSucceeded > 0);
        QCOMPARE(s.traffic.uplinkAlteredAccepted + s.traffic.downlinkAlteredAccepted, t.dataSucceeded);
        QCOMPARE(s.requirements[3].verdict, Verdict::Violated);
    } else {
        QCOMPARE(t.dataSucceeded, std::uint64_t{0});
        QVERIFY(t.blockedBy[static_cast<std::size_t>(blockedBy)] > 0);
        QCOMPARE(s.traffic.uplinkAlteredAccepted + s.traffic.downlinkAlteredAccepted, std::uint64_t{0});
        QCOMPARE(s.requirements[3].verdict, Verdict::Met);
    }
}

void TestEngine::malleableCiphertext()
{
    // AES-CTR hides the reading from an eavesdropper, yet a bit flipped in the ciphertext flips the same bit
    // of the reading, and nothing notices: ciphering without integrity.
    const RunSummary s = run(scenario(
        upCiphering(), {attack(AttackKind::Tamper, Link::Uu, MessageFilter::Data, DirectionFilter::Uplink),
                        attack(AttackKind::Eavesdrop, Link::Uu, MessageFilter::Data)}));
    QVERIFY(s.attacks[0].dataAttempts > 10);
    QCOMPARE(s.attacks[0].dataSucceeded,
             s.attacks[0].dataAttempts - (s.traffic.uplinkSent - s.traffic.uplinkDelivered));
    QCOMPARE(s.traffic.uplinkAlteredAccepted, s.attacks[0].dataSucceeded);
    QCOMPARE(s.attacks[1].readingsRead, std::uint64_t{0}); // and yet nobody could read it
    QCOMPARE(s.requirements[2].verdict, Verdict::Met);
    QCOMPARE(s.requirements[3].verdict, Verdict::Violated);
}

void TestEngine::replayPerProtection_data()
{
    QTest::addColumn<Link>("link");
    QTest::addColumn<Protection>("protection");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("SGi, no app security") << Link::SGi << threeGppOn() << true;
    QTest::newRow("SGi, app integrity without replay window")
        << Link::SGi << threeGppOn(app("integrity")) << true;
    QTest::newRow("SGi, app aead with replay window") << Link::SGi << threeGppOn(app("aead")) << false;
    QTest::newRow("SGi, NDS/IP anti-replay") << Link::SGi << nds(threeGppOn(), Link::SGi) << false;
    QTest::newRow("S1-U, GTP-U has no counter") << Link::S1U << Protection{} << true;
    QTest::newRow("S1-U, NDS/IP anti-replay") << Link::S1U << nds(Protection{}, Link::S1U) << false;
    QTest::newRow("Uu, PDCP SN rewritten, no ciphering") << Link::Uu << Protection{} << true;
    QTest::newRow("Uu, PDCP SN rewritten, ciphering garbles it") << Link::Uu << upCiphering() << false;
}

void TestEngine::replayPerProtection()
{
    QFETCH(Link, link);
    QFETCH(Protection, protection);
    QFETCH(bool, accepted);
    const RunSummary s = run(scenario(
        protection, {attack(AttackKind::Replay, link, MessageFilter::Data, DirectionFilter::Downlink, 0.5)}));
    const AttackTally& t = s.attacks[0];
    QVERIFY(t.dataAttempts > 3);
    if (accepted) {
        QVERIFY(t.dataSucceeded > 0);
        QVERIFY(s.traffic.downlinkReplayedAccepted > 0);
    } else {
        QCOMPARE(t.dataSucceeded, std::uint64_t{0});
        QCOMPARE(s.traffic.downlinkReplayedAccepted, std::uint64_t{0});
    }
}

void TestEngine::injectedDetach_data()
{
    QTest::addColumn<Protection>("protection");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("no signalling protection") << Protection{} << true;
    QTest::newRow("NAS integrity (RRC open)") << nasOn() << false;
    Protection rrc;
    rrc.as.rrcIntegrity = crypto::IntegrityAlgorithm::Eia2;
    QTest::newRow("RRC integrity (NAS open)") << rrc << false;
}

void TestEngine::injectedDetach()
{
    QFETCH(Protection, protection);
    QFETCH(bool, accepted);
    AttackSpec a =
        attack(AttackKind::Inject, Link::Uu, MessageFilter::Signalling, DirectionFilter::Both, 0.5);
    a.startS = 5;
    const RunSummary s = run(scenario(protection, {a}));
    const AttackTally& t = s.attacks[0];
    QVERIFY(t.signallingAttempts >= 5);
    if (accepted) {
        QVERIFY(t.signallingSucceeded > 0);
        QVERIFY(s.traffic.attachOk > 6); // detached devices attach again
        QCOMPARE(s.requirements[0].verdict, Verdict::Violated);
    } else {
        QCOMPARE(t.signallingSucceeded, std::uint64_t{0});
        QVERIFY(t.blockedBy[static_cast<std::size_t>(DropReason::Integrity)] > 0);
        QCOMPARE(s.traffic.attachOk, std::uint64_t{6});
        QCOMPARE(s.requirements[0].verdict, Verdict::Met);
    }
}

void TestEngine::injectedCommand_data()
{
    QTest::addColumn<Link>("link");
    QTest::addColumn<Protection>("protection");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("SGi, no app security") << Link::SGi << threeGppOn() << true;
    QTest::newRow("SGi, app integrity") << Link::SGi << threeGppOn(app("integrity")) << false;
    QTest::newRow("S5, open") << Link::S5 << Protection{} << true;
    QTest::newRow("S5, NDS/IP") << Link::S5 << nds(Protection{}, Link::S5) << false;
    QTest::newRow("Uu, open") << Link::Uu << Protection{} << true;
    QTest::newRow("Uu, UP ciphering") << Link::Uu << upCiphering() << false;
}

void TestEngine::injectedCommand()
{
    QFETCH(Link, link);
    QFETCH(Protection, protection);
    QFETCH(bool, accepted);
    AttackSpec a = attack(AttackKind::Inject, link, MessageFilter::Data, DirectionFilter::Both, 1.0);
    a.startS = 5;
    const RunSummary s = run(scenario(protection, {a}));
    const AttackTally& t = s.attacks[0];
    QVERIFY(t.dataAttempts >= 20);
    if (accepted) {
        QVERIFY(s.traffic.downlinkForgedAccepted > 0);
        QCOMPARE(s.traffic.downlinkForgedAccepted, t.dataSucceeded);
    } else {
        QCOMPARE(s.traffic.downlinkForgedAccepted, std::uint64_t{0});
        QCOMPARE(t.dataSucceeded, std::uint64_t{0});
        QVERIFY(t.dataBlocked > 0);
    }
}

void TestEngine::downgradeCaughtByReplayedCapabilities()
{
    const RunSummary s = run(scenario(nasOn(), {attack(AttackKind::Downgrade, Link::Uu)}, 4, 30));
    const AttackTally& t = s.attacks[0];
    QVERIFY(t.attempts >= 4);
    QCOMPARE(t.succeeded, std::uint64_t{0});
    QCOMPARE(t.blocked, t.attempts - 0); // every attempt ends at the UE's check of the SMC
    QCOMPARE(s.traffic.attachOk, std::uint64_t{0});
    QVERIFY(s.traffic.attachFailed >= 4);
    QCOMPARE(s.requirements[0].verdict, Verdict::Met);
}

void TestEngine::downgradeSucceedsWithoutNasIntegrity()
{
    // With EIA0 the attacker also restores the capabilities replayed in the SMC and the UE cannot tell.
    const RunSummary s = run(scenario(Protection{}, {attack(AttackKind::Downgrade, Link::Uu)}, 4, 30));
    const AttackTally& t = s.attacks[0];
    QCOMPARE(t.attempts, std::uint64_t{4});
    QCOMPARE(t.succeeded, std::uint64_t{4});
    QCOMPARE(s.traffic.attachOk, std::uint64_t{4});
    QCOMPARE(s.requirements[0].verdict, Verdict::Violated);
}

void TestEngine::insiderSeesWhatTheNodeSees()
{
    const RunSummary hopByHop =
        run(scenario(nds(threeGppOn(), Link::SGi), {insider(Node::ENB), insider(Node::SGW)}));
    QVERIFY(hopByHop.attacks[0].readingsRead > 0);
    QVERIFY(hopByHop.attacks[1].readingsRead > 0);
    QCOMPARE(hopByHop.attacks[0].nasBodiesRead, std::uint64_t{0}); // NAS is ciphered end to end UE-MME
    QCOMPARE(hopByHop.requirements[2].verdict, Verdict::Violated);
    const RunSummary endToEnd =
        run(scenario(threeGppOn(app("aead")), {insider(Node::ENB), insider(Node::PGW)}));
    QCOMPARE(endToEnd.attacks[0].readingsRead + endToEnd.attacks[1].readingsRead, std::uint64_t{0});
    QCOMPARE(endToEnd.requirements[2].verdict, Verdict::Met);
}

void TestEngine::presetVerdicts_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QString>(
        "verdicts"); // R1..R4: m met, v violated, l violated only by the LTE limit, - not exercised
    QTest::newRow("default") << "default"
                             << "----";
    QTest::newRow("unprotected") << "unprotected"
                                 << "-vvv";
    QTest::newRow("3gpp-only") << "3gpp-only"
                               << "-lvv";
    QTest::newRow("app-only") << "app-only"
                              << "vvmm";
    QTest::newRow("defence-in-depth") << "defence-in-depth"
                                      << "-lmm";
    QTest::newRow("backhaul-eavesdrop") << "backhaul-eavesdrop"
                                        << "--v-";
    QTest::newRow("malleable-ciphertext") << "malleable-ciphertext"
                                          << "---v";
    QTest::newRow("bidding-down") << "bidding-down"
                                  << "m---";
    QTest::newRow("insider-pgw") << "insider-pgw"
                                 << "--v-";
    QTest::newRow("replay-command") << "replay-command"
                                    << "---v";
    QTest::newRow("null-integrity-refused") << "null-integrity-refused"
                                            << "mlm-";
}

void TestEngine::presetVerdicts()
{
    QFETCH(QString, preset);
    QFETCH(QString, verdicts);
    const RunSummary s = run(presetScenario(preset.toStdString()).value());
    QString got;
    for (const RequirementResult& r : s.requirements)
        got += r.verdict == Verdict::Met            ? 'm'
               : r.verdict == Verdict::NotExercised ? '-'
               : r.lteLimit                         ? 'l'
                                                    : 'v';
    QCOMPARE(got, verdicts);
    for (const RequirementResult& r : s.requirements)
        QVERIFY(!r.evidence.empty());
}

void TestEngine::replayWindowSwitchedOnHalfway()
{
    Engine engine(presetScenario("replay-command").value());
    engine.runToEnd();
    const RunSummary s = engine.summary();
    const auto& t = s.attacks[0];
    QVERIFY(t.succeeded > 0);
    QVERIFY(t.blockedBy[static_cast<std::size_t>(DropReason::Replay)] > 0);
    // Every accepted replay happened before the change at 30 s (plus the time a command takes to arrive),
    // every one after it was refused by the window.
    for (const LogEvent& e : engine.events()) {
        if (e.kind == EventKind::AttackSucceeded)
            QVERIFY(e.time < fromSeconds(30.2));
        if (e.kind == EventKind::AttackBlocked)
            QVERIFY(e.time > fromSeconds(30.0));
    }
}

void TestEngine::digestIsDeterministic()
{
    Scenario s = presetScenario("defence-in-depth").value();
    const RunSummary a = run(s);
    const RunSummary b = run(s);
    QCOMPARE(a.digest, b.digest);
    QCOMPARE(a.eventsTotal, b.eventsTotal);
    QCOMPARE(a.digest.size(), std::size_t{64});
    s.seed = 2;
    const RunSummary c = run(s);
    QVERIFY(c.digest != a.digest);
}

void TestEngine::liveProtectionChange()
{
    Engine engine(scenario(Protection{}, {attack(AttackKind::Eavesdrop, Link::Uu, MessageFilter::Data)}));
    engine.runUntil(fromSeconds(20));
    const std::uint64_t readBefore = engine.summary().attacks[0].readingsRead;
    QVERIFY(readBefore > 0);
    engine.setProtection(threeGppOn(app("aead")));
    engine.runUntil(fromSeconds(20.1)); // messages already in flight arrive
    const std::uint64_t readAtChange = engine.summary().attacks[0].readingsRead;
    engine.runToEnd();
    const RunSummary s = engine.summary();
    QCOMPARE(s.attacks[0].readingsRead, readAtChange);
    QVERIFY(s.traffic.uplinkDelivered > 0);
    int nasSmc = 0, asSmc = 0;
    for (const LogEvent& e : engine.events()) {
        nasSmc += e.kind == EventKind::NasSecurityModeCommand && e.time >= fromSeconds(20) ? 1 : 0;
        asSmc += e.kind == EventKind::AsSecurityModeCommand && e.time >= fromSeconds(20) ? 1 : 0;
    }
    QCOMPARE(nasSmc, 6); // a new Security Mode Command for every attached device
    QCOMPARE(asSmc, 6);
    QCOMPARE(s.changes.size(), std::size_t{1});
    // Traffic after the change still flows: the new keys are in force at both ends.
    QVERIFY(s.traffic.uplinkDelivered + 12 >= s.traffic.uplinkSent);
}

void TestEngine::liveAttackers()
{
    Engine engine(scenario(Protection{}, {}));
    engine.runUntil(fromSeconds(10));
    AttackSpec a = attack(AttackKind::Eavesdrop, Link::S1U);
    a.id = "live";
    engine.addAttack(a);
    QVERIFY_THROWS_EXCEPTION(InvalidInput, engine.addAttack(a)); // the id is taken
    AttackSpec wrong = attack(AttackKind::Downgrade, Link::S1U);
    wrong.id = "wrong";
    QVERIFY_THROWS_EXCEPTION(InvalidInput, engine.addAttack(wrong));
    engine.runUntil(fromSeconds(20));
    const std::uint64_t seen = engine.summary().attacks[0].attempts;
    QVERIFY(seen > 0);
    QVERIFY(engine.removeAttack("live"));
    QVERIFY(!engine.removeAttack("live"));
    engine.runToEnd();
    const RunSummary s = engine.summary();
    QCOMPARE(s.attacks[0].attempts, seen);
    QVERIFY(s.attacks[0].removed);
    QCOMPARE(s.requirements[2].verdict, Verdict::Violated);
}

void TestEngine::observerGetsBatches()
{
    struct Counter : EngineObserver {
        std::size_t events = 0;
        int calls = 0;
        int changes = 0;
        void eventsAppended(std::span<const LogEvent> batch) override
        {
            events += batch.size();
            ++calls;
        }
        void protectionChanged(const Protection&) override { ++changes; }
    } counter;
    Engine engine(scenario(Protection{}, {}));
    engine.setObserver(&counter);
    for (int t = 1; t <= 40; ++t)
        engine.runUntil(fromSeconds(t));
    engine.setProtection(threeGppOn());
    QCOMPARE(counter.events, engine.events().size());
    QVERIFY(counter.calls <= 41); // batched, not one call per event
    QVERIFY(counter.events > static_cast<std::size_t>(counter.calls) * 5);
    QCOMPARE(counter.changes, 1);
}

void TestEngine::runsWithSnow3gAndZuc_data()
{
    QTest::addColumn<int>("id");
    QTest::newRow("128-EEA1/EIA1 (SNOW 3G)") << 1;
    QTest::newRow("128-EEA3/EIA3 (ZUC)") << 3;
}

void TestEngine::runsWithSnow3gAndZuc()
{
    // Issue 13: the SNOW 3G and ZUC algorithms protect NAS, RRC and UP as AES does; the protocol runs the
    // same way (same events, same deliveries), only the octets on the air differ.
    QFETCH(int, id);
    const auto with = [](std::uint8_t alg) {
        Protection p;
        p.nas = {.integrity = static_cast<crypto::IntegrityAlgorithm>(alg),
                 .ciphering = static_cast<crypto::CipheringAlgorithm>(alg)};
        p.as = {.rrcIntegrity = static_cast<crypto::IntegrityAlgorithm>(alg),
                .rrcCiphering = static_cast<crypto::CipheringAlgorithm>(alg),
                .upCiphering = static_cast<crypto::CipheringAlgorithm>(alg)};
        return p;
    };
    const RunSummary aes = run(scenario(with(2), {}));
    const RunSummary other = run(scenario(with(static_cast<std::uint8_t>(id)), {}));
    QVERIFY(other.traffic.uplinkDelivered > 0);
    QCOMPARE(other.traffic.uplinkDelivered, aes.traffic.uplinkDelivered);
    QCOMPARE(other.traffic.uplinkSent, aes.traffic.uplinkSent);
    // And a live change to them is taken like any other.
    Engine engine(scenario(Protection{}, {}));
    engine.runUntil(fromSeconds(10));
    engine.setProtection(with(static_cast<std::uint8_t>(id)));
    QCOMPARE(engine.protection(), with(static_cast<std::uint8_t>(id)));
    engine.runToEnd();
    QVERIFY(engine.summary().traffic.uplinkDelivered > 0);
}

void TestEngine::keepsPdusForTheInspector()
{
    Engine engine(presetScenario("3gpp-only").value());
    engine.setClassifyPdus(true);
    engine.runToEnd();
    int sgi = 0, tampered = 0, ciphered = 0;
    for (const LogEvent& e : engine.events()) {
        if (e.kind != EventKind::PduSent)
            continue;
        const auto pdu = engine.pdu(e.pdu);
        QVERIFY(pdu.has_value());
        QCOMPARE(pdu->id, e.pdu);
        QCOMPARE(pdu->bytes.size(), std::size_t{e.value});
        QVERIFY2(!pdu->plain.empty(),
                 qPrintable(QStringLiteral("pdu %1 on %2 dir %3 size %4")
                                .arg(e.pdu)
                                .arg(e.place)
                                .arg(e.detail)
                                .arg(e.value))); // every PDU of the nodes has its sender's view
        if (e.place == placeOf(Link::SGi) && e.detail == 0) {
            ++sgi;
            QCOMPARE(engine.pduReading(e.pdu), std::optional<Reading>(Reading::Secret)); // readings in clear
            if (pdu->attack == "a3") {
                ++tampered;
                QVERIFY(pdu->bytes != pdu->plain); // the wire differs from what the P-GW sent
            } else {
                QCOMPARE(pdu->bytes, pdu->plain);
            }
        }
        if (e.place == placeOf(Link::S5)) {
            ciphered += engine.pduReading(e.pdu) == Reading::Ciphertext ? 1 : 0;
            QVERIFY(pdu->bytes != pdu->plain); // ESP on the wire, GTP-U inside
        }
    }
    QVERIFY(sgi > 20);
    QVERIFY(tampered > 0);
    QVERIFY(ciphered > 20);
    QVERIFY(!engine.pdu(0));
    QVERIFY(!engine.pdu(1'000'000));
}

void TestEngine::busyProtectedLinksKeepOrder()
{
    // Thousands of devices attaching at once over ESP-protected links: a link delivers in order, so the ESP
    // anti-replay window never mistakes a busy link for a replay, and every device attaches.
    Scenario s = scenario(threeGppOn(), {}, 3000, 12);
    s.traffic.attachSpreadS = 0.2;
    const RunSummary r = run(s);
    QCOMPARE(r.traffic.attachOk, std::uint64_t{3000});
    QCOMPARE(r.traffic.attachFailed, std::uint64_t{0});
    QCOMPARE(r.traffic.droppedReplay, std::uint64_t{0});
    QCOMPARE(r.traffic.droppedIntegrity, std::uint64_t{0});
}

QTEST_GUILESS_MAIN(TestEngine)
void TestEngine::compliantDeviceRefusesNullIntegrity_data()
{
    QTest::addColumn<Protection>("protection");
    QTest::addColumn<int>("layer"); // SecurityLayer of the refused command
    QTest::addColumn<int>("cause"); // EMM cause of the SECURITY MODE REJECT (0 for RRC)
    Protection nasNull = integrityOn();
    nasNull.nas.integrity = crypto::IntegrityAlgorithm::Eia0;
    Protection asNull = integrityOn();
    asNull.as.rrcIntegrity = crypto::IntegrityAlgorithm::Eia0;
    QTest::newRow("NAS EIA0") << nasNull << static_cast<int>(SecurityLayer::Nas) << 24;
    QTest::newRow("AS EIA0") << asNull << static_cast<int>(SecurityLayer::As) << 0;
    QTest::newRow("nothing") << Protection{} << static_cast<int>(SecurityLayer::Nas) << 24;
}

void TestEngine::compliantDeviceRefusesNullIntegrity()
{
    QFETCH(Protection, protection);
    QFETCH(int, layer);
    QFETCH(int, cause);
    Scenario s = scenario(protection, {}, 4, 30);
    s.ue.acceptsNullIntegrity = false;
    Engine engine(s);
    engine.runToEnd();
    const RunSummary r = engine.summary();
    // Every attempt is refused at the Security Mode Command, logged with its layer and cause, and fails
    // cleanly: the device goes idle and tries again after the guard time (never attached, so nothing sent).
    const auto refused = eventsOf(engine, EventKind::SecurityModeRefused);
    QVERIFY(refused.size() >= 8); // 4 devices, an attempt every ~10 s for 30 s
    for (const LogEvent& e : refused) {
        QCOMPARE(static_cast<int>(e.detail), layer);
        QCOMPARE(static_cast<int>(e.value), cause);
        QCOMPARE(e.place, placeOf(Node::Device));
    }
    const std::string text = describeEvent(refused[0]);
    QVERIFY2(text.find(layer == 0 ? "SECURITY MODE REJECT, EMM cause #24 (TS 24.301 5.4.3.3, 5.4.3.5"
                                  : "SecurityModeFailure (TS 36.331 5.3.4.3") != std::string::npos,
             text.c_str());
    QCOMPARE(r.traffic.attachOk, std::uint64_t{0});
    QCOMPARE(r.traffic.attachFailed, static_cast<std::uint64_t>(refused.size()));
    QVERIFY(eventsOf(engine, EventKind::AttachCompleted).empty());
    QCOMPARE(r.accounting.uplink.sent + r.accounting.downlink.sent, std::uint64_t{0});
    const std::size_t started = eventsOf(engine, EventKind::AttachStarted).size();
    QVERIFY(started >= refused.size() && started <= refused.size() + 4); // at most one under way per device
    if (layer == static_cast<int>(SecurityLayer::Nas)) {
        // The MME reads the SECURITY MODE REJECT and ends the attach with the device's cause.
        const auto failed = eventsOf(engine, EventKind::AttachFailed);
        QVERIFY(!failed.empty() && failed.size() <= refused.size());
        for (const LogEvent& e : failed) {
            QCOMPARE(e.place, placeOf(Node::MME));
            QCOMPARE(e.value, std::uint32_t{24});
        }
    }

    // The same network with devices declared non-compliant: they accept EIA0 and attach.
    s.ue.acceptsNullIntegrity = true;
    Engine accepting(s);
    accepting.runToEnd();
    QCOMPARE(accepting.summary().traffic.attachOk, std::uint64_t{4});
    QCOMPARE(accepting.summary().traffic.attachFailed, std::uint64_t{0});
    QVERIFY(eventsOf(accepting, EventKind::SecurityModeRefused).empty());
}

void TestEngine::compliantDeviceRefusesNullIntegrityLive_data()
{
    QTest::addColumn<bool>("nas");
    QTest::addColumn<bool>("as");
    QTest::newRow("NAS") << true << false;
    QTest::newRow("AS") << false << true;
    QTest::newRow("NAS and AS") << true << true;
}

void TestEngine::compliantDeviceRefusesNullIntegrityLive()
{
    QFETCH(bool, nas);
    QFETCH(bool, as);
    // Attached with integrity, then the operator switches NAS integrity off: the new Security Mode Command
    // is refused and the devices leave service rather than run without integrity; switched on again, they
    // attach again.
    Scenario s = scenario(integrityOn(), {}, 3, 60);
    s.ue.acceptsNullIntegrity = false;
    Protection off = integrityOn();
    if (nas)
        off.nas.integrity = crypto::IntegrityAlgorithm::Eia0;
    if (as)
        off.as.rrcIntegrity = crypto::IntegrityAlgorithm::Eia0;
    s.changes.push_back({.atS = 20.0, .protection = off});
    s.changes.push_back({.atS = 40.0, .protection = integrityOn()});
    Engine engine(s);
    engine.runToEnd();
    const RunSummary r = engine.summary();
    const auto refused = eventsOf(engine, EventKind::SecurityModeRefused);
    QVERIFY(refused.size() >= 3);
    for (const LogEvent& e : refused) {
        QVERIFY(e.time >= 20 * kMicrosPerSecond && e.time < 40 * kMicrosPerSecond);
        if (nas != as) // both: whichever command reaches the device first (the RRC one, at the change)
            QCOMPARE(e.detail, static_cast<std::uint8_t>(nas ? SecurityLayer::Nas : SecurityLayer::As));
    }
    QCOMPARE(r.traffic.attachOk, std::uint64_t{6}); // 3 before the change, 3 after integrity came back
    // Every message still has exactly one fate.
    for (const DirectionAccounting* d : {&r.accounting.uplink, &r.accounting.downlink})
        QCOMPARE(d->sent, d->deliveredIntact + d->deliveredAltered + d->dropped() + d->inFlight);
    QCOMPARE(r.accounting.uplink.deliveredAltered + r.accounting.downlink.deliveredAltered, std::uint64_t{0});
    // No attacker: the refusals leave no PDU dropped by an integrity or parser check behind them.
    QCOMPARE(r.traffic.droppedIntegrity + r.traffic.droppedMalformed, std::uint64_t{0});
}

void TestEngine::downgradeAgainstCompliantDevice()
{
    // Without NAS integrity the downgrade succeeds against a device that accepts EIA0
    // (downgradeSucceedsWithoutNasIntegrity); a standard device refuses the command, so the weakened attach
    // never completes and every attempt is blocked by that refusal.
    Scenario s = scenario(Protection{}, {attack(AttackKind::Downgrade, Link::Uu)}, 4, 30);
    s.ue.acceptsNullIntegrity = false;
    const RunSummary r = run(s);
    const AttackTally& t = r.attacks[0];
    QVERIFY(t.attempts >= 4);
    QCOMPARE(t.succeeded, std::uint64_t{0});
    QCOMPARE(t.attempts, t.blocked + t.noEffect);
    QCOMPARE(t.blockedBy[static_cast<std::size_t>(DropReason::Policy)], t.blocked);
    QCOMPARE(r.traffic.attachOk, std::uint64_t{0});
    QCOMPARE(r.requirements[0].verdict, Verdict::Met);
}

void TestEngine::mmeNeverFallsBackToNullIntegrity()
{
    // The downgrade strips 128-EEA1/2/3 from the Attach Request: the MME's ciphering list (EEA2, then EEA0)
    // yields EEA0, visibly, in the command; its integrity list (EIA2 alone) still fits and never yields EIA0.
    const Scenario s = scenario(nasOn(), {attack(AttackKind::Downgrade, Link::Uu)}, 4, 30);
    Engine engine(s);
    engine.runToEnd();
    const auto smcs = eventsOf(engine, EventKind::NasSecurityModeCommand);
    QVERIFY(!smcs.empty());
    bool sawNullCiphering = false;
    for (const LogEvent& e : smcs) {
        QCOMPARE(e.value & 0x07, static_cast<std::uint32_t>(crypto::IntegrityAlgorithm::Eia2));
        sawNullCiphering = sawNullCiphering || (e.value >> 4 & 0x07) == 0;
    }
    QVERIFY(sawNullCiphering);
    QVERIFY(eventsOf(engine, EventKind::NoCommonAlgorithm).empty());
}

#include "tst_engine.moc"
