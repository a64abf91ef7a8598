// The command-line contract of PRODUCT.md sections 6-7 on the real binary: `mtcsec run` with its options and
// the mtcsec-report/1 JSON report, `mtcsec presets`, `mtcsec validate`, reproducible digests, and bad input
// refused with exit status 2, one line on stderr and no file written.
#include "tests/RunBinary.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <memory>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

using mtcsec::test::Run;
using mtcsec::test::runMtcsec;

namespace {

QJsonObject readJson(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

void writeFile(const QString& path, const QByteArray& content)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

QByteArray contentOf(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("(unreadable)");
}

mode_t lmode(const QString& path)
{
    struct stat st {};
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_mode : 0;
}

QStringList entries(const QString& dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                               QDir::Name);
}

// Runs mtcsec with resource limits set in the child: open files (RLIMIT_NOFILE) and the largest file it may
// write (RLIMIT_FSIZE, SIGXFSZ ignored so that a write past it fails with EFBIG, "File too large").
Run runLimited(const QStringList& args, rlim_t openFiles, rlim_t fileSize = 0)
{
    QProcess p;
    p.setChildProcessModifier([openFiles, fileSize] {
        if (openFiles != 0) {
            const rlimit limit{openFiles, openFiles};
            ::setrlimit(RLIMIT_NOFILE, &limit);
        }
        if (fileSize != 0) {
            std::signal(SIGXFSZ, SIG_IGN);
            const rlimit limit{fileSize, fileSize};
            ::setrlimit(RLIMIT_FSIZE, &limit);
        }
    });
    p.start(QStringLiteral(MTCSEC_BINARY), args);
    if (!p.waitForFinished(300000) || p.exitStatus() != QProcess::NormalExit)
        return {};
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

const QByteArray kOld = "the previous content\n";

} // namespace

class TestCliRun : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY(dir.isValid()); }
    void presetsListsEveryPreset();
    void reportFollowsTheContract();
    void csvHasOneRowPerEvent();
    void sameSeedSameDigest();
    void overridesAreApplied();
    void scenarioFileRuns();
    void devicesPerCellOverridesTheScenario();
    void summaryIsReadable();
    void documentsAndCaptures();
    void validate();
    void badInput_data();
    void badInput();
    void scenarioThatIsNotAFile_data();
    void nullIntegrityIsExplained();
    void countsAreSingularOrPlural();
    void attackStartsWithinTheRun();
    void writeFailureNamesTheStep();
    void scenarioThatIsNotAFile();
    void outputsCheckedBeforeTheRun_data();
    void outputsCheckedBeforeTheRun();
    void failedWriteLeavesNothing_data();
    void failedWriteLeavesNothing();
    void failedWriteOfCellsLeavesNothing();
    void fullDisk();
    void manyAttackersFewOpenFiles();
    void manyCellsFewOpenFiles();
    void olderCellFoldersAreNamed();
    void csvEscapesIds();
    void summaryPrintsTextLiterally();
    void interruptRemovesWhatItWrote();
    void summaryGivesVerdictsSinceTheChange();
    void guiWithoutDisplaySaysSo_data();
    void guiWithoutDisplaySaysSo();
    void blockedBySumsToBlocked();

private:
    QTemporaryDir dir;
};

void TestCliRun::presetsListsEveryPreset()
{
    const Run r = runMtcsec({QStringLiteral("presets")});
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = r.out.trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 16);
    const QStringList names = {"default",
                               "unprotected",
                               "3gpp-only",
                               "app-only",
                               "null-integrity-refused",
                               "defence-in-depth",
                               "backhaul-eavesdrop",
                               "malleable-ciphertext",
                               "bidding-down",
                               "mixed-snow3g",
                               "insider-pgw",
                               "replay-command",
                               "oscore-insider",
                               "oscore-replay",
                               "dtls-end-to-end",
                               "dtls-vs-oscore-wakeup"};
    for (int i = 0; i < names.size(); ++i) {
        QVERIFY2(lines[i].startsWith(names[i] + QLatin1Char(' ')), qPrintable(lines[i]));
        QVERIFY(lines[i].size() > names[i].size() + 20); // and a description
    }
}

