// OSCORE as the end-to-end mode of a run: the presets oscore-insider and oscore-replay through the engine's
// real checks (an insider at the P-GW reads no reading, tampering fails the CCM tag, forgeries fail
// authentication, replays fail the window), the accounting's conservation, a live switch to OSCORE (a new
// context, nothing lost), and AppSecurity's OSCORE path refusing bare CoAP.
#include "core/engine/Engine.h"
#include "core/protocol/AppSecurity.h"
#include "core/protocol/Coap.h"
#include "core/protocol/Ipv4Udp.h"
#include "core/scenario/Presets.h"

#include <QTest>

#include <algorithm>

using namespace mtcsec;
using namespace mtcsec::engine;

namespace {

const AttackTally& attackOf(const RunSummary& s, AttackKind kind)
{
    const auto it = std::find_if(s.attacks.begin(), s.attacks.end(),
                                 [kind](const AttackTally& t) { return t.spec.kind == kind; });
    if (it == s.attacks.end())
        throw std::runtime_error("no such attack");
    return *it;
}

void conserved(const RunSummary& s)
{
    for (const DirectionAccounting* d : {&s.accounting.uplink, &s.accounting.downlink})
        QCOMPARE(d->fates(), d->sent);
    for (const AttackTally& t : s.attacks)
        QCOMPARE(t.attempts, t.blocked + t.succeeded + t.noEffect);
}

} // namespace

class TestOscoreEngine : public QObject {
    Q_OBJECT

private slots:
    void insiderReadsNothing();
    void replayFailsTheWindow();
    void liveSwitchGivesANewContext();
    void bareCoapRefused();
};

void TestOscoreEngine::insiderReadsNothing()
{
    Engine engine(presetScenario("oscore-insider").value());
    engine.runToEnd();
    const RunSummary s = engine.summary();
    QCOMPARE(s.protection.app, appPreset("oscore").value());
    conserved(s);
    const AttackTally& insider = attackOf(s, AttackKind::Insider);
    QVERIFY(insider.dataSeen > 0);
    QCOMPARE(insider.readingsRead, 0u);
    QCOMPARE(insider.commandsRead, 0u);
    QCOMPARE(insider.succeeded, 0u);
    // What it does read: the OSCORE option in clear, nothing of the code, Uri-Path or payload.
    QVERIFY(!insider.examples.empty());
    const std::string& seen = insider.examples.front().what;
    QVERIFY2(seen.find("CoAP+OSCORE kid ") != std::string::npos, seen.c_str());
    QVERIFY2(seen.find("hidden: code, Uri-Path, payload") != std::string::npos, seen.c_str());
    QVERIFY2(seen.find("t=") == std::string::npos, seen.c_str());
    const AttackTally& tamper = attackOf(s, AttackKind::Tamper);
    QVERIFY(tamper.attempts > 0);
    QCOMPARE(tamper.blocked, tamper.attempts);
    const AttackTally& inject = attackOf(s, AttackKind::Inject);
    QVERIFY(inject.attempts > 0);
    QCOMPARE(inject.succeeded, 0u);
    QCOMPARE(s.traffic.uplinkAlteredAccepted, 0u);
    QCOMPARE(s.traffic.downlinkAlteredAccepted, 0u);
    QCOMPARE(s.traffic.downlinkForgedAccepted, 0u);
    QVERIFY(s.traffic.uplinkDelivered > 0);
    QVERIFY(s.traffic.downlinkDelivered > 0);
}

