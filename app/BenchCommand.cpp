// `mtcsec bench`: the engine workloads and each algorithm alone, timed (POSIX clock_gettime, Linux
// /proc/self/status and /proc/self/clear_refs), with the crypto ledger of each replayed with keyed objects.
#include "app/BenchCommand.h"

#include "app/Console.h"
#include "app/RunOptions.h"
#include "app/SubcommandParser.h"
#include "core/InvalidInput.h"
#include "core/crypto/CryptoLedger.h"
#include "core/crypto/CryptoReplay.h"
#include "core/crypto/Eea1.h"
#include "core/crypto/Eea2.h"
#include "core/crypto/Eea3.h"
#include "core/crypto/Eia1.h"
#include "core/crypto/Eia2.h"
#include "core/crypto/Eia3.h"
#include "core/crypto/Milenage.h"
#include "core/crypto/Primitives.h"
#include "core/engine/CellPlan.h"
#include "core/engine/CellRun.h"
#include "core/engine/Engine.h"
#include "core/engine/ResourceEstimate.h"
#include "core/protocol/DtlsPsk.h"
#include "core/report/ReportJson.h"
#include "core/scenario/Presets.h"
#include "core/scenario/ScenarioLimits.h"
#include "mtcsec/Version.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <exception>
#include <fstream>
#include <functional>
#include <malloc.h>
#include <memory>
#include <string>
#include <sys/resource.h>
#include <unistd.h>
#include <utility>

#ifndef MTCSEC_BUILD_TYPE
#define MTCSEC_BUILD_TYPE ""
#endif

namespace mtcsec::app {
namespace {

using crypto::Algorithm;
using crypto::Primitive;

constexpr std::uint32_t kDefaultDevices = 10'000;
constexpr double kDefaultDurationS = 60.0;
constexpr std::uint64_t kSeed = 1;
constexpr std::uint32_t kAlgorithmIterations = 20'000;

// --- clocks and memory -------------------------------------------------------------------------------------

double clockSeconds(clockid_t clock)
{
    timespec t{};
    clock_gettime(clock, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

// A "Name:   123 kB" line of /proc/self/status in bytes, or 0 where there is none.
std::uint64_t procStatusBytes(const std::string& name)
{
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.starts_with(name + ":"))
            return std::stoull(line.substr(name.size() + 1)) * 1024;
    }
    return 0;
}

// Returns freed memory to the system and resets the peak resident set size to the current one (Linux 4.0
// /proc/PID/clear_refs "5"), so that each workload's VmHWM is its own.
void resetPeakRss()
{
    malloc_trim(0);
    std::ofstream clear("/proc/self/clear_refs");
    clear << "5";
}

std::string cpuModel()
{
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line)) {
        if (line.starts_with("model name")) {
            const auto colon = line.find(':');
            return colon == std::string::npos ? std::string() : line.substr(colon + 2);
        }
    }
    return {};
}