void TestCliRun::reportFollowsTheContract()
{
    const QString path = dir.filePath(QStringLiteral("report.json"));
    const Run r = runMtcsec({QStringLiteral("run"), QStringLiteral("--preset"), QStringLiteral("unprotected"),
                             QStringLiteral("--report"), path, QStringLiteral("--quiet")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QString());
    const QJsonObject j = readJson(path);
    QCOMPARE(j.value(QStringLiteral("schema")).toString(), QStringLiteral("mtcsec-report/1"));
    const QJsonObject scenario = j.value(QStringLiteral("scenario")).toObject();
    QCOMPARE(scenario.value(QStringLiteral("name")).toString(), QStringLiteral("unprotected"));
    QCOMPARE(scenario.value(QStringLiteral("seed")).toInt(), 1);
    QCOMPARE(scenario.value(QStringLiteral("duration_s")).toDouble(), 60.0);
    QCOMPARE(scenario.value(QStringLiteral("devices")).toInt(), 10);
    // unprotected needs null integrity: its devices are declared non-compliant, and the report says so.
    QCOMPARE(scenario.value(QStringLiteral("ue")).toObject().value(QStringLiteral("accepts_null_integrity")),
             QJsonValue(true));
    const QJsonObject protection = j.value(QStringLiteral("protection")).toObject();
    for (const char* key : {"nas", "as", "nds", "app"})
        QVERIFY2(protection.contains(QLatin1String(key)), key);
    const QJsonArray attacks = j.value(QStringLiteral("attacks")).toArray();
    QCOMPARE(attacks.size(), 3);
    for (const QJsonValue& v : attacks) {
        const QJsonObject a = v.toObject();
        for (const char* key : {"id", "kind", "target", "attempts", "blocked", "succeeded", "examples"})
            QVERIFY2(a.contains(QLatin1String(key)), key);
        QVERIFY(a.value(QStringLiteral("attempts")).toInt() >=
                a.value(QStringLiteral("blocked")).toInt() + a.value(QStringLiteral("succeeded")).toInt());
        QVERIFY(a.value(QStringLiteral("examples")).isArray());
    }
    QCOMPARE(attacks[0].toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("eavesdrop"));
    QCOMPARE(attacks[0].toObject().value(QStringLiteral("target")).toString(), QStringLiteral("Uu"));
    const QJsonObject requirements = j.value(QStringLiteral("requirements")).toObject();
    const QStringList verdicts = {"met", "violated", "not-exercised"};
    for (const char* id : {"R1", "R2", "R3", "R4"}) {
        const QJsonObject req = requirements.value(QLatin1String(id)).toObject();
        QVERIFY2(verdicts.contains(req.value(QStringLiteral("verdict")).toString()), id);
        QVERIFY(!req.value(QStringLiteral("evidence")).toArray().isEmpty());
    }
    QCOMPARE(requirements.value(QStringLiteral("R3")).toObject().value(QStringLiteral("verdict")).toString(),
             QStringLiteral("violated"));
    const QJsonObject traffic = j.value(QStringLiteral("traffic")).toObject();
    for (const char* key :
         {"uplink_sent", "uplink_delivered", "uplink_altered_accepted", "downlink_sent", "downlink_delivered",
          "downlink_forged_accepted", "dropped_integrity", "dropped_replay", "attach_ok", "attach_failed"})
        QVERIFY2(traffic.value(QLatin1String(key)).isDouble(), key);
    QCOMPARE(traffic.value(QStringLiteral("attach_ok")).toInt(), 10);
    QVERIFY(traffic.value(QStringLiteral("uplink_altered_accepted")).toInt() > 0);
    QVERIFY(j.value(QStringLiteral("events_total")).toInt() > 100);
    QCOMPARE(j.value(QStringLiteral("digest")).toString().size(), 64);
}

void TestCliRun::csvHasOneRowPerEvent()
{
    const QString json = dir.filePath(QStringLiteral("c.json"));
    const QString csv = dir.filePath(QStringLiteral("c.csv"));
    const Run r = runMtcsec({QStringLiteral("run"), QStringLiteral("--preset"), QStringLiteral("3gpp-only"),
                             QStringLiteral("--report"), json, QStringLiteral("--report"), csv,
                             QStringLiteral("--quiet")});
    QCOMPARE(r.exitCode, 0);
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> rows = f.readAll().split('\n');
    QVERIFY(rows.first().startsWith("time_s,kind,place,device,attack"));
    const qsizetype dataRows = rows.size() - 2; // header, and the empty piece after the last newline
    QCOMPARE(dataRows, static_cast<qsizetype>(readJson(json).value(QStringLiteral("events_total")).toInt()));
}

void TestCliRun::sameSeedSameDigest()
{
    QStringList digests;
    for (const QString& seed : {QStringLiteral("7"), QStringLiteral("7"), QStringLiteral("8")}) {
        const QString path = dir.filePath(QStringLiteral("seed%1.json").arg(digests.size()));
        const Run r = runMtcsec({QStringLiteral("run"), QStringLiteral("--preset"),
                                 QStringLiteral("defence-in-depth"), QStringLiteral("--seed"), seed,
                                 QStringLiteral("--report"), path, QStringLiteral("--quiet")});
        QCOMPARE(r.exitCode, 0);
        digests << readJson(path).value(QStringLiteral("digest")).toString();
    }
    QCOMPARE(digests[0], digests[1]);
    QVERIFY(digests[0] != digests[2]);
}

void TestCliRun::overridesAreApplied()
{
    const QString path = dir.filePath(QStringLiteral("o.json"));
    const Run r = runMtcsec({QStringLiteral("run"), QStringLiteral("--preset"), QStringLiteral("default"),
                             QStringLiteral("--devices"), QStringLiteral("25"), QStringLiteral("--duration"),
                             QStringLiteral("15"), QStringLiteral("--seed"), QStringLiteral("42"),
                             QStringLiteral("--report"), path, QStringLiteral("--quiet")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject j = readJson(path);
    const QJsonObject s = j.value(QStringLiteral("scenario")).toObject();
    QCOMPARE(s.value(QStringLiteral("devices")).toInt(), 25);
    QCOMPARE(s.value(QStringLiteral("duration_s")).toDouble(), 15.0);
    QCOMPARE(s.value(QStringLiteral("seed")).toInt(), 42);
    QCOMPARE(j.value(QStringLiteral("traffic")).toObject().value(QStringLiteral("attach_ok")).toInt(), 25);
}

// --devices-per-cell sets devices_per_cell as a scenario file would, and overrides the file's: the same
// cells, summary line, JSON fields and digest.
void TestCliRun::devicesPerCellOverridesTheScenario()
{
    const QString file = dir.filePath(QStringLiteral("cells10.json"));
    writeFile(file, R"({"schema":"mtcsec-scenario/1","name":"cells","devices":25,"devices_per_cell":10,)"
                    R"("duration_s":8})");
    const QString fromFile = dir.filePath(QStringLiteral("cells-file.json"));
    const Run a = runMtcsec(
        {QStringLiteral("run"), QStringLiteral("--scenario"), file, QStringLiteral("--report"), fromFile});
    QCOMPARE(a.exitCode, 0);
    QVERIFY2(a.out.contains(QStringLiteral("Cells: 3 of at most 10 devices,")), qPrintable(a.out));

    // The same cells from the option over a file of one cell.
    const QString one = dir.filePath(QStringLiteral("cells-one.json"));
    writeFile(one, R"({"schema":"mtcsec-scenario/1","name":"cells","devices":25,"duration_s":8})");
    const QString fromOption = dir.filePath(QStringLiteral("cells-option.json"));
    const Run b = runMtcsec({QStringLiteral("run"), QStringLiteral("--scenario"), one,
                             QStringLiteral("--devices-per-cell"), QStringLiteral("10"),
                             QStringLiteral("--report"), fromOption});
    QCOMPARE(b.exitCode, 0);
    QCOMPARE(b.out.section(QStringLiteral("Digest: "), 1, 1).left(64),
             a.out.section(QStringLiteral("Digest: "), 1, 1).left(64));
    const QJsonObject s = readJson(fromOption).value(QStringLiteral("scenario")).toObject();
    QCOMPARE(s.value(QStringLiteral("cells")).toInt(), 3);
    QCOMPARE(s.value(QStringLiteral("devices_per_cell")).toInt(), 10);
    QCOMPARE(readJson(fromOption), readJson(fromFile));

    // And the option over the file's 10: one cell again, exactly the run of the one-cell file.
    const Run c = runMtcsec({QStringLiteral("run"), QStringLiteral("--scenario"), file,
                             QStringLiteral("--devices-per-cell"), QStringLiteral("25")});
    const Run d = runMtcsec({QStringLiteral("run"), QStringLiteral("--scenario"), one});
    QCOMPARE(c.exitCode, 0);
    QVERIFY2(!c.out.contains(QStringLiteral("Cells:")), qPrintable(c.out));
    QCOMPARE(c.out.section(QStringLiteral("Digest: "), 1, 1),
             d.out.section(QStringLiteral("Digest: "), 1, 1));
}

void TestCliRun::scenarioFileRuns()
{
    const QString scenario = dir.filePath(QStringLiteral("mine.json"));
    writeFile(scenario, R"({"schema": "mtcsec-scenario/1", "name": "mine", "devices": 3, "duration_s": 20,
        "protection": {"app": "integrity"}, "ue": {"accepts_null_integrity": true},
        "attacks": [{"kind": "tamper", "target": "SGi", "messages": "data"}]})");
    const QString path = dir.filePath(QStringLiteral("mine-report.json"));
    const Run r = runMtcsec({QStringLiteral("run"), QStringLiteral("--scenario"), scenario,
                             QStringLiteral("--report"), path, QStringLiteral("--quiet")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject j = readJson(path);
    QCOMPARE(j.value(QStringLiteral("scenario")).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("mine"));
    const QJsonObject r4 =
        j.value(QStringLiteral("requirements")).toObject().value(QStringLiteral("R4")).toObject();
    QCOMPARE(r4.value(QStringLiteral("verdict")).toString(), QStringLiteral("met"));
    const QJsonObject a1 = j.value(QStringLiteral("attacks")).toArray().at(0).toObject();
    QVERIFY(a1.value(QStringLiteral("attempts")).toInt() > 0);
    QCOMPARE(a1.value(QStringLiteral("succeeded")).toInt(), 0);
}

void TestCliRun::summaryIsReadable()
{
    const Run r =
        runMtcsec({QStringLiteral("run"), QStringLiteral("--preset"), QStringLiteral("bidding-down")});
    QCOMPARE(r.exitCode, 0);
    for (const char* text : {"Scenario bidding-down", "Protection: NAS 128-EIA2+128-EEA2",
                             "Attach:", "Readings (uplink): ", "Commands (downlink): ", "a1 downgrade on Uu",
                             "R1 met", "Digest: "})
        QVERIFY2(r.out.contains(QLatin1String(text)), text);
    QCOMPARE(r.err, QString());
    // Standard devices go unmentioned; declared non-compliant ones get a line with the clauses they break.
    const QString devices = QStringLiteral("Devices: non-compliant: accept null integrity (EIA0), against "
                                           "TS 24.301 5.4.3.3 / TS 33.401 5.1.4.1\n");
    QVERIFY(!r.out.contains(QStringLiteral("Devices:")));
    const Run u =
        runMtcsec({QStringLiteral("run"), QStringLiteral("--preset"), QStringLiteral("unprotected")});
    QCOMPARE(u.exitCode, 0);
    QVERIFY2(u.out.contains(devices), qPrintable(u.out));
}

void TestCliRun::documentsAndCaptures()
{
    // One run writes every report format and the captures; the headless binary draws the HTML and PDF
    // offscreen.
    const QString html = dir.filePath(QStringLiteral("r.html"));
    const QString pdf = dir.filePath(QStringLiteral("r.pdf"));
    const QString captures = dir.filePath(QStringLiteral("captures"));
    QVERIFY(QDir().mkpath(captures));
    const Run r = runMtcsec({QStringLiteral("run"), QStringLiteral("--preset"), QStringLiteral("3gpp-only"),
                             QStringLiteral("--report"), html, QStringLiteral("--report"), pdf,
                             QStringLiteral("--pcap"), captures});
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral("Report written: ") + pdf));
    QFile h(html);
    QVERIFY(h.open(QIODevice::ReadOnly));
    const QByteArray page = h.readAll();
    QVERIFY(page.contains("data:image/png;base64,"));
    QVERIFY(page.contains("R3"));
    QFile p(pdf);
    QVERIFY(p.open(QIODevice::ReadOnly));
    QVERIFY(p.read(5) == "%PDF-");
    for (const char* name : {"Uu.pcap", "S1-MME.pcap", "S1-U.pcap", "S6a.pcap", "S5.pcap", "SGi.pcap",
                             "attack-a1.pcap", "attack-a2.pcap", "keys.log"})
        QVERIFY2(QFile::exists(captures + QLatin1Char('/') + QLatin1String(name)), name);
}

void TestCliRun::validate()
{
    const QString good = dir.filePath(QStringLiteral("good.json"));
    writeFile(good, R"({"schema": "mtcsec-scenario/1", "devices": 4})");
    Run r = runMtcsec({QStringLiteral("validate"), good});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith(good + QStringLiteral(": valid")));

    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    writeFile(bad, R"({"schema": "mtcsec-scenario/1", "attacks": [{"kind": "tamper", "target": "X2"}]})");
    r = runMtcsec({QStringLiteral("validate"), bad});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith(bad + QStringLiteral(": attacks[0].target: ")), qPrintable(r.err));
    QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
}

