// Limits of a run (issue 9): simulated time saturates instead of overflowing, attack windows far in the
// future act never or always as written, and the resource estimate that refuses a run too large for the
// machine.
#include "core/InvalidInput.h"
#include "core/engine/Engine.h"
#include "core/engine/ResourceEstimate.h"
#include "core/engine/SimTime.h"
#include "core/scenario/Presets.h"

#include <QtTest>

#include <limits>

using namespace mtcsec;
using namespace mtcsec::engine;

namespace {

Scenario small(double durationS = 20.0, std::uint32_t devices = 3)
{
    Scenario s;
    s.durationS = durationS;
    s.devices = devices;
    s.traffic.uplinkIntervalS = 2.0;
    s.ue.acceptsNullIntegrity = true; // no protection: devices that accept null integrity (EIA0)
    return s;
}

AttackSpec tamperOnUu(double startS, std::optional<double> stopS)
{
    AttackSpec a;
    a.id = "t";
    a.kind = AttackKind::Tamper;
    a.link = Link::Uu;
    a.messages = MessageFilter::Data;
    a.startS = startS;
    a.stopS = stopS;
    return a;
}

std::vector<SimTime> attackTimes(const Engine& engine)
{
    std::vector<SimTime> times;
    for (const LogEvent& e : engine.events()) {
        if (e.kind == EventKind::AttackTamper)
            times.push_back(e.time);
    }
    return times;
}

} // namespace

class TestLimits : public QObject {
    Q_OBJECT
private slots:
    void fromSecondsSaturates_data();
    void fromSecondsSaturates();
    void sumsSaturateAndTimeAdvances();
    void formatTimeOfAnyTime();
    void attackWindowsFarAway();
    void hostileRatesAndIntervalsEnd();
    void estimateFollowsTheEngine();
    void estimateRefusesWhatDoesNotFit();
    void estimateCountsThePduRingWhereItIsMade();
    void availableMemoryIsKnownHere();
};

