// End-to-end mode dtls in the engine: CoAP over DTLS 1.2 PSK between device and MTC server, its handshake on
// the simulated links, the attackers meeting Botan's record checks, a live switch, the device limit, the
// overhead in the report's numbers.
#include "core/InvalidInput.h"
#include "core/engine/Engine.h"
#include "core/engine/EventLog.h"
#include "core/engine/RunSummary.h"
#include "core/protocol/DtlsPsk.h"
#include "core/scenario/Presets.h"

#include <QtTest>

using namespace mtcsec;
using namespace mtcsec::engine;

namespace {

RunSummary run(const Scenario& s)
{
    Engine engine(s);
    engine.runToEnd();
    return engine.summary();
}

const AttackTally& attack(const RunSummary& s, AttackKind kind)
{
    for (const AttackTally& t : s.attacks) {
        if (t.spec.kind == kind)
            return t;
    }
    throw std::logic_error("no such attack");
}

std::uint64_t blocked(const AttackTally& t, DropReason reason)
{
    return t.blockedBy[static_cast<std::size_t>(reason)];
}

} // namespace

class TestDtlsEngine : public QObject {
    Q_OBJECT
private slots:
    void attacksMeetTheRecordChecks();
    void wakeupPaysTheHandshake();
    void switchedOnLive();
    void deterministic();
    void manyDevicesRefused();
    void scenarioName();
};

void TestDtlsEngine::attacksMeetTheRecordChecks()
{
    const RunSummary s = run(presetScenario("dtls-end-to-end").value());
    QVERIFY(s.protection.app.dtls);
    QVERIFY(s.traffic.uplinkDelivered > 0);
    QVERIFY(s.traffic.downlinkDelivered > 0);
    QCOMPARE(s.accounting.uplink.deliveredAltered + s.accounting.downlink.deliveredAltered, std::uint64_t{0});
    QCOMPARE(s.accounting.acceptedReplayed, std::uint64_t{0});
    QCOMPARE(s.accounting.acceptedForged, std::uint64_t{0});
    // Eavesdropping on the radio: record headers and ciphertext, never a reading or command.
    const AttackTally& eavesdrop = attack(s, AttackKind::Eavesdrop);
    QVERIFY(eavesdrop.dataSeen > 0);
    QCOMPARE(eavesdrop.readingsRead + eavesdrop.commandsRead, std::uint64_t{0});
    // Tampered records fail the CCM_8 tag, replayed ones the record replay check.
    const AttackTally& tamper = attack(s, AttackKind::Tamper);
    QVERIFY(blocked(tamper, DropReason::Integrity) > 0);
    QCOMPARE(tamper.succeeded, std::uint64_t{0});
    const AttackTally& replay = attack(s, AttackKind::Replay);
    QVERIFY(blocked(replay, DropReason::Replay) > 0);
    QCOMPARE(replay.succeeded, std::uint64_t{0});
    QCOMPARE(attack(s, AttackKind::Inject).succeeded, std::uint64_t{0});
    // At least one handshake per device (a tampered flight makes its handshake fail: the device starts
    // another); each message pays the record header, explicit nonce and tag.
    QVERIFY(s.dtls.handshakes >= s.devices);
    QVERIFY(s.dtls.handshakeDatagrams >= 6 * std::uint64_t{s.devices}); // a complete one each at least
    QCOMPARE(s.dtls.recordOverheadOctets,
             s.dtls.records * (protocol::kDtlsRecordHeaderSize + protocol::kDtlsCcm8RecordExpansion));
}

void TestDtlsEngine::wakeupPaysTheHandshake()
{
    const RunSummary s = run(presetScenario("dtls-vs-oscore-wakeup").value());
    QVERIFY(s.traffic.uplinkSent > 0);
    // Every hourly reading comes after a handshake of its own.
    QCOMPARE(s.dtls.handshakes, s.traffic.uplinkSent);
    QCOMPARE(s.traffic.uplinkDelivered, s.traffic.uplinkSent);
    QVERIFY(s.dtls.handshakeOctets > 600 * s.dtls.handshakes);
    QCOMPARE(attack(s, AttackKind::Eavesdrop).readingsRead, std::uint64_t{0});
}

void TestDtlsEngine::switchedOnLive()
{
    Scenario s = presetScenario("app-only").value();
    s.attacks.clear();
    Protection later = s.protection;
    later.app = appPreset("dtls").value();
    s.changes.push_back({.atS = 30.0, .protection = later});
    const RunSummary r = run(s);
    QVERIFY(r.protection.app.dtls);
    QCOMPARE(r.dtls.handshakes, std::uint64_t{s.devices});
    QVERIFY(r.dtls.records > 0);
    QVERIFY(r.accountingSinceChange.uplink.deliveredIntact > 0);
}

void TestDtlsEngine::deterministic()
{
    const Scenario s = presetScenario("dtls-end-to-end").value();
    QCOMPARE(run(s).digest, run(s).digest);
}

void TestDtlsEngine::manyDevicesRefused()
{
    Scenario s = presetScenario("dtls-end-to-end").value();
    s.devices = kDtlsMaxDevices + 1;
    try {
        Engine engine(s);
        QFAIL("no error");
    } catch (const InvalidInput& e) {
        QVERIFY2(QString::fromStdString(e.what()).startsWith(QStringLiteral("protection.app: dtls keeps")),
                 e.what());
    }
}

void TestDtlsEngine::scenarioName()
{
    QCOMPARE(appProtectionName(appPreset("dtls").value()), std::string("dtls"));
    AppProtection custom = appPreset("aead").value();
    QCOMPARE(appProtectionName(custom), std::string("aead"));
    custom.dtls = true;
    QCOMPARE(appProtectionName(custom), std::string("dtls"));
}

QTEST_GUILESS_MAIN(TestDtlsEngine)
#include "tst_dtls_engine.moc"
