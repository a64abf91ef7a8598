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
    void negotiationTable_data();
    void negotiationTable();
    void staleListFallsBackToTheFirstChoice();
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

void TestAlgorithmSelection::negotiationTable_data()
{
    // UE security capabilities (EEA octet, EIA octet) x the operator's lists (integrity; ciphering; "" for a
    // single first choice as the scenario's single name gives it) -> "EIAn+EEAn", or "reject" when a family
    // has nothing that fits. One row per case a standards delegate would draw on a whiteboard.
    QTest::addColumn<int>("eea");
    QTest::addColumn<int>("eia");
    QTest::addColumn<QString>("integrity");
    QTest::addColumn<QString>("ciphering");
    QTest::addColumn<QString>("selected");
    QTest::newRow("all algorithms, AES first") << 0xf0 << 0xf0 << "2,1"
                                               << "2,1,0"
                                               << "EIA2+EEA2";
    QTest::newRow("all algorithms, SNOW 3G first") << 0xf0 << 0xf0 << "1,2"
                                                   << "1,2"
                                                   << "EIA1+EEA1";
    QTest::newRow("all algorithms, ZUC first") << 0xf0 << 0xf0 << "3,2,1"
                                               << "3,2,1,0"
                                               << "EIA3+EEA3";
    QTest::newRow("SNOW 3G only, AES first") << 0xc0 << 0x40 << "2,1"
                                             << "2,1,0"
                                             << "EIA1+EEA1";
    QTest::newRow("SNOW 3G only, AES only") << 0xc0 << 0x40 << "2"
                                            << "2,0"
                                            << "reject";
    QTest::newRow("SNOW 3G only, AES only ciphering") << 0xc0 << 0x40 << "2,1"
                                                      << "2"
                                                      << "reject";
    QTest::newRow("SNOW 3G only, AES ciphering then null") << 0xc0 << 0x40 << "2,1"
                                                           << "2,0"
                                                           << "EIA1+EEA0";
    QTest::newRow("ZUC only, AES then SNOW 3G") << 0x90 << 0x10 << "2,1"
                                                << "2,1,0"
                                                << "reject";
    QTest::newRow("ZUC only, ZUC last") << 0x90 << 0x10 << "2,1,3"
                                        << "2,1,3"
                                        << "EIA3+EEA3";
    QTest::newRow("AES only (pre-SNOW build)") << 0xa0 << 0x20 << "1,2"
                                               << "1,2,0"
                                               << "EIA2+EEA2";
    QTest::newRow("stripped of AES, SNOW 3G behind") << 0xd0 << 0xd0 << "2,1"
                                                     << "2,1,0"
                                                     << "EIA1+EEA1";
    QTest::newRow("stripped of AES, AES only") << 0xd0 << 0xd0 << "2"
                                               << "2,0"
                                               << "reject";
    QTest::newRow("stripped to EEA0 only") << 0x80 << 0xf0 << "2,1"
                                           << "2,1,0"
                                           << "EIA2+EEA0";
    QTest::newRow("null integrity listed last") << 0xf0 << 0x80 << "2,0"
                                                << "2,0"
                                                << "EIA0+EEA2";
}

void TestAlgorithmSelection::negotiationTable()
{
    QFETCH(int, eea);
    QFETCH(int, eia);
    QFETCH(QString, integrity);
    QFETCH(QString, ciphering);
    QFETCH(QString, selected);
    Protection p;
    for (const int id : ids(integrity))
        p.nas.integrityList.push_back(static_cast<crypto::IntegrityAlgorithm>(id));
    for (const int id : ids(ciphering))
        p.nas.cipheringList.push_back(static_cast<crypto::CipheringAlgorithm>(id));
    p.nas.integrity = p.nas.integrityList.front();
    p.nas.ciphering = p.nas.cipheringList.front();
    // The eNB with the same lists selects the same for RRC and the user plane.
    p.as = {p.nas.integrity,     p.nas.ciphering,     p.nas.ciphering,
            p.nas.integrityList, p.nas.cipheringList, p.nas.cipheringList};
    const NetworkSelection s =
        selectAlgorithms(p, {static_cast<std::uint8_t>(eea), static_cast<std::uint8_t>(eia)});
    const QString got = s.nasIntegrity && s.nasCiphering ? QStringLiteral("EIA%1+EEA%2")
                                                               .arg(static_cast<int>(*s.nasIntegrity))
                                                               .arg(static_cast<int>(*s.nasCiphering))
                                                         : QStringLiteral("reject");
    QCOMPARE(got, selected);
    QCOMPARE(s.rrcIntegrity, s.nasIntegrity);
    QCOMPARE(s.rrcCiphering, s.nasCiphering);
    QCOMPARE(s.upCiphering, s.nasCiphering);
}

void TestAlgorithmSelection::staleListFallsBackToTheFirstChoice()
{
    using crypto::CipheringAlgorithm;
    using crypto::IntegrityAlgorithm;
    const std::vector<IntegrityAlgorithm> list = {IntegrityAlgorithm::Eia2, IntegrityAlgorithm::Eia1};
    QCOMPARE(integrityPriority(IntegrityAlgorithm::Eia2, list), list);
    // A front-end set a single algorithm over the scenario's list: that algorithm alone is in force.
    QCOMPARE(integrityPriority(IntegrityAlgorithm::Eia1, list), std::vector{IntegrityAlgorithm::Eia1});
    QCOMPARE(cipheringPriority(CipheringAlgorithm::Eea2, {}),
             (std::vector{CipheringAlgorithm::Eea2, CipheringAlgorithm::Eea0}));
}

QTEST_APPLESS_MAIN(TestAlgorithmSelection)
#include "tst_algorithmselection.moc"
