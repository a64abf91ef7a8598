// The Wireshark profile written next to the captures (WiresharkProfile.h, CaptureRecorder): tshark 4.0 reads
// every preset's captures with it and nothing else (WIRESHARK_CONFIG_DIR=DIR/wireshark tshark -C mtcsec -2):
// every Uu frame is PDCP-LTE, every ciphered Uu and ESP frame whose algorithm Wireshark has is deciphered,
// Wireshark's own integrity checks (PDCP MAC-I, ESP ICV) pass on untouched frames and fail exactly on the
// frames an attacker changed, nothing is malformed; the shares per link are printed. Also: the profile's
// files (UAT formats), the key log's columns, all-or-nothing writing. And the end-to-end modes on SGi with
// the same profile: OSCORE decrypted and verified with its oscore_contexts, DTLS decrypted to CoAP with its
// key log.
#include "core/InvalidInput.h"
#include "core/crypto/Hex.h"
#include "core/engine/CaptureSink.h"
#include "core/engine/Engine.h"
#include "core/report/CaptureRecorder.h"
#include "core/report/WiresharkProfile.h"
#include "core/scenario/Presets.h"
#include "tests/ForwardingCaptureSink.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <map>
#include <memory>
#include <set>

using namespace mtcsec;
using namespace mtcsec::engine;

namespace {

// Passes everything on to the recorder and keeps the PDUs, to compare tshark's verdicts with the product's.
class Tee : public test::ForwardingCaptureSink {
public:
    using ForwardingCaptureSink::ForwardingCaptureSink;
    void linkPdu(const PduRecord& pdu) override
    {
        pdus.push_back(pdu);
        ForwardingCaptureSink::linkPdu(pdu);
    }

    std::vector<PduRecord> pdus;
};

struct Recorded {
    QTemporaryDir dir;
    Scenario scenario;
    std::vector<PduRecord> pdus;

    [[nodiscard]] QString file(const QString& name) const { return dir.filePath(name); }
    [[nodiscard]] std::vector<PduRecord> on(Link link) const
    {
        std::vector<PduRecord> out;
        for (const PduRecord& p : pdus)
            if (p.link == link)
                out.push_back(p);
        return out;
    }
    // The kind of the attack that changed or produced a PDU, if any.
    [[nodiscard]] std::optional<AttackKind> attackOf(const PduRecord& p) const
    {
        for (const AttackSpec& a : scenario.attacks)
            if (!p.attack.empty() && a.id == p.attack)
                return a.kind;
        return std::nullopt;
    }
};

std::unique_ptr<Recorded> record(const Scenario& s)
{
    auto r = std::make_unique<Recorded>();
    if (!r->dir.isValid())
        return nullptr;
    if (qEnvironmentVariableIsSet("MTCSEC_PCAP_KEEP")) {
        r->dir.setAutoRemove(false);
        qInfo("captures kept in %s", qPrintable(r->dir.path()));
    }
    r->scenario = s;
    report::CaptureRecorder recorder(r->dir.path());
    Tee tee(recorder);
    Engine engine(s);
    engine.setCaptureSink(&tee);
    engine.setKeepPdus(true); // the receivers' verdicts, read back after the run
    engine.setKeepReceiverView(true);
    engine.runToEnd();
    engine.setCaptureSink(nullptr);
    recorder.finish();
    r->pdus = std::move(tee.pdus);
    for (PduRecord& p : r->pdus)
        if (const auto done = engine.pdu(p.id)) {
            p.reception = done->reception;
            p.dropReason = done->dropReason;
            p.received = done->received;
        }
    return r;
}

bool haveTshark()
{
    return !QStandardPaths::findExecutable(QStringLiteral("tshark")).isEmpty();
}

// tshark with the written profile only: one row per frame, one column per field (occurrences joined by '|').
struct Rows {
    std::vector<QStringList> rows;
    QString error;
};

Rows tshark(const Recorded& r, const QString& file, const QStringList& fields)
{
    QStringList args{QStringLiteral("-C"), QString::fromLatin1(report::WiresharkProfile::kName),
                     QStringLiteral("-2"), QStringLiteral("-n"),
                     QStringLiteral("-r"), r.file(file),
                     QStringLiteral("-T"), QStringLiteral("fields"),
                     QStringLiteral("-E"), QStringLiteral("occurrence=a"),
                     QStringLiteral("-E"), QStringLiteral("aggregator=|")};
    for (const QString& f : fields)
        args << QStringLiteral("-e") << f;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("WIRESHARK_CONFIG_DIR"), r.file(QStringLiteral("wireshark")));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("tshark"), args);
    Rows out;
    if (!p.waitForFinished(300000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        out.error = QStringLiteral("tshark %1 failed: %2")
                        .arg(args.join(QLatin1Char(' ')), QString::fromLocal8Bit(p.readAllStandardError()));
        return out;
    }
    for (const QString& line :
         QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        out.rows.push_back(line.split(QLatin1Char('\t')));
    return out;
}

QString share(std::size_t part, std::size_t whole)
{
    return QStringLiteral("%1/%2 (%3%)")
        .arg(part)
        .arg(whole)
        .arg(whole == 0 ? 100.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole), 0, 'f', 1);
}

