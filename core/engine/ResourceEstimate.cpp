// The cost of a run before it starts, and the memory this machine has (proc(5) /proc/meminfo, cgroup v2
// memory.max and memory.current, POSIX sysconf).
#include "core/engine/ResourceEstimate.h"

#include "core/InvalidInput.h"
#include "core/engine/CellPlan.h"
#include "core/engine/Engine.h"
#include "core/engine/EngineImpl.h"
#include "core/engine/EventLog.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>
#include <unistd.h>

namespace mtcsec::engine {
namespace {

// Measured on the presets (events in the log per thing that happens; mtcsec run prints the totals).
constexpr double kEventsPerAttach = 24;        // attach with EPS-AKA and both Security Mode Commands
constexpr double kEventsPerMessage = 6;        // a reading or command across four hops, sent and delivered
constexpr double kEventsPerChangedDevice = 12; // a protection change: new Security Mode Commands per device
constexpr double kSignallingPdusPerDevice = 10;
constexpr double kEventsPerAttackAction = 2; // an attacker acting on one PDU: its event and the outcome
constexpr double kEventsPerReplay = 8;       // a replayed copy travels on and is judged
constexpr double kScheduledPerDevice = 4;    // pending actions per device in the event queue
constexpr double kVectorGrowth = 2;          // a growing vector holds up to twice its contents
constexpr double kBytesPerPduInRing = 256;   // the octets a kept PDU holds (on the wire and inside)
constexpr double kProcessBytes = 32.0 * 1024 * 1024; // the process with Qt and Botan loaded, before a run
// A finished cell's summary (counters, verdicts) and, per attacker, its tally and examples. Measured peak
// (/usr/bin/time -v, 20,000 one-device cells, 2 s): 5.6 kB per cell with no attacker (default), 15.9 kB with
// defence-in-depth's nine (about 1.15 kB each); both figures here are above those.
constexpr double kBytesPerCellResult = 7.0 * 1024;
constexpr double kBytesPerAttackerResult = 1.5 * 1024;

// The seconds of the run during which an attack acts.
double activeSeconds(const AttackSpec& attack, double duration)
{
    const double stop = std::min(attack.stopS.value_or(duration), duration);
    return std::max(0.0, stop - std::min(attack.startS, duration));
}

std::optional<std::uint64_t> readNumberAfter(const std::string& file, const std::string& key)
{
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(key, 0) != 0)
            continue;
        std::istringstream fields(line.substr(key.size()));
        std::uint64_t value = 0;
        if (fields >> value)
            return value;
    }
    return std::nullopt;
}

// The memory the process's cgroup (v2) may still use, if it has a limit.
std::optional<std::uint64_t> cgroupHeadroom()
{
    std::ifstream self("/proc/self/cgroup");
    std::string line;
    std::string group;
    while (std::getline(self, line)) {
        if (line.rfind("0::", 0) == 0)
            group = line.substr(3);
    }
    if (group.empty())
        return std::nullopt;
    const std::string dir = "/sys/fs/cgroup" + (group == "/" ? std::string() : group);
    const auto max = readNumberAfter(dir + "/memory.max", ""); // "max" (no limit) does not parse
    const auto current = readNumberAfter(dir + "/memory.current", "");
    if (!max || !current)
        return std::nullopt;
    return *max > *current ? *max - *current : 0;
}

std::string withThousands(std::uint64_t n)
{
    std::string digits = std::to_string(n);
    for (auto at = static_cast<std::ptrdiff_t>(digits.size()) - 3; at > 0; at -= 3)
        digits.insert(static_cast<std::size_t>(at), ",");
    return digits;
}

// "12", "4.5 thousand", "69 billion".
std::string formatCount(double n)
{
    static constexpr std::array<const char*, 5> kNames = {"", " thousand", " million", " billion",
                                                          " trillion"};
    std::size_t unit = 0;
    while (unit + 1 < kNames.size() && n >= 999.5) {
        n /= 1000;
        ++unit;
    }
    std::array<char, 64> text{};
    std::snprintf(text.data(), text.size(), n < 9.95 && unit > 0 ? "%.1f%s" : "%.0f%s", n, kNames.at(unit));
    return text.data();
}

