// The engine at scale (issue 11, perf part): a spilled event log gives the same digest, events, observer
// batches and CSV as one kept in memory; the calendar queue pops in exactly a heap's (time, order) order; the
// canonical line of an event keeps its form.
#include "core/InvalidInput.h"
#include "core/crypto/Hex.h"
#include "core/crypto/Primitives.h"
#include "core/engine/Engine.h"
#include "core/engine/EventLog.h"
#include "core/engine/EventQueue.h"
#include "core/engine/Rng.h"
#include "core/report/EventCsv.h"
#include "core/scenario/Presets.h"

#include <QtTest>
#include <queue>

#include <limits>
#include <string>
#include <vector>

using namespace mtcsec;
using namespace mtcsec::engine;

namespace {

struct Counter : EngineObserver {
    std::uint64_t events = 0;
    SimTime last = 0;
    bool ordered = true;
    void eventsAppended(std::span<const LogEvent> batch) override
    {
        for (const LogEvent& e : batch) {
            ordered = ordered && e.time >= last;
            last = e.time;
        }
        events += batch.size();
    }
};

std::vector<LogEvent> allEvents(const Engine& engine)
{
    std::vector<LogEvent> all;
    engine.forEachEvent(
        [&all](std::span<const LogEvent> chunk) { all.insert(all.end(), chunk.begin(), chunk.end()); });
    return all;
}

bool sameEvent(const LogEvent& x, const LogEvent& y)
{
    return x.time == y.time && x.device == y.device && x.value == y.value && x.pdu == y.pdu &&
           x.kind == y.kind && x.place == y.place && x.detail == y.detail && x.attack == y.attack;
}

} // namespace

