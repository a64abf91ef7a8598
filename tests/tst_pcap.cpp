// Packet captures and key log (CaptureRecorder, PcapWriter: pcapng, link type 252) as tshark 4.0 decodes
// them. Every capture here is read back by tshark with no options (but one that makes it verify SCTP's
// CRC32c) and checked for the protocols and fields a student looks at: NAS-EPS security header type, MAC and
// sequence number, the IMSI of the plain Attach Request, S1AP and Diameter on SCTP, GTP-U with its inner
// IP/UDP/CoAP, ESP under NDS/IP, opaque PDCP under UP ciphering, a reading in clear where nothing protects
// it, the end-to-end layer as UDP data; attackers' captures; the key log; simulated timestamps; atomic files.
#include "core/InvalidInput.h"
#include "core/crypto/Hex.h"
#include "core/crypto/SecurityAlgorithms.h"
#include "core/engine/CaptureSink.h"
#include "core/engine/Engine.h"
#include "core/io/AtomicFile.h"
#include "core/report/CaptureRecorder.h"
#include "core/report/PcapWriter.h"
#include "core/scenario/Presets.h"
#include "tests/FileTestSupport.h"
#include "tests/ForwardingCaptureSink.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <sys/stat.h>

using namespace mtcsec;
using namespace mtcsec::engine;

namespace {

const QStringList kLinkFiles = {QStringLiteral("Uu.pcap"),   QStringLiteral("S1-MME.pcap"),
                                QStringLiteral("S1-U.pcap"), QStringLiteral("S6a.pcap"),
                                QStringLiteral("S5.pcap"),   QStringLiteral("SGi.pcap")};

Scenario scenario(const Protection& protection, std::vector<AttackSpec> attacks = {})
{
    Scenario s;
    s.name = "pcap";
    s.devices = 3;
    s.durationS = 25;
    s.traffic.uplinkIntervalS = 5;
    s.traffic.downlinkIntervalS = 10;
    s.protection = protection;
    s.attacks = std::move(attacks);
    s.ue.acceptsNullIntegrity = true; // most captures here are of null integrity: devices that accept it
    return s;
}

Protection nasOn()
{
    Protection p;
    p.nas = {crypto::IntegrityAlgorithm::Eia2, crypto::CipheringAlgorithm::Eea2};
    return p;
}

AttackSpec eavesdropper(const std::string& id, Link link, double rate = 1.0)
{
    AttackSpec a;
    a.id = id;
    a.kind = AttackKind::Eavesdrop;
    a.link = link;
    a.rate = rate;
    return a;
}

// Passes everything on to the recorder and keeps the PDUs, to compare the files with what the engine sent.
class Tee : public test::ForwardingCaptureSink {
public:
    using ForwardingCaptureSink::ForwardingCaptureSink;
    void linkPdu(const PduRecord& pdu) override
    {
        pdus.push_back(pdu);
        ForwardingCaptureSink::linkPdu(pdu);
    }
    void attackerCapture(const std::string& attackId, SimTime time, std::optional<Link> link,
                         std::optional<Node> node, ByteView bytes, bool nasPdu) override
    {
        ++captures[attackId];
        ForwardingCaptureSink::attackerCapture(attackId, time, link, node, bytes, nasPdu);
    }

    std::vector<PduRecord> pdus;
    std::map<std::string, std::uint64_t> captures;
};

// One run recorded into a temporary folder.
struct Recorded {
    QTemporaryDir dir;
    RunSummary summary;
    std::vector<PduRecord> pdus;
    std::map<std::string, std::uint64_t> captures;

    [[nodiscard]] QString file(const QString& name) const { return dir.filePath(name); }
    [[nodiscard]] std::vector<PduRecord> on(Link link) const
    {
        std::vector<PduRecord> out;
        for (const PduRecord& p : pdus)
            if (p.link == link)
                out.push_back(p);
        return out;
    }
};

std::unique_ptr<Recorded> record(const Scenario& s)
{
    auto r = std::make_unique<Recorded>();
    if (!r->dir.isValid())
        return nullptr;
    // MTCSEC_PCAP_KEEP=1 keeps the captures, to open them in Wireshark.
    if (qEnvironmentVariableIsSet("MTCSEC_PCAP_KEEP")) {
        r->dir.setAutoRemove(false);
        qInfo("captures of %s kept in %s", QTest::currentTestFunction(), qPrintable(r->dir.path()));
    }
    report::CaptureRecorder recorder(r->dir.path());
    Tee tee(recorder);
    Engine engine(s);
    engine.setCaptureSink(&tee);
    engine.runToEnd();
    recorder.finish();
    r->summary = engine.summary();
    r->pdus = std::move(tee.pdus);
    r->captures = std::move(tee.captures);
    return r;
}

const AttackTally* tally(const RunSummary& s, const std::string& id)
{
    for (const AttackTally& t : s.attacks)
        if (t.spec.id == id)
            return &t;
    return nullptr;
}

// tshark's output for a file: one row per frame (matching `filter`), one column per field, each column the
// field's occurrences joined by ','. Empty rows and a failure message on error.
struct TsharkRows {
    std::vector<QStringList> rows;
    QString error;
};

TsharkRows tshark(const QString& file, const QString& filter, const QStringList& fields)
{
    // SCTP's checksum is not verified by default (sctp.checksum: None): verified here, a bad one is an error.
    QStringList args{QStringLiteral("-r"),           file,
                     QStringLiteral("-o"),           QStringLiteral("sctp.checksum:CRC-32C"),
                     QStringLiteral("-n"),           QStringLiteral("-T"),
                     QStringLiteral("fields"),       QStringLiteral("-E"),
                     QStringLiteral("occurrence=a"), QStringLiteral("-E"),
                     QStringLiteral("aggregator=,")};
    if (!filter.isEmpty())
        args << QStringLiteral("-Y") << filter;
    for (const QString& f : fields)
        args << QStringLiteral("-e") << f;
    QProcess p;
    // Uu.pcap is read with the Wireshark profile written next to it (its PDCP-LTE framing is a heuristic the
    // profile enables: tst_wiresharkprofile) in two passes (the MAC-I of an RRC Security Mode Command is
    // checked with the algorithms Wireshark learns from it), every other file with tshark's defaults.
    const QFileInfo info(file);
    if (info.fileName() == QLatin1String("Uu.pcap") && info.dir().exists(QStringLiteral("wireshark"))) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("WIRESHARK_CONFIG_DIR"), info.dir().filePath(QStringLiteral("wireshark")));
        p.setProcessEnvironment(env);
        args.prepend(QStringLiteral("-2"));
        args.prepend(QStringLiteral("mtcsec"));
        args.prepend(QStringLiteral("-C"));
    }
    p.start(QStringLiteral("tshark"), args);
    TsharkRows out;
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        out.error = QStringLiteral("tshark %1 failed (exit %2): %3")
                        .arg(args.join(QLatin1Char(' ')))
                        .arg(p.exitCode())
                        .arg(QString::fromLocal8Bit(p.readAllStandardError()));
        return out;
    }
    const QString text = QString::fromUtf8(p.readAllStandardOutput());
    for (const QString& line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        out.rows.push_back(line.split(QLatin1Char('\t')));
    return out;
}

