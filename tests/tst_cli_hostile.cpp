// Hostile scenarios through the real binary (issue 9, faults 3 and 5): each ends with exit 2 and one line
// naming the JSON path, or completes; a run too large for the machine is refused before it starts.
#include "tests/RunBinary.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using mtcsec::test::runMtcsec;

namespace {

// A hang shows as exit -1: these runs take well under a second, the limit only catches one that never ends.
constexpr int kHangMs = 60000;

} // namespace

class TestCliHostile : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void refused_data();
    void refused();
    void completes_data();
    void completes();
    void tooLargeForThisMachine();
    void numericOptions_data();
    void numericOptions();

private:
    QString write(const QByteArray& json);
    QTemporaryDir dir_;
    int files_ = 0;
};

void TestCliHostile::initTestCase()
{
    QVERIFY(dir_.isValid());
}

QString TestCliHostile::write(const QByteArray& json)
{
    const QString path = dir_.filePath(QStringLiteral("s%1.json").arg(files_++));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(json) != json.size())
        return {};
    return path;
}

void TestCliHostile::refused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    // The reproductions of the issue.
    QTest::newRow("uplink 1e-7")
        << QByteArray(R"({"schema":"mtcsec-scenario/1","traffic":{"uplink_interval_s":1e-7}})")
        << "traffic.uplink_interval_s: must be from 0.001 to 86400 seconds, got 1e-07";
    QTest::newRow("inject 1e-300")
        << QByteArray(
               R"({"schema":"mtcsec-scenario/1","attacks":[{"kind":"inject","target":"SGi","rate":1e-300}]})")
        << "attacks[0].rate: must be from 1e-05 to 1000 forgeries per second, got 1e-300";
    QTest::newRow("uplink 1e13")
        << QByteArray(R"({"schema":"mtcsec-scenario/1","traffic":{"uplink_interval_s":1e13}})")
        << "traffic.uplink_interval_s: must be from 0.001 to 86400 seconds, got 1e+13";
    QTest::newRow("start 1e13")
        << QByteArray(
               R"({"schema":"mtcsec-scenario/1","attacks":[{"kind":"tamper","target":"Uu","start_s":1e13}]})")
        << "attacks[0].start_s: must be from 0 to 86400 seconds, got 1e+13";
    QTest::newRow("stop 1e13")
        << QByteArray(
               R"({"schema":"mtcsec-scenario/1","attacks":[{"kind":"tamper","target":"Uu","stop_s":1e13}]})")
        << "attacks[0].stop_s: must be above start_s (0) and at most 86400 seconds, got 1e+13";
    QTest::newRow("duplicate devices")
        << QByteArray(R"({"schema":"mtcsec-scenario/1","devices":3,"devices":1000000})")
        << "devices: given twice";
    QTest::newRow("NUL in an id")
        << QByteArray(
               R"({"schema":"mtcsec-scenario/1","attacks":[{"id":"a\u0000b","kind":"tamper","target":"Uu"}]})")
        << "attacks[0].id: contains a control character (U+0000)";
    QTest::newRow("comma in an id")
        << QByteArray(
               R"({"schema":"mtcsec-scenario/1","attacks":[{"id":"x,y","kind":"tamper","target":"Uu"}]})")
        << "attacks[0].id: must be 1 to 32 letters, digits, '-', '_' or '.', got 'x,y'";
}

void TestCliHostile::refused()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    const QString file = write(json);
    QVERIFY(!file.isEmpty());
    for (const QStringList& args :
         {QStringList{QStringLiteral("run"), QStringLiteral("--scenario"), file, QStringLiteral("--quiet")},
          QStringList{QStringLiteral("validate"), file}}) {
        const auto r = runMtcsec(args, kHangMs);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(file + QStringLiteral(": ") + message), qPrintable(r.err));
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1); // one line
        QVERIFY(r.out.isEmpty());
    }
}

void TestCliHostile::completes_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("attack starts late") << QByteArray(
        R"({"schema":"mtcsec-scenario/1","attacks":[{"kind":"tamper","target":"Uu","start_s":50}]})");
    QTest::newRow("attack stops at the last second") << QByteArray(
        R"({"schema":"mtcsec-scenario/1","attacks":[{"kind":"tamper","target":"Uu","stop_s":86400}]})");
    QTest::newRow("rarest inject") << QByteArray(
        R"({"schema":"mtcsec-scenario/1","attacks":[{"kind":"inject","target":"SGi","rate":0.00001}]})");
    QTest::newRow("densest uplink") << QByteArray(
        R"({"schema":"mtcsec-scenario/1","devices":2,"duration_s":5,"traffic":{"uplink_interval_s":0.001}})");
    QTest::newRow("seed as a string")
        << QByteArray(R"({"schema":"mtcsec-scenario/1","duration_s":5,"seed":"18446744073709551615"})");
}

void TestCliHostile::completes()
{
    QFETCH(QByteArray, json);
    const QString file = write(json);
    const auto r = runMtcsec({QStringLiteral("run"), QStringLiteral("--scenario"), file}, kHangMs);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.isEmpty());
    QVERIFY(r.out.contains(QStringLiteral("Digest: ")));
}