// A Uu PDU its receiver accepted was ciphered: the bytes after the PDCP header differ from what the receiver
// deciphered.
bool cipheredOnAir(const PduRecord& p)
{
    const auto h = protocol::parsePdcpHeader(p.bytes);
    if (!h || p.reception != Reception::Accepted)
        return false;
    const ByteView data =
        h->lcid == protocol::kLcidSrb1 ? h->payload.first(h->payload.size() - 4) : h->payload;
    return !std::equal(data.begin(), data.end(), p.received.begin(), p.received.end());
}

// The product's verdict on a PDU: its receiver dropped it for a failed integrity check. On Uu, of a PDU under
// AS integrity, that is the MAC-I (checked before the NAS inside); on a backhaul link it is the ESP ICV when
// nothing inside was decoded (a NAS MAC failure at the MME leaves the received inner packet).
bool integrityFailed(const PduRecord& p)
{
    return p.reception == Reception::Dropped && p.dropReason == DropReason::Integrity &&
           (p.link == Link::Uu || p.received.empty());
}

} // namespace

class TestWiresharkProfile : public QObject {
    Q_OBJECT
private slots:
    void profileFiles();
    void keyLogColumns();
    void presetsDecodeAndVerify_data();
    void presetsDecodeAndVerify();
    void endToEndDecrypts_data();
    void endToEndDecrypts();
    void nothingWithoutFinish();
};

void TestWiresharkProfile::profileFiles()
{
    // The UAT files in the field order of Wireshark 4.0's tables, quoted fields; preferences and heuristics.
    report::WiresharkProfile p;
    report::PdcpUeKeys ue;
    ue.ueId = 7;
    ue.rrcIntegrity = std::array<std::uint8_t, 16>{1, 2};
    p.addPdcpUe(ue);
    report::EspSaKeys sa;
    sa.spi = 0x1000;
    sa.source = 0x0a000001;
    sa.destination = 0x0a000002;
    sa.key[0] = 0xab;
    sa.salt = {1, 2, 3, 4};
    p.addEspSa(sa);
    p.setDtlsPsk(std::array<std::uint8_t, 2>{0xca, 0xfe});
    report::OscoreContextRow o;
    o.senderId = {0x01};
    o.masterSecret = {0x0a, 0x0b};
    p.addOscoreContext(o);
    p.addTlsKeyLog("CLIENT_RANDOM 01 02\n");
    const auto files = p.files();
    QCOMPARE(files.size(), std::size_t{6});
    const auto body = [&files](const char* name) {
        const QByteArray all = files.at(QString::fromLatin1(name));
        return all.mid(all.indexOf('\n') + 1); // after the header comment
    };
    QCOMPARE(body("pdcp_lte_ue_keys"), QByteArray("\"7\",\"\",\"\",\"01020000000000000000000000000000\"\n"));
    QCOMPARE(body("esp_sa"),
             QByteArray("\"IPv4\",\"10.0.0.1\",\"10.0.0.2\",\"0x00001000\",\"AES-GCM with 16 octet "
                        "ICV [RFC4106]\",\"0xab00000000000000000000000000000001020304\","
                        "\"NULL\",\"\"\n"));
    QCOMPARE(body("oscore_contexts"),
             QByteArray("\"01\",\"\",\"0a0b\",\"\",\"\",\"AES-CCM-16-64-128 (CCM*)\"\n"));
    QCOMPARE(files.at(QStringLiteral("dtls.keylog")), QByteArray("CLIENT_RANDOM 01 02\n"));
    QCOMPARE(body("heuristic_protos"), QByteArray("pdcp_lte_udp,1\n"));
    QVERIFY(files.at(QStringLiteral("preferences")).contains("\ndtls.psk: cafe\n"));
    QVERIFY(files.at(QStringLiteral("preferences"))
                .contains("\npdcp-lte.check_sequence_numbers: Only-PDCP-frames\n"));
    QVERIFY(files.at(QStringLiteral("preferences")).contains("\nesp.enable_encryption_decode: TRUE\n"));
}