void TestOscoreEngine::replayFailsTheWindow()
{
    Engine engine(presetScenario("oscore-replay").value());
    engine.runToEnd();
    const RunSummary s = engine.summary();
    conserved(s);
    const AttackTally& replay = attackOf(s, AttackKind::Replay);
    QVERIFY(replay.attempts > 0);
    QCOMPARE(replay.blocked, replay.attempts);
    QCOMPARE(s.traffic.droppedReplay, replay.attempts);
    QCOMPARE(s.traffic.uplinkReplayedAccepted, 0u);
    QCOMPARE(s.traffic.downlinkReplayedAccepted, 0u);
    QCOMPARE(s.accounting.acceptedReplayed, 0u);
    // Nothing genuine lost: every message is delivered or still in flight.
    for (const DirectionAccounting* d : {&s.accounting.uplink, &s.accounting.downlink})
        QCOMPARE(d->deliveredIntact + d->inFlight, d->sent);
}

void TestOscoreEngine::liveSwitchGivesANewContext()
{
    // insider-pgw (app none: the insider reads readings) switched to OSCORE at 30 s: from then on it reads
    // nothing, and no genuine message is lost to the change.
    Scenario switched = presetScenario("insider-pgw").value();
    Protection later = switched.protection;
    later.app = appPreset("oscore").value();
    switched.changes.push_back({.atS = 30.0, .protection = later});
    Engine engine(switched);
    engine.runUntil(fromSeconds(29.0));
    const std::uint64_t readBefore = attackOf(engine.summary(), AttackKind::Insider).readingsRead;
    QVERIFY(readBefore > 0);
    engine.runUntil(fromSeconds(31.0)); // messages in flight at the change (sent bare) are still read
    const std::uint64_t readAtChange = attackOf(engine.summary(), AttackKind::Insider).readingsRead;
    engine.runToEnd();
    const RunSummary s = engine.summary();
    conserved(s);
    QCOMPARE(s.protection.app, appPreset("oscore").value());
    QCOMPARE(attackOf(s, AttackKind::Insider).readingsRead, readAtChange);
    QVERIFY(s.accounting.uplink.deliveredIntact > 0);
    QCOMPARE(s.accounting.uplink.droppedIntegrity + s.accounting.uplink.droppedReplay +
                 s.accounting.uplink.droppedMalformed,
             0u);
}

void TestOscoreEngine::bareCoapRefused()
{
    // Where OSCORE is required, a bare CoAP message is refused as unauthenticated; an OSCORE message where
    // the teaching header is expected does not parse.
    protocol::AppKeys keys;
    protocol::deriveOscoreKeys(keys, 41);
    protocol::CoapMessage c;
    c.uriPath = "r";
    c.payload = protocol::readingPayload(215, false);
    const Bytes bare = protocol::encodeCoap(c);
    protocol::ReplayWindow window;
    const AppProtection oscore = appPreset("oscore").value();
    QCOMPARE(protocol::unprotectApp(oscore, keys, true, protocol::kPortCoap, bare, window).verdict,
             protocol::AppVerdict::IntegrityFailure);
    const Bytes sealed = protocol::protectApp(oscore, keys, true, 7, bare);
    QCOMPARE(protocol::appPort(oscore), protocol::kPortCoap);
    const auto accepted = protocol::unprotectApp(oscore, keys, true, protocol::kPortCoap, sealed, window);
    QCOMPARE(accepted.verdict, protocol::AppVerdict::Accepted);
    QCOMPARE(accepted.coap, bare);
    QCOMPARE(accepted.seq, 7u);
    QCOMPARE(protocol::unprotectApp(oscore, keys, true, protocol::kPortCoap, sealed, window).verdict,
             protocol::AppVerdict::Replay);
    QCOMPARE(protocol::unprotectApp(AppProtection{}, keys, true, protocol::kPortCoap, sealed, window).verdict,
             protocol::AppVerdict::Malformed);
    // The wrong direction's key (a device's own message reflected back to it) fails the tag.
    protocol::ReplayWindow other;
    QCOMPARE(protocol::unprotectApp(oscore, keys, false, protocol::kPortCoap, sealed, other).verdict,
             protocol::AppVerdict::IntegrityFailure);
}

QTEST_GUILESS_MAIN(TestOscoreEngine)
#include "tst_oscore_engine.moc"