void TestCliRun::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("mustNotExist");
    const QString out = dir.filePath(QStringLiteral("never.json"));
    const QString run = QStringLiteral("run");
    QTest::newRow("unknown preset") << QStringList{run, "--preset", "nope", "--report", out}
                                    << "unknown preset 'nope'" << out;
    QTest::newRow("preset and scenario")
        << QStringList{run, "--preset", "default", "--scenario", "x.json"} << "not both" << QString();
    QTest::newRow("missing scenario file")
        << QStringList{run, "--scenario", dir.filePath("missing.json"), "--report", out}
        << "missing.json: cannot read" << out;
    QTest::newRow("zero devices") << QStringList{run, "--devices", "0"}
                                  << "--devices: must be a whole number from 1 to 1000000, got '0'"
                                  << QString();
    QTest::newRow("too many devices")
        << QStringList{run, "--devices", "2000000"}
        << "--devices: must be a whole number from 1 to 1000000, got '2000000'" << QString();
    QTest::newRow("fewer devices than the groups hold")
        << QStringList{run, "--preset", "mixed-snow3g", "--devices", "3"}
        << "--devices: the scenario's device_groups hold 4 devices, more than 3" << QString();
    QTest::newRow("zero devices per cell")
        << QStringList{run, "--devices-per-cell", "0", "--report", out}
        << "--devices-per-cell: must be a whole number from 1 to 1000000, got '0'" << out;
    QTest::newRow("devices per cell in words")
        << QStringList{run, "--devices-per-cell", "many"}
        << "--devices-per-cell: must be a whole number from 1 to 1000000, got 'many'" << QString();
    QTest::newRow("bad duration") << QStringList{run, "--duration", "soon"} << "--duration: must be a number"
                                  << QString();
    QTest::newRow("negative duration")
        << QStringList{run, "--duration", "-5"} << "--duration: must be a number" << QString();
    QTest::newRow("bad seed") << QStringList{run, "--seed", "x1"}
                              << "--seed: must be a whole number from 0 to 18446744073709551615, got 'x1'"
                              << QString();
    const QString empty = dir.filePath(QStringLiteral("empty.json"));
    writeFile(empty, "\n");
    QTest::newRow("empty scenario file")
        << QStringList{run, "--scenario", empty} << "empty.json: the file is empty" << QString();
    QTest::newRow("empty report name")
        << QStringList{run, "--report", ""} << "--report: the file name is empty" << QString();
    QTest::newRow("empty pcap name") << QStringList{run, "--pcap", ""} << "--pcap: the folder name is empty"
                                     << QString();
    QTest::newRow("report names a folder")
        << QStringList{run, "--report", dir.path() + "/"}
        << dir.path() + "/: names a folder, not a file (a report is a file, for example " + dir.path() +
               "/report.json)"
        << QString();
    QTest::newRow("report names a folder without a slash")
        << QStringList{run, "--report", dir.path()} << ": names a folder, not a file" << QString();
    QTest::newRow("extension only") << QStringList{run, "--report", dir.filePath(".json")}
                                    << "no file name before the extension" << dir.filePath(".json");
    const QString html = dir.filePath(QStringLiteral("r.docx"));
    QTest::newRow("unknown report format")
        << QStringList{run, "--report", html} << "unsupported report format '.docx'" << html;
    const QString nowhere = dir.filePath(QStringLiteral("no/such/dir/r.json"));
    QTest::newRow("unwritable report") << QStringList{run, "--report", nowhere} << "cannot write" << nowhere;
    QTest::newRow("pcap folder missing")
        << QStringList{run, "--pcap", dir.filePath("no/such/folder")} << "no/such/folder" << QString();
    QTest::newRow("unknown option") << QStringList{run, "--colour"}
                                    << "unknown option --colour (mtcsec run --help lists the options)"
                                    << QString();
    QTest::newRow("stray argument") << QStringList{run, "extra"} << "unexpected argument 'extra'"
                                    << QString();
    QTest::newRow("validate without file") << QStringList{"validate"} << "which file?" << QString();
}