void TestWiresharkProfile::keyLogColumns()
{
    // keys.log: a header naming the columns; per device its IMSI, IP address, TEIDs and every key of
    // TS 33.401 Annex A once AS security is on; every ESP SA with SPI, addresses, key and salt.
    auto s = *presetScenario("defence-in-depth");
    s.durationS = 20;
    const auto r = record(s);
    QVERIFY(r);
    QFile f(r->file(QStringLiteral("keys.log")));
    QVERIFY(f.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(lines.size() > 2);
    QVERIFY(lines[0].startsWith(QLatin1String("# mtcsec key log")));
    QVERIFY(lines[0].contains(QLatin1String("Columns: TIME_S SUBJECT WHERE FIELDS")));
    const QRegularExpression device(QStringLiteral(
        "^\\d+\\.\\d{6} device=\\d+ where=(device|end-to-end) imsi=\\d{15} ip=10\\.128\\.\\d+\\.\\d+ "
        "teid-s1u-sgw=[0-9a-f]{8} teid-s1u-enb=[0-9a-f]{8} teid-s5-pgw=[0-9a-f]{8} "
        "teid-s5-sgw=[0-9a-f]{8} "));
    const QRegularExpression esp(
        QStringLiteral("^\\d+\\.\\d{6} link=[A-Za-z0-9-]+ where=esp-(up|down)link spi=[0-9a-f]{8} "
                       "src=[0-9.]+ dst=[0-9.]+ alg=AES-128-GCM-16 key=[0-9a-f]{32} salt=[0-9a-f]{8}$"));
    bool allAs = false;
    std::size_t sas = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (esp.match(lines[i]).hasMatch()) {
            ++sas;
            continue;
        }
        QVERIFY2(device.match(lines[i]).hasMatch(), qPrintable(lines[i]));
        bool every = true;
        for (const char* key :
             {"CK", "IK", "KASME", "KNASenc", "KNASint", "KeNB", "KRRCenc", "KRRCint", "KUPenc"})
            every = every && lines[i].contains(QStringLiteral(" %1=").arg(QLatin1String(key)));
        allAs = allAs || every;
    }
    QVERIFY(allAs);
    std::size_t nds = 0; // two SAs (one a direction) for every backhaul link under NDS/IP
    for (const Link link : kBackhaulLinks)
        nds += s.protection.ndsOn(link) ? 2u : 0u;
    QVERIFY(nds > 0);
    QCOMPARE(sas, nds);
}

void TestWiresharkProfile::presetsDecodeAndVerify_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<bool>("tamperSignalling");
    if (qEnvironmentVariableIsSet("MTCSEC_ALL_PRESETS")) {
        for (const Preset& p : presets())
            QTest::newRow(p.name.c_str()) << QString::fromStdString(p.name) << false;
    } else {
        for (const char* name : {"3gpp-only", "defence-in-depth", "mixed-snow3g", "unprotected"})
            QTest::newRow(name) << QString::fromLatin1(name) << false;
    }
    // SRB PDUs forged on Uu and ESP packets tampered on S1-MME after the attaches: MAC-I and ICV failures to
    // agree on.
    QTest::newRow("3gpp-only, forged and tampered") << QStringLiteral("3gpp-only") << true;
}

