// What a run of a scenario will cost before it starts: application messages, event-log entries and peak
// memory, from the engine's own per-device and per-event sizes; and the memory this machine has available
// (Linux /proc/meminfo MemAvailable, within the cgroup v2 limit if any). A run that cannot fit is refused
// up front, with the estimate, instead of growing until the machine swaps or kills it.
#pragma once

#include "core/scenario/Scenario.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mtcsec::engine {

struct ResourceEstimate {
    double messages = 0; // application messages sent (readings, commands, forgeries)
    double events = 0;   // entries in the event log
    double bytes = 0;    // peak memory of the run, in bytes
};

// Where a run keeps its event log: in memory (the GUI, HTML and PDF reports), or spilled to a temporary file
// as it goes, with a window of 65536 events in memory (Engine::setSpillEvents: headless runs).
enum class EventLogIn : std::uint8_t { Memory, File };

// Whether a run keeps the inspector's ring of its last 65536 PDUs (Engine::setKeepPdus, about 28 MB, made at
// the first PDU): Kept in the GUI (the engine's default) and in a headless run writing an HTML or PDF report
// (its chart of the first attach); a run of several cells then keeps cell 0's engine, with its ring, until
// the end (CellRun::setKeepFirstCell). None in any other headless run and in the bench.
enum class PduRing : std::uint8_t { None, Kept };

// The memory of the inspector's ring of PDUs (PduRing::Kept), in bytes. Never throws.
[[nodiscard]] double pduRingBytes();

// An estimate (within a factor of about 2 for the presets) of the whole run of `scenario`, as the engine is
// built: Engine::bytesPerDevice() per device, sizeof(LogEvent) per event with the event log's growth, one
// record per application message, the ring of recent PDUs where `ring` says it is kept (pduRingBytes()), and
// the process itself. A scenario of several cells (core/engine/CellPlan.h) runs as CellRun does, its event
// logs in files whatever `log` says: messages and events of every cell (each cell runs every attacker, so an
// injector's forgeries count once per cell), the memory of min(threads, cells) cells at a time plus every
// finished cell's summary, and with PduRing::Kept cell 0's engine kept besides them with its ring (one ring,
// not one per cell); `threads` 0 means one per core. Never throws.
[[nodiscard]] ResourceEstimate estimateResources(const Scenario& scenario,
                                                 EventLogIn log = EventLogIn::Memory, unsigned threads = 0,
                                                 PduRing ring = PduRing::Kept);

// Bytes of memory available to this process now: MemAvailable, lowered to what the cgroup (v2) allows if it
// sets a limit; sysconf's available physical pages where /proc is missing. Empty if nothing says.
[[nodiscard]] std::optional<std::uint64_t> availableMemory();

// "1.2 TB", "23 GB", "640 MB" (powers of 1000, two significant digits below 10).
[[nodiscard]] std::string formatBytes(double bytes);

// Empty if the run fits in `available` bytes (or `available` is unknown); else the reason, e.g. "needs about
// 3.3 TB of memory (1,000,000 devices for 86400 s: about 69 billion events), this machine has 23 GB
// available; shorten duration_s, lower devices or send less often (traffic.uplink_interval_s)".
// `threads` and `ring` as estimateResources.
[[nodiscard]] std::optional<std::string> memoryShortfall(const Scenario& scenario,
                                                         std::optional<std::uint64_t> available,
                                                         EventLogIn log = EventLogIn::Memory,
                                                         unsigned threads = 0, PduRing ring = PduRing::Kept);

// Throws InvalidInput(prefix + memoryShortfall(...)) if the run does not fit in the memory available.
void requireFitsInMemory(const Scenario& scenario, std::string_view prefix = {},
                         std::optional<std::uint64_t> available = availableMemory(),
                         EventLogIn log = EventLogIn::Memory, unsigned threads = 0,
                         PduRing ring = PduRing::Kept);

} // namespace mtcsec::engine
