// The known-answer test-set parser (core/crypto/TestSets.h): sections, fields, comments, and syntax errors
// that name their line.
#include "core/InvalidInput.h"
#include "core/crypto/TestSets.h"

#include <QtTest>

#include <string>

using mtcsec::InvalidInput;
using mtcsec::crypto::parseTestSets;
using mtcsec::crypto::TestSet;

class TestTestSets : public QObject {
    Q_OBJECT
private slots:
    void parsesSectionsFieldsAndComments();
    void emptyTextHasNoSets();
    void missingFieldIsNamed();
    void syntaxErrorsNameTheLine_data();
    void syntaxErrorsNameTheLine();
};

void TestTestSets::parsesSectionsFieldsAndComments()
{
    const std::vector<TestSet> sets = parseTestSets("# a comment\r\n"
                                                    "\n"
                                                    "[ 128-EEA2 test set 1 ]\r\n"
                                                    "Key = d3c5 \r\n"
                                                    "  Count=398a59b4\n"
                                                    "# Length = 99\n"
                                                    "Odd = a=b\n"
                                                    "Empty =\n"
                                                    "\t\n"
                                                    "[second]\n"
                                                    "Key = 01");
    QCOMPARE(sets.size(), std::size_t{2});
    QCOMPARE(sets[0].name, std::string("128-EEA2 test set 1"));
    QCOMPARE(sets[0].fields.size(), std::size_t{4});
    QCOMPARE(sets[0].fields[0].first, std::string("Key"));
    QCOMPARE(sets[0].fields[1].first, std::string("Count")); // file order is kept
    QCOMPARE(sets[0].field("Key"), std::string("d3c5"));
    QCOMPARE(sets[0].field("Count"), std::string("398a59b4"));
    QCOMPARE(sets[0].field("Odd"), std::string("a=b")); // split at the first '='
    QCOMPARE(sets[0].field("Empty"), std::string());
    QVERIFY(sets[0].hasField("Empty"));
    QVERIFY(!sets[0].hasField("Length")); // commented out
    QCOMPARE(sets[1].name, std::string("second"));
    QCOMPARE(sets[1].field("Key"), std::string("01")); // last line without a newline
}

void TestTestSets::emptyTextHasNoSets()
{
    QVERIFY(parseTestSets("").empty());
    QVERIFY(parseTestSets("# only comments\n\n").empty());
}

void TestTestSets::missingFieldIsNamed()
{
    const std::vector<TestSet> sets = parseTestSets("[set 3]\nKey = 00\n");
    try {
        (void)sets.front().field("Mac");
        QFAIL("no exception for a missing field");
    } catch (const InvalidInput& e) {
        QCOMPARE(QString::fromUtf8(e.what()), QStringLiteral("test set \"set 3\" has no field Mac"));
    }
}

void TestTestSets::syntaxErrorsNameTheLine_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("field before a section")
        << QStringLiteral("# x\nKey = 1\n") << QStringLiteral("line 2: field Key before the first [name]");
    QTest::newRow("neither section nor field")
        << QStringLiteral("[a]\nKey = 1\nnot a field\n")
        << QStringLiteral("line 3: expected [name] or Key = value, got \"not a field\"");
    QTest::newRow("long line is shortened")
        << QStringLiteral("[a]\n0123456789012345678901234567890123456789abcdef\n")
        << QStringLiteral("line 2: expected [name] or Key = value, got "
                          "\"0123456789012345678901234567890123456789...\"");
    QTest::newRow("empty key") << QStringLiteral("[a]\n = 1\n")
                               << QStringLiteral("line 2: expected [name] or Key = value, got \"= 1\"");
    QTest::newRow("unclosed section") << QStringLiteral("[a]\n[b\n")
                                      << QStringLiteral("line 2: expected [name] or Key = value, got \"[b\"");
    QTest::newRow("field twice") << QStringLiteral("[a]\nK = 1\n# c\nK = 2\n")
                                 << QStringLiteral("line 4: field K given twice in test set \"a\"");
    QTest::newRow("section twice") << QStringLiteral("[a]\nK = 1\n\n[a]\n")
                                   << QStringLiteral("line 4: test set \"a\" given twice");
    QTest::newRow("empty name") << QStringLiteral("\n[ ]\n") << QStringLiteral("line 2: empty test set name");
    QTest::newRow("CRLF lines count once")
        << QStringLiteral("[a]\r\nK = 1\r\nbad\r\n")
        << QStringLiteral("line 3: expected [name] or Key = value, got \"bad\"");
}

void TestTestSets::syntaxErrorsNameTheLine()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    try {
        (void)parseTestSets(text.toStdString());
        QFAIL("no exception for a syntax error");
    } catch (const InvalidInput& e) {
        QCOMPARE(QString::fromUtf8(e.what()), message);
    }
}

QTEST_GUILESS_MAIN(TestTestSets)
#include "tst_testsets.moc"
