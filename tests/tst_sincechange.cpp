// Verdicts since the last protection change (RunSummary::requirementsSinceChange, the JSON report's
// requirements_since_change): computed over what happened after the change only, so the effect of a fix shows
// without a new run; absent when the protection never changed.
#include "core/engine/Engine.h"
#include "core/report/ReportJson.h"
#include "core/scenario/Presets.h"

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
};

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

QTEST_GUILESS_MAIN(TestSinceChange)
#include "tst_sincechange.moc"