#define TSHARK(var, file, filter, ...)                                                                       \
    const TsharkRows var = tshark(file, filter, QStringList{__VA_ARGS__});                                   \
    QVERIFY2(var.error.isEmpty(), qPrintable(var.error))

// The bytes of a tshark bytes field ("743d2b", or "74:3d:2b" in other output formats).
QByteArray hexField(const QString& field)
{
    QString hex = field;
    hex.remove(QLatin1Char(':'));
    return QByteArray::fromHex(hex.toLatin1());
}

bool fileContains(const QString& path, const QByteArray& needle)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) && f.readAll().contains(needle);
}

std::int64_t micros(const QString& epochSeconds)
{
    // "12.345678000": exact decimal, no floating point.
    const QStringList parts = epochSeconds.split(QLatin1Char('.'));
    const std::int64_t whole = parts.value(0).toLongLong();
    const std::int64_t frac = (parts.value(1) + QStringLiteral("000000")).left(6).toLongLong();
    return whole * 1'000'000 + frac;
}

} // namespace

class TestPcap : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void pcapFileFormat();
    void presetsDecodeCleanly_data();
    void presetsDecodeCleanly();
    void filesPerLinkAndAttacker();
    void readingInClearWithoutProtection();
    void nasSecurityHeaders();
    void ndsIpShowsOnlyEsp();
    void upCipheringLeavesOpaquePdcp();
    void diameterOnSctp();
    void sctpChecksumsAreGood();
    void endToEndLayerIsUdpData_data();
    void endToEndLayerIsUdpData();
    void attackerCaptures();
    void keyLogFollowsTheKeys();
    void timestampsAreSimulatedTime();
    void discardedWithoutFinish();
    void refusesBadFolder();
    void failedFinishLeavesNothing();
    void specialFileInFolderRefused();
    void openFilesStayBounded_data();
    void openFilesStayBounded();
};

void TestPcap::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("tshark")).isEmpty())
        QFAIL("tshark not installed: run installer/bootstrap.sh test");
}

void TestPcap::pcapFileFormat()
{
    // pcapng (little-endian): a section header, one interface of link type 252 in microseconds, and enhanced
    // packet blocks of exported PDUs: tag 12 with the zero-padded dissector name, end-of-options, then the
    // PDU; timestamps to the microsecond; a frame comment where one is given.
    QCOMPARE(toHex(report::exportedPduHeader("nas-eps")), std::string("000c00086e61732d6570730000000000"));
    QCOMPARE(toHex(report::exportedPduHeader("ip")), std::string("000c0004"
                                                                 "69700000"
                                                                 "00000000"));
    QCOMPARE(toHex(report::exportedPduHeader("data")), std::string("000c00046461746100000000"));
    QCOMPARE(toHex(report::exportedPduHeader("nas-eps", {std::pair{0x0a000001u, 0x0a000002u}, "PDCP"})),
             std::string("000c00086e61732d65707300"
                         "001400040a000001"
                         "001500040a000002"
                         "0021000450444350"
                         "00000000"));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("w.pcap"));
    // The SMC of reference section 4.4 (SHT 3, MAC 56e9ae81, SN 0) and an attach request.
    const Bytes smc = fromHex("3756e9ae8100075d220002e0e0", "smc");
    {
        report::PcapWriter w(path);
        w.write(1'500'002, "nas-eps", smc);
        w.write(62'000'000, "data", Bytes{1, 2, 3}, {}, "a comment");
        QCOMPARE(w.packets(), std::uint64_t{2});
        QVERIFY(!QFile::exists(path)); // not before commit()
        w.commit();
    }
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    // Section header block (64 octets): byte-order magic, version 1.0, section length -1, shb_userappl.
    QCOMPARE(bytes.left(24).toHex(), QByteArray("0a0d0d0a"
                                                "40000000"
                                                "4d3c2b1a"
                                                "01000000"
                                                "ffffffffffffffff"));
    QCOMPARE(bytes.mid(24, 4 + 25), QByteArray("\x04\x00\x19\x00mtcsec (MTC Security Lab)", 4 + 25));
    // Interface description block (32 octets): link type 252, snap length 262144, if_tsresol 6.
    QCOMPARE(bytes.mid(64, 32).toHex(), QByteArray("01000000"
                                                   "20000000"
                                                   "fc000000"
                                                   "00000400"
                                                   "0900010006000000"
                                                   "00000000"
                                                   "20000000"));
    // Enhanced packet block: interface 0, 1500002 us as two 32-bit halves, captured and original length
    // 16 + 13, the packet padded to 32 octets, no options.
    QCOMPARE(bytes.mid(96, 28).toHex(), QByteArray("06000000"
                                                   "40000000"
                                                   "00000000"
                                                   "00000000"
                                                   "62e31600"
                                                   "1d000000"
                                                   "1d000000"));
    // The second packet's comment: opt_comment, 9 octets padded to 12, end of options.
    QVERIFY(bytes.contains(QByteArray("\x01\x00\x09\x00"
                                      "a comment\0\0\0"
                                      "\0\0\0\0",
                                      20)));
    QCOMPARE(bytes.size(), 64 + 32 + (28 + 32 + 4) + (28 + 16 + 16 + 4 + 4));

    TSHARK(rows, path, QString(), "frame.time_epoch", "exported_pdu.prot_name",
           "nas_eps.security_header_type", "nas_eps.msg_auth_code", "nas_eps.seq_no",
           "nas_eps.nas_msg_emm_type", "data.data", "frame.comment");
    QCOMPARE(rows.rows.size(), std::size_t{2});
    QCOMPARE(micros(rows.rows[0][0]), std::int64_t{1'500'002});
    // (The SMC's inner plain message has a security header type of its own: 0.)
    QCOMPARE(rows.rows[0].mid(1, 5), (QStringList{"nas-eps", "3,0", "0x56e9ae81", "0", "0x5d"}));
    QCOMPARE(micros(rows.rows[1][0]), std::int64_t{62'000'000});
    QCOMPARE(rows.rows[1][1], QStringLiteral("data"));
    QCOMPARE(rows.rows[1][6], QStringLiteral("010203"));
    QCOMPARE(rows.rows[0][7], QString());
    QCOMPARE(rows.rows[1][7], QStringLiteral("a comment"));
}

