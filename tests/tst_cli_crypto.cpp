// The real mtcsec binary: `mtcsec crypto ...` reproduces the official 3GPP test sets, refuses bad input with
// one line on stderr and exit status 2, documents itself at every level (PRODUCT.md section 6), and leaves
// nothing in the temporary directory when the session has no XDG_RUNTIME_DIR.
#include "tests/RunBinary.h"
#include "tests/VectorFile.h"

#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QtTest>

using namespace mtcsec;

using mtcsec::test::Run;
using mtcsec::test::runMtcsec;

namespace {

QStringList algorithmArgs(const QString& fn, const test::Vector& v, const QString& dataField)
{
    return {QStringLiteral("crypto"),      fn,
            QStringLiteral("--key"),       v[QStringLiteral("Key")],
            QStringLiteral("--count"),     v[QStringLiteral("Count")],
            QStringLiteral("--bearer"),    QStringLiteral("0x") + v[QStringLiteral("Bearer")],
            QStringLiteral("--direction"), v[QStringLiteral("Direction")],
            QStringLiteral("--length"),    v[QStringLiteral("Length")],
            QStringLiteral("--data"),      v[dataField]};
}

// Runs mtcsec as a session without XDG_RUNTIME_DIR would (a root shell, CI), with TMPDIR set to `tmp`.
Run runWithoutRuntimeDirectory(const QStringList& args, const QString& tmp)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("XDG_RUNTIME_DIR"));
    env.insert(QStringLiteral("TMPDIR"), tmp);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(MTCSEC_BINARY), args);
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit)
        return {};
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TestCliCrypto : public QObject {
    Q_OBJECT
private slots:
    void knownAnswers_data();
    void knownAnswers();
    void edgeCases_data();
    void edgeCases();
    void milenage_data();
    void milenage();
    void milenageWithOpc();
    void kdf();
    void badInput_data();
    void badInput();
    void help_data();
    void help();
    void everyHelpExitsZero_data();
    void everyHelpExitsZero();
    void version();
    void noRuntimeDirectoryLeavesNothing_data();
    void noRuntimeDirectoryLeavesNothing();
};

void TestCliCrypto::knownAnswers_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");
    for (const test::Vector& v : test::readVectors(QStringLiteral("eea2.vec")))
        QTest::newRow(qPrintable(v.name))
            << algorithmArgs(QStringLiteral("eea2"), v, QStringLiteral("Plaintext"))
            << v[QStringLiteral("Ciphertext")];
    for (const test::Vector& v : test::readVectors(QStringLiteral("eia2.vec")))
        QTest::newRow(qPrintable(v.name))
            << algorithmArgs(QStringLiteral("eia2"), v, QStringLiteral("Message"))
            << v[QStringLiteral("Mac")];
    // Issue 13: SNOW 3G and ZUC, every official set (UEA2 = 128-EEA1, TS 33.401 C.4, EEA3/EIA3 Document 3).
    for (const char* fn : {"eea1", "eea3"}) {
        for (const test::Vector& v : test::readVectors(QString::fromLatin1(fn) + QStringLiteral(".vec")))
            QTest::newRow(qPrintable(v.name))
                << algorithmArgs(QString::fromLatin1(fn), v, QStringLiteral("Plaintext"))
                << v[QStringLiteral("Ciphertext")];
    }
    for (const char* fn : {"eia1", "eia3"}) {
        for (const test::Vector& v : test::readVectors(QString::fromLatin1(fn) + QStringLiteral(".vec")))
            QTest::newRow(qPrintable(v.name))
                << algorithmArgs(QString::fromLatin1(fn), v, QStringLiteral("Message"))
                << v[QStringLiteral("Mac")];
    }
}

void TestCliCrypto::knownAnswers()
{
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    const Run r = runMtcsec(args);
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, expected + QLatin1Char('\n'));
}

void TestCliCrypto::edgeCases_data()
{
    QTest::addColumn<QString>("fn");
    for (const char* fn : {"eea1", "eea2", "eea3"})
        QTest::newRow(fn) << QString::fromLatin1(fn);
}

