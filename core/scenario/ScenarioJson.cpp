// Scenario files, schema "mtcsec-scenario/1" (PRODUCT.md section 8): a strict reader that names the first
// wrong field by its JSON path, a canonical writer, and atomic file input and output.
#include "core/scenario/ScenarioJson.h"

#include "core/InvalidInput.h"
#include "core/io/AtomicFile.h"
#include "core/io/InputFile.h"
#include "core/scenario/AttackJson.h"
#include "core/scenario/CapabilitiesJson.h"
#include "core/scenario/JsonPathReader.h"
#include "core/scenario/JsonTextCheck.h"
#include "core/scenario/ProtectionJson.h"
#include "core/scenario/ScenarioLimits.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace mtcsec {
namespace {

using namespace json;

constexpr qint64 kMaxFileSize = qint64{16} * 1024 * 1024;

// ---- the document ----

void readNetwork(const QJsonValue& value, std::string_view path, Scenario& scenario)
{
    const ObjectReader r(requireObject(value, path), std::string(path), {"mcc", "mnc"});
    const auto digits = [](const std::string& text) {
        return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (r.has("mcc")) {
        scenario.mcc = requireString(r.get("mcc"), r.path("mcc"));
        if (scenario.mcc.size() != 3 || !digits(scenario.mcc))
            fail(r.path("mcc"), "must be 3 decimal digits, got " + inQuotes(scenario.mcc));
    }
    if (r.has("mnc")) {
        scenario.mnc = requireString(r.get("mnc"), r.path("mnc"));
        if (scenario.mnc.size() < 2 || scenario.mnc.size() > 3 || !digits(scenario.mnc))
            fail(r.path("mnc"), "must be 2 or 3 decimal digits, got " + inQuotes(scenario.mnc));
    }
}

void readTraffic(const QJsonValue& value, std::string_view path, TrafficPattern& traffic)
{
    const ObjectReader r(requireObject(value, path), std::string(path),
                         {"attach_spread_s", "uplink_interval_s", "downlink_interval_s"});
    if (r.has("attach_spread_s"))
        traffic.attachSpreadS =
            requireNumberIn(r.get("attach_spread_s"), r.path("attach_spread_s"), kAttachSpreadRange);
    if (r.has("uplink_interval_s"))
        traffic.uplinkIntervalS =
            requireNumberIn(r.get("uplink_interval_s"), r.path("uplink_interval_s"), kUplinkIntervalRange);
    if (r.has("downlink_interval_s")) {
        // 0 switches commands off; anything else is an interval.
        const std::string downlinkPath = r.path("downlink_interval_s");
        const double x = requireNumber(r.get("downlink_interval_s"), downlinkPath);
        if (x == 0.0)
            traffic.downlinkIntervalS = 0.0;
        else if (x >= kDownlinkIntervalRange.low.value && x <= kDownlinkIntervalRange.high.value)
            traffic.downlinkIntervalS = x;
        else
            fail(downlinkPath, "must be 0 (no commands) or " + rangeText(kDownlinkIntervalRange) + ", got " +
                                   formatNumber(x));
    }
}

void readDevices(const QJsonValue& value, std::string_view path, DeviceBehaviour& ue)
{
    const ObjectReader r(requireObject(value, path), std::string(path),
                         {"accepts_null_integrity", "capabilities"});
    if (r.has("accepts_null_integrity"))
        ue.acceptsNullIntegrity =
            requireBool(r.get("accepts_null_integrity"), r.path("accepts_null_integrity"));
    if (r.has("capabilities"))
        readAlgorithmSets(r.get("capabilities"), r.path("capabilities"), ue.capabilities, false);
}

QJsonObject devicesToJson(const DeviceBehaviour& ue)
{
    return QJsonObject{{QStringLiteral("accepts_null_integrity"), ue.acceptsNullIntegrity},
                       {QStringLiteral("capabilities"), algorithmSetsToJson(ue.capabilities)}};
}

// "device_groups": [{"name": "snow3g-only", "devices": 4, "ue": {...}}, ...], each group's "ue" read over the
// scenario's.
void readDeviceGroups(const QJsonValue& value, std::string_view path, Scenario& scenario)
{
    const QJsonArray groups = requireArray(value, path);
    if (static_cast<std::size_t>(groups.size()) > kMaxDeviceGroups)
        fail(path, "at most " + std::to_string(kMaxDeviceGroups) + " device groups, got " +
                       std::to_string(groups.size()));
    std::uint64_t total = 0;
    for (qsizetype i = 0; i < groups.size(); ++i) {
        const std::string groupPath = element(path, i);
        const ObjectReader r(requireObject(groups.at(i), groupPath), groupPath, {"name", "devices", "ue"});
        DeviceGroup group;
        const std::string namePath = r.path("name");
        group.name = requireString(r.required("name", "the group's name"), namePath);
        if (!isSafeId(group.name, kMaxGroupNameLength))
            fail(namePath, "must be 1 to " + std::to_string(kMaxGroupNameLength) +
                               " letters, digits, '-', '_' or '.', got " + inQuotes(group.name));
        if (group.name == kDefaultGroupName)
            fail(namePath, "\"default\" names the devices beyond every group (\"ue\"); choose another name");
        for (std::size_t j = 0; j < scenario.deviceGroups.size(); ++j) {
            if (scenario.deviceGroups[j].name == group.name)
                fail(namePath, "duplicate name " + inQuotes(group.name) + " (also " +
                                   element(path, static_cast<qsizetype>(j)) + ".name)");
        }
        const std::string devicesPath = r.path("devices");
        group.devices = static_cast<std::uint32_t>(
            requireInteger(r.required("devices", "how many devices the group holds"), devicesPath,
                           kMinDevices, kMaxDevices));
        total += group.devices;
        if (total > scenario.devices)
            fail(devicesPath, "the groups hold " + std::to_string(total) + " devices up to here, more than " +
                                  "devices (" + std::to_string(scenario.devices) + ")");
        group.ue = scenario.ue;
        if (r.has("ue"))
            readDevices(r.get("ue"), r.path("ue"), group.ue);
        scenario.deviceGroups.push_back(std::move(group));
    }
}

void readChanges(const QJsonValue& value, std::string_view path, Scenario& scenario)
{
    const QJsonArray changes = requireArray(value, path);
    Protection current = scenario.protection;
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const std::string changePath = element(path, i);
        const ObjectReader r(requireObject(changes.at(i), changePath), changePath, {"at_s", "protection"});
        const std::string atPath = r.path("at_s");
        const NumberRange range{{0.0, true}, {scenario.durationS, false, "duration_s"}, "seconds"};
        const double at = requireNumberIn(r.required("at_s", "seconds from the start"), atPath, range);
        if (!scenario.changes.empty() && at < scenario.changes.back().atS)
            fail(atPath, "changes must be listed in time order; " + formatNumber(at) + " is before " +
                             element(path, i - 1) + ".at_s (" + formatNumber(scenario.changes.back().atS) +
                             ")");
        readProtection(r.required("protection", "the fields that change"), r.path("protection"), current);
        scenario.changes.push_back({.atS = at, .protection = current});
    }
}

// A seed: a JSON number up to 2^53 (exact in every JSON reader), or any 64-bit value as a string of digits.
std::uint64_t readSeed(const QJsonValue& value, std::string_view path)
{
    const std::string expected = "must be a whole number from 0 to " + std::to_string(kMaxSeedAsNumber) +
                                 ", or a string of decimal digits up to " +
                                 std::to_string(std::numeric_limits<std::uint64_t>::max()) + "; got ";
    if (value.isString()) {
        const std::string text = value.toString().toStdString();
        std::uint64_t seed = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seed);
        const bool digits =
            std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (text.empty() || !digits || error != std::errc() || end != text.data() + text.size())
            fail(path, expected + describe(value));
        return seed;
    }
    if (!value.isDouble())
        fail(path, expected + describe(value));
    const double x = value.toDouble();
    const qint64 exact = value.toInteger(-1); // exact when the text is an integer that fits in 64 bits
    if (std::floor(x) == x && exact >= 0 && static_cast<std::uint64_t>(exact) <= kMaxSeedAsNumber)
        return static_cast<std::uint64_t>(exact);
    fail(path, expected + (std::floor(x) == x && exact >= 0 ? std::to_string(exact) : formatNumber(x)));
}

} // namespace

