// Verdicts since the last protection change (RunSummary::requirementsSinceChange, the JSON report's
// requirements_since_change): computed over what happened after the change only, so the effect of a fix shows
// without a new run; absent when the protection never changed.
#include "core/engine/Engine.h"
#include "core/report/ReportJson.h"
#include "core/scenario/Presets.h"
#include "core/scenario/ScenarioJson.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace mtcsec;
using namespace mtcsec::engine;

class TestSinceChange : public QObject {
    Q_OBJECT
private slots:
    void noChangeNoSinceVerdicts();
    void fixShowsSinceTheChange_data();
    void fixShowsSinceTheChange();
    void liveChangeCountsFromItsTime();
    void everythingOffAfterChange_data();
    void everythingOffAfterChange();
    void sinceTalliesAddUp_data();
    void sinceTalliesAddUp();
};

namespace {

// The reviewer's case: 10 devices, every protection on, an S1-U eavesdropper and data replayers on Uu, S1-U
// and SGi; at 20 s every protection is switched off. `acceptsNull`: the devices accept null integrity (so
// that traffic flows after the change); by default they refuse EIA0 and detach.
Scenario everythingOff(bool acceptsNull)
{
    Scenario s = scenarioFromJson(QByteArrayLiteral(
        R"({"schema":"mtcsec-scenario/1","devices":10,"duration_s":60,"protection":{"nas":{"integrity":"EIA2","ciphering":"EEA2"},"as":{"rrc_integrity":"EIA2","rrc_ciphering":"EEA2","up_ciphering":"EEA2"},"nds":{"S1-MME":true,"S1-U":true,"S6a":true,"S5":true},"app":"aead"},"attacks":[{"kind":"eavesdrop","target":"S1-U"},{"kind":"replay","target":"Uu","messages":"data","rate":0.25},{"kind":"replay","target":"S1-U","messages":"data","rate":0.25},{"kind":"replay","target":"SGi","messages":"data","rate":0.25}],"changes":[{"at_s":20,"protection":{"nas":{"integrity":"EIA0","ciphering":"EEA0"},"as":{"rrc_integrity":"EIA0","rrc_ciphering":"EEA0","up_ciphering":"EEA0"},"nds":{"S1-MME":false,"S1-U":false,"S6a":false,"S5":false},"app":"none"}}]})"));
    s.ue.acceptsNullIntegrity = acceptsNull;
    return s;
}

} // namespace

void TestSinceChange::noChangeNoSinceVerdicts()
{
    Scenario s = presetScenario("3gpp-only").value();
    s.durationS = 20;
    Engine e(s);
    e.runToEnd();
    const RunSummary sum = e.summary();
    QVERIFY(!sum.sinceChangeS.has_value());
    const QJsonObject json = QJsonDocument::fromJson(report::reportJson(sum)).object();
    QVERIFY(json.contains(QStringLiteral("requirements_since_change")));
    QVERIFY(json.value(QStringLiteral("requirements_since_change")).isNull());
}

void TestSinceChange::fixShowsSinceTheChange_data()
{
    QTest::addColumn<QString>("app");
    QTest::addColumn<int>("requirement"); // index 0..3
    QTest::addColumn<Verdict>("whole");
    QTest::addColumn<Verdict>("since");
    // The SGi eavesdropper reads readings until end-to-end AEAD is on; the SGi tamperer changes them until
    // integrity is on.
    QTest::newRow("aead fixes R3") << "aead" << 2 << Verdict::Violated << Verdict::Met;
    QTest::newRow("aead fixes R4") << "aead" << 3 << Verdict::Violated << Verdict::Met;
    QTest::newRow("integrity fixes R4, not R3") << "integrity" << 3 << Verdict::Violated << Verdict::Met;
    QTest::newRow("integrity leaves R3 violated")
        << "integrity" << 2 << Verdict::Violated << Verdict::Violated;
}

void TestSinceChange::fixShowsSinceTheChange()
{
    QFETCH(QString, app);
    QFETCH(int, requirement);
    QFETCH(Verdict, whole);
    QFETCH(Verdict, since);
    Scenario s = presetScenario("3gpp-only").value();
    s.durationS = 60;
    Protection fixed = s.protection;
    fixed.app = appPreset(app.toStdString()).value();
    s.changes.push_back({.atS = 30.0, .protection = fixed});
    Engine e(s);
    e.runToEnd();
    const RunSummary sum = e.summary();
    QVERIFY(sum.sinceChangeS.has_value());
    QCOMPARE(*sum.sinceChangeS, 30.0);
    const auto r = static_cast<std::size_t>(requirement);
    QCOMPARE(sum.requirements[r].verdict, whole);
    QVERIFY2(sum.requirementsSinceChange[r].verdict == since,
             sum.requirementsSinceChange[r].evidence.empty()
                 ? "no evidence"
                 : sum.requirementsSinceChange[r].evidence.front().c_str());
    // Since the change, fewer messages were sent than over the whole run, and the report carries both.
    QVERIFY(sum.accountingSinceChange.uplink.sent < sum.accounting.uplink.sent);
    QVERIFY(sum.accountingSinceChange.uplink.sent > 0);
    const QJsonObject json = QJsonDocument::fromJson(report::reportJson(sum)).object();
    const QJsonObject sinceJson = json.value(QStringLiteral("requirements_since_change")).toObject();
    QCOMPARE(sinceJson.value(QStringLiteral("since_s")).toDouble(), 30.0);
    const QString id = QStringLiteral("R%1").arg(requirement + 1);
    QCOMPARE(sinceJson.value(id).toObject().value(QStringLiteral("verdict")).toString(),
             QString::fromUtf8(name(since).data()));
    QCOMPARE(json.value(QStringLiteral("requirements"))
                 .toObject()
                 .value(id)
                 .toObject()
                 .value(QStringLiteral("verdict"))
                 .toString(),
             QString::fromUtf8(name(whole).data()));
}

