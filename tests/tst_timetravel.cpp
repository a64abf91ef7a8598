// Time travel (issue 12, item 3): a jump back replays to the same state as a fresh headless run stopped
// there, a jump forward again to the same digest as an uninterrupted run, a change in the past discards the
// future, "Next message" advances exactly one message, and A/B equals two headless runs.
#include "core/engine/Engine.h"
#include "core/engine/Replay.h"
#include "core/scenario/Presets.h"
#include "core/scenario/ScenarioJson.h"
#include "ui/AbCompareDialog.h"
#include "ui/EventLogDock.h"
#include "ui/EventLogModel.h"
#include "ui/MainWindow.h"
#include "ui/SessionReportText.h"
#include "ui/SimulationController.h"
#include "ui/TimelineBar.h"

#include <QAction>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <deque>
#include <functional>

using namespace mtcsec;
using namespace mtcsec::engine;
using mtcsec::ui::Frame;
using mtcsec::ui::SimulationController;

namespace {

constexpr SimTime kSecond = kMicrosPerSecond;

Scenario scenario()
{
    Scenario s = presetScenario("default").value();
    s.durationS = 60;
    return s;
}

AttackSpec attack(const std::string& id, AttackKind kind, double rate)
{
    AttackSpec a;
    a.id = id;
    a.kind = kind;
    a.link = Link::Uu;
    a.messages = MessageFilter::Data;
    a.rate = rate;
    return a;
}

// The live changes the tests make: a tamperer at 10 s, an eavesdropper at 15 s, 3GPP protection at 20 s.
struct Change {
    SimTime at;
    std::function<void(Engine&)> headless;
    std::function<void(SimulationController&)> live;
};

std::vector<Change> changes()
{
    const Protection on = threeGppOn();
    return {
        {10 * kSecond, [](Engine& e) { e.addAttack(attack("t1", AttackKind::Tamper, 0.5)); },
         [](SimulationController& c) {
             c.addAttack(attack("t1", AttackKind::Tamper, 0.5));
         }},
        {15 * kSecond, [](Engine& e) { e.addAttack(attack("e1", AttackKind::Eavesdrop, 1.0)); },
         [](SimulationController& c) {
             c.addAttack(attack("e1", AttackKind::Eavesdrop, 1.0));
         }},
        {20 * kSecond, [on](Engine& e) { e.setProtection(on); },
         [on](SimulationController& c) {
             c.setProtection(on);
         }},
    };
}

// A headless engine run of the scenario with the changes applied at their times, stopped at `until`.
RunSummary headless(SimTime until, const std::vector<Change>& timeline)
{
    Engine e(scenario());
    for (const Change& c : timeline) {
        if (c.at > until)
            break;
        e.runUntil(c.at);
        c.headless(e);
    }
    e.runUntil(until);
    return e.summary();
}

// Collects the controller's frames. While paused the controller may keep sending frames of the same moment,
// so a wait looks for the first frame at a time other than the one the controller stood at.
struct Frames {
    struct Seen {
        SimTime now = 0;
        bool rebuilt = false;
        std::size_t events = 0;
        RunSummary summary;
        std::size_t changes = 0;
        SimTime horizon = 0;
    };
    explicit Frames(SimulationController& c)
    {
        QObject::connect(&c, &SimulationController::frameReady, &c, [this](const Frame& f) {
            seen.push_back({f.now, f.rebuilt, f.events.size(), f.summary, f.changes.size(), f.horizon});
            for (const LogEvent& e : f.events)
                pdusSent += e.kind == EventKind::PduSent ? 1 : 0;
        });
    }
    [[nodiscard]] std::size_t mark() const { return seen.size(); }
    // The first frame at simulated time `t` from index `from` on, waiting for it (nullptr after a minute).
    const Seen* waitAt(SimTime t, std::size_t from)
    {
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 60000) {
            for (std::size_t i = from; i < seen.size(); ++i)
                if (seen[i].now == t)
                    return &seen[i];
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        }
        return nullptr;
    }
    // Lets queued frames arrive for a moment.
    static void settle()
    {
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 200)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    std::deque<Seen> seen;
    std::uint64_t pdusSent = 0;
};

void compareSummaries(const RunSummary& actual, const RunSummary& expected)
{
    QCOMPARE(actual.digest, expected.digest);
    QCOMPARE(actual.eventsTotal, expected.eventsTotal);
    QCOMPARE(actual.accounting.uplink.sent, expected.accounting.uplink.sent);
    QCOMPARE(actual.accounting.uplink.deliveredIntact, expected.accounting.uplink.deliveredIntact);
    QCOMPARE(actual.accounting.uplink.deliveredAltered, expected.accounting.uplink.deliveredAltered);
    QCOMPARE(actual.attacks.size(), expected.attacks.size());
    for (std::size_t i = 0; i < actual.requirements.size(); ++i)
        QCOMPARE(actual.requirements[i].verdict, expected.requirements[i].verdict);
}