class TestEngineScale : public QObject {
    Q_OBJECT

private slots:
    void spilledLogIsTheSame_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<int>("devices");
        QTest::newRow("defence-in-depth") << "defence-in-depth" << 1500;
        QTest::newRow("3gpp-only") << "3gpp-only" << 1500;
        QTest::newRow("default") << "default" << 1500;
    }
    void spilledLogIsTheSame()
    {
        QFETCH(QString, preset);
        QFETCH(int, devices);
        Scenario s = *presetScenario(preset.toStdString());
        s.devices = static_cast<std::uint32_t>(devices);
        s.durationS = 60;
        Engine inMemory(s);
        inMemory.runToEnd();
        Engine spilled(s);
        Counter counter;
        spilled.setObserver(&counter);
        spilled.setSpillEvents(true);
        spilled.setKeepPdus(false);
        spilled.runToEnd();

        QVERIFY(inMemory.eventCount() > 65536); // the window was spilled
        QCOMPARE(spilled.summary().digest, inMemory.summary().digest);
        QCOMPARE(spilled.summary().eventsTotal, inMemory.summary().eventsTotal);
        QCOMPARE(spilled.eventCount(), inMemory.eventCount());
        QVERIFY(spilled.events().size() <= 65536);
        QCOMPARE(counter.events, spilled.eventCount());
        QVERIFY(counter.ordered);
        const std::vector<LogEvent> a = allEvents(inMemory);
        const std::vector<LogEvent> b = allEvents(spilled);
        QCOMPARE(a.size(), inMemory.events().size());
        QCOMPARE(b.size(), a.size());
        for (std::size_t i = 0; i < a.size(); ++i)
            QVERIFY2(sameEvent(a[i], b[i]), qPrintable(QStringLiteral("event %1 differs").arg(i)));
        QCOMPARE(report::eventCsv(spilled), report::eventCsv(inMemory));
        QVERIFY(!spilled.pdu(1).has_value());
        QVERIFY(inMemory.pdu(static_cast<std::uint32_t>(a.back().pdu == 0 ? 1 : a.back().pdu)).has_value() ||
                a.back().pdu == 0);
    }

    // A run without a CSV report drops the events leaving memory (no file): the same digest, count,
    // observer batches and summary, on one and on two threads; reading them back is refused.
    void discardedLogKeepsDigestAndCounts_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<unsigned>("threads");
        QTest::newRow("defence-in-depth, 1 thread") << "defence-in-depth" << 1u;
        QTest::newRow("defence-in-depth, 2 threads") << "defence-in-depth" << 2u;
        QTest::newRow("replay-command, 2 threads") << "replay-command" << 2u;
    }
    void discardedLogKeepsDigestAndCounts()
    {
        QFETCH(QString, preset);
        QFETCH(unsigned, threads);
        Scenario s = *presetScenario(preset.toStdString());
        s.devices = 1500;
        s.durationS = 60;
        Engine reference(s);
        reference.runToEnd();
        Engine e(s);
        Counter counter;
        e.setObserver(&counter);
        e.setThreads(threads);
        e.setSpillEvents(true);
        e.setDiscardSpilledEvents(true);
        e.setKeepPdus(false);
        while (!e.finished())
            e.runUntil(e.now() + kMicrosPerSecond);
        QVERIFY(reference.eventCount() > 65536); // events were dropped
        QCOMPARE(e.summary().digest, reference.summary().digest);
        QCOMPARE(e.eventCount(), reference.eventCount());
        QCOMPARE(counter.events, reference.eventCount());
        QVERIFY(counter.ordered);
        QVERIFY(e.events().size() <= 65536);
        QCOMPARE(e.summary().traffic.uplinkSent, reference.summary().traffic.uplinkSent);
        bool refused = false;
        try {
            e.forEachEvent([](std::span<const LogEvent>) {});
        } catch (const InvalidInput& error) {
            refused = QString::fromUtf8(error.what()).startsWith(QLatin1String("event log: not kept"));
        }
        QVERIFY(refused);
    }

    void spillingOffBringsTheLogBack()
    {
        Scenario s = *presetScenario("default");
        s.devices = 200;
        s.durationS = 30;
        Engine reference(s);
        reference.runToEnd();
        Engine e(s);
        e.setSpillEvents(true);
        e.runToEnd();
        e.setSpillEvents(false);
        QCOMPARE(e.events().size(), reference.events().size());
        QCOMPARE(e.summary().digest, reference.summary().digest);
    }

    // The inspector's ring exists only while PDUs are kept: made at the first PDU (the default, the GUI),
    // never in a run that switches keeping off first (headless runs, cells), made again when switched back
    // on.
    void pduRingOnlyWhenKept()
    {
        Scenario s = *presetScenario("default");
        s.devices = 20;
        s.durationS = 10;
        Engine kept(s);
        QVERIFY(!kept.pdu(1));
        kept.runUntil(fromSeconds(5));
        QVERIFY(kept.pdu(1).has_value());
        QCOMPARE(kept.pdu(1)->id, std::uint32_t{1});

        Engine headless(s);
        headless.setKeepPdus(false);
        headless.runUntil(fromSeconds(5));
        QVERIFY(!headless.pdu(1));
        headless.setKeepPdus(true);
        headless.runToEnd();
        kept.runToEnd();
        QCOMPARE(headless.summary().digest, kept.summary().digest);
        bool later = false; // a PDU sent after keeping was switched back on is in the ring
        headless.forEachEvent([&](std::span<const LogEvent> events) {
            for (const LogEvent& e : events)
                later = later || (e.time > fromSeconds(5) && e.pdu != 0 && headless.pdu(e.pdu).has_value());
        });
        QVERIFY(later);
    }

    void calendarQueuePopsInHeapOrder_data()
    {
        QTest::addColumn<quint64>("seed");
        QTest::addColumn<qint64>("spread");   // microseconds ahead of now a push may land
        QTest::addColumn<quint64>("devices"); // the ring is sized for them (EventQueue::bucketsFor)
        QTest::newRow("dense") << quint64{1} << qint64{5'000} << quint64{100'000};
        QTest::newRow("ring") << quint64{2} << qint64{60'000'000} << quint64{100'000};
        QTest::newRow("far") << quint64{3} << qint64{500'000'000} << quint64{100'000};
        // A small engine's ring (1,024 buckets, 1 s; 16,384 buckets, 16.8 s): more goes to the far heap.
        QTest::newRow("small ring, dense") << quint64{4} << qint64{5'000} << quint64{1};
        QTest::newRow("small ring") << quint64{5} << qint64{60'000'000} << quint64{1};
        QTest::newRow("medium ring") << quint64{6} << qint64{60'000'000} << quint64{1'000};
    }
    void calendarQueuePopsInHeapOrder()
    {
        QFETCH(quint64, seed);
        QFETCH(qint64, spread);
        QFETCH(quint64, devices);
        Rng rng(seed);
        EventQueue calendar(EventQueue::bucketsFor(devices));
        std::priority_queue<Scheduled, std::vector<Scheduled>, LaterFirst> heap;
        std::uint64_t order = 0;
        SimTime now = 0;
        const auto push = [&](SimTime at) {
            const std::uint64_t n = order++;
            const Scheduled s =
                Scheduled::make(at, n, static_cast<Action>(n % 8), static_cast<std::uint32_t>(n), 7);
            calendar.push(s);
            heap.push(s);
        };
        for (int i = 0; i < 2000; ++i)
            push(static_cast<SimTime>(rng.below(static_cast<std::uint64_t>(spread))));
        for (int step = 0; step < 60000 && !heap.empty(); ++step) {
            QCOMPARE(calendar.size(), heap.size());
            const Scheduled x = calendar.top();
            const Scheduled y = heap.top();
            QCOMPARE(x.time, y.time);
            QCOMPARE(x.key, y.key);
            QCOMPARE(x.a, y.a);
            calendar.pop();
            heap.pop();
            now = x.time;
            // New actions: at now (ties), soon, or anywhere ahead.
            const auto pushes = rng.below(3);
            for (std::uint64_t k = 0; k < pushes && step < 40000; ++k)
                push(now + static_cast<SimTime>(
                               rng.below(3) == 0 ? 0 : rng.below(static_cast<std::uint64_t>(spread))));
        }
        QCOMPARE(calendar.empty(), heap.empty());
        QCOMPARE(Scheduled::make(5, 9, Action::ReplayFire, 1, 2).action(), Action::ReplayFire);
        QCOMPARE(sizeof(Scheduled), std::size_t{24});
        QCOMPARE(EventQueue::bucketsFor(1), EventQueue::kMinBuckets);
        QCOMPARE(EventQueue::bucketsFor(1'000), std::size_t{16'384});
        QCOMPARE(EventQueue::bucketsFor(1'000'000), EventQueue::kMaxBuckets);
    }

    void canonicalLineKeepsItsForm()
    {
        LogEvent e;
        e.time = 12'000'345;
        e.kind = EventKind::PduSent;
        e.place = placeOf(Link::Uu);
        e.device = 7;
        e.detail = 1;
        e.value = 80;
        QCOMPARE(EventLog::canonicalLine(e, {}), std::string("12.000345|pdu-sent|Uu|7|-|1|80"));
        e.device = kNoDevice;
        e.time = -1;
        QCOMPARE(EventLog::canonicalLine(e, "a1"), std::string("-0.000001|pdu-sent|Uu|-|a1|1|80"));
        e.time = std::numeric_limits<SimTime>::min();
        e.device = 0xfffffffe;
        e.value = 0xffffffff;
        e.detail = 255;
        e.kind = EventKind::SecurityModeRefused;
        e.place = placeOf(Node::Server);
        QCOMPARE(EventLog::canonicalLine(e, "x"), "-9223372036854.775808|security-mode-refused|" +
                                                      std::string(placeName(e.place)) +
                                                      "|4294967294|x|255|4294967295");
    }

    // The digest is the SHA-256 of every canonical line and its newline, however the lines are batched:
    // attack ids of every length (one longer than the format buffer goes to the hash directly), with and
    // without the second thread.
    void digestHashesTheCanonicalLines_data()
    {
        QTest::addColumn<int>("idLength");
        QTest::addColumn<bool>("pipelined");
        for (const int length : {0, 5, 128, 129, 300, 40'000})
            for (const bool pipelined : {false, true})
                QTest::addRow("id of %d, %s", length, pipelined ? "two threads" : "one thread")
                    << length << pipelined;
    }
    void digestHashesTheCanonicalLines()
    {
        QFETCH(int, idLength);
        QFETCH(bool, pipelined);
        const std::string id(static_cast<std::size_t>(idLength), 'k');
        EventLog log;
        log.setPipelined(pipelined);
        crypto::Sha256 expected;
        for (std::uint32_t i = 0; i < 20'000; ++i) {
            LogEvent e;
            e.time = SimTime{i} * 977;
            e.kind = static_cast<EventKind>(i % kEventKindCount);
            e.place = i % 3 == 0 ? placeOf(Link::S1U) : placeOf(Node::MME);
            e.device = i % 7 == 0 ? kNoDevice : i;
            e.value = i * 2654435761u;
            e.detail = static_cast<std::uint8_t>(i);
            const std::string_view attack = i % 5 == 0 ? std::string_view(id) : std::string_view();
            log.append(e, attack);
            expected.update(EventLog::canonicalLine(e, attack) + "\n");
        }
        QCOMPARE(log.digestHex(), toHex(expected.peek()));
    }
};

QTEST_GUILESS_MAIN(TestEngineScale)
#include "tst_enginescale.moc"