void TestWiresharkProfile::presetsDecodeAndVerify()
{
    if (!haveTshark())
        QSKIP("tshark is not installed (apt-get install tshark): the captures cannot be checked with "
              "Wireshark");
    QFETCH(QString, preset);
    QFETCH(bool, tamperSignalling);
    auto scenario = presetScenario(preset.toStdString());
    QVERIFY(scenario);
    if (tamperSignalling) {
        AttackSpec t; // every packet on S1-MME once the devices are attached
        t.id = "tamperer";
        t.kind = AttackKind::Tamper;
        t.link = Link::S1Mme;
        t.startS = 2.0;
        scenario->attacks.push_back(t);
        AttackSpec forger; // SRB PDUs forged under the SN the device expects next, after the attaches
        forger.id = "forger";
        forger.kind = AttackKind::Inject;
        forger.link = Link::Uu;
        forger.messages = MessageFilter::Signalling;
        forger.startS = 2.0;
        forger.rate = 1.0;
        scenario->attacks.push_back(forger);
    }
    const auto r = record(*scenario);
    QVERIFY(r);

    // ---- Uu: PDCP-LTE; deciphered and MAC-I checked where Wireshark has the key and the algorithm (it
    // learns the algorithms from the RRC Security Mode Command; this build computes EEA2/EIA2 only, SNOW 3G
    // and ZUC not: their PDUs stay ciphered and unchecked).
    const Rows uu =
        tshark(*r, QStringLiteral("Uu.pcap"),
               {QStringLiteral("frame.protocols"), QStringLiteral("pdcp-lte.ueid"),
                QStringLiteral("pdcp-lte.plane"), QStringLiteral("pdcp-lte.security-config.cipher-key"),
                QStringLiteral("pdcp-lte.security-config.integrity-key"),
                QStringLiteral("pdcp-lte.security-config.ciphering"),
                QStringLiteral("pdcp-lte.security-config.integrity"), QStringLiteral("_ws.expert.message"),
                QStringLiteral("_ws.malformed")});
    QVERIFY2(uu.error.isEmpty(), qPrintable(uu.error));
    const auto sent = r->on(Link::Uu);
    QCOMPARE(uu.rows.size(), sent.size());
    std::size_t decoded = 0, innermost = 0, ciphered = 0, cipheredAes = 0, deciphered = 0, macI = 0,
                macIAes = 0, checked = 0, macWrong = 0, malformed = 0, replays = 0;
    for (std::size_t i = 0; i < sent.size(); ++i) {
        const PduRecord& p = sent[i];
        const QStringList& row = uu.rows[i];
        const QString where = QStringLiteral("Uu frame %1 (device %2, attack \"%3\", reception %4): %5")
                                  .arg(i + 1)
                                  .arg(p.device)
                                  .arg(QString::fromStdString(p.attack))
                                  .arg(static_cast<int>(p.reception))
                                  .arg(row.join(QLatin1Char('\t')));
        const bool pdcp = row[0].contains(QLatin1String(":pdcp-lte"));
        decoded += pdcp ? 1u : 0u;
        QVERIFY2(pdcp, qPrintable(where));
        const bool srb = row[2] == QLatin1String("1");
        // Decoded to the innermost protocol: LTE RRC on an SRB, the IP packet's UDP payload on a DRB.
        const bool inner = srb ? row[0].contains(QLatin1String(":lte_rrc"))
                               : row[0].contains(QLatin1String(":pdcp-lte:ip:udp:"));
        innermost += inner ? 1u : 0u;
        const bool aesKey = !row[3].isEmpty() && row[5] == QLatin1String("2");
        const bool aesMac = !row[4].isEmpty() && row[6] == QLatin1String("2");
        const bool wrong = row[7].contains(QLatin1String("MAC-I Digest wrong"));
        if (!row[8].isEmpty()) {
            // Only a frame an attacker replayed under another SN (whose keystream is then another) reads as
            // garbage once deciphered.
            ++malformed;
            QVERIFY2(!p.attack.empty(), qPrintable(where));
        }
        if (cipheredOnAir(p) && !p.attack.empty()) {
            ++replays; // a replay the receiver's PDCP accepted under the next SN: garbage once deciphered
        } else if (cipheredOnAir(p)) {
            ++ciphered;
            cipheredAes += aesKey ? 1u : 0u;
            deciphered += aesKey && inner ? 1u : 0u;
            // Every ciphered PDU its receiver accepted is deciphered to RRC or IP where Wireshark has the key
            // and the algorithm.
            if (aesKey)
                QVERIFY2(inner, qPrintable(where));
        }
        if (srb && !row[4].isEmpty()) {
            ++macI;
            macIAes += aesMac ? 1u : 0u;
        }
        if (srb && aesMac) {
            ++checked;
            macWrong += wrong ? 1u : 0u;
            // Wireshark's MAC-I verdict agrees with the product's: wrong where the receiver dropped the PDU
            // for its integrity, and only on a PDU an attacker made or changed, which the receiver did not
            // accept (dropped for its MAC-I, or earlier: a forged PDU to a device whose AS security has not
            // started is malformed RRC; or still in flight when the run ends).
            if (integrityFailed(p))
                QVERIFY2(wrong, qPrintable(where));
            if (wrong)
                QVERIFY2(!p.attack.empty() && p.reception != Reception::Accepted, qPrintable(where));
        }
    }
    // Every ciphered PDU is deciphered where the algorithm is one Wireshark has (all of them but in
    // mixed-snow3g, whose SNOW 3G devices Wireshark cannot follow).
    if (preset != QLatin1String("mixed-snow3g"))
        QCOMPARE(cipheredAes, ciphered);
    qInfo("%s Uu: PDCP-LTE %s, to the innermost protocol (RRC, IP) %s, ciphered frames deciphered %s (with "
          "an algorithm Wireshark has: %s), SRB frames under AS integrity with the MAC-I checked %s (with an "
          "algorithm Wireshark has: %s), MAC-I wrong on %zu, each a frame the product dropped for integrity; "
          "malformed %zu, all attackers' frames; %zu replays accepted under another SN",
          qPrintable(preset), qPrintable(share(decoded, sent.size())),
          qPrintable(share(innermost, sent.size())), qPrintable(share(deciphered, ciphered)),
          qPrintable(share(cipheredAes, ciphered)), qPrintable(share(checked, macI)),
          qPrintable(share(macIAes, macI)), macWrong, malformed, replays);

    // ---- Backhaul links: ESP deciphered with the esp_sa table, ICV good on untouched packets, bad on
    // altered.
    for (const Link link : {Link::S1Mme, Link::S1U, Link::S6a, Link::S5, Link::SGi}) {
        const std::string_view n = name(link);
        const QString file =
            QString::fromLatin1(n.data(), static_cast<qsizetype>(n.size())) + QStringLiteral(".pcap");
        const Rows rows = tshark(*r, file,
                                 {QStringLiteral("frame.protocols"), QStringLiteral("esp.spi"),
                                  QStringLiteral("esp.icv_good"), QStringLiteral("esp.icv_bad"),
                                  QStringLiteral("_ws.malformed")});
        QVERIFY2(rows.error.isEmpty(), qPrintable(rows.error));
        std::vector<const PduRecord*> frames; // one per frame, in order
        for (const PduRecord& p : r->on(link))
            for (std::size_t j = 0; j < report::exportLinkPdu(link, p.bytes).size(); ++j)
                frames.push_back(&p);
        QCOMPARE(rows.rows.size(), frames.size());
        std::size_t esp = 0, espDeciphered = 0, icvChecked = 0, icvBad = 0, bad = 0;
        for (std::size_t i = 0; i < frames.size(); ++i) {
            const QStringList& row = rows.rows[i];
            const QString where =
                QStringLiteral("%1 frame %2: %3").arg(file).arg(i + 1).arg(row.join(QLatin1Char('\t')));
            if (!row[4].isEmpty()) {
                // Garbage an attacker's replay made, forwarded by the eNB (Uu above); Wireshark stops there.
                ++bad;
                QVERIFY2(!frames[i]->attack.empty(), qPrintable(where));
                continue;
            }
            if (row[1].isEmpty())
                continue;
            ++esp;
            const bool good = row[2] == QLatin1String("1"), badIcv = row[3] == QLatin1String("1");
            icvChecked += good || badIcv ? 1u : 0u;
            icvBad += badIcv ? 1u : 0u;
            const bool innerIp = row[0].contains(QLatin1String(":esp:ip"));
            espDeciphered += innerIp ? 1u : 0u;
            // Wireshark's ICV verdict agrees with the product's (where Wireshark has the SA: a forged SPI has
            // none), and what the receiver accepted is deciphered.
            if (good || badIcv)
                QVERIFY2(badIcv == integrityFailed(*frames[i]), qPrintable(where));
            if (frames[i]->reception == Reception::Accepted)
                QVERIFY2(good && innerIp, qPrintable(where));
        }
        if (esp > 0)
            qInfo(
                "%s %s: ESP frames deciphered %s, ICV checked %s (bad on %zu); malformed %zu, all attackers' "
                "frames",
                qPrintable(preset), qPrintable(file), qPrintable(share(espDeciphered, esp)),
                qPrintable(share(icvChecked, esp)), icvBad, bad);
    }
}

