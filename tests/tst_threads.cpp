// Issue 11, threads part: `--threads N` gives the same digest, events, counts, verdicts and report bytes for
// any N (the event log's pipeline, EventLog::setPipelined), in process and through the real binary.
#include "RandomScenario.h"
#include "RunBinary.h"
#include "core/InvalidInput.h"
#include "core/crypto/CryptoLedger.h"
#include "core/engine/Engine.h"
#include "core/engine/EventLog.h"
#include "core/engine/Rng.h"
#include "core/report/EventCsv.h"
#include "core/report/ReportJson.h"
#include "core/scenario/Presets.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <vector>

using namespace mtcsec;
using namespace mtcsec::engine;

namespace {

// What one run gives, to be compared between thread counts.
struct Outcome {
    std::string digest;
    std::uint64_t events = 0;
    std::vector<LogEvent> log;      // every event, read back (from the spill file if spilled)
    std::vector<LogEvent> observed; // every event the observer was given, in order
    QByteArray json;                // the JSON report of the summary
    QByteArray csv;                 // the CSV report of the log
};

struct Collector : EngineObserver {
    std::vector<LogEvent> events;
    void eventsAppended(std::span<const LogEvent> batch) override
    {
        events.insert(events.end(), batch.begin(), batch.end());
    }
};

bool sameEvents(const std::vector<LogEvent>& x, const std::vector<LogEvent>& y)
{
    if (x.size() != y.size())
        return false;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const LogEvent& a = x[i];
        const LogEvent& b = y[i];
        if (a.time != b.time || a.device != b.device || a.value != b.value || a.pdu != b.pdu ||
            a.kind != b.kind || a.place != b.place || a.detail != b.detail || a.attack != b.attack)
            return false;
    }
    return true;
}

// Runs `s` with `threads` threads, second by second as mtcsec run does (or to the end in one call).
Outcome run(const Scenario& s, unsigned threads, bool spill, bool bySecond)
{
    Engine engine(s);
    Collector collector;
    engine.setObserver(&collector);
    engine.setThreads(threads);
    engine.setSpillEvents(spill);
    engine.setKeepPdus(!spill);
    if (bySecond) {
        while (!engine.finished())
            engine.runUntil(engine.now() + kMicrosPerSecond);
    } else {
        engine.runToEnd();
    }
    Outcome o;
    const RunSummary summary = engine.summary();
    o.digest = summary.digest;
    o.events = engine.eventCount();
    engine.forEachEvent(
        [&o](std::span<const LogEvent> chunk) { o.log.insert(o.log.end(), chunk.begin(), chunk.end()); });
    o.observed = std::move(collector.events);
    o.json = report::reportJson(summary);
    o.csv = report::eventCsv(engine);
    return o;
}

void compareOutcomes(const Outcome& one, const Outcome& other)
{
    QCOMPARE(other.digest, one.digest);
    QCOMPARE(other.events, one.events);
    QCOMPARE(other.log.size(), one.log.size());
    QVERIFY(sameEvents(other.log, one.log));
    QVERIFY(sameEvents(other.observed, one.observed));
    QVERIFY(other.json == one.json);
    QVERIFY(other.csv == one.csv);
}

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

LogEvent someEvent(std::uint64_t i)
{
    LogEvent e;
    e.time = static_cast<SimTime>(i * 37);
    e.device = static_cast<std::uint32_t>(i % 1000);
    e.value = static_cast<std::uint32_t>(i * 7);
    e.kind = static_cast<EventKind>(i % kEventKindCount);
    e.detail = static_cast<std::uint8_t>(i % 3);
    e.attack = static_cast<std::int16_t>(i % 5 == 0 ? static_cast<int>(i % 3) : -1);
    return e;
}

std::string attackIdOf(const LogEvent& e)
{
    return e.attack < 0 ? std::string() : "attacker-" + std::to_string(e.attack);
}

} // namespace

class TestThreads : public QObject {
    Q_OBJECT

private slots:
    void presetsAreTheSameOnAnyThreads_data()
    {
        QTest::addColumn<QString>("preset");
        for (const Preset& p : presets())
            QTest::newRow(p.name.c_str()) << QString::fromStdString(p.name);
    }
    void presetsAreTheSameOnAnyThreads()
    {
        QFETCH(QString, preset);
        Scenario s = *presetScenario(preset.toStdString());
        s.devices = 700;
        s.durationS = 60;
        const Outcome one = run(s, 1, true, true);
        if (preset == QStringLiteral("defence-in-depth"))
            QVERIFY(one.events > 65536); // windows went to the file
        for (const unsigned threads : {2u, 4u}) {
            compareOutcomes(one, run(s, threads, true, true));
            if (QTest::currentTestFailed())
                return;
        }
        compareOutcomes(one, run(s, 2, false, false)); // in memory, in one call (the window's way)
    }

