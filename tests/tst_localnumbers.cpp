// Numbers in the interface's language (ui/LocalNumbers.h): the language's decimal point and group
// separator, whatever the machine's locale (the test sets a third one as the default to show it is not used).
#include "ui/Language.h"
#include "ui/LocalNumbers.h"

#include <QtTest>

using namespace mtcsec;
using namespace mtcsec::ui;

class TestLocalNumbers : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup() { installLanguage(QStringLiteral("en")); }
    void numbers_data();
    void numbers();
    void decimalText_data();
    void decimalText();
    void defaultLocaleFollowsTheLanguage();
};

void TestLocalNumbers::init()
{
    // A machine locale that is neither language's: French writes "1 234,5".
    QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
}

void TestLocalNumbers::numbers_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("decimal");
    QTest::addColumn<QString>("time");
    QTest::addColumn<QString>("count");
    QTest::addColumn<QString>("negativeTime");
    QTest::newRow("en") << "en"
                        << "3600.25"
                        << "16.311743"
                        << "12,345"
                        << "-0.000001";
    QTest::newRow("de") << "de"
                        << "3600,25"
                        << "16,311743"
                        << "12.345"
                        << "-0,000001";
}

void TestLocalNumbers::numbers()
{
    QFETCH(QString, language);
    QVERIFY(installLanguage(language));
    QFETCH(QString, decimal);
    QCOMPARE(localDecimal(3600.25, 2), decimal);
    QFETCH(QString, time);
    QCOMPARE(localTime(16'311'743), time);
    QFETCH(QString, count);
    QCOMPARE(localCount(12'345), count);
    QFETCH(QString, negativeTime);
    QCOMPARE(localTime(-1), negativeTime);
    QCOMPARE(localDecimal(7.0, 0), QStringLiteral("7"));
}

void TestLocalNumbers::decimalText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("german");
    QTest::newRow("time") << "0.083460"
                          << "0,083460";
    QTest::newRow("negative") << "-12.5"
                              << "-12,5";
    QTest::newRow("integer") << "42"
                             << "42";
    QTest::newRow("imsi") << "001010000000003"
                          << "001010000000003";
    QTest::newRow("address") << "10.0.0.1"
                             << "10.0.0.1";
    QTest::newRow("clause") << "TS 33.401"
                            << "TS 33.401";
    QTest::newRow("no digits after") << "12."
                                     << "12.";
    QTest::newRow("no digits before") << ".5"
                                      << ".5";
    QTest::newRow("name") << "a1"
                          << "a1";
    QTest::newRow("empty") << ""
                           << "";
}

void TestLocalNumbers::decimalText()
{
    QFETCH(QString, text);
    QFETCH(QString, german);
    QVERIFY(installLanguage(QStringLiteral("en")));
    QCOMPARE(localDecimalText(text), text);
    QVERIFY(installLanguage(QStringLiteral("de")));
    QCOMPARE(localDecimalText(text), german);
}

void TestLocalNumbers::defaultLocaleFollowsTheLanguage()
{
    QVERIFY(installLanguage(QStringLiteral("de")));
    QCOMPARE(QLocale().language(), QLocale::German);
    QCOMPARE(QStringLiteral("%L1").arg(2.5), QStringLiteral("2,5"));
    QVERIFY(installLanguage(QStringLiteral("en")));
    QCOMPARE(QLocale().language(), QLocale::English);
    QCOMPARE(QStringLiteral("%L1").arg(2.5), QStringLiteral("2.5"));
}

QTEST_MAIN(TestLocalNumbers)
#include "tst_localnumbers.moc"
