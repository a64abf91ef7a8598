// Scenarios (PRODUCT.md section 8): names, the JSON format and its errors by JSON path, files, and the
// presets.
#include "core/InvalidInput.h"
#include "core/scenario/Presets.h"
#include "core/scenario/Scenario.h"
#include "core/scenario/ScenarioJson.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace mtcsec;

namespace {

// A valid scenario with `fields` spliced into the root object (each a `"key": value` list).
QByteArray withFields(const char* fields)
{
    return QByteArray(R"({"schema": "mtcsec-scenario/1", )") + fields + "}";
}

// The message of the InvalidInput that `read` throws, or "no error".
template <typename F>
QString errorOf(F&& read)
{
    try {
        read();
    } catch (const InvalidInput& e) {
        return QString::fromUtf8(e.what());
    }
    return QStringLiteral("no error");
}

} // namespace

class TestScenario : public QObject {
    Q_OBJECT
private slots:
    void names();
    void appPresetsAndThreeGpp();
    void minimalScenarioGetsDefaults();
    void fullScenarioReads();
    void aliasesAndAlgorithmSpellings();
    void snow3gAndZucAlgorithms();
    void partialChangesAccumulate();
    void malformed_data();
    void malformed();
    void exactMessages();
    void firstWrongFieldWins();
    void roundTripUnusualValues();
    void presetsInOrder();
    void presetRoundTrip_data();
    void presetRoundTrip();
    void presetDetails();
    void loadNamesTheFile();
    void loadReadsRegularFilesOnly_data();
    void loadReadsRegularFilesOnly();
    void saveWritesOnlyWhatLoads();
    void saveAndLoad();
    void saveFailsLeavingNothing();
};

void TestScenario::names()
{
    for (const Link link : kAllLinks)
        QCOMPARE(parseLink(name(link)), link);
    QCOMPARE(name(Link::S1Mme), std::string_view("S1-MME"));
    QCOMPARE(parseLink("s1-mme"), Link::S1Mme);
    QCOMPARE(parseLink("S1MME"), Link::S1Mme);
    QCOMPARE(parseLink("s1u"), Link::S1U);
    QCOMPARE(parseLink("sgi"), Link::SGi);
    QVERIFY(!parseLink("X2"));
    QVERIFY(!parseLink(""));

    for (const Node node :
         {Node::Device, Node::ENB, Node::MME, Node::HSS, Node::SGW, Node::PGW, Node::Server})
        QCOMPARE(parseNode(name(node)), node);
    QCOMPARE(name(Node::SGW), std::string_view("S-GW"));
    QCOMPARE(parseNode("enb"), Node::ENB);
    QCOMPARE(parseNode("SGW"), Node::SGW);
    QCOMPARE(parseNode("pgw"), Node::PGW);
    QCOMPARE(parseNode("p-gw"), Node::PGW);
    QVERIFY(!parseNode("Uu"));

    for (const std::string_view kind : {"eavesdrop", "tamper", "replay", "inject", "downgrade", "insider"})
        QCOMPARE(name(parseAttackKind(kind).value()), kind);
    QVERIFY(!parseAttackKind("sniff"));
    for (const std::string_view filter : {"all", "data", "signalling"})
        QCOMPARE(name(parseMessageFilter(filter).value()), filter);
    for (const std::string_view filter : {"both", "uplink", "downlink"})
        QCOMPARE(name(parseDirectionFilter(filter).value()), filter);

    AttackSpec attack;
    attack.link = Link::S1U;
    QCOMPARE(attack.target(), std::string("S1-U"));
    attack.node = Node::PGW;
    QCOMPARE(attack.target(), std::string("P-GW"));
}

void TestScenario::appPresetsAndThreeGpp()
{
    QCOMPARE(appPreset("none"), AppProtection{});
    QCOMPARE(appPreset("integrity"), (AppProtection{false, true, false}));
    QCOMPARE(appPreset("aead"), (AppProtection{true, true, true}));
    QCOMPARE(appPreset("oscore"), (AppProtection{true, true, true, true, false}));
    QCOMPARE(appPreset("dtls"), (AppProtection{true, true, true, false, true}));
    QVERIFY(!appPreset("tls"));
    QCOMPARE(appProtectionName({}), std::string("none"));
    QCOMPARE(appProtectionName({false, true, false}), std::string("integrity"));
    QCOMPARE(appProtectionName({true, true, true}), std::string("aead"));
    QCOMPARE(appProtectionName({true, false, false}), std::string("custom"));
    QCOMPARE(appProtectionName({false, true, true}), std::string("custom"));

    Protection base;
    base.app = {true, false, false};
    const Protection on = threeGppOn(base);
    QCOMPARE(on.nas.integrity, crypto::IntegrityAlgorithm::Eia2);
    QCOMPARE(on.nas.ciphering, crypto::CipheringAlgorithm::Eea2);
    QCOMPARE(on.as.rrcIntegrity, crypto::IntegrityAlgorithm::Eia2);
    QCOMPARE(on.as.rrcCiphering, crypto::CipheringAlgorithm::Eea2);
    QCOMPARE(on.as.upCiphering, crypto::CipheringAlgorithm::Eea2);
    QVERIFY(!on.ndsOn(Link::Uu));
    for (const Link link : {Link::S1Mme, Link::S1U, Link::S6a, Link::S5})
        QVERIFY(on.ndsOn(link));
    QVERIFY(!on.ndsOn(Link::SGi)); // outside the operator's network domain: its own switch
    base.setNds(Link::SGi, true);
    QVERIFY(threeGppOn(base).ndsOn(Link::SGi)); // and kept as it was
    QCOMPARE(on.app, base.app);
}