void TestCliRun::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    QFETCH(QString, mustNotExist);
    const Run r = runMtcsec(args);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.out, QString());
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
    if (!mustNotExist.isEmpty())
        QVERIFY(!QFile::exists(mustNotExist));
}

void TestCliRun::scenarioThatIsNotAFile_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString fifo = dir.filePath(QStringLiteral("in-fifo.json"));
    const QString folder = dir.filePath(QStringLiteral("in-folder.json"));
    const QString dangling = dir.filePath(QStringLiteral("in-dangling.json"));
    QTest::newRow("validate a FIFO") << QStringList{"validate", fifo}
                                     << fifo + ": cannot read: it is a FIFO, not a regular file\n";
    QTest::newRow("run a FIFO") << QStringList{"run", "--scenario", fifo}
                                << "mtcsec run: " + fifo +
                                       ": cannot read: it is a FIFO, not a regular file\n";
    QTest::newRow("validate a folder")
        << QStringList{"validate", folder} << folder + ": cannot read: it is a folder, not a regular file\n";
    QTest::newRow("run a dangling link")
        << QStringList{"run", "--scenario", dangling}
        << "mtcsec run: " + dangling + ": cannot read: No such file or directory\n";
    QTest::newRow("validate a device")
        << QStringList{"validate", "/dev/null"}
        << "/dev/null: cannot read: it is a character device, not a regular file\n";
}

void TestCliRun::scenarioThatIsNotAFile()
{
    // Opened without blocking: a FIFO with no writer is refused at once (before, the command hung in open(2)
    // and only SIGKILL ended it).
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const QString fifo = dir.filePath(QStringLiteral("in-fifo.json"));
    if (lmode(fifo) == 0)
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0644) == 0);
    const QString folder = dir.filePath(QStringLiteral("in-folder.json"));
    if (lmode(folder) == 0)
        QVERIFY(QDir().mkdir(folder));
    const QString dangling = dir.filePath(QStringLiteral("in-dangling.json"));
    if (lmode(dangling) == 0)
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("nowhere.json")), dangling));
    const Run r = runMtcsec(args, 20000);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.out, QString());
    QCOMPARE(r.err, message);
}

void TestCliRun::nullIntegrityIsExplained()
{
    // A minimal scenario has null integrity (EIA0) and standard devices: validate warns (still valid, exit 0)
    // and the run's attach line says why the attaches failed.
    const QString min = dir.filePath(QStringLiteral("min.json"));
    writeFile(min, R"({"schema":"mtcsec-scenario/1"})");
    Run r = runMtcsec({QStringLiteral("validate"), min});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.err, QString());
    const QString warning =
        min +
        QStringLiteral(": warning: protection.nas.integrity is EIA0 (null integrity): the 10 standard "
                       "devices refuse a Security Mode Command that selects it (TS 24.301 5.4.3.3, TS 33.401 "
                       "5.1.4.1), so none of them attaches; set protection.nas.integrity to EIA1, EIA2 or "
                       "EIA3, or declare devices that accept null integrity, as the default preset does: "
                       "\"ue\": {\"accepts_null_integrity\": true}\n");
    QCOMPARE(r.out,
             min +
                 QStringLiteral(": valid scenario 'untitled': 10 devices, 60 s, 0 attacks, 0 protection "
                                "changes\n") +
                 warning);
    r = runMtcsec({QStringLiteral("run"), QStringLiteral("--scenario"), min, QStringLiteral("--duration"),
                   QStringLiteral("20")});
    QCOMPARE(r.exitCode, 0);
    const QString attach = r.out.section(QStringLiteral("Attach: "), 1, 1).section(QLatin1Char('\n'), 0, 0);
    QVERIFY2(
        attach.startsWith(QStringLiteral("0 ok, 20 failed (20 refused the Security Mode Command: it "
                                         "selected EIA0, null integrity, which standard devices refuse")),
        qPrintable(attach));
    QVERIFY2(attach.contains(QStringLiteral("\"accepts_null_integrity\": true")), qPrintable(attach));

    // Only NAS integrity on: the eNB's RRC EIA0 is refused, and the warning names that field.
    const QString rrc = dir.filePath(QStringLiteral("rrc-null.json"));
    writeFile(rrc, R"({"schema":"mtcsec-scenario/1","devices":1,"protection":{"nas":{"integrity":"EIA2"}}})");
    r = runMtcsec({QStringLiteral("validate"), rrc});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(
        r.out.contains(QStringLiteral(": warning: protection.as.rrc_integrity is EIA0 (null integrity): the "
                                      "standard device refuses a Security Mode Command that selects it (TS "
                                      "36.331 5.3.4.3, TS 33.401 5.1.4.1), so it does not attach;")),
        qPrintable(r.out));
    // The run's attach line names that field only, not the NAS one that is already on.
    r = runMtcsec({QStringLiteral("run"), QStringLiteral("--scenario"), rrc, QStringLiteral("--duration"),
                   QStringLiteral("5")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(
        r.out.contains(QStringLiteral("TS 36.331 5.3.4.3, TS 33.401 5.1.4.1; set protection.as.rrc_integrity "
                                      "to EIA1, EIA2 or EIA3, or declare")),
        qPrintable(r.out));

    // Integrity switched on later: the warning says until when; devices declared to accept EIA0, or
    // integrity on, get no warning, and a run without refusals keeps its attach line as it was.
    const QString later = dir.filePath(QStringLiteral("later.json"));
    writeFile(later, R"({"schema":"mtcsec-scenario/1","changes":[{"at_s":30,"protection":)"
                     R"({"nas":{"integrity":"EIA2"},"as":{"rrc_integrity":"EIA2"}}}]})");
    r = runMtcsec({QStringLiteral("validate"), later});
    QVERIFY2(r.out.contains(QStringLiteral("so none of them attaches before the protection change at 30 s;")),
             qPrintable(r.out));
    const QString accepting = dir.filePath(QStringLiteral("accepting.json"));
    writeFile(accepting, R"({"schema":"mtcsec-scenario/1","ue":{"accepts_null_integrity":true}})");
    r = runMtcsec({QStringLiteral("validate"), accepting});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(!r.out.contains(QStringLiteral("warning")), qPrintable(r.out));
    r = runMtcsec({QStringLiteral("run"), QStringLiteral("--preset"), QStringLiteral("default")});
    QVERIFY2(r.out.contains(QStringLiteral("\nAttach: 10 ok, 0 failed\n")), qPrintable(r.out));
}

void TestCliRun::countsAreSingularOrPlural()
{
    const QString one = dir.filePath(QStringLiteral("one.json"));
    writeFile(one, R"({"schema":"mtcsec-scenario/1","name":"one","devices":1,"duration_s":20,)"
                   R"("ue":{"accepts_null_integrity":true},"attacks":[{"kind":"tamper","target":"Uu"}],)"
                   R"("changes":[{"at_s":10,"protection":{}}]})");
    Run r = runMtcsec({QStringLiteral("validate"), one});
    QCOMPARE(r.out,
             one + QStringLiteral(": valid scenario 'one': 1 device, 20 s, 1 attack, 1 protection change\n"));
    r = runMtcsec({QStringLiteral("run"), QStringLiteral("--scenario"), one});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith(QStringLiteral("Scenario one: 1 device, seed 1,")), qPrintable(r.out));
    QVERIFY2(
        r.out.contains(QStringLiteral("\nAccepted in addition to what the peer sent: 0 replayed copies, 0 "
                                      "forgeries\n")),
        qPrintable(r.out));
    QVERIFY2(!r.out.contains(QStringLiteral("never sent")), qPrintable(r.out));
    const QRegularExpression oneAttempt(QStringLiteral("a1 tamper on Uu: (\\d+) attempts? = "));
    const QRegularExpressionMatch m = oneAttempt.match(r.out);
    QVERIFY2(m.hasMatch(), qPrintable(r.out));
    QCOMPARE(r.out.contains(QStringLiteral(": 1 attempt = ")), m.captured(1) == QLatin1String("1"));
    QVERIFY2(!r.out.contains(QStringLiteral(" 1 attempts")) &&
                 !r.out.contains(QStringLiteral(" 1 genuine messages")),
             qPrintable(r.out));
    // One device under replay-command for 20 s accepts exactly one replayed copy: singular.
    r = runMtcsec({QStringLiteral("run"), QStringLiteral("--preset"), QStringLiteral("replay-command"),
                   QStringLiteral("--devices"), QStringLiteral("1"), QStringLiteral("--duration"),
                   QStringLiteral("20")});
    QVERIFY2(r.out.contains(QStringLiteral("\nAccepted in addition to what the peer sent: 1 replayed copy, 0 "
                                           "forgeries\n")),
             qPrintable(r.out));
}