void TestCliCrypto::edgeCases()
{
    // No official answers for these: COUNT ffffffff, BEARER 31, a length inside an octet; ciphering twice
    // gives the data back with the bits beyond LENGTH zero, and LENGTH 0 gives an empty line.
    QFETCH(QString, fn);
    const auto run = [&fn](const QString& length, const QString& data) {
        return runMtcsec({QStringLiteral("crypto"), fn, QStringLiteral("--key"),
                          QStringLiteral("2bd6459f82c5b300952c49104881ff48"), QStringLiteral("--count"),
                          QStringLiteral("ffffffff"), QStringLiteral("--bearer"), QStringLiteral("31"),
                          QStringLiteral("--direction"), QStringLiteral("1"), QStringLiteral("--length"),
                          length, QStringLiteral("--data"), data});
    };
    const Run once = run(QStringLiteral("13"), QStringLiteral("ffffff"));
    QCOMPARE(once.exitCode, 0);
    QCOMPARE(once.out.size(), 5); // 2 octets and the newline
    QCOMPARE(QStringLiteral("0123456789abcdef").indexOf(once.out.at(3)) & 7, 0);
    const Run twice = run(QStringLiteral("13"), once.out.trimmed());
    QCOMPARE(twice.out, QStringLiteral("fff8\n"));
    const Run empty = run(QStringLiteral("0"), QString());
    QCOMPARE(empty.exitCode, 0);
    QCOMPARE(empty.out, QStringLiteral("\n"));
    const QString mac = fn == QLatin1String("eea1")   ? QStringLiteral("eia1")
                        : fn == QLatin1String("eea2") ? QStringLiteral("eia2")
                                                      : QStringLiteral("eia3");
    const Run zeroBits =
        runMtcsec({QStringLiteral("crypto"), mac, QStringLiteral("--key"),
                   QStringLiteral("2bd6459f82c5b300952c49104881ff48"), QStringLiteral("--count"),
                   QStringLiteral("ffffffff"), QStringLiteral("--bearer"), QStringLiteral("31"),
                   QStringLiteral("--direction"), QStringLiteral("1"), QStringLiteral("--length"),
                   QStringLiteral("0"), QStringLiteral("--data"), QString()});
    QCOMPARE(zeroBits.exitCode, 0);
    QCOMPARE(zeroBits.out.size(), 9); // a MAC of 8 hex digits even for an empty message
}

void TestCliCrypto::milenage_data()
{
    QTest::addColumn<test::Vector>("v");
    for (const test::Vector& v : test::readVectors(QStringLiteral("milenage.vec")))
        QTest::newRow(qPrintable(v.name)) << v;
}

void TestCliCrypto::milenage()
{
    QFETCH(test::Vector, v);
    const Run r = runMtcsec({QStringLiteral("crypto"), QStringLiteral("milenage"), QStringLiteral("--k"),
                             v[QStringLiteral("K")], QStringLiteral("--op"), v[QStringLiteral("OP")],
                             QStringLiteral("--rand"), v[QStringLiteral("RAND")], QStringLiteral("--sqn"),
                             v[QStringLiteral("SQN")], QStringLiteral("--amf"), v[QStringLiteral("AMF")]});
    QCOMPARE(r.exitCode, 0);
    QString expected;
    for (const char* f : {"OPc", "f1", "f1star", "f2", "f3", "f4", "f5", "f5star"})
        expected += QString::fromLatin1(f).toLower() + QLatin1Char('=') + v[QString::fromLatin1(f)] +
                    QLatin1Char('\n');
    QCOMPARE(r.out, expected);
}

void TestCliCrypto::milenageWithOpc()
{
    const Run r =
        runMtcsec({QStringLiteral("crypto"), QStringLiteral("milenage"), QStringLiteral("--k"),
                   QStringLiteral("465b5ce8b199b49faa5f0a2ee238a6bc"), QStringLiteral("--opc"),
                   QStringLiteral("cd63cb71954a9f4e48a5994e37a02baf"), QStringLiteral("--rand"),
                   QStringLiteral("23553cbe9637a89d218ae64dae47bf35"), QStringLiteral("--sqn"),
                   QStringLiteral("ff9bb4d0b607"), QStringLiteral("--amf"), QStringLiteral("b9b9")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QStringLiteral("\nf2=a54211d5e3ba50bf\n")));
    QVERIFY(r.out.startsWith(QStringLiteral("opc=cd63cb71954a9f4e48a5994e37a02baf\n")));
}

