// Real ASN.1 on the simulated links: the PER primitives (ITU-T X.691), the RRC messages in UPER (TS 36.331)
// and the S1AP messages in APER (TS 36.413): known encodings, round trips, strict decoding, what a run sends,
// and tshark 4.0 decoding every field of them (NAS inside, security capabilities, Security Key, algorithms)
// with no malformed frame and no expert error.
#include "core/InvalidInput.h"
#include "core/crypto/Hex.h"
#include "core/engine/CaptureSink.h"
#include "core/engine/Engine.h"
#include "core/protocol/NasMessage.h"
#include "core/protocol/Pdcp.h"
#include "core/protocol/PerBits.h"
#include "core/protocol/RrcMessage.h"
#include "core/protocol/S1apMessage.h"
#include "core/protocol/Sctp.h"
#include "core/report/PcapWriter.h"
#include "core/scenario/Presets.h"
#include "tests/FileTestSupport.h"
#include "tests/RunBinary.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <map>
#include <set>

using namespace mtcsec;
using namespace mtcsec::protocol;
using mtcsec::test::errorText;

Q_DECLARE_METATYPE(mtcsec::protocol::S1apMessage)

namespace {

Bytes hex(std::string_view text)
{
    return fromHex(text, "test vector");
}

QString hexOf(ByteView b)
{
    return QString::fromStdString(toHex(b));
}

// A NAS Attach Request (TS 24.301 8.2.4) and a protected NAS PDU, as the engine sends them.
const Bytes kAttachRequest = hex("07417108091010000000001002e0e000040201d011");
const Bytes kProtectedNas = hex("3756e9ae8100075d220002e0e0");

std::array<std::uint8_t, 32> key()
{
    std::array<std::uint8_t, 32> k{};
    for (std::size_t i = 0; i < k.size(); ++i)
        k[i] = static_cast<std::uint8_t>(0xc0 + i);
    return k;
}

S1apMessage s1ap(S1apProcedure procedure)
{
    S1apMessage m;
    m.procedure = procedure;
    m.enbUeId = 1;
    m.mmeUeId = procedure == S1apProcedure::InitialUeMessage ? 0 : 0x01020304;
    if (procedure != S1apProcedure::InitialContextSetupResponse)
        m.nasPdu = procedure == S1apProcedure::InitialUeMessage ? kAttachRequest : kProtectedNas;
    if (procedure == S1apProcedure::InitialContextSetupRequest) {
        m.securityKey = key();
        m.ueSecurityCapabilities = s1apCapabilities(UeSecurityCapabilities{0xf0, 0x70});
        m.erab.transportLayerAddress = 0x0a000004;
        m.erab.teid = 0x10000000;
    }
    if (procedure == S1apProcedure::InitialContextSetupResponse) {
        m.erab.transportLayerAddress = 0x0a000001;
        m.erab.teid = 0x20000000;
    }
    return m;
}

// Every field of a message, to compare two of them.
QString describe(const S1apMessage& m)
{
    const auto arr = [](const auto& a) {
        return hexOf(ByteView(a.data(), a.size()));
    };
    return QStringLiteral(
               "%1 enb %2 mme %3 nas %4 key %5 caps %6/%7 ambr %8/%9 erab %10 %11 %12 %13 %14 %15 %16 "
               "tai %17 %18 cgi %19 %20 cause %21")
        .arg(QString::fromLatin1(name(m.procedure)))
        .arg(m.enbUeId)
        .arg(m.mmeUeId)
        .arg(hexOf(m.nasPdu), m.securityKey ? arr(*m.securityKey) : QStringLiteral("none"))
        .arg(m.ueSecurityCapabilities ? m.ueSecurityCapabilities->encryption : -1)
        .arg(m.ueSecurityCapabilities ? m.ueSecurityCapabilities->integrity : -1)
        .arg(m.ambrDownlink)
        .arg(m.ambrUplink)
        .arg(m.erab.id)
        .arg(m.erab.qci)
        .arg(m.erab.priorityLevel)
        .arg(m.erab.preemptionCapability)
        .arg(m.erab.preemptionVulnerability)
        .arg(m.erab.transportLayerAddress)
        .arg(m.erab.teid)
        .arg(arr(m.tai.plmn))
        .arg(m.tai.tac)
        .arg(arr(m.cgi.plmn))
        .arg(m.cgi.cellId)
        .arg(m.establishmentCause);
}

// Every single-bit change of `encoded` is refused or decodes to a message that encodes back to exactly the
// changed octets (the decoders accept only canonical encodings); returns the number accepted.
template <typename Decode, typename Encode>
int flipEveryBit(const Bytes& encoded, Decode decode, Encode encode)
{
    int accepted = 0;
    for (std::size_t bit = 0; bit < encoded.size() * 8; ++bit) {
        Bytes changed = encoded;
        changed[bit / 8] ^= static_cast<std::uint8_t>(0x80u >> (bit % 8));
        if (const auto m = decode(changed)) {
            ++accepted;
            if (encode(*m) != changed)
                return -1;
        }
    }
    return accepted;
}

// The traffic of one run: the RRC messages of SRB1 (plain, with their direction) and the S1AP messages.
class Collector : public engine::CaptureSink {
public:
    std::vector<std::pair<bool, Bytes>> rrc; // (downlink, encoding)
    std::vector<Bytes> s1ap;
    int undecodedRrc = 0;
    int undecodedS1ap = 0;

