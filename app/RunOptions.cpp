// The numeric options of `mtcsec run`, with the scenario format's bounds.
#include "app/RunOptions.h"

#include "core/InvalidInput.h"
#include "core/scenario/ScenarioLimits.h"

#include <QStringList>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>
#include <thread>

namespace mtcsec::app {
namespace {

std::string quoted(std::string_view text)
{
    constexpr std::size_t kMax = 40;
    return "'" + std::string(text.substr(0, kMax)) + (text.size() > kMax ? "...'" : "'");
}

} // namespace

std::uint64_t parseWholeNumberOption(std::string_view option, std::string_view text, std::uint64_t min,
                                     std::uint64_t max)
{
    std::uint64_t value = 0;
    const char* const end = text.data() + text.size();
    const auto [at, error] = std::from_chars(text.data(), end, value);
    const bool digitsOnly = !text.empty() && text.front() >= '0' && text.front() <= '9';
    if (!digitsOnly || error != std::errc() || at != end || value < min || value > max)
        throw InvalidInput(std::string(option) + ": must be a whole number from " + std::to_string(min) +
                           " to " + std::to_string(max) + ", got " + quoted(text));
    return value;
}

double parseDurationOption(std::string_view option, std::string_view text)
{
    double value = 0;
    const char* const end = text.data() + text.size();
    const auto [at, error] = std::from_chars(text.data(), end, value);
    const NumberRange& range = kDurationRange;
    if (text.empty() || error != std::errc() || at != end || !std::isfinite(value) ||
        value <= range.low.value || value > range.high.value)
        throw InvalidInput(std::string(option) +
                           ": must be a number of seconds above 0 and at most 86400, got " + quoted(text));
    return value;
}

void applyNumberOptions(Scenario& scenario, const QCommandLineParser& parser,
                        const QCommandLineOption& duration, const QCommandLineOption& seed,
                        const QCommandLineOption& devices)
{
    if (parser.isSet(duration))
        scenario.durationS = parseDurationOption("--duration", parser.value(duration).toStdString());
    if (parser.isSet(seed))
        scenario.seed = parseWholeNumberOption("--seed", parser.value(seed).toStdString(), 0,
                                               std::numeric_limits<std::uint64_t>::max());
    if (parser.isSet(devices)) {
        scenario.devices = static_cast<std::uint32_t>(parseWholeNumberOption(
            "--devices", parser.value(devices).toStdString(), kMinDevices, kMaxDevices));
        // The scenario's device groups must still fit, as a file's would (ScenarioJson: device_groups).
        std::uint64_t grouped = 0;
        for (const DeviceGroup& group : scenario.deviceGroups)
            grouped += group.devices;
        if (grouped > scenario.devices)
            throw InvalidInput("--devices: the scenario's device_groups hold " + std::to_string(grouped) +
                               " devices, more than " + std::to_string(scenario.devices));
    }
}

QString leaveOutBeyondDuration(Scenario& scenario)
{
    const double end = scenario.durationS;
    QStringList leftOut;
    for (const AttackSpec& a : scenario.attacks)
        if (a.startS >= end)
            leftOut
                << QStringLiteral("attack %1 (start_s %2)").arg(QString::fromStdString(a.id)).arg(a.startS);
    for (const ProtectionChange& c : scenario.changes)
        if (c.atS >= end)
            leftOut << QStringLiteral("protection change at %1 s").arg(c.atS);
    std::erase_if(scenario.attacks, [end](const AttackSpec& a) { return a.startS >= end; });
    std::erase_if(scenario.changes, [end](const ProtectionChange& c) { return c.atS >= end; });
    if (leftOut.isEmpty())
        return {};
    return QStringLiteral("Left out (the run ends at %1 s, --duration): %2\n")
        .arg(QString::number(end), leftOut.join(QStringLiteral(", ")));
}

void applyDevicesPerCellOption(Scenario& scenario, const QCommandLineParser& parser,
                               const QCommandLineOption& devicesPerCell)
{
    if (parser.values(devicesPerCell).size() > 1)
        throw InvalidInput("--devices-per-cell given more than once");
    if (parser.isSet(devicesPerCell))
        scenario.devicesPerCell = static_cast<std::uint32_t>(
            parseWholeNumberOption("--devices-per-cell", parser.value(devicesPerCell).toStdString(),
                                   kMinDevicesPerCell, kMaxDevicesPerCell));
}

QCommandLineOption makeDevicesPerCellOption(DevicesPerCellFor command)
{
    const QString over = command == DevicesPerCellFor::Run
                             ? QStringLiteral("overrides the scenario's devices_per_cell, default 50000")
                             : QStringLiteral("of every engine workload, default 50000");
    return QCommandLineOption(
        QStringLiteral("devices-per-cell"),
        QStringLiteral("Devices per cell at most, 1 to 1000000 (%1). A run of more devices "
                       "is split into cells simulated independently, each its own eNB, "
                       "links, NDS/IP SAs and attackers.")
            .arg(over),
        QStringLiteral("N"));
}

unsigned threadsOption(const QCommandLineParser& parser, const QCommandLineOption& threads)
{
    if (parser.values(threads).size() > 1)
        throw InvalidInput("--threads given more than once");
    if (!parser.isSet(threads))
        return std::max(1u, std::thread::hardware_concurrency());
    return static_cast<unsigned>(
        parseWholeNumberOption("--threads", parser.value(threads).toStdString(), 1, kMaxThreads));
}

QCommandLineOption makeThreadsOption()
{
    return QCommandLineOption(
        QStringLiteral("threads"),
        QStringLiteral(
            "Threads to use, 1 to 1024 (default: every core). A run of several cells "
            "(devices_per_cell) simulates a cell per thread; a run of one cell simulates on one and "
            "formats, hashes and stores the event log on a second. Every result is the same for any "
            "number."),
        QStringLiteral("N"));
}

} // namespace mtcsec::app