void TestPcap::presetsDecodeCleanly_data()
{
    QTest::addColumn<QString>("preset");
    for (const Preset& p : presets())
        QTest::newRow(p.name.c_str()) << QString::fromStdString(p.name);
}

void TestPcap::presetsDecodeCleanly()
{
    // Every built-in scenario, shortened: every file opens in tshark and no frame is malformed or carries an
    // error, whatever the attackers did to the bytes (tampered ciphertext is still well-formed ciphertext).
    QFETCH(QString, preset);
    Scenario s = presetScenario(preset.toStdString()).value();
    s.devices = std::min<std::uint32_t>(s.devices, 4);
    s.durationS = std::min(s.durationS, 30.0);
    const auto r = record(s);
    QVERIFY(r);
    for (const QString& name : test::entries(r->dir.path())) {
        if (!name.endsWith(QLatin1String(".pcap")))
            continue;
        // Not counted: a ciphered NAS message (security header type 2 or 4) that Wireshark's NAS-EPS
        // heuristic
        // ("if pd is in plaintext this message probably isn't ciphered") took for plain ESM because its first
        // ciphertext octet happens to read as one (about 11 in 256 ciphertexts); it then has no
        // nas_eps.ciphered_msg. Seen with mixed-snow3g shortened to its SNOW-3G-only devices.
        // Nor a DTLS handshake flight of epoch 0 (in clear, RFC 6347): a tampered one may no longer parse
        // (the receiver answers with a decode_error alert). Seen with dtls-end-to-end.
        TSHARK(bad, r->file(name),
               QStringLiteral("(_ws.malformed || _ws.expert.severity >= \"error\") && "
                              "!((nas_eps.security_header_type == 2 || nas_eps.security_header_type == 4) && "
                              "!nas_eps.ciphered_msg) && !(dtls.record.epoch == 0)"),
               "frame.number", "_ws.expert.message", "frame.protocols");
        for (const QStringList& row : bad.rows)
            qWarning("%s: %s", qPrintable(name), qPrintable(row.join(QLatin1Char(' '))));
        QVERIFY2(bad.rows.empty(), qPrintable(name));
    }
}

void TestPcap::filesPerLinkAndAttacker()
{
    // One pcap per link and one per attacker that captured or changed anything, plus keys.log; every one
    // opens in tshark.
    AttackSpec late = eavesdropper("late", Link::S5);
    late.startS = 100; // after the end: never captures
    AttackSpec tamper = eavesdropper("t1", Link::SGi);
    tamper.kind = AttackKind::Tamper; // its file: what it changed (tst_attackcapture)
    const auto r = record(scenario(Protection{}, {eavesdropper("e/1", Link::Uu), late, tamper}));
    QVERIFY(r);
    QStringList expected = kLinkFiles;
    expected << QStringLiteral("attack-e_1.pcap") << QStringLiteral("attack-t1.pcap")
             << QStringLiteral("keys.log")
             << QStringLiteral("wireshark"); // the profile (tst_wiresharkprofile)
    expected.sort();
    QStringList files = test::entries(r->dir.path());
    files.sort();
    QCOMPARE(files, expected);
    for (const QString& name : files) {
        if (!name.endsWith(QLatin1String(".pcap")))
            continue;
        TSHARK(rows, r->file(name), QString(), "frame.number");
        QVERIFY2(!rows.rows.empty(), qPrintable(name));
    }
}

