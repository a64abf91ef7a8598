// ZUC and the algorithms on it, 128-EEA3 and 128-EIA3, against every official test set of ETSI/SAGE
// "128-EEA3 & 128-EIA3 Document 3: Implementor's Test Data" (ZUC sets 1-4, EEA3 sets 1-5, EIA3 sets 1-5),
// and the bit-length edge cases for which no official answer exists (self-consistency).
#include "core/InvalidInput.h"
#include "core/crypto/Eea3.h"
#include "core/crypto/Eia3.h"
#include "core/crypto/SecurityAlgorithms.h"
#include "core/crypto/Zuc.h"
#include "tests/VectorFile.h"

#include <QtTest>

using namespace mtcsec;
using namespace mtcsec::crypto;
using mtcsec::test::hex;
using mtcsec::test::str;

namespace {

void addRows(const char* file)
{
    QTest::addColumn<test::Vector>("v");
    const auto vectors = test::readVectors(QString::fromLatin1(file));
    for (const test::Vector& v : vectors)
        QTest::newRow(qPrintable(v.name)) << v;
}

QString word(std::uint32_t w)
{
    return QStringLiteral("%1").arg(w, 8, 16, QLatin1Char('0'));
}

const Bytes kKey = {0x17, 0x3d, 0x14, 0xba, 0x50, 0x03, 0x73, 0x1d,
                    0x7a, 0x60, 0x04, 0x94, 0x70, 0xf0, 0x0a, 0x29};

} // namespace

class TestZuc : public QObject {
    Q_OBJECT
private slots:
    void keystreamTestSets_data() { addRows("zuc.vec"); }
    void keystreamTestSets();
    void eea3TestSets_data() { addRows("eea3.vec"); }
    void eea3TestSets();
    void eea3Deciphers_data() { addRows("eea3.vec"); }
    void eea3Deciphers();
    void eia3TestSets_data() { addRows("eia3.vec"); }
    void eia3TestSets();
    void everyOfficialSetIsThere();
    void eea3EdgeLengths_data();
    void eea3EdgeLengths();
    void eea3CountAndBearerLimits();
    void eia3EdgeLengths();
    void eia3IgnoresBitsBeyondLength();
    void eia3CountAndBearerLimits();
    void dispatchMatchesDirectCalls();
    void rejectsBadInput();
};

void TestZuc::keystreamTestSets()
{
    QFETCH(test::Vector, v);
    Zuc zuc(Zuc::octetsOf(hex(v[QStringLiteral("Key")]), "Key"),
            Zuc::octetsOf(hex(v[QStringLiteral("IV")]), "IV"));
    const QString expected = v[QStringLiteral("Keystream")];
    QString z;
    while (z.size() < expected.size())
        z += word(zuc.next());
    QCOMPARE(z, expected);
    if (v.fields.contains(QStringLiteral("Words"))) {
        const auto n = v[QStringLiteral("Words")].toUInt();
        std::uint32_t last = 0;
        for (auto t = static_cast<unsigned>(expected.size() / 8); t < n; ++t)
            last = zuc.next();
        QCOMPARE(word(last), v[QStringLiteral("LastWord")]);
    }
}

void TestZuc::eea3TestSets()
{
    QFETCH(test::Vector, v);
    const Bytes out = eea3(hex(v[QStringLiteral("Key")]), test::algorithmInput(v),
                           hex(v[QStringLiteral("Plaintext")]), v[QStringLiteral("Length")].toUInt());
    QCOMPARE(str(out), v[QStringLiteral("Ciphertext")]);
}

void TestZuc::eea3Deciphers()
{
    QFETCH(test::Vector, v);
    const std::size_t length = v[QStringLiteral("Length")].toUInt();
    const Bytes back = eea3(hex(v[QStringLiteral("Key")]), test::algorithmInput(v),
                            hex(v[QStringLiteral("Ciphertext")]), length);
    Bytes plain = hex(v[QStringLiteral("Plaintext")]);
    plain.resize(octetsForBits(length));
    clearBitsBeyondLength(plain, length);
    QCOMPARE(str(back), str(plain));
}

void TestZuc::eia3TestSets()
{
    QFETCH(test::Vector, v);
    const Mac mac = eia3(hex(v[QStringLiteral("Key")]), test::algorithmInput(v),
                         hex(v[QStringLiteral("Message")]), v[QStringLiteral("Length")].toUInt());
    QCOMPARE(str(mac), v[QStringLiteral("Mac")]);
}

void TestZuc::everyOfficialSetIsThere()
{
    QCOMPARE(test::readVectors(QStringLiteral("zuc.vec")).size(), 4);  // Document 3 clause 3
    QCOMPARE(test::readVectors(QStringLiteral("eea3.vec")).size(), 5); // Document 3 clause 4
    QCOMPARE(test::readVectors(QStringLiteral("eia3.vec")).size(), 5); // Document 3 clause 5
}

void TestZuc::eea3EdgeLengths_data()
{
    QTest::addColumn<int>("bits");
    for (const int bits : {0, 1, 7, 8, 9, 31, 32, 33, 63, 65, 127, 1500 * 8 + 3})
        QTest::newRow(qPrintable(QString::number(bits))) << bits;
}

