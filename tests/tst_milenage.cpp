// Milenage (TS 35.206) against the official test sets of TS 35.207 / TS 35.208.
#include "core/InvalidInput.h"
#include "core/crypto/Hex.h"
#include "core/crypto/Milenage.h"
#include "tests/VectorFile.h"

#include <QtTest>

using namespace mtcsec;
using namespace mtcsec::crypto;
using mtcsec::test::hex;
using mtcsec::test::str;

class TestMilenage : public QObject {
    Q_OBJECT
private slots:
    void officialTestSets_data();
    void officialTestSets();
    void opcGivenDirectly();
    void rejectsWrongSizes();
};

void TestMilenage::officialTestSets_data()
{
    QTest::addColumn<test::Vector>("v");
    const auto vectors = test::readVectors(QStringLiteral("milenage.vec"));
    QVERIFY(vectors.size() >= 6);
    for (const test::Vector& v : vectors)
        QTest::newRow(qPrintable(v.name)) << v;
}

void TestMilenage::officialTestSets()
{
    QFETCH(test::Vector, v);
    const Bytes k = hex(v[QStringLiteral("K")]);
    const SecureBytes opc = Milenage::computeOpc(k, hex(v[QStringLiteral("OP")]));
    QCOMPARE(str(opc), v[QStringLiteral("OPc")]);
    const MilenageOutput o = Milenage(k, opc).compute(
        hex(v[QStringLiteral("RAND")]), hex(v[QStringLiteral("SQN")]), hex(v[QStringLiteral("AMF")]));
    QCOMPARE(str(o.f1), v[QStringLiteral("f1")]);
    QCOMPARE(str(o.f1star), v[QStringLiteral("f1star")]);
    QCOMPARE(str(o.f2), v[QStringLiteral("f2")]);
    QCOMPARE(str(o.f3), v[QStringLiteral("f3")]);
    QCOMPARE(str(o.f4), v[QStringLiteral("f4")]);
    QCOMPARE(str(o.f5), v[QStringLiteral("f5")]);
    QCOMPARE(str(o.f5star), v[QStringLiteral("f5star")]);
}

void TestMilenage::opcGivenDirectly()
{
    const Milenage m(hex(QStringLiteral("465b5ce8b199b49faa5f0a2ee238a6bc")),
                     hex(QStringLiteral("cd63cb71954a9f4e48a5994e37a02baf")));
    const MilenageOutput o = m.compute(hex(QStringLiteral("23553cbe9637a89d218ae64dae47bf35")),
                                       hex(QStringLiteral("ff9bb4d0b607")), hex(QStringLiteral("b9b9")));
    QCOMPARE(str(o.f2), QStringLiteral("a54211d5e3ba50bf"));
    QCOMPARE(str(m.opc()), QStringLiteral("cd63cb71954a9f4e48a5994e37a02baf"));
}

void TestMilenage::rejectsWrongSizes()
{
    const Bytes k(16, 1);
    QVERIFY_THROWS_EXCEPTION(InvalidInput, Milenage(Bytes(15, 0), k));
    QVERIFY_THROWS_EXCEPTION(InvalidInput, Milenage(k, Bytes(17, 0)));
    QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)Milenage::computeOpc(k, Bytes(8, 0)));
    const Milenage m(k, k);
    QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)m.compute(Bytes(15, 0), Bytes(6, 0), Bytes(2, 0)));
    QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)m.compute(Bytes(16, 0), Bytes(5, 0), Bytes(2, 0)));
    QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)m.compute(Bytes(16, 0), Bytes(6, 0), Bytes(3, 0)));
}

QTEST_GUILESS_MAIN(TestMilenage)
#include "tst_milenage.moc"
