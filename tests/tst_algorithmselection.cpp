// The operator's choice of algorithms (TS 33.401 7.2.4.2 at the MME, 7.2.4.3 at the eNB), table-driven: UE
// security capabilities x priority list -> the first listed algorithm the UE supports, or a rejection, never
// a silent fallback; and the priority lists built from a configured algorithm.
#include "core/engine/AlgorithmSelection.h"

#include <QtTest>

using namespace mtcsec;
using namespace mtcsec::engine;

namespace {

// "2,0" -> {2, 0}; "" -> {}.
std::vector<int> ids(const QString& list)
{
    std::vector<int> out;
    for (const QString& id : list.split(QLatin1Char(','), Qt::SkipEmptyParts))
        out.push_back(id.toInt());
    return out;
}

} // namespace

class TestAlgorithmSelection : public QObject {
    Q_OBJECT
private slots:
    void selection_data();
    void selection();
    void priorityLists();
};

void TestAlgorithmSelection::selection_data()
{
    // The capabilities octet (TS 24.301 9.9.3.36): bit 8 is algorithm 0, bit 7 algorithm 1, ... The same
    // table serves integrity (EIA octet) and ciphering (EEA octet); -1: nothing fits, the attach is rejected.
    QTest::addColumn<int>("capabilities");
    QTest::addColumn<QString>("priority");
    QTest::addColumn<int>("selected");
    QTest::newRow("default UE, 2 first") << 0xe0 << "2" << 2;
    QTest::newRow("default UE, 2 then 0") << 0xe0 << "2,0" << 2;
    QTest::newRow("default UE, 3 unsupported, then 2") << 0xe0 << "3,2,1,0" << 2;
    QTest::newRow("default UE, 3 alone") << 0xe0 << "3" << -1;
    QTest::newRow("default UE, 0 alone") << 0xe0 << "0" << 0;
    QTest::newRow("priority order wins over UE order") << 0xf0 << "1,3,2" << 1;
    QTest::newRow("downgraded to 0 only, 2 then 0") << 0x80 << "2,0" << 0;
    QTest::newRow("downgraded to 0 only, 2 alone") << 0x80 << "2" << -1;
    QTest::newRow("UE without 0, list ends in 0") << 0x60 << "3,0" << -1;
    QTest::newRow("UE without 0, 2 listed") << 0x60 << "3,0,2" << 2;
    QTest::newRow("UE supports nothing") << 0x00 << "2,1,0" << -1;
    QTest::newRow("empty list") << 0xff << "" << -1;
    QTest::newRow("everything, 3 first") << 0xf0 << "3,2,1,0" << 3;
}

void TestAlgorithmSelection::selection()
{
    QFETCH(int, capabilities);
    QFETCH(QString, priority);
    QFETCH(int, selected);
    const auto octet = static_cast<std::uint8_t>(capabilities);
    std::vector<crypto::IntegrityAlgorithm> eia;
    std::vector<crypto::CipheringAlgorithm> eea;
    for (const int id : ids(priority)) {
        eia.push_back(static_cast<crypto::IntegrityAlgorithm>(id));
        eea.push_back(static_cast<crypto::CipheringAlgorithm>(id));
    }
    // Integrity reads only the EIA octet, ciphering only the EEA octet.
    const auto i = selectIntegrity(eia, protocol::UeSecurityCapabilities{0x00, octet});
    const auto c = selectCiphering(eea, protocol::UeSecurityCapabilities{octet, 0x00});
    QCOMPARE(i ? static_cast<int>(*i) : -1, selected);
    QCOMPARE(c ? static_cast<int>(*c) : -1, selected);
    QVERIFY(!selectIntegrity(eia, protocol::UeSecurityCapabilities{octet, 0x00}));
    QVERIFY(!selectCiphering(eea, protocol::UeSecurityCapabilities{0x00, octet}));
}

void TestAlgorithmSelection::priorityLists()
{
    using crypto::CipheringAlgorithm;
    using crypto::IntegrityAlgorithm;
    // Integrity: the configured algorithm only, never EIA0 behind it (TS 33.401 5.1.4.1).
    QCOMPARE(integrityPriority(IntegrityAlgorithm::Eia2), std::vector{IntegrityAlgorithm::Eia2});
    QCOMPARE(integrityPriority(IntegrityAlgorithm::Eia0), std::vector{IntegrityAlgorithm::Eia0});
    // Ciphering: the configured algorithm, then EEA0 (TS 33.401 5.1.3.1: ciphering is the operator's option).
    QCOMPARE(cipheringPriority(CipheringAlgorithm::Eea2),
             (std::vector{CipheringAlgorithm::Eea2, CipheringAlgorithm::Eea0}));
    QCOMPARE(cipheringPriority(CipheringAlgorithm::Eea0), std::vector{CipheringAlgorithm::Eea0});
    // So a UE stripped of EIA2 is rejected, one stripped of EEA2 gets EEA0 (and the replayed capabilities in
    // the Security Mode Command expose the stripping, TS 33.401 7.2.4.4).
    QVERIFY(!selectIntegrity(integrityPriority(IntegrityAlgorithm::Eia2), {0xe0, 0x80}));
    QCOMPARE(selectCiphering(cipheringPriority(CipheringAlgorithm::Eea2), {0x80, 0xe0}),
             std::optional(CipheringAlgorithm::Eea0));
}

QTEST_APPLESS_MAIN(TestAlgorithmSelection)
#include "tst_algorithmselection.moc"