void TestScenario::minimalScenarioGetsDefaults()
{
    QCOMPARE(scenarioFromJson(R"({"schema": "mtcsec-scenario/1"})"), Scenario{});
    QCOMPARE(scenarioFromJson(withFields(R"("protection": {}, "attacks": [], "changes": [])")), Scenario{});
    // Devices are standard-compliant unless the scenario declares otherwise (TS 24.301 5.4.3.3).
    QVERIFY(!Scenario{}.ue.acceptsNullIntegrity);
    QCOMPARE(scenarioFromJson(withFields(R"("ue": {})")), Scenario{});
    QCOMPARE(scenarioFromJson(withFields(R"("ue": {"accepts_null_integrity": false})")), Scenario{});

    // A partial protection keeps the defaults of the fields it does not give.
    const Scenario s = scenarioFromJson(withFields(R"("protection": {"as": {"up_ciphering": "EEA2"}})"));
    Protection expected;
    expected.as.upCiphering = crypto::CipheringAlgorithm::Eea2;
    QCOMPARE(s.protection, expected);

    // An attack given only its kind and target gets the defaults of AttackSpec and the id "a1".
    const Scenario a = scenarioFromJson(withFields(R"("attacks": [{"kind": "eavesdrop", "target": "Uu"}])"));
    QCOMPARE(a.attacks.size(), std::size_t{1});
    AttackSpec attack;
    attack.id = "a1";
    attack.link = Link::Uu;
    QCOMPARE(a.attacks[0], attack);
}

void TestScenario::fullScenarioReads()
{
    const Scenario s = scenarioFromJson(R"({
        "schema": "mtcsec-scenario/1",
        "name": "full", "description": "every field",
        "seed": 9007199254740992, "duration_s": 120.5, "devices": 1000000,
        "network": {"mcc": "262", "mnc": "001"},
        "traffic": {"attach_spread_s": 0, "uplink_interval_s": 0.25, "downlink_interval_s": 0},
        "protection": {
            "nas": {"integrity": "EIA2", "ciphering": "EEA0"},
            "as": {"rrc_integrity": "EIA2", "rrc_ciphering": "EEA2", "up_ciphering": "EEA0"},
            "nds": {"S1-MME": true, "S1-U": false, "S6a": true, "S5": false, "SGi": true},
            "app": {"confidentiality": true, "integrity": false, "replay_protection": false}
        },
        "attacks": [
            {"id": "sniffer", "kind": "eavesdrop", "target": "S6a", "messages": "signalling",
             "direction": "uplink", "start_s": 10, "stop_s": 20.5, "rate": 0.5},
            {"kind": "inject", "target": "SGi", "rate": 250, "direction": "downlink"},
            {"kind": "insider", "target": "MME"},
            {"kind": "replay", "target": "S5", "replay_delay_s": 0.5}
        ],
        "changes": [{"at_s": 0, "protection": {"app": "none"}}, {"at_s": 0, "protection": {}}],
        "ue": {"accepts_null_integrity": true}
    })");
    QCOMPARE(s.name, std::string("full"));
    QCOMPARE(s.description, std::string("every field"));
    QCOMPARE(s.seed, std::uint64_t{1} << 53);
    QCOMPARE(s.durationS, 120.5);
    QCOMPARE(s.devices, std::uint32_t{1000000});
    QCOMPARE(s.mcc, std::string("262"));
    QCOMPARE(s.mnc, std::string("001"));
    QCOMPARE(s.traffic, (TrafficPattern{0.0, 0.25, 0.0}));
    QCOMPARE(s.protection.nas.ciphering, crypto::CipheringAlgorithm::Eea0);
    QCOMPARE(s.protection.as.rrcCiphering, crypto::CipheringAlgorithm::Eea2);
    QVERIFY(s.protection.ndsOn(Link::S6a));
    QVERIFY(!s.protection.ndsOn(Link::S1U));
    QCOMPARE(s.protection.app, (AppProtection{true, false, false}));
    QCOMPARE(s.attacks.size(), std::size_t{4});
    QCOMPARE(s.attacks[0].id, std::string("sniffer"));
    QCOMPARE(s.attacks[0].messages, MessageFilter::Signalling);
    QCOMPARE(s.attacks[0].direction, DirectionFilter::Uplink);
    QCOMPARE(s.attacks[0].stopS, std::optional<double>(20.5));
    QCOMPARE(s.attacks[0].rate, 0.5);
    QCOMPARE(s.attacks[1].id, std::string("a2"));
    QCOMPARE(s.attacks[1].rate, 250.0);
    QCOMPARE(s.attacks[2].node, std::optional<Node>(Node::MME));
    QVERIFY(!s.attacks[2].link);
    QCOMPARE(s.attacks[2].target(), std::string("MME"));
    QCOMPARE(s.attacks[3].replayDelayS, 0.5);
    QCOMPARE(s.changes.size(), std::size_t{2});
    QCOMPARE(s.changes[0].protection.app, AppProtection{});
    QCOMPARE(s.changes[1].protection, s.changes[0].protection);
    QVERIFY(s.ue.acceptsNullIntegrity);
    QCOMPARE(scenarioFromJson(scenarioToJson(s)), s);
}