void TestPcap::readingInClearWithoutProtection()
{
    // Nothing protects the user plane: SGi and S1-U (GTP-U with the inner IP/UDP/CoAP) and the DRB on Uu show
    // the device's readings "t=+..." to anyone with tshark.
    const auto r = record(scenario(Protection{}));
    QVERIFY(r);
    for (const QString& name :
         {QStringLiteral("SGi.pcap"), QStringLiteral("S1-U.pcap"), QStringLiteral("Uu.pcap")}) {
        TSHARK(rows, r->file(name), QStringLiteral("udp.port == 5683 && coap"), "coap.opt.uri_path",
               "data.data");
        unsigned readings = 0;
        for (const QStringList& row : rows.rows)
            readings +=
                row.value(0) == QLatin1String("r") && hexField(row.value(1)).startsWith("t=+") ? 1u : 0u;
        QVERIFY2(readings >= 9u, qPrintable(name + QStringLiteral(": %1 readings").arg(readings)));
    }
    // S1-U: outer IP/UDP 2152/GTP-U, inner IP/UDP 5683: two IP headers and two UDP ports per frame.
    TSHARK(gtp, r->file(QStringLiteral("S1-U.pcap")), QStringLiteral("gtp"), "frame.protocols", "ip.src",
           "udp.dstport", "gtp.teid");
    QVERIFY(!gtp.rows.empty());
    for (const QStringList& row : gtp.rows) {
        QVERIFY2(row[0].endsWith(QLatin1String("ip:udp:gtp:ip:udp:coap:data")), qPrintable(row[0]));
        QCOMPARE(row[1].split(QLatin1Char(',')).size(), 2);
        QCOMPARE(row[2].split(QLatin1Char(',')).value(0), QStringLiteral("2152"));
        QCOMPARE(row[2].split(QLatin1Char(',')).value(1), QStringLiteral("5683"));
        QVERIFY(!row[3].isEmpty());
    }
    // Without NAS ciphering the Attach Accept is readable on Uu and on S1-MME.
    for (const QString& name : {QStringLiteral("Uu.pcap"), QStringLiteral("S1-MME.pcap")}) {
        TSHARK(accept, r->file(name), QStringLiteral("nas_eps.nas_msg_emm_type == 0x42"), "frame.number");
        QCOMPARE(accept.rows.size(), std::size_t{3});
    }
}

void TestPcap::nasSecurityHeaders()
{
    // NAS EIA2+EEA2: the plain Attach Request with the IMSI (nothing can protect it), the SMC (SHT 3) and its
    // Complete (SHT 4) with MAC and SN 0, then Attach Accept/Complete integrity protected and ciphered (SHT
    // 2), whose message type tshark cannot see. The same on Uu and, inside S1AP, on S1-MME.
    const auto r = record(scenario(nasOn()));
    QVERIFY(r);
    for (const QString& name : {QStringLiteral("Uu.pcap"), QStringLiteral("S1-MME.pcap")}) {
        TSHARK(rows, r->file(name), QStringLiteral("nas-eps"), "nas_eps.security_header_type",
               "nas_eps.msg_auth_code", "nas_eps.seq_no", "nas_eps.nas_msg_emm_type", "e212.imsi",
               "nas_eps.ciphered_msg");
        std::map<int, int> bySht;
        std::set<QString> imsis;
        int guessed = 0;
        for (const QStringList& row : rows.rows) {
            const int sht = row[0].split(QLatin1Char(',')).value(0).toInt();
            ++bySht[sht];
            const QString mac = row[1];
            const QString sn = row[2];
            const QString type = row[3];
            const bool ciphered = !row[5].isEmpty();
            switch (sht) {
            case 0:
                QVERIFY(mac.isEmpty() && sn.isEmpty());
                if (type == QLatin1String("0x41")) {
                    QVERIFY2(QRegularExpression(QStringLiteral("^00101\\d{10}$")).match(row[4]).hasMatch(),
                             qPrintable(row[4]));
                    imsis.insert(row[4]);
                }
                break;
            case 3: // Security Mode Command: integrity only, the message readable
                QVERIFY2(QRegularExpression(QStringLiteral("^0x[0-9a-f]{8}$")).match(mac).hasMatch(),
                         qPrintable(mac));
                QCOMPARE(sn, QStringLiteral("0"));
                QCOMPARE(type, QStringLiteral("0x5d"));
                QVERIFY(!ciphered);
                break;
            case 4: // Security Mode Complete: the first ciphered message
            case 2: // Attach Accept, Attach Complete
                QVERIFY2(QRegularExpression(QStringLiteral("^0x[0-9a-f]{8}$")).match(mac).hasMatch(),
                         qPrintable(mac));
                QCOMPARE(sn, sht == 4 ? QStringLiteral("0") : QStringLiteral("1"));
                // tshark 4.0 shows "Ciphered message", unless the ciphertext's first octet happens to look
                // like a plain NAS header: then it guesses EEA0 (preference nas-eps.null_decipher, on by
                // default) and shows a plain header with a meaningless message type.
                if (!ciphered) {
                    QVERIFY2(row[0].split(QLatin1Char(',')).size() == 2,
                             qPrintable(row.join(QLatin1Char('|'))));
                    ++guessed;
                }
                QVERIFY2(type != QLatin1String("0x42") && type != QLatin1String("0x43") &&
                             type != QLatin1String("0x5e"),
                         qPrintable(row.join(QLatin1Char('|'))));
                break;
            default:
                QFAIL(qPrintable(QStringLiteral("unexpected security header type %1").arg(sht)));
            }
        }
        QCOMPARE(imsis.size(), std::size_t{3});
        QCOMPARE(bySht[3], 3);
        QCOMPARE(bySht[4], 3);
        QCOMPARE(bySht[2], 6);
        QVERIFY2(guessed * 4 <= bySht[2] + bySht[4], qPrintable(QString::number(guessed)));
        TSHARK(accept, r->file(name), QStringLiteral("nas_eps.nas_msg_emm_type == 0x42"), "frame.number");
        QVERIFY(accept.rows.empty());
    }
    // S1-MME: one frame per packet, IPv4/SCTP 36412/S1AP with its NAS PDU decoded inside (no NAS frame of
    // its own); S1AP messages without a NAS-PDU (Initial Context Setup Response) end at S1AP.
    TSHARK(s1, r->file(QStringLiteral("S1-MME.pcap")), QString(), "frame.protocols", "sctp.dstport",
           "s1ap.procedureCode");
    QCOMPARE(s1.rows.size(), r->on(Link::S1Mme).size());
    std::size_t withNas = 0;
    for (const QStringList& row : s1.rows) {
        QVERIFY2(row[0] == QLatin1String("exported_pdu:ip:sctp:s1ap:nas-eps") ||
                     (row[0] == QLatin1String("exported_pdu:ip:sctp:s1ap") && row[2] == QLatin1String("9")),
                 qPrintable(row.join(QLatin1Char('|'))));
        QCOMPARE(row[1], QStringLiteral("36412"));
        withNas += row[0].endsWith(QLatin1String(":nas-eps")) ? 1u : 0u;
    }
    QVERIFY(withNas >= 3 * 6);
}

