// Hex parsing and number parsing: what the command line and scenario files accept and how they refuse.
#include "core/InvalidInput.h"
#include "core/crypto/Hex.h"

#include <QtTest>

using namespace mtcsec;

class TestHex : public QObject {
    Q_OBJECT
private slots:
    void roundTrip();
    void acceptsPrefixAndCase();
    void errorsNameTheField_data();
    void errorsNameTheField();
    void exactLength();
    void numbers();
};

void TestHex::roundTrip()
{
    const Bytes b = {0x00, 0x7f, 0x80, 0xff, 0x12};
    QCOMPARE(toHex(b), std::string("007f80ff12"));
    QCOMPARE(fromHex(toHex(b), "x"), b);
    QVERIFY(fromHex("", "x").empty());
}

void TestHex::acceptsPrefixAndCase()
{
    QCOMPARE(fromHex("0xABcd", "x"), (Bytes{0xab, 0xcd}));
    QCOMPARE(secretFromHex("0Xff", "x"), (SecureBytes{0xff}));
}

void TestHex::errorsNameTheField_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("odd") << QStringLiteral("abc") << QStringLiteral("--key: odd number of hex digits (3)");
    QTest::newRow("not hex") << QStringLiteral("12g4")
                             << QStringLiteral("--key: 'g' at position 3 is not a hex digit");
    QTest::newRow("space") << QStringLiteral("12 34")
                           << QStringLiteral("--key: ' ' at position 3 is not a hex digit");
}

void TestHex::errorsNameTheField()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    try {
        (void)fromHex(text.toStdString(), "--key");
        QFAIL("no error");
    } catch (const InvalidInput& e) {
        QVERIFY2(QString::fromUtf8(e.what()).startsWith(message), e.what());
    }
}

void TestHex::exactLength()
{
    QCOMPARE(fromHexExact("0011", "--amf", 2).size(), std::size_t{2});
    try {
        (void)secretFromHexExact("00112233", "--k", 16);
        QFAIL("no error");
    } catch (const InvalidInput& e) {
        QCOMPARE(QString::fromUtf8(e.what()),
                 QStringLiteral("--k: must be 16 octets (32 hex digits), got 4"));
    }
}

void TestHex::numbers()
{
    QCOMPARE(parseUnsigned("21", "n", 31), std::uint64_t{21});
    QCOMPARE(parseUnsigned("0x15", "n", 31), std::uint64_t{21});
    QCOMPARE(parseHexUnsigned("398a59b4", "c", 0xffffffff), std::uint64_t{0x398a59b4});
    QCOMPARE(parseHexUnsigned("0x398A59B4", "c", 0xffffffff), std::uint64_t{0x398a59b4});
    QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)parseUnsigned("32", "--bearer", 31));
    QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)parseUnsigned("-1", "--bearer", 31));
    QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)parseUnsigned("1x", "--bearer", 31));
    QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)parseUnsigned("", "--bearer", 31));
    QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)parseHexUnsigned("100000000", "--count", 0xffffffff));
    QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)parseUnsigned("99999999999999999999999", "n", 5));
}

QTEST_GUILESS_MAIN(TestHex)
#include "tst_hex.moc"
