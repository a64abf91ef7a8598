// `mtcsec bench [--devices N] [--duration S] [--devices-per-cell N] [--threads N]` (PRODUCT.md sections 6 and
// 9): fixed workloads timed, with the raw cost of exactly the cryptography each one performed measured in the
// same run; JSON on stdout.
//
// The JSON (schema "mtcsec-bench/1"); times in seconds, memory in bytes, rates per wall-clock second unless
// the name says per CPU second:
//   schema, mtcsec_version, build_type
//   machine      {cores, cpu_model, crypto_backend}
//   options      {devices, duration_s, seed, devices_per_cell (--devices-per-cell, default 50000: a workload
//                of more devices is split into cells), threads (asked for: --threads, default every core)}
//   workloads[]  one per engine workload: "attach" (EPS-AKA and both Security Mode Commands, no traffic),
//                "steady" (3GPP on + app aead, readings and commands, no attackers), "defence-in-depth" (the
//                preset, with its attackers). Each:
//     name, description, devices, duration_s, digest (of the event log, as `mtcsec run` prints it)
//     cells                   the cells the run is split into (devices_per_cell: core/engine/CellPlan.h)
//     threads                 the threads really used: min(threads, cells) for several cells, else 1 or 2
//     wall_s, cpu_s           building and running the engine (CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID)
//     engine_thread_cpu_s     the simulating thread's own CPU (one cell; several: the process's, as every
//                             worker simulates)
//     engine_thread_crypto_ratio                engine_thread_cpu_s / crypto_s
//     events, events_per_s, events_per_cpu_s
//     attaches, attaches_per_s                  successful attaches
//     app_messages                              readings and commands sent by the application
//     protected_messages, protected_messages_per_s
//                             message protection calls: AES-CTR (128-EEA2 and application ciphering),
//                             128-EIA2, AES-CMAC and AES-GCM seal and open
//     rss_before_bytes, peak_rss_bytes          VmRSS before, VmHWM after (the peak reset before each run)
//     bytes_per_device        (peak_rss_bytes - rss_before_bytes) / devices
//     engine_state_bytes_per_device             the engine's own estimate (Engine::bytesPerDevice)
//     crypto_s                the ledger replayed with keyed objects: every primitive but the event digest
//     engine_crypto_ratio     cpu_s / crypto_s (CPU seconds grow when threads share a core's caches and
//                             memory bus, crypto_s does not: compare ratios at the same --threads)
//     crypto {digest_s, key_setups, unrecorded_calls, algorithms {"128-EEA2": calls, ...},
//             primitives [{name, calls, octets, seconds}]}
//   algorithms   the fourth workload, each algorithm alone through the same functions as the engine, with one
//                key for every call (so key_setups shows which keep keyed objects and which key per call):
//     {iterations, results [{algorithm, octets, ops, cpu_s, ops_per_s, megabytes_per_s, crypto_s,
//                            engine_crypto_ratio, key_setups}]}
//   e2e_overhead  {message, modes {none|integrity|aead|oscore|dtls: {per_message_octets,
//                 per_handshake_octets, what}}}: the octets each end-to-end mode adds to one reading
//   dtls_overhead {cipher_suite, handshake_datagrams, handshake_octets_client, handshake_octets_server,
//                  octets_per_message}: one DTLS 1.2 PSK handshake and record, measured on real bytes
//   total_wall_s, process_peak_rss_bytes     the largest peak of the run (each workload resets VmHWM through
//                                            /proc/self/clear_refs, so /usr/bin/time's maximum resident set
//                                            size of a bench run shows only the part after the last reset)
#pragma once

#include <QStringList>

namespace mtcsec::app {

// Takes the arguments from "bench" on and returns the exit code: 0, or 2 with one line on stderr for bad
// options, 1 on an internal failure.
[[nodiscard]] int runBenchCommand(const QStringList& arguments);

} // namespace mtcsec::app