    void linkPdu(const engine::PduRecord& pdu) override
    {
        if (pdu.link == Link::Uu) {
            if (pdu.bytes.empty() || pdu.bytes[0] != kLcidSrb1)
                return;
            rrc.emplace_back(pdu.downlink, pdu.plain);
            undecodedRrc += decodeRrc(pdu.plain) ? 0 : 1;
        } else if (pdu.link == Link::S1Mme) {
            const auto sctp = parseIpv4Sctp(pdu.plain.empty() ? pdu.bytes : pdu.plain);
            if (!sctp)
                return;
            s1ap.emplace_back(sctp->payload.begin(), sctp->payload.end());
            undecodedS1ap += decodeS1ap(sctp->payload) ? 0 : 1;
        }
    }
    void attackerCapture(const std::string&, engine::SimTime, std::optional<Link>, std::optional<Node>,
                         ByteView, bool) override
    {}
    void keysInForce(engine::SimTime, std::uint32_t, const std::string&, const std::string&) override {}
};

Collector run(const char* preset)
{
    Scenario s = presetScenario(preset).value();
    s.devices = 3;
    s.durationS = 20;
    engine::Engine e(s);
    Collector c;
    e.setCaptureSink(&c);
    e.runToEnd();
    return c;
}

} // namespace

class TestAsn1 : public QObject {
    Q_OBJECT
private slots:
    void perConstrainedWholeNumber_data();
    void perConstrainedWholeNumber();
    void perLengthDeterminant_data();
    void perLengthDeterminant();
    void perReaderRefusesNonCanonical_data();
    void perReaderRefusesNonCanonical();

    void s1apKnownEncodings_data();
    void s1apKnownEncodings();
    void s1apRoundTripAndStrictness_data();
    void s1apRoundTripAndStrictness();
    void s1apRefusesWhatItCannotEncode();
    void s1apCapabilitiesFromNas();

    void rrcKnownEncodings_data();
    void rrcKnownEncodings();
    void rrcRoundTripAndStrictness_data();
    void rrcRoundTripAndStrictness();
    void rrcUpCipheringDeviation();
    void rrcLastContentBit();

    void runSendsOnlyRealAsn1();
    void upCipheringApartIsShownNonCompliant();
    void tsharkDecodesEveryField();
};

// ---- PER primitives (X.691) -------------------------------------------------------------------------------

void TestAsn1::perConstrainedWholeNumber_data()
{
    QTest::addColumn<bool>("aligned");
    QTest::addColumn<int>("before"); // zero bits written first
    QTest::addColumn<qulonglong>("value");
    QTest::addColumn<qulonglong>("lb");
    QTest::addColumn<qulonglong>("ub");
    QTest::addColumn<QString>("expected");
    // 11.5.7.2: a range of 256 is one octet, aligned; 11.5.7.1 (UNALIGNED) 8 bits where they fall.
    QTest::newRow("aligned 0..255") << true << 1 << 12ULL << 0ULL << 255ULL << QStringLiteral("000c");
    QTest::newRow("unaligned 0..255") << false << 1 << 12ULL << 0ULL << 255ULL << QStringLiteral("0600");
    // 11.5.7.2: a range up to 255 is a bit-field, not aligned.
    QTest::newRow("aligned 0..4") << true << 1 << 3ULL << 0ULL << 4ULL << QStringLiteral("30");
    QTest::newRow("aligned 0..65535") << true << 2 << 300ULL << 0ULL << 65535ULL << QStringLiteral("00012c");
    // 11.5.7.4: beyond 64K, the octet count (1..n) first, then the minimum octets, aligned.
    QTest::newRow("ENB-UE-S1AP-ID 1") << true << 0 << 1ULL << 0ULL << 0xffffffULL << QStringLiteral("0001");
    QTest::newRow("MME-UE-S1AP-ID 16909060")
        << true << 0 << 16909060ULL << 0ULL << 0xffffffffULL << QStringLiteral("c001020304");
    QTest::newRow("BitRate 1000000") << true << 0 << 1000000ULL << 0ULL << 10000000000ULL
                                     << QStringLiteral("400f4240");
    QTest::newRow("unaligned 0..7") << false << 0 << 5ULL << 0ULL << 7ULL << QStringLiteral("a0");
    QTest::newRow("lb 1") << false << 0 << 1ULL << 1ULL << 256ULL << QStringLiteral("00");
}

