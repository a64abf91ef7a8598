// `mtcsec run`, `mtcsec presets`, `mtcsec validate` (PRODUCT.md section 6): headless simulation runs.
#pragma once

#include <QStringList>

namespace mtcsec::app {

// Each takes the arguments from the command word on ("run", ...) and returns the exit code: 0, 2 with one
// line on stderr for bad input, 1 on an internal failure (run: 128 + the signal when interrupted). run
// [--preset NAME | --scenario FILE] [--duration S] [--seed N] [--devices N] [--devices-per-cell N]
//     [--report FILE]... [--pcap DIR] [--threads N] [--quiet]: --duration, --seed, --devices and
//     --devices-per-cell override the scenario's duration_s, seed, devices and devices_per_cell
//     (app/RunOptions.h).
[[nodiscard]] int runRunCommand(const QStringList& arguments);
[[nodiscard]] int runPresetsCommand(const QStringList& arguments);
[[nodiscard]] int runValidateCommand(const QStringList& arguments);

} // namespace mtcsec::app