    void randomScenariosAreTheSameOnAnyThreads_data()
    {
        QTest::addColumn<quint64>("seed");
        for (quint64 seed = 1; seed <= 6; ++seed)
            QTest::newRow(("seed " + std::to_string(seed)).c_str()) << seed;
    }
    void randomScenariosAreTheSameOnAnyThreads()
    {
        QFETCH(quint64, seed);
        const Scenario s = test::randomScenario(seed); // 1 to 1,500 devices, 5 to 44 s
        const Outcome one = run(s, 1, seed % 2 == 0, seed % 3 != 0);
        for (const unsigned threads : {2u, 4u}) {
            compareOutcomes(one, run(s, threads, seed % 2 == 0, seed % 3 != 0));
            if (QTest::currentTestFailed())
                return;
        }
    }

    void liveChangesAreTheSameOnAnyThreads()
    {
        // The window's way: stepping, protection changes, attackers added and removed between steps.
        Scenario s = *presetScenario("3gpp-only");
        s.devices = 300;
        s.durationS = 30;
        std::vector<Outcome> outcomes;
        for (const unsigned threads : {1u, 2u}) {
            Engine engine(s);
            Collector collector;
            engine.setObserver(&collector);
            engine.setThreads(threads);
            QCOMPARE(engine.threads(), threads);
            for (int i = 0; i < 2000 && engine.step(); ++i) {
            }
            engine.runUntil(5 * kMicrosPerSecond);
            engine.setProtection(presetScenario("defence-in-depth")->protection);
            AttackSpec a;
            a.id = "live";
            a.kind = AttackKind::Tamper;
            a.link = Link::S1U;
            engine.addAttack(a);
            const std::string early = engine.summary().digest; // a digest mid-run drains the thread
            engine.runUntil(12 * kMicrosPerSecond);
            QVERIFY(engine.removeAttack("live"));
            engine.setThreads(threads == 1 ? 2 : 1); // switched mid-run
            engine.runToEnd();
            Outcome o;
            o.digest = early + "/" + engine.summary().digest;
            o.events = engine.eventCount();
            o.log = engine.events();
            o.observed = std::move(collector.events);
            o.json = report::reportJson(engine.summary());
            o.csv = report::eventCsv(engine);
            outcomes.push_back(std::move(o));
        }
        compareOutcomes(outcomes[0], outcomes[1]);
    }

