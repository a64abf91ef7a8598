// The TS 33.401 Annex A key derivations (KASME, KeNB, NH, KeNB*, algorithm keys), their input strings, and
// one subscriber through the whole hierarchy from Milenage test set 1.
#include "core/InvalidInput.h"
#include "core/crypto/Eia2.h"
#include "core/crypto/Hex.h"
#include "core/crypto/Kdf.h"
#include "core/crypto/KeyHierarchy.h"
#include "core/crypto/Milenage.h"
#include "tests/VectorFile.h"

#include <QtTest>

using namespace mtcsec;
using namespace mtcsec::crypto;
using mtcsec::test::hex;
using mtcsec::test::str;

class TestKeyHierarchy : public QObject {
    Q_OBJECT
private slots:
    void derivations_data();
    void derivations();
    void algorithmKeyIsLast16Octets();
    void inputStringLayout();
    void wholeChainFromMilenage();
    void typeNames();
    void rejectsWrongSizes();
};

void TestKeyHierarchy::derivations_data()
{
    QTest::addColumn<test::Vector>("v");
    for (const test::Vector& v : test::readVectors(QStringLiteral("kdf.vec")))
        QTest::newRow(qPrintable(v.name)) << v;
}

void TestKeyHierarchy::derivations()
{
    QFETCH(test::Vector, v);
    const QString function = v[QStringLiteral("Function")];
    const QString expected = v[QStringLiteral("Expected")];
    if (function == QLatin1String("kasme")) {
        QCOMPARE(str(deriveKasme(hex(v[QStringLiteral("CK")]), hex(v[QStringLiteral("IK")]),
                                 hex(v[QStringLiteral("SNid")]), hex(v[QStringLiteral("SQNxorAK")]))),
                 expected);
    } else if (function == QLatin1String("kenb")) {
        const auto count = v[QStringLiteral("Count")].toUInt();
        QCOMPARE(str(kdfInputString(KdfFc::KeNB, {Bytes{0, 0, 0, static_cast<std::uint8_t>(count)}})),
                 v[QStringLiteral("S")]);
        QCOMPARE(str(deriveKeNB(hex(v[QStringLiteral("Key")]), count)), expected);
    } else if (function == QLatin1String("alg")) {
        const auto type = parseAlgorithmKeyType(v[QStringLiteral("Type")].toStdString());
        QVERIFY(type.has_value());
        const auto alg = static_cast<std::uint8_t>(v[QStringLiteral("Alg")].toUInt());
        if (v.fields.contains(QStringLiteral("S"))) {
            QCOMPARE(str(kdfInputString(KdfFc::AlgorithmKey,
                                        {Bytes{static_cast<std::uint8_t>(*type)}, Bytes{alg}})),
                     v[QStringLiteral("S")]);
        }
        QCOMPARE(str(deriveAlgorithmKey256(hex(v[QStringLiteral("Key")]), *type, alg)), expected);
    } else if (function == QLatin1String("nh")) {
        QCOMPARE(str(deriveNh(hex(v[QStringLiteral("Key")]), hex(v[QStringLiteral("Sync")]))), expected);
    } else if (function == QLatin1String("kenbstar")) {
        QCOMPARE(str(deriveKeNBStar(hex(v[QStringLiteral("Key")]),
                                    static_cast<std::uint16_t>(v[QStringLiteral("PCI")].toUInt()),
                                    v[QStringLiteral("EARFCN")].toUInt())),
                 expected);
    } else {
        QFAIL(qPrintable(QStringLiteral("unknown function ") + function));
    }
}

void TestKeyHierarchy::algorithmKeyIsLast16Octets()
{
    const Bytes kenb =
        hex(QStringLiteral("c4c7bc798ab94e3d354cd6608e79aa92f5569df46519507850051e36f018ca5f"));
    const SecureBytes full = deriveAlgorithmKey256(kenb, AlgorithmKeyType::RrcInt, 2);
    const SecureBytes key = deriveAlgorithmKey(kenb, AlgorithmKeyType::RrcInt, 2);
    QCOMPARE(key.size(), std::size_t{16});
    QCOMPARE(str(key), str(ByteView(full).subspan(16)));
}

void TestKeyHierarchy::inputStringLayout()
{
    // TS 33.401 A.7 example: the NAS integrity key for 128-EIA2.
    QCOMPARE(str(kdfInputString(KdfFc::AlgorithmKey, {Bytes{0x02}, Bytes{0x02}})),
             QStringLiteral("15020001020001"));
    QCOMPARE(str(kdfInputString(KdfFc::Kasme, {Bytes{0x00, 0xf1, 0x10}, Bytes(6, 0xab)})),
             QStringLiteral("1000f1100003abababababab0006"));
}