Scenario scenarioFromJson(const QByteArray& json)
{
    const QJsonObject root = readDocument(json);

    // The schema first: a file of another kind or version is refused as such, before its fields are read.
    const std::string schemaHint = "must be \"" + std::string(kScenarioSchema) + "\"";
    if (!root.contains(QStringLiteral("schema")))
        fail("schema", "missing (" + schemaHint + ")");
    const QJsonValue schema = root.value(QStringLiteral("schema"));
    if (!schema.isString() || schema.toString() != toQString(kScenarioSchema))
        fail("schema", schemaHint + ", got " + describe(schema));

    const ObjectReader r(root, std::string(),
                         {"schema", "name", "description", "seed", "duration_s", "devices",
                          "devices_per_cell", "network", "traffic", "protection", "attacks", "changes", "ue",
                          "device_groups"});
    Scenario scenario;
    if (r.has("name"))
        scenario.name = requireText(r.get("name"), r.path("name"), kMaxNameLength);
    if (r.has("description"))
        scenario.description =
            requireText(r.get("description"), r.path("description"), kMaxDescriptionLength);
    if (r.has("seed"))
        scenario.seed = readSeed(r.get("seed"), r.path("seed"));
    if (r.has("duration_s"))
        scenario.durationS = requireNumberIn(r.get("duration_s"), r.path("duration_s"), kDurationRange);
    if (r.has("devices"))
        scenario.devices = static_cast<std::uint32_t>(
            requireInteger(r.get("devices"), r.path("devices"), kMinDevices, kMaxDevices));
    if (r.has("devices_per_cell"))
        scenario.devicesPerCell = static_cast<std::uint32_t>(requireInteger(
            r.get("devices_per_cell"), r.path("devices_per_cell"), kMinDevicesPerCell, kMaxDevicesPerCell));
    if (r.has("network"))
        readNetwork(r.get("network"), r.path("network"), scenario);
    if (r.has("traffic"))
        readTraffic(r.get("traffic"), r.path("traffic"), scenario.traffic);
    if (r.has("protection"))
        readProtection(r.get("protection"), r.path("protection"), scenario.protection);
    if (r.has("attacks")) {
        const std::string attacksPath = r.path("attacks");
        const QJsonArray attacks = requireArray(r.get("attacks"), attacksPath);
        if (static_cast<std::size_t>(attacks.size()) > kMaxAttacks)
            fail(attacksPath, "at most " + std::to_string(kMaxAttacks) + " attacks, got " +
                                  std::to_string(attacks.size()));
        // An attacker starts within the run, as a protection change does (readChanges): one that would start
        // at or after its end would do nothing.
        const NumberRange withinRun{{0.0, true}, {scenario.durationS, false, "duration_s"}, "seconds"};
        for (qsizetype i = 0; i < attacks.size(); ++i) {
            const std::string attackPath = element(attacksPath, i);
            scenario.attacks.push_back(readAttack(attacks.at(i), attackPath, i, scenario.attacks));
            if (const QJsonValue start = attacks.at(i).toObject().value(QStringLiteral("start_s"));
                !start.isUndefined())
                (void)requireNumberIn(start, attackPath + ".start_s", withinRun);
        }
    }
    if (r.has("changes"))
        readChanges(r.get("changes"), r.path("changes"), scenario);
    if (r.has("ue"))
        readDevices(r.get("ue"), r.path("ue"), scenario.ue);
    if (r.has("device_groups"))
        readDeviceGroups(r.get("device_groups"), r.path("device_groups"), scenario);
    return scenario;
}