void TestSinceChange::liveChangeCountsFromItsTime()
{
    // A change made live (as the GUI does) counts from the simulated time it was made at.
    Scenario s = presetScenario("3gpp-only").value();
    s.durationS = 60;
    Engine e(s);
    e.runUntil(fromSeconds(30));
    QCOMPARE(e.summary().requirements[2].verdict, Verdict::Violated);
    Protection fixed = e.protection();
    fixed.app = appPreset("aead").value();
    e.setProtection(fixed);
    RunSummary sum = e.summary();
    QCOMPARE(*sum.sinceChangeS, 30.0);
    // Nothing has happened since yet: nothing exercised.
    QCOMPARE(sum.requirementsSinceChange[2].verdict, Verdict::NotExercised);
    e.runToEnd();
    sum = e.summary();
    QCOMPARE(sum.requirements[2].verdict, Verdict::Violated);
    QCOMPARE(sum.requirementsSinceChange[2].verdict, Verdict::Met);
}

void TestSinceChange::everythingOffAfterChange_data()
{
    QTest::addColumn<bool>("acceptsNull");
    QTest::addColumn<int>("requirement"); // index 0..3
    QTest::addColumn<Verdict>("whole");
    QTest::addColumn<Verdict>("since");
    // Compliant devices refuse EIA0 and detach: after the change no message is sent, and what the attackers
    // still do acts on PDUs protected before the change (replayed copies, ciphertext in flight) or finds no
    // receiver with a context. Nothing since the change is evidence that a protection held.
    QTest::newRow("compliant R3") << false << 2 << Verdict::Met << Verdict::NotExercised;
    QTest::newRow("compliant R4") << false << 3 << Verdict::Met << Verdict::NotExercised;
    // Devices that accept null integrity keep sending in clear: the eavesdropper reads them, the replayed
    // copies are accepted.
    QTest::newRow("accepts null R3") << true << 2 << Verdict::Violated << Verdict::Violated;
    QTest::newRow("accepts null R4") << true << 3 << Verdict::Violated << Verdict::Violated;
}

void TestSinceChange::everythingOffAfterChange()
{
    QFETCH(bool, acceptsNull);
    QFETCH(int, requirement);
    QFETCH(Verdict, whole);
    QFETCH(Verdict, since);
    Engine e(everythingOff(acceptsNull));
    e.runToEnd();
    const RunSummary sum = e.summary();
    const auto r = static_cast<std::size_t>(requirement);
    const auto first = [](const RequirementResult& x) {
        return x.evidence.empty() ? std::string("no evidence") : x.evidence.front();
    };
    QVERIFY2(sum.requirements[r].verdict == whole, first(sum.requirements[r]).c_str());
    QVERIFY2(sum.requirementsSinceChange[r].verdict == since, first(sum.requirementsSinceChange[r]).c_str());
    if (since == Verdict::NotExercised) {
        // Said plainly: attacked, but nothing decided by the protection in force.
        QVERIFY2(QString::fromStdString(first(sum.requirementsSinceChange[r]))
                     .startsWith(QStringLiteral("attacked, but no attempt was decided")),
                 first(sum.requirementsSinceChange[r]).c_str());
    }
    for (const std::string& line : sum.requirementsSinceChange[r].evidence)
        QVERIFY2(line.find(" 1 application messages") == std::string::npos, line.c_str());
}

void TestSinceChange::sinceTalliesAddUp_data()
{
    QTest::addColumn<bool>("acceptsNull");
    QTest::newRow("compliant") << false;
    QTest::newRow("accepts null") << true;
}

void TestSinceChange::sinceTalliesAddUp()
{
    // Since the change as over the whole run: attempts == blocked + succeeded + no effect, the reasons add
    // up, and what acted on PDUs protected before the change is counted as no effect "before-change", by
    // class.
    QFETCH(bool, acceptsNull);
    Engine e(everythingOff(acceptsNull));
    e.runToEnd();
    const RunSummary sum = e.summary();
    std::uint64_t beforeChange = 0;
    for (const AttackTally& t : sum.attacksSinceChange) {
        const QString id = QString::fromStdString(t.spec.id);
        QVERIFY2(t.attempts == t.blocked + t.succeeded + t.noEffect, qPrintable(id));
        std::uint64_t reasons = 0;
        for (const std::uint64_t n : t.noEffectBy)
            reasons += n;
        QVERIFY2(reasons == t.noEffect, qPrintable(id));
        const std::uint64_t moved = t.noEffectBy[static_cast<std::size_t>(NoEffectReason::BeforeChange)];
        QVERIFY2(moved == t.signallingBeforeChange + t.dataBeforeChange, qPrintable(id));
        if (t.spec.kind != AttackKind::Eavesdrop) {
            QVERIFY2(t.dataAttempts >= t.dataBlocked + t.dataSucceeded + t.dataBeforeChange, qPrintable(id));
            QVERIFY2(t.signallingAttempts >=
                         t.signallingBlocked + t.signallingSucceeded + t.signallingBeforeChange,
                     qPrintable(id));
        }
        beforeChange += moved;
    }
    QVERIFY(beforeChange > 0);
    // The whole run's tallies never hold that reason.
    for (const AttackTally& t : sum.attacks) {
        QCOMPARE(t.noEffectBy[static_cast<std::size_t>(NoEffectReason::BeforeChange)], 0u);
        QCOMPARE(t.signallingBeforeChange + t.dataBeforeChange, 0u);
    }
}

QTEST_GUILESS_MAIN(TestSinceChange)
#include "tst_sincechange.moc"