void TestKeyHierarchy::wholeChainFromMilenage()
{
    const test::Vector v = test::readVectors(QStringLiteral("keychain.vec")).constFirst();
    const MilenageOutput o = Milenage(hex(v[QStringLiteral("K")]), hex(v[QStringLiteral("OPc")]))
                                 .compute(hex(v[QStringLiteral("RAND")]), hex(v[QStringLiteral("SQN")]),
                                          hex(v[QStringLiteral("AMF")]));
    QCOMPARE(str(o.f2), v[QStringLiteral("RES")]);
    QCOMPARE(str(o.f5), v[QStringLiteral("AK")]);

    // AUTN = SQN xor AK || AMF || MAC-A
    Bytes autn = hex(v[QStringLiteral("SQN")]);
    for (std::size_t i = 0; i < 6; ++i)
        autn[i] ^= o.f5[i];
    const Bytes sqnXorAk(autn.begin(), autn.end());
    const Bytes amf = hex(v[QStringLiteral("AMF")]);
    autn.insert(autn.end(), amf.begin(), amf.end());
    autn.insert(autn.end(), o.f1.begin(), o.f1.end());
    QCOMPARE(str(autn), v[QStringLiteral("AUTN")]);

    const SecureBytes kasme = deriveKasme(o.f3, o.f4, hex(v[QStringLiteral("SNid")]), sqnXorAk);
    QCOMPARE(str(kasme), v[QStringLiteral("KASME")]);
    QCOMPARE(str(deriveAlgorithmKey(kasme, AlgorithmKeyType::NasEnc, 2)), v[QStringLiteral("KNASenc")]);
    QCOMPARE(str(deriveAlgorithmKey(kasme, AlgorithmKeyType::NasInt, 2)), v[QStringLiteral("KNASint")]);
    const SecureBytes kenb = deriveKeNB(kasme, 0);
    QCOMPARE(str(kenb), v[QStringLiteral("KeNB")]);
    QCOMPARE(str(deriveAlgorithmKey(kenb, AlgorithmKeyType::RrcEnc, 2)), v[QStringLiteral("KRRCenc")]);
    QCOMPARE(str(deriveAlgorithmKey(kenb, AlgorithmKeyType::RrcInt, 2)), v[QStringLiteral("KRRCint")]);
    QCOMPARE(str(deriveAlgorithmKey(kenb, AlgorithmKeyType::UpEnc, 2)), v[QStringLiteral("KUPenc")]);
    QCOMPARE(str(deriveNh(kasme, kenb)), v[QStringLiteral("NH1")]);

    // The NAS Security Mode Command of TS 24.301 8.2.20 protected with that KNASint (NAS COUNT 0, downlink,
    // BEARER 0): the MAC covers SN || plain message.
    const SecureBytes knasint = deriveAlgorithmKey(kasme, AlgorithmKeyType::NasInt, 2);
    const Bytes snAndSmc = hex(QStringLiteral("00075d220002e0e0"));
    QCOMPARE(str(eia2(knasint, {0, 0, Direction::Downlink}, snAndSmc)), QStringLiteral("56e9ae81"));
}

void TestKeyHierarchy::typeNames()
{
    for (auto t : {AlgorithmKeyType::NasEnc, AlgorithmKeyType::NasInt, AlgorithmKeyType::RrcEnc,
                   AlgorithmKeyType::RrcInt, AlgorithmKeyType::UpEnc, AlgorithmKeyType::UpInt})
        QCOMPARE(parseAlgorithmKeyType(name(t)), std::optional<AlgorithmKeyType>(t));
    QVERIFY(!parseAlgorithmKeyType("nas").has_value());
}

void TestKeyHierarchy::rejectsWrongSizes()
{
    const Bytes k16(16, 0), k32(32, 0);
    QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)deriveKasme(k16, k16, Bytes(2, 0), Bytes(6, 0)));
    QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)deriveKasme(k16, Bytes(15, 0), Bytes(3, 0), Bytes(6, 0)));
    QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)deriveKeNB(k16, 0));
    QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)deriveAlgorithmKey(k32, AlgorithmKeyType::NasInt, 16));
    QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)deriveNh(k32, k16));
}

QTEST_GUILESS_MAIN(TestKeyHierarchy)
#include "tst_keyhierarchy.moc"