std::string formatSeconds(double s)
{
    std::array<char, 32> text{};
    std::snprintf(text.data(), text.size(), "%g", s);
    return text.data();
}

} // namespace

namespace {

// The estimate of one engine running all of `scenario` (one cell), without the ring of PDUs.
ResourceEstimate estimateEngine(const Scenario& scenario, EventLogIn log)
{
    const double devices = scenario.devices;
    const double duration = std::clamp(scenario.durationS, 0.0, 1e300);
    const TrafficPattern& t = scenario.traffic;
    const auto perDevice = [&](double interval) {
        return interval > 0 ? devices * duration / interval : 0.0;
    };

    ResourceEstimate e;
    e.messages = perDevice(t.uplinkIntervalS) + perDevice(t.downlinkIntervalS);
    double events = devices * kEventsPerAttach + e.messages * kEventsPerMessage;
    events += static_cast<double>(scenario.changes.size()) * devices * kEventsPerChangedDevice;
    double forgeries = 0;
    for (const AttackSpec& a : scenario.attacks) {
        const double share = duration > 0 ? activeSeconds(a, duration) / duration : 0.0;
        if (a.kind == AttackKind::Inject) {
            forgeries += a.rate * activeSeconds(a, duration);
            continue;
        }
        const double pdus = share * (e.messages + devices * kSignallingPdusPerDevice);
        events += std::clamp(a.rate, 0.0, 1.0) * pdus *
                  (a.kind == AttackKind::Replay ? kEventsPerReplay : kEventsPerAttackAction);
    }
    e.messages += forgeries;
    e.events = events + forgeries * kEventsPerMessage;

    e.bytes = kProcessBytes;
    e.bytes += devices * static_cast<double>(Engine::bytesPerDevice());
    bool dtls = scenario.protection.app.dtls; // end-to-end mode dtls: an association per device
    for (const ProtectionChange& change : scenario.changes)
        dtls = dtls || change.protection.app.dtls;
    if (dtls)
        e.bytes += devices * static_cast<double>(sizeof(DtlsDevice) + kDtlsBytesPerDevice);
    e.bytes += devices * kScheduledPerDevice * static_cast<double>(sizeof(Scheduled)) * kVectorGrowth;
    e.bytes += (log == EventLogIn::Memory ? e.events : static_cast<double>(Engine::Impl::kEventWindow)) *
               static_cast<double>(sizeof(LogEvent)) * kVectorGrowth;
    e.bytes += e.messages * static_cast<double>(sizeof(AppRecord)) * kVectorGrowth;
    return e;
}

} // namespace

double pduRingBytes()
{
    return Engine::Impl::kRecentPdus * (static_cast<double>(sizeof(PduRecord)) + kBytesPerPduInRing);
}

ResourceEstimate estimateResources(const Scenario& scenario, EventLogIn log, unsigned threads, PduRing ring)
{
    const std::uint32_t cells = cellCount(scenario);
    const double ringBytes = ring == PduRing::Kept ? pduRingBytes() : 0.0;
    if (cells <= 1) {
        ResourceEstimate e = estimateEngine(scenario, log);
        e.bytes += ringBytes;
        return e;
    }
    // Several cells (CellRun): each its own engine with its event log in a file; at most one cell per thread
    // at a time, the others' results kept. The cells hold two sizes (CellPlan.h cellsOf).
    const std::vector<Cell> plan = cellsOf(scenario);
    const ResourceEstimate larger = estimateEngine(cellScenario(scenario, plan.front()), EventLogIn::File);
    const ResourceEstimate smaller = estimateEngine(cellScenario(scenario, plan.back()), EventLogIn::File);
    const auto largerCells =
        static_cast<double>(scenario.devices % cells == 0 ? cells : scenario.devices % cells);
    const double smallerCells = cells - largerCells;
    ResourceEstimate e;
    e.messages = larger.messages * largerCells + smaller.messages * smallerCells;
    e.events = larger.events * largerCells + smaller.events * smallerCells;
    // Cell 0's engine, kept with its ring (PduRing::Kept), holds memory besides the cells running.
    const unsigned kept = ring == PduRing::Kept ? 1 : 0;
    const unsigned workers =
        std::min((threads == 0 ? std::max(1u, std::thread::hardware_concurrency()) : threads) + kept, cells);
    e.bytes = kProcessBytes + workers * (larger.bytes - kProcessBytes) + ringBytes +
              cells * (kBytesPerCellResult +
                       static_cast<double>(scenario.attacks.size()) * kBytesPerAttackerResult);
    (void)log; // a run of several cells always keeps its event log in files
    return e;
}