void TestAsn1::perConstrainedWholeNumber()
{
    QFETCH(bool, aligned);
    QFETCH(int, before);
    QFETCH(qulonglong, value);
    QFETCH(qulonglong, lb);
    QFETCH(qulonglong, ub);
    QFETCH(QString, expected);
    const PerVariant variant = aligned ? PerVariant::Aligned : PerVariant::Unaligned;
    PerWriter w(variant);
    w.bits(0, static_cast<unsigned>(before));
    w.constrainedWholeNumber(value, lb, ub);
    const Bytes encoded = w.finish();
    QCOMPARE(hexOf(encoded), expected);
    PerReader r(encoded, variant);
    std::uint64_t skipped = 1;
    std::uint64_t read = 0;
    QVERIFY(r.bits(static_cast<unsigned>(before), skipped));
    QCOMPARE(skipped, 0ULL);
    QVERIFY(r.constrainedWholeNumber(lb, ub, read));
    QCOMPARE(read, std::uint64_t{value});
    QVERIFY(r.atPaddedEnd());
    QCOMPARE(errorText([&] { w.constrainedWholeNumber(ub + 1, lb, ub); }),
             QStringLiteral("PER integer: %1 outside %2..%3").arg(ub + 1).arg(lb).arg(ub));
}

void TestAsn1::perLengthDeterminant_data()
{
    QTest::addColumn<int>("length");
    QTest::addColumn<QString>("expected");
    QTest::newRow("0") << 0 << QStringLiteral("00");
    QTest::newRow("127: one octet") << 127 << QStringLiteral("7f");
    QTest::newRow("128: two octets, 10") << 128 << QStringLiteral("8080");
    QTest::newRow("16383") << 16383 << QStringLiteral("bfff");
}

void TestAsn1::perLengthDeterminant()
{
    QFETCH(int, length);
    QFETCH(QString, expected);
    for (const PerVariant variant : {PerVariant::Aligned, PerVariant::Unaligned}) {
        PerWriter w(variant);
        w.lengthDeterminant(static_cast<std::size_t>(length));
        const Bytes encoded = w.finish();
        QCOMPARE(hexOf(encoded), expected);
        PerReader r(encoded, variant);
        std::size_t n = 0;
        QVERIFY(r.lengthDeterminant(n));
        QCOMPARE(n, static_cast<std::size_t>(length));
    }
    PerWriter w(PerVariant::Aligned);
    QCOMPARE(errorText([&] { w.lengthDeterminant(16384); }),
             QStringLiteral("PER length: 16384 is 16384 or more (fragmentation is not supported)"));
}

void TestAsn1::perReaderRefusesNonCanonical_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("encoding");
    QTest::newRow("length 5 in two octets") << QStringLiteral("length") << QStringLiteral("8005");
    QTest::newRow("length fragment (11)") << QStringLiteral("length") << QStringLiteral("c001");
    QTest::newRow("MME-UE-S1AP-ID 1 in four octets") << QStringLiteral("mme") << QStringLiteral("c000000001");
    QTest::newRow("7 in 0..4") << QStringLiteral("range") << QStringLiteral("e0");
    QTest::newRow("a padding bit set before an aligned field")
        << QStringLiteral("aligned") << QStringLiteral("010c");
    QTest::newRow("a padding bit set at the end") << QStringLiteral("end") << QStringLiteral("01");
    QTest::newRow("past the end") << QStringLiteral("octets") << QStringLiteral("01");
}

void TestAsn1::perReaderRefusesNonCanonical()
{
    QFETCH(QString, what);
    QFETCH(QString, encoding);
    const Bytes b = hex(encoding.toStdString());
    PerReader r(b, PerVariant::Aligned);
    std::size_t n = 0;
    std::uint64_t v = 0;
    Bytes octets;
    if (what == QLatin1String("length")) {
        QVERIFY(!r.lengthDeterminant(n));
    } else if (what == QLatin1String("mme")) {
        QVERIFY(!r.constrainedWholeNumber(0, 0xffffffff, v));
    } else if (what == QLatin1String("range")) {
        QVERIFY(!r.constrainedWholeNumber(0, 4, v));
    } else if (what == QLatin1String("aligned")) {
        QVERIFY(r.bits(1, v));
        QVERIFY(!r.constrainedWholeNumber(0, 255, v));
    } else if (what == QLatin1String("end")) {
        QVERIFY(r.bits(1, v));
        QVERIFY(!r.atPaddedEnd());
    } else {
        QVERIFY(!r.octets(2, octets));
    }
    QVERIFY(!r.ok() || what == QLatin1String("end"));
}

// ---- S1AP (TS 36.413, APER) -------------------------------------------------------------------------------

void TestAsn1::s1apKnownEncodings_data()
{
    QTest::addColumn<S1apMessage>("message");
    QTest::addColumn<QString>("expected");
    // Checked field by field with tshark 4.0 (tsharkDecodesEveryField does it on every run).
    QTest::newRow("InitialUEMessage")
        << s1ap(S1apProcedure::InitialUeMessage)
        << QStringLiteral("000c403e000005000800020001001a00161507417108091010000000"
                          "001002e0e000040201d011004300060000f1100001006440080000f1"
                          "10000010100086400130");
    QTest::newRow("DownlinkNASTransport")
        << s1ap(S1apProcedure::DownlinkNasTransport)
        << QStringLiteral("000b402400000300000005c001020304000800020001001a000e0d3756e9ae8100075d220002e0e0");
    QTest::newRow("InitialContextSetupResponse")
        << s1ap(S1apProcedure::InitialContextSetupResponse)
        << QStringLiteral(
               "2009002500000300004005c0010203040008400200010033400f000032400a0a1f0a00000120000000");
}