void TestCliRun::attackStartsWithinTheRun()
{
    // A scenario file's attacker starts within the run, as its protection changes do.
    const QString late = dir.filePath(QStringLiteral("late.json"));
    writeFile(late, R"({"schema":"mtcsec-scenario/1","duration_s":10,"attacks":[{"kind":"tamper",)"
                    R"("target":"Uu","start_s":50}]})");
    Run r = runMtcsec({QStringLiteral("validate"), late});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err,
             late + QStringLiteral(": attacks[0].start_s: must be at least 0 and below duration_s (10) "
                                   "seconds, got 50\n"));
    // A shorter --duration runs a preset whatever its start times: what would start at or after the end is
    // left out, changes and attackers alike, and the summary says so.
    r = runMtcsec({QStringLiteral("run"), QStringLiteral("--preset"),
                   QStringLiteral("null-integrity-refused"), QStringLiteral("--duration"),
                   QStringLiteral("4")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(
        r.out.endsWith(QStringLiteral("Left out (the run ends at 4 s, --duration): attack a2 (start_s 5), "
                                      "protection change at 30 s\n")),
        qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("  a1 eavesdrop on Uu")) &&
                 !r.out.contains(QStringLiteral("  a2 ")),
             qPrintable(r.out));
    r = runMtcsec({QStringLiteral("run"), QStringLiteral("--preset"),
                   QStringLiteral("null-integrity-refused"), QStringLiteral("--duration"),
                   QStringLiteral("20")});
    QVERIFY2(
        r.out.endsWith(QStringLiteral("Left out (the run ends at 20 s, --duration): protection change at 30 "
                                      "s\n")),
        qPrintable(r.out));
    r = runMtcsec(
        {QStringLiteral("run"), QStringLiteral("--preset"), QStringLiteral("null-integrity-refused")});
    QVERIFY2(!r.out.contains(QStringLiteral("Left out")), qPrintable(r.out));
}

void TestCliRun::writeFailureNamesTheStep()
{
    // /proc passes the checks for root (writable) but refuses new files with ENOENT: the message names the
    // step that failed, not a missing folder.
    if (::geteuid() != 0)
        QSKIP("only root passes the writability check of /proc");
    Run r = runMtcsec({QStringLiteral("run"), QStringLiteral("--duration"), QStringLiteral("1"),
                       QStringLiteral("--report"), QStringLiteral("/proc/version.json")});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err,
             QStringLiteral("mtcsec run: /proc/version.json: cannot write: cannot create a file in /proc: No "
                            "such file or directory\n"));
    r = runMtcsec({QStringLiteral("run"), QStringLiteral("--duration"), QStringLiteral("1"),
                   QStringLiteral("--pcap"), QStringLiteral("/proc/cap")});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err,
             QStringLiteral("mtcsec run: /proc/cap: cannot write: cannot create the folder: No such file or "
                            "directory\n"));
}

void TestCliRun::outputsCheckedBeforeTheRun_data()
{
    // Each bad output is found before the run starts (a day-long run would not end within the test's time
    // limit), exits 2 with one line, and leaves no capture folder and every special file as it was.
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("report in a missing folder, with --pcap")
        << "missing"
        << "/nonexistent-mtcsec/r.json: cannot write: the folder /nonexistent-mtcsec does not exist";
    QTest::newRow("report is a FIFO") << "fifo"
                                      << "r.json: cannot write: is a FIFO";
    QTest::newRow("report is a link to /dev/null") << "devnull"
                                                   << "r.json: cannot write: is a symbolic link";
    QTest::newRow("report is a link to a file") << "link"
                                                << "r.json: cannot write: is a symbolic link";
    QTest::newRow("report is a folder") << "folder"
                                        << "r.json: cannot write: is a folder";
    QTest::newRow("same report twice") << "twice"
                                       << "./r.json: named by two --report options (also as r.json)";
    QTest::newRow("pcap folder is a link") << "pcaplink"
                                           << "cap: cannot write: the folder is a symbolic link";
    QTest::newRow("pcap folder is a file") << "pcapfile"
                                           << "cap: cannot write: it is a file, not a folder";
    QTest::newRow("a pcap is a FIFO") << "pcapfifo"
                                      << "cap/Uu.pcap: cannot write: is a FIFO";
    QTest::newRow("an attacker's pcap is a link") << "attacklink"
                                                  << "cap/attack-a1.pcap: cannot write: is a symbolic link";
}

void TestCliRun::outputsCheckedBeforeTheRun()
{
    QFETCH(QString, kind);
    QFETCH(QString, message);
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString home = QDir::currentPath();
    QVERIFY(QDir::setCurrent(tmp.path()));
    const auto restore = qScopeGuard([&home] { QDir::setCurrent(home); });
    const QString report = QStringLiteral("r.json");
    const QString other = QStringLiteral("other.json");
    {
        QFile f(other);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kOld);
    }
    QStringList args{"run", "--preset", "defence-in-depth", "--duration", "86400", "--pcap", "cap"};
    if (kind == QLatin1String("missing"))
        args << "--report"
             << "/nonexistent-mtcsec/r.json";
    else
        args << "--report" << report;
    if (kind == QLatin1String("fifo"))
        QVERIFY(::mkfifo("r.json", 0644) == 0);
    else if (kind == QLatin1String("devnull"))
        QVERIFY(QFile::link(QStringLiteral("/dev/null"), report));
    else if (kind == QLatin1String("link"))
        QVERIFY(QFile::link(other, report));
    else if (kind == QLatin1String("folder"))
        QVERIFY(QDir().mkdir(report));
    else if (kind == QLatin1String("twice"))
        args << "--report" << QStringLiteral("./r.json");
    else if (kind == QLatin1String("pcaplink"))
        QVERIFY(QDir().mkdir(QStringLiteral("real")) &&
                QFile::link(QStringLiteral("real"), QStringLiteral("cap")));
    else if (kind == QLatin1String("pcapfile"))
        QVERIFY(QFile::copy(other, QStringLiteral("cap")));
    else if (kind == QLatin1String("pcapfifo"))
        QVERIFY(QDir().mkdir(QStringLiteral("cap")) && ::mkfifo("cap/Uu.pcap", 0644) == 0);
    else if (kind == QLatin1String("attacklink"))
        QVERIFY(QDir().mkdir(QStringLiteral("cap")) &&
                QFile::link(QStringLiteral("/dev/null"), QStringLiteral("cap/attack-a1.pcap")));
    const QStringList before = entries(tmp.path());
    const mode_t reportMode = lmode(report);
    const Run r = runMtcsec(args);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.out, QString());
    QVERIFY2(r.err.startsWith(QStringLiteral("mtcsec run: ") + message), qPrintable(r.err));
    QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
    QCOMPARE(entries(tmp.path()), before); // no capture folder made, nothing replaced
    QCOMPARE(lmode(report), reportMode);
    QCOMPARE(contentOf(other), kOld);
    QVERIFY(S_ISCHR(lmode(QStringLiteral("/dev/null"))));
    if (QFileInfo(QStringLiteral("cap")).isDir() && !QFileInfo(QStringLiteral("cap")).isSymLink())
        QVERIFY(entries(QStringLiteral("cap")).size() == 1);
}