void TestScenario::aliasesAndAlgorithmSpellings()
{
    const Scenario s = scenarioFromJson(withFields(R"(
        "protection": {"nas": {"integrity": "128-EIA2", "ciphering": "eea2"},
                       "as": {"rrc_integrity": "2"}, "nds": {"s1u": true, "S1MME": true}},
        "attacks": [{"kind": "Tamper", "target": "uu"}, {"kind": "insider", "target": "sgw"},
                    {"kind": "insider", "target": "enb"}, {"kind": "downgrade", "target": "UU"}])"));
    QCOMPARE(s.protection.nas.integrity, crypto::IntegrityAlgorithm::Eia2);
    QCOMPARE(s.protection.nas.ciphering, crypto::CipheringAlgorithm::Eea2);
    QCOMPARE(s.protection.as.rrcIntegrity, crypto::IntegrityAlgorithm::Eia2);
    QVERIFY(s.protection.ndsOn(Link::S1U));
    QVERIFY(s.protection.ndsOn(Link::S1Mme));
    QCOMPARE(s.attacks[0].kind, AttackKind::Tamper);
    QCOMPARE(s.attacks[0].link, std::optional<Link>(Link::Uu));
    QCOMPARE(s.attacks[1].node, std::optional<Node>(Node::SGW));
    QCOMPARE(s.attacks[2].node, std::optional<Node>(Node::ENB));
    QCOMPARE(s.attacks[3].link, std::optional<Link>(Link::Uu));
}

void TestScenario::snow3gAndZucAlgorithms()
{
    // Issue 13: 128-EEA1/EIA1 (SNOW 3G) and 128-EEA3/EIA3 (ZUC) are selectable wherever EEA2/EIA2 are.
    const Scenario s = scenarioFromJson(withFields(R"(
        "protection": {"nas": {"integrity": "EIA1", "ciphering": "128-EEA3"},
                       "as": {"rrc_integrity": "eia3", "rrc_ciphering": "EEA1", "up_ciphering": "3"}},
        "changes": [{"at_s": 1, "protection": {"nas": {"integrity": "128-EIA3", "ciphering": "EEA1"}}}])"));
    QCOMPARE(s.protection.nas.integrity, crypto::IntegrityAlgorithm::Eia1);
    QCOMPARE(s.protection.nas.ciphering, crypto::CipheringAlgorithm::Eea3);
    QCOMPARE(s.protection.as.rrcIntegrity, crypto::IntegrityAlgorithm::Eia3);
    QCOMPARE(s.protection.as.rrcCiphering, crypto::CipheringAlgorithm::Eea1);
    QCOMPARE(s.protection.as.upCiphering, crypto::CipheringAlgorithm::Eea3);
    QCOMPARE(s.changes.size(), std::size_t{1});
}

void TestScenario::partialChangesAccumulate()
{
    const Scenario s = scenarioFromJson(withFields(R"(
        "duration_s": 100,
        "protection": {"nas": {"integrity": "EIA2"}, "app": "integrity"},
        "changes": [
            {"at_s": 10, "protection": {"as": {"up_ciphering": "EEA2"}}},
            {"at_s": 20, "protection": {"nds": {"S1-U": true}, "app": {"replay_protection": true}}},
            {"at_s": 20, "protection": {"nas": {"ciphering": "EEA2"}, "nds": {"S5": true}}},
            {"at_s": 30, "protection": {"nas": {"integrity": "EIA0"}, "nds": {"S1-U": false}, "app": "none"}}
        ])"));
    QCOMPARE(s.changes.size(), std::size_t{4});

    Protection p;
    p.nas.integrity = crypto::IntegrityAlgorithm::Eia2;
    p.app = {false, true, false};
    QCOMPARE(s.protection, p);

    p.as.upCiphering = crypto::CipheringAlgorithm::Eea2;
    QCOMPARE(s.changes[0].atS, 10.0);
    QCOMPARE(s.changes[0].protection, p);

    p.setNds(Link::S1U, true);
    p.app.replayProtection = true;
    QCOMPARE(s.changes[1].atS, 20.0);
    QCOMPARE(s.changes[1].protection, p);

    p.nas.ciphering = crypto::CipheringAlgorithm::Eea2;
    p.setNds(Link::S5, true);
    QCOMPARE(s.changes[2].protection, p);

    p.nas.integrity = crypto::IntegrityAlgorithm::Eia0;
    p.setNds(Link::S1U, false);
    p.app = {};
    QCOMPARE(s.changes[3].protection, p);
    QVERIFY(s.changes[3].protection.ndsOn(Link::S5));

    QCOMPARE(scenarioFromJson(scenarioToJson(s)), s);
}

void TestScenario::malformed_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("prefix");
    const auto row = [](const char* tag, const QByteArray& json, const char* prefix) {
        QTest::newRow(tag) << json << QString::fromUtf8(prefix);
    };
    // The document.
    row("syntax", R"({"schema": "mtcsec-scenario/1",)", "(document): JSON syntax error at line 1, column ");
    row("syntax line 3", "{\n  \"schema\": \"mtcsec-scenario/1\",\n  \"seed\": 1,,\n}",
        "(document): JSON syntax error at line 3, column ");
    row("empty", "", "(document): JSON syntax error at line 1, column 1: ");
    row("array root", "[1, 2]", "(document): the root must be a JSON object, got an array");
    row("missing schema", R"({"name": "x"})", "schema: missing");
    row("wrong schema", R"({"schema": "mtcsec-report/1"})", "schema: must be \"mtcsec-scenario/1\", got ");
    row("schema not a string", R"({"schema": 1})", "schema: must be ");
    row("unknown root field", withFields(R"("seeed": 1)"), "seeed: unknown field");
    // Types and ranges at the root.
    row("name not a string", withFields(R"("name": 7)"), "name: must be a string, got the number 7");
    row("seed negative", withFields(R"("seed": -1)"),
        "seed: must be a whole number from 0 to 9007199254740992, or a string of decimal digits up to "
        "18446744073709551615; got -1");
    row("seed fraction", withFields(R"("seed": 1.5)"), "seed: must be a whole number");
    row("seed too large", withFields(R"("seed": 9007199254740993)"),
        "seed: must be a whole number from 0 to 9007199254740992, or a string of decimal digits up to "
        "18446744073709551615; got 9007199254740993");
    row("seed as a bad string", withFields(R"("seed": "1x")"), "seed: must be a whole number from 0 to ");
    row("duration as string", withFields(R"("duration_s": "60")"),
        "duration_s: must be a number, got the string '60'");
    row("duration zero", withFields(R"("duration_s": 0)"),
        "duration_s: must be above 0 and at most 86400 seconds, got 0");
    row("duration too long", withFields(R"("duration_s": 86400.5)"),
        "duration_s: must be above 0 and at most 86400 seconds, got 86400.5");
    row("devices too many", withFields(R"("devices": 1000001)"),
        "devices: must be a whole number from 1 to 1000000");
    row("devices null", withFields(R"("devices": null)"),
        "devices: must be a whole number from 1 to 1000000, got null");
    // network and traffic.
    row("mcc short", withFields(R"("network": {"mcc": "01"})"),
        "network.mcc: must be 3 decimal digits, got '01'");
    row("mnc long", withFields(R"("network": {"mnc": "0101"})"),
        "network.mnc: must be 2 or 3 decimal digits");
    row("mnc letters", withFields(R"("network": {"mnc": "0a"})"), "network.mnc: ");
    row("network unknown", withFields(R"("network": {"mmc": "001"})"), "network.mmc: unknown field");
    row("network not an object", withFields(R"("network": "001-01")"), "network: must be an object");
    row("uplink zero", withFields(R"("traffic": {"uplink_interval_s": 0})"),
        "traffic.uplink_interval_s: must be from 0.001 to 86400 seconds, got 0");
    row("downlink negative", withFields(R"("traffic": {"downlink_interval_s": -1})"),
        "traffic.downlink_interval_s: ");
    row("spread negative", withFields(R"("traffic": {"attach_spread_s": -0.5})"),
        "traffic.attach_spread_s: ");
    row("traffic unknown", withFields(R"("traffic": {"uplink_interval": 5})"),
        "traffic.uplink_interval: unknown");
    // protection, several depths.
    row("protection unknown", withFields(R"("protection": {"nass": {}})"), "protection.nass: unknown field");
    row("nas unknown", withFields(R"("protection": {"nas": {"integrity": "EIA2", "cipher": "EEA2"}})"),
        "protection.nas.cipher: unknown field");
    row("as up integrity", withFields(R"("protection": {"as": {"up_integrity": "EIA2"}})"),
        "protection.as.up_integrity: unknown field");
    row("unknown algorithm", withFields(R"("protection": {"nas": {"ciphering": "EEA9"}})"),
        "protection.nas.ciphering: unknown ciphering algorithm 'EEA9' (one of EEA0, EEA1, EEA2, EEA3)");
    row("integrity name for ciphering", withFields(R"("protection": {"as": {"rrc_ciphering": "EIA2"}})"),
        "protection.as.rrc_ciphering: unknown ciphering algorithm 'EIA2'");
    row("algorithm as number", withFields(R"("protection": {"nas": {"integrity": 2}})"),
        "protection.nas.integrity: must be an algorithm name or a priority list of them (highest "
        "priority first), got the number 2");
    row("nds on Uu", withFields(R"("protection": {"nds": {"Uu": true}})"),
        "protection.nds.Uu: NDS/IP protects backhaul links only");
    row("nds unknown link", withFields(R"("protection": {"nds": {"X2": true}})"),
        "protection.nds.X2: unknown link 'X2'");
    row("nds twice", withFields(R"("protection": {"nds": {"S1-U": true, "S1U": false}})"),
        "protection.nds.S1U: the same link as 'S1-U'");
    row("nds not a bool", withFields(R"("protection": {"nds": {"S5": "on"}})"),
        "protection.nds.S5: must be true or false, got the string 'on'");
    row("app unknown name", withFields(R"("protection": {"app": "tls"})"),
        "protection.app: unknown application protection 'tls'");
    row("app unknown field", withFields(R"("protection": {"app": {"replay": true}})"),
        "protection.app.replay: unknown field");
    row("app wrong type", withFields(R"("protection": {"app": true})"), "protection.app: must be ");
    // attacks.
    row("attacks not an array", withFields(R"("attacks": {"kind": "tamper"})"), "attacks: must be an array");
    row("attack not an object", withFields(R"("attacks": ["eavesdrop"])"), "attacks[0]: must be an object");
    row("attack unknown field",
        withFields(R"("attacks": [{"kind": "tamper", "target": "Uu", "link": "Uu"}])"),
        "attacks[0].link: unknown field");
    row("kind missing", withFields(R"("attacks": [{"target": "Uu"}])"), "attacks[0].kind: missing");
    row("kind unknown",
        withFields(R"("attacks": [{"kind": "eavesdrop", "target": "Uu"}, {"kind": "sniff"}])"),
        "attacks[1].kind: unknown attack kind 'sniff' (one of eavesdrop, tamper, replay, inject, downgrade, "
        "insider)");
    row("target missing", withFields(R"("attacks": [{"kind": "tamper"}])"), "attacks[0].target: missing");
    row("target unknown link", withFields(R"("attacks": [{"kind": "tamper", "target": "X2"}])"),
        "attacks[0].target: tamper needs a link");
    row("eavesdrop in a node", withFields(R"("attacks": [{"kind": "eavesdrop", "target": "eNB"}])"),
        "attacks[0].target: eavesdrop needs a link");
    row("insider on a link", withFields(R"("attacks": [{"kind": "insider", "target": "S1-U"}])"),
        "attacks[0].target: an insider sits in a node");
    row("insider in the HSS", withFields(R"("attacks": [{"kind": "insider", "target": "HSS"}])"),
        "attacks[0].target: an insider sits in a node");
    row("downgrade off Uu", withFields(R"("attacks": [{"kind": "downgrade", "target": "S1-MME"}])"),
        "attacks[0].target: downgrade ");
    row("messages unknown",
        withFields(R"("attacks": [{"kind": "tamper", "target": "Uu", "messages": "control"}])"),
        "attacks[0].messages: unknown message filter 'control'");
    row("direction unknown",
        withFields(R"("attacks": [{"kind": "tamper", "target": "Uu", "direction": "up"}])"),
        "attacks[0].direction: unknown direction 'up'");
    row("duplicate id", withFields(R"("attacks": [{"id": "a1", "kind": "tamper", "target": "Uu"},
                                                  {"id": "a2", "kind": "tamper", "target": "Uu"},
                                                  {"id": "a1", "kind": "tamper", "target": "Uu"}])"),
        "attacks[2].id: duplicate id 'a1'");
    row("default id taken", withFields(R"("attacks": [{"id": "a2", "kind": "tamper", "target": "Uu"},
                                                      {"kind": "tamper", "target": "Uu"}])"),
        "attacks[1].id: duplicate id 'a2' (the default for this attack, taken by attacks[0])");
    row("empty id", withFields(R"("attacks": [{"id": "", "kind": "tamper", "target": "Uu"}])"),
        "attacks[0].id: must be 1 to 32 letters, digits, '-', '_' or '.', got ''");
    row("start negative", withFields(R"("attacks": [{"kind": "tamper", "target": "Uu", "start_s": -1}])"),
        "attacks[0].start_s: must be from 0 to 86400 seconds, got -1");
    row("stop before start",
        withFields(R"("attacks": [{"kind": "tamper", "target": "Uu", "start_s": 10, "stop_s": 5}])"),
        "attacks[0].stop_s: must be above start_s (10) and at most 86400 seconds, got 5");
    row("stop at start", withFields(R"("attacks": [{"kind": "tamper", "target": "Uu", "stop_s": 0}])"),
        "attacks[0].stop_s: ");
    row("probability above 1", withFields(R"("attacks": [{"kind": "tamper", "target": "Uu", "rate": 1.5}])"),
        "attacks[0].rate: must be a probability above 0 and at most 1, got 1.5");
    row("rate zero", withFields(R"("attacks": [{"kind": "eavesdrop", "target": "Uu", "rate": 0}])"),
        "attacks[0].rate: must be a probability");
    row("inject rate too high",
        withFields(R"("attacks": [{"kind": "inject", "target": "SGi", "rate": 1001}])"),
        "attacks[0].rate: must be from 1e-05 to 1000 forgeries per second, got 1001");
    row("replay delay zero",
        withFields(R"("attacks": [{"kind": "replay", "target": "SGi", "replay_delay_s": 0}])"),
        "attacks[0].replay_delay_s: must be from 0.001 to 86400 seconds, got 0");
    row("rate as string", withFields(R"("attacks": [{"kind": "tamper", "target": "Uu", "rate": "1"}])"),
        "attacks[0].rate: must be a number, got the string '1'");
    // changes.
    row("changes not an array", withFields(R"("changes": {})"), "changes: must be an array");
    row("change out of order", withFields(R"("changes": [{"at_s": 30, "protection": {}},
                                                         {"at_s": 10, "protection": {}}])"),
        "changes[1].at_s: changes must be listed in time order; 10 is before changes[0].at_s (30)");
    row("change at the end", withFields(R"("duration_s": 60, "changes": [{"at_s": 60, "protection": {}}])"),
        "changes[0].at_s: must be at least 0 and below duration_s (60) seconds, got 60");
    // An attacker starts within the run, as a change does; its stop may lie beyond (it then never stops).
    row("attack starts at the end",
        withFields(R"("duration_s": 60, "attacks": [{"kind": "tamper", "target": "Uu", "start_s": 60}])"),
        "attacks[0].start_s: must be at least 0 and below duration_s (60) seconds, got 60");
    row("attack starts after the end",
        withFields(R"("duration_s": 10, "attacks": [{"kind": "eavesdrop", "target": "Uu"},
                                                    {"kind": "tamper", "target": "Uu", "start_s": 50}])"),
        "attacks[1].start_s: must be at least 0 and below duration_s (10) seconds, got 50");
    row("change negative", withFields(R"("changes": [{"at_s": -1, "protection": {}}])"), "changes[0].at_s: ");
    row("change time missing", withFields(R"("changes": [{"protection": {}}])"), "changes[0].at_s: missing");
    row("change protection missing", withFields(R"("changes": [{"at_s": 1}])"),
        "changes[0].protection: missing");
    row("change unknown field", withFields(R"("changes": [{"at": 1, "protection": {}}])"),
        "changes[0].at: unknown field");
    row("change nds on Uu", withFields(R"("changes": [{"at_s": 1, "protection": {"nds": {"Uu": false}}}])"),
        "changes[0].protection.nds.Uu: NDS/IP protects backhaul links only");
    // The devices.
    row("ue not an object", withFields(R"("ue": true)"), "ue: must be an object, got ");
    row("ue unknown field", withFields(R"("ue": {"accepts_eia0": true})"), "ue.accepts_eia0: unknown field");
    row("ue flag as number", withFields(R"("ue": {"accepts_null_integrity": 1})"),
        "ue.accepts_null_integrity: must be true or false, got the number 1");
    row("ue flag as string", withFields(R"("ue": {"accepts_null_integrity": "yes"})"),
        "ue.accepts_null_integrity: must be true or false, got the string 'yes'");
    row("ue flag null", withFields(R"("ue": {"accepts_null_integrity": null})"),
        "ue.accepts_null_integrity: must be true or false, got null");
}

