// 128-EEA2 against the official test sets of TS 33.401 Annex C.1, and its properties as a stream cipher.
#include "core/InvalidInput.h"
#include "core/crypto/Eea2.h"
#include "core/crypto/Hex.h"
#include "core/crypto/SecurityAlgorithms.h"
#include "tests/VectorFile.h"

#include <QtTest>

using namespace mtcsec;
using namespace mtcsec::crypto;
using mtcsec::test::hex;
using mtcsec::test::str;

class TestEea2 : public QObject {
    Q_OBJECT
private slots:
    void officialTestSets_data();
    void officialTestSets();
    void decipheringInvertsCiphering_data() { officialTestSets_data(); }
    void decipheringInvertsCiphering();
    void bitsBeyondLengthAreZero();
    void inPlaceMatchesBitForm();
    void flippedCiphertextBitFlipsPlaintextBit();
    void counterBlockLayout();
    void rejectsBadInput();
};

void TestEea2::officialTestSets_data()
{
    QTest::addColumn<test::Vector>("v");
    const auto vectors = test::readVectors(QStringLiteral("eea2.vec"));
    QVERIFY(vectors.size() >= 6);
    for (const test::Vector& v : vectors)
        QTest::newRow(qPrintable(v.name)) << v;
}

void TestEea2::officialTestSets()
{
    QFETCH(test::Vector, v);
    const Bytes out = eea2(hex(v[QStringLiteral("Key")]), test::algorithmInput(v),
                           hex(v[QStringLiteral("Plaintext")]), v[QStringLiteral("Length")].toUInt());
    QCOMPARE(str(out), v[QStringLiteral("Ciphertext")]);
}

void TestEea2::decipheringInvertsCiphering()
{
    QFETCH(test::Vector, v);
    const std::size_t length = v[QStringLiteral("Length")].toUInt();
    const Bytes back = eea2(hex(v[QStringLiteral("Key")]), test::algorithmInput(v),
                            hex(v[QStringLiteral("Ciphertext")]), length);
    // Set 3 publishes one octet of plaintext more than its LENGTH covers; compare what LENGTH covers.
    QCOMPARE(str(back),
             v[QStringLiteral("Plaintext")].left(static_cast<qsizetype>(2 * octetsForBits(length))));
}

void TestEea2::bitsBeyondLengthAreZero()
{
    const Bytes key = hex(QStringLiteral("d3c5d592327fb11c4035c6680af8c6d1"));
    const AlgorithmInput in{1, 2, Direction::Uplink};
    const Bytes data(4, 0xff);
    for (std::size_t bits = 25; bits < 32; ++bits) {
        const Bytes out = eea2(key, in, data, bits);
        QCOMPARE(out.size(), std::size_t{4});
        QCOMPARE(static_cast<unsigned>(out[3] & (0xff >> (bits - 24))), 0u);
    }
}

void TestEea2::inPlaceMatchesBitForm()
{
    const auto v = test::readVectors(QStringLiteral("eea2.vec")).at(1);
    const Bytes key = hex(v[QStringLiteral("Key")]);
    Bytes data = hex(v[QStringLiteral("Plaintext")]);
    const Bytes expected = eea2(key, test::algorithmInput(v), data, data.size() * 8);
    encipherInPlace(CipheringAlgorithm::Eea2, key, test::algorithmInput(v), data);
    QCOMPARE(data, expected);
}

void TestEea2::flippedCiphertextBitFlipsPlaintextBit()
{
    // The malleability that the laboratory demonstrates: ciphering alone does not protect integrity.
    const Bytes key = hex(QStringLiteral("0a8b6bd8d9b08b08d64e32d1817777fb"));
    const AlgorithmInput in{7, 3, Direction::Uplink};
    const Bytes plain = {'t', 'e', 'm', 'p', '=', '2', '1'};
    Bytes cipher = eea2(key, in, plain, plain.size() * 8);
    cipher[6] ^= '1' ^ '9';
    const Bytes changed = eea2(key, in, cipher, cipher.size() * 8);
    QCOMPARE(
        QByteArray(reinterpret_cast<const char*>(changed.data()), static_cast<qsizetype>(changed.size())),
        QByteArray("temp=29"));
}

void TestEea2::counterBlockLayout()
{
    const Block t1 = eea2CounterBlock({0x398a59b4, 0x15, Direction::Downlink});
    QCOMPARE(str(t1), QStringLiteral("398a59b4ac0000000000000000000000"));
}

void TestEea2::rejectsBadInput()
{
    const Bytes key = hex(QStringLiteral("d3c5d592327fb11c4035c6680af8c6d1"));
    const Bytes data(4, 0);
    QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)eea2(Bytes(15, 0), {}, data, 32));
    QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)eea2(key, {0, 32, Direction::Uplink}, data, 32));
    QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)eea2(key, {}, data, 33));
    QCOMPARE(eea2(key, {}, data, 24).size(), std::size_t{3}); // octets beyond LENGTH are not output
    Bytes buffer = data;
    QVERIFY_THROWS_EXCEPTION(InvalidInput,
                             encipherInPlace(static_cast<CipheringAlgorithm>(4), key, {}, buffer)); // no EEA4
}

QTEST_GUILESS_MAIN(TestEea2)
#include "tst_eea2.moc"