void TestCliRun::failedWriteLeavesNothing_data()
{
    QTest::addColumn<QStringList>("reports");
    QTest::addColumn<bool>("pcap");
    QTest::newRow("PDF too large, with captures") << QStringList{"r.json", "big.pdf", "old.json"} << true;
    QTest::newRow("PDF too large after a JSON report")
        << QStringList{"r.json", "old.json", "big.pdf"} << false;
}

void TestCliRun::failedWriteLeavesNothing()
{
    // A write that fails after the run (here: past RLIMIT_FSIZE, "File too large", which stops root as well):
    // exit 2 with one line naming the file and the reason; the reports and captures this command wrote are
    // gone, the capture folder it made too, and a file there before keeps its previous content.
    QFETCH(QStringList, reports);
    QFETCH(bool, pcap);
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString old = tmp.filePath(QStringLiteral("old.json"));
    writeFile(old, kOld);
    QStringList args{"run", "--preset", "defence-in-depth"};
    for (const QString& r : reports)
        args << "--report" << tmp.filePath(r);
    if (pcap)
        args << "--pcap" << tmp.filePath(QStringLiteral("cap"));
    const Run r = runLimited(args, 0, 100 * 1024);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err, QStringLiteral("mtcsec run: ") + tmp.filePath(QStringLiteral("big.pdf")) +
                        QStringLiteral(": cannot write: File too large\n"));
    QCOMPARE(entries(tmp.path()), QStringList{QStringLiteral("old.json")});
    QCOMPARE(contentOf(old), kOld);
}

// The same for a run of several cells: its capture folders DIR/cell-N (each written out when its cell ends)
// go with everything else.
void TestCliRun::failedWriteOfCellsLeavesNothing()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString old = tmp.filePath(QStringLiteral("old.json"));
    writeFile(old, kOld);
    const QStringList args{"run",
                           "--preset",
                           "defence-in-depth",
                           "--devices",
                           "300",
                           "--devices-per-cell",
                           "100",
                           "--report",
                           tmp.filePath(QStringLiteral("r.json")),
                           "--report",
                           old,
                           "--pcap",
                           tmp.filePath(QStringLiteral("cap"))};
    // No CSV, HTML or PDF report: the cells keep no events, and the captures are what outgrows the limit.
    const Run r = runLimited(args, 0, 100 * 1024);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith(QStringLiteral("mtcsec run: ") + tmp.filePath(QStringLiteral("cap/cell-"))),
             qPrintable(r.err));
    QVERIFY2(r.err.endsWith(QStringLiteral(": cannot write: File too large\n")), qPrintable(r.err));
    QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
    QCOMPARE(entries(tmp.path()), QStringList{QStringLiteral("old.json")});
    QCOMPARE(contentOf(old), kOld);
}

void TestCliRun::fullDisk()
{
    // As root: a 64 KiB tmpfs, full before the PDF (about 500 KB) is written.
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString small = tmp.filePath(QStringLiteral("small"));
    QVERIFY(QDir().mkdir(small));
    if (::geteuid() != 0 ||
        ::mount("tmpfs", QFile::encodeName(small).constData(), "tmpfs", 0, "size=64k") != 0)
        QSKIP("mounting a small tmpfs needs root (failedWriteLeavesNothing covers a failed write without)");
    const auto unmount = qScopeGuard([&] { ::umount2(QFile::encodeName(small).constData(), MNT_DETACH); });
    const QString old = small + QStringLiteral("/r.pdf");
    {
        QFile f(old);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kOld);
    }
    const Run r = runMtcsec(
        {"run", "--preset", "defence-in-depth", "--report", old, "--pcap", small + QStringLiteral("/cap")});
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err, QStringLiteral("mtcsec run: ") + old +
                        QStringLiteral(": cannot write: No space left on device\n"));
    QCOMPARE(entries(small), QStringList{QStringLiteral("r.pdf")});
    QCOMPARE(contentOf(old), kOld);
}

void TestCliRun::manyCellsFewOpenFiles()
{
    // 300 cells of one device with --pcap under a limit of 64 open files: a finished cell holds no descriptor
    // until the commit, so every cell's folder is written (it failed with "Too many open files" at cell 29).
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString cap = tmp.filePath(QStringLiteral("cap"));
    const Run r = runLimited({"run", "--devices", "300", "--devices-per-cell", "1", "--duration", "1",
                              "--pcap", cap, "--quiet", "--threads", "2"},
                             64);
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(entries(cap).size(), 300);
    for (const char* cell : {"cell-0", "cell-150", "cell-299"})
        QVERIFY2(QFileInfo(cap + QLatin1Char('/') + QLatin1String(cell) + QStringLiteral("/Uu.pcap")).size() >
                     24,
                 cell);
}