void TestWiresharkProfile::endToEndDecrypts_data()
{
    QTest::addColumn<QString>("preset");
    QTest::newRow("oscore-insider") << QStringLiteral("oscore-insider");
    QTest::newRow("dtls-end-to-end") << QStringLiteral("dtls-end-to-end");
}

void TestWiresharkProfile::endToEndDecrypts()
{
    // The written profile only: OSCORE (oscore_contexts from the run's contexts) decrypted and its tag
    // verified on every message but the ones an attacker changed or forged that the receiver refused; DTLS
    // (the key log named by tls.keylog_file) decrypted to CoAP on every application data record but those;
    // nothing malformed except attackers' frames.
    if (!haveTshark())
        QSKIP("tshark is not installed (apt-get install tshark): the captures cannot be checked with "
              "Wireshark");
    QFETCH(QString, preset);
    const auto scenario = presetScenario(preset.toStdString());
    QVERIFY(scenario);
    const auto r = record(*scenario);
    QVERIFY(r);
    const bool oscore = preset.startsWith(QLatin1String("oscore"));
    const Rows rows =
        tshark(*r, QStringLiteral("SGi.pcap"),
               {QStringLiteral("frame.protocols"), QStringLiteral("_ws.malformed"),
                QStringLiteral("oscore.tag"), QStringLiteral("_ws.expert.message"),
                QStringLiteral("dtls.record.content_type"), QStringLiteral("data.data"),
                QStringLiteral("ip.src"), QStringLiteral("ip.dst"), QStringLiteral("dtls.handshake.type")});
    QVERIFY2(rows.error.isEmpty(), qPrintable(rows.error));
    const std::vector<PduRecord> sgi = r->on(Link::SGi);
    // Wireshark 4.0 keeps one DTLS session per UDP conversation: an attacker's replayed handshake message (a
    // ClientHello, a ServerHello) starts a new one there and the association in force (which the product's
    // server rightly keeps, RFC 6347 4.2.8) is no longer decrypted. The devices (addresses) where that
    // happened, and the records it cost.
    std::set<QString> sessionLost;
    std::size_t lostToReplayedHello = 0;
    QCOMPARE(rows.rows.size(), sgi.size());
    QVERIFY(!sgi.empty());
    std::size_t messages = 0, decrypted = 0, failed = 0, failedAttacked = 0, malformed = 0, plaintext = 0;
    for (std::size_t i = 0; i < sgi.size(); ++i) {
        QStringList row = rows.rows[i];
        while (row.size() < 9)
            row << QString();
        const PduRecord& p = sgi[i];
        const bool attacked = !p.attack.empty();
        const bool refusedForIntegrity =
            p.reception == Reception::Dropped && p.dropReason == DropReason::Integrity;
        const QString where = QStringLiteral("%1 frame %2").arg(preset).arg(i + 1);
        const QStringList protocols = row[0].split(QLatin1Char(':'));
        if (!row[1].isEmpty()) {
            ++malformed;
            QVERIFY2(attacked, qPrintable(where + QStringLiteral(": malformed, not an attacker's")));
        }
        // The innermost plaintext Wireshark shows: the last data field (the ciphertext comes first).
        const QByteArray inner = QByteArray::fromHex(row[5].split(QLatin1Char('|')).constLast().toLatin1());
        const bool reading = inner.contains("t=") || inner.contains("valve=");
        bool ok = false;
        bool bad = false;
        if (oscore) {
            QVERIFY2(protocols.contains(QLatin1String("oscore")),
                     qPrintable(where + QStringLiteral(": no OSCORE")));
            ++messages;
            ok = !row[2].isEmpty();
            bad = row[3].contains(QLatin1String("Authentication tag check failed"));
            QVERIFY2(ok != bad, qPrintable(where));
        } else {
            QVERIFY2(protocols.contains(QLatin1String("dtls")),
                     qPrintable(where + QStringLiteral(": no DTLS")));
            const QString device =
                row[6] == QLatin1String("198.51.100.16") ? row[7] : row[6]; // the end that is not the server
            if (attacked && !row[8].isEmpty()) // a handshake message (ClientHello, ServerHello, ...)
                sessionLost.insert(device);
            if (!row[4].split(QLatin1Char('|')).contains(QLatin1String("23")))
                continue; // handshake flights only
            if (!attacked && !protocols.contains(QLatin1String("coap")) && sessionLost.count(device) != 0) {
                ++messages;
                ++lostToReplayedHello;
                continue;
            }
            ++messages;
            ok = protocols.contains(QLatin1String("coap"));
            bad = !ok;
        }
        if (ok) {
            ++decrypted;
            plaintext += reading ? 1 : 0;
            QVERIFY2(reading, qPrintable(where + QStringLiteral(": decrypted, but no reading or command")));
        } else {
            ++failed;
            failedAttacked += attacked ? 1 : 0;
        }
        // Wireshark's verdict against the product's: every message nobody changed decrypts and verifies,
        // every message the receiver refused for its tag fails.
        if (!attacked)
            QVERIFY2(ok, qPrintable(where + QStringLiteral(": not decrypted, yet no attacker's")));
        if (refusedForIntegrity)
            QVERIFY2(bad,
                     qPrintable(where + QStringLiteral(": the receiver refused it, Wireshark verified it")));
        // (An attacker's message on the downlink passes the P-GW, the hop SGi's receiver; the device refuses
        // it, on Uu.)
        if (bad)
            QVERIFY2(attacked,
                     qPrintable(where + QStringLiteral(": Wireshark refused a message no attacker made")));
    }
    QVERIFY(decrypted > 0);
    qInfo("%s SGi.pcap: %s %s (%s), %s on %zu, attackers' frames: %zu; malformed "
          "%zu, all attackers' frames; %zu not decrypted after an attacker's replayed handshake message",
          qPrintable(preset),
          oscore ? "OSCORE messages decrypted and tag verified"
                 : "DTLS application data records decrypted to CoAP",
          qPrintable(share(decrypted, messages)),
          qPrintable(QStringLiteral("plaintext reading or command %1").arg(plaintext)),
          oscore ? "tag check failed" : "not decrypted", failed, failedAttacked, malformed,
          lostToReplayedHello);
    QCOMPARE(failedAttacked, failed);
}

void TestWiresharkProfile::nothingWithoutFinish()
{
    // A capture never finished leaves no profile (nor any folder of it) behind.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    {
        report::CaptureRecorder recorder(dir.path());
        auto s = *presetScenario("3gpp-only");
        s.durationS = 5;
        Engine engine(s);
        engine.setCaptureSink(&recorder);
        engine.runToEnd();
        engine.setCaptureSink(nullptr);
    }
    QVERIFY(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());
    // A symbolic link where the profile's folder goes is refused, and nothing is left.
    QVERIFY(QFile::link(QStringLiteral("/tmp"), dir.filePath(QStringLiteral("wireshark"))));
    {
        report::CaptureRecorder recorder(dir.path());
        auto s = *presetScenario("3gpp-only");
        s.durationS = 5;
        Engine engine(s);
        engine.setCaptureSink(&recorder);
        engine.runToEnd();
        engine.setCaptureSink(nullptr);
        QVERIFY_THROWS_EXCEPTION(InvalidInput, recorder.finish());
    }
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{QStringLiteral("wireshark")});
}

QTEST_GUILESS_MAIN(TestWiresharkProfile)
#include "tst_wiresharkprofile.moc"
