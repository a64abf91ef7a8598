// The numeric options of `mtcsec run` (PRODUCT.md section 6: --duration, --seed, --devices; --threads and
// --devices-per-cell also of bench): parsed with the bounds of the scenario format
// (core/scenario/ScenarioLimits.h) and one message form for every option.
#pragma once

#include "core/scenario/Scenario.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <cstdint>
#include <string_view>

namespace mtcsec::app {

// A whole number in decimal digits from `min` to `max`. Throws InvalidInput
// "--seed: must be a whole number from 0 to 18446744073709551615, got '-1'".
[[nodiscard]] std::uint64_t parseWholeNumberOption(std::string_view option, std::string_view text,
                                                   std::uint64_t min, std::uint64_t max);

// Seconds above 0 and at most a day (a decimal number, as "1.5" or "2e3"). Throws InvalidInput
// "--duration: must be a number of seconds above 0 and at most 86400, got 'soon'".
[[nodiscard]] double parseDurationOption(std::string_view option, std::string_view text);

// Puts --duration, --seed and --devices, where given, over `scenario`. Throws InvalidInput as above.
void applyNumberOptions(Scenario& scenario, const QCommandLineParser& parser,
                        const QCommandLineOption& duration, const QCommandLineOption& seed,
                        const QCommandLineOption& devices);

// What a --duration shorter than the scenario's ends before is left out of the run, as a scenario file may
// not hold it (ScenarioJson: changes[].at_s and attacks[].start_s below duration_s): the protection changes
// at or after the end and the attackers that would start at or after it. Returns the line that says what was
// left out, for example "Left out (the run ends at 3 s, --duration): attack a4 (start_s 5), protection change
// at 30 s\n"; empty when nothing was.
[[nodiscard]] QString leaveOutBeyondDuration(Scenario& scenario);

// --devices-per-cell N, where given, over `scenario.devicesPerCell` (devices, a whole number from
// kMinDevicesPerCell to kMaxDevicesPerCell: 1 to 1000000), as a scenario file's devices_per_cell would set
// it: a run of more devices is split into cells (core/engine/CellPlan.h). Throws InvalidInput
// "--devices-per-cell: must be a whole number from 1 to 1000000, got '0'" or "--devices-per-cell given more
// than once".
void applyDevicesPerCellOption(Scenario& scenario, const QCommandLineParser& parser,
                               const QCommandLineOption& devicesPerCell);
// The --devices-per-cell option's text in --help: run's overrides the scenario's devices_per_cell, bench's
// sets it for every workload (bench reads no scenario).
enum class DevicesPerCellFor { Run, Bench };
[[nodiscard]] QCommandLineOption makeDevicesPerCellOption(DevicesPerCellFor command);

// --threads, where given (a whole number from 1 to kMaxThreads), else every core of the machine
// (std::thread::hardware_concurrency, 1 when unknown). Throws InvalidInput "--threads: must be a whole number
// from 1 to 1024, got '0'" or "--threads given more than once".
inline constexpr unsigned kMaxThreads = 1024;
[[nodiscard]] unsigned threadsOption(const QCommandLineParser& parser, const QCommandLineOption& threads);
// The --threads option's text in --help, the same for run and bench.
[[nodiscard]] QCommandLineOption makeThreadsOption();

} // namespace mtcsec::app
