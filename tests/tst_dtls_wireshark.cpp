// Wireshark decrypts the captured DTLS of end-to-end mode dtls (`mtcsec run --pcap`): tshark 4.0 with a
// hand-made profile, given either the NSS key log made from keys.log (every device's association) or one
// device's PSK (dtls.psk), shows the CoAP readings inside; without them, nothing of the CoAP.
#include "RunBinary.h"
#include "core/protocol/DtlsPsk.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <string_view>

using namespace mtcsec;
using mtcsec::test::Run;
using mtcsec::test::runMtcsec;

namespace {

// tshark on `file` with the profile `profile` of the configuration folder `config`: the CoAP payloads it
// shows, one per line.
QStringList coapPayloads(const QString& config, const QString& profile, const QString& file)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("WIRESHARK_CONFIG_DIR"), config);
    p.setProcessEnvironment(env);
    QStringList args{QStringLiteral("-r"),
                     file,
                     QStringLiteral("-n"),
                     QStringLiteral("-Y"),
                     QStringLiteral("coap"),
                     QStringLiteral("-T"),
                     QStringLiteral("fields"),
                     QStringLiteral("-e"),
                     QStringLiteral("data.text"),
                     QStringLiteral("-o"),
                     QStringLiteral("data.show_as_text:TRUE")};
    if (!profile.isEmpty())
        args << QStringLiteral("-C") << profile;
    p.start(QStringLiteral("tshark"), args);
    if (!p.waitForFinished(120000) || p.exitCode() != 0)
        return {QStringLiteral("tshark failed: ") + QString::fromLocal8Bit(p.readAllStandardError())};
    QStringList out;
    for (const QString& line :
         QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        out << line;
    return out;
}

bool writeFile(const QString& path, const QByteArray& text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

} // namespace

class TestDtlsWireshark : public QObject {
    Q_OBJECT
private slots:
    void keyLogConversion();
    void tsharkDecryptsTheCapture();
};

void TestDtlsWireshark::keyLogConversion()
{
    const std::string_view keys =
        "1.000000 device=0 where=device KASME=00\n"
        "2.000000 device=1 where=dtls CLIENT_RANDOM=aa01 MASTER_SECRET=bb02 PSK=cc03\n"
        "3.000000 device=2 where=dtls CLIENT_RANDOM=aa11 MASTER_SECRET=bb12 PSK=cc13";
    QCOMPARE(protocol::wiresharkDtlsKeyLog(keys),
             std::string("CLIENT_RANDOM aa01 bb02\nCLIENT_RANDOM aa11 bb12\n"));
    QCOMPARE(protocol::wiresharkDtlsKeyLog("1.0 device=0 where=end-to-end E2Eenc=00\n"), std::string());
}

void TestDtlsWireshark::tsharkDecryptsTheCapture()
{
    if (QStandardPaths::findExecutable(QStringLiteral("tshark")).isEmpty())
        QSKIP("tshark is not installed (apt-get install tshark)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString cap = dir.filePath(QStringLiteral("cap"));
    const Run r =
        runMtcsec({QStringLiteral("run"), QStringLiteral("--preset"), QStringLiteral("dtls-end-to-end"),
                   QStringLiteral("--pcap"), cap, QStringLiteral("--quiet")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QFile keysFile(cap + QStringLiteral("/keys.log"));
    QVERIFY(keysFile.open(QIODevice::ReadOnly));
    const QByteArray keys = keysFile.readAll();
    const std::string keyLog = protocol::wiresharkDtlsKeyLog(
        std::string_view(keys.constData(), static_cast<std::size_t>(keys.size())));
    QVERIFY(!keyLog.empty());

    // The profiles: one with the key log, one with the first device's PSK.
    const QString config = dir.filePath(QStringLiteral("wireshark"));
    QVERIFY(QDir().mkpath(config + QStringLiteral("/profiles/keylog")));
    QVERIFY(QDir().mkpath(config + QStringLiteral("/profiles/psk")));
    const QString keyLogPath = dir.filePath(QStringLiteral("dtls.keylog"));
    QVERIFY(writeFile(keyLogPath, QByteArray::fromStdString(keyLog)));
    QVERIFY(writeFile(config + QStringLiteral("/profiles/keylog/preferences"),
                      "tls.keylog_file: " + keyLogPath.toUtf8() + "\n"));
    const qsizetype pskAt = keys.indexOf(" where=dtls ");
    const qsizetype pskStart = keys.indexOf("PSK=", pskAt) + 4;
    const QByteArray psk = keys.mid(pskStart, keys.indexOf('\n', pskStart) - pskStart);
    QVERIFY(!psk.isEmpty());
    const QByteArray pskBytes = QByteArray::fromHex(psk);
    const std::string pskLines = protocol::wiresharkDtlsPreferences(Bytes(pskBytes.begin(), pskBytes.end()));
    QVERIFY(
        writeFile(config + QStringLiteral("/profiles/psk/preferences"), QByteArray::fromStdString(pskLines)));

    const QString sgi = cap + QStringLiteral("/SGi.pcap");
    const QStringList none = coapPayloads(config, QString(), sgi);
    QVERIFY2(none.isEmpty(), qPrintable(none.join(QLatin1Char('|'))));
    const QStringList all = coapPayloads(config, QStringLiteral("keylog"), sgi);
    // The readings and commands in clear (the tampered records too, as Wireshark shows them, changed).
    qsizetype readable = 0;
    for (const QString& payload : all)
        readable +=
            payload.startsWith(QStringLiteral("t=")) || payload.startsWith(QStringLiteral("valve=")) ? 1 : 0;
    QVERIFY2(readable >= 5, qPrintable(all.join(QLatin1Char('|'))));
    const QStringList one = coapPayloads(config, QStringLiteral("psk"), sgi);
    QVERIFY2(!one.isEmpty() && one.size() < all.size(), qPrintable(one.join(QLatin1Char('|'))));
}

QTEST_GUILESS_MAIN(TestDtlsWireshark)
#include "tst_dtls_wireshark.moc"