QByteArray scenarioToJson(const Scenario& scenario)
{
    QJsonArray attacks;
    for (const AttackSpec& attack : scenario.attacks)
        attacks.append(attackToJson(attack));
    QJsonArray changes;
    for (const ProtectionChange& change : scenario.changes)
        changes.append(QJsonObject{{QStringLiteral("at_s"), change.atS},
                                   {QStringLiteral("protection"), protectionToJson(change.protection)}});
    QJsonArray groups;
    for (const DeviceGroup& group : scenario.deviceGroups)
        groups.append(QJsonObject{{QStringLiteral("name"), toQString(group.name)},
                                  {QStringLiteral("devices"), static_cast<qint64>(group.devices)},
                                  {QStringLiteral("ue"), devicesToJson(group.ue)}});
    const QJsonObject root{
        {QStringLiteral("schema"), toQString(kScenarioSchema)},
        {QStringLiteral("name"), toQString(scenario.name)},
        {QStringLiteral("description"), toQString(scenario.description)},
        {QStringLiteral("seed"), scenario.seed <= kMaxSeedAsNumber
                                     ? QJsonValue(static_cast<qint64>(scenario.seed))
                                     : QJsonValue(toQString(std::to_string(scenario.seed)))},
        {QStringLiteral("duration_s"), scenario.durationS},
        {QStringLiteral("devices"), static_cast<qint64>(scenario.devices)},
        {QStringLiteral("devices_per_cell"), static_cast<qint64>(scenario.devicesPerCell)},
        {QStringLiteral("network"), QJsonObject{{QStringLiteral("mcc"), toQString(scenario.mcc)},
                                                {QStringLiteral("mnc"), toQString(scenario.mnc)}}},
        {QStringLiteral("traffic"),
         QJsonObject{{QStringLiteral("attach_spread_s"), scenario.traffic.attachSpreadS},
                     {QStringLiteral("uplink_interval_s"), scenario.traffic.uplinkIntervalS},
                     {QStringLiteral("downlink_interval_s"), scenario.traffic.downlinkIntervalS}}},
        {QStringLiteral("protection"), protectionToJson(scenario.protection)},
        {QStringLiteral("attacks"), attacks},
        {QStringLiteral("changes"), changes},
        {QStringLiteral("ue"), devicesToJson(scenario.ue)},
        {QStringLiteral("device_groups"), groups},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Scenario loadScenarioFile(const QString& path)
{
    const std::string file = path.toStdString();
    const QByteArray json = io::readInputFile(
        path, kMaxFileSize, std::to_string(kMaxFileSize / (1024 * 1024)) + " MiB, too large for a scenario");
    if (json.trimmed().isEmpty())
        throw InvalidInput(file + ": the file is empty (a scenario is a JSON object with \"schema\": "
                                  "\"mtcsec-scenario/1\")");
    try {
        return scenarioFromJson(json);
    } catch (const InvalidInput& e) {
        throw InvalidInput(file + ": " + e.what());
    }
}

void saveScenarioFile(const Scenario& scenario, const QString& path)
{
    const QByteArray json = scenarioToJson(scenario);
    // What is saved loads again: a scenario the reader refuses is not written.
    try {
        (void)scenarioFromJson(json);
    } catch (const InvalidInput& e) {
        throw InvalidInput(path.toStdString() + ": not saved, it would not load: " + e.what());
    }
    io::writeFileAtomically(path, json);
}

} // namespace mtcsec
