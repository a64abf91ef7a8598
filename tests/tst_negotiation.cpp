// Negotiation of EPS security algorithms across families (TS 33.401 7.2.4.2 at the MME, 7.2.4.3 at the eNB,
// 7.2.4.4 the replayed capabilities): UE security capabilities per device group and the operator's priority
// lists in scenario files (good and bad rows, round trip), runs that mix device groups and read the
// selections back from the summary and the JSON report, the refusal when nothing fits, and bidding down from
// AES to SNOW 3G caught; the preset mixed-snow3g.
#include "core/InvalidInput.h"
#include "core/engine/AlgorithmSelection.h"
#include "core/engine/Engine.h"
#include "core/report/NegotiationSummary.h"
#include "core/report/ReportJson.h"
#include "core/scenario/Presets.h"
#include "core/scenario/ScenarioJson.h"
#include "ui/LinkProtection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace mtcsec;
using namespace mtcsec::engine;
using crypto::CipheringAlgorithm;
using crypto::IntegrityAlgorithm;

namespace {

// A valid scenario with `fields` spliced into the root object.
QByteArray withFields(const QByteArray& fields)
{
    return QByteArray(R"({"schema": "mtcsec-scenario/1")") + (fields.isEmpty() ? "" : ", ") + fields + "}";
}

QString errorOf(const QByteArray& json)
{
    try {
        (void)scenarioFromJson(json);
    } catch (const InvalidInput& e) {
        return QString::fromUtf8(e.what());
    }
    return QStringLiteral("no error");
}

// The operator of the tests: prefers AES, then SNOW 3G (and ZUC for integrity), ciphering may end in EEA0.
const char* kOperatorLists = R"("protection": {
    "nas": {"integrity": ["EIA2", "EIA1", "EIA3"], "ciphering": ["EEA2", "EEA1", "EEA0"]},
    "as": {"rrc_integrity": ["EIA2", "EIA1", "EIA3"], "rrc_ciphering": ["EEA2", "EEA1", "EEA0"],
           "up_ciphering": ["EEA2", "EEA1", "EEA0"]}})";

RunSummary run(const Scenario& s)
{
    Engine engine(s);
    engine.runToEnd();
    return engine.summary();
}

// The NAS (or AS) selections of one group: "EIA1+EEA1 x3" joined by ", " in the summary's order.
QString selectionsOf(const RunSummary& s, const std::string& group, bool as)
{
    QStringList out;
    for (const AlgorithmSelectionCount& c : s.selections) {
        const std::string name =
            c.group < s.deviceGroups.size() ? s.deviceGroups[c.group].name : std::string(kDefaultGroupName);
        if (name != group || c.as != as)
            continue;
        if (c.rejected)
            out << QStringLiteral("none x%1").arg(c.count);
        else if (as)
            out << QStringLiteral("EIA%1+EEA%2/UP EEA%3 x%4")
                       .arg(static_cast<int>(c.integrity))
                       .arg(static_cast<int>(c.ciphering))
                       .arg(static_cast<int>(c.upCiphering))
                       .arg(c.count);
        else
            out << QStringLiteral("EIA%1+EEA%2 x%3")
                       .arg(static_cast<int>(c.integrity))
                       .arg(static_cast<int>(c.ciphering))
                       .arg(c.count);
    }
    return out.join(QStringLiteral(", "));
}

} // namespace

class TestNegotiation : public QObject {
    Q_OBJECT
private slots:
    void priorityListsRead();
    void capabilitiesAndGroupsRead();
    void stripRead();
    void roundTrip();
    void malformed_data();
    void malformed();
    void groupsOfDevices();
    void mixedGroupsSelectPerDevice();
    void nothingFitsIsRefused_data();
    void nothingFitsIsRefused();
    void biddingDownToSnow3gCaught();
    void presetMixedSnow3g();
    void reportNamesTheSelections();
    void canvasLabelsNameEachGroupsChoice();
};