void TestPcap::ndsIpShowsOnlyEsp()
{
    // NDS/IP on S1-U: only ESP (SPI, sequence number) on that link, no GTP-U and no reading anywhere in the
    // file; SGi, which NDS/IP does not cover here, still shows the readings.
    Protection p;
    p.setNds(Link::S1U, true);
    const auto r = record(scenario(p));
    QVERIFY(r);
    const QString s1u = r->file(QStringLiteral("S1-U.pcap"));
    TSHARK(all, s1u, QString(), "frame.protocols", "esp.spi", "esp.sequence");
    QVERIFY(all.rows.size() >= 15);
    for (const QStringList& row : all.rows) {
        QCOMPARE(row[0], QStringLiteral("exported_pdu:ip:esp"));
        QVERIFY(!row[1].isEmpty() && !row[2].isEmpty());
    }
    TSHARK(clear, s1u, QStringLiteral("gtp || udp || coap || data"), "frame.number");
    QVERIFY(clear.rows.empty());
    QVERIFY(!fileContains(s1u, "t=+"));
    QVERIFY(fileContains(r->file(QStringLiteral("SGi.pcap")), "t=+"));
}

void TestPcap::upCipheringLeavesOpaquePdcp()
{
    // UP ciphering (EEA2) on Uu, read without the keys (the profile removed): the DRB PDUs are opaque data
    // in their PDCP-LTE framing, with no CoAP and no reading; S1-U behind the eNB still carries them in
    // clear.
    Protection p;
    p.as.upCiphering = crypto::CipheringAlgorithm::Eea2;
    const auto r = record(scenario(p));
    QVERIFY(r);
    QVERIFY(QDir(r->file(QStringLiteral("wireshark"))).removeRecursively());
    const QString uu = r->file(QStringLiteral("Uu.pcap"));
    TSHARK(coap, uu, QStringLiteral("coap || pdcp-lte"), "frame.number");
    QVERIFY(coap.rows.empty());
    TSHARK(data, uu, QStringLiteral("udp.port == 9036"), "data.data");
    std::size_t drb = 0;
    for (const QStringList& row : data.rows) {
        const QByteArray bytes = hexField(row[0]);
        QVERIFY(!bytes.contains("t=+"));
        drb += bytes.startsWith(QByteArray("pdcp-lte\0\2", 10)) ? 1u : 0u; // the user plane: DRB1
    }
    std::size_t sent = 0;
    for (const PduRecord& pdu : r->on(Link::Uu))
        sent += pdu.bytes.front() == 3 ? 1u : 0u;
    QCOMPARE(drb, sent);
    QVERIFY(drb >= 15);
    QVERIFY(!fileContains(uu, "t=+"));
    QVERIFY(fileContains(r->file(QStringLiteral("S1-U.pcap")), "t=+"));
}

void TestPcap::diameterOnSctp()
{
    // S6a is Diameter (RFC 6733) on SCTP 3868 with PPID 46, which tshark 4.0 decodes with no option: the
    // Authentication-Information Answer shows the vector's KASME to an eavesdropper on an unprotected S6a.
    const auto r = record(scenario(Protection{}));
    QVERIFY(r);
    TSHARK(rows, r->file(QStringLiteral("S6a.pcap")), QString(), "frame.protocols", "sctp.dstport",
           "sctp.data_payload_proto_id", "diameter.cmd.code", "diameter.flags.request", "diameter.KASME");
    QCOMPARE(rows.rows.size(), std::size_t{6});
    int requests = 0;
    int withKasme = 0;
    for (const QStringList& row : rows.rows) {
        QCOMPARE(row[0], QStringLiteral("exported_pdu:ip:sctp:diameter"));
        QCOMPARE(row[1], QStringLiteral("3868"));
        QCOMPARE(row[2], QStringLiteral("46"));
        QCOMPARE(row[3], QStringLiteral("318")); // Authentication-Information (TS 29.272 7.2.5)
        const bool request = row[4] == QLatin1String("1") || row[4] == QLatin1String("True");
        requests += request ? 1 : 0;
        withKasme += row[5].isEmpty() ? 0 : 1;
        QVERIFY(!request || row[5].isEmpty());
    }
    QCOMPARE(requests, 3);
    QCOMPARE(withKasme, 3);
}