void TestScenario::malformed()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, prefix);
    const QString message = errorOf([&json] { (void)scenarioFromJson(json); });
    QVERIFY2(message.startsWith(prefix), qPrintable(message));
}

void TestScenario::exactMessages()
{
    QCOMPARE(errorOf([] {
                 (void)scenarioFromJson(withFields(R"("attacks": [{"kind": "tamper", "target": "Uu"},
                                                                  {"kind": "sniff", "target": "Uu"}])"));
             }),
             QStringLiteral("attacks[1].kind: unknown attack kind 'sniff' (one of eavesdrop, tamper, replay, "
                            "inject, downgrade, insider)"));
    QCOMPARE(
        errorOf([] {
            (void)scenarioFromJson(withFields(R"("protection": {"nas": {"integrity": "128-EIA4"}})"));
        }),
        QStringLiteral("protection.nas.integrity: unknown integrity algorithm '128-EIA4' (one of EIA0, EIA1, "
                       "EIA2, EIA3)"));
    QCOMPARE(errorOf([] { (void)scenarioFromJson(withFields(R"("devices": 0)")); }),
             QStringLiteral("devices: must be a whole number from 1 to 1000000, got 0"));
    QCOMPARE(errorOf([] { (void)scenarioFromJson(withFields(R"("protection": {"nass": {}})")); }),
             QStringLiteral("protection.nass: unknown field"));
    QCOMPARE(errorOf([] {
                 (void)scenarioFromJson(
                     withFields(R"("attacks": [{"id": "a1", "kind": "tamper", "target": "Uu"},
                                                                  {"kind": "tamper", "target": "Uu"},
                                                                  {"id": "a1", "kind": "tamper", "target": "Uu"}])"));
             }),
             QStringLiteral("attacks[2].id: duplicate id 'a1'"));
    // The syntax error's position counts lines and columns from 1 and points just after the bad token.
    QCOMPARE(errorOf([] { (void)scenarioFromJson("{\n  \"a\": tru\n}"); }),
             QStringLiteral("(document): JSON syntax error at line 2, column 11: illegal value"));
    QCOMPARE(errorOf([] { (void)scenarioFromJson(""); }),
             QStringLiteral("(document): JSON syntax error at line 1, column 1: illegal value"));
}