std::optional<std::uint64_t> availableMemory()
{
    std::optional<std::uint64_t> available;
    if (const auto kib = readNumberAfter("/proc/meminfo", "MemAvailable:"))
        available = *kib * 1024;
    if (!available) {
        const long pages = sysconf(_SC_AVPHYS_PAGES);
        const long pageSize = sysconf(_SC_PAGESIZE);
        if (pages > 0 && pageSize > 0)
            available = static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(pageSize);
    }
    if (const auto headroom = cgroupHeadroom())
        available = available ? std::min(*available, *headroom) : *headroom;
    return available;
}

std::string formatBytes(double bytes)
{
    static constexpr std::array<const char*, 7> kUnits = {"bytes", "kB", "MB", "GB", "TB", "PB", "EB"};
    std::size_t unit = 0;
    while (unit + 1 < kUnits.size() && bytes >= 999.5) {
        bytes /= 1000;
        ++unit;
    }
    std::array<char, 64> text{};
    std::snprintf(text.data(), text.size(), bytes < 9.95 && unit > 0 ? "%.1f %s" : "%.0f %s", bytes,
                  kUnits.at(unit));
    return text.data();
}

std::optional<std::string> memoryShortfall(const Scenario& scenario, std::optional<std::uint64_t> available,
                                           EventLogIn log, unsigned threads, PduRing ring)
{
    const ResourceEstimate e = estimateResources(scenario, log, threads, ring);
    if (!available || e.bytes <= static_cast<double>(*available))
        return std::nullopt;
    // The advice names what makes the run large: forgeries when the run fits without its injectors.
    Scenario withoutInjectors = scenario;
    std::erase_if(withoutInjectors.attacks, [](const AttackSpec& a) { return a.kind == AttackKind::Inject; });
    const bool injectors =
        withoutInjectors.attacks.size() != scenario.attacks.size() &&
        estimateResources(withoutInjectors, log, threads, ring).bytes <= static_cast<double>(*available);
    // And the cells when another devices_per_cell would fit: the default size for one large cell, one cell
    // when many tiny cells' results are what is large.
    std::string cellsAdvice;
    std::vector<std::uint32_t> candidates;
    if (scenario.devicesPerCell > kDefaultDevicesPerCell && scenario.devices > kDefaultDevicesPerCell)
        candidates.push_back(kDefaultDevicesPerCell); // split the large cells
    if (scenario.devicesPerCell < scenario.devices)
        candidates.push_back(scenario.devices); // one cell instead of many small ones
    for (const std::uint32_t perCell : candidates) {
        Scenario other = scenario;
        other.devicesPerCell = perCell;
        if (estimateResources(other, log, threads, ring).bytes <= static_cast<double>(*available)) {
            cellsAdvice = ", or set devices_per_cell to " + std::to_string(perCell) +
                          " (--devices-per-cell " + std::to_string(perCell) + " on the command line)";
            break;
        }
    }
    return "needs about " + formatBytes(e.bytes) + " of memory (" + withThousands(scenario.devices) +
           (scenario.devices == 1 ? " device" : " devices") + " for " + formatSeconds(scenario.durationS) +
           " s: about " + formatCount(e.events) + " events), this machine has " +
           formatBytes(static_cast<double>(*available)) + " available; " +
           (injectors ? "lower the inject attackers' rate (attacks[].rate, forgeries per second) or shorten "
                        "duration_s"
                      : "shorten duration_s, lower devices or send less often (traffic.uplink_interval_s)") +
           cellsAdvice;
}

void requireFitsInMemory(const Scenario& scenario, std::string_view prefix,
                         std::optional<std::uint64_t> available, EventLogIn log, unsigned threads,
                         PduRing ring)
{
    if (const auto why = memoryShortfall(scenario, available, log, threads, ring))
        throw InvalidInput(std::string(prefix) + *why);
}

} // namespace mtcsec::engine