void TestPcap::sctpChecksumsAreGood()
{
    // Every SCTP packet on S1-MME and S6a, attackers' ones included (a tamperer writes the CRC32c again, a
    // replayer and a forger use the association's next TSN), has a checksum Wireshark verifies as good
    // (status 1), is one DATA chunk with S1AP's or Diameter's PPID decoded as such, and has no TSN seen twice
    // (Wireshark's "Retransmitted TSN", which would leave its S1AP undecoded). Tamperer and replayer in one
    // run, the forgers (who need attached devices) in another.
    const auto active = [](const char* id, AttackKind kind, Link link) {
        AttackSpec a = eavesdropper(id, link, kind == AttackKind::Inject ? 1.0 : 0.5);
        a.kind = kind;
        a.replayDelayS = 2;
        return a;
    };
    for (const std::vector<AttackSpec>& attacks :
         {std::vector<AttackSpec>{active("t", AttackKind::Tamper, Link::S1Mme),
                                  active("r", AttackKind::Replay, Link::S1Mme)},
          std::vector<AttackSpec>{active("f", AttackKind::Inject, Link::S1Mme),
                                  active("f6", AttackKind::Inject, Link::S6a)}}) {
        const auto r = record(scenario(nasOn(), attacks));
        QVERIFY(r);
        for (const AttackSpec& a : attacks) {
            const AttackTally* t = tally(r->summary, a.id);
            QVERIFY2(t && t->attempts > 0, a.id.c_str());
        }
        for (const auto& [file, ppid, top] :
             {std::tuple{QStringLiteral("S1-MME.pcap"), QStringLiteral("18"), QStringLiteral(":sctp:s1ap")},
              std::tuple{QStringLiteral("S6a.pcap"), QStringLiteral("46"),
                         QStringLiteral(":sctp:diameter")}}) {
            TSHARK(rows, r->file(file), QString(), "sctp.checksum.status", "sctp.chunk_type",
                   "sctp.data_payload_proto_id", "_ws.expert.message", "frame.protocols");
            QVERIFY2(rows.rows.size() >= 6, qPrintable(file));
            for (const QStringList& row : rows.rows) {
                QCOMPARE(row.mid(0, 3), (QStringList{QStringLiteral("1"), QStringLiteral("0"), ppid}));
                QVERIFY2(!row[3].contains(QLatin1String("TSN")), qPrintable(row[3]));
                QVERIFY2(row[4].contains(top), qPrintable(row[4]));
            }
        }
    }
}

void TestPcap::endToEndLayerIsUdpData_data()
{
    QTest::addColumn<QString>("mode");
    QTest::newRow("integrity") << QStringLiteral("integrity");
    QTest::newRow("aead") << QStringLiteral("aead");
}

void TestPcap::endToEndLayerIsUdpData()
{
    // The end-to-end layer's protected messages travel on UDP 5685, which Wireshark 4.0 gives to no
    // dissector: SGi shows them as UDP data (the layer's header and body), never as DTLS (5684) or CoAP.
    QFETCH(QString, mode);
    Protection p;
    p.app = *appPreset(mode.toStdString());
    const auto r = record(scenario(p));
    QVERIFY(r);
    TSHARK(rows, r->file(QStringLiteral("SGi.pcap")), QString(), "frame.protocols", "udp.srcport",
           "udp.dstport");
    QVERIFY(rows.rows.size() >= 15);
    for (const QStringList& row : rows.rows)
        QCOMPARE(row, (QStringList{QStringLiteral("exported_pdu:ip:udp:data"), QStringLiteral("5685"),
                                   QStringLiteral("5685")}));
}

void TestPcap::attackerCaptures()
{
    // An eavesdropper's file holds what it captured: one frame per attempt on Uu and on S1-MME (IP / SCTP /
    // S1AP, the NAS PDU inside, as in the link's file). An insider in the eNB gets the NAS PDUs and inner IP
    // packets the eNB holds.
    AttackSpec insider;
    insider.id = "in";
    insider.kind = AttackKind::Insider;
    insider.node = Node::ENB;
    const auto r = record(
        scenario(nasOn(), {eavesdropper("uu", Link::Uu, 0.5), eavesdropper("mme", Link::S1Mme), insider}));
    QVERIFY(r);
    const AttackTally* uu = tally(r->summary, "uu");
    const AttackTally* mme = tally(r->summary, "mme");
    const AttackTally* in = tally(r->summary, "in");
    QVERIFY(uu && mme && in);
    QVERIFY(uu->attempts > 10 && uu->attempts < r->on(Link::Uu).size());

    TSHARK(uuRows, r->file(QStringLiteral("attack-uu.pcap")), QString(), "exported_pdu.prot_name");
    QCOMPARE(uuRows.rows.size(), static_cast<std::size_t>(uu->attempts));

    TSHARK(mmeRows, r->file(QStringLiteral("attack-mme.pcap")), QString(), "exported_pdu.prot_name",
           "frame.protocols");
    QCOMPARE(mmeRows.rows.size(), static_cast<std::size_t>(mme->attempts));
    std::size_t nasInside = 0;
    for (const QStringList& row : mmeRows.rows) {
        QCOMPARE(row[0], QStringLiteral("ip"));
        nasInside += row[1].endsWith(QLatin1String("sctp:s1ap:nas-eps")) ? 1u : 0u;
    }
    QVERIFY(nasInside > 0);
    // Rate 1: the same bytes as the link's own file.
    QFile a(r->file(QStringLiteral("attack-mme.pcap")));
    QFile l(r->file(QStringLiteral("S1-MME.pcap")));
    QVERIFY(a.open(QIODevice::ReadOnly) && l.open(QIODevice::ReadOnly));
    QCOMPARE(a.readAll(), l.readAll());

    TSHARK(inRows, r->file(QStringLiteral("attack-in.pcap")), QString(), "exported_pdu.prot_name",
           "nas_eps.nas_msg_emm_type", "coap.opt.uri_path");
    QCOMPARE(inRows.rows.size(), static_cast<std::size_t>(in->attempts));
    std::size_t nas = 0;
    std::size_t coap = 0;
    for (const QStringList& row : inRows.rows) {
        nas += row[0] == QLatin1String("nas-eps") ? 1u : 0u;
        coap += row[0] == QLatin1String("ip") && !row[2].isEmpty() ? 1u : 0u;
    }
    QCOMPARE(nas + coap, inRows.rows.size());
    QVERIFY(nas > 0 && coap > 0);
    QCOMPARE(r->captures.at("in"), in->attempts);
}