void TestScenario::firstWrongFieldWins()
{
    // Fields are checked in the order of the format: devices before attacks, kind before target.
    QVERIFY(errorOf([] {
                (void)scenarioFromJson(withFields(R"("devices": 0, "attacks": [{"kind": "sniff"}])"));
            }).startsWith(QStringLiteral("devices: ")));
    QVERIFY(errorOf([] {
                (void)scenarioFromJson(withFields(R"("attacks": [{"kind": "sniff", "target": "X2"}])"));
            }).startsWith(QStringLiteral("attacks[0].kind: ")));
    // An unknown field is reported before the known fields of its object are read.
    QVERIFY(errorOf([] {
                (void)scenarioFromJson(
                    withFields(R"("protection": {"nas": {"integrity": "EIA9"}, "nsd": {}})"));
            }).startsWith(QStringLiteral("protection.nsd: unknown field")));
    // The schema is checked before anything else.
    QVERIFY(errorOf([] {
                (void)scenarioFromJson(R"({"schema": "mtcsec-scenario/2", "devices": 0})");
            }).startsWith(QStringLiteral("schema: ")));
}

void TestScenario::roundTripUnusualValues()
{
    Scenario s;
    s.name = "ünïcode \"quoted\" name";
    s.description = "line with \u00fcn\u00efcode, \"quotes\" and a backslash \\";
    s.seed = std::numeric_limits<std::uint64_t>::max(); // written as a string of digits
    s.durationS = 1.0 / 3.0;
    s.devices = 1;
    s.traffic = {0.1, 1e-3, 7.7};
    s.mcc = "999";
    s.mnc = "999";
    s.protection.app = {true, false, true}; // custom: written as an object
    AttackSpec a;
    a.id = "x";
    a.kind = AttackKind::Inject;
    a.link = Link::S1Mme;
    a.messages = MessageFilter::Signalling;
    a.startS = 0.1;
    a.stopS = 0.30000000000000004;
    a.rate = 999.999;
    s.attacks.push_back(a);
    s.ue.acceptsNullIntegrity = true;
    const QByteArray json = scenarioToJson(s);
    QVERIFY(json.contains("\"confidentiality\""));
    QVERIFY(json.contains("\"accepts_null_integrity\": true"));
    QCOMPARE(scenarioFromJson(json), s);
    // Canonical: writing what was read gives the same bytes.
    QCOMPARE(scenarioToJson(scenarioFromJson(json)), json);
}