// Rounded for reading: seconds to the microsecond, rates and ratios to 3 decimals.
double micro(double seconds)
{
    return std::round(seconds * 1e6) / 1e6;
}
double milli(double value)
{
    return std::round(value * 1e3) / 1e3;
}
QJsonValue rate(double count, double seconds)
{
    return seconds > 0 ? QJsonValue(milli(count / seconds)) : QJsonValue();
}
QJsonValue count(std::uint64_t n)
{
    return QJsonValue(static_cast<double>(n));
}
QString q(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// --- the crypto side of a workload -------------------------------------------------------------------------

std::uint64_t protectedMessages(const crypto::CryptoLedger& l)
{
    return l.calls(Primitive::Aes128Ctr) + l.calls(Algorithm::Eia2) + l.calls(Primitive::Aes128Cmac) +
           l.calls(Primitive::Aes128GcmSeal) + l.calls(Primitive::Aes128GcmOpen);
}

QJsonObject cryptoDetail(const crypto::CryptoLedger& ledger, const crypto::ReplayCost& cost)
{
    QJsonObject algorithms;
    for (std::size_t i = 0; i < crypto::kAlgorithmCount; ++i) {
        const auto a = static_cast<Algorithm>(i);
        algorithms.insert(q(crypto::name(a)), count(ledger.calls(a)));
    }
    QJsonArray primitives;
    for (const crypto::PrimitiveCost& p : cost.primitives)
        primitives.append(QJsonObject{{QStringLiteral("name"), q(crypto::name(p.primitive))},
                                      {QStringLiteral("calls"), count(p.calls)},
                                      {QStringLiteral("octets"), count(p.octets)},
                                      {QStringLiteral("seconds"), micro(p.seconds)}});
    return {{QStringLiteral("digest_s"), micro(cost.digestSeconds)},
            {QStringLiteral("key_setups"), count(ledger.keySetups())},
            {QStringLiteral("unrecorded_calls"), count(ledger.unrecorded())},
            {QStringLiteral("algorithms"), algorithms},
            {QStringLiteral("primitives"), primitives}};
}

// --- the engine workloads ----------------------------------------------------------------------------------

struct Workload {
    const char* name;
    const char* description;
    Scenario scenario;
};

std::vector<Workload> engineWorkloads(std::uint32_t devices, std::uint32_t devicesPerCell, double durationS)
{
    Scenario base;
    base.seed = kSeed;
    base.devices = devices;
    base.devicesPerCell = devicesPerCell;
    base.durationS = durationS;
    base.protection = threeGppOn();

    Scenario attach = base;
    attach.name = "bench-attach";
    attach.traffic.uplinkIntervalS = kMaxScenarioSeconds; // the first reading would come after the run
    attach.traffic.downlinkIntervalS = 0.0;

    Scenario steady = base;
    steady.name = "bench-steady";
    steady.protection.app = appPreset("aead").value();

    Scenario defence = presetScenario("defence-in-depth").value();
    defence.devices = devices;
    defence.devicesPerCell = devicesPerCell;
    defence.durationS = durationS;
    defence.seed = kSeed;

    return {{"attach", "every device attaches (EPS-AKA, NAS and AS Security Mode Commands), no traffic",
             std::move(attach)},
            {"steady", "3GPP on and app aead, readings and commands, no attackers", std::move(steady)},
            {"defence-in-depth", "the preset: 3GPP on, app aead, eavesdrop, tamper and replay attackers",
             std::move(defence)}};
}

QJsonObject runWorkload(const Workload& w, unsigned threads)
{
    engine::requireFitsInMemory(w.scenario, {}, engine::availableMemory(), engine::EventLogIn::File, threads,
                                engine::PduRing::None);
    resetPeakRss();
    const std::uint64_t rssBefore = procStatusBytes("VmRSS");
    auto ledger = std::make_unique<crypto::CryptoLedger>();
    double wall = 0;
    double cpu = 0;
    double engineCpu = 0; // the simulating thread alone: the run's critical path
    std::uint64_t peak = 0;
    engine::RunSummary summary;
    unsigned used = 1;
    {
        const crypto::LedgerScope scope(*ledger);
        const double wall0 = clockSeconds(CLOCK_MONOTONIC);
        const double cpu0 = clockSeconds(CLOCK_PROCESS_CPUTIME_ID);
        const double thread0 = clockSeconds(CLOCK_THREAD_CPUTIME_ID);
        if (engine::cellCount(w.scenario) > 1) {
            // Several cells, as mtcsec run runs them: a cell per thread; every thread simulates, so the
            // engine's CPU is the process's. The workers' crypto ledgers are added to this thread's.
            engine::CellRun run(w.scenario, threads);
            used = run.threads();
            run.run();
            summary = run.summary();
            engineCpu = clockSeconds(CLOCK_PROCESS_CPUTIME_ID) - cpu0;
        } else {
            engine::Engine engine(w.scenario);
            engine.setThreads(threads);
            used = engine.threads();
            engine.setSpillEvents(
                true); // as mtcsec run does without a report: counts and digest, no PDU ring
            engine.setDiscardSpilledEvents(true);
            engine.setKeepPdus(false);
            engine.runToEnd();
            summary = engine.summary(); // waits for the event log's thread: its digest is part of the run
            engineCpu = clockSeconds(CLOCK_THREAD_CPUTIME_ID) - thread0;
        }
        wall = clockSeconds(CLOCK_MONOTONIC) - wall0;
        cpu = clockSeconds(CLOCK_PROCESS_CPUTIME_ID) - cpu0;
        peak = procStatusBytes("VmHWM");
    }
    resetPeakRss();
    const crypto::ReplayCost cost = crypto::replayLedger(*ledger);

    const double devices = w.scenario.devices;
    const std::uint64_t messages = protectedMessages(*ledger);
    const std::uint64_t grown = peak > rssBefore ? peak - rssBefore : 0;
    return {
        {QStringLiteral("name"), QString::fromLatin1(w.name)},
        {QStringLiteral("description"), QString::fromLatin1(w.description)},
        {QStringLiteral("devices"), count(w.scenario.devices)},
        {QStringLiteral("duration_s"), w.scenario.durationS},
        {QStringLiteral("digest"), QString::fromStdString(summary.digest)},
        {QStringLiteral("threads"), static_cast<double>(used)},
        {QStringLiteral("cells"), count(summary.cells)},
        {QStringLiteral("wall_s"), micro(wall)},
        {QStringLiteral("cpu_s"), micro(cpu)},
        {QStringLiteral("engine_thread_cpu_s"), micro(engineCpu)},
        {QStringLiteral("events"), count(summary.eventsTotal)},
        {QStringLiteral("events_per_s"), rate(static_cast<double>(summary.eventsTotal), wall)},
        {QStringLiteral("events_per_cpu_s"), rate(static_cast<double>(summary.eventsTotal), cpu)},
        {QStringLiteral("attaches"), count(summary.traffic.attachOk)},
        {QStringLiteral("attaches_per_s"), rate(static_cast<double>(summary.traffic.attachOk), wall)},
        {QStringLiteral("app_messages"), count(summary.traffic.uplinkSent + summary.traffic.downlinkSent)},
        {QStringLiteral("protected_messages"), count(messages)},
        {QStringLiteral("protected_messages_per_s"), rate(static_cast<double>(messages), wall)},
        {QStringLiteral("rss_before_bytes"), count(rssBefore)},
        {QStringLiteral("peak_rss_bytes"), count(peak)},
        {QStringLiteral("bytes_per_device"), std::round(static_cast<double>(grown) / devices)},
        {QStringLiteral("engine_state_bytes_per_device"), count(engine::Engine::bytesPerDevice())},
        {QStringLiteral("crypto_s"), micro(cost.seconds)},
        {QStringLiteral("engine_crypto_ratio"), rate(micro(cpu), micro(cost.seconds))},
        {QStringLiteral("engine_thread_crypto_ratio"), rate(micro(engineCpu), micro(cost.seconds))},
        {QStringLiteral("crypto"), cryptoDetail(*ledger, cost)},
    };
}

// --- each algorithm alone ----------------------------------------------------------------------------------

// One algorithm through the functions the engine calls, with one key throughout. `run` protects `message`
// (the i-th call) and returns an octet of the result. Issue 13 adds 128-EEA1/EIA1/EEA3/EIA3 here.
struct AlgorithmCase {
    const char* name;
    bool sized; // takes the message sizes below; else one fixed-size input (octets: its size)
    std::size_t fixedOctets;
    std::function<std::uint8_t(std::span<std::uint8_t> message, std::uint32_t i)> run;
};

constexpr std::array<std::size_t, 2> kMessageOctets = {64, 1500};

std::vector<AlgorithmCase> algorithmCases()
{
    static const Bytes key(16, 0x2b);
    static const Bytes longKey(32, 0x3c);
    static const Bytes opc(16, 0x4d);
    static const Bytes nonce(12, 0x5e);
    static const Bytes aad(8, 0x6f); // an ESP header's SPI and sequence number
    static const Bytes rand(16, 0x70);
    static const Bytes sqn(6, 0x01);
    static const Bytes amf(2, 0x80);
    const auto input = [](std::uint32_t i) {
        return crypto::AlgorithmInput{i, 3, crypto::Direction::Uplink};
    };
    return {
        {"128-EEA2", true, 0,
         [=](std::span<std::uint8_t> m, std::uint32_t i) {
             crypto::eea2InPlace(key, input(i), m);
             return m[0];
         }},
        {"128-EIA2", true, 0,
         [=](std::span<std::uint8_t> m, std::uint32_t i) {
             return crypto::eia2(key, input(i), m)[0];
         }},
        {"AES-128-GCM seal", true, 0,
         [](std::span<std::uint8_t> m, std::uint32_t) {
             return crypto::aes128GcmSeal(key, nonce, aad, m)[0];
         }},
        {"HMAC-SHA-256", true, 0,
         [](std::span<std::uint8_t> m, std::uint32_t) {
             return crypto::hmacSha256(longKey, m)[0];
         }},
        {"MILENAGE f1-f5", false, 16,
         [](std::span<std::uint8_t>, std::uint32_t) {
             return crypto::Milenage(key, opc).compute(rand, sqn, amf).f1[0];
         }},
        // Issue 13: SNOW 3G and ZUC next to AES.
        {"128-EEA1", true, 0,
         [=](std::span<std::uint8_t> m, std::uint32_t i) {
             crypto::eea1InPlace(key, input(i), m);
             return m[0];
         }},
        {"128-EIA1", true, 0,
         [=](std::span<std::uint8_t> m, std::uint32_t i) {
             return crypto::eia1(key, input(i), m)[0];
         }},
        {"128-EEA3", true, 0,
         [=](std::span<std::uint8_t> m, std::uint32_t i) {
             crypto::eea3InPlace(key, input(i), m);
             return m[0];
         }},
        {"128-EIA3", true, 0,
         [=](std::span<std::uint8_t> m, std::uint32_t i) {
             return crypto::eia3(key, input(i), m)[0];
         }},
    };
}

QJsonObject runAlgorithm(const AlgorithmCase& c, std::size_t octets)
{
    crypto::CryptoLedger ledger;
    Bytes message(octets, 0x42);
    volatile std::uint8_t sink = 0;
    double cpu = 0;
    {
        const crypto::LedgerScope scope(ledger);
        const double cpu0 = clockSeconds(CLOCK_THREAD_CPUTIME_ID);
        for (std::uint32_t i = 0; i < kAlgorithmIterations; ++i)
            sink = sink ^ c.run(message, i);
        cpu = clockSeconds(CLOCK_THREAD_CPUTIME_ID) - cpu0;
    }
    const crypto::ReplayCost cost = crypto::replayLedger(ledger);
    const double ops = kAlgorithmIterations;
    return {{QStringLiteral("algorithm"), QString::fromLatin1(c.name)},
            {QStringLiteral("octets"), count(octets)},
            {QStringLiteral("ops"), ops},
            {QStringLiteral("cpu_s"), micro(cpu)},
            {QStringLiteral("ops_per_s"), rate(ops, cpu)},
            {QStringLiteral("megabytes_per_s"), rate(ops * static_cast<double>(octets) / 1e6, cpu)},
            {QStringLiteral("crypto_s"), micro(cost.seconds)},
            {QStringLiteral("engine_crypto_ratio"), rate(micro(cpu), micro(cost.seconds))},
            {QStringLiteral("key_setups"), count(ledger.keySetups())}};
}

QJsonObject runAlgorithms()
{
    QJsonArray results;
    for (const AlgorithmCase& c : algorithmCases()) {
        if (!c.sized) {
            results.append(runAlgorithm(c, c.fixedOctets));
            continue;
        }
        for (const std::size_t octets : kMessageOctets)
            results.append(runAlgorithm(c, octets));
    }
    return {{QStringLiteral("iterations"), count(kAlgorithmIterations)},
            {QStringLiteral("results"), results}};
}

// --- the command -------------------------------------------------------------------------------------------

QJsonObject machine()
{
    const long cores = sysconf(_SC_NPROCESSORS_ONLN);
    return {{QStringLiteral("cores"), static_cast<double>(cores > 0 ? cores : 1)},
            {QStringLiteral("cpu_model"), QString::fromStdString(cpuModel())},
            {QStringLiteral("crypto_backend"), QString::fromStdString(crypto::backendVersion())}};
}

// End-to-end mode dtls: the octets of one DTLS 1.2 PSK handshake (UDP payloads, both directions) and what
// each CoAP message gains in its record, measured by running a handshake in memory.
QJsonObject dtlsOverhead()
{
    const protocol::DtlsHandshakeCost cost = protocol::measureDtlsHandshake();
    return {{QStringLiteral("cipher_suite"), QStringLiteral("TLS_PSK_WITH_AES_128_CCM_8")},
            {QStringLiteral("handshake_datagrams"), static_cast<double>(cost.datagrams)},
            {QStringLiteral("handshake_octets_client"), static_cast<double>(cost.clientOctets)},
            {QStringLiteral("handshake_octets_server"), static_cast<double>(cost.serverOctets)},
            {QStringLiteral("octets_per_message"),
             static_cast<double>(protocol::kDtlsRecordHeaderSize + protocol::kDtlsCcm8RecordExpansion)}};
}

} // namespace