    void pipelinedLogIsTheSame()
    {
        // The log alone, through every path: blocks and windows of odd sizes, reads in between, clear.
        EventLog plain;
        EventLog piped;
        piped.setPipelined(true);
        QVERIFY(piped.pipelined());
        plain.setSpill(true);
        piped.setSpill(true);
        for (std::uint64_t i = 0; i < 100'000; ++i) {
            const LogEvent e = someEvent(i);
            plain.append(e, attackIdOf(e));
            piped.append(e, attackIdOf(e));
            if (i % 30'011 == 0) {
                plain.spill();
                piped.spill();
            }
            if (i % 45'007 == 0)
                QCOMPARE(piped.digestHex(), plain.digestHex());
        }
        QCOMPARE(piped.size(), plain.size());
        QCOMPARE(piped.spilled(), plain.spilled());
        QCOMPARE(piped.digestHex(), plain.digestHex());
        std::vector<LogEvent> x;
        std::vector<LogEvent> y;
        plain.forEach([&x](std::span<const LogEvent> c) { x.insert(x.end(), c.begin(), c.end()); });
        piped.forEach([&y](std::span<const LogEvent> c) { y.insert(y.end(), c.begin(), c.end()); });
        QVERIFY(sameEvents(x, y));
        QCOMPARE(y.size(), std::size_t{100'000});

        piped.setSpill(false); // everything back in memory
        QCOMPARE(piped.events().size(), std::size_t{100'000});
        piped.clear();
        plain.clear();
        for (std::uint64_t i = 0; i < 5000; ++i) {
            plain.append(someEvent(i), "a");
            piped.append(someEvent(i), "a");
        }
        QCOMPARE(piped.digestHex(), plain.digestHex());
        piped.setPipelined(false);
        QVERIFY(!piped.pipelined());
        plain.append(someEvent(1), "");
        piped.append(someEvent(1), "");
        QCOMPARE(piped.digestHex(), plain.digestHex());
    }

    void ledgerCountsTheDigestOnAnyThreads()
    {
        // mtcsec bench's crypto ledger: the digest's SHA-256 calls counted the same from the log's thread.
        Scenario s = *presetScenario("defence-in-depth");
        s.devices = 200;
        s.durationS = 20;
        std::vector<std::vector<crypto::LedgerEntry>> entries;
        for (const unsigned threads : {1u, 2u}) {
            crypto::CryptoLedger ledger;
            {
                const crypto::LedgerScope scope(ledger);
                Engine engine(s);
                engine.setThreads(threads);
                engine.setSpillEvents(true);
                engine.runToEnd();
                (void)engine.summary();
            }
            QVERIFY(ledger.calls(crypto::Primitive::Sha256Stream) > 0);
            entries.push_back(ledger.entries());
        }
        QVERIFY(entries[1] == entries[0]);
    }

    void zeroThreadsIsRefused()
    {
        Engine engine(*presetScenario("default"));
        QVERIFY_THROWS_EXCEPTION(InvalidInput, engine.setThreads(0));
        QCOMPARE(engine.threads(), 1u);
        engine.setThreads(64);
        QCOMPARE(engine.threads(), 2u); // the model on one, the log on the other
    }

    void commandLineReportsAreTheSame_data()
    {
        QTest::addColumn<QStringList>("scenario");
        QTest::newRow("defence-in-depth")
            << QStringList{QStringLiteral("--preset"), QStringLiteral("defence-in-depth"),
                           QStringLiteral("--devices"), QStringLiteral("2000")};
        QTest::newRow("unprotected") << QStringList{QStringLiteral("--preset"), QStringLiteral("unprotected"),
                                                    QStringLiteral("--devices"), QStringLiteral("1500")};
        QTest::newRow("replay-command")
            << QStringList{QStringLiteral("--preset"), QStringLiteral("replay-command"),
                           QStringLiteral("--seed"), QStringLiteral("99")};
    }
    void commandLineReportsAreTheSame()
    {
        QFETCH(QStringList, scenario);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QByteArray json;
        QByteArray csv;
        QString firstOut;
        for (const QString& threads : {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("4")}) {
            const QString base = dir.filePath(QStringLiteral("t") + threads);
            const test::Run r =
                test::runMtcsec(QStringList{QStringLiteral("run")}
                                << scenario
                                << QStringList{QStringLiteral("--threads"), threads,
                                               QStringLiteral("--report"), base + QStringLiteral(".json"),
                                               QStringLiteral("--report"), base + QStringLiteral(".csv")});
            QCOMPARE(r.exitCode, 0);
            QVERIFY(r.err.isEmpty());
            // The printed summary: the same but for the wall time (and rate) of its first line.
            QString out = r.out;
            out.remove(QRegularExpression(QStringLiteral("simulated in [^)]*\\)")));
            out.remove(QRegularExpression(QStringLiteral("Report written: [^\\n]*\\n")));
            const QByteArray j = fileBytes(base + QStringLiteral(".json"));
            const QByteArray c = fileBytes(base + QStringLiteral(".csv"));
            QVERIFY(!j.isEmpty() && !c.isEmpty());
            if (threads == QStringLiteral("1")) {
                json = j;
                csv = c;
                firstOut = out;
                continue;
            }
            QVERIFY2(j == json, qPrintable(threads));
            QVERIFY2(c == csv, qPrintable(threads));
            QCOMPARE(out, firstOut);
        }
    }

    void benchDigestsAreTheSame()
    {
        QStringList digests[2];
        for (const int threads : {1, 2}) {
            const test::Run r =
                test::runMtcsec({QStringLiteral("bench"), QStringLiteral("--devices"), QStringLiteral("30"),
                                 QStringLiteral("--duration"), QStringLiteral("5"),
                                 QStringLiteral("--threads"), QString::number(threads)});
            QCOMPARE(r.exitCode, 0);
            const QJsonObject bench = QJsonDocument::fromJson(r.out.toUtf8()).object();
            QCOMPARE(bench[QStringLiteral("options")].toObject()[QStringLiteral("threads")].toInt(), threads);
            for (const QJsonValue& v : bench[QStringLiteral("workloads")].toArray()) {
                const QJsonObject w = v.toObject();
                QCOMPARE(w[QStringLiteral("threads")].toInt(), threads);
                const double engineCpu = w[QStringLiteral("engine_thread_cpu_s")].toDouble();
                QVERIFY(engineCpu > 0);
                QVERIFY(engineCpu <=
                        w[QStringLiteral("cpu_s")].toDouble() + 1e-6); // one thread of the process
                QVERIFY(w[QStringLiteral("engine_thread_crypto_ratio")].toDouble() > 0);
                digests[threads - 1] << w[QStringLiteral("digest")].toString();
            }
        }
        QCOMPARE(digests[0].size(), 3);
        QCOMPARE(digests[1], digests[0]);
    }

    void badThreadsOptions_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("error");
        const QString bad = QStringLiteral("--threads: must be a whole number from 1 to 1024, got '%1'");
        for (const QString& command : {QStringLiteral("run"), QStringLiteral("bench")}) {
            for (const QString& value :
                 {QStringLiteral("0"), QStringLiteral("two"), QStringLiteral("-1"), QStringLiteral("1025")})
                QTest::newRow(qPrintable(command + QStringLiteral(" ") + value))
                    << QStringList{command, QStringLiteral("--threads"), value}
                    << QStringLiteral("mtcsec %1: ").arg(command) + bad.arg(value);
            QTest::newRow(qPrintable(command + QStringLiteral(" twice")))
                << QStringList{command, QStringLiteral("--threads"), QStringLiteral("1"),
                               QStringLiteral("--threads"), QStringLiteral("2")}
                << QStringLiteral("mtcsec %1: --threads given more than once").arg(command);
        }
    }
    void badThreadsOptions()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, error);
        const test::Run r = test::runMtcsec(args);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.out, QString());
        QCOMPARE(r.err.trimmed(), error);
    }
};

QTEST_GUILESS_MAIN(TestThreads)
#include "tst_threads.moc"