void TestScenario::presetsInOrder()
{
    QStringList names;
    for (const Preset& p : presets())
        names << QString::fromStdString(p.name);
    QCOMPARE(names,
             (QStringList{"default", "unprotected", "3gpp-only", "app-only", "null-integrity-refused",
                          "defence-in-depth", "backhaul-eavesdrop", "malleable-ciphertext", "bidding-down",
                          "mixed-snow3g", "insider-pgw", "replay-command", "oscore-insider", "oscore-replay",
                          "dtls-end-to-end", "dtls-vs-oscore-wakeup"}));
    QCOMPARE(&presets(), &presets()); // built once
    QVERIFY(!presetScenario("nonesuch"));
    QCOMPARE(presetScenario("insider-pgw")->name, std::string("insider-pgw"));
}

void TestScenario::presetRoundTrip_data()
{
    QTest::addColumn<int>("index");
    for (std::size_t i = 0; i < presets().size(); ++i)
        QTest::newRow(presets()[i].name.c_str()) << static_cast<int>(i);
}

void TestScenario::presetRoundTrip()
{
    QFETCH(int, index);
    const Preset& p = presets().at(static_cast<std::size_t>(index));
    QCOMPARE(p.scenario.name, p.name);
    QCOMPARE(p.scenario.description, p.description);
    QVERIFY(!p.description.empty());
    QVERIFY(p.description.find('\n') == std::string::npos);
    QCOMPARE(p.scenario.devices, std::uint32_t{10});
    // 60 s, but for the device that wakes once an hour (four wake-ups).
    QCOMPARE(p.scenario.durationS, p.name == "dtls-vs-oscore-wakeup" ? 4 * 3600.0 : 60.0);
    QCOMPARE(p.scenario.seed, std::uint64_t{1});
    for (std::size_t i = 0; i < p.scenario.attacks.size(); ++i)
        QCOMPARE(p.scenario.attacks[i].id, "a" + std::to_string(i + 1));
    const QByteArray json = scenarioToJson(p.scenario);
    QCOMPARE(scenarioFromJson(json), p.scenario);
    QCOMPARE(presetScenario(p.name), std::optional<Scenario>(p.scenario));
}

