// Hostile scenario files (issue 9): every number out of bounds, infinite, negative zero, huge and tiny;
// duplicate keys at every depth; control characters, lone surrogates and bytes that are not UTF-8; wrong
// types. Each is refused with one message naming the JSON path and the bound. And 200 random mutations of the
// presets: each either loads and runs to its end, or is refused by path.
#include "core/InvalidInput.h"
#include "core/engine/Engine.h"
#include "core/scenario/Presets.h"
#include "core/scenario/ScenarioJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QtTest>

#include <algorithm>

using namespace mtcsec;

namespace {

// A valid scenario with `fields` spliced into the root object.
QByteArray withFields(const QByteArray& fields)
{
    return QByteArray(R"({"schema": "mtcsec-scenario/1", )") + fields + "}";
}

// One attack of `kind` on `target` with `fields` added.
QByteArray withAttack(const char* kind, const char* target, const QByteArray& fields)
{
    return withFields(QByteArray(R"("attacks": [{"kind": ")") + kind + R"(", "target": ")" + target + "\", " +
                      fields + "}]");
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

// "path: why" where the path is (document) or a JSON path of keys and indexes.
const QRegularExpression& messageByPath()
{
    static const QRegularExpression re(QStringLiteral(
        R"(^(\(document\)|[A-Za-z_][A-Za-z0-9_-]*(\[\d+\])*(\.[A-Za-z0-9_-]+(\[\d+\])*)*): \S)"));
    return re;
}

} // namespace

class TestScenarioHostile : public QObject {
    Q_OBJECT
private slots:
    void refusedByPath_data();
    void refusedByPath();
    void acceptedAtTheBounds_data();
    void acceptedAtTheBounds();
    void bigSeedsAsStrings();
    void randomMutationsLoadAndRunOrAreRefused();
};

void TestScenarioHostile::refusedByPath_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    const auto row = [](const char* tag, const QByteArray& json, const char* message) {
        QTest::newRow(tag) << json << QString::fromUtf8(message);
    };
    // duration_s: (0, 86400] seconds. (Qt's reader gives -0.0 as 0.)
    row("duration below min", withFields(R"("duration_s": 0)"),
        "duration_s: must be above 0 and at most 86400 seconds, got 0");
    row("duration negative zero", withFields(R"("duration_s": -0.0)"),
        "duration_s: must be above 0 and at most 86400 seconds, got 0");
    row("duration above max", withFields(R"("duration_s": 86400.001)"),
        "duration_s: must be above 0 and at most 86400 seconds, got 86400.001");
    row("duration huge", withFields(R"("duration_s": 1e300)"),
        "duration_s: must be above 0 and at most 86400 seconds, got 1e+300");
    row("duration tiny negative", withFields(R"("duration_s": -1e-300)"),
        "duration_s: must be above 0 and at most 86400 seconds, got -1e-300");
    row("duration wrong type", withFields(R"("duration_s": [60])"),
        "duration_s: must be a number, got an array");
    // devices: 1 to 1,000,000.
    row("devices below min", withFields(R"("devices": 0)"),
        "devices: must be a whole number from 1 to 1000000, got 0");
    row("devices above max", withFields(R"("devices": 1000001)"),
        "devices: must be a whole number from 1 to 1000000, got 1000001");
    row("devices fraction", withFields(R"("devices": 2.5)"),
        "devices: must be a whole number from 1 to 1000000, got 2.5");
    row("devices huge", withFields(R"("devices": 1e300)"),
        "devices: must be a whole number from 1 to 1000000, got 1e+300");
    row("devices as string", withFields(R"("devices": "3")"),
        "devices: must be a whole number from 1 to 1000000, got the string '3'");
    // seed.
    row("seed negative", withFields(R"("seed": -1)"),
        "seed: must be a whole number from 0 to 9007199254740992");
    row("seed above 2^53 as number", withFields(R"("seed": 18446744073709551615)"),
        "seed: must be a whole number from 0 to 9007199254740992, or a string of decimal digits up to "
        "18446744073709551615; got ");
    row("seed string above 2^64", withFields(R"("seed": "18446744073709551616")"),
        "seed: must be a whole number from 0 to 9007199254740992, or a string of decimal digits up to "
        "18446744073709551615; got the string '18446744073709551616'");
    row("seed string with sign", withFields(R"("seed": "-1")"), "seed: must be a whole number");
    row("seed empty string", withFields(R"("seed": "")"), "seed: must be a whole number");
    // traffic.
    row("uplink tiny", withFields(R"("traffic": {"uplink_interval_s": 1e-7})"),
        "traffic.uplink_interval_s: must be from 0.001 to 86400 seconds, got 1e-07");
    row("uplink huge", withFields(R"("traffic": {"uplink_interval_s": 1e13})"),
        "traffic.uplink_interval_s: must be from 0.001 to 86400 seconds, got 1e+13");
    row("uplink negative zero", withFields(R"("traffic": {"uplink_interval_s": -0.0})"),
        "traffic.uplink_interval_s: must be from 0.001 to 86400 seconds, got 0");
    row("downlink tiny", withFields(R"("traffic": {"downlink_interval_s": 1e-9})"),
        "traffic.downlink_interval_s: must be 0 (no commands) or from 0.001 to 86400 seconds, got 1e-09");
    row("downlink above max", withFields(R"("traffic": {"downlink_interval_s": 86401})"),
        "traffic.downlink_interval_s: must be 0 (no commands) or from 0.001 to 86400 seconds, got 86401");
    row("downlink negative", withFields(R"("traffic": {"downlink_interval_s": -5})"),
        "traffic.downlink_interval_s: must be 0 (no commands) or from 0.001 to 86400 seconds, got -5");
    row("spread negative", withFields(R"("traffic": {"attach_spread_s": -1})"),
        "traffic.attach_spread_s: must be from 0 to 86400 seconds, got -1");
    row("spread huge", withFields(R"("traffic": {"attach_spread_s": 1e13})"),
        "traffic.attach_spread_s: must be from 0 to 86400 seconds, got 1e+13");
    row("traffic wrong type", withFields(R"("traffic": {"uplink_interval_s": true})"),
        "traffic.uplink_interval_s: must be a number, got true");
    // attacks.
    row("start huge", withAttack("tamper", "Uu", R"("start_s": 1e13)"),
        "attacks[0].start_s: must be from 0 to 86400 seconds, got 1e+13");
    row("start negative", withAttack("tamper", "Uu", R"("start_s": -0.5)"),
        "attacks[0].start_s: must be from 0 to 86400 seconds, got -0.5");
    row("stop huge", withAttack("tamper", "Uu", R"("stop_s": 1e13)"),
        "attacks[0].stop_s: must be above start_s (0) and at most 86400 seconds, got 1e+13");
    row("stop equal to start", withAttack("tamper", "Uu", R"("start_s": 5, "stop_s": 5)"),
        "attacks[0].stop_s: must be above start_s (5) and at most 86400 seconds, got 5");
    row("inject rate tiny", withAttack("inject", "SGi", R"("rate": 1e-300)"),
        "attacks[0].rate: must be from 1e-05 to 1000 forgeries per second, got 1e-300");
    row("inject rate zero", withAttack("inject", "SGi", R"("rate": 0)"),
        "attacks[0].rate: must be from 1e-05 to 1000 forgeries per second, got 0");
    row("inject rate huge", withAttack("inject", "SGi", R"("rate": 1e308)"),
        "attacks[0].rate: must be from 1e-05 to 1000 forgeries per second, got 1e+308");
    row("probability negative", withAttack("eavesdrop", "Uu", R"("rate": -0.1)"),
        "attacks[0].rate: must be a probability above 0 and at most 1, got -0.1");
    row("probability negative zero", withAttack("eavesdrop", "Uu", R"("rate": -0.0)"),
        "attacks[0].rate: must be a probability above 0 and at most 1, got 0");
    row("replay delay tiny", withAttack("replay", "SGi", R"("replay_delay_s": 1e-300)"),
        "attacks[0].replay_delay_s: must be from 0.001 to 86400 seconds, got 1e-300");
    row("replay delay huge", withAttack("replay", "SGi", R"("replay_delay_s": 1e13)"),
        "attacks[0].replay_delay_s: must be from 0.001 to 86400 seconds, got 1e+13");
    row("id with comma", withAttack("tamper", "Uu", R"("id": "x,y")"),
        "attacks[0].id: must be 1 to 32 letters, digits, '-', '_' or '.', got 'x,y'");
    row("id formula", withAttack("tamper", "Uu", R"x("id": "=HYPERLINK(\"http://x\")")x"),
        "attacks[0].id: must be 1 to 32 letters, digits, '-', '_' or '.', got '=HYPERLINK(\"http://x\")'");
    row("id too long", withAttack("tamper", "Uu", R"("id": "abcdefghijklmnopqrstuvwxyz0123456")"),
        "attacks[0].id: must be 1 to 32 letters, digits, '-', '_' or '.', got ");
    row("id wrong type", withAttack("tamper", "Uu", R"("id": 7)"),
        "attacks[0].id: must be a string, got the number 7");
    // changes.
    row("change huge", withFields(R"("changes": [{"at_s": 1e13, "protection": {}}])"),
        "changes[0].at_s: must be at least 0 and below duration_s (60) seconds, got 1e+13");
    // Text fields.
    row("name too long", withFields("\"name\": \"" + QByteArray(101, 'n') + "\""),
        "name: must be at most 100 characters, got 101");
    row("description too long", withFields("\"description\": \"" + QByteArray(2001, 'd') + "\""),
        "description: must be at most 2000 characters, got 2001");
    // Duplicate keys, at several depths and spelled with escapes.
    row("duplicate at the root", R"({"schema":"mtcsec-scenario/1","devices":3,"devices":1000000})",
        "devices: given twice");
    row("duplicate escaped", R"({"schema":"mtcsec-scenario/1","devices":3,"\u0064evices":4})",
        "devices: given twice");
    row("duplicate schema", R"({"schema":"mtcsec-scenario/1","schema":"mtcsec-scenario/1"})",
        "schema: given twice");
    row("duplicate in traffic", withFields(R"("traffic": {"uplink_interval_s": 5, "uplink_interval_s": 6})"),
        "traffic.uplink_interval_s: given twice");
    row("duplicate in nas",
        withFields(R"("protection": {"nas": {"integrity": "EIA2", "integrity": "EIA0"}})"),
        "protection.nas.integrity: given twice");
    row("duplicate in an attack", withAttack("tamper", "Uu", R"("rate": 0.5, "rate": 1)"),
        "attacks[0].rate: given twice");
    row("duplicate in a change",
        withFields(R"("changes": [{"at_s": 1, "protection": {}}, {"at_s": 2, "at_s": 3, "protection": {}}])"),
        "changes[1].at_s: given twice");
    // Control characters, surrogates, UTF-8.
    row("NUL in an id", withAttack("tamper", "Uu", R"("id": "a\u0000b")"),
        "attacks[0].id: contains a control character (U+0000)");
    row("escape in the name", withFields(R"("name": "evil\u001b[31m")"),
        "name: contains a control character (U+001B)");
    row("newline in the description", withFields(R"("description": "two\nlines")"),
        "description: contains a control character (U+000A)");
    row("DEL in the name", withFields(R"("name": "a\u007f")"), "name: contains a control character (U+007F)");
    row("C1 control in the name", withFields("\"name\": \"a\xc2\x85\""),
        "name: contains a control character (U+0085)");
    row("raw control byte", withFields("\"name\": \"a\x01\""), "name: contains a control character (U+0001)");
    row("lone high surrogate", withFields(R"("name": "x\ud800y")"),
        "name: contains a lone surrogate (U+D800)");
    row("lone low surrogate", withAttack("tamper", "Uu", R"("id": "\udc00")"),
        "attacks[0].id: contains a lone surrogate (U+DC00)");
    row("control in a key", withFields(R"("traffic": {"a\u0000": 1})"),
        "traffic: a key contains a control character (U+0000)");
    row("control in a nested value", withFields(R"("network": {"mcc": "0\t1"})"),
        "network.mcc: contains a control character (U+0009)");
    // Wrong types.
    row("attacks null", withFields(R"("attacks": null)"), "attacks: must be an array, got null");
    row("attack a number", withFields(R"("attacks": [7])"),
        "attacks[0]: must be an object, got the number 7");
    row("changes string", withFields(R"("changes": "none")"),
        "changes: must be an array, got the string 'none'");
    row("infinity", withFields(R"("duration_s": 1e400)"), "(document): JSON syntax error at line 1, column ");
}

void TestScenarioHostile::refusedByPath()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    const QString error = errorOf(json);
    QVERIFY2(error.startsWith(message), qPrintable(error));
    QVERIFY2(messageByPath().match(error).hasMatch(), qPrintable(error));
    QVERIFY(!error.contains(QLatin1Char('\n')));
    QVERIFY(!error.contains(QChar(0)));
}

void TestScenarioHostile::acceptedAtTheBounds_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("duration max") << withFields(R"("duration_s": 86400)");
    QTest::newRow("duration tiny") << withFields(R"("duration_s": 1e-300)");
    QTest::newRow("devices max") << withFields(R"("devices": 1000000)");
    QTest::newRow("uplink min") << withFields(R"("traffic": {"uplink_interval_s": 0.001})");
    QTest::newRow("uplink max") << withFields(R"("traffic": {"uplink_interval_s": 86400})");
    QTest::newRow("downlink off") << withFields(R"("traffic": {"downlink_interval_s": 0})");
    QTest::newRow("downlink negative zero is off")
        << withFields(R"("traffic": {"downlink_interval_s": -0.0})");
    QTest::newRow("start negative zero") << withAttack("tamper", "Uu", R"("start_s": -0.0)");
    // The latest start is within the longest run (start_s below duration_s).
    QTest::newRow("start and stop at the ends") << withFields(
        R"("duration_s": 86400, "attacks": [{"kind": "tamper", "target": "Uu", "start_s": 86399,)"
        R"( "stop_s": 86400}])");
    QTest::newRow("inject min") << withAttack("inject", "SGi", R"("rate": 0.00001)");
    QTest::newRow("inject max") << withAttack("inject", "SGi", R"("rate": 1000)");
    QTest::newRow("probability tiny") << withAttack("tamper", "Uu", R"("rate": 1e-300)");
    QTest::newRow("id of every allowed kind")
        << withAttack("tamper", "Uu", R"("id": "Az09-_.abcdefghijklmnopqrstuvw")");
    QTest::newRow("printable unicode") << withFields(R"("name": "Z\u00fcrich \ud83d\ude00 \u00e9t\u00e9")");
    QTest::newRow("same key in two objects") << withFields(R"("network": {"mcc": "001"}, "traffic": {},
        "protection": {"nas": {"integrity": "EIA2"}, "as": {"rrc_integrity": "EIA2"}})");
    QTest::newRow("same key in two attacks")
        << withFields(R"("attacks": [{"id": "x", "kind": "tamper", "target": "Uu"},
                                     {"id": "y", "kind": "tamper", "target": "Uu"}])");
}