void TestPcap::keyLogFollowsTheKeys()
{
    // keys.log: a header, then per device the end-to-end keys from the start and, after its NAS SMC, KNASint:
    // the key that verifies the MAC tshark shows on that device's Security Mode Command.
    const auto r = record(scenario(nasOn()));
    QVERIFY(r);
    QFile f(r->file(QStringLiteral("keys.log")));
    QVERIFY(f.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(lines.size() > 1);
    QVERIFY(lines[0].startsWith(QLatin1String("# mtcsec key log")));
    const QRegularExpression line(
        QStringLiteral("^(\\d+\\.\\d{6}) device=(\\d+) where=(device|end-to-end) (.+)$"));
    const QRegularExpression knasint(QStringLiteral("\\bKNASint=([0-9a-f]{32})\\b"));
    std::map<std::uint32_t, std::pair<std::int64_t, QString>> firstKnasInt;
    std::set<std::uint32_t> endToEnd;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const auto m = line.match(lines[i]);
        QVERIFY2(m.hasMatch(), qPrintable(lines[i]));
        const auto device = static_cast<std::uint32_t>(m.captured(2).toUInt());
        if (m.captured(3) == QLatin1String("end-to-end")) {
            QCOMPARE(m.captured(1), QStringLiteral("0.000000"));
            QVERIFY(m.captured(4).contains(QLatin1String("E2Eenc=")));
            endToEnd.insert(device);
            continue;
        }
        const auto k = knasint.match(m.captured(4));
        if (k.hasMatch() && !firstKnasInt.count(device))
            firstKnasInt[device] = {micros(m.captured(1)), k.captured(1)};
    }
    QCOMPARE(endToEnd.size(), std::size_t{3});
    QCOMPARE(firstKnasInt.size(), std::size_t{3});

    TSHARK(smcRows, r->file(QStringLiteral("Uu.pcap")), QStringLiteral("nas_eps.security_header_type == 3"),
           "frame.time_epoch", "nas_eps.msg_auth_code");
    QCOMPARE(smcRows.rows.size(), std::size_t{3});
    for (const auto& [device, key] : firstKnasInt) {
        // The device's SMC on Uu: sent before the key line, and its MAC is EIA2 under the logged KNASint.
        std::optional<PduRecord> smc;
        for (const PduRecord& p : r->on(Link::Uu)) {
            const auto exported = report::exportLinkPdu(Link::Uu, p.bytes);
            if (p.device == device && exported.size() == 1 && exported[0].dissector == "nas-eps" &&
                exported[0].bytes.at(0) == 0x37) {
                smc = p;
                break;
            }
        }
        QVERIFY(smc);
        QVERIFY(smc->time <= key.first);
        const Bytes nas = report::exportLinkPdu(Link::Uu, smc->bytes)[0].bytes;
        const Bytes k = fromHex(key.second.toStdString(), "KNASint");
        const crypto::Mac mac =
            crypto::computeMac(crypto::IntegrityAlgorithm::Eia2, k, {nas[5], 0, crypto::Direction::Downlink},
                               ByteView(nas).subspan(5));
        const QString shown = QStringLiteral("0x") + QString::fromStdString(toHex(mac));
        QVERIFY(std::equal(mac.begin(), mac.end(), nas.begin() + 1));
        bool found = false;
        for (const QStringList& row : smcRows.rows)
            found = found || (micros(row[0]) == smc->time && row[1] == shown);
        QVERIFY2(found, qPrintable(shown));
    }
}

void TestPcap::timestampsAreSimulatedTime()
{
    // Every frame's time is the simulated time of its PDU, to the microsecond, in order, on every link.
    const auto r = record(scenario(nasOn(), {eavesdropper("e", Link::SGi)}));
    QVERIFY(r);
    for (const Link link : kAllLinks) {
        std::vector<std::int64_t> expected;
        for (const PduRecord& p : r->on(link))
            for (std::size_t i = 0; i < report::exportLinkPdu(link, p.bytes).size(); ++i)
                expected.push_back(p.time);
        const std::string_view linkName = name(link);
        const QString file =
            r->file(QString::fromLatin1(linkName.data(), static_cast<qsizetype>(linkName.size())) +
                    QStringLiteral(".pcap"));
        TSHARK(rows, file, QString(), "frame.time_epoch");
        std::vector<std::int64_t> times;
        for (const QStringList& row : rows.rows)
            times.push_back(micros(row[0]));
        QVERIFY(!times.empty());
        QCOMPARE(times, expected);
    }
    TSHARK(attack, r->file(QStringLiteral("attack-e.pcap")), QString(), "frame.time_epoch");
    TSHARK(sgi, r->file(QStringLiteral("SGi.pcap")), QString(), "frame.time_epoch");
    QCOMPARE(attack.rows, sgi.rows);
}

void TestPcap::discardedWithoutFinish()
{
    // A recorder destroyed without finish() (a cancelled recording, an exception) leaves nothing behind.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    {
        report::CaptureRecorder recorder(dir.path());
        Engine engine(scenario(Protection{}, {eavesdropper("e", Link::Uu)}));
        engine.setCaptureSink(&recorder);
        engine.runUntil(fromSeconds(10));
    }
    QCOMPARE(test::entries(dir.path()), QStringList());
}

void TestPcap::refusesBadFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto refusal = [](const QString& folder) {
        try {
            report::CaptureRecorder recorder(folder);
        } catch (const InvalidInput& e) {
            return QString::fromUtf8(e.what());
        }
        return QString();
    };
    const QString missing = dir.filePath(QStringLiteral("no/such/folder"));
    QCOMPARE(refusal(missing), missing + QStringLiteral(": cannot write: the folder does not exist"));
    const QString file = dir.filePath(QStringLiteral("file"));
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    QCOMPARE(refusal(file), file + QStringLiteral(": cannot write: it is a file, not a folder"));
    // The capture folder itself is never a symbolic link, not even to a real folder.
    const QString real = dir.filePath(QStringLiteral("real"));
    const QString link = dir.filePath(QStringLiteral("link"));
    QVERIFY(QDir().mkdir(real));
    QVERIFY(QFile::link(real, link));
    QCOMPARE(refusal(link),
             link + QStringLiteral(": cannot write: the folder is a symbolic link (not followed)"));
    QVERIFY(test::errorText([&] { report::CaptureRecorder::checkFolder(link, {}); }).startsWith(link));
    QCOMPARE(test::entries(dir.path()),
             (QStringList{QStringLiteral("file"), QStringLiteral("link"), QStringLiteral("real")}));
    QCOMPARE(test::entries(real), QStringList());
}