void TestCliCrypto::kdf()
{
    for (const test::Vector& v : test::readVectors(QStringLiteral("kdf.vec"))) {
        const QString fn = v[QStringLiteral("Function")];
        QStringList args{QStringLiteral("crypto"), QStringLiteral("kdf")};
        QString expected = v[QStringLiteral("Expected")];
        if (fn == QLatin1String("kasme")) {
            args << QStringLiteral("kasme") << QStringLiteral("--ck") << v[QStringLiteral("CK")]
                 << QStringLiteral("--ik") << v[QStringLiteral("IK")] << QStringLiteral("--snid")
                 << v[QStringLiteral("SNid")] << QStringLiteral("--sqn-xor-ak")
                 << v[QStringLiteral("SQNxorAK")];
        } else if (fn == QLatin1String("kenb")) {
            args << QStringLiteral("kenb") << QStringLiteral("--kasme") << v[QStringLiteral("Key")]
                 << QStringLiteral("--ul-count") << v[QStringLiteral("Count")];
        } else if (fn == QLatin1String("alg")) {
            args << QStringLiteral("alg") << QStringLiteral("--key") << v[QStringLiteral("Key")]
                 << QStringLiteral("--type") << v[QStringLiteral("Type")] << QStringLiteral("--alg")
                 << v[QStringLiteral("Alg")];
            expected = expected.right(32); // the 128-bit key: last 16 octets
        } else if (fn == QLatin1String("nh")) {
            args << QStringLiteral("nh") << QStringLiteral("--kasme") << v[QStringLiteral("Key")]
                 << QStringLiteral("--sync-input") << v[QStringLiteral("Sync")];
        } else {
            continue; // KeNB* has no command-line form
        }
        const Run r = runMtcsec(args);
        QVERIFY2(r.exitCode == 0, qPrintable(v.name + QStringLiteral(": ") + r.err));
        QCOMPARE(r.out, expected + QLatin1Char('\n'));
    }
}