void TestScenarioHostile::acceptedAtTheBounds()
{
    QFETCH(QByteArray, json);
    QCOMPARE(errorOf(json), QStringLiteral("no error"));
    const Scenario s = scenarioFromJson(json);
    QCOMPARE(scenarioFromJson(scenarioToJson(s)), s);
    for (const AttackSpec& a : s.attacks)
        QVERIFY(!std::signbit(a.startS)); // -0 is read as 0
    QVERIFY(!std::signbit(s.traffic.downlinkIntervalS));
}

void TestScenarioHostile::bigSeedsAsStrings()
{
    for (const std::uint64_t seed : {std::uint64_t{0}, std::uint64_t{1} << 53, (std::uint64_t{1} << 53) + 1,
                                     std::numeric_limits<std::uint64_t>::max()}) {
        Scenario s;
        s.seed = seed;
        const QByteArray json = scenarioToJson(s);
        const QJsonValue written = QJsonDocument::fromJson(json).object().value(QStringLiteral("seed"));
        QCOMPARE(written.isString(), seed > (std::uint64_t{1} << 53));
        QCOMPARE(scenarioFromJson(json).seed, seed);
    }
    QCOMPARE(scenarioFromJson(withFields(R"("seed": "18446744073709551615")")).seed,
             std::numeric_limits<std::uint64_t>::max());
    QCOMPARE(scenarioFromJson(withFields(R"("seed": 9007199254740992)")).seed, std::uint64_t{1} << 53);
}

