// 128-EIA2 against the official test sets of TS 33.401 Annex C.2 (bit lengths included), and the integrity
// property the laboratory relies on: any change of message, COUNT, BEARER or DIRECTION changes the MAC.
#include "core/InvalidInput.h"
#include "core/crypto/Eea0Eia0.h"
#include "core/crypto/Eia2.h"
#include "core/crypto/Hex.h"
#include "core/crypto/SecurityAlgorithms.h"
#include "tests/VectorFile.h"

#include <QtTest>

using namespace mtcsec;
using namespace mtcsec::crypto;
using mtcsec::test::hex;
using mtcsec::test::str;

class TestEia2 : public QObject {
    Q_OBJECT
private slots:
    void officialTestSets_data();
    void officialTestSets();
    void everyInputChangesTheMac();
    void wholeOctetFormAgreesWithBitForm();
    void bitsBeyondLengthAreIgnored();
    void nullIntegrityIsZero();
    void rejectsBadInput();
};

void TestEia2::officialTestSets_data()
{
    QTest::addColumn<test::Vector>("v");
    const auto vectors = test::readVectors(QStringLiteral("eia2.vec"));
    QVERIFY(vectors.size() >= 8);
    for (const test::Vector& v : vectors)
        QTest::newRow(qPrintable(v.name)) << v;
}

void TestEia2::officialTestSets()
{
    QFETCH(test::Vector, v);
    const Mac mac = eia2(hex(v[QStringLiteral("Key")]), test::algorithmInput(v),
                         hex(v[QStringLiteral("Message")]), v[QStringLiteral("Length")].toUInt());
    QCOMPARE(str(mac), v[QStringLiteral("Mac")]);
}

void TestEia2::everyInputChangesTheMac()
{
    const Bytes key = hex(QStringLiteral("d3c5d592327fb11c4035c6680af8c6d1"));
    const AlgorithmInput in{0x398a59b4, 0x1a, Direction::Downlink};
    Bytes msg = hex(QStringLiteral("484583d5afe082ae"));
    const Mac reference = eia2(key, in, msg);
    QCOMPARE(str(reference), QStringLiteral("b93787e6"));

    QVERIFY(eia2(key, {in.count + 1, in.bearer, in.direction}, msg) != reference);
    QVERIFY(eia2(key, {in.count, static_cast<std::uint8_t>(in.bearer ^ 1), in.direction}, msg) != reference);
    QVERIFY(eia2(key, {in.count, in.bearer, Direction::Uplink}, msg) != reference);
    for (std::size_t bit = 0; bit < msg.size() * 8; ++bit) {
        Bytes changed = msg;
        changed[bit / 8] ^= static_cast<std::uint8_t>(0x80 >> (bit % 8));
        QVERIFY2(eia2(key, in, changed) != reference, qPrintable(QStringLiteral("bit %1").arg(bit)));
    }
    Bytes otherKey = key;
    otherKey[0] ^= 1;
    QVERIFY(eia2(otherKey, in, msg) != reference);
}

void TestEia2::wholeOctetFormAgreesWithBitForm()
{
    const Bytes key = hex(QStringLiteral("83fd23a244a74cf358da3019f1722635"));
    const AlgorithmInput in{0x36af6144, 0x0f, Direction::Downlink};
    Bytes msg;
    for (int n = 0; n < 70; ++n) {
        QCOMPARE(eia2(key, in, msg), eia2(key, in, msg, msg.size() * 8));
        QCOMPARE(computeMac(IntegrityAlgorithm::Eia2, key, in, msg), eia2(key, in, msg));
        msg.push_back(static_cast<std::uint8_t>(n * 37 + 11));
    }
}

void TestEia2::bitsBeyondLengthAreIgnored()
{
    // EIA2 test set 1 is 58 bits: the 6 trailing bits of the last octet must not matter.
    const Bytes key = hex(QStringLiteral("2bd6459f82c5b300952c49104881ff48"));
    const AlgorithmInput in{0x38a6f056, 0x18, Direction::Uplink};
    Bytes msg = hex(QStringLiteral("3332346263393840"));
    msg[7] |= 0x3f;
    QCOMPARE(str(eia2(key, in, msg, 58)), QStringLiteral("118c6eb8"));
    msg[7] ^= 0x40; // bit 58, inside LENGTH
    QVERIFY(str(eia2(key, in, msg, 58)) != QStringLiteral("118c6eb8"));
}

void TestEia2::nullIntegrityIsZero()
{
    const Bytes key(16, 0x55);
    QCOMPARE(computeMac(IntegrityAlgorithm::Eia0, key, {}, Bytes{1, 2, 3}), (Mac{0, 0, 0, 0}));
    QCOMPARE(eia0(), (Mac{0, 0, 0, 0}));
}

void TestEia2::rejectsBadInput()
{
    const Bytes key(16, 1);
    const Bytes msg(8, 0);
    QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)eia2(Bytes(17, 0), {}, msg, 64));
    QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)eia2(key, {0, 40, Direction::Uplink}, msg, 64));
    QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)eia2(key, {}, msg, 65));
    QVERIFY_THROWS_EXCEPTION(InvalidInput,
                             (void)computeMac(static_cast<IntegrityAlgorithm>(4), key, {}, msg));
}

QTEST_GUILESS_MAIN(TestEia2)
#include "tst_eia2.moc"