void TestCliCrypto::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QStringList eia2{QStringLiteral("crypto"),      QStringLiteral("eia2"),
                           QStringLiteral("--key"),       QStringLiteral("2bd6459f82c5b300952c49104881ff48"),
                           QStringLiteral("--count"),     QStringLiteral("38a6f056"),
                           QStringLiteral("--bearer"),    QStringLiteral("0x18"),
                           QStringLiteral("--direction"), QStringLiteral("0"),
                           QStringLiteral("--length"),    QStringLiteral("58")};
    const auto with = [&](const QString& option, const QString& value) {
        QStringList a = eia2 + QStringList{QStringLiteral("--data"), QStringLiteral("3332346263393840")};
        const qsizetype i = a.indexOf(option);
        if (i >= 0)
            a[i + 1] = value;
        else
            a << option << value;
        return a;
    };
    QTest::newRow("odd hex") << with(QStringLiteral("--data"), QStringLiteral("333234626339384"))
                             << QStringLiteral("--data: odd number of hex digits");
    QTest::newRow("not hex") << with(QStringLiteral("--key"),
                                     QStringLiteral("2bd6459f82c5b300952c49104881ffzz"))
                             << QStringLiteral("--key: 'z' at position 31 is not a hex digit");
    QTest::newRow("short key") << with(QStringLiteral("--key"),
                                       QStringLiteral("2bd6459f82c5b300952c49104881ff"))
                               << QStringLiteral("KEY must be 16 octets");
    QTest::newRow("length beyond data") << with(QStringLiteral("--length"), QStringLiteral("65"))
                                        << QStringLiteral("LENGTH 65 bits is longer than the data");
    QTest::newRow("bearer too big") << with(QStringLiteral("--bearer"), QStringLiteral("32"))
                                    << QStringLiteral("--bearer: 32 is out of range");
    QTest::newRow("direction 2") << with(QStringLiteral("--direction"), QStringLiteral("2"))
                                 << QStringLiteral("--direction: 2 is out of range");
    QTest::newRow("count too big") << with(QStringLiteral("--count"), QStringLiteral("138a6f056"))
                                   << QStringLiteral("--count: 138a6f056 is out of range");
    QTest::newRow("missing data") << eia2 << QStringLiteral("missing --data");
    // A number is checked in the base it is written in, and a negative one is out of range, not "not a
    // number"; a count of one is singular.
    QTest::newRow("count beyond 32 bits, in hex")
        << with(QStringLiteral("--count"), QStringLiteral("123456789"))
        << QStringLiteral("mtcsec crypto eia2: --count: 123456789 is out of range (at most 0xffffffff)\n");
    QTest::newRow("bearer in hex too big")
        << with(QStringLiteral("--bearer"), QStringLiteral("0x20"))
        << QStringLiteral("--bearer: 0x20 is out of range (at most 0x1f)\n");
    QTest::newRow("negative length") << with(QStringLiteral("--length"), QStringLiteral("-8"))
                                     << QStringLiteral("mtcsec crypto eia2: --length: -8 is out of range (at "
                                                       "least 0)\n");
    QTest::newRow("length beyond one octet")
        << with(QStringLiteral("--data"), QStringLiteral("33"))
        << QStringLiteral("LENGTH 58 bits is longer than the data (1 octet = 8 bits)\n");
    QTest::newRow("empty master secret")
        << QStringList{QStringLiteral("crypto"),
                       QStringLiteral("oscore"),
                       QStringLiteral("derive"),
                       QStringLiteral("--master-secret"),
                       QString(),
                       QStringLiteral("--sender-id"),
                       QString(),
                       QStringLiteral("--recipient-id"),
                       QStringLiteral("01")}
        << QStringLiteral(
               "mtcsec crypto oscore derive: --master-secret: must not be empty (at least one octet "
               "of hex)\n");
    // The SNOW 3G and ZUC functions refuse the same input with the same one-line messages.
    for (const char* fn : {"eea1", "eia1", "eea3", "eia3"}) {
        const auto other = [&](const QString& option, const QString& value) {
            QStringList a = with(option, value);
            a[1] = QString::fromLatin1(fn);
            return a;
        };
        QTest::addRow("%s short key", fn)
            << other(QStringLiteral("--key"), QStringLiteral("2bd6"))
            << QStringLiteral("mtcsec crypto %1: KEY must be 16 octets, got 2").arg(QString::fromLatin1(fn));
        QTest::addRow("%s length beyond data", fn)
            << other(QStringLiteral("--length"), QStringLiteral("65"))
            << QStringLiteral("LENGTH 65 bits is longer than the data");
        QTest::addRow("%s bearer too big", fn) << other(QStringLiteral("--bearer"), QStringLiteral("32"))
                                               << QStringLiteral("--bearer: 32 is out of range");
        QTest::addRow("%s odd hex", fn) << other(QStringLiteral("--data"), QStringLiteral("333"))
                                        << QStringLiteral("--data: odd number of hex digits");
    }
    QTest::newRow("unknown option")
        << with(QStringLiteral("--colour"), QStringLiteral("red"))
        << QStringLiteral("unknown option --colour (mtcsec crypto eia2 --help lists the options)");
    QTest::newRow("unknown algorithm") << QStringList{QStringLiteral("crypto"), QStringLiteral("eea7")}
                                       << QStringLiteral("unknown function 'eea7'");
    QTest::newRow("unknown kdf") << QStringList{QStringLiteral("crypto"), QStringLiteral("kdf"),
                                                QStringLiteral("kxyz")}
                                 << QStringLiteral("unknown function 'kdf kxyz'");
    QTest::newRow("unknown key type")
        << QStringList{QStringLiteral("crypto"), QStringLiteral("kdf"),         QStringLiteral("alg"),
                       QStringLiteral("--key"),  QString(64, QLatin1Char('0')), QStringLiteral("--type"),
                       QStringLiteral("nas"),    QStringLiteral("--alg"),       QStringLiteral("2")}
        << QStringLiteral("--type: 'nas' is not one of");
    QTest::newRow("op and opc") << QStringList{QStringLiteral("crypto"), QStringLiteral("milenage"),
                                               QStringLiteral("--k"),    QString(32, QLatin1Char('0')),
                                               QStringLiteral("--op"),   QString(32, QLatin1Char('0')),
                                               QStringLiteral("--opc"),  QString(32, QLatin1Char('0'))}
                                << QStringLiteral("give exactly one of --op and --opc");
    QTest::newRow("short sqn") << QStringList{QStringLiteral("crypto"), QStringLiteral("milenage"),
                                              QStringLiteral("--k"),    QString(32, QLatin1Char('0')),
                                              QStringLiteral("--opc"),  QString(32, QLatin1Char('0')),
                                              QStringLiteral("--rand"), QString(32, QLatin1Char('0')),
                                              QStringLiteral("--sqn"),  QStringLiteral("0011"),
                                              QStringLiteral("--amf"),  QStringLiteral("8000")}
                               << QStringLiteral("--sqn: must be 6 octets (12 hex digits), got 2");
    QTest::newRow("no function") << QStringList{QStringLiteral("crypto")}
                                 << QStringLiteral("which function?");
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")}
                                     << QStringLiteral("unknown command 'frobnicate'");
}