void TestAsn1::s1apKnownEncodings()
{
    QFETCH(S1apMessage, message);
    QFETCH(QString, expected);
    QCOMPARE(hexOf(encodeS1ap(message)), expected);
}

void TestAsn1::s1apRoundTripAndStrictness_data()
{
    QTest::addColumn<S1apMessage>("message");
    for (const S1apProcedure p :
         {S1apProcedure::InitialUeMessage, S1apProcedure::DownlinkNasTransport,
          S1apProcedure::UplinkNasTransport, S1apProcedure::InitialContextSetupRequest,
          S1apProcedure::InitialContextSetupResponse})
        QTest::newRow(name(p)) << s1ap(p);
    S1apMessage extremes = s1ap(S1apProcedure::InitialContextSetupRequest);
    extremes.enbUeId = 0xffffff;
    extremes.mmeUeId = 0xffffffff;
    extremes.ambrDownlink = 10000000000ULL;
    extremes.ambrUplink = 0;
    extremes.nasPdu.clear(); // the E-RAB's nAS-PDU is optional
    extremes.erab = {15, 255, 0, true, false, 0xffffffff, 0};
    QTest::newRow("InitialContextSetupRequest, extremes, no NAS-PDU") << extremes;
    S1apMessage longNas = s1ap(S1apProcedure::DownlinkNasTransport);
    longNas.nasPdu.assign(300, 0x27); // a two-octet length determinant
    QTest::newRow("DownlinkNASTransport, 300-octet NAS-PDU") << longNas;
    S1apMessage located = s1ap(S1apProcedure::UplinkNasTransport);
    located.tai = {{0x32, 0xf4, 0x51}, 0xfffe};
    located.cgi = {{0x32, 0xf4, 0x51}, 0x0fffffff};
    QTest::newRow("UplinkNASTransport, MCC 234 MNC 15") << located;
}

void TestAsn1::s1apRoundTripAndStrictness()
{
    QFETCH(S1apMessage, message);
    const Bytes encoded = encodeS1ap(message);
    const auto decoded = decodeS1ap(encoded);
    QVERIFY(decoded);
    QCOMPARE(describe(*decoded), describe(message));
    QCOMPARE(encodeS1ap(*decoded), encoded);
    for (std::size_t n = 0; n < encoded.size(); ++n)
        QVERIFY2(!decodeS1ap(ByteView(encoded).first(n)), qPrintable(QStringLiteral("prefix of %1").arg(n)));
    Bytes longer = encoded;
    longer.push_back(0);
    QVERIFY(!decodeS1ap(longer));
    Bytes unknownProcedure = encoded;
    unknownProcedure[1] = 0x42; // the procedure code, octet-aligned after the PDU choice
    QVERIFY(!decodeS1ap(unknownProcedure));
    const int accepted = flipEveryBit(
        encoded, [](ByteView b) { return decodeS1ap(b); },
        [](const S1apMessage& m) { return encodeS1ap(m); });
    QVERIFY2(accepted >= 0, "a changed encoding decoded but did not encode back to itself");
}

void TestAsn1::s1apRefusesWhatItCannotEncode()
{
    S1apMessage noKey = s1ap(S1apProcedure::InitialContextSetupRequest);
    noKey.securityKey.reset();
    QCOMPARE(errorText([&] { (void)encodeS1ap(noKey); }),
             QStringLiteral("S1AP InitialContextSetupRequest: the Security Key is missing"));
    S1apMessage noNas = s1ap(S1apProcedure::UplinkNasTransport);
    noNas.nasPdu.clear();
    QCOMPARE(errorText([&] { (void)encodeS1ap(noNas); }),
             QStringLiteral("S1AP UplinkNASTransport: the NAS-PDU is empty"));
    S1apMessage bigId = s1ap(S1apProcedure::DownlinkNasTransport);
    bigId.enbUeId = 0x1000000;
    QCOMPARE(errorText([&] { (void)encodeS1ap(bigId); }),
             QStringLiteral("PER integer: 16777216 outside 0..16777215"));
}

void TestAsn1::s1apCapabilitiesFromNas()
{
    // TS 24.301 9.9.3.34 (EEA0 first) to TS 36.413 9.2.1.40 (128-EEA1 first, EEA0 implied, no EIA0).
    const S1apSecurityCapabilities s = s1apCapabilities(UeSecurityCapabilities{0xf0, 0x60});
    QCOMPARE(s.encryption, std::uint16_t{0xe000});
    QCOMPARE(s.integrity, std::uint16_t{0xc000});
    const UeSecurityCapabilities back = nasCapabilities(s);
    QCOMPARE(back.eea, std::uint8_t{0xf0});
    QCOMPARE(back.eia, std::uint8_t{0xe0}); // EIA0 assumed: S1AP cannot say
    QCOMPARE(nasCapabilities(S1apSecurityCapabilities{0x1fff, 0x1fff}).eea,
             std::uint8_t{0x80}); // reserved bits
}