void TestScenario::presetDetails()
{
    const auto get = [](std::string_view n) {
        return presetScenario(n).value();
    };
    const auto kinds = [](const Scenario& s) {
        QStringList out;
        for (const AttackSpec& a : s.attacks)
            out << QString::fromStdString(std::string(name(a.kind)) + "@" + a.target() + "/" +
                                          std::string(name(a.messages)) + "/" +
                                          std::string(name(a.direction)));
        return out;
    };
    const Protection threeGpp = threeGppOn();

    QCOMPARE(get("default").protection, Protection{});
    QVERIFY(get("default").attacks.empty());
    QCOMPARE(kinds(get("unprotected")),
             (QStringList{"eavesdrop@Uu/all/both", "eavesdrop@S1-U/all/both", "tamper@Uu/data/both"}));
    QCOMPARE(get("3gpp-only").protection, threeGpp);
    QCOMPARE(kinds(get("3gpp-only")),
             (QStringList{"eavesdrop@Uu/all/both", "eavesdrop@SGi/all/both", "tamper@SGi/data/both"}));
    Protection appOnly;
    appOnly.app = {true, true, true};
    QCOMPARE(get("app-only").protection, appOnly);
    QCOMPARE(kinds(get("app-only")),
             (QStringList{"eavesdrop@Uu/all/both", "tamper@Uu/data/both", "inject@Uu/signalling/both"}));
    QCOMPARE(get("defence-in-depth").protection, threeGppOn(appOnly));
    QCOMPARE(kinds(get("defence-in-depth")),
             (QStringList{"eavesdrop@Uu/all/both", "tamper@Uu/data/both", "replay@Uu/data/both",
                          "eavesdrop@S1-U/all/both", "tamper@S1-U/data/both", "replay@S1-U/data/both",
                          "eavesdrop@SGi/all/both", "tamper@SGi/data/both", "replay@SGi/data/both"}));
    Protection backhaul = threeGpp;
    backhaul.setNds(Link::S1U, false);
    QCOMPARE(get("backhaul-eavesdrop").protection, backhaul);
    QCOMPARE(kinds(get("backhaul-eavesdrop")), (QStringList{"eavesdrop@S1-U/all/both"}));
    QCOMPARE(get("malleable-ciphertext").protection, threeGpp);
    QCOMPARE(kinds(get("malleable-ciphertext")), (QStringList{"tamper@Uu/data/uplink"}));
    Protection nasOnly;
    nasOnly.nas = threeGpp.nas;
    nasOnly.as.rrcIntegrity = crypto::IntegrityAlgorithm::Eia2; // a standard device refuses AS EIA0
    QCOMPARE(get("bidding-down").protection, nasOnly);
    QCOMPARE(kinds(get("bidding-down")), (QStringList{"downgrade@Uu/all/both"}));
    QCOMPARE(get("insider-pgw").protection, threeGpp);
    QCOMPARE(get("insider-pgw").attacks.at(0).node, std::optional<Node>(Node::PGW));
    QVERIFY(!get("insider-pgw").attacks.at(0).link);

    const Scenario replay = get("replay-command");
    Protection integrityOnly = threeGpp;
    integrityOnly.app = {false, true, false};
    QCOMPARE(replay.protection, integrityOnly);
    QCOMPARE(replay.traffic.downlinkIntervalS, 10.0);
    QCOMPARE(kinds(replay), (QStringList{"replay@SGi/data/downlink"}));
    QCOMPARE(replay.attacks.at(0).replayDelayS, 5.0);
    QCOMPARE(replay.changes.size(), std::size_t{1});
    QCOMPARE(replay.changes[0].atS, 30.0);
    Protection withWindow = integrityOnly;
    withWindow.app.replayProtection = true;
    QCOMPARE(replay.changes[0].protection, withWindow);
    QCOMPARE(appProtectionName(withWindow.app), std::string("custom"));

    // Exactly the presets whose lesson needs null integrity declare devices that accept it.
    for (const Preset& p : presets())
        QCOMPARE(p.scenario.ue.acceptsNullIntegrity,
                 p.name == "default" || p.name == "unprotected" || p.name == "app-only");
    const Scenario refused = get("null-integrity-refused");
    QCOMPARE(refused.protection, appOnly);
    QCOMPARE(kinds(refused), (QStringList{"eavesdrop@Uu/all/both", "inject@Uu/signalling/both"}));
    QCOMPARE(refused.changes.size(), std::size_t{1});
    QCOMPARE(refused.changes[0].atS, 30.0);
    Protection integrityOn = appOnly;
    integrityOn.nas = threeGpp.nas;
    integrityOn.as = threeGpp.as;
    QCOMPARE(refused.changes[0].protection, integrityOn);
}