// Loads the scenario and lives through the changes up to 40 s; the frame at 40 s.
const Frames::Seen* liveRun(SimulationController& c, Frames& frames)
{
    c.load(scenario());
    for (const Change& ch : changes()) {
        c.jumpTo(ch.at);
        ch.live(c);
    }
    c.jumpTo(40 * kSecond);
    const Frames::Seen* f = frames.waitAt(40 * kSecond, 0);
    return f != nullptr && f->changes == 3 ? f : nullptr;
}

} // namespace

class TestTimeTravel : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void jumpBackEqualsFreshRun_data();
    void jumpBackEqualsFreshRun();
    void changeInThePastDiscardsTheFuture();
    void steppingPastARecordedChangeKeepsItsTime();
    void nextMessageAdvancesOneMessage();
    void abEqualsTwoHeadlessRuns();
    void replayDuration();
    void windowRebuildsItsViews();
    void saveWritesTheMomentOnScreen();
};

void TestTimeTravel::jumpBackEqualsFreshRun_data()
{
    QTest::addColumn<double>("seconds");
    QTest::newRow("start") << 0.0;
    QTest::newRow("before any change") << 5.0;
    QTest::newRow("at a change") << 15.0;
    QTest::newRow("between changes") << 17.3;
    QTest::newRow("after every change") << 33.0;
}

void TestTimeTravel::jumpBackEqualsFreshRun()
{
    QFETCH(double, seconds);
    SimulationController c;
    Frames frames(c);
    const Frames::Seen* at40 = liveRun(c, frames);
    QVERIFY(at40 != nullptr);
    const RunSummary uninterrupted = headless(40 * kSecond, changes());
    compareSummaries(at40->summary, uninterrupted);

    QSignalSpy rewound(&c, &SimulationController::rewound);
    const SimTime t = fromSeconds(seconds);
    std::size_t mark = frames.mark();
    c.jumpTo(t);
    const Frames::Seen* back = frames.waitAt(t, mark);
    QVERIFY(back != nullptr);
    QCOMPARE(rewound.count(), 1);
    QVERIFY(back->rebuilt);
    QCOMPARE(back->horizon, 40 * kSecond);
    compareSummaries(back->summary, headless(t, changes()));
    // The views are rebuilt from the replay's events: all of them, from time 0.
    QCOMPARE(static_cast<std::uint64_t>(back->events), back->summary.eventsTotal);

    // Forward again: the recorded changes after t are replayed on the way.
    mark = frames.mark();
    c.jumpTo(40 * kSecond);
    const Frames::Seen* forward = frames.waitAt(40 * kSecond, mark);
    QVERIFY(forward != nullptr);
    QVERIFY(!forward->rebuilt);
    compareSummaries(forward->summary, uninterrupted);
}

// Found by a reviewer: after a jump back, Next message across a recorded change applied it at the next event
// instead of its own time, and the run forward then differed from the one recorded.
void TestTimeTravel::steppingPastARecordedChangeKeepsItsTime()
{
    SimulationController c;
    Frames frames(c);
    QVERIFY(liveRun(c, frames) != nullptr);
    const RunSummary uninterrupted = headless(40 * kSecond, changes());
    std::size_t mark = frames.mark();
    const SimTime before = 20 * kSecond - 2000; // 2 ms before the 3GPP change
    c.jumpTo(before);
    QVERIFY(frames.waitAt(before, mark) != nullptr);
    SimTime last = before;
    for (int i = 0; i < 400 && last <= 20 * kSecond; ++i) { // message by message past the change
        mark = frames.mark();
        c.nextMessage();
        QTRY_VERIFY(frames.mark() > mark);
        Frames::settle();
        last = frames.seen.back().now;
    }
    QVERIFY(last > 20 * kSecond);
    mark = frames.mark();
    c.jumpTo(40 * kSecond);
    const Frames::Seen* forward = frames.waitAt(40 * kSecond, mark);
    QVERIFY(forward != nullptr);
    compareSummaries(forward->summary, uninterrupted);
}

