// The bit-level AES-CMAC against NIST SP 800-38B / RFC 4493 examples and against Botan's byte-oriented CMAC.
#include "core/crypto/AesCmac.h"
#include "core/crypto/Hex.h"
#include "core/crypto/Primitives.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace mtcsec;
using namespace mtcsec::crypto;

class TestAesCmac : public QObject {
    Q_OBJECT
private slots:
    void rfc4493Examples_data();
    void rfc4493Examples();
    void agreesWithBotanOnWholeOctets();
    void partialOctetPadsInsideTheOctet();
};

void TestAesCmac::rfc4493Examples_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("tag");
    QTest::newRow("empty") << QString() << QStringLiteral("bb1d6929e95937287fa37d129b756746");
    QTest::newRow("16 octets") << QStringLiteral("6bc1bee22e409f96e93d7e117393172a")
                               << QStringLiteral("070a16b46b4d4144f79bdd9dd04a287c");
    QTest::newRow("40 octets") << QStringLiteral(
                                      "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
                                      "30c81c46a35ce411")
                               << QStringLiteral("dfa66747de9ae63030ca32611497c827");
    QTest::newRow("64 octets") << QStringLiteral(
                                      "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
                                      "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710")
                               << QStringLiteral("51f0bebf7e3b9d92fc49741779363cfe");
}

void TestAesCmac::rfc4493Examples()
{
    QFETCH(QString, message);
    QFETCH(QString, tag);
    const Aes128 aes(fromHex("2b7e151628aed2a6abf7158809cf4f3c", "key"));
    const Bytes m = fromHex(message.toStdString(), "message");
    QCOMPARE(QString::fromStdString(toHex(aesCmacBits(aes, m, m.size() * 8))), tag);
}

void TestAesCmac::agreesWithBotanOnWholeOctets()
{
    QRandomGenerator rng(20261127);
    for (int round = 0; round < 200; ++round) {
        Bytes key(16);
        for (auto& b : key)
            b = static_cast<std::uint8_t>(rng.bounded(256));
        Bytes m(static_cast<std::size_t>(rng.bounded(100)));
        for (auto& b : m)
            b = static_cast<std::uint8_t>(rng.bounded(256));
        QCOMPARE(aesCmacBits(Aes128(key), m, m.size() * 8), aes128Cmac(key, m));
    }
}

void TestAesCmac::partialOctetPadsInsideTheOctet()
{
    // A 7-bit message is padded inside its octet (1010101 then 1 0...): the 8th bit of the input octet
    // must not matter, and the 7-bit message differs from either 8-bit one.
    const Aes128 aes(fromHex("2b7e151628aed2a6abf7158809cf4f3c", "key"));
    const Bytes a = {0xaa};
    const Bytes b = {0xab};
    QCOMPARE(aesCmacBits(aes, a, 7), aesCmacBits(aes, b, 7));
    QVERIFY(aesCmacBits(aes, a, 7) != aesCmacBits(aes, b, 8));
    QVERIFY(aesCmacBits(aes, a, 7) != aesCmacBits(aes, a, 8));
}

QTEST_GUILESS_MAIN(TestAesCmac)
#include "tst_aescmac.moc"
