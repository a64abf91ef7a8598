// The command-line contract of PRODUCT.md sections 6-7 on the real binary: `mtcsec run` with its options and
// the mtcsec-report/1 JSON report, `mtcsec presets`, `mtcsec validate`, reproducible digests, and bad input
// refused with exit status 2, one line on stderr and no file written.
#include "tests/RunBinary.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

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
    void summaryIsReadable();
    void documentsAndCaptures();
    void validate();
    void badInput_data();
    void badInput();

private:
    QTemporaryDir dir;
};

void TestCliRun::presetsListsEveryPreset()
{
    const Run r = runMtcsec({QStringLiteral("presets")});
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = r.out.trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 10);
    const QStringList names = {"default",
                               "unprotected",
                               "3gpp-only",
                               "app-only",
                               "defence-in-depth",
                               "backhaul-eavesdrop",
                               "malleable-ciphertext",
                               "bidding-down",
                               "insider-pgw",
                               "replay-command"};
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

void TestCliRun::scenarioFileRuns()
{
    const QString scenario = dir.filePath(QStringLiteral("mine.json"));
    writeFile(scenario, R"({"schema": "mtcsec-scenario/1", "name": "mine", "devices": 3, "duration_s": 20,
        "protection": {"app": "integrity"},
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
                             "Attach:", "Uplink:", "a1 downgrade on Uu", "R1 met", "Digest: "})
        QVERIFY2(r.out.contains(QLatin1String(text)), text);
    QCOMPARE(r.err, QString());
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
    QTest::newRow("bad duration") << QStringList{run, "--duration", "soon"} << "--duration: must be a number"
                                  << QString();
    QTest::newRow("negative duration")
        << QStringList{run, "--duration", "-5"} << "--duration: must be a number" << QString();
    QTest::newRow("bad seed") << QStringList{run, "--seed", "x1"}
                              << "--seed: must be a whole number from 0 to 18446744073709551615, got 'x1'"
                              << QString();
    const QString html = dir.filePath(QStringLiteral("r.docx"));
    QTest::newRow("unknown report format")
        << QStringList{run, "--report", html} << "unsupported report format '.docx'" << html;
    const QString nowhere = dir.filePath(QStringLiteral("no/such/dir/r.json"));
    QTest::newRow("unwritable report") << QStringList{run, "--report", nowhere} << "cannot write" << nowhere;
    QTest::newRow("pcap folder missing")
        << QStringList{run, "--pcap", dir.filePath("no/such/folder")} << "no/such/folder" << QString();
    QTest::newRow("unknown option") << QStringList{run, "--colour"} << "Unknown option 'colour'" << QString();
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

QTEST_GUILESS_MAIN(TestCliRun)
#include "tst_cli_run.moc"