void TestCliRun::olderCellFoldersAreNamed()
{
    // A run of fewer cells into the same folder leaves the earlier run's extra cell-N folders (user data is
    // never removed) and says which remain: in the summary, or under --quiet as a warning on stderr.
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString cap = tmp.filePath(QStringLiteral("X"));
    const auto run = [&](const char* devices, const char* perCell = "1", bool quiet = false) {
        QStringList args{QStringLiteral("run"),
                         QStringLiteral("--devices"),
                         QLatin1String(devices),
                         QStringLiteral("--devices-per-cell"),
                         QLatin1String(perCell),
                         QStringLiteral("--duration"),
                         QStringLiteral("1"),
                         QStringLiteral("--pcap"),
                         cap};
        if (quiet)
            args << QStringLiteral("--quiet");
        return runMtcsec(args);
    };
    // --quiet with nothing to warn about: nothing at all.
    const Run seven = run("7", "1", true);
    QCOMPARE(seven.exitCode, 0);
    QCOMPARE(seven.out, QString());
    QCOMPARE(seven.err, QString());
    const Run three = run("3");
    QCOMPARE(three.exitCode, 0);
    QVERIFY2(
        three.out.contains(QStringLiteral("(%1/cell-0 to cell-2, one folder per cell); older cell folders "
                                          "remain: cell-3 to cell-6 (not from this run)\n")
                               .arg(cap)),
        qPrintable(three.out));
    QCOMPARE(three.err, QString());
    QCOMPARE(entries(cap).size(), 7);
    // --quiet suppresses the summary, not the warning: it goes to stderr, and the run still succeeds.
    const Run quietThree = run("3", "1", true);
    QCOMPARE(quietThree.exitCode, 0);
    QCOMPARE(quietThree.out, QString());
    QCOMPARE(
        quietThree.err,
        QStringLiteral("mtcsec run: warning: %1: older cell folders remain: cell-3 to cell-6 (not from this "
                       "run)\n")
            .arg(cap));
    // A run of one cell into the folder: every cell-N folder there is older.
    const Run quietOne = run("3", "3", true);
    QCOMPARE(quietOne.exitCode, 0);
    QCOMPARE(quietOne.out, QString());
    QCOMPARE(
        quietOne.err,
        QStringLiteral("mtcsec run: warning: %1: older cell folders remain: cell-0 to cell-6 (not from this "
                       "run)\n")
            .arg(cap));
    QCOMPARE(entries(cap).size(), 7 + 8); // and the one cell's six links, keys.log, the Wireshark profile

    // One older folder is said in the singular.
    const QString cap2 = tmp.filePath(QStringLiteral("Y"));
    const auto runInto = [&](const char* devices) {
        return runMtcsec({QStringLiteral("run"), QStringLiteral("--devices"), QLatin1String(devices),
                          QStringLiteral("--devices-per-cell"), QStringLiteral("1"),
                          QStringLiteral("--duration"), QStringLiteral("1"), QStringLiteral("--pcap"), cap2,
                          QStringLiteral("--quiet")});
    };
    QCOMPARE(runInto("4").exitCode, 0);
    const Run quietFewer = runInto("3");
    QCOMPARE(quietFewer.exitCode, 0);
    QCOMPARE(
        quietFewer.err,
        QStringLiteral("mtcsec run: warning: %1: an older cell folder remains: cell-3 (not from this run)\n")
            .arg(cap2));
}

void TestCliRun::manyAttackersFewOpenFiles()
{
    // 3,000 eavesdroppers with --pcap under a limit of 64 open files: every capture is written, and each
    // eavesdropper on Uu at rate 1 holds what Uu.pcap holds.
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    constexpr int kAttackers = 3000;
    QByteArray json = R"({"schema": "mtcsec-scenario/1", "name": "many", "devices": 3, "duration_s": 20,
        "attacks": [)";
    for (int i = 0; i < kAttackers; ++i)
        json += (i > 0 ? "," : "") + QByteArray(R"({"id": "e)") + QByteArray::number(i) +
                R"(", "kind": "eavesdrop", "target": "Uu"})";
    json += "]}";
    const QString scenario = tmp.filePath(QStringLiteral("many.json"));
    writeFile(scenario, json);
    const QString cap = tmp.filePath(QStringLiteral("cap"));
    const Run r = runLimited({"run", "--scenario", scenario, "--pcap", cap, "--quiet"}, 64);
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(entries(cap).size(), kAttackers + 8); // six links, keys.log, the Wireshark profile folder
    const QByteArray uu = contentOf(cap + QStringLiteral("/Uu.pcap"));
    QVERIFY(uu.size() > 1000);
    for (const char* id : {"e0", "e1", "e1500", "e2999"})
        QVERIFY2(contentOf(cap + QStringLiteral("/attack-%1.pcap").arg(QLatin1String(id))) == uu, id);
}

void TestCliRun::csvEscapesIds()
{
    // Scenario files refuse ids outside letters, digits, '-', '_' and '.' (tst_scenario_hostile), so a comma
    // or a formula cannot reach the CSV from a file; what can, an id starting with '-', is neutralised with a
    // leading apostrophe, and every field with a comma or quote is quoted (RFC 4180; the cell rules
    // themselves are in tst_filewrite).
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString scenario = tmp.filePath(QStringLiteral("csv.json"));
    writeFile(scenario, R"json({"schema": "mtcsec-scenario/1", "devices": 2, "duration_s": 10,
        "ue": {"accepts_null_integrity": true}, "attacks": [{"id": "-2.5", "kind": "eavesdrop", "target": "Uu"},
            {"id": "a1", "kind": "eavesdrop", "target": "SGi"}]})json");
    const QString csv = tmp.filePath(QStringLiteral("c.csv"));
    const Run r = runMtcsec({"run", "--scenario", scenario, "--report", csv, "--quiet"});
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    const QByteArray text = contentOf(csv);
    QVERIFY(text.contains(",'-2.5,"));
    QVERIFY(!text.contains(",-2.5,"));
    QVERIFY(text.contains(",a1,"));
    // Every row has the header's nine fields when read as RFC 4180 says.
    int fields = 1;
    bool quoted = false;
    int rows = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"')
            quoted = !quoted;
        else if (c == ',' && !quoted)
            ++fields;
        else if (c == '\n' && !quoted) {
            QCOMPARE(fields, 9);
            fields = 1;
            ++rows;
        }
    }
    QVERIFY(rows > 10);
}

void TestCliRun::summaryPrintsTextLiterally()
{
    // Placeholders in a name or an id print as they are; a control character shows as \xNN and does not cut
    // the summary short (a NUL, when the scenario reader lets it through).
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString scenario = tmp.filePath(QStringLiteral("evil.json"));
    writeFile(scenario,
              R"({"schema": "mtcsec-scenario/1", "name": "evil %1 %9", "devices": 2, "duration_s": 5,
        "attacks": [{"id": "a.2_3", "kind": "eavesdrop", "target": "Uu"}]})");
    Run r = runMtcsec({"run", "--scenario", scenario});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith(QStringLiteral("Scenario evil %1 %9: 2 devices, seed ")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("\n  a.2_3 eavesdrop on Uu: ")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("Per-device state: ")));
    r = runMtcsec({"validate", scenario});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("valid scenario 'evil %1 %9': 2 devices, 5 s, 1 attack,")),
             qPrintable(r.out));

    writeFile(scenario, R"({"schema": "mtcsec-scenario/1", "name": "a\u0000b\u001b[2J", "devices": 2,
        "duration_s": 5})");
    r = runMtcsec({"run", "--scenario", scenario});
    if (r.exitCode == 2)
        return; // refused by the scenario reader: fine too
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith(QStringLiteral("Scenario a\\x00b\\x1b[2J: 2 devices")), qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("Per-device state: ")));
}