// ---- RRC (TS 36.331, UPER) --------------------------------------------------------------------------------

void TestAsn1::rrcKnownEncodings_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("body");
    QTest::addColumn<int>("transaction");
    QTest::addColumn<QString>("expected");
    QTest::newRow("SecurityModeCommand EEA2 EIA2")
        << static_cast<int>(RrcType::SecurityModeCommand) << QStringLiteral("020202") << 0
        << QStringLiteral("300220");
    QTest::newRow("SecurityModeCommand EIA1, EEA2, UP EEA3 (deviation)")
        << static_cast<int>(RrcType::SecurityModeCommand) << QStringLiteral("010203") << 1
        << QStringLiteral("322218040c");
    QTest::newRow("SecurityModeComplete")
        << static_cast<int>(RrcType::SecurityModeComplete) << QString() << 1 << QStringLiteral("2a00");
    QTest::newRow("SecurityModeFailure")
        << static_cast<int>(RrcType::SecurityModeFailure) << QString() << 0 << QStringLiteral("3000");
    QTest::newRow("ULInformationTransfer")
        << static_cast<int>(RrcType::UlInformationTransfer) << QString::fromStdString(toHex(kAttachRequest))
        << 0 << QStringLiteral("4802a0e82e210122020000000002005c1c000080403a0220");
    QTest::newRow("DLInformationTransfer")
        << static_cast<int>(RrcType::DlInformationTransfer) << QString::fromStdString(toHex(kAttachRequest))
        << 2 << QStringLiteral("0c00a83a0b884048808000000000801707000020100e8088");
}

void TestAsn1::rrcKnownEncodings()
{
    QFETCH(int, type);
    QFETCH(QString, body);
    QFETCH(int, transaction);
    QFETCH(QString, expected);
    const Bytes b = hex(body.toStdString());
    QCOMPARE(hexOf(encodeRrc(static_cast<RrcType>(type), b, static_cast<std::uint8_t>(transaction))),
             expected);
}

void TestAsn1::rrcRoundTripAndStrictness_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("transaction");
    const auto q = [](const Bytes& b) {
        return QByteArray(reinterpret_cast<const char*>(b.data()), static_cast<qsizetype>(b.size()));
    };
    QTest::newRow("ULInformationTransfer")
        << static_cast<int>(RrcType::UlInformationTransfer) << q(kAttachRequest) << 0;
    QTest::newRow("DLInformationTransfer")
        << static_cast<int>(RrcType::DlInformationTransfer) << q(kProtectedNas) << 3;
    QTest::newRow("DLInformationTransfer, 200 octets (two-octet length)")
        << static_cast<int>(RrcType::DlInformationTransfer) << q(Bytes(200, 0x27)) << 1;
    QTest::newRow("SecurityModeCommand")
        << static_cast<int>(RrcType::SecurityModeCommand) << q(Bytes{2, 2, 2}) << 0;
    QTest::newRow("SecurityModeCommand, null algorithms")
        << static_cast<int>(RrcType::SecurityModeCommand) << q(Bytes{0, 0, 0}) << 1;
    QTest::newRow("SecurityModeCommand, UP ciphering differs")
        << static_cast<int>(RrcType::SecurityModeCommand) << q(Bytes{2, 1, 3}) << 2;
    QTest::newRow("SecurityModeComplete")
        << static_cast<int>(RrcType::SecurityModeComplete) << QByteArray() << 3;
    QTest::newRow("SecurityModeFailure")
        << static_cast<int>(RrcType::SecurityModeFailure) << QByteArray() << 0;
}

void TestAsn1::rrcRoundTripAndStrictness()
{
    QFETCH(int, type);
    QFETCH(QByteArray, body);
    QFETCH(int, transaction);
    const Bytes b(body.begin(), body.end());
    const Bytes encoded = encodeRrc(static_cast<RrcType>(type), b, static_cast<std::uint8_t>(transaction));
    const auto decoded = decodeRrc(encoded);
    QVERIFY(decoded);
    QCOMPARE(static_cast<int>(decoded->type), type);
    QCOMPARE(hexOf(decoded->body), hexOf(b));
    QCOMPARE(int{decoded->transactionId},
             type == static_cast<int>(RrcType::UlInformationTransfer) ? 0 : transaction);
    // A prefix is never the same message (the 2-octet SecurityModeFailure 3200 begins the SecurityModeCommand
    // 320000 with null algorithms: the other direction).
    for (std::size_t n = 0; n < encoded.size(); ++n) {
        const auto prefix = decodeRrc(ByteView(encoded).first(n));
        QVERIFY2(!prefix || prefix->type != decoded->type, qPrintable(QStringLiteral("prefix of %1").arg(n)));
    }
    const int accepted = flipEveryBit(
        encoded, [](ByteView x) { return decodeRrc(x); },
        [](const RrcMessage& m) { return encodeRrc(m.type, m.body, m.transactionId); });
    QVERIFY2(accepted >= 0, "a changed encoding decoded but did not encode back to itself");
}

