// SNOW 3G and the algorithms on it, 128-EEA1 and 128-EIA1 (UEA2/UIA2), against every official test set:
// the SNOW 3G keystream sets and the UEA2/UIA2 sets of ETSI/SAGE UEA2 & UIA2 Document 3, TS 33.401 Annex C.4;
// and the bit-length edge cases for which no official answer exists (self-consistency).
#include "core/InvalidInput.h"
#include "core/crypto/Eea1.h"
#include "core/crypto/Eia1.h"
#include "core/crypto/SecurityAlgorithms.h"
#include "core/crypto/Snow3g.h"
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

QString words(std::initializer_list<std::uint32_t> z)
{
    QString out;
    for (const std::uint32_t w : z)
        out += QStringLiteral("%1").arg(w, 8, 16, QLatin1Char('0'));
    return out;
}

const Bytes kKey = {0x2b, 0xd6, 0x45, 0x9f, 0x82, 0xc5, 0xb3, 0x00,
                    0x95, 0x2c, 0x49, 0x10, 0x48, 0x81, 0xff, 0x48};

} // namespace

class TestSnow3g : public QObject {
    Q_OBJECT
private slots:
    void keystreamTestSets_data() { addRows("snow3g.vec"); }
    void keystreamTestSets();
    void eea1TestSets_data() { addRows("eea1.vec"); }
    void eea1TestSets();
    void eea1Deciphers_data() { addRows("eea1.vec"); }
    void eea1Deciphers();
    void uia2TestSets_data() { addRows("uia2.vec"); }
    void uia2TestSets();
    void eia1TestSets_data() { addRows("eia1.vec"); }
    void eia1TestSets();
    void everyOfficialSetIsThere();
    void eea1IsTheUea2Keystream();
    void eea1EdgeLengths_data();
    void eea1EdgeLengths();
    void eea1CountAndBearerLimits();
    void eia1EdgeLengths();
    void eia1IgnoresBitsBeyondLength();
    void eia1CountAndBearerLimits();
    void dispatchMatchesDirectCalls();
    void rejectsBadInput();
};

void TestSnow3g::keystreamTestSets()
{
    QFETCH(test::Vector, v);
    Snow3g snow(Snow3g::wordsOf(hex(v[QStringLiteral("Key")]), "Key"),
                Snow3g::wordsOf(hex(v[QStringLiteral("IV")]), "IV"));
    const QString expected = v[QStringLiteral("Keystream")];
    QString z;
    while (z.size() < expected.size())
        z += words({snow.next()});
    QCOMPARE(z, expected);
    if (v.fields.contains(QStringLiteral("Words"))) {
        const auto n = v[QStringLiteral("Words")].toUInt();
        std::uint32_t last = 0;
        for (auto t = static_cast<unsigned>(expected.size() / 8); t < n; ++t)
            last = snow.next();
        QCOMPARE(words({last}), v[QStringLiteral("LastWord")]);
    }
}

void TestSnow3g::eea1TestSets()
{
    QFETCH(test::Vector, v);
    const Bytes out = eea1(hex(v[QStringLiteral("Key")]), test::algorithmInput(v),
                           hex(v[QStringLiteral("Plaintext")]), v[QStringLiteral("Length")].toUInt());
    QCOMPARE(str(out), v[QStringLiteral("Ciphertext")]);
}

void TestSnow3g::eea1Deciphers()
{
    QFETCH(test::Vector, v);
    const std::size_t length = v[QStringLiteral("Length")].toUInt();
    const Bytes back = eea1(hex(v[QStringLiteral("Key")]), test::algorithmInput(v),
                            hex(v[QStringLiteral("Ciphertext")]), length);
    // The published plaintext may carry bits beyond LENGTH in its last octet; the output has them zero.
    Bytes plain = hex(v[QStringLiteral("Plaintext")]);
    plain.resize(octetsForBits(length));
    clearBitsBeyondLength(plain, length);
    QCOMPARE(str(back), str(plain));
}

