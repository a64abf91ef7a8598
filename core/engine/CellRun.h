// A headless run split into cells (core/engine/CellPlan.h) on several threads: each worker takes the next
// cell in order, runs its own Engine to the end and keeps only the cell's results (summary, and its events
// when asked for), so that memory holds about one cell's state per thread. The results are merged in cell
// order (core/engine/CellSummary.h): every count, verdict, digest and event is the same for any number of
// threads.
#pragma once

#include "core/engine/CellPlan.h"
#include "core/engine/EventLog.h"
#include "core/engine/RunSummary.h"

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

namespace mtcsec::engine {

class CaptureSink;
class Engine;

class CellRun {
public:
    // `threads`: the workers to use, at most one per cell. Throws InvalidInput "threads: must be at least 1"
    // for 0.
    CellRun(Scenario scenario, unsigned threads);
    ~CellRun();
    CellRun(const CellRun&) = delete;
    CellRun& operator=(const CellRun&) = delete;

    // Keeps every cell's events (32 octets each, in one temporary file per worker) for forEachEvent (the
    // CSV report). Off by default. Call before run().
    void setKeepEvents(bool on) { keepEvents_ = on; }
    // Keeps cell 0's engine once it has finished, with its own event log and its last 65536 PDUs
    // (Engine::setKeepPdus), for firstCell(): what an HTML or PDF report draws of one engine (the first
    // device's attach). Memory then holds that cell's state besides the cells running. Off by default; it
    // changes no result (Engine::setKeepPdus). Call before run().
    void setKeepFirstCell(bool on) { keepFirstCell_ = on; }

    // Each cell's packet captures (CaptureSink.h): `open(cell)` is called by the thread that runs the cell,
    // before it starts, and gives the sink of that cell's engine (nullptr: none), which gets the devices'
    // global numbers (the cell's first device added; PduRecord::id stays the cell's own: no capture file
    // holds it, a CSV row finds its frame by order, EventCsv.h); `finished(cell)` by the same thread once
    // the cell has ended, its engine detached from the sink (not for a cell stopped by an interruption or an
    // error). Each is called once per cell, for different cells at once on different threads; what they
    // throw stops the run as a cell's error. Unset by default. Call before run().
    void setCaptures(std::function<CaptureSink*(const Cell&)> open, std::function<void(const Cell&)> finished)
    {
        openCapture_ = std::move(open);
        finishedCapture_ = std::move(finished);
    }

    // Runs every cell to its end. `interrupted` (may be empty) is called by the calling thread about every
    // 20 ms while the workers run; once it returns true, every worker stops within a tenth of a
    // simulated second and run() returns false (the results are then incomplete). When the calling thread has
    // a crypto ledger (crypto::LedgerScope), every worker records into its own and they are added to it at
    // the end (the same totals for any number of threads). Throws what a cell's engine throws (InvalidInput;
    // the first failing cell's, by cell number), InvalidInput "event log: cannot write the temporary file:
    // why" when the events cannot be kept, std::system_error when no thread can be started. Called once.
    bool run(const std::function<bool()>& interrupted = {});

    [[nodiscard]] const Scenario& scenario() const { return scenario_; }
    [[nodiscard]] const std::vector<Cell>& cells() const { return plan_; }
    // The threads really used: min(threads, cells).
    [[nodiscard]] unsigned threads() const;
    // After run(): the whole run's summary (mergeCellSummaries) and its event count.
    [[nodiscard]] const RunSummary& summary() const { return summary_; }
    [[nodiscard]] std::uint64_t eventCount() const { return summary_.eventsTotal; }
    // After run() with setKeepEvents(true): calls `visit` with every event of every cell in chunks, merged by
    // (time, cell, order within the cell), each event's device number global (the cell's first device added)
    // and its PDU id made unique across cells (the PDU ids of the cells before added). Throws InvalidInput
    // "event log: cannot read the temporary file: why", or "events: not kept (CellRun::setKeepEvents)".
    void forEachEvent(const std::function<void(std::span<const LogEvent>)>& visit) const;
    // The same, with each event's cell: `cells[i]` is the cell number (Cell::index) of `events[i]`, both
    // spans of one size. Throws as forEachEvent.
    void forEachEventWithCell(const std::function<void(std::span<const LogEvent> events,
                                                       std::span<const std::uint32_t> cells)>& visit) const;
    // After run() with setKeepFirstCell(true): cell 0's finished engine (devices from 0; its PDU ids and
    // device numbers are the merged events' own); else nullptr.
    [[nodiscard]] const Engine* firstCell() const { return firstCell_.get(); }

private:
    struct CellResult;
    struct Worker;
    void runWorker(std::size_t index);
    void runCell(Worker& worker, const Cell& cell, CellResult& result);

    Scenario scenario_;
    std::vector<Cell> plan_;
    unsigned threads_ = 1;
    bool keepEvents_ = false;
    bool keepFirstCell_ = false;
    std::function<CaptureSink*(const Cell&)> openCapture_;
    std::function<void(const Cell&)> finishedCapture_;
    std::unique_ptr<Engine> firstCell_; // written by cell 0's worker, read after run() has joined it
    std::vector<CellResult> results_;
    std::vector<std::unique_ptr<Worker>> workers_;
    RunSummary summary_;
    // The workers' only shared state: the next cell to take, the stop request, how many have finished.
    std::atomic<std::uint32_t> next_{0};
    std::atomic<bool> stop_{false};
    std::mutex mutex_;
    std::condition_variable finishedOne_;
    unsigned finished_ = 0; // guarded by mutex_
};

} // namespace mtcsec::engine