void TestZuc::eea3EdgeLengths()
{
    // No official answers: the output is the keystream's first LENGTH bits over the data, bits beyond zero,
    // and ciphering twice gives the data back.
    QFETCH(int, bits);
    const auto length = static_cast<std::size_t>(bits);
    const AlgorithmInput in{0x12345678, 7, Direction::Uplink};
    const Bytes data(octetsForBits(length) + 1, 0xa5);
    const Bytes out = eea3(kKey, in, data, length);
    QCOMPARE(out.size(), octetsForBits(length));
    Bytes whole = data;
    whole.resize(out.size());
    eea3InPlace(kKey, in, whole);
    clearBitsBeyondLength(whole, length);
    QCOMPARE(out, whole);
    if (length % 8 != 0)
        QCOMPARE(out.back() & (0xff >> (length % 8)), 0);
    Bytes back = eea3(kKey, in, out, length);
    Bytes expected(data.begin(), data.begin() + static_cast<std::ptrdiff_t>(out.size()));
    clearBitsBeyondLength(expected, length);
    QCOMPARE(back, expected);
}

void TestZuc::eea3CountAndBearerLimits()
{
    const Bytes data(40, 0x3c);
    const Bytes top = eea3(kKey, {0xffffffff, 31, Direction::Downlink}, data, 317);
    Bytes expected = data;
    clearBitsBeyondLength(expected, 317);
    QCOMPARE(eea3(kKey, {0xffffffff, 31, Direction::Downlink}, top, 317), expected);
    QVERIFY(top != eea3(kKey, {0xfffffffe, 31, Direction::Downlink}, data, 317));
    QVERIFY(top != eea3(kKey, {0xffffffff, 30, Direction::Downlink}, data, 317));
    QVERIFY(top != eea3(kKey, {0xffffffff, 31, Direction::Uplink}, data, 317));
}

void TestZuc::eia3EdgeLengths()
{
    // LENGTH 0 has a MAC (T = z_0, MAC = T xor z_32); lengths around a word boundary all differ.
    const AlgorithmInput in{0xffffffff, 31, Direction::Downlink};
    const Bytes msg(9, 0);
    const Mac m0 = eia3(kKey, in, {}, 0);
    QCOMPARE(eia3(kKey, in, msg, 0), m0);
    Mac previous = m0;
    for (const std::size_t bits : {1u, 31u, 32u, 33u, 63u, 64u, 65u}) {
        const Mac m = eia3(kKey, in, msg, bits);
        QVERIFY2(m != previous, qPrintable(QString::number(bits)));
        previous = m;
    }
}

void TestZuc::eia3IgnoresBitsBeyondLength()
{
    const auto v = test::readVectors(QStringLiteral("eia3.vec")).at(2); // 577 bits
    Bytes msg = hex(v[QStringLiteral("Message")]);
    for (std::size_t i = 73; i < msg.size(); ++i)
        msg[i] = 0xff;
    msg[72] |= 0x7f; // the bits of octet 72 beyond bit 577
    QCOMPARE(str(eia3(hex(v[QStringLiteral("Key")]), test::algorithmInput(v), msg, 577)),
             v[QStringLiteral("Mac")]);
    msg[72] ^= 0x80; // bit 577 itself
    QVERIFY(str(eia3(hex(v[QStringLiteral("Key")]), test::algorithmInput(v), msg, 577)) !=
            v[QStringLiteral("Mac")]);
}

void TestZuc::eia3CountAndBearerLimits()
{
    const Bytes msg(16, 0x5a);
    const Mac top = eia3(kKey, {0xffffffff, 31, Direction::Downlink}, msg);
    QVERIFY(top != eia3(kKey, {0xffffffff, 30, Direction::Downlink}, msg));
    QVERIFY(top != eia3(kKey, {0x7fffffff, 31, Direction::Downlink}, msg));
    QVERIFY(top != eia3(kKey, {0xffffffff, 31, Direction::Uplink}, msg));
}

void TestZuc::dispatchMatchesDirectCalls()
{
    const AlgorithmInput in{5, 3, Direction::Uplink};
    Bytes data(100, 0x11);
    const Bytes expected = eea3(kKey, in, data, 800);
    encipherInPlace(CipheringAlgorithm::Eea3, kKey, in, data);
    QCOMPARE(data, expected);
    QCOMPARE(computeMac(IntegrityAlgorithm::Eia3, kKey, in, data), eia3(kKey, in, data, 800));
    QVERIFY(isImplemented(CipheringAlgorithm::Eea3));
    QVERIFY(isImplemented(IntegrityAlgorithm::Eia3));
}

void TestZuc::rejectsBadInput()
{
    const Bytes data(4, 0);
    QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)eea3(Bytes(15, 0), {}, data, 32));
    QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)eea3(kKey, {0, 32, Direction::Uplink}, data, 32));
    QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)eea3(kKey, {}, data, 33));
    QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)eia3(Bytes(17, 0), {}, data, 32));
    QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)eia3(kKey, {0, 40, Direction::Uplink}, data, 32));
    QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)eia3(kKey, {}, data, 33));
    QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)Zuc::octetsOf(Bytes(8, 0), "IV"));
}

QTEST_GUILESS_MAIN(TestZuc)
#include "tst_zuc.moc"