void TestSnow3g::uia2TestSets()
{
    QFETCH(test::Vector, v);
    const Mac mac = uia2(hex(v[QStringLiteral("Key")]), v[QStringLiteral("Count")].toUInt(nullptr, 16),
                         v[QStringLiteral("Fresh")].toUInt(nullptr, 16),
                         static_cast<Direction>(v[QStringLiteral("Direction")].toUInt()),
                         hex(v[QStringLiteral("Message")]), v[QStringLiteral("Length")].toUInt());
    QCOMPARE(str(mac), v[QStringLiteral("Mac")]);
}

void TestSnow3g::eia1TestSets()
{
    QFETCH(test::Vector, v);
    const Mac mac = eia1(hex(v[QStringLiteral("Key")]), test::algorithmInput(v),
                         hex(v[QStringLiteral("Message")]), v[QStringLiteral("Length")].toUInt());
    QCOMPARE(str(mac), v[QStringLiteral("Mac")]);
}

void TestSnow3g::everyOfficialSetIsThere()
{
    QCOMPARE(test::readVectors(QStringLiteral("snow3g.vec")).size(), 4); // UEA2&UIA2 Doc 3 clause 3
    QCOMPARE(test::readVectors(QStringLiteral("eea1.vec")).size(), 5);   // Doc 3 clause 4 (UEA2)
    QCOMPARE(test::readVectors(QStringLiteral("uia2.vec")).size(), 6);   // Doc 3 clause 5 (UIA2)
    QCOMPARE(test::readVectors(QStringLiteral("eia1.vec")).size(), 7);   // TS 33.401 C.4
}

void TestSnow3g::eea1IsTheUea2Keystream()
{
    // UEA2 test set 1 (Document 3 clause 4.3): K0..K3 = 4881ff48 952c4910 82c5b300 2bd6459f, IV0..IV3 =
    // 64000000 72a4f20f 64000000 72a4f20f; the keystream begins f22db45b 37e71c5b.
    Snow3g snow({0x4881ff48, 0x952c4910, 0x82c5b300, 0x2bd6459f},
                {0x64000000, 0x72a4f20f, 0x64000000, 0x72a4f20f});
    QCOMPARE(words({snow.next(), snow.next()}), QStringLiteral("f22db45b37e71c5b"));
    const Bytes zeros(8, 0);
    QCOMPARE(str(eea1(kKey, {0x72a4f20f, 0x0c, Direction::Downlink}, zeros, 64)),
             QStringLiteral("f22db45b37e71c5b"));
}

void TestSnow3g::eea1EdgeLengths_data()
{
    QTest::addColumn<int>("bits");
    for (const int bits : {0, 1, 7, 8, 9, 31, 32, 33, 63, 65, 127, 1500 * 8 + 3})
        QTest::newRow(qPrintable(QString::number(bits))) << bits;
}

void TestSnow3g::eea1EdgeLengths()
{
    // No official answers: the output is the keystream's first LENGTH bits over the data, bits beyond zero,
    // and ciphering twice gives the data back.
    QFETCH(int, bits);
    const auto length = static_cast<std::size_t>(bits);
    const AlgorithmInput in{0x12345678, 7, Direction::Uplink};
    const Bytes data(octetsForBits(length) + 1, 0xa5);
    const Bytes out = eea1(kKey, in, data, length);
    QCOMPARE(out.size(), octetsForBits(length));
    Bytes whole = data;
    whole.resize(out.size());
    eea1InPlace(kKey, in, whole);
    clearBitsBeyondLength(whole, length);
    QCOMPARE(out, whole);
    if (length % 8 != 0)
        QCOMPARE(out.back() & (0xff >> (length % 8)), 0);
    Bytes back = eea1(kKey, in, out, length);
    Bytes expected(data.begin(), data.begin() + static_cast<std::ptrdiff_t>(out.size()));
    clearBitsBeyondLength(expected, length);
    QCOMPARE(back, expected);
}

void TestSnow3g::eea1CountAndBearerLimits()
{
    const Bytes data(40, 0x3c);
    const Bytes top = eea1(kKey, {0xffffffff, 31, Direction::Downlink}, data, 317);
    Bytes expected = data;
    clearBitsBeyondLength(expected, 317);
    QCOMPARE(eea1(kKey, {0xffffffff, 31, Direction::Downlink}, top, 317), expected);
    // Every input bit changes the keystream: COUNT, BEARER and DIRECTION at their extremes.
    QVERIFY(top != eea1(kKey, {0xfffffffe, 31, Direction::Downlink}, data, 317));
    QVERIFY(top != eea1(kKey, {0xffffffff, 30, Direction::Downlink}, data, 317));
    QVERIFY(top != eea1(kKey, {0xffffffff, 31, Direction::Uplink}, data, 317));
}

