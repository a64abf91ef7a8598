// AES-128-GCM and AES-128-CTR of the crypto facade against the examples of McGrew and Viega ("The
// Galois/Counter Mode of Operation", test cases 1-4, the examples of NIST SP 800-38D) and NIST SP 800-38A
// F.5.1, by both GHASH products (carry-less multiplication and the portable one).
#include "core/crypto/Hex.h"
#include "core/crypto/Primitives.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace mtcsec;
using namespace mtcsec::crypto;

class TestAesGcm : public QObject {
    Q_OBJECT
private slots:
    void examples_data();
    void examples();
    void productsAgree();
    void counterModeExample();
};

namespace {

const char* const kKey3 = "feffe9928665731c6d6a8f9467308308";
const char* const kNonce3 = "cafebabefacedbaddecaf888";
const char* const kPlain3 = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                            "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255";
const char* const kCipher3 = "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
                             "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985";

Bytes hex(const std::string& text)
{
    return fromHex(text, "test vector");
}

Bytes randomBytes(QRandomGenerator& rng, std::size_t n)
{
    Bytes b(n);
    for (auto& x : b)
        x = static_cast<std::uint8_t>(rng.bounded(256));
    return b;
}

} // namespace

void TestAesGcm::examples_data()
{
    QTest::addColumn<bool>("carryless");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("nonce");
    QTest::addColumn<QString>("aad");
    QTest::addColumn<QString>("plain");
    QTest::addColumn<QString>("sealed"); // ciphertext || tag
    for (const bool carryless : {true, false}) {
        const QString how = carryless ? QStringLiteral("carry-less ") : QStringLiteral("portable ");
        const QString zeroKey(32, QLatin1Char('0'));
        const QString zeroNonce(24, QLatin1Char('0'));
        QTest::newRow(qPrintable(how + QStringLiteral("test case 1")))
            << carryless << zeroKey << zeroNonce << QString() << QString()
            << QStringLiteral("58e2fccefa7e3061367f1d57a4e7455a");
        QTest::newRow(qPrintable(how + QStringLiteral("test case 2")))
            << carryless << zeroKey << zeroNonce << QString() << QString(32, QLatin1Char('0'))
            << QStringLiteral("0388dace60b6a392f328c2b971b2fe78ab6e47d42cec13bdf53a67b21257bddf");
        QTest::newRow(qPrintable(how + QStringLiteral("test case 3")))
            << carryless << QString::fromLatin1(kKey3) << QString::fromLatin1(kNonce3) << QString()
            << QString::fromLatin1(kPlain3)
            << QString::fromLatin1(kCipher3) + QStringLiteral("4d5c2af327cd64a62cf35abd2ba6fab4");
        QTest::newRow(qPrintable(how + QStringLiteral("test case 4")))
            << carryless << QString::fromLatin1(kKey3) << QString::fromLatin1(kNonce3)
            << QStringLiteral("feedfacedeadbeeffeedfacedeadbeefabaddad2")
            << QString::fromLatin1(kPlain3).left(120)
            << QString::fromLatin1(kCipher3).left(120) + QStringLiteral("5bc94fbc3221a5db94fae95ae7121a47");
    }
}

void TestAesGcm::examples()
{
    QFETCH(bool, carryless);
    QFETCH(QString, key);
    QFETCH(QString, nonce);
    QFETCH(QString, aad);
    QFETCH(QString, plain);
    QFETCH(QString, sealed);
    const bool before = testing::useCarrylessMultiply(carryless);
    const Bytes k = hex(key.toStdString()), n = hex(nonce.toStdString()), a = hex(aad.toStdString());
    const Bytes p = hex(plain.toStdString());
    const KeyedAes128Gcm gcm(k);
    QCOMPARE(QString::fromStdString(toHex(gcm.seal(n, a, p))), sealed);
    Bytes s = hex(sealed.toStdString());
    QCOMPARE(gcm.open(n, a, s), std::optional<Bytes>(p));
    s[s.size() - 1] ^= 1; // a forged tag
    QVERIFY(!gcm.open(n, a, s));
    s[s.size() - 1] ^= 1;
    if (!s.empty() && s.size() > 16) {
        s[0] ^= 0x80; // altered ciphertext
        QVERIFY(!gcm.open(n, a, s));
    }
    testing::useCarrylessMultiply(before);
}

void TestAesGcm::productsAgree()
{
    // Every length of associated data and text up to 5 blocks (the carry-less code hashes 4 blocks at once),
    // a new key each time (the cached objects are keyed again).
    QRandomGenerator rng(20261129);
    for (std::size_t aadLength = 0; aadLength <= 80; aadLength += 7) {
        for (std::size_t length = 0; length <= 80; ++length) {
            const Bytes key = randomBytes(rng, 16), nonce = randomBytes(rng, 12);
            const Bytes aad = randomBytes(rng, aadLength), plain = randomBytes(rng, length);
            const bool before = testing::useCarrylessMultiply(false);
            const Bytes portable = aes128GcmSeal(key, nonce, aad, plain);
            testing::useCarrylessMultiply(true);
            const Bytes carryless = aes128GcmSeal(key, nonce, aad, plain);
            testing::useCarrylessMultiply(before);
            QCOMPARE(carryless, portable);
            QCOMPARE(aes128GcmOpen(key, nonce, aad, carryless), std::optional<Bytes>(plain));
        }
    }
}

void TestAesGcm::counterModeExample()
{
    // NIST SP 800-38A F.5.1 CTR-AES128.Encrypt: the counter's low octets carry (...fdfeff, ...fdff00).
    Bytes data = hex("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
                     "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710");
    Block counter;
    const Bytes iv = hex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
    std::copy(iv.begin(), iv.end(), counter.begin());
    aes128CtrXor(hex("2b7e151628aed2a6abf7158809cf4f3c"), counter, data);
    QCOMPARE(QString::fromStdString(toHex(data)),
             QStringLiteral("874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff"
                            "5ae4df3edbd5d35e5b4f09020db03eab1e031dda2fbe03d1792170a0f3009cee"));
}

QTEST_GUILESS_MAIN(TestAesGcm)
#include "tst_aesgcm.moc"