int runBenchCommand(const QStringList& arguments)
{
    const QString command = QStringLiteral("mtcsec bench");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Times fixed workloads (attach only; steady traffic with every protection; defence-in-depth with\n"
        "attackers; each algorithm alone) and measures in the same run the raw cost of exactly the\n"
        "cryptography each performed, replayed with keyed objects. Prints JSON (mtcsec-bench/1) on stdout.\n"
        "Example: mtcsec bench --devices 1000 --duration 30 --threads 2"));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    const QCommandLineOption devices(
        QStringLiteral("devices"),
        QStringLiteral("MTC devices of each engine workload, 1 to 1000000 (default 10000)."),
        QStringLiteral("N"));
    const QCommandLineOption duration(
        QStringLiteral("duration"),
        QStringLiteral("Simulated seconds of each engine workload, above 0, at most 86400 (default 60)."),
        QStringLiteral("SECONDS"));
    const QCommandLineOption devicesPerCell = makeDevicesPerCellOption(DevicesPerCellFor::Bench);
    const QCommandLineOption threads = makeThreadsOption();
    for (const QCommandLineOption* o : {&help, &devices, &duration, &devicesPerCell, &threads})
        parser.addOption(*o);

    if (const auto done = parseSubcommand(parser, command, arguments, help, 0))
        return *done;
    try {
        for (const auto* o : {&devices, &duration}) {
            if (parser.values(*o).size() > 1)
                throw InvalidInput("--" + o->names().constFirst().toStdString() + " given more than once");
        }
        const auto n = parser.isSet(devices)
                           ? static_cast<std::uint32_t>(parseWholeNumberOption(
                                 "--devices", parser.value(devices).toStdString(), kMinDevices, kMaxDevices))
                           : kDefaultDevices;
        const double seconds = parser.isSet(duration)
                                   ? parseDurationOption("--duration", parser.value(duration).toStdString())
                                   : kDefaultDurationS;
        Scenario cellSize; // only its devicesPerCell: the default, or --devices-per-cell
        applyDevicesPerCellOption(cellSize, parser, devicesPerCell);
        const unsigned threadCount = threadsOption(parser, threads);
        const std::vector<Workload> workloads = engineWorkloads(n, cellSize.devicesPerCell, seconds);
        for (const Workload& w : workloads) // a run that cannot fit is refused before any is timed
            engine::requireFitsInMemory(w.scenario, {}, engine::availableMemory(), engine::EventLogIn::File,
                                        threadCount, engine::PduRing::None); // the bench keeps no PDU

        const double wall0 = clockSeconds(CLOCK_MONOTONIC);
        QJsonArray results;
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        // The peak of the process: each workload resets VmHWM (and with it ru_maxrss), so the largest of
        // theirs and of what came before.
        double peak = static_cast<double>(usage.ru_maxrss) * 1024.0;
        for (const Workload& w : workloads) {
            results.append(runWorkload(w, threadCount));
            peak = std::max(peak, results.last()[QStringLiteral("peak_rss_bytes")].toDouble());
        }
        const QJsonObject algorithms = runAlgorithms();
        getrusage(RUSAGE_SELF, &usage);
        peak = std::max(peak, static_cast<double>(usage.ru_maxrss) * 1024.0);

        const QJsonObject out{
            {QStringLiteral("schema"), QStringLiteral("mtcsec-bench/1")},
            {QStringLiteral("mtcsec_version"), QString::fromLatin1(kVersion)},
            {QStringLiteral("build_type"), QStringLiteral(MTCSEC_BUILD_TYPE)},
            {QStringLiteral("machine"), machine()},
            {QStringLiteral("options"),
             QJsonObject{{QStringLiteral("devices"), count(n)},
                         {QStringLiteral("duration_s"), seconds},
                         {QStringLiteral("devices_per_cell"), count(cellSize.devicesPerCell)},
                         {QStringLiteral("threads"), static_cast<double>(threadCount)},
                         {QStringLiteral("seed"), count(kSeed)}}},
            {QStringLiteral("workloads"), results},
            {QStringLiteral("algorithms"), algorithms},
            {QStringLiteral("e2e_overhead"), report::e2eOverheadJson()},
            {QStringLiteral("dtls_overhead"), dtlsOverhead()},
            {QStringLiteral("total_wall_s"), micro(clockSeconds(CLOCK_MONOTONIC) - wall0)},
            {QStringLiteral("process_peak_rss_bytes"), peak},
        };
        printOut(QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Indented)));
        return ExitOk;
    } catch (const InvalidInput& e) {
        printError(command + QStringLiteral(": ") + QString::fromUtf8(e.what()));
        return ExitBadInput;
    } catch (const std::exception& e) {
        printError(command + QStringLiteral(": internal error: ") + QString::fromUtf8(e.what()));
        return ExitInternal;
    }
}

} // namespace mtcsec::app