void TestTimeTravel::changeInThePastDiscardsTheFuture()
{
    SimulationController c;
    Frames frames(c);
    QVERIFY(liveRun(c, frames) != nullptr);
    QSignalSpy discarded(&c, &SimulationController::futureDiscarded);
    std::size_t mark = frames.mark();
    c.jumpTo(12 * kSecond);
    QVERIFY(frames.waitAt(12 * kSecond, mark) != nullptr);
    QCOMPARE(discarded.count(), 0);
    c.removeAttack("t1"); // at 12 s: the eavesdropper (15 s) and 3GPP (20 s) are discarded
    mark = frames.mark();
    c.jumpTo(40 * kSecond);
    const Frames::Seen* f = frames.waitAt(40 * kSecond, mark);
    QVERIFY(f != nullptr);
    QCOMPARE(discarded.count(), 1);
    QCOMPARE(discarded.first().first().toDouble(), 12.0);
    QCOMPARE(f->changes, std::size_t{2});
    QCOMPARE(f->horizon, 40 * kSecond);
    std::vector<Change> timeline = changes();
    timeline.resize(1);
    timeline.push_back({12 * kSecond, [](Engine& e) { e.removeAttack("t1"); }, {}});
    compareSummaries(f->summary, headless(40 * kSecond, timeline));
}

void TestTimeTravel::nextMessageAdvancesOneMessage()
{
    SimulationController c;
    Frames frames(c);
    c.load(scenario());
    c.jumpTo(5 * kSecond);
    QVERIFY(frames.waitAt(5 * kSecond, 0) != nullptr);
    Frames::settle();
    for (int i = 0; i < 5; ++i) {
        const std::uint64_t sent = frames.pdusSent;
        const std::uint64_t events = frames.seen.back().summary.eventsTotal;
        c.nextMessage();
        QTRY_VERIFY(frames.seen.back().summary.eventsTotal > events);
        Frames::settle();
        QCOMPARE(frames.pdusSent, sent + 1);
        QVERIFY(frames.seen.back().now >= 5 * kSecond);
    }
}

void TestTimeTravel::abEqualsTwoHeadlessRuns()
{
    const std::vector<LiveChange> timeline = {
        {10 * kSecond, LiveChange::Kind::AddAttack, {}, attack("t1", AttackKind::Tamper, 0.5)},
        {15 * kSecond, LiveChange::Kind::AddAttack, {}, attack("e1", AttackKind::Eavesdrop, 1.0)},
    };
    const Protection b = threeGppOn();
    const auto [ra, rb] = ui::AbCompareDialog::runAb(scenario(), timeline, 30 * kSecond, b);
    std::vector<Change> live = changes();
    live.resize(2);
    compareSummaries(ra, headless(30 * kSecond, live));
    Scenario sb = scenario();
    sb.protection = b;
    Engine eb(sb);
    eb.runUntil(10 * kSecond);
    eb.addAttack(attack("t1", AttackKind::Tamper, 0.5));
    eb.runUntil(15 * kSecond);
    eb.addAttack(attack("e1", AttackKind::Eavesdrop, 1.0));
    eb.runUntil(30 * kSecond);
    compareSummaries(rb, eb.summary());
    QVERIFY(ra.digest != rb.digest);
    const auto rows = ui::AbCompareDialog::rows(ra, rb);
    QVERIFY(rows.size() > 4);
    QVERIFY(rows[0][0].startsWith(QStringLiteral("R1")));
    QCOMPARE(rows[3][1], ui::sessionreport::verdictText(ra.requirements[3].verdict));
    QCOMPARE(rows.back()[2], QString::fromStdString(rb.digest));
}

// Not a timed test: prints how long a jump back takes (a replay from the seed), for the notes.
void TestTimeTravel::replayDuration()
{
    for (const double seconds : {60.0, 600.0, 3600.0}) {
        Scenario s = presetScenario("default").value();
        s.durationS = 3600;
        QElapsedTimer clock;
        clock.start();
        const auto e = replay(s, {}, fromSeconds(seconds));
        qInfo("replay of the default scenario to t = %.0f s: %lld ms (%llu events)", seconds,
              static_cast<long long>(clock.elapsed()),
              static_cast<unsigned long long>(e->summary().eventsTotal));
        QCOMPARE(e->now(), fromSeconds(seconds));
    }
    // As the GUI replays: PDUs classified and the receiver's view kept, for the canvas and the inspector.
    Scenario s = presetScenario("default").value();
    s.durationS = 3600;
    QElapsedTimer clock;
    clock.start();
    Engine e(s);
    e.setClassifyPdus(true);
    e.setKeepReceiverView(true);
    advanceWithChanges(e, {}, 0, 3600 * kSecond);
    qInfo("replay as the GUI does it (PDUs classified, receiver's view kept) to t = 3600 s: %lld ms",
          static_cast<long long>(clock.elapsed()));
}