void TestAsn1::rrcUpCipheringDeviation()
{
    // Compliant by default: one cipheringAlgorithm, no extension (3 octets).
    QCOMPARE(encodeRrc(RrcType::SecurityModeCommand, Bytes{2, 1, 1}).size(), std::size_t{3});
    // The lab's deviation only when UP ciphering differs: lateNonCriticalExtension holds it.
    const Bytes deviating = encodeRrc(RrcType::SecurityModeCommand, Bytes{2, 1, 2});
    QCOMPARE(deviating.size(), std::size_t{5});
    // An extension that repeats cipheringAlgorithm says nothing: not canonical, refused.
    PerWriter w(PerVariant::Unaligned);
    w.bits(0b0'0110'00'0'00'1'0'0'001'0'010'10, 22);
    w.octetString(Bytes{1});
    QVERIFY(!decodeRrc(w.finish()));
    QCOMPARE(errorText([] {
                 (void)encodeRrc(RrcType::SecurityModeCommand, Bytes{8, 1, 1});
             }),
             QStringLiteral("RRC SecurityModeCommand: the body is not 3 algorithms 0..7"));
    QCOMPARE(errorText([] { (void)encodeRrc(RrcType::SecurityModeComplete, {}, 4); }),
             QStringLiteral("RRC SecurityModeComplete: rrc-TransactionIdentifier 4 is above 3"));
    QCOMPARE(errorText([] { (void)encodeRrc(RrcType::UlInformationTransfer, {}); }),
             QStringLiteral("RRC ULInformationTransfer: the NAS PDU is empty"));
}

void TestAsn1::rrcLastContentBit()
{
    // The last content bit of an InformationTransfer is bit 0 of the NAS PDU's last octet (the tamperer's).
    for (const RrcType type : {RrcType::UlInformationTransfer, RrcType::DlInformationTransfer}) {
        const Bytes encoded = encodeRrc(type, kAttachRequest);
        const auto m = decodeRrc(encoded);
        QVERIFY(m);
        const std::size_t last = rrcBits(*m) - 1;
        Bytes changed = encoded;
        changed[last / 8] ^= static_cast<std::uint8_t>(0x80u >> (last % 8));
        const auto flipped = decodeRrc(changed);
        QVERIFY(flipped);
        QCOMPARE(static_cast<int>(flipped->body.back()), kAttachRequest.back() ^ 1);
    }
    QCOMPARE(rrcBits(RrcMessage{RrcType::SecurityModeComplete, {}, 0}), std::size_t{9});
}

// ---- What a run sends, and tshark
// --------------------------------------------------------------------------

void TestAsn1::runSendsOnlyRealAsn1()
{
    const Collector c = run("3gpp-only");
    QVERIFY(!c.rrc.empty());
    QVERIFY(!c.s1ap.empty());
    QCOMPARE(c.undecodedRrc, 0);
    QCOMPARE(c.undecodedS1ap, 0);
    std::set<RrcType> rrcTypes;
    std::map<int, std::uint8_t> smcTransaction; // per direction: the last SMC's and Complete's transaction
    for (const auto& [downlink, bytes] : c.rrc) {
        const auto m = decodeRrc(bytes);
        rrcTypes.insert(m->type);
        QCOMPARE(m->type == RrcType::DlInformationTransfer || m->type == RrcType::SecurityModeCommand,
                 downlink);
        QCOMPARE(encodeRrc(m->type, m->body, m->transactionId), bytes);
        if (m->type == RrcType::SecurityModeCommand)
            QCOMPARE(m->body[1], m->body[2]); // the preset is compliant: no deviation
    }
    QCOMPARE(rrcTypes, (std::set<RrcType>{RrcType::UlInformationTransfer, RrcType::DlInformationTransfer,
                                          RrcType::SecurityModeCommand, RrcType::SecurityModeComplete}));
    std::set<S1apProcedure> procedures;
    for (const Bytes& bytes : c.s1ap) {
        const auto m = decodeS1ap(bytes);
        procedures.insert(m->procedure);
        QCOMPARE(encodeS1ap(*m), bytes);
        if (m->procedure == S1apProcedure::InitialContextSetupRequest) {
            QVERIFY(m->securityKey);
            QCOMPARE(m->ueSecurityCapabilities->encryption, std::uint16_t{0xe000});
            QCOMPARE(m->erab.transportLayerAddress, 0x0a000004u); // the S-GW
        }
    }
    QCOMPARE(procedures.size(), std::size_t{5});
}

void TestAsn1::upCipheringApartIsShownNonCompliant()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("apart.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"schema": "mtcsec-scenario/1", "name": "apart", "devices": 2, "duration_s": 10,
                "protection": {"nas": {"integrity": "EIA2", "ciphering": "EEA2"},
                               "as": {"rrc_integrity": "EIA2", "rrc_ciphering": "EEA2", "up_ciphering": "EEA1"}}})");
    f.close();
    const test::Run apart = test::runMtcsec({QStringLiteral("run"), QStringLiteral("--scenario"), path});
    QCOMPARE(apart.exitCode, 0);
    QVERIFY2(apart.out.contains(
                 QStringLiteral("RRC: non-compliant: 2 SecurityModeCommands select UP ciphering apart "
                                "from RRC ciphering, against TS 36.331 6.3.3")),
             qPrintable(apart.out));
    const test::Run compliant =
        test::runMtcsec({QStringLiteral("run"), QStringLiteral("--preset"), QStringLiteral("3gpp-only")});
    QCOMPARE(compliant.exitCode, 0);
    QVERIFY(!compliant.out.contains(QStringLiteral("RRC: non-compliant")));
}