void TestCliCrypto::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = runMtcsec(args);
    QCOMPARE(r.exitCode, 2);
    QCOMPARE(r.out, QString());
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QCOMPARE(r.err.count(QLatin1Char('\n')), 1); // one line
}

void TestCliCrypto::help_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("mentions");
    QTest::newRow("top") << QStringList{QStringLiteral("--help")}
                         << QStringList{QStringLiteral("crypto"), QStringLiteral("--self-test"),
                                        QStringLiteral("--version")};
    QTest::newRow("crypto") << QStringList{QStringLiteral("crypto"), QStringLiteral("--help")}
                            << QStringList{QStringLiteral("eea1"),
                                           QStringLiteral("eia1"),
                                           QStringLiteral("eea2"),
                                           QStringLiteral("eia2"),
                                           QStringLiteral("eea3"),
                                           QStringLiteral("eia3"),
                                           QStringLiteral("mtcsec crypto eia3 --key"),
                                           QStringLiteral("milenage"),
                                           QStringLiteral("kdf kasme"),
                                           QStringLiteral("kdf kenb"),
                                           QStringLiteral("kdf alg"),
                                           QStringLiteral("mtcsec crypto eia2 --key")};
    QTest::newRow("eea2") << QStringList{QStringLiteral("crypto"), QStringLiteral("eea2"),
                                         QStringLiteral("--help")}
                          << QStringList{QStringLiteral("Usage: mtcsec crypto eea2"),
                                         QStringLiteral("--key"),
                                         QStringLiteral("--count"),
                                         QStringLiteral("--bearer"),
                                         QStringLiteral("--direction"),
                                         QStringLiteral("--length"),
                                         QStringLiteral("--data")};
    QTest::newRow("top names OSCORE")
        << QStringList{QStringLiteral("--help")}
        << QStringList{QStringLiteral("OSCORE (RFC 8613: derive, protect-request, protect-response,")};
    QTest::newRow("kdf group") << QStringList{QStringLiteral("crypto"), QStringLiteral("kdf"),
                                              QStringLiteral("--help")}
                               << QStringList{QStringLiteral("Usage: mtcsec crypto kdf FUNCTION"),
                                              QStringLiteral("TS 33.401 Annex A"),
                                              QStringLiteral("\n  kasme\n"),
                                              QStringLiteral("\n  kenb\n"),
                                              QStringLiteral("\n  nh\n"),
                                              QStringLiteral("\n  alg\n")};
    QTest::newRow("oscore group") << QStringList{QStringLiteral("crypto"), QStringLiteral("oscore"),
                                                 QStringLiteral("--help")}
                                  << QStringList{QStringLiteral("Usage: mtcsec crypto oscore FUNCTION"),
                                                 QStringLiteral("RFC 8613"),
                                                 QStringLiteral("\n  derive\n"),
                                                 QStringLiteral("\n  protect-request\n"),
                                                 QStringLiteral("\n  protect-response\n"),
                                                 QStringLiteral("\n  unprotect\n")};
    QTest::newRow("kdf alg") << QStringList{QStringLiteral("crypto"), QStringLiteral("kdf"),
                                            QStringLiteral("alg"), QStringLiteral("-h")}
                             << QStringList{QStringLiteral("--type"), QStringLiteral("up-enc")};
}

void TestCliCrypto::help()
{
    QFETCH(QStringList, args);
    QFETCH(QStringList, mentions);
    const Run r = runMtcsec(args);
    QCOMPARE(r.exitCode, 0);
    for (const QString& m : mentions)
        QVERIFY2(r.out.contains(m), qPrintable(m));
    // A group's help says what the group does and names its functions as typed after the group's words
    // ("kasme", not "kdf kasme"); the bit lengths of the EPS algorithms are the whole list's matter.
    if (args.size() == 3 && (args[1] == QLatin1String("kdf") || args[1] == QLatin1String("oscore"))) {
        QVERIFY2(!r.out.contains(QStringLiteral("Lengths")), qPrintable(r.out));
        QVERIFY2(!r.out.contains(QStringLiteral("  ") + args[1] + QLatin1Char(' ')), qPrintable(r.out));
    }
}