void TestCliHostile::tooLargeForThisMachine()
{
    // 86 trillion readings in one cell: no machine has the petabytes this needs (in cells of 50,000, a cell
    // per thread: hundreds of terabytes; tst_cells).
    const QString file = write(
        R"({"schema":"mtcsec-scenario/1","devices":1000000,"devices_per_cell":1000000,"duration_s":86400,"traffic":{"uplink_interval_s":0.001}})");
    const auto run = runMtcsec({QStringLiteral("run"), QStringLiteral("--scenario"), file}, kHangMs);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.startsWith(QStringLiteral("mtcsec run: ") + file +
                                QStringLiteral(": cannot run on this machine: needs about ")),
             qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral(" PB of memory (1,000,000 devices for 86400 s: about ")),
             qPrintable(run.err));
    QVERIFY(run.err.contains(QStringLiteral("available; shorten duration_s, lower devices")));
    QCOMPARE(run.err.count(QLatin1Char('\n')), 1);

    // When forgeries make the run large, the advice names the inject attackers' rate.
    const QString injectors =
        QStringLiteral(R"({"kind":"inject","target":"SGi","rate":1000},)").repeated(300) +
        QStringLiteral(R"({"kind":"inject","target":"SGi","rate":1000})");
    const QString forged = write(
        (QStringLiteral(R"({"schema":"mtcsec-scenario/1","devices":10,"duration_s":86400,"attacks":[)") +
         injectors + QStringLiteral("]}"))
            .toUtf8());
    const auto injected = runMtcsec({QStringLiteral("run"), QStringLiteral("--scenario"), forged}, kHangMs);
    QCOMPARE(injected.exitCode, 2);
    QVERIFY2(injected.err.contains(QStringLiteral("lower the inject attackers' rate")),
             qPrintable(injected.err));

    // validate does not call the file malformed, and does not say it is fine either.
    const auto validate = runMtcsec({QStringLiteral("validate"), file}, kHangMs);
    QCOMPARE(validate.exitCode, 2);
    QVERIFY2(validate.err.startsWith(file +
                                     QStringLiteral(": valid, but cannot run on this machine: needs about ")),
             qPrintable(validate.err));

    // The overrides of the command line count too: a day of a million devices, its 20 cells all at once
    // (--threads 1024 runs min(threads, cells) cells at a time: about 20 x 5 GB of message records).
    const auto overridden =
        runMtcsec({QStringLiteral("run"), QStringLiteral("--preset"), QStringLiteral("default"),
                   QStringLiteral("--devices"), QStringLiteral("1000000"), QStringLiteral("--duration"),
                   QStringLiteral("86400"), QStringLiteral("--threads"), QStringLiteral("1024")},
                  kHangMs);
    QCOMPARE(overridden.exitCode, 2);
    QVERIFY2(
        overridden.err.startsWith(QStringLiteral("mtcsec run: cannot run on this machine: needs about ")),
        qPrintable(overridden.err));
}

void TestCliHostile::numericOptions_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const auto row = [](const char* tag, const QStringList& args, const char* message) {
        QTest::newRow(tag) << args << QString::fromUtf8(message);
    };
    row("seed -1", {"--seed", "-1"},
        "--seed: must be a whole number from 0 to 18446744073709551615, got '-1'");
    row("seed 2^64", {"--seed", "18446744073709551616"},
        "--seed: must be a whole number from 0 to 18446744073709551615, got '18446744073709551616'");
    row("seed +1", {"--seed", "+1"},
        "--seed: must be a whole number from 0 to 18446744073709551615, got '+1'");
    row("seed hex", {"--seed", "0x10"},
        "--seed: must be a whole number from 0 to 18446744073709551615, got '0x10'");
    row("devices 0", {"--devices", "0"}, "--devices: must be a whole number from 1 to 1000000, got '0'");
    row("devices 1e3", {"--devices", "1e3"},
        "--devices: must be a whole number from 1 to 1000000, got '1e3'");
    row("devices per cell 0", {"--devices-per-cell", "0"},
        "--devices-per-cell: must be a whole number from 1 to 1000000, got '0'");
    row("devices per cell 1000001", {"--devices-per-cell", "1000001"},
        "--devices-per-cell: must be a whole number from 1 to 1000000, got '1000001'");
    row("devices per cell 1e3", {"--devices-per-cell", "1e3"},
        "--devices-per-cell: must be a whole number from 1 to 1000000, got '1e3'");
    row("devices per cell -5", {"--devices-per-cell", "-5"},
        "--devices-per-cell: must be a whole number from 1 to 1000000, got '-5'");
    row("devices per cell 2^64", {"--devices-per-cell", "18446744073709551616"},
        "--devices-per-cell: must be a whole number from 1 to 1000000, got '18446744073709551616'");
    row("devices per cell twice", {"--devices-per-cell", "5", "--devices-per-cell", "6"},
        "--devices-per-cell given more than once");
    row("duration inf", {"--duration", "inf"},
        "--duration: must be a number of seconds above 0 and at most 86400, got 'inf'");
    row("duration nan", {"--duration", "nan"},
        "--duration: must be a number of seconds above 0 and at most 86400, got 'nan'");
    row("duration 1e300", {"--duration", "1e300"},
        "--duration: must be a number of seconds above 0 and at most 86400, got '1e300'");
    row("duration -0", {"--duration", "-0"},
        "--duration: must be a number of seconds above 0 and at most 86400, got '-0'");
}

void TestCliHostile::numericOptions()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const auto r = runMtcsec(QStringList{QStringLiteral("run")} + args, kHangMs);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.err, QStringLiteral("mtcsec run: ") + message + QLatin1Char('\n'));

    // The largest seed is a seed like any other.
    const auto big =
        runMtcsec({QStringLiteral("run"), QStringLiteral("--seed"), QStringLiteral("18446744073709551615"),
                   QStringLiteral("--duration"), QStringLiteral("2")},
                  kHangMs);
    QCOMPARE(big.exitCode, 0);
    QVERIFY2(big.out.contains(QStringLiteral("seed 18446744073709551615,")), qPrintable(big.out));
}

QTEST_GUILESS_MAIN(TestCliHostile)
#include "tst_cli_hostile.moc"