void TestAsn1::tsharkDecodesEveryField()
{
    if (QStandardPaths::findExecutable(QStringLiteral("tshark")).isEmpty())
        QSKIP("tshark not installed (installer/bootstrap.sh test installs it): the captures' decoding is not "
              "checked");
    // A run's SRB1 RRC and S1AP messages, plus the two a compliant preset does not send.
    Collector c = run("3gpp-only");
    c.rrc.emplace_back(true, encodeRrc(RrcType::SecurityModeCommand, Bytes{1, 2, 3}, 1));
    c.rrc.emplace_back(false, encodeRrc(RrcType::SecurityModeFailure, {}, 0));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // MTCSEC_ASN1_PCAP=FILE keeps the capture (to open it in Wireshark).
    const QString kept = qEnvironmentVariable("MTCSEC_ASN1_PCAP");
    const QString path = kept.isEmpty() ? dir.filePath(QStringLiteral("asn1.pcap")) : kept;
    {
        report::PcapWriter pcap(path);
        std::int64_t t = 0;
        for (const auto& [downlink, bytes] : c.rrc)
            pcap.write(++t, downlink ? "lte_rrc.dl_dcch" : "lte_rrc.ul_dcch", bytes);
        for (const Bytes& bytes : c.s1ap)
            pcap.write(++t, "s1ap", bytes);
        pcap.commit();
    }
    const QStringList fields = {
        QStringLiteral("frame.number"),                       // 0
        QStringLiteral("_ws.malformed"),                      // 1
        QStringLiteral("_ws.expert.severity"),                // 2
        QStringLiteral("lte-rrc.rrc_TransactionIdentifier"),  // 3
        QStringLiteral("lte-rrc.dedicatedInfoNAS"),           // 4
        QStringLiteral("lte-rrc.cipheringAlgorithm"),         // 5
        QStringLiteral("lte-rrc.integrityProtAlgorithm"),     // 6
        QStringLiteral("lte-rrc.lateNonCriticalExtension"),   // 7
        QStringLiteral("nas_eps.security_header_type"),       // 8
        QStringLiteral("s1ap.procedureCode"),                 // 9
        QStringLiteral("s1ap.ENB_UE_S1AP_ID"),                // 10
        QStringLiteral("s1ap.MME_UE_S1AP_ID"),                // 11
        QStringLiteral("s1ap.NAS_PDU"),                       // 12
        QStringLiteral("s1ap.SecurityKey"),                   // 13
        QStringLiteral("s1ap.encryptionAlgorithms"),          // 14
        QStringLiteral("s1ap.integrityProtectionAlgorithms"), // 15
        QStringLiteral("s1ap.transportLayerAddressIPv4"),     // 16
        QStringLiteral("s1ap.gTP_TEID"),                      // 17
        QStringLiteral("s1ap.tAC"),                           // 18
        QStringLiteral("s1ap.CellIdentity"),                  // 19
        QStringLiteral("s1ap.RRC_Establishment_Cause"),       // 20
        QStringLiteral("s1ap.uEaggregateMaximumBitRateDL"),   // 21
        QStringLiteral("lte-rrc.c1"),                         // 22
        QStringLiteral("s1ap.nAS_PDU"), // 23: the E-RAB's, in the InitialContextSetupRequest
    };
    QStringList args{QStringLiteral("-r"),           path,
                     QStringLiteral("-n"),           QStringLiteral("-T"),
                     QStringLiteral("fields"),       QStringLiteral("-E"),
                     QStringLiteral("occurrence=a"), QStringLiteral("-E"),
                     QStringLiteral("aggregator=,")};
    for (const QString& f : fields)
        args << QStringLiteral("-e") << f;
    QProcess p;
    p.start(QStringLiteral("tshark"), args);
    QVERIFY(p.waitForFinished(120000));
    QCOMPARE(p.exitCode(), 0);
    const QStringList lines =
        QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), static_cast<qsizetype>(c.rrc.size() + c.s1ap.size()));
    const auto nasHex = [](ByteView b) {
        return QString::fromStdString(toHex(b));
    };
    std::set<QString> seen; // what was checked, to show that every kind of field came by
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QStringList f = lines[i].split(QLatin1Char('\t'));
        QCOMPARE(f.size(), fields.size());
        const QString where = QStringLiteral("frame %1: %2").arg(f[0], lines[i]);
        QVERIFY2(f[1].isEmpty(), qPrintable(where + QStringLiteral(" is malformed")));
        // Severity values of epan/proto.h: PI_ERROR 0x00800000; chats, notes and warnings pass.
        for (const QString& s : f[2].split(QLatin1Char(','), Qt::SkipEmptyParts))
            QVERIFY2(s.toUInt(nullptr, 0) < 0x00800000,
                     qPrintable(where + QStringLiteral(" has an expert error")));
        const auto index = static_cast<std::size_t>(i);
        if (index < c.rrc.size()) {
            const auto m = decodeRrc(c.rrc[index].second);
            QVERIFY2(!f[22].isEmpty(), qPrintable(where));
            if (m->type != RrcType::UlInformationTransfer)
                QCOMPARE(f[3], QString::number(m->transactionId));
            if (m->type == RrcType::UlInformationTransfer || m->type == RrcType::DlInformationTransfer) {
                QCOMPARE(f[4], nasHex(m->body));
                QVERIFY2(!f[8].isEmpty(), qPrintable(where + QStringLiteral(": no NAS-EPS inside")));
                seen.insert(QStringLiteral("dedicatedInfoNAS"));
            } else if (m->type == RrcType::SecurityModeCommand) {
                QCOMPARE(f[5], QString::number(m->body[1]));
                QCOMPARE(f[6], QString::number(m->body[0]));
                QCOMPARE(f[7],
                         m->body[1] == m->body[2] ? QString() : nasHex(ByteView(m->body).subspan(2, 1)));
                seen.insert(m->body[1] == m->body[2] ? QStringLiteral("SMC")
                                                     : QStringLiteral("SMC deviation"));
            }
            continue;
        }
        const auto m = decodeS1ap(c.s1ap[index - c.rrc.size()]);
        QCOMPARE(f[9], QString::number(static_cast<int>(m->procedure) & 0x7f));
        QCOMPARE(f[10], QString::number(m->enbUeId));
        if (m->procedure != S1apProcedure::InitialUeMessage)
            QCOMPARE(f[11], QString::number(m->mmeUeId));
        const bool inErab = m->procedure == S1apProcedure::InitialContextSetupRequest;
        QCOMPARE(f[inErab ? 23 : 12], nasHex(m->nasPdu));
        if (!m->nasPdu.empty())
            QVERIFY2(!f[8].isEmpty(), qPrintable(where + QStringLiteral(": no NAS-EPS inside")));
        switch (m->procedure) {
        case S1apProcedure::InitialUeMessage:
        case S1apProcedure::UplinkNasTransport:
            QCOMPARE(f[18], QString::number(m->tai.tac));
            QCOMPARE(f[19], QStringLiteral("0x%1").arg(m->cgi.cellId, 8, 16, QLatin1Char('0')));
            if (m->procedure == S1apProcedure::InitialUeMessage)
                QCOMPARE(f[20], QString::number(m->establishmentCause));
            seen.insert(QStringLiteral("location"));
            break;
        case S1apProcedure::InitialContextSetupRequest:
            QCOMPARE(f[13], nasHex(ByteView(m->securityKey->data(), 32)));
            QCOMPARE(f[14], QStringLiteral("%1").arg(m->ueSecurityCapabilities->encryption, 4, 16,
                                                     QLatin1Char('0')));
            QCOMPARE(f[15],
                     QStringLiteral("%1").arg(m->ueSecurityCapabilities->integrity, 4, 16, QLatin1Char('0')));
            QCOMPARE(f[16], QStringLiteral("10.0.0.4"));
            QCOMPARE(f[17], QStringLiteral("%1").arg(m->erab.teid, 8, 16, QLatin1Char('0')));
            QCOMPARE(f[21], QString::number(m->ambrDownlink));
            seen.insert(QStringLiteral("security key"));
            break;
        case S1apProcedure::InitialContextSetupResponse:
            QCOMPARE(f[16], QStringLiteral("10.0.0.1"));
            QCOMPARE(f[17], QStringLiteral("%1").arg(m->erab.teid, 8, 16, QLatin1Char('0')));
            seen.insert(QStringLiteral("response"));
            break;
        case S1apProcedure::DownlinkNasTransport:
            break;
        }
    }
    QCOMPARE(seen, (std::set<QString>{QStringLiteral("dedicatedInfoNAS"), QStringLiteral("SMC"),
                                      QStringLiteral("SMC deviation"), QStringLiteral("location"),
                                      QStringLiteral("security key"), QStringLiteral("response")}));
}

QTEST_GUILESS_MAIN(TestAsn1)
#include "tst_asn1.moc"