void TestScenario::loadNamesTheFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    const QString missing = dir.filePath(QStringLiteral("missing.json"));
    const QString missingError = errorOf([&missing] { (void)loadScenarioFile(missing); });
    QVERIFY2(missingError.startsWith(missing + QStringLiteral(": cannot read: ")), qPrintable(missingError));

    const QString directoryError = errorOf([&dir] { (void)loadScenarioFile(dir.path()); });
    QVERIFY2(directoryError.startsWith(dir.path() + QStringLiteral(": cannot read: ")),
             qPrintable(directoryError));

    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(withFields(R"("attacks": [{"kind": "sniff"}])"));
    file.close();
    QCOMPARE(errorOf([&bad] { (void)loadScenarioFile(bad); }),
             bad + QStringLiteral(": attacks[0].kind: unknown attack kind 'sniff' (one of eavesdrop, tamper, "
                                  "replay, inject, downgrade, insider)"));

    const QString garbage = dir.filePath(QStringLiteral("garbage.json"));
    QFile garbageFile(garbage);
    QVERIFY(garbageFile.open(QIODevice::WriteOnly));
    garbageFile.write("not json");
    garbageFile.close();
    const QString garbageError = errorOf([&garbage] { (void)loadScenarioFile(garbage); });
    QVERIFY2(garbageError.startsWith(garbage + QStringLiteral(": (document): JSON syntax error at line 1")),
             qPrintable(garbageError));
}

void TestScenario::loadReadsRegularFilesOnly_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("reason");
    QTest::newRow("FIFO without a writer") << "fifo"
                                           << "it is a FIFO, not a regular file";
    QTest::newRow("character device") << "device"
                                      << "it is a character device, not a regular file";
    QTest::newRow("folder") << "folder"
                            << "it is a folder, not a regular file";
    QTest::newRow("dangling symbolic link") << "dangling"
                                            << "No such file or directory";
    QTest::newRow("symbolic link to a FIFO") << "link-to-fifo"
                                             << "it is a FIFO, not a regular file";
}

void TestScenario::loadReadsRegularFilesOnly()
{
    // Opened without blocking (O_NONBLOCK), then refused by what fstat says: a FIFO with no writer never
    // hangs the loader, and the message says what the path is.
    QFETCH(QString, kind);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString path = dir.filePath(QStringLiteral("input.json"));
    const QString fifo = dir.filePath(QStringLiteral("fifo.json"));
    if (kind == QLatin1String("fifo") || kind == QLatin1String("link-to-fifo"))
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0644) == 0);
    if (kind == QLatin1String("fifo"))
        path = fifo;
    else if (kind == QLatin1String("link-to-fifo"))
        QVERIFY(QFile::link(fifo, path));
    else if (kind == QLatin1String("device"))
        path = QStringLiteral("/dev/null");
    else if (kind == QLatin1String("folder"))
        QVERIFY(QDir().mkdir(path));
    else
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("nowhere.json")), path));
    QCOMPARE(errorOf([&path] { (void)loadScenarioFile(path); }),
             path + QStringLiteral(": cannot read: ") + reason);
}

void TestScenario::saveWritesOnlyWhatLoads()
{
    // An attacker set to start after the run's end (the window's attack settings allow it) would make a file
    // that loads nowhere: it is not written, and the message says why.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Scenario scenario = presetScenario("3gpp-only").value();
    scenario.durationS = 10;
    scenario.attacks[1].startS = 50;
    const QString path = dir.filePath(QStringLiteral("late.json"));
    QCOMPARE(errorOf([&] { saveScenarioFile(scenario, path); }),
             path +
                 QStringLiteral(": not saved, it would not load: attacks[1].start_s: must be at least 0 and "
                                "below duration_s (10) seconds, got 50"));
    QVERIFY(QDir(dir.path()).isEmpty());
}

void TestScenario::saveAndLoad()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("scenario.json"));
    for (const Preset& p : presets()) {
        saveScenarioFile(p.scenario, path);
        QCOMPARE(loadScenarioFile(path), p.scenario);
    }
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{QStringLiteral("scenario.json")}); // nothing left behind by the atomic writes
}

void TestScenario::saveFailsLeavingNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Scenario scenario = presetScenario("defence-in-depth").value();
    const auto entries = [&dir] {
        return QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    };

    const QString inMissingDir = dir.filePath(QStringLiteral("no-such-dir/scenario.json"));
    const QString missingDirError = errorOf([&] { saveScenarioFile(scenario, inMissingDir); });
    QVERIFY2(missingDirError.startsWith(inMissingDir + QStringLiteral(": cannot write: ")),
             qPrintable(missingDirError));
    QVERIFY(!QFile::exists(inMissingDir));
    QVERIFY(entries().isEmpty());

    const QString subdir = dir.filePath(QStringLiteral("a-directory"));
    QVERIFY(QDir().mkdir(subdir));
    const QString directoryError = errorOf([&] { saveScenarioFile(scenario, subdir); });
    QVERIFY2(directoryError.startsWith(subdir + QStringLiteral(": cannot write: ")),
             qPrintable(directoryError));
    QVERIFY(QFileInfo(subdir).isDir());
    QCOMPARE(entries(), QStringList{QStringLiteral("a-directory")});
    QVERIFY(QDir(subdir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());

    // A failed save leaves an existing file as it was (here the directory is made read-only, which does not
    // stop root: then there is nothing to see).
    const QString existing = dir.filePath(QStringLiteral("existing.json"));
    saveScenarioFile(Scenario{}, existing);
    QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner));
    QFile probe(dir.filePath(QStringLiteral("probe")));
    const bool enforced = !probe.open(QIODevice::NewOnly);
    if (enforced) {
        const QString readOnlyError = errorOf([&] { saveScenarioFile(scenario, existing); });
        QVERIFY2(readOnlyError.startsWith(existing + QStringLiteral(": cannot write: ")),
                 qPrintable(readOnlyError));
        QCOMPARE(loadScenarioFile(existing), Scenario{});
    } else {
        probe.remove();
    }
    QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    QCOMPARE(entries(), (QStringList{QStringLiteral("a-directory"), QStringLiteral("existing.json")}));
}

QTEST_GUILESS_MAIN(TestScenario)
#include "tst_scenario.moc"
