// A run of several cells on worker threads (C++ std::thread), the cells' events kept in temporary files
// (POSIX tmpfile, pread) and merged in order.
#include "core/engine/CellRun.h"

#include "core/InvalidInput.h"
#include "core/crypto/CryptoLedger.h"
#include "core/engine/CaptureSink.h"
#include "core/engine/CellSummary.h"
#include "core/engine/Engine.h"

#include <queue>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <optional>
#include <thread>
#include <unistd.h>

namespace mtcsec::engine {
namespace {

std::string systemReason()
{
    return std::strerror(errno);
}

// Passes every call on to a cell's capture with the device numbers global (the cell's first device added), as
// in the merged events: a cell's engine numbers its devices from 0.
class GlobalDevices final : public CaptureSink {
public:
    GlobalDevices(CaptureSink& next, std::uint32_t first)
        : next_(next)
        , first_(first)
    {}
    void linkPdu(const PduRecord& pdu) override
    {
        if (pdu.device == kNoDevice) {
            next_.linkPdu(pdu);
            return;
        }
        PduRecord global = pdu;
        global.device += first_;
        next_.linkPdu(global);
    }
    void attackerCapture(const std::string& attackId, SimTime time, std::optional<Link> link,
                         std::optional<Node> node, ByteView bytes, bool nasPdu) override
    {
        next_.attackerCapture(attackId, time, link, node, bytes, nasPdu);
    }
    void attackerAction(const AttackerAction& action) override
    {
        AttackerAction global = action;
        global.device = device(action.device);
        next_.attackerAction(global);
    }
    void attemptDecided(const AttemptDecision& decision) override
    {
        AttemptDecision global = decision;
        global.device = device(decision.device);
        next_.attemptDecided(global);
    }
    void keysInForce(SimTime time, std::uint32_t d, const std::string& where,
                     const std::string& keys) override
    {
        next_.keysInForce(time, device(d), where, keys);
    }
    void deviceIdentity(std::uint32_t d, const DeviceIdentity& identity) override
    {
        next_.deviceIdentity(device(d), identity);
    }
    void uuSecurity(SimTime time, std::uint32_t d, bool downlink,
                    const protocol::AsSecurityContext& as) override
    {
        next_.uuSecurity(time, device(d), downlink, as);
    }
    void espSecurityAssociation(SimTime time, Link link, bool downlink, const protocol::EspSa& sa) override
    {
        next_.espSecurityAssociation(time, link, downlink, sa);
    }

private:
    [[nodiscard]] std::uint32_t device(std::uint32_t d) const { return d == kNoDevice ? d : d + first_; }
    CaptureSink& next_;
    std::uint32_t first_;
};

} // namespace

// What is left of a cell once its engine is gone.
struct CellRun::CellResult {
    RunSummary summary;
    std::size_t worker = 0;       // whose file holds its events
    std::uint64_t firstEvent = 0; // where they start in that file (in events)
    std::uint64_t events = 0;     // how many
    std::uint32_t pdus = 0;       // the highest PDU id among them
    std::exception_ptr error;     // what stopped it
    bool done = false;
};

struct CellRun::Worker {
    std::FILE* events = nullptr; // the kept events of the worker's cells, one after the other
    std::uint64_t written = 0;
    std::unique_ptr<crypto::CryptoLedger> ledger;
    ~Worker()
    {
        if (events != nullptr)
            std::fclose(events);
    }
};

CellRun::CellRun(Scenario scenario, unsigned threads)
    : scenario_(std::move(scenario))
    , plan_(cellsOf(scenario_))
    , threads_(threads)
{
    if (threads == 0)
        throw InvalidInput("threads: must be at least 1");
}

CellRun::~CellRun() = default;

unsigned CellRun::threads() const
{
    return static_cast<unsigned>(std::min<std::size_t>(threads_, plan_.size()));
}

void CellRun::runCell(Worker& worker, const Cell& cell, CellResult& result)
{
    const bool keep = keepFirstCell_ && cell.index == 0;
    auto owned = std::make_unique<Engine>(cellScenario(scenario_, cell), cell.first);
    Engine& engine = *owned;
    engine.setSpillEvents(true);
    // Without a CSV report (nor the first cell kept for a document), counts and digest only.
    engine.setDiscardSpilledEvents(worker.events == nullptr && !keep);
    engine.setKeepPdus(keep);
    CaptureSink* const capture = openCapture_ ? openCapture_(cell) : nullptr;
    std::optional<GlobalDevices> global;
    if (capture != nullptr)
        global.emplace(*capture, cell.first);
    engine.setCaptureSink(global ? &*global : nullptr);
    while (!engine.finished()) {
        engine.runUntil(engine.now() + kMicrosPerSecond / 10); // a stop request waits 0.1 simulated s
        if (stop_.load(std::memory_order_relaxed)) {
            engine.setCaptureSink(nullptr);
            return;
        }
    }
    engine.setCaptureSink(nullptr);
    if (capture != nullptr && finishedCapture_)
        finishedCapture_(cell);
    result.summary = engine.summary();
    if (worker.events != nullptr) {
        result.firstEvent = worker.written;
        engine.forEachEvent([&](std::span<const LogEvent> chunk) {
            if (std::fwrite(chunk.data(), sizeof(LogEvent), chunk.size(), worker.events) != chunk.size())
                throw InvalidInput("event log: cannot write the temporary file: " + systemReason());
            for (const LogEvent& e : chunk)
                result.pdus = std::max(result.pdus, e.pdu);
            result.events += chunk.size();
        });
        worker.written += result.events;
    }
    if (keep)
        firstCell_ = std::move(owned);
    result.done = true;
}

void CellRun::runWorker(std::size_t index)
{
    Worker& worker = *workers_[index];
    while (!stop_.load()) {
        const std::uint32_t i = next_.fetch_add(1);
        if (i >= plan_.size())
            break;
        results_[i].worker = index;
        // Each cell on a thread of its own, started afresh: the crypto facade's per-thread caches of keyed
        // objects (core/crypto/Primitives.cpp) start empty for every cell, so that what a cell records in
        // the ledger (key setups included) does not depend on the cells run before it on the same worker.
        std::exception_ptr error;
        try {
            std::thread cellThread([&] {
                try {
                    std::optional<crypto::LedgerScope> scope;
                    if (worker.ledger)
                        scope.emplace(*worker.ledger);
                    runCell(worker, plan_[i], results_[i]);
                } catch (...) {
                    error = std::current_exception();
                }
            });
            cellThread.join();
        } catch (...) {
            error = std::current_exception();
        }
        if (error) {
            results_[i].error = error;
            stop_.store(true);
        }
    }
    {
        const std::lock_guard lock(mutex_);
        ++finished_;
    }
    finishedOne_.notify_all();
}

bool CellRun::run(const std::function<bool()>& interrupted)
{
    results_.assign(plan_.size(), CellResult());
    crypto::CryptoLedger* const ledger = crypto::activeLedger();
    const unsigned n = threads();
    for (unsigned w = 0; w < n; ++w) {
        auto worker = std::make_unique<Worker>();
        if (ledger != nullptr)
            worker->ledger = std::make_unique<crypto::CryptoLedger>();
        if (keepEvents_) {
            worker->events = std::tmpfile();
            if (worker->events == nullptr)
                throw InvalidInput("event log: cannot create a temporary file: " + systemReason());
        }
        workers_.push_back(std::move(worker));
    }
    std::vector<std::thread> running;
    try {
        for (unsigned w = 0; w < n; ++w)
            running.emplace_back([this, w] { runWorker(w); });
    } catch (...) {
        stop_.store(true);
        for (std::thread& t : running)
            t.join();
        throw;
    }
    {
        std::unique_lock lock(mutex_);
        while (finished_ < n) {
            finishedOne_.wait_for(lock, std::chrono::milliseconds(20));
            if (interrupted && !stop_.load()) {
                lock.unlock();
                if (interrupted())
                    stop_.store(true);
                lock.lock();
            }
        }
    }
    for (std::thread& t : running)
        t.join();
    if (ledger != nullptr)
        for (const auto& w : workers_)
            ledger->merge(*w->ledger);
    for (const CellResult& r : results_)
        if (r.error)
            std::rethrow_exception(r.error);
    if (stop_.load())
        return false;
    std::vector<RunSummary> summaries;
    summaries.reserve(results_.size());
    for (CellResult& r : results_)
        summaries.push_back(std::move(r.summary));
    summary_ = mergeCellSummaries(scenario_, plan_, summaries);
    return true;
}

void CellRun::forEachEvent(const std::function<void(std::span<const LogEvent>)>& visit) const
{
    forEachEventWithCell(
        [&visit](std::span<const LogEvent> events, std::span<const std::uint32_t>) { visit(events); });
}

void CellRun::forEachEventWithCell(
    const std::function<void(std::span<const LogEvent>, std::span<const std::uint32_t>)>& visit) const
{
    if (!keepEvents_ || results_.size() != plan_.size())
        throw InvalidInput("events: not kept (CellRun::setKeepEvents)");
    for (const auto& w : workers_)
        if (std::fflush(w->events) != 0)
            throw InvalidInput("event log: cannot write the temporary file: " + systemReason());
    // One cursor per cell with a buffer of its next events; a heap picks the earliest (time, cell).
    struct Cursor {
        int fd = -1;
        std::uint64_t next = 0; // the next event to read from the file
        std::uint64_t end = 0;
        std::vector<LogEvent> buffer;
        std::size_t at = 0;
    };
    const std::size_t cells = plan_.size();
    const std::size_t perCursor = std::clamp<std::size_t>((std::size_t{1} << 20) / cells, 16, 4096);
    std::vector<Cursor> cursors(cells);
    std::vector<std::uint32_t> pduBase(cells, 0);
    std::uint64_t pdus = 0;
    const auto refill = [&](Cursor& c) {
        const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(perCursor, c.end - c.next));
        c.buffer.resize(n);
        c.at = 0;
        std::size_t got = 0;
        auto* out = reinterpret_cast<char*>(c.buffer.data());
        while (got < n * sizeof(LogEvent)) {
            const ssize_t r = ::pread(c.fd, out + got, n * sizeof(LogEvent) - got,
                                      static_cast<off_t>(c.next * sizeof(LogEvent) + got));
            if (r <= 0)
                throw InvalidInput("event log: cannot read the temporary file: " +
                                   (r == 0 ? std::string("it is shorter than written") : systemReason()));
            got += static_cast<std::size_t>(r);
        }
        c.next += n;
    };
    using Key = std::pair<SimTime, std::size_t>;
    std::priority_queue<Key, std::vector<Key>, std::greater<>> heap;
    for (std::size_t i = 0; i < cells; ++i) {
        const CellResult& r = results_[i];
        pduBase[i] = static_cast<std::uint32_t>(pdus);
        pdus += r.pdus;
        Cursor& c = cursors[i];
        c.fd = fileno(workers_[r.worker]->events);
        c.next = r.firstEvent;
        c.end = r.firstEvent + r.events;
        if (c.next < c.end) {
            refill(c);
            heap.emplace(c.buffer.front().time, i);
        }
    }
    std::vector<LogEvent> out;
    std::vector<std::uint32_t> outCells;
    out.reserve(4096);
    outCells.reserve(4096);
    while (!heap.empty()) {
        const std::size_t i = heap.top().second;
        heap.pop();
        Cursor& c = cursors[i];
        LogEvent e = c.buffer[c.at++];
        if (e.device != kNoDevice)
            e.device += plan_[i].first;
        if (e.pdu != 0)
            e.pdu += pduBase[i];
        out.push_back(e);
        outCells.push_back(plan_[i].index);
        if (out.size() == 4096) {
            visit(out, outCells);
            out.clear();
            outCells.clear();
        }
        if (c.at == c.buffer.size()) {
            if (c.next == c.end) {
                std::vector<LogEvent>().swap(c.buffer);
                continue;
            }
            refill(c);
        }
        heap.emplace(c.buffer[c.at].time, i);
    }
    if (!out.empty())
        visit(out, outCells);
}

} // namespace mtcsec::engine