void TestPcap::failedFinishLeavesNothing()
{
    // A full disk (every write sent to /dev/full by the test hook): finish() says which file it could not
    // write and why, leaves no new file, and the files there before keep their content.
    if (!QFile::exists(QStringLiteral("/dev/full")))
        QSKIP("no /dev/full on this system");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile old(dir.filePath(QStringLiteral("Uu.pcap")));
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("previous capture");
    old.close();
    io::testing::redirectWrites(QStringLiteral("/dev/full"));
    report::CaptureRecorder recorder(dir.path());
    io::testing::redirectWrites({});
    Engine engine(scenario(Protection{}, {eavesdropper("e", Link::Uu)}));
    engine.setCaptureSink(&recorder);
    engine.runToEnd();
    engine.setCaptureSink(nullptr);
    const QString what = test::errorText([&] { recorder.finish(); });
    QCOMPARE(what, dir.filePath(QStringLiteral("Uu.pcap")) +
                       QStringLiteral(": cannot write: No space left on device"));
    QCOMPARE(test::entries(dir.path()), QStringList{QStringLiteral("Uu.pcap")});
    QVERIFY(old.open(QIODevice::ReadOnly));
    QCOMPARE(old.readAll(), QByteArray("previous capture"));
}

void TestPcap::specialFileInFolderRefused()
{
    // A FIFO or a symbolic link where a capture goes is refused before the run (checkFolder) and by the
    // recorder, and left as it was.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fifo = dir.filePath(QStringLiteral("attack-e.pcap"));
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0644) == 0);
    const QString link = dir.filePath(QStringLiteral("keys.log"));
    QVERIFY(QFile::link(QStringLiteral("/dev/null"), link));
    QCOMPARE(test::errorText([&] { report::CaptureRecorder::checkFolder(dir.path(), {"e"}); }),
             link + QStringLiteral(": cannot write: is a symbolic link (only regular files are replaced)"));
    QVERIFY(QFile::remove(link));
    QCOMPARE(test::errorText([&] { report::CaptureRecorder::checkFolder(dir.path(), {"e"}); }),
             fifo + QStringLiteral(": cannot write: is a FIFO (only regular files are replaced)"));
    // The recorder meets it at the attacker's first capture, and reports it when finishing.
    report::CaptureRecorder recorder(dir.path());
    Engine engine(scenario(Protection{}, {eavesdropper("e", Link::Uu)}));
    engine.setCaptureSink(&recorder);
    engine.runToEnd();
    engine.setCaptureSink(nullptr);
    QCOMPARE(test::errorText([&] { recorder.finish(); }),
             fifo + QStringLiteral(": cannot write: is a FIFO (only regular files are replaced)"));
    QCOMPARE(test::entries(dir.path()), QStringList{QStringLiteral("attack-e.pcap")});
    struct stat st {};
    QVERIFY(::lstat(QFile::encodeName(fifo).constData(), &st) == 0 && S_ISFIFO(st.st_mode));
}

void TestPcap::openFilesStayBounded_data()
{
    QTest::addColumn<std::size_t>("openAttackFiles");
    QTest::addColumn<qsizetype>("bufferedBytes");
    const report::CaptureRecorder::Limits product;
    QTest::newRow("the product's limits") << product.openAttackFiles << product.bufferedBytes;
    QTest::newRow("small limits") << std::size_t{8} << qsizetype{256 * 1024};
}

void TestPcap::openFilesStayBounded()
{
    // 1,000 eavesdroppers on Uu at rate 1: at most Limits::openAttackFiles of their files are open at a time
    // (the others closed and reopened in append mode), and each holds exactly what Uu.pcap holds; with small
    // limits (8 files, 256 KiB in memory) too, where the files are written out many times during the run.
    QFETCH(std::size_t, openAttackFiles);
    QFETCH(qsizetype, bufferedBytes);
    const auto openFiles = [] {
        return QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::System).size();
    };
    if (openFiles() == 0)
        QSKIP("no /proc/self/fd");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::vector<AttackSpec> attacks;
    for (int i = 0; i < 1000; ++i)
        attacks.push_back(eavesdropper("e" + std::to_string(i), Link::Uu));
    const qsizetype before = openFiles();
    qsizetype most = 0;
    {
        report::CaptureRecorder recorder(dir.path(), {openAttackFiles, bufferedBytes});
        Engine engine(scenario(Protection{}, attacks));
        engine.setCaptureSink(&recorder);
        while (engine.now() < fromSeconds(25)) {
            engine.runUntil(engine.now() + fromSeconds(1));
            most = std::max(most, openFiles());
        }
        engine.setCaptureSink(nullptr);
        recorder.finish();
    }
    QVERIFY2(most - before <= static_cast<qsizetype>(openAttackFiles) + 8,
             qPrintable(QStringLiteral("%1 files open").arg(most - before)));
    QCOMPARE(openFiles(), before);
    QFile uu(dir.filePath(QStringLiteral("Uu.pcap")));
    QVERIFY(uu.open(QIODevice::ReadOnly));
    const QByteArray expected = uu.readAll();
    QVERIFY(expected.size() > 1000);
    for (const char* id : {"e0", "e1", "e500", "e999"}) {
        QFile f(dir.filePath(QStringLiteral("attack-%1.pcap").arg(QLatin1String(id))));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(f.readAll() == expected, id);
    }
    QCOMPARE(test::entries(dir.path()).size(), 1000 + 8);
}

QTEST_GUILESS_MAIN(TestPcap)
#include "tst_pcap.moc"
