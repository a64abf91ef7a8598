// Issue 11, cells part: a run split into cells (devices_per_cell) on several threads gives the same digest,
// summary, JSON and CSV for any number of threads; the merged summary keeps every conservation law; one cell
// is the plain engine; device identities are global; the command line reads, runs and refuses as it should.
#include "RandomScenario.h"
#include "RunBinary.h"
#include "core/InvalidInput.h"
#include "core/crypto/CryptoLedger.h"
#include "core/engine/CaptureSink.h"
#include "core/engine/CellPlan.h"
#include "core/engine/CellRun.h"
#include "core/engine/CellSummary.h"
#include "core/engine/Engine.h"
#include "core/engine/Requirements.h"
#include "core/engine/ResourceEstimate.h"
#include "core/engine/Rng.h"
#include "core/report/CaptureRecorder.h"
#include "core/report/EventCsv.h"
#include "core/report/ReportJson.h"
#include "core/scenario/Presets.h"
#include "core/scenario/ScenarioJson.h"
#include "tests/PcapngFrames.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <array>
#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <thread>
#include <vector>

using namespace mtcsec;
using namespace mtcsec::engine;

namespace {

// What a run of cells gives, to be compared between thread counts.
struct Outcome {
    RunSummary summary;
    QByteArray json;
    QByteArray csv;
    unsigned threads = 0;
};

Outcome runCells(const Scenario& s, unsigned threads)
{
    CellRun run(s, threads);
    run.setKeepEvents(true);
    if (!run.run())
        return {};
    return {run.summary(), report::reportJson(run.summary()), report::eventCsv(run), run.threads()};
}

// A random scenario: 300 to 700 devices in cells of 100 to 250, 5 to 25 s, sometimes a device group across a
// cell boundary.
Scenario randomScenario(std::uint64_t seed)
{
    Scenario s = test::randomScenario(seed, {300, 401, 5.0, 21, 100, 151});
    Rng rng(seed ^ 0x5eed);
    if (rng.below(2) == 0 && s.deviceGroups.empty()) {
        // A group across a cell boundary: its devices keep its behaviour in every cell.
        DeviceGroup g;
        g.name = "eia0-acceptors";
        g.devices = s.devicesPerCell + 17;
        g.ue.acceptsNullIntegrity = true;
        s.deviceGroups.push_back(g);
    }
    return s;
}

void checkConservation(const RunSummary& s)
{
    for (const DirectionAccounting* d : {&s.accounting.uplink, &s.accounting.downlink})
        QCOMPARE(d->sent, d->fates());
    for (const AttackTally& t : s.attacks)
        QCOMPARE(t.attempts, t.blocked + t.succeeded + t.noEffect);
    for (const AttackTally& t : s.attacksSinceChange)
        QCOMPARE(t.attempts, t.blocked + t.succeeded + t.noEffect);
}

// Every device's identities, as the engine hands them to a capture sink.
struct Identities : CaptureSink {
    std::vector<DeviceIdentity> ids;
    void linkPdu(const PduRecord&) override {}
    void attackerCapture(const std::string&, SimTime, std::optional<Link>, std::optional<Node>, ByteView,
                         bool) override
    {}
    void keysInForce(SimTime, std::uint32_t, const std::string&, const std::string&) override {}
    void deviceIdentity(std::uint32_t, const DeviceIdentity& identity) override { ids.push_back(identity); }
};

QString writeScenario(const QTemporaryDir& dir, const QString& name, const QByteArray& json)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(json) != json.size())
        return {};
    return path;
}

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestCells : public QObject {
    Q_OBJECT

private slots:
    void plan_data()
    {
        QTest::addColumn<uint>("devices");
        QTest::addColumn<uint>("perCell");
        QTest::addColumn<QList<uint>>("sizes");
        QTest::newRow("one device") << 1u << 1u << QList<uint>{1};
        QTest::newRow("exactly one cell") << 50000u << 50000u << QList<uint>{50000};
        QTest::newRow("even") << 600u << 200u << QList<uint>{200, 200, 200};
        QTest::newRow("as even as possible") << 601u << 250u << QList<uint>{201, 200, 200};
        QTest::newRow("one over") << 601u << 600u << QList<uint>{301, 300};
        QTest::newRow("a cell per device") << 3u << 1u << QList<uint>{1, 1, 1};
        QTest::newRow("the million") << 1000000u << 50000u << QList<uint>(20, 50000);
    }
    void plan()
    {
        QFETCH(uint, devices);
        QFETCH(uint, perCell);
        QFETCH(QList<uint>, sizes);
        Scenario s;
        s.devices = devices;
        s.devicesPerCell = perCell;
        QCOMPARE(cellCount(s), static_cast<std::uint32_t>(sizes.size()));
        const std::vector<Cell> cells = cellsOf(s);
        QCOMPARE(cells.size(), static_cast<std::size_t>(sizes.size()));
        std::uint32_t first = 0;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            QCOMPARE(cells[i].index, static_cast<std::uint32_t>(i));
            QCOMPARE(cells[i].first, first);
            QCOMPARE(cells[i].devices, sizes[static_cast<qsizetype>(i)]);
            QVERIFY(cells[i].devices <= perCell);
            first += cells[i].devices;
            const Scenario c = cellScenario(s, cells[i]);
            QCOMPARE(c.devices, cells[i].devices);
            if (cells.size() == 1)
                QCOMPARE(c, s); // one cell: the scenario itself, its seed too
        }
        QCOMPARE(first, devices);
    }

    void seedsAndGroups()
    {
        QCOMPARE(cellSeed(42, 0, 1), std::uint64_t{42});
        std::set<std::uint64_t> seeds;
        for (std::uint32_t i = 0; i < 100; ++i)
            seeds.insert(cellSeed(42, i, 100));
        QCOMPARE(seeds.size(), std::size_t{100});
        QCOMPARE(cellSeed(42, 3, 100), cellSeed(42, 3, 100));
        QVERIFY(cellSeed(42, 3, 100) != cellSeed(43, 3, 100));

        // Groups of 150 and 100 devices over cells of 100: each device keeps its group.
        Scenario s;
        s.devices = 400;
        s.devicesPerCell = 100;
        s.deviceGroups = {DeviceGroup{"a", 150, {}}, DeviceGroup{"b", 100, {}}};
        for (const Cell& cell : cellsOf(s)) {
            const Scenario c = cellScenario(s, cell);
            QCOMPARE(c.deviceGroups.size(), std::size_t{2});
            for (std::uint32_t d = 0; d < cell.devices; ++d)
                QCOMPARE(c.groupOf(d), s.groupOf(cell.first + d));
        }
    }

    void digestRule()
    {
        // SHA-256 over "cell I: DIGEST_I\n" lines (printf 'cell 0: a\ncell 1: b\n' | sha256sum).
        const std::string twoCells = cellsDigest(std::vector<std::string>{"a", "b"});
        QCOMPARE(twoCells, std::string("564018b0f8d68b409714dbffc9fbf6211cbbaf72461a53312eae0a80bb1c1e56"));
        QVERIFY(twoCells != cellsDigest(std::vector<std::string>{"b", "a"}));
    }

    void sameForAnyThreads_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<quint64>("seed"); // 0: the preset; else a random scenario
        for (const char* p : {"defence-in-depth", "unprotected", "3gpp-only", "replay-command",
                              "bidding-down", "insider-pgw", "malleable-ciphertext"})
            QTest::newRow(p) << QString::fromLatin1(p) << quint64{0};
        for (quint64 seed = 1; seed <= 4; ++seed)
            QTest::newRow(("random " + std::to_string(seed)).c_str()) << QString() << seed;
    }
    void sameForAnyThreads()
    {
        QFETCH(QString, preset);
        QFETCH(quint64, seed);
        Scenario s;
        if (seed == 0) {
            s = *presetScenario(preset.toStdString());
            s.devices = 600;
            s.devicesPerCell = 150;
            s.durationS = std::max(s.durationS, 20.0);
            s.durationS = std::min(s.durationS, 30.0);
            std::erase_if(s.changes, [&s](const ProtectionChange& c) { return c.atS >= s.durationS; });
        } else {
            s = randomScenario(seed);
        }
        const Outcome one = runCells(s, 1);
        QVERIFY(one.summary.cells > 1);
        QCOMPARE(one.summary.cells, cellCount(s));
        QCOMPARE(one.threads, 1u);
        checkConservation(one.summary);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(one.summary.traffic.attachOk > 0);
        for (const unsigned threads : {2u, 4u}) {
            const Outcome other = runCells(s, threads);
            QCOMPARE(other.threads, std::min(threads, cellCount(s)));
            QCOMPARE(other.summary.digest, one.summary.digest);
            QCOMPARE(other.summary.eventsTotal, one.summary.eventsTotal);
            QVERIFY(other.json == one.json);
            QVERIFY(other.csv == one.csv);
        }
        // The CSV has a row per event and the devices' global numbers.
        QCOMPARE(static_cast<std::uint64_t>(one.csv.count("\r\n")), one.summary.eventsTotal + 1);
    }

    void mergedSummaryIsTheSumOfItsCells()
    {
        Scenario s = *presetScenario("defence-in-depth");
        s.devices = 500;
        s.devicesPerCell = 200;
        s.durationS = 20;
        const Outcome merged = runCells(s, 2);
        // The same cells run one by one, as plain engines.
        std::vector<RunSummary> cells;
        std::vector<std::string> digests;
        std::uint64_t attachOk = 0, uplinkSent = 0, inFlight = 0, events = 0;
        std::vector<std::uint64_t> attempts(s.attacks.size()), blocked(s.attacks.size()),
            signallingSeen(s.attacks.size());
        for (const Cell& c : cellsOf(s)) {
            Engine engine(cellScenario(s, c), c.first);
            engine.runToEnd();
            cells.push_back(engine.summary());
            const RunSummary& r = cells.back();
            digests.push_back(r.digest);
            attachOk += r.traffic.attachOk;
            uplinkSent += r.accounting.uplink.sent;
            inFlight += r.accounting.uplink.inFlight + r.accounting.downlink.inFlight;
            events += r.eventsTotal;
            for (std::size_t i = 0; i < r.attacks.size(); ++i) {
                attempts[i] += r.attacks[i].attempts;
                blocked[i] += r.attacks[i].blocked;
                signallingSeen[i] += r.attacks[i].signallingSeen;
            }
        }
        const RunSummary& m = merged.summary;
        QCOMPARE(m.digest, cellsDigest(digests));
        QCOMPARE(m.traffic.attachOk, attachOk);
        QCOMPARE(m.accounting.uplink.sent, uplinkSent);
        QCOMPARE(m.accounting.uplink.inFlight + m.accounting.downlink.inFlight, inFlight);
        QCOMPARE(m.eventsTotal, events);
        QCOMPARE(m.devices, s.devices);
        QCOMPARE(m.seed, s.seed);
        QCOMPARE(m.attacks.size(), s.attacks.size());
        for (std::size_t i = 0; i < attempts.size(); ++i) {
            QCOMPARE(m.attacks[i].spec.id, s.attacks[i].id);
            QCOMPARE(m.attacks[i].attempts, attempts[i]);
            QCOMPARE(m.attacks[i].blocked, blocked[i]);
            std::array<std::size_t, 2> perClass{};
            for (const AttackExample& e : m.attacks[i].examples) {
                QVERIFY(++perClass[e.signalling ? 1 : 0] <= 3);
                QVERIFY(e.device < s.devices);
            }
        }
        checkConservation(m);
        // The verdicts and every count their evidence names come from the merged counts.
        const auto again = evaluateRequirements(m.attacks, m.accounting);
        for (std::size_t r = 0; r < again.size(); ++r) {
            QCOMPARE(m.requirements[r].verdict, again[r].verdict);
            QCOMPARE(m.requirements[r].evidence, again[r].evidence);
        }
        const QString evidence = QString::fromStdString([&] {
            std::string all;
            for (const RequirementResult& r : m.requirements)
                for (const std::string& e : r.evidence)
                    all += e + "\n";
            return all;
        }());
        for (std::size_t i = 0; i < attempts.size(); ++i) {
            if (m.attacks[i].spec.kind == AttackKind::Eavesdrop && signallingSeen[i] > 0)
                QVERIFY2(evidence.contains(QStringLiteral("%1 eavesdrop on %2: %3 signalling PDUs seen")
                                               .arg(QString::fromStdString(s.attacks[i].id),
                                                    QString::fromStdString(s.attacks[i].target()))
                                               .arg(signallingSeen[i])),
                         qPrintable(evidence));
        }
    }

    void oneCellIsThePlainEngine()
    {
        Scenario s = *presetScenario("defence-in-depth");
        s.devices = 300;
        s.durationS = 15;
        QCOMPARE(cellCount(s), 1u);
        Engine engine(s);
        engine.setSpillEvents(true);
        engine.runToEnd();
        const Outcome cells = runCells(s, 3);
        QCOMPARE(cells.threads, 1u);
        QCOMPARE(cells.summary.digest, engine.summary().digest);
        QVERIFY(cells.json == report::reportJson(engine.summary()));
        QVERIFY(cells.csv == report::eventCsv(engine));
        // firstDevice 0 is the plain engine.
        Engine zero(s, 0);
        zero.runToEnd();
        QCOMPARE(zero.summary().digest, engine.summary().digest);
    }

    void identitiesAreGlobal()
    {
        Scenario s = *presetScenario("unprotected"); // the eavesdropper reads IMSIs in clear
        s.devices = 450;
        s.devicesPerCell = 150;
        s.durationS = 10;
        std::set<std::string> imsis;
        std::set<std::uint32_t> addresses, teids;
        std::uint64_t attached = 0;
        for (const Cell& c : cellsOf(s)) {
            Engine engine(cellScenario(s, c), c.first);
            Identities sink;
            engine.setCaptureSink(&sink);
            engine.setCaptureSink(nullptr);
            QCOMPARE(sink.ids.size(), std::size_t{c.devices});
            for (std::uint32_t d = 0; d < c.devices; ++d) {
                const DeviceIdentity& id = sink.ids[d];
                const std::string msin = std::to_string(c.first + d + 1);
                QVERIFY(id.imsi.ends_with(std::string(10 - msin.size(), '0') + msin));
                QCOMPARE(id.address, 0x0a800000u + c.first + d + 1);
                imsis.insert(id.imsi);
                addresses.insert(id.address);
                teids.insert(id.teidS1uSgw);
                teids.insert(id.teidS1uEnb);
                teids.insert(id.teidS5Pgw);
                teids.insert(id.teidS5Sgw);
            }
            engine.runToEnd();
            attached += engine.summary().traffic.attachOk;
        }
        QCOMPARE(imsis.size(), std::size_t{s.devices});
        QCOMPARE(addresses.size(), std::size_t{s.devices});
        QCOMPARE(teids.size(), std::size_t{4} * s.devices);
        QVERIFY(attached >= s.devices); // the HSS of each cell knows its devices by their global IMSIs

        // The merged examples: an IMSI read in clear belongs to the device the example names.
        const Outcome merged = runCells(s, 2);
        int imsiExamples = 0;
        for (const AttackTally& t : merged.summary.attacks)
            for (const AttackExample& e : t.examples) {
                const auto at = e.what.find("IMSI ");
                if (at == std::string::npos)
                    continue;
                ++imsiExamples;
                const std::string imsi = e.what.substr(at + 5, 15);
                QCOMPARE(std::stoull(imsi.substr(5)), std::uint64_t{e.device} + 1);
            }
        QVERIFY(imsiExamples > 0);
    }

    void cryptoLedgerIsTheSameForAnyThreads()
    {
        Scenario s = *presetScenario("defence-in-depth");
        s.devices = 400;
        s.devicesPerCell = 100;
        s.durationS = 10;
        std::vector<crypto::LedgerEntry> first;
        std::uint64_t keySetups = 0;
        for (const unsigned threads : {1u, 3u}) {
            crypto::CryptoLedger ledger;
            {
                const crypto::LedgerScope scope(ledger);
                CellRun run(s, threads);
                QVERIFY(run.run());
            }
            QVERIFY(ledger.calls(crypto::Algorithm::Milenage) >= s.devices);
            if (threads == 1) {
                first = ledger.entries();
                keySetups = ledger.keySetups();
            } else {
                QVERIFY(ledger.entries() == first);
                QCOMPARE(ledger.keySetups(), keySetups);
            }
        }
    }

    void interruptedRunStops()
    {
        Scenario s = *presetScenario("defence-in-depth");
        s.devices = 400;
        s.devicesPerCell = 100;
        s.durationS = 60;
        CellRun run(s, 2);
        QVERIFY(!run.run([] { return true; }));
        QVERIFY_THROWS_EXCEPTION(InvalidInput, CellRun(s, 0));
    }

    void estimateCountsCellsPerThread()
    {
        Scenario one;
        one.devices = 400'000; // per-device costs dominate the fixed ones (process, event window)
        one.devicesPerCell = 1'000'000;
        one.durationS = 600;
        Scenario cells = one;
        cells.devicesPerCell = 10'000;
        const ResourceEstimate whole = estimateResources(one, EventLogIn::File, 0, PduRing::None);
        const ResourceEstimate two = estimateResources(cells, EventLogIn::File, 2, PduRing::None);
        QVERIFY(std::abs(two.messages - whole.messages) < whole.messages * 0.01);
        QVERIFY(std::abs(two.events - whole.events) < whole.events * 0.01);
        QVERIFY(two.bytes < whole.bytes / 2); // two cells of 10,000 devices at a time
        const double three = estimateResources(cells, EventLogIn::File, 3, PduRing::None).bytes;
        QVERIFY(three > two.bytes);
        QVERIFY(estimateResources(cells, EventLogIn::File, 4, PduRing::None).bytes > three);
        // A headless run makes no ring of PDUs; with an HTML or PDF report cell 0 is kept with its ring while
        // two cells run: one ring and one cell more, not a ring per cell.
        QCOMPARE(estimateResources(cells, EventLogIn::File, 2, PduRing::Kept).bytes, three + pduRingBytes());
        QCOMPARE(estimateResources(one, EventLogIn::File, 0, PduRing::Kept).bytes,
                 whole.bytes + pduRingBytes());
    }

    void estimateCoversTinyCells()
    {
        // Measured peak (/usr/bin/time -v, 20,000 one-device cells, 2 s, 2 threads): 139 MB for default (no
        // attacker), 344 MB for defence-in-depth (nine attackers). The estimate is never below, and grows
        // with the attackers a cell result holds.
        const auto estimate = [](const char* preset) {
            Scenario s = *presetScenario(preset);
            s.devices = 20'000;
            s.devicesPerCell = 1;
            s.durationS = 2;
            return estimateResources(s, EventLogIn::File, 2, PduRing::None).bytes;
        };
        QVERIFY(estimate("default") >= 139e6);
        QVERIFY(estimate("defence-in-depth") >= 344e6);
        QVERIFY(estimate("defence-in-depth") > estimate("default") + 20'000 * 9 * 1000.0);
    }

    void scenarioField()
    {
        Scenario s;
        QCOMPARE(s.devicesPerCell, 50000u);
        s.devicesPerCell = 1234;
        QCOMPARE(scenarioFromJson(scenarioToJson(s)), s);
        QVERIFY(scenarioToJson(s).contains("\"devices_per_cell\": 1234"));
        QCOMPARE(scenarioFromJson(R"({"schema": "mtcsec-scenario/1"})").devicesPerCell, 50000u);
    }

    void badDevicesPerCell_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("got");
        QTest::newRow("zero") << QByteArray("0") << QStringLiteral("0");
        QTest::newRow("above the million") << QByteArray("1000001") << QStringLiteral("1000001");
        QTest::newRow("text") << QByteArray("\"x\"") << QString();
        QTest::newRow("fraction") << QByteArray("1.5") << QStringLiteral("1.5");
        QTest::newRow("negative") << QByteArray("-3") << QStringLiteral("-3");
    }
    void badDevicesPerCell()
    {
        QFETCH(QByteArray, value);
        QFETCH(QString, got);
        QTemporaryDir dir;
        const QString file = writeScenario(
            dir, QStringLiteral("bad.json"),
            R"({"schema": "mtcsec-scenario/1", "devices": 10, "devices_per_cell": )" + value + "}");
        for (const QStringList& args :
             {QStringList{QStringLiteral("validate"), file},
              QStringList{QStringLiteral("run"), QStringLiteral("--scenario"), file}}) {
            const test::Run r = test::runMtcsec(args);
            QCOMPARE(r.exitCode, 2);
            QVERIFY(r.out.isEmpty());
            QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
            QVERIFY2(r.err.contains(QStringLiteral("devices_per_cell: must be")), qPrintable(r.err));
            if (!got.isEmpty())
                QVERIFY2(r.err.contains(got), qPrintable(r.err));
        }
    }

    void binaryRunsCells()
    {
        QTemporaryDir dir;
        const QString file = writeScenario(dir, QStringLiteral("cells.json"), R"({
            "schema": "mtcsec-scenario/1", "name": "cells", "devices": 600, "devices_per_cell": 200,
            "duration_s": 20,
            "protection": {"nas": {"integrity": "128-EIA2", "ciphering": "128-EEA2"}},
            "attacks": [{"id": "ear", "kind": "eavesdrop", "target": "Uu"}]})");
        QVERIFY(!file.isEmpty());
        const test::Run v = test::runMtcsec({QStringLiteral("validate"), file});
        QCOMPARE(v.exitCode, 0);
        QVERIFY2(v.out.contains(QStringLiteral(": 3 cells of at most 200 devices")), qPrintable(v.out));
        QString digest;
        QByteArray json, csv;
        for (const QString& threads : {QStringLiteral("1"), QStringLiteral("2")}) {
            const QString j = dir.filePath(QStringLiteral("r%1.json").arg(threads));
            const QString c = dir.filePath(QStringLiteral("r%1.csv").arg(threads));
            const test::Run r = test::runMtcsec(
                {QStringLiteral("run"), QStringLiteral("--scenario"), file, QStringLiteral("--threads"),
                 threads, QStringLiteral("--report"), j, QStringLiteral("--report"), c});
            QCOMPARE(r.exitCode, 0);
            QVERIFY2(
                r.out.contains(QStringLiteral("Cells: 3 of at most 200 devices, simulated independently")),
                qPrintable(r.out));
            const QRegularExpressionMatch m =
                QRegularExpression(QStringLiteral("Digest: ([0-9a-f]{64})")).match(r.out);
            QVERIFY(m.hasMatch());
            if (digest.isEmpty()) {
                digest = m.captured(1);
                json = fileBytes(j);
                csv = fileBytes(c);
                const QJsonObject scenario =
                    QJsonDocument::fromJson(json).object().value(QStringLiteral("scenario")).toObject();
                QCOMPARE(scenario.value(QStringLiteral("cells")).toInt(), 3);
                QCOMPARE(scenario.value(QStringLiteral("devices_per_cell")).toInt(), 200);
                QCOMPARE(QJsonDocument::fromJson(json).object().value(QStringLiteral("digest")).toString(),
                         digest);
                // Devices of every cell, by their global numbers.
                QVERIFY(csv.contains(",599,"));
                QVERIFY(csv.contains(",0,"));
            } else {
                QCOMPARE(m.captured(1), digest);
                QVERIFY(fileBytes(j) == json);
                QVERIFY(fileBytes(c) == csv);
            }
        }
        // Packet captures: each cell is its own set of links, keys and attackers, and writes its own folder
        // DIR/cell-N with the same files as a run of one cell; the run's results are the same.
        const QString caps = dir.filePath(QStringLiteral("caps"));
        const test::Run captured = test::runMtcsec({QStringLiteral("run"), QStringLiteral("--scenario"), file,
                                                    QStringLiteral("--pcap"), caps,
                                                    QStringLiteral("--threads"), QStringLiteral("2")});
        QCOMPARE(captured.exitCode, 0);
        QVERIFY2(captured.out.contains(QStringLiteral("Digest: ") + digest), qPrintable(captured.out));
        QVERIFY2(
            captured.out.contains(QStringLiteral("(%1/cell-0 to cell-2, one folder per cell)").arg(caps)),
            qPrintable(captured.out));
        QCOMPARE(QDir(caps).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
                 (QStringList{QStringLiteral("cell-0"), QStringLiteral("cell-1"), QStringLiteral("cell-2")}));
        for (int c = 0; c < 3; ++c) {
            const QDir cell(caps + QStringLiteral("/cell-%1").arg(c));
            for (const char* name : {"Uu.pcap", "S1-MME.pcap", "S1-U.pcap", "S6a.pcap", "S5.pcap", "SGi.pcap",
                                     "keys.log", "attack-ear.pcap"})
                QVERIFY2(QFileInfo(cell.filePath(QLatin1String(name))).size() > 0,
                         qPrintable(cell.filePath(QLatin1String(name))));
            // Each cell's key log names its own devices' IMSIs (cell c: devices 200c to 200c + 199).
            const QByteArray keys = fileBytes(cell.filePath(QStringLiteral("keys.log")));
            QVERIFY2(keys.contains(QByteArray::number(200 * c + 1).rightJustified(10, '0')),
                     keys.left(300).constData());
            QVERIFY(!keys.contains(QByteArray::number(200 * ((c + 1) % 3) + 1).rightJustified(10, '0')));
        }
        // tshark (with the cell's own Wireshark profile) reads a cell's captures as a run of one cell's:
        // every Uu frame a PDCP-LTE PDU, none malformed, NAS decoded; S1-MME carries the cell's own IMSIs.
        if (QStandardPaths::findExecutable(QStringLiteral("tshark")).isEmpty()) {
            qInfo("tshark is not installed: the cells' captures are not decoded here");
        } else {
            const QString cell1 = caps + QStringLiteral("/cell-1");
            const auto fields = [&](const QString& pcap, const QStringList& names) {
                QStringList args{QStringLiteral("-C"), QStringLiteral("mtcsec"),
                                 QStringLiteral("-2"), QStringLiteral("-n"),
                                 QStringLiteral("-r"), cell1 + QLatin1Char('/') + pcap,
                                 QStringLiteral("-T"), QStringLiteral("fields")};
                for (const QString& n : names)
                    args << QStringLiteral("-e") << n;
                QProcess p;
                QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
                env.insert(QStringLiteral("WIRESHARK_CONFIG_DIR"), cell1 + QStringLiteral("/wireshark"));
                p.setProcessEnvironment(env);
                p.start(QStringLiteral("tshark"), args);
                p.waitForFinished(120000);
                return QString::fromUtf8(p.readAllStandardOutput())
                    .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            };
            const QStringList uu = fields(QStringLiteral("Uu.pcap"), {QStringLiteral("frame.protocols"),
                                                                      QStringLiteral("_ws.malformed")});
            QVERIFY(uu.size() > 200);
            qsizetype nas = 0;
            for (const QString& row : uu) {
                QVERIFY2(row.startsWith(QStringLiteral("exported_pdu:ip:udp:pdcp-lte")), qPrintable(row));
                QVERIFY2(!row.contains(QLatin1Char('\t')) || row.section(QLatin1Char('\t'), 1).isEmpty(),
                         qPrintable(row));
                nas += row.contains(QStringLiteral("nas-eps")) ? 1 : 0;
            }
            QVERIFY(nas > 200);
            QStringList imsis = fields(QStringLiteral("S1-MME.pcap"), {QStringLiteral("e212.imsi")});
            imsis.removeDuplicates();
            imsis.sort();
            QCOMPARE(imsis.size(), 200);
            QVERIFY2(imsis.front().endsWith(QStringLiteral("0000000201")), qPrintable(imsis.front()));
            QVERIFY2(imsis.back().endsWith(QStringLiteral("0000000400")), qPrintable(imsis.back()));
        }

        // HTML and PDF reports of the merged run: the same digest and JSON as without them, the cells named,
        // the first attach drawn from cell 0.
        const QString html = dir.filePath(QStringLiteral("r.html"));
        const QString pdf = dir.filePath(QStringLiteral("r.pdf"));
        const QString j = dir.filePath(QStringLiteral("rdoc.json"));
        const test::Run doc = test::runMtcsec({QStringLiteral("run"), QStringLiteral("--scenario"), file,
                                               QStringLiteral("--report"), html, QStringLiteral("--report"),
                                               pdf, QStringLiteral("--report"), j});
        QCOMPARE(doc.exitCode, 0);
        QVERIFY2(doc.out.contains(QStringLiteral("Digest: ") + digest), qPrintable(doc.out));
        QVERIFY(fileBytes(j) == json);
        QVERIFY(fileBytes(pdf).startsWith("%PDF-"));
        const QString page = QString::fromUtf8(fileBytes(html));
        for (const char* text :
             {"3 of at most 200 devices (devices_per_cell), simulated independently",
              "Digest (SHA-256 over the cells' event-log digests)", "Each of the 3 cells has these nodes",
              "Device 0 is in cell 0: this chart shows cell 0's PDUs.",
              "Each chart counts the PDUs, attempts and messages of all 3 cells together."})
            QVERIFY2(page.contains(QLatin1String(text)), text);
        QVERIFY(page.contains(digest));
        QVERIFY2(page.contains(QStringLiteral("The attach of device 0 as a message sequence chart")),
                 "the sequence chart of cell 0");
        QVERIFY(!page.contains(QStringLiteral("covers one cell")));
        // The attack example names its device and the device's cell (cell c: devices 200c to 200c + 199).
        const QRegularExpressionMatch example =
            QRegularExpression(QStringLiteral("<p>At [^,<]*, device ([0-9]+) in cell ([0-9]+), "))
                .match(page);
        QVERIFY2(example.hasMatch(), "an example naming its cell");
        QCOMPARE(example.captured(1).toUInt() / 200, example.captured(2).toUInt());
    }

    // A run of several cells writes its CSV with a last column, `cell`: every event's cell, the devices'
    // events in their own cell, and node events such as protection-changed once per cell. One cell: no
    // column.
    // CellRun::setCaptures: a capture recorder per cell, made and prepared by the thread that runs the cell;
    // the files are the same byte for byte for any number of threads, and each cell's captures carry its
    // devices' global numbers.
    void capturesPerCellSameForAnyThreads()
    {
        Scenario s = *presetScenario("defence-in-depth");
        s.devices = 120;
        s.devicesPerCell = 40;
        s.durationS = 12;
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        std::map<QString, QByteArray> first;
        for (const unsigned threads : {1u, 3u}) {
            const QString root = dir.filePath(QStringLiteral("t%1").arg(threads));
            QVERIFY(QDir().mkpath(root));
            std::vector<std::unique_ptr<report::CaptureRecorder>> recorders(cellCount(s));
            std::vector<std::thread::id> openedBy(cellCount(s)), finishedBy(cellCount(s));
            CellRun run(s, threads);
            run.setCaptures(
                [&](const Cell& c) -> CaptureSink* {
                    const QString folder = root + QStringLiteral("/cell-%1").arg(c.index);
                    if (!QDir().mkpath(folder))
                        throw InvalidInput("cannot make " + folder.toStdString());
                    recorders[c.index] = std::make_unique<report::CaptureRecorder>(folder);
                    openedBy[c.index] = std::this_thread::get_id();
                    return recorders[c.index].get();
                },
                [&](const Cell& c) {
                    recorders[c.index]->prepare();
                    finishedBy[c.index] = std::this_thread::get_id();
                });
            QVERIFY(run.run());
            for (std::size_t c = 0; c < recorders.size(); ++c) {
                QVERIFY(recorders[c] != nullptr);
                QCOMPARE(finishedBy[c], openedBy[c]);
                recorders[c]->commit();
            }
            for (std::uint32_t c = 0; c < cellCount(s); ++c) {
                const QDir folder(root + QStringLiteral("/cell-%1").arg(c));
                const QStringList files = folder.entryList(QDir::Files, QDir::Name);
                QVERIFY(files.contains(QStringLiteral("Uu.pcap")));
                QVERIFY(files.contains(QStringLiteral("keys.log")));
                const QByteArray keys = fileBytes(folder.filePath(QStringLiteral("keys.log")));
                QVERIFY(keys.contains(" device=" + QByteArray::number(40 * c) + " "));
                QVERIFY(keys.contains(" device=" + QByteArray::number(40 * c + 39) + " "));
                QVERIFY(!keys.contains(" device=" + QByteArray::number(40 * ((c + 1) % 3)) + " "));
                for (const QString& f : files) {
                    const QString key = QStringLiteral("cell-%1/").arg(c) + f;
                    if (threads == 1)
                        first[key] = fileBytes(folder.filePath(f));
                    else
                        QVERIFY2(fileBytes(folder.filePath(f)) == first[key], qPrintable(key));
                }
            }
        }
        QVERIFY(first.size() >= 3 * 8);
    }

    void csvNamesEachEventsCell()
    {
        Scenario s = *presetScenario("defence-in-depth");
        s.devices = 300;
        s.devicesPerCell = 100;
        s.durationS = 20;
        s.changes = {{8.0, s.protection}};
        CellRun run(s, 2);
        run.setKeepEvents(true);
        QVERIFY(run.run());
        const QByteArray csv = report::eventCsv(run);
        const QList<QByteArray> rows = csv.split('\n');
        QCOMPARE(rows.front(),
                 QByteArray("time_s,kind,place,device,attack,detail,value,pdu,description,cell\r"));
        std::array<std::uint64_t, 3> changes{};
        std::uint64_t events = 0;
        for (qsizetype i = 1; i < rows.size(); ++i) {
            if (rows[i].isEmpty())
                continue;
            ++events;
            const QByteArray row = rows[i].chopped(1); // CR
            const int cell = row.mid(row.lastIndexOf(',') + 1).toInt();
            QVERIFY(cell >= 0 && cell < 3);
            const QList<QByteArray> fields = row.split(',');
            if (!fields[3].isEmpty())
                QCOMPARE(fields[3].toInt() / 100, cell);
            if (fields[1] == "protection-changed")
                ++changes[static_cast<std::size_t>(cell)];
        }
        QCOMPARE(events, run.summary().eventsTotal);
        QVERIFY((changes == std::array<std::uint64_t, 3>{1, 1, 1}));
        // The same rows as forEachEvent gives, each with its cell.
        std::uint64_t seen = 0;
        run.forEachEventWithCell([&](std::span<const LogEvent> e, std::span<const std::uint32_t> cells) {
            QCOMPARE(e.size(), cells.size());
            seen += e.size();
        });
        QCOMPARE(seen, events);

        s.devicesPerCell = 300; // one cell: the one-engine columns
        CellRun one(s, 2);
        one.setKeepEvents(true);
        QVERIFY(one.run());
        QVERIFY(report::eventCsv(one).startsWith(
            "time_s,kind,place,device,attack,detail,value,pdu,description\r\n"));
    }

    // From a CSV row to its frame: captures carry no PDU ids (the merged CSV's ids are unique across cells, a
    // cell's own are not), but each PDU put on a link is one pdu-sent row and one frame of that link's pcap,
    // in the same order. So the k-th pdu-sent row with cell N and place LINK is frame k of
    // DIR/cell-N/LINK.pcap, at the row's time_s; any other row naming a PDU has the pdu id of one pdu-sent
    // row, of the same cell.
    void csvRowsFindTheirFrames()
    {
        Scenario s = *presetScenario("defence-in-depth");
        s.devices = 90;
        s.devicesPerCell = 30;
        s.durationS = 10;
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        std::vector<std::unique_ptr<report::CaptureRecorder>> recorders(cellCount(s));
        CellRun run(s, 2);
        run.setKeepEvents(true);
        run.setCaptures(
            [&](const Cell& c) -> CaptureSink* {
                const QString folder = dir.filePath(QStringLiteral("cell-%1").arg(c.index));
                if (!QDir().mkpath(folder))
                    throw InvalidInput("cannot make " + folder.toStdString());
                recorders[c.index] = std::make_unique<report::CaptureRecorder>(folder);
                return recorders[c.index].get();
            },
            [&](const Cell& c) { recorders[c.index]->prepare(); });
        QVERIFY(run.run());
        for (const auto& r : recorders)
            r->commit();
        // pdu-sent rows by (cell, link) in CSV order: (time in microseconds, pdu id); every PDU id's cell.
        std::map<std::pair<int, QString>, std::vector<std::pair<std::int64_t, QByteArray>>> sent;
        std::map<QByteArray, int> cellOfPdu;
        std::vector<std::pair<QByteArray, int>> named; // (pdu id, cell) of the other rows naming a PDU
        const QList<QByteArray> rows = report::eventCsv(run).split('\n');
        for (qsizetype i = 1; i < rows.size(); ++i) {
            if (rows[i].isEmpty())
                continue;
            const QByteArray row = rows[i].chopped(1); // CR
            const QList<QByteArray> f = row.split(',');
            const int cell = row.mid(row.lastIndexOf(',') + 1).toInt();
            if (f[7].isEmpty())
                continue;
            if (f[1] != "pdu-sent") {
                named.emplace_back(f[7], cell);
                continue;
            }
            QVERIFY2(cellOfPdu.emplace(f[7], cell).second, f[7].constData()); // unique across cells
            sent[{cell, QString::fromLatin1(f[2])}].emplace_back(std::llround(f[0].toDouble() * 1e6), f[7]);
        }
        QVERIFY(named.size() > 100);
        for (const auto& [pdu, cell] : named) {
            const auto it = cellOfPdu.find(pdu);
            QVERIFY2(it != cellOfPdu.end(), pdu.constData());
            QCOMPARE(it->second, cell);
        }
        std::size_t frames = 0;
        for (const Cell& c : cellsOf(s)) {
            for (const Link link : kAllLinks) {
                const QString name = QString::fromStdString(std::string(mtcsec::name(link)));
                QString error;
                const std::vector<test::Frame> pcap = test::readPcapng(
                    dir.filePath(QStringLiteral("cell-%1/%2.pcap").arg(c.index).arg(name)), error);
                QVERIFY2(error.isEmpty(), qPrintable(error));
                const auto& rowsOfLink = sent[{static_cast<int>(c.index), name}];
                QCOMPARE(pcap.size(), rowsOfLink.size());
                for (std::size_t k = 0; k < pcap.size(); ++k)
                    QCOMPARE(pcap[k].timeMicros, rowsOfLink[k].first);
                frames += pcap.size();
            }
        }
        QCOMPARE(frames, cellOfPdu.size());
        QVERIFY(frames > 1000);
    }

    // Each attack example of a run of several cells names its cell: AttackExample::cell, the JSON report's
    // `cell` (only for several cells: a run of one cell's JSON is the engine's, byte for byte, as
    // oneCellIsThePlainEngine checks) and the HTML report's "device N in cell C".
    void examplesNameTheirCell()
    {
        Scenario s = *presetScenario("defence-in-depth");
        s.devices = 600;
        s.devicesPerCell = 200;
        s.durationS = 20;
        const Outcome merged = runCells(s, 2);
        const QJsonArray attacks = QJsonDocument::fromJson(merged.json).object().value("attacks").toArray();
        QCOMPARE(attacks.size(), qsizetype(s.attacks.size()));
        std::set<std::uint32_t> cellsNamed;
        std::size_t examples = 0;
        for (std::size_t i = 0; i < s.attacks.size(); ++i) {
            const std::vector<AttackExample>& kept = merged.summary.attacks[i].examples;
            const QJsonArray json = attacks[qsizetype(i)].toObject().value("examples").toArray();
            QCOMPARE(json.size(), qsizetype(kept.size()));
            for (std::size_t k = 0; k < kept.size(); ++k) {
                const AttackExample& e = kept[k];
                ++examples;
                QVERIFY(e.cell < 3);
                if (e.device != kNoDevice)
                    QCOMPARE(e.device / 200, e.cell); // cell c holds devices 200c to 200c + 199
                cellsNamed.insert(e.cell);
                const QJsonObject x = json[qsizetype(k)].toObject();
                QCOMPARE(x.value("cell").toInteger(-1), qint64{e.cell});
                QCOMPARE(x.value("device").toInteger(-1), qint64{e.device});
            }
        }
        QVERIFY(examples > 10);
        QVERIFY2(cellsNamed.size() > 1, "the earliest examples come from more than one cell");

        // One cell: no `cell` in any example.
        Scenario one = s;
        one.devicesPerCell = s.devices;
        const Outcome whole = runCells(one, 2);
        const QJsonArray oneAttacks = QJsonDocument::fromJson(whole.json).object().value("attacks").toArray();
        std::size_t oneExamples = 0;
        for (const QJsonValue& a : oneAttacks)
            for (const QJsonValue& x : a.toObject().value("examples").toArray()) {
                ++oneExamples;
                QVERIFY(!x.toObject().contains("cell"));
            }
        QVERIFY(oneExamples > 10);
    }
};

QTEST_GUILESS_MAIN(TestCells)
#include "tst_cells.moc"