void TestNegotiation::priorityListsRead()
{
    const Scenario s = scenarioFromJson(withFields(kOperatorLists));
    QCOMPARE(s.protection.nas.integrity, IntegrityAlgorithm::Eia2);
    QCOMPARE(s.protection.nas.integrityList,
             (std::vector{IntegrityAlgorithm::Eia2, IntegrityAlgorithm::Eia1, IntegrityAlgorithm::Eia3}));
    QCOMPARE(s.protection.as.upCipheringList,
             (std::vector{CipheringAlgorithm::Eea2, CipheringAlgorithm::Eea1, CipheringAlgorithm::Eea0}));
    // Long names as the single-name form reads them.
    const Scenario longNames =
        scenarioFromJson(withFields(R"("protection": {"nas": {"integrity": ["128-EIA1", "eia2"]}})"));
    QCOMPARE(longNames.protection.nas.integrity, IntegrityAlgorithm::Eia1);
    QCOMPARE(longNames.protection.nas.integrityList,
             (std::vector{IntegrityAlgorithm::Eia1, IntegrityAlgorithm::Eia2}));
    // A single name keeps today's meaning: no list; integrity that one only, ciphering that one then EEA0.
    const Scenario single =
        scenarioFromJson(withFields(R"("protection": {"nas": {"integrity": "EIA1", "ciphering": "EEA1"}})"));
    QVERIFY(single.protection.nas.integrityList.empty());
    QCOMPARE(integrityPriority(single.protection.nas.integrity, single.protection.nas.integrityList),
             std::vector{IntegrityAlgorithm::Eia1});
    QCOMPARE(cipheringPriority(single.protection.nas.ciphering, single.protection.nas.cipheringList),
             (std::vector{CipheringAlgorithm::Eea1, CipheringAlgorithm::Eea0}));
    // A list of one is exactly that: no EEA0 behind it.
    const Scenario one = scenarioFromJson(withFields(R"("protection": {"nas": {"ciphering": ["EEA1"]}})"));
    QCOMPARE(cipheringPriority(one.protection.nas.ciphering, one.protection.nas.cipheringList),
             std::vector{CipheringAlgorithm::Eea1});
    // A change with a single name replaces the list in force.
    const Scenario changed = scenarioFromJson(withFields(QByteArray(kOperatorLists) + R"(,
        "changes": [{"at_s": 10, "protection": {"nas": {"integrity": "EIA1"}}}])"));
    QVERIFY(changed.changes.at(0).protection.nas.integrityList.empty());
    QCOMPARE(changed.changes.at(0).protection.nas.cipheringList.size(), std::size_t{3});
}

void TestNegotiation::capabilitiesAndGroupsRead()
{
    const Scenario plain = scenarioFromJson(withFields(""));
    QCOMPARE(plain.ue.capabilities, (UeCapabilities{0xf0, 0xf0})); // default: every algorithm
    QVERIFY(plain.deviceGroups.empty());

    const Scenario s = scenarioFromJson(withFields(R"("devices": 10,
        "ue": {"accepts_null_integrity": true, "capabilities": {"eia": ["EIA0", "EIA2"]}},
        "device_groups": [
            {"name": "snow3g-only", "devices": 4, "ue": {"capabilities": {"eea": ["EEA0", "128-EEA1"], "eia": ["EIA1"]}}},
            {"name": "zuc", "devices": 2, "ue": {"accepts_null_integrity": false}}])"));
    QCOMPARE(s.ue.capabilities, (UeCapabilities{0xf0, 0xa0}));
    QCOMPARE(s.deviceGroups.size(), std::size_t{2});
    const DeviceGroup& snow = s.deviceGroups[0];
    QCOMPARE(snow.name, std::string("snow3g-only"));
    QCOMPARE(snow.devices, 4u);
    QCOMPARE(snow.ue.capabilities, (UeCapabilities{0xc0, 0x40}));
    QVERIFY(snow.ue.acceptsNullIntegrity); // inherited from "ue"
    QCOMPARE(s.deviceGroups[1].ue.capabilities, (UeCapabilities{0xf0, 0xa0}));
    QVERIFY(!s.deviceGroups[1].ue.acceptsNullIntegrity);
}

void TestNegotiation::stripRead()
{
    const auto downgrade = [](const char* more) {
        return scenarioFromJson(withFields(QByteArray(R"("attacks": [{"kind": "downgrade", "target": "Uu")") +
                                           more + "}]"))
            .attacks.at(0);
    };
    QCOMPARE(downgrade("").strip, (UeCapabilities{0x70, 0x00})); // today's default: EEA0 only is left
    QCOMPARE(downgrade(R"(, "strip": {"eia": ["EIA2"]})").strip, (UeCapabilities{0x00, 0x20}));
    QCOMPARE(downgrade(R"(, "strip": {"eea": ["128-EEA2", "EEA3"], "eia": []})").strip,
             (UeCapabilities{0x30, 0x00}));
}

void TestNegotiation::roundTrip()
{
    Scenario s = scenarioFromJson(withFields(QByteArray(kOperatorLists) + R"(, "devices": 7,
        "ue": {"capabilities": {"eea": ["EEA0", "EEA2"]}},
        "device_groups": [{"name": "snow3g-only", "devices": 3,
                           "ue": {"capabilities": {"eea": ["EEA0", "EEA1"], "eia": ["EIA1"]}}}],
        "attacks": [{"kind": "downgrade", "target": "Uu", "strip": {"eea": ["EEA2"], "eia": ["EIA2"]}}])"));
    const QByteArray json = scenarioToJson(s);
    QCOMPARE(scenarioFromJson(json), s);
    // The file says it in the scenario's words.
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    QCOMPARE(root[QStringLiteral("protection")][QStringLiteral("nas")][QStringLiteral("integrity")].toArray(),
             (QJsonArray{QStringLiteral("EIA2"), QStringLiteral("EIA1"), QStringLiteral("EIA3")}));
    QCOMPARE(root[QStringLiteral("device_groups")][0][QStringLiteral("ue")][QStringLiteral("capabilities")]
                 [QStringLiteral("eia")]
                     .toArray(),
             QJsonArray{QStringLiteral("EIA1")});
    QCOMPARE(root[QStringLiteral("attacks")][0][QStringLiteral("strip")][QStringLiteral("eia")].toArray(),
             QJsonArray{QStringLiteral("EIA2")});
    // A single choice is written as a name.
    s.protection.nas.integrity = IntegrityAlgorithm::Eia1; // a front-end set one algorithm: the list is stale
    const QJsonObject again = QJsonDocument::fromJson(scenarioToJson(s)).object();
    QCOMPARE(
        again[QStringLiteral("protection")][QStringLiteral("nas")][QStringLiteral("integrity")].toString(),
        QStringLiteral("EIA1"));
}

void TestNegotiation::malformed_data()
{
    QTest::addColumn<QByteArray>("fields");
    QTest::addColumn<QString>("message"); // the whole message, or its start when it ends in "..."
    const auto row = [](const char* name, const QByteArray& fields, const char* message) {
        QTest::newRow(name) << fields << QString::fromUtf8(message);
    };
    // Priority lists.
    row("empty list", R"("protection": {"nas": {"integrity": []}})",
        "protection.nas.integrity: an empty priority list: name at least one algorithm, highest priority "
        "first");
    row("listed twice", R"("protection": {"nas": {"integrity": ["EIA2", "128-EIA2"]}})",
        "protection.nas.integrity[1]: EIA2 is listed twice (also protection.nas.integrity[0])");
    row("unknown in list", R"("protection": {"as": {"rrc_integrity": ["EIA2", "EIA9"]}})",
        "protection.as.rrc_integrity[1]: unknown integrity algorithm 'EIA9' ...");
    row("wrong family in list", R"("protection": {"as": {"up_ciphering": ["EEA2", "EIA1"]}})",
        "protection.as.up_ciphering[1]: unknown ciphering algorithm 'EIA1' ...");
    row("number in list", R"("protection": {"nas": {"ciphering": ["EEA2", 1]}})",
        "protection.nas.ciphering[1]: must be a string, got the number 1");
    row("object for a choice", R"("protection": {"nas": {"ciphering": {}}})",
        "protection.nas.ciphering: must be an algorithm name or a priority list of them (highest priority "
        "first), got an object");
    // Capabilities.
    row("capabilities empty eea", R"("ue": {"capabilities": {"eea": []}})",
        "ue.capabilities.eea: an empty list: name at least one of EEA0, EEA1, EEA2, EEA3");
    row("capabilities twice", R"("ue": {"capabilities": {"eia": ["EIA1", "128-EIA1"]}})",
        "ue.capabilities.eia[1]: EIA1 is listed twice");
    row("capabilities unknown", R"("ue": {"capabilities": {"eia": ["EIA1", "EIA4"]}})",
        "ue.capabilities.eia[1]: unknown integrity algorithm 'EIA4' (one of EIA0, EIA1, EIA2, EIA3)");
    row("capabilities a string", R"("ue": {"capabilities": {"eia": "EIA1"}})",
        "ue.capabilities.eia: must be an array, got ...");
    row("capabilities unknown field", R"("ue": {"capabilities": {"eea": ["EEA0"], "uea": []}})",
        "ue.capabilities.uea: unknown field");
    row("capabilities not an object", R"("ue": {"capabilities": ["EEA0"]})",
        "ue.capabilities: must be an object, got an array");
    // Device groups.
    row("groups not an array", R"("device_groups": {})", "device_groups: must be an array, got an object");
    row("group without name", R"("device_groups": [{"devices": 1}])",
        "device_groups[0].name: missing (the group's name)");
    row("group bad name", R"("device_groups": [{"name": "a b", "devices": 1}])",
        "device_groups[0].name: must be 1 to 32 letters, digits, '-', '_' or '.', got 'a b'");
    row("group named default", R"("device_groups": [{"name": "default", "devices": 1}])",
        "device_groups[0].name: \"default\" names the devices beyond every group (\"ue\"); choose another "
        "name");
    row("group twice", R"("device_groups": [{"name": "g", "devices": 1}, {"name": "g", "devices": 1}])",
        "device_groups[1].name: duplicate name 'g' (also device_groups[0].name)");
    row("group without devices", R"("device_groups": [{"name": "g"}])",
        "device_groups[0].devices: missing (how many devices the group holds)");
    row("group of 0", R"("device_groups": [{"name": "g", "devices": 0}])",
        "device_groups[0].devices: must be a whole number from 1 to 1000000, got 0");
    row("groups beyond devices",
        R"("devices": 5, "device_groups": [{"name": "g", "devices": 3}, {"name": "h", "devices": 3}])",
        "device_groups[1].devices: the groups hold 6 devices up to here, more than devices (5)");
    row("group unknown field", R"("device_groups": [{"name": "g", "devices": 1, "count": 1}])",
        "device_groups[0].count: unknown field");
    row("group bad ue",
        R"("device_groups": [{"name": "g", "devices": 1, "ue": {"capabilities": {"eia": []}}}])",
        "device_groups[0].ue.capabilities.eia: an empty list: name at least one of EIA0, EIA1, EIA2, EIA3");
    QByteArray many = R"("devices": 100, "device_groups": [)";
    for (int i = 0; i < 17; ++i)
        many +=
            (i ? ", " : "") + QByteArray(R"({"name": "g)") + QByteArray::number(i) + R"(", "devices": 1})";
    row("too many groups", many + "]", "device_groups: at most 16 device groups, got 17");
    // What a downgrade strips.
    row("strip on eavesdrop",
        R"("attacks": [{"kind": "eavesdrop", "target": "Uu", "strip": {"eia": ["EIA2"]}}])",
        "attacks[0].strip: only a downgrade strips algorithms, not eavesdrop");
    row("strip nothing", R"("attacks": [{"kind": "downgrade", "target": "Uu", "strip": {"eea": []}}])",
        "attacks[0].strip: strips nothing: name at least one algorithm in \"eea\" or \"eia\"");
    row("strip unknown", R"("attacks": [{"kind": "downgrade", "target": "Uu", "strip": {"eia": ["EIA5"]}}])",
        "attacks[0].strip.eia[0]: unknown integrity algorithm 'EIA5' (one of EIA0, EIA1, EIA2, EIA3)");
}

void TestNegotiation::malformed()
{
    QFETCH(QByteArray, fields);
    QFETCH(QString, message);
    const QString got = errorOf(withFields(fields));
    if (message.endsWith(QStringLiteral("...")))
        QVERIFY2(got.startsWith(message.chopped(3)), qPrintable(got));
    else
        QCOMPARE(got, message);
}

void TestNegotiation::groupsOfDevices()
{
    Scenario s;
    s.devices = 10;
    s.deviceGroups = {DeviceGroup{.name = "a", .devices = 3, .ue = {}},
                      DeviceGroup{.name = "b", .devices = 2, .ue = {.capabilities = {0x80, 0x40}}}};
    QCOMPARE(s.groupOf(0), std::size_t{0});
    QCOMPARE(s.groupOf(2), std::size_t{0});
    QCOMPARE(s.groupOf(3), std::size_t{1});
    QCOMPARE(s.groupOf(4), std::size_t{1});
    QCOMPARE(s.groupOf(5), std::size_t{2});
    QCOMPARE(s.behaviourOf(4).capabilities, (UeCapabilities{0x80, 0x40}));
    QCOMPARE(s.behaviourOf(9).capabilities, UeCapabilities{});
    QCOMPARE(s.groupName(2), kDefaultGroupName);
    QCOMPARE(s.groupSize(0), 3u);
    QCOMPARE(s.groupSize(1), 2u);
    QCOMPARE(s.groupSize(2), 5u);
    s.devices = 4; // --devices lowered below the groups' sum: the groups are cut in device order
    QCOMPARE(s.groupSize(1), 1u);
    QCOMPARE(s.groupSize(2), 0u);
}

void TestNegotiation::mixedGroupsSelectPerDevice()
{
    // Three kinds of devices on one network: SNOW 3G only, ZUC only (EEA3 for ciphering, EIA3 integrity),
    // and standard devices with every algorithm. The MME and the eNB pick per device, from their lists.
    Scenario s = scenarioFromJson(withFields(QByteArray(kOperatorLists) + R"(, "devices": 9, "duration_s": 20,
        "device_groups": [
            {"name": "snow3g-only", "devices": 3, "ue": {"capabilities": {"eea": ["EEA0", "EEA1"], "eia": ["EIA1"]}}},
            {"name": "zuc-only", "devices": 2, "ue": {"capabilities": {"eea": ["EEA0", "EEA3"], "eia": ["EIA3"]}}}])"));
    const RunSummary r = run(s);
    QCOMPARE(r.traffic.attachOk, std::uint64_t{9});
    QCOMPARE(r.traffic.attachFailed, std::uint64_t{0});
    QCOMPARE(selectionsOf(r, "snow3g-only", false), QStringLiteral("EIA1+EEA1 x3"));
    QCOMPARE(selectionsOf(r, "snow3g-only", true), QStringLiteral("EIA1+EEA1/UP EEA1 x3"));
    // ZUC-only: integrity EIA3 (third in the list), ciphering EEA0 (EEA3 is not in the operator's list).
    QCOMPARE(selectionsOf(r, "zuc-only", false), QStringLiteral("EIA3+EEA0 x2"));
    QCOMPARE(selectionsOf(r, "zuc-only", true), QStringLiteral("EIA3+EEA0/UP EEA0 x2"));
    QCOMPARE(selectionsOf(r, "default", false), QStringLiteral("EIA2+EEA2 x4"));
    QCOMPARE(selectionsOf(r, "default", true), QStringLiteral("EIA2+EEA2/UP EEA2 x4"));
    // The same as the selection functions say for each group's capabilities.
    const NetworkSelection snow = selectAlgorithms(s.protection, {0xc0, 0x40});
    QCOMPARE(snow.nasIntegrity, std::optional(IntegrityAlgorithm::Eia1));
    QCOMPARE(snow.upCiphering, std::optional(CipheringAlgorithm::Eea1));
    // Readings flow for every group: the SNOW 3G and ZUC contexts protect real traffic end to end.
    QVERIFY(r.accounting.uplink.deliveredIntact > 0);
    QCOMPARE(r.accounting.uplink.droppedIntegrity, std::uint64_t{0});
    QCOMPARE(r.accounting.uplink.fates(), r.accounting.uplink.sent);
    // The summary's words.
    const std::vector<std::string> lines = report::negotiationLines(r);
    QCOMPARE(lines.size(), std::size_t{3});
    QCOMPARE(QString::fromStdString(lines[0]),
             QStringLiteral("snow3g-only (3 devices): NAS 128-EIA1+128-EEA1 x3; AS RRC 128-EIA1+128-EEA1, UP "
                            "128-EEA1 x3"));
    QVERIFY(report::negotiationConfigured(r));
}

void TestNegotiation::nothingFitsIsRefused_data()
{
    QTest::addColumn<QByteArray>("protection");
    QTest::addColumn<QString>("nas");
    QTest::addColumn<QString>("as");
    // A SNOW-3G-only group against an AES-only operator: the MME has no integrity algorithm for it (ATTACH
    // REJECT #23, TS 24.301 5.5.1.2.5); against an MME that takes SNOW 3G but an eNB that does not, NAS
    // security is set up and the eNB refuses AS security (the attach times out).
    QTest::newRow("MME AES only") << QByteArray(R"("protection": {"nas": {"integrity": "EIA2"},
        "as": {"rrc_integrity": ["EIA2", "EIA1"]}})")
                                  << "none x"
                                  << "";
    QTest::newRow("eNB AES only") << QByteArray(R"("protection": {"nas": {"integrity": ["EIA2", "EIA1"]},
        "as": {"rrc_integrity": ["EIA2"]}})")
                                  << "EIA1+EEA0 x"
                                  << "none x";
}

void TestNegotiation::nothingFitsIsRefused()
{
    QFETCH(QByteArray, protection);
    QFETCH(QString, nas);
    QFETCH(QString, as);
    const Scenario s = scenarioFromJson(withFields(protection + R"(, "devices": 4, "duration_s": 12,
        "device_groups": [{"name": "snow3g-only", "devices": 2,
                           "ue": {"capabilities": {"eea": ["EEA0", "EEA1"], "eia": ["EIA1"]}}}])"));
    const RunSummary r = run(s);
    QCOMPARE(r.traffic.attachOk, std::uint64_t{2}); // the two standard devices only
    QVERIFY(r.traffic.attachFailed > 0);
    QVERIFY2(selectionsOf(r, "snow3g-only", false).startsWith(nas),
             qPrintable(selectionsOf(r, "snow3g-only", false)));
    const QString gotAs = selectionsOf(r, "snow3g-only", true);
    QVERIFY2(as.isEmpty() ? gotAs.isEmpty() : gotAs.startsWith(as), qPrintable(gotAs));
    QCOMPARE(selectionsOf(r, "default", false), QStringLiteral("EIA2+EEA0 x2"));
    QCOMPARE(r.accounting.uplink.fates(), r.accounting.uplink.sent);
}

void TestNegotiation::biddingDownToSnow3gCaught()
{
    // The attacker strips 128-EIA2 and 128-EEA2 from every Attach Request: the MME, reading what it got,
    // selects SNOW 3G; the integrity-protected Security Mode Command replays the stripped capabilities, and
    // the attacker who puts the original ones back breaks its MAC (TS 33.401 7.2.4.4). Nobody runs SNOW 3G.
    const Scenario s = scenarioFromJson(withFields(QByteArray(kOperatorLists) + R"(, "devices": 5,
        "duration_s": 20,
        "attacks": [{"kind": "downgrade", "target": "Uu", "strip": {"eea": ["EEA2"], "eia": ["EIA2"]}}])"));
    Engine engine(s);
    engine.runToEnd();
    const RunSummary r = engine.summary();
    const AttackTally& t = r.attacks.at(0);
    QVERIFY(t.attempts > 0);
    QCOMPARE(t.succeeded, std::uint64_t{0});
    QVERIFY(t.blocked > 0);
    QCOMPARE(t.attempts, t.blocked + t.succeeded + t.noEffect);
    QCOMPARE(r.traffic.attachOk, std::uint64_t{0}); // every attach attacked, every one caught
    // The MME did select SNOW 3G for the stripped capabilities: the report says so.
    QVERIFY(selectionsOf(r, "default", false).contains(QStringLiteral("EIA1+EEA1")));
    QVERIFY(!t.examples.empty());
    QCOMPARE(QString::fromStdString(t.examples.front().what),
             QStringLiteral("Attach Request: UE network capability EEA f0 -> d0, EIA f0 -> d0"));
    // Without the restore, the capabilities differ and the UE rejects with #23; either way: never accepted.
    const Scenario noStrip = scenarioFromJson(withFields(QByteArray(kOperatorLists) + R"(, "devices": 3,
        "duration_s": 10,
        "device_groups": [{"name": "snow3g-only", "devices": 3,
                           "ue": {"capabilities": {"eea": ["EEA0", "EEA1"], "eia": ["EIA1"]}}}],
        "attacks": [{"kind": "downgrade", "target": "Uu", "strip": {"eia": ["EIA2"]}}])"));
    const RunSummary n = run(noStrip);
    QCOMPARE(n.attacks.at(0).attempts, std::uint64_t{0}); // nothing to strip from SNOW-3G-only devices
    QCOMPARE(n.traffic.attachOk, std::uint64_t{3});
}

void TestNegotiation::presetMixedSnow3g()
{
    const auto preset = presetScenario("mixed-snow3g");
    QVERIFY(preset);
    QCOMPARE(preset->deviceGroups.size(), std::size_t{1});
    QCOMPARE(preset->deviceGroups[0].name, std::string("snow3g-only"));
    const RunSummary r = run(*preset);
    // The SNOW-3G-only group runs SNOW 3G on NAS and AS, every time.
    QCOMPARE(selectionsOf(r, "snow3g-only", false), QStringLiteral("EIA1+EEA1 x4"));
    QCOMPARE(selectionsOf(r, "snow3g-only", true), QStringLiteral("EIA1+EEA1/UP EEA1 x4"));
    // The AES devices: AES when left alone; bid down to SNOW 3G by the attacker, and caught.
    const AttackTally& t = r.attacks.at(0);
    QVERIFY(t.attempts > 0);
    QVERIFY(t.blocked > 0);
    QCOMPARE(t.succeeded, std::uint64_t{0});
    QVERIFY(selectionsOf(r, "default", false).startsWith(QStringLiteral("EIA1+EEA1 x")));
    QVERIFY(selectionsOf(r, "default", false).contains(QStringLiteral("EIA2+EEA2 x")));
    // Only AES runs AS security for AES devices: a bid-down attach never gets that far.
    QVERIFY(selectionsOf(r, "default", true).startsWith(QStringLiteral("EIA2+EEA2/UP EEA2 x")));
    QVERIFY(!selectionsOf(r, "default", true).contains(QStringLiteral(",")));
    QCOMPARE(r.requirements[0].verdict, Verdict::Met); // R1: signalling integrity held
    QCOMPARE(r.accounting.uplink.fates(), r.accounting.uplink.sent);
    QCOMPARE(r.accounting.downlink.fates(), r.accounting.downlink.sent);
}

void TestNegotiation::reportNamesTheSelections()
{
    Engine engine(*presetScenario("mixed-snow3g"));
    engine.runToEnd();
    const QJsonObject j = QJsonDocument::fromJson(report::reportJson(engine.summary())).object();
    const QJsonObject scenario = j[QStringLiteral("scenario")].toObject();
    QCOMPARE(scenario[QStringLiteral("device_groups")][0][QStringLiteral("name")].toString(),
             QStringLiteral("snow3g-only"));
    QCOMPARE(scenario[QStringLiteral("ue")][QStringLiteral("capabilities")][QStringLiteral("eia")]
                 .toArray()
                 .size(),
             4);
    bool snowNas = false;
    for (const QJsonValue v : j[QStringLiteral("negotiation")].toArray()) {
        const QJsonObject o = v.toObject();
        if (o[QStringLiteral("group")] == QStringLiteral("snow3g-only") &&
            o[QStringLiteral("procedure")] == QStringLiteral("nas_security_mode")) {
            QCOMPARE(o[QStringLiteral("selected")][QStringLiteral("integrity")].toString(),
                     QStringLiteral("EIA1"));
            QCOMPARE(o[QStringLiteral("selected")][QStringLiteral("ciphering")].toString(),
                     QStringLiteral("EEA1"));
            QCOMPARE(o[QStringLiteral("count")].toInt(), 4);
            snowNas = true;
        }
    }
    QVERIFY(snowNas);
    // The priority lists in force, as lists.
    QCOMPARE(j[QStringLiteral("protection")][QStringLiteral("nas")][QStringLiteral("integrity")].toArray(),
             (QJsonArray{QStringLiteral("EIA2"), QStringLiteral("EIA1")}));
}

void TestNegotiation::canvasLabelsNameEachGroupsChoice()
{
    const Scenario s = *presetScenario("mixed-snow3g");
    const std::vector<UeCapabilities> groups = {s.deviceGroups[0].ue.capabilities, s.ue.capabilities};
    QCOMPARE(ui::linkProtection(Link::Uu, s.protection, groups).label,
             QStringLiteral("Uu: RRC EIA1+EEA1 | EIA2+EEA2, UP EEA1 | EEA2 (no integrity)"));
    QCOMPARE(ui::nasProtection(s.protection.nas, groups).label, QStringLiteral("NAS: EIA1+EEA1 | EIA2+EEA2"));
    // A SNOW-3G-only network of devices: one choice.
    QCOMPARE(ui::linkProtection(Link::Uu, s.protection, {groups[0]}).label,
             QStringLiteral("Uu: RRC EIA1+EEA1, UP EEA1 (no integrity)"));
    // Without groups or lists: the labels of before.
    QCOMPARE(ui::linkProtection(Link::Uu, threeGppOn()).label,
             QStringLiteral("Uu: RRC EIA2+EEA2, UP EEA2 (no integrity)"));
    // A group nothing fits: "none", and the segment drawn at the weakest level.
    Protection aesOnly = threeGppOn();
    const ui::SegmentProtection uu = ui::linkProtection(Link::Uu, aesOnly, groups);
    QCOMPARE(uu.label, QStringLiteral("Uu: RRC none | EIA2+EEA2, UP none | EEA2 (no integrity)"));
    QCOMPARE(uu.level, ui::ProtectionLevel::None);
}

QTEST_GUILESS_MAIN(TestNegotiation)
#include "tst_negotiation.moc"