void TestSnow3g::eia1EdgeLengths()
{
    // LENGTH 0 and 1 have MACs (MAC-I = MUL64(LENGTH, Q) xor z5); different lengths give different MACs.
    const AlgorithmInput in{0xffffffff, 31, Direction::Downlink};
    const Bytes msg(9, 0);
    const Mac m0 = eia1(kKey, in, {}, 0);
    const Mac m1 = eia1(kKey, in, msg, 1);
    const Mac m63 = eia1(kKey, in, msg, 63);
    const Mac m64 = eia1(kKey, in, msg, 64);
    const Mac m65 = eia1(kKey, in, msg, 65);
    QVERIFY(m0 != m1 && m1 != m63 && m63 != m64 && m64 != m65);
    QCOMPARE(eia1(kKey, in, msg, 0), m0); // the message is not read at LENGTH 0
}

void TestSnow3g::eia1IgnoresBitsBeyondLength()
{
    const auto v = test::readVectors(QStringLiteral("eia1.vec")).at(1); // 254 bits
    Bytes msg = hex(v[QStringLiteral("Message")]);
    msg.back() ^= 0x03; // the two bits beyond LENGTH
    QCOMPARE(str(eia1(hex(v[QStringLiteral("Key")]), test::algorithmInput(v), msg, 254)),
             v[QStringLiteral("Mac")]);
    msg.back() ^= 0x04; // the last bit within LENGTH
    QVERIFY(str(eia1(hex(v[QStringLiteral("Key")]), test::algorithmInput(v), msg, 254)) !=
            v[QStringLiteral("Mac")]);
}

void TestSnow3g::eia1CountAndBearerLimits()
{
    const Bytes msg(16, 0x5a);
    const Mac top = eia1(kKey, {0xffffffff, 31, Direction::Downlink}, msg);
    QVERIFY(top != eia1(kKey, {0xffffffff, 30, Direction::Downlink}, msg));
    QVERIFY(top != eia1(kKey, {0x7fffffff, 31, Direction::Downlink}, msg));
    QVERIFY(top != eia1(kKey, {0xffffffff, 31, Direction::Uplink}, msg));
    // BEARER 31 maps to FRESH f8000000 (TS 33.401 B.2.2).
    QCOMPARE(top, uia2(kKey, 0xffffffff, 0xf8000000, Direction::Downlink, msg, 128));
}

void TestSnow3g::dispatchMatchesDirectCalls()
{
    const AlgorithmInput in{5, 3, Direction::Uplink};
    Bytes data(100, 0x11);
    const Bytes expected = eea1(kKey, in, data, 800);
    encipherInPlace(CipheringAlgorithm::Eea1, kKey, in, data);
    QCOMPARE(data, expected);
    QCOMPARE(computeMac(IntegrityAlgorithm::Eia1, kKey, in, data), eia1(kKey, in, data, 800));
    QVERIFY(isImplemented(CipheringAlgorithm::Eea1));
    QVERIFY(isImplemented(IntegrityAlgorithm::Eia1));
}

void TestSnow3g::rejectsBadInput()
{
    const Bytes data(4, 0);
    QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)eea1(Bytes(15, 0), {}, data, 32));
    QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)eea1(kKey, {0, 32, Direction::Uplink}, data, 32));
    QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)eea1(kKey, {}, data, 33));
    QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)eia1(Bytes(17, 0), {}, data, 32));
    QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)eia1(kKey, {0, 40, Direction::Uplink}, data, 32));
    QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)eia1(kKey, {}, data, 33));
    QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)uia2(kKey, 0, 0, Direction::Uplink, data, 33));
    QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)Snow3g::wordsOf(Bytes(8, 0), "IV"));
}

QTEST_GUILESS_MAIN(TestSnow3g)
#include "tst_snow3g.moc"