void TestScenarioHostile::randomMutationsLoadAndRunOrAreRefused()
{
    // Values that break bounds or types, and some that are fine.
    const QList<QJsonValue> values = {0,
                                      -1,
                                      -0.0,
                                      1e-7,
                                      1e-300,
                                      1e13,
                                      1e300,
                                      0.5,
                                      86400,
                                      86400.001,
                                      1000000,
                                      2e6,
                                      2.5,
                                      1000,
                                      1001,
                                      true,
                                      QJsonValue(),
                                      QString(),
                                      "x",
                                      "Uu",
                                      "EIA2",
                                      "a,b",
                                      "\x01",
                                      QJsonArray{},
                                      QJsonObject{},
                                      QJsonArray{1, 2},
                                      QString(3000, QLatin1Char('z'))};
    const QList<QByteArray> keys = {
        "devices", "duration_s",        "seed",           "name", "rate", "start_s", "stop_s",
        "id",      "uplink_interval_s", "replay_delay_s", "at_s", "kind", "target"};
    QRandomGenerator random(20240901); // fixed: the same 200 scenarios on every run

    int loaded = 0;
    int refused = 0;
    for (int round = 0; round < 200; ++round) {
        const auto& all = presets();
        const Preset& preset = all[random.bounded(static_cast<std::uint32_t>(all.size()))];
        QJsonObject root = QJsonDocument::fromJson(scenarioToJson(preset.scenario)).object();

        // Change one to three values somewhere in the tree (or add an unknown one).
        const int changes = 1 + random.bounded(3);
        for (int c = 0; c < changes; ++c) {
            const QJsonValue value = values[random.bounded(static_cast<int>(values.size()))];
            const QString key = QString::fromLatin1(keys[random.bounded(static_cast<int>(keys.size()))]);
            switch (random.bounded(4)) {
            case 0:
                root.insert(key, value);
                break;
            case 1: {
                QJsonObject traffic = root.value(QStringLiteral("traffic")).toObject();
                traffic.insert(random.bounded(2) ? QStringLiteral("uplink_interval_s")
                                                 : QStringLiteral("downlink_interval_s"),
                               value);
                root.insert(QStringLiteral("traffic"), traffic);
                break;
            }
            case 2: {
                QJsonArray attacks = root.value(QStringLiteral("attacks")).toArray();
                QJsonObject attack{{QStringLiteral("kind"), QStringLiteral("inject")},
                                   {QStringLiteral("target"), QStringLiteral("SGi")}};
                if (!attacks.isEmpty())
                    attack = attacks.takeAt(random.bounded(static_cast<int>(attacks.size()))).toObject();
                attack.insert(key, value);
                attacks.append(attack);
                root.insert(QStringLiteral("attacks"), attacks);
                break;
            }
            default:
                root.remove(key);
                break;
            }
        }
        QByteArray json = QJsonDocument(root).toJson(QJsonDocument::Compact);
        // Now and then a duplicate key or a raw byte in the text itself.
        if (random.bounded(8) == 0)
            json.insert(1, "\"devices\": 2, ");
        if (random.bounded(16) == 0)
            json.replace("\"name\":\"", QByteArray("\"name\":\"\x7f", 10));

        Scenario scenario;
        try {
            scenario = scenarioFromJson(json);
        } catch (const InvalidInput& e) {
            const QString message = QString::fromUtf8(e.what());
            QVERIFY2(messageByPath().match(message).hasMatch(), qPrintable(message + " for " + json));
            ++refused;
            continue;
        }
        // Loaded: it runs to its end (scaled down, so that the test stays short).
        ++loaded;
        scenario.devices = std::min<std::uint32_t>(scenario.devices, 4);
        scenario.durationS = std::min(scenario.durationS, 20.0);
        std::erase_if(scenario.changes,
                      [&](const ProtectionChange& change) { return change.atS >= scenario.durationS; });
        engine::Engine engine(scenario);
        engine.runToEnd();
        QVERIFY2(engine.finished(), json.constData());
        QCOMPARE(engine.now(), engine.endTime());
    }
    qInfo("%d mutated scenarios loaded and ran, %d were refused by path", loaded, refused);
    QVERIFY(loaded > 10);
    QVERIFY(refused > 10);
}

QTEST_GUILESS_MAIN(TestScenarioHostile)
#include "tst_scenario_hostile.moc"