void TestCliRun::interruptRemovesWhatItWrote()
{
    // Ctrl+C during a long run: exit 128 + SIGINT with one line, and the capture folder the command made,
    // with everything in it, is gone; a file that was there before is untouched. No timing is assumed: the
    // signal is sent once the folder exists, which the command creates after it started watching for signals.
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString old = tmp.filePath(QStringLiteral("old.json"));
    writeFile(old, kOld);
    QProcess p;
    p.start(QStringLiteral(MTCSEC_BINARY),
            {"run", "--preset", "defence-in-depth", "--devices", "2000", "--duration", "3600", "--pcap",
             tmp.filePath(QStringLiteral("cap")), "--report", old, "--report", tmp.filePath("new.csv")});
    QVERIFY(p.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(tmp.filePath(QStringLiteral("cap"))), 120'000);
    QCOMPARE(::kill(static_cast<pid_t>(p.processId()), SIGINT), 0);
    QVERIFY(p.waitForFinished(120'000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 128 + SIGINT);
    QCOMPARE(QString::fromUtf8(p.readAllStandardError()),
             QStringLiteral("mtcsec run: interrupted by signal 2; no file written\n"));
    QCOMPARE(entries(tmp.path()), QStringList{QStringLiteral("old.json")});
    QCOMPARE(contentOf(old), kOld);
}

void TestCliRun::summaryGivesVerdictsSinceTheChange()
{
    // replay-command switches the replay window on at 30 s: R4 violated over the run, met since the change.
    Run r = runMtcsec({"run", "--preset", "replay-command"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("\n  R4 violated\n")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("\nSince the protection change at 30.0 s: R1 not-exercised R2 "
                                           "not-exercised R3 not-exercised R4 met\n")),
             qPrintable(r.out));
    r = runMtcsec({"run", "--preset", "3gpp-only"});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(!r.out.contains(QStringLiteral("Since the protection change")));
}

void TestCliRun::guiWithoutDisplaySaysSo_data()
{
    // A display number nothing listens on here (no socket file; an abstract socket of that number is as
    // unlikely), so that the test does not depend on the machine's displays.
    int n = 4711;
    while (QFileInfo::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(n)))
        ++n;
    const QString unreachable = QStringLiteral(":%1").arg(n);
    const QString noWayland = QStringLiteral("mtcsec-test-no-such-wayland");
    const QStringList gui = {QStringLiteral("--preset"), QStringLiteral("3gpp-only")};
    QTest::addColumn<QString>("display");  // empty: unset
    QTest::addColumn<QString>("wayland");  // "-": unset
    QTest::addColumn<QString>("platform"); // QT_QPA_PLATFORM, empty: unset
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message"); // the line's start
    QTest::addColumn<bool>("advice");     // whether it ends with the advice (a display problem)
    QTest::newRow("unset") << QString() << QStringLiteral("-") << QString() << gui
                           << QStringLiteral("mtcsec: no display to open the window on (DISPLAY and "
                                             "WAYLAND_DISPLAY are unset); ")
                           << true;
    QTest::newRow("no X server") << unreachable << QString() << QString() << gui
                                 << QStringLiteral("mtcsec: cannot open a display: no X server answers at "
                                                   "DISPLAY=%1; ")
                                        .arg(unreachable)
                                 << true;
    QTest::newRow("no X server, no compositor")
        << unreachable << noWayland << QString() << gui
        << QStringLiteral("mtcsec: cannot open a display: no X server answers at DISPLAY=%1 and no Wayland "
                          "compositor at WAYLAND_DISPLAY=%2; ")
               .arg(unreachable, noWayland)
        << true;
    QTest::newRow("DISPLAY malformed") << QStringLiteral("nonsense") << QString() << QString() << gui
                                       << QStringLiteral("mtcsec: cannot open a display: no X server answers "
                                                         "at DISPLAY=nonsense; ")
                                       << true;
    // QT_QPA_PLATFORM=xcb (options after a colon) asks X only, wayland (wayland-egl) Wayland only.
    QTest::newRow("QT_QPA_PLATFORM=xcb")
        << unreachable << noWayland << QStringLiteral("xcb") << gui
        << QStringLiteral("mtcsec: cannot open a display: no X server answers at DISPLAY=%1; ")
               .arg(unreachable)
        << true;
    QTest::newRow("QT_QPA_PLATFORM=xcb:options, DISPLAY unset")
        << QString() << QStringLiteral("-") << QStringLiteral("xcb:nograb") << gui
        << QStringLiteral("mtcsec: no display to open the window on (QT_QPA_PLATFORM=xcb:nograb and DISPLAY "
                          "is unset); ")
        << true;
    QTest::newRow("QT_QPA_PLATFORM=wayland")
        << unreachable << noWayland << QStringLiteral("wayland") << gui
        << QStringLiteral("mtcsec: cannot open a display: no Wayland compositor at WAYLAND_DISPLAY=%1; ")
               .arg(noWayland)
        << true;
    QTest::newRow("QT_QPA_PLATFORM=wayland-egl, WAYLAND_DISPLAY unset")
        << unreachable << QStringLiteral("-") << QStringLiteral("wayland-egl") << gui
        << QStringLiteral("mtcsec: no display to open the window on (QT_QPA_PLATFORM=wayland-egl and "
                          "WAYLAND_DISPLAY is unset); ")
        << true;
    // Wrong arguments are reported before the display.
    QTest::newRow("unknown option, no display")
        << QString() << QStringLiteral("-") << QString() << QStringList{QStringLiteral("--bogus")}
        << QStringLiteral("mtcsec: Unknown option 'bogus'. (mtcsec --help shows the options)") << false;
    QTest::newRow("unknown preset, no display")
        << QString() << QStringLiteral("-") << QString()
        << QStringList{QStringLiteral("--preset"), QStringLiteral("nope")}
        << QStringLiteral("mtcsec: unknown preset 'nope' (mtcsec presets lists them)") << false;
}

void TestCliRun::guiWithoutDisplaySaysSo()
{
    // The window cannot open without a display, or with one nobody answers at: one line and exit 2, not
    // Qt's abort (the tests run with QT_QPA_PLATFORM=offscreen: not in this child unless the row sets it).
    QFETCH(QString, display);
    QFETCH(QString, wayland);
    QFETCH(QString, platform);
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QFETCH(bool, advice);
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        env.remove(QString::fromLatin1(name));
    if (!display.isEmpty())
        env.insert(QStringLiteral("DISPLAY"), display);
    if (wayland != QLatin1String("-"))
        env.insert(QStringLiteral("WAYLAND_DISPLAY"), wayland);
    if (!platform.isEmpty())
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), platform);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(MTCSEC_BINARY), arguments);
    QVERIFY(p.waitForFinished(60'000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 2);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.startsWith(message), qPrintable(err));
    if (advice)
        QVERIFY2(err.endsWith(QStringLiteral("for a run without one use 'mtcsec run', or set "
                                             "QT_QPA_PLATFORM=offscreen\n")),
                 qPrintable(err));
    QCOMPARE(err.count(QLatin1Char('\n')), 1);
}

void TestCliRun::blockedBySumsToBlocked()
{
    // Every attacker's blocked_by adds up to its blocked count (a passive one is blocked by ciphertext).
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString json = tmp.filePath(QStringLiteral("d.json"));
    const Run r = runMtcsec({"run", "--preset", "defence-in-depth", "--report", json, "--quiet"});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray attacks = QJsonDocument::fromJson(contentOf(json)).object().value("attacks").toArray();
    QVERIFY(!attacks.isEmpty());
    for (const QJsonValue& a : attacks) {
        const QJsonObject o = a.toObject();
        qint64 sum = 0;
        for (const QJsonValue& v : o.value("blocked_by").toObject())
            sum += v.toInteger();
        QVERIFY2(sum == o.value("blocked").toInteger(), qPrintable(o.value("id").toString()));
    }
}

QTEST_GUILESS_MAIN(TestCliRun)
#include "tst_cli_run.moc"