void TestLimits::fromSecondsSaturates_data()
{
    QTest::addColumn<double>("seconds");
    QTest::addColumn<SimTime>("expected");
    QTest::newRow("zero") << 0.0 << SimTime{0};
    QTest::newRow("negative zero") << -0.0 << SimTime{0};
    QTest::newRow("one second") << 1.0 << SimTime{1'000'000};
    QTest::newRow("rounds") << 1.0000004 << SimTime{1'000'000};
    QTest::newRow("a day") << 86400.0 << SimTime{86'400'000'000};
    QTest::newRow("1e13 s") << 1e13 << kSimTimeLimit;
    QTest::newRow("1e300 s") << 1e300 << kSimTimeLimit;
    QTest::newRow("1/1e-300") << 1.0 / 1e-300 << kSimTimeLimit;
    QTest::newRow("infinity") << std::numeric_limits<double>::infinity() << kSimTimeLimit;
    QTest::newRow("-1e300 s") << -1e300 << -kSimTimeLimit;
    QTest::newRow("-infinity") << -std::numeric_limits<double>::infinity() << -kSimTimeLimit;
    QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << SimTime{0};
    QTest::newRow("tiny") << 1e-300 << SimTime{0};
}

void TestLimits::fromSecondsSaturates()
{
    QFETCH(double, seconds);
    QFETCH(SimTime, expected);
    QCOMPARE(fromSeconds(seconds), expected);
}

void TestLimits::sumsSaturateAndTimeAdvances()
{
    QCOMPARE(plus(kSimTimeLimit, kSimTimeLimit), kSimTimeLimit);
    QCOMPARE(plus(-kSimTimeLimit, -kSimTimeLimit), -kSimTimeLimit);
    QCOMPARE(plus(std::numeric_limits<SimTime>::max(), 1), kSimTimeLimit);
    QCOMPARE(plus(5, -3), SimTime{2});
    QCOMPARE(after(100, 1e-7), SimTime{101}); // time always advances
    QCOMPARE(after(100, 0.0), SimTime{101});
    QCOMPARE(after(100, -5.0), SimTime{101});
    QCOMPARE(after(100, 0.5), SimTime{500'100});
    QCOMPARE(after(86'400'000'000, 1e300), kSimTimeLimit);
}

void TestLimits::formatTimeOfAnyTime()
{
    QCOMPARE(formatTime(0), std::string("0.000000"));
    QCOMPARE(formatTime(12'345'678), std::string("12.345678"));
    QCOMPARE(formatTime(-1), std::string("-0.000001"));
    QCOMPARE(formatTime(kSimTimeLimit), std::string("4611686018427.387904"));
    QCOMPARE(formatTime(std::numeric_limits<SimTime>::min()), std::string("-9223372036854.775808"));
}

void TestLimits::attackWindowsFarAway()
{
    // Start beyond the end: the attacker never acts (it used to act from t = 0).
    Scenario late = small();
    late.attacks = {tamperOnUu(1e13, std::nullopt)};
    Engine lateEngine(late);
    lateEngine.runToEnd();
    QVERIFY(attackTimes(lateEngine).empty());

    // Stop beyond the end: the attacker acts from its start to the end (it used to never act).
    Scenario open = small();
    open.attacks = {tamperOnUu(5.0, 1e13)};
    Engine openEngine(open);
    openEngine.runToEnd();
    const std::vector<SimTime> times = attackTimes(openEngine);
    QVERIFY(!times.empty());
    QVERIFY(times.front() >= fromSeconds(5.0));
    QVERIFY(times.back() > fromSeconds(15.0));

    // A window inside the run: nothing before the start or after the stop.
    Scenario window = small();
    window.attacks = {tamperOnUu(6.0, 12.0)};
    Engine windowEngine(window);
    windowEngine.runToEnd();
    for (const SimTime t : attackTimes(windowEngine))
        QVERIFY(t >= fromSeconds(6.0) && t < fromSeconds(12.0));
}

void TestLimits::hostileRatesAndIntervalsEnd()
{
    // Values the scenario reader refuses, given to the engine directly: every run still ends.
    Scenario inject = small();
    AttackSpec a;
    a.id = "i";
    a.kind = AttackKind::Inject;
    a.link = Link::SGi;
    a.rate = 1e-300; // one forgery every 1e300 s: never within the run
    inject.attacks = {a};
    Engine injectEngine(inject);
    injectEngine.runToEnd();
    QVERIFY(injectEngine.finished());
    QCOMPARE(injectEngine.summary().attacks.at(0).attempts, std::uint64_t{0});

    Scenario rare = small();
    rare.traffic.uplinkIntervalS = 1e13; // the first reading falls after the end
    rare.traffic.downlinkIntervalS = 1e300;
    Engine rareEngine(rare);
    rareEngine.runToEnd();
    QVERIFY(rareEngine.finished());
    QCOMPARE(rareEngine.summary().traffic.uplinkSent, std::uint64_t{0});

    Scenario dense = small(0.01, 1);
    dense.traffic.attachSpreadS = 0;
    dense.traffic.uplinkIntervalS = 1e-7; // rounds to 0 us: still at least 1 us apart
    Engine denseEngine(dense);
    denseEngine.runToEnd();
    QVERIFY(denseEngine.finished());
}

void TestLimits::estimateFollowsTheEngine()
{
    // The estimate of events is close to what the engine logs (the default preset, shortened).
    Scenario s = presetScenario("unprotected").value();
    s.devices = 50;
    s.durationS = 120;
    Engine engine(s);
    engine.runToEnd();
    const double logged = static_cast<double>(engine.events().size());
    const ResourceEstimate e = estimateResources(s);
    QVERIFY2(e.events > logged / 2 && e.events < logged * 2,
             qPrintable(QStringLiteral("estimated %1, logged %2").arg(e.events).arg(logged)));
    QVERIFY(e.bytes > static_cast<double>(s.devices * Engine::bytesPerDevice()));

    // It grows with devices, duration and traffic, and with attacks.
    Scenario more = s;
    more.devices *= 10;
    QVERIFY(estimateResources(more).bytes > e.bytes);
    more = s;
    more.traffic.uplinkIntervalS /= 10;
    QVERIFY(estimateResources(more).events > 5 * e.events);
    more = s;
    more.attacks.clear();
    QVERIFY(estimateResources(more).events < e.events);
}

void TestLimits::estimateRefusesWhatDoesNotFit()
{
    Scenario huge;
    huge.devices = 1'000'000;
    huge.devicesPerCell = 1'000'000; // one engine for all (cells: tst_cells)
    huge.durationS = 86400;
    const ResourceEstimate e = estimateResources(huge);
    QVERIFY(e.bytes > 1e12); // terabytes
    // A headless run on two threads: the default cells (two of 50,000 devices at a time, no ring of PDUs)
    // fit in 23 GB, and the advice says so.
    const auto why = memoryShortfall(huge, std::uint64_t{23'000'000'000}, EventLogIn::File, 2, PduRing::None);
    QVERIFY(why);
    QVERIFY2(QString::fromStdString(*why).contains(QRegularExpression(QStringLiteral(
                 "^needs about [0-9.]+ GB of memory \\(1,000,000 devices for 86400 s: about [0-9.]+ "
                 "billion events\\), this machine has 23 GB available; shorten duration_s, lower "
                 "devices or send less often \\(traffic.uplink_interval_s\\), or set devices_per_cell to "
                 "50000 \\(--devices-per-cell 50000 on the command line\\)$"))),
             why->c_str());
    // With 1 GB they do not either: no advice about cells.
    const auto tight =
        memoryShortfall(huge, std::uint64_t{1'000'000'000}, EventLogIn::File, 2, PduRing::None);
    QVERIFY(tight);
    QVERIFY2(tight->ends_with("(traffic.uplink_interval_s)"), tight->c_str());
    QVERIFY_THROWS_EXCEPTION(InvalidInput, requireFitsInMemory(huge, "x: ", std::uint64_t{1'000'000'000}));
    try {
        requireFitsInMemory(huge, "file.json: ", std::uint64_t{1'000'000'000});
    } catch (const InvalidInput& error) {
        QVERIFY(QString::fromUtf8(error.what()).startsWith(QStringLiteral("file.json: needs about ")));
    }

    // Every preset fits in 1 GB; an unknown amount of memory refuses nothing.
    for (const Preset& p : presets())
        QVERIFY2(!memoryShortfall(p.scenario, std::uint64_t{1'000'000'000}), p.name.c_str());
    QVERIFY(!memoryShortfall(huge, std::nullopt));

    QCOMPARE(formatBytes(0), std::string("0 bytes"));
    QCOMPARE(formatBytes(1234), std::string("1.2 kB"));
    QCOMPARE(formatBytes(23e9), std::string("23 GB"));
    QCOMPARE(formatBytes(5.3e12), std::string("5.3 TB"));
}

void TestLimits::estimateCountsThePduRingWhereItIsMade()
{
    // The inspector's ring of the last 65536 PDUs is made only where PDUs are kept (the GUI, a headless run
    // with an HTML or PDF report): a headless run without one is estimated without it, the wording of a
    // refusal staying the same.
    QVERIFY(pduRingBytes() > 65536.0 * static_cast<double>(sizeof(PduRecord)));
    for (const Preset& p : presets()) {
        const double none = estimateResources(p.scenario, EventLogIn::File, 1, PduRing::None).bytes;
        QCOMPARE(estimateResources(p.scenario, EventLogIn::File, 1, PduRing::Kept).bytes,
                 none + pduRingBytes());
        QCOMPARE(estimateResources(p.scenario).bytes,
                 estimateResources(p.scenario, EventLogIn::Memory, 0, PduRing::Kept).bytes); // the GUI
    }
    Scenario huge;
    huge.devices = 1'000'000;
    huge.devicesPerCell = 1'000'000;
    huge.durationS = 86400;
    const auto kept = memoryShortfall(huge, std::uint64_t{1'000'000'000}, EventLogIn::File, 1, PduRing::Kept);
    const auto none = memoryShortfall(huge, std::uint64_t{1'000'000'000}, EventLogIn::File, 1, PduRing::None);
    QVERIFY(kept && none);
    const QRegularExpression wording(QStringLiteral(
        "^needs about [0-9.]+ [GT]B of memory \\(1,000,000 devices for 86400 s: about [0-9.]+ billion "
        "events\\), "
        "this machine has 1.0 GB available; shorten duration_s, lower devices or send less often "
        "\\(traffic.uplink_interval_s\\)$"));
    QVERIFY2(QString::fromStdString(*kept).contains(wording), kept->c_str());
    QVERIFY2(QString::fromStdString(*none).contains(wording), none->c_str());
    // A run that fits only without the ring: refused where the ring is made, not elsewhere.
    Scenario small = presetScenario("defence-in-depth").value();
    const double bytes = estimateResources(small, EventLogIn::File, 1, PduRing::None).bytes;
    const auto available = static_cast<std::uint64_t>(bytes + pduRingBytes() / 2);
    QVERIFY(!memoryShortfall(small, available, EventLogIn::File, 1, PduRing::None));
    QVERIFY(memoryShortfall(small, available, EventLogIn::File, 1, PduRing::Kept));
}

void TestLimits::availableMemoryIsKnownHere()
{
    // Linux has /proc/meminfo; the figure is positive (how large depends on the machine).
    const auto available = availableMemory();
    QVERIFY(available);
    QVERIFY(*available > 0);
}

QTEST_GUILESS_MAIN(TestLimits)
#include "tst_limits.moc"