// The main window after a jump back: the event log holds the replay's events, the slider spans the run so
// far.
void TestTimeTravel::windowRebuildsItsViews()
{
    ui::MainWindow w;
    auto* bar = w.findChild<ui::TimelineBar*>();
    QVERIFY(bar != nullptr);
    QVERIFY(bar->nextMessageAction()->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Right)));
    QVERIFY(!bar->nextMessageAction()->shortcuts().contains(QKeySequence(Qt::Key_N))); // the lecture's notes
    w.controller()->jumpTo(20 * kSecond);
    QTRY_COMPARE_WITH_TIMEOUT(w.lastFrame().now, 20 * kSecond, 30000);
    QTRY_COMPARE(w.eventLog()->model()->rowCount(), static_cast<int>(w.lastFrame().summary.eventsTotal));
    const int rowsAt20 = w.eventLog()->model()->rowCount();
    w.controller()->jumpTo(8 * kSecond);
    QTRY_COMPARE_WITH_TIMEOUT(w.lastFrame().now, 8 * kSecond, 30000);
    QTRY_COMPARE(w.eventLog()->model()->rowCount(), static_cast<int>(w.lastFrame().summary.eventsTotal));
    QVERIFY(w.eventLog()->model()->rowCount() < rowsAt20);
    QCOMPARE(bar->slider()->maximum(), static_cast<int>(20 * kSecond / ui::TimelineBar::kTick));
    QCOMPARE(bar->slider()->value(), static_cast<int>(8 * kSecond / ui::TimelineBar::kTick));
    Scenario s = presetScenario("default").value();
    s.durationS = std::max(s.durationS, 3600.0);
    compareSummaries(w.lastFrame().summary, replaySummary(s, {}, 8 * kSecond));
}

// File > Save after a jump back writes the scenario as at the moment on screen (the live changes up to it),
// keeps the undo history unsaved and says so; forward again, it writes the latest.
void TestTimeTravel::saveWritesTheMomentOnScreen()
{
    ui::MainWindow w;
    w.setErrorHandler([](const QString& m) { QFAIL(qPrintable(m)); });
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Protection loaded = w.controller()->scenario().protection;
    const Protection on = threeGppOn();
    QVERIFY(!(loaded == on));
    w.controller()->jumpTo(10 * kSecond);
    QTRY_COMPARE_WITH_TIMEOUT(w.lastFrame().now, 10 * kSecond, 30000);
    w.controller()->addAttack(attack("t1", AttackKind::Tamper, 0.5));
    w.controller()->jumpTo(15 * kSecond);
    QTRY_COMPARE_WITH_TIMEOUT(w.lastFrame().now, 15 * kSecond, 30000);
    w.controller()->setProtection(on);
    w.controller()->jumpTo(20 * kSecond);
    QTRY_COMPARE_WITH_TIMEOUT(w.lastFrame().now, 20 * kSecond, 30000);
    QCOMPARE(w.lastFrame().changes.size(), std::size_t{2});

    // Back to 12 s: the attacker placed at 10 s is there, the protection changed at 15 s is not.
    w.controller()->jumpTo(12 * kSecond);
    QTRY_COMPARE_WITH_TIMEOUT(w.lastFrame().now, 12 * kSecond, 30000);
    std::size_t later = 0;
    const Scenario atScreen = w.scenarioOnScreen(&later);
    QCOMPARE(later, std::size_t{1});
    QVERIFY(atScreen.protection == loaded);
    const QString path = dir.filePath(QStringLiteral("at12.json"));
    QVERIFY(w.saveScenarioFile(path));
    const Scenario saved = loadScenarioFile(path);
    QVERIFY(saved.protection == loaded);
    QVERIFY(std::any_of(saved.attacks.begin(), saved.attacks.end(),
                        [](const AttackSpec& a) { return a.id == "t1"; }));
    QVERIFY(w.statusBar()->currentMessage().contains(QStringLiteral("t = 12.0 s")));

    // Forward again past the change: the latest, with nothing left out.
    w.controller()->jumpTo(20 * kSecond);
    QTRY_COMPARE_WITH_TIMEOUT(w.lastFrame().now, 20 * kSecond, 30000);
    QVERIFY(w.saveScenarioFile(path));
    QVERIFY(w.scenarioOnScreen(&later).protection == on);
    QCOMPARE(later, std::size_t{0});
    QVERIFY(loadScenarioFile(path).protection == on);
}

QTEST_MAIN(TestTimeTravel)
#include "tst_timetravel.moc"