void TestCliCrypto::everyHelpExitsZero_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("usage");
    const QStringList levels[] = {
        {},
        {QStringLiteral("run")},
        {QStringLiteral("presets")},
        {QStringLiteral("validate")},
        {QStringLiteral("bench")},
        {QStringLiteral("crypto")},
        {QStringLiteral("crypto"), QStringLiteral("eea2")},
        {QStringLiteral("crypto"), QStringLiteral("eia2")},
        {QStringLiteral("crypto"), QStringLiteral("eea1")},
        {QStringLiteral("crypto"), QStringLiteral("eia1")},
        {QStringLiteral("crypto"), QStringLiteral("eea3")},
        {QStringLiteral("crypto"), QStringLiteral("eia3")},
        {QStringLiteral("crypto"), QStringLiteral("milenage")},
        {QStringLiteral("crypto"), QStringLiteral("kdf")},
        {QStringLiteral("crypto"), QStringLiteral("kdf"), QStringLiteral("kasme")},
        {QStringLiteral("crypto"), QStringLiteral("kdf"), QStringLiteral("kenb")},
        {QStringLiteral("crypto"), QStringLiteral("kdf"), QStringLiteral("nh")},
        {QStringLiteral("crypto"), QStringLiteral("kdf"), QStringLiteral("alg")},
    };
    for (const QStringList& level : levels) {
        const QString usage = (QStringList{QStringLiteral("Usage: mtcsec")} + level).join(QLatin1Char(' '));
        for (const char* help : {"--help", "-h"})
            QTest::addRow("%s %s", qPrintable(level.join(QLatin1Char(' '))), help)
                << level + QStringList{QString::fromLatin1(help)} << usage;
    }
    // The other spellings QCommandLineParser accepts, at every level too.
    for (const QStringList& level : levels) {
        const QString usage = (QStringList{QStringLiteral("Usage: mtcsec")} + level).join(QLatin1Char(' '));
        for (const char* help : {"-?", "--help-all"})
            QTest::addRow("%s %s", qPrintable(level.join(QLatin1Char(' '))), help)
                << level + QStringList{QString::fromLatin1(help)} << usage;
    }
}

void TestCliCrypto::everyHelpExitsZero()
{
    QFETCH(QStringList, args);
    QFETCH(QString, usage);
    const Run r = runMtcsec(args);
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith(usage), qPrintable(r.out.left(200)));
}

void TestCliCrypto::noRuntimeDirectoryLeavesNothing_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("--version") << QStringList{QStringLiteral("--version")};
    QTest::newRow("crypto") << QStringList{QStringLiteral("crypto"), QStringLiteral("kdf"),
                                           QStringLiteral("--help")};
    // Reports that draw run on offscreen widgets, which want a runtime directory.
    QTest::newRow("run with an HTML report")
        << QStringList{QStringLiteral("run"),     QStringLiteral("--duration"), QStringLiteral("2"),
                       QStringLiteral("--quiet"), QStringLiteral("--report"),   QStringLiteral("REPORT")};
}

void TestCliCrypto::noRuntimeDirectoryLeavesNothing()
{
    QFETCH(QStringList, args);
    QTemporaryDir tmp;
    QTemporaryDir out;
    QVERIFY(tmp.isValid() && out.isValid());
    args.replaceInStrings(QStringLiteral("REPORT"), out.filePath(QStringLiteral("r.html")));
    const Run r = runWithoutRuntimeDirectory(args, tmp.path());
    QCOMPARE(r.err, QString()); // no "XDG_RUNTIME_DIR not set" from Qt
    QCOMPARE(r.exitCode, 0);
    // Nothing left in the temporary directory: no predictable mtcsec-runtime-UID (nor Qt's runtime-USER),
    // and the private directory of a run that needed one is gone.
    QCOMPARE(
        QDir(tmp.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot),
        QStringList());
}

void TestCliCrypto::version()
{
    const Run r = runMtcsec({QStringLiteral("--version")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith(QStringLiteral("mtcsec ")));
    const Run inCommand =
        runMtcsec({QStringLiteral("crypto"), QStringLiteral("eea2"), QStringLiteral("--help")});
    QCOMPARE(inCommand.exitCode, 0);
}

QTEST_GUILESS_MAIN(TestCliCrypto)
#include "tst_cli_crypto.moc"
