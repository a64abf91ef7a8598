// Event names, canonical lines and the digest of the event log.
#include "core/engine/EventLog.h"

#include "core/InvalidInput.h"
#include "core/crypto/CryptoLedger.h"
#include "core/crypto/Hex.h"
#include "core/crypto/SecurityAlgorithms.h"
#include "core/engine/RunSummary.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <unistd.h>

namespace mtcsec::engine {

std::string_view placeName(std::uint8_t place)
{
    if (place < kLinkCount)
        return name(static_cast<Link>(place));
    if (place >= 16 && place < 16 + kNodeCount)
        return name(static_cast<Node>(place - 16));
    return "-";
}

std::string_view name(EventKind kind)
{
    static constexpr std::array<std::string_view, kEventKindCount> names = {"protection-changed",
                                                                            "attack-added",
                                                                            "attack-removed",
                                                                            "attach-started",
                                                                            "attach-completed",
                                                                            "attach-failed",
                                                                            "nas-smc",
                                                                            "as-smc",
                                                                            "detached",
                                                                            "pdu-sent",
                                                                            "pdu-dropped",
                                                                            "uplink-sent",
                                                                            "uplink-delivered",
                                                                            "downlink-sent",
                                                                            "downlink-delivered",
                                                                            "eavesdrop",
                                                                            "tamper",
                                                                            "replay",
                                                                            "inject",
                                                                            "downgrade",
                                                                            "insider",
                                                                            "attack-blocked",
                                                                            "attack-succeeded",
                                                                            "attack-no-effect",
                                                                            "message-lost",
                                                                            "security-mode-refused",
                                                                            "no-common-algorithm"};
    return names.at(static_cast<std::size_t>(kind));
}

std::string_view name(DropReason reason)
{
    static constexpr std::array<std::string_view, 8> names = {
        "integrity", "replay", "malformed", "policy", "duplicate", "no-context", "mismatch", "no-effect"};
    return names.at(static_cast<std::size_t>(reason));
}

std::string_view name(Delivery delivery)
{
    static constexpr std::array<std::string_view, 4> names = {"intact", "altered", "replayed", "forged"};
    return names.at(static_cast<std::size_t>(delivery));
}

std::string_view name(Reading reading)
{
    static constexpr std::array<std::string_view, 3> names = {"nothing-secret", "ciphertext", "secret"};
    return names.at(static_cast<std::size_t>(reading));
}

std::string_view describe(NoEffectReason reason)
{
    static constexpr std::array<std::string_view, kNoEffectReasons> texts = {
        "nothing secret in the PDU",
        "accepted, but what the receiver acted on was unchanged",
        "the attach ended before the Security Mode Command",
        "still in flight when the run ended",
        "discarded because another attacker had disturbed the receiver's counters",
        "a copy of a message the receiver never had: a late delivery, not a duplicate",
        "a PDU protected before the protection change: no evidence about the protection since"};
    return texts.at(static_cast<std::size_t>(reason));
}

std::string_view describe(AlgorithmUse use)
{
    static constexpr std::array<std::string_view, kAlgorithmUses> texts = {
        "NAS integrity", "NAS ciphering", "RRC integrity", "RRC ciphering", "user-plane ciphering"};
    return texts.at(static_cast<std::size_t>(use));
}

std::string describeEvent(const LogEvent& e)
{
    std::string text(name(e.kind));
    switch (e.kind) {
    case EventKind::PduSent:
        text += e.detail ? " downlink, " : " uplink, ";
        text += std::to_string(e.value) + " octets";
        break;
    case EventKind::PduDropped:
        text += ": " + std::string(name(static_cast<DropReason>(e.detail)));
        break;
    case EventKind::UplinkDelivered:
    case EventKind::DownlinkDelivered:
        text += ": " + std::string(name(static_cast<Delivery>(e.detail)));
        break;
    case EventKind::AttackEavesdrop:
    case EventKind::AttackInsider:
        text += ": " + std::string(name(static_cast<Reading>(e.detail)));
        break;
    case EventKind::AttackBlocked:
        text += ": " + std::string(name(static_cast<DropReason>(e.detail)));
        break;
    case EventKind::AttackNoEffect:
        if (e.detail < kNoEffectReasons)
            text += ": " + std::string(describe(static_cast<NoEffectReason>(e.detail)));
        break;
    case EventKind::MessageLost:
        text += e.detail ? ": command " : ": reading ";
        text += std::to_string(e.value) + ", a genuine message lost to the attacker's disturbance";
        break;
    case EventKind::NasSecurityModeCommand:
        text += ": " + std::string(crypto::name(static_cast<crypto::CipheringAlgorithm>(e.value >> 4 & 7))) +
                "+" + std::string(crypto::name(static_cast<crypto::IntegrityAlgorithm>(e.value & 7)));
        break;
    case EventKind::AttachFailed:
        text += e.value == 0 ? ": timeout" : ": EMM cause " + std::to_string(e.value);
        break;
    case EventKind::SecurityModeRefused:
        text +=
            static_cast<SecurityLayer>(e.detail) == SecurityLayer::Nas
                ? ": the NAS Security Mode Command selects null integrity (EIA0); SECURITY MODE REJECT, EMM "
                  "cause #" +
                      std::to_string(e.value) +
                      " (TS 24.301 5.4.3.3, 5.4.3.5; EIA0 only for emergency calls, TS 33.401 5.1.4.1)"
                : std::string(": the RRC SecurityModeCommand selects null integrity (EIA0); "
                              "SecurityModeFailure (TS 36.331 5.3.4.3; EIA0 only for emergency calls, "
                              "TS 33.401 5.1.4.1)");
        break;
    case EventKind::NoCommonAlgorithm:
        if (e.detail < kAlgorithmUses)
            text += ": no " + std::string(describe(static_cast<AlgorithmUse>(e.detail))) +
                    " algorithm of the operator's list in the UE security capabilities (TS 33.401 " +
                    (e.detail <= 1 ? "7.2.4.2" : "7.2.4.3") + ")";
        text += e.value != 0
                    ? "; ATTACH REJECT, EMM cause #" + std::to_string(e.value) + " (TS 24.301 5.5.1.2.5)"
                : e.detail <= 1 ? std::string("; the security context in use is kept")
                                : std::string("; the eNB sets up no context (TS 36.413 8.3.1.3)");
        break;
    default:
        break;
    }
    return text;
}

namespace {

// Writes the decimal digits of `v` at `p` (room for 20); returns the end.
char* putNumber(char* p, std::uint64_t v)
{
    return std::to_chars(p, p + 20, v).ptr; // 20 characters hold every 64-bit number
}

char* putText(char* p, std::string_view text)
{
    std::memcpy(p, text.data(), text.size());
    return p + text.size();
}

// The most a canonical line takes besides its attack id: the time (sign, 20 digits, point, 6 digits), the
// names (at most 21 and 7 characters), the device (10 digits), detail (3) and value (10), 6 separators and
// the newline; rounded up.
constexpr std::size_t kMaxLineWithoutId = 128;

// Writes the canonical line of `e` up to and including the separator before its attack id at `p` (at most
// kMaxLineWithoutId - 16 characters); returns the end.
char* putLineHead(char* p, const LogEvent& e)
{
    const bool negative = e.time < 0;
    const auto magnitude =
        negative ? std::uint64_t{0} - static_cast<std::uint64_t>(e.time) : static_cast<std::uint64_t>(e.time);
    const auto micros = static_cast<std::uint64_t>(kMicrosPerSecond);
    if (negative)
        *p++ = '-';
    p = putNumber(p, magnitude / micros);
    *p++ = '.';
    std::uint64_t f = magnitude % micros;
    for (std::size_t i = 6; i-- > 0; f /= 10)
        p[i] = static_cast<char>('0' + f % 10);
    p += 6;
    *p++ = '|';
    p = putText(p, name(e.kind));
    *p++ = '|';
    p = putText(p, placeName(e.place));
    *p++ = '|';
    if (e.device == kNoDevice)
        *p++ = '-';
    else
        p = putNumber(p, e.device);
    *p++ = '|';
    return p;
}

// Writes the rest of the canonical line after its attack id, with the newline, at `p` (at most 16
// characters); returns the end.
char* putLineTail(char* p, const LogEvent& e)
{
    *p++ = '|';
    p = putNumber(p, e.detail);
    *p++ = '|';
    p = putNumber(p, e.value);
    *p++ = '\n';
    return p;
}

constexpr std::size_t kHashBatch = 16 * 1024; // octets of canonical lines hashed at once

std::string systemReason()
{
    return std::strerror(errno);
}

} // namespace

// The second thread of a pipelined log and its queue. Jobs are done in the order they were queued: a block
// of appended records to format and hash, or a window of records to write to the temporary file.
struct EventLog::Pipeline {
    static constexpr std::size_t kBlock = 4096; // records per hashing job
    static constexpr std::size_t kMaxQueued = 8;

    struct Job {
        std::vector<LogEvent> events;
        std::vector<const std::string*> ids; // per event: its attack id, nullptr for none (hashing jobs)
        bool write = false;                  // a window for the file (already hashed when appended)
    };

    explicit Pipeline(const EventLog& owner)
        : log(owner)
    {
        block.events.reserve(kBlock);
        block.ids.reserve(kBlock);
        // The digest's SHA-256 calls go to a ledger of the thread's own when the creating thread records
        // (mtcsec bench), merged into the appending thread's at each drain.
        if (crypto::activeLedger() != nullptr)
            ledger = std::make_unique<crypto::CryptoLedger>();
        thread = std::thread([this] {
            std::optional<crypto::LedgerScope> scope;
            if (ledger != nullptr)
                scope.emplace(*ledger);
            work();
        });
    }
    ~Pipeline()
    {
        {
            const std::lock_guard lock(mutex);
            stop = true;
        }
        wake.notify_one();
        thread.join();
    }
    Pipeline(const Pipeline&) = delete;
    Pipeline& operator=(const Pipeline&) = delete;

    // The appending side: one record into the current block, queued when full.
    void add(const LogEvent& event, const std::string* id)
    {
        block.events.push_back(event);
        block.ids.push_back(id);
        if (block.events.size() == kBlock)
            flushBlock();
    }
    void flushBlock()
    {
        if (block.events.empty())
            return;
        Job next = spare(false);
        std::swap(next, block);
        submit(std::move(next));
    }
    // Hands `window` to the file and gives back an empty vector with the capacity of an earlier window.
    void writeWindow(std::vector<LogEvent>& window)
    {
        flushBlock(); // hashing keeps its order; the file only has to follow the windows' order
        Job job = spare(true);
        job.write = true;
        std::swap(job.events, window);
        submit(std::move(job));
    }
    // Waits until everything queued is done; throws what the thread failed with.
    void drain()
    {
        flushBlock();
        std::unique_lock lock(mutex);
        idle.wait(lock, [this] { return queue.empty() && !busy; });
        if (ledger != nullptr && crypto::activeLedger() != nullptr) {
            crypto::activeLedger()->merge(*ledger);
            ledger->clear();
        }
        throwIfFailed();
    }

private:
    Job spare(bool write)
    {
        const std::lock_guard lock(mutex);
        auto& pool = write ? spareWindows : spareBlocks;
        if (pool.empty()) {
            Job job;
            if (!write) {
                job.events.reserve(kBlock);
                job.ids.reserve(kBlock);
            }
            return job;
        }
        Job job = std::move(pool.back());
        pool.pop_back();
        return job;
    }
    void submit(Job&& job)
    {
        {
            std::unique_lock lock(mutex);
            idle.wait(lock, [this] { return queue.size() < kMaxQueued || !failure.empty(); });
            throwIfFailed();
            queue.push_back(std::move(job));
        }
        wake.notify_one();
    }
    void throwIfFailed() // with the mutex held
    {
        if (!failure.empty())
            throw InvalidInput(failure);
    }
    void work()
    {
        for (;;) {
            Job job;
            {
                std::unique_lock lock(mutex);
                wake.wait(lock, [this] { return stop || !queue.empty(); });
                if (queue.empty())
                    return; // stopped, nothing left
                job = std::move(queue.front());
                queue.pop_front();
                busy = true;
            }
            std::string failed;
            try {
                if (job.write)
                    log.writeToFile(job.events);
                else
                    log.hashEvents(job.events, job.ids);
            } catch (const std::exception& e) {
                failed = e.what();
            }
            job.events.clear();
            job.ids.clear();
            {
                const std::lock_guard lock(mutex);
                if (failure.empty())
                    failure = failed;
                (job.write ? spareWindows : spareBlocks).push_back(std::move(job));
                busy = false;
            }
            idle.notify_all();
        }
    }

    const EventLog& log;
    std::unique_ptr<crypto::CryptoLedger> ledger; // the thread's, or nullptr when nothing records
    Job block;                                    // being filled by the appending thread (not shared)
    std::mutex mutex;
    std::condition_variable wake; // the thread: a job or stop
    std::condition_variable idle; // the appending side: room in the queue, or all done
    std::deque<Job> queue;
    std::vector<Job> spareBlocks;
    std::vector<Job> spareWindows;
    bool busy = false;
    bool stop = false;
    std::string failure; // the first error of the thread, thrown at the next submit or drain
    std::thread thread;
};

EventLog::EventLog() = default;

EventLog::~EventLog()
{
    pipeline_.reset(); // the thread finishes what is queued first
    if (file_ != nullptr)
        std::fclose(file_);
}

std::string EventLog::canonicalLine(const LogEvent& e, std::string_view attackId)
{
    std::array<char, kMaxLineWithoutId> head{};
    std::array<char, kMaxLineWithoutId> tail{};
    std::string line(head.data(), putLineHead(head.data(), e));
    line += attackId.empty() ? std::string_view("-") : attackId;
    line.append(tail.data(), putLineTail(tail.data(), e) - 1); // without the newline
    return line;
}

void EventLog::appendLine(const LogEvent& e, std::string_view attackId) const
{
    if (pending_.empty())
        pending_.resize(kHashBatch + 2 * kMaxLineWithoutId);
    if (attackId.empty())
        attackId = "-";
    char* p = pending_.data() + pendingSize_;
    if (attackId.size() <= kMaxLineWithoutId) {
        // The whole line (at most 2 * kMaxLineWithoutId) fits after less than kHashBatch octets.
        p = putLineHead(p, e);
        p = putText(p, attackId);
        p = putLineTail(p, e);
        pendingSize_ = static_cast<std::size_t>(p - pending_.data());
    } else {
        // A long attack id: the head, the id directly, the tail (the same stream of octets).
        pendingSize_ = static_cast<std::size_t>(putLineHead(p, e) - pending_.data());
        hashPending();
        digest_.update(attackId);
        pendingSize_ = static_cast<std::size_t>(putLineTail(pending_.data(), e) - pending_.data());
    }
    if (pendingSize_ >= kHashBatch)
        hashPending();
}

const std::string* EventLog::internedId(std::string_view attackId)
{
    if (lastId_ != nullptr && *lastId_ == attackId)
        return lastId_; // attackers' events come in runs
    auto found = ids_.find(attackId);
    if (found == ids_.end())
        found = ids_.emplace(attackId).first;
    lastId_ = &*found; // a set's elements never move
    return lastId_;
}

void EventLog::append(const LogEvent& event, std::string_view attackId)
{
    events_.push_back(event);
    if (pipeline_ != nullptr) {
        pipeline_->add(event, attackId.empty() ? nullptr : internedId(attackId));
        return;
    }
    appendLine(event, attackId);
}

void EventLog::hashEvents(std::span<const LogEvent> events, std::span<const std::string* const> ids) const
{
    for (std::size_t i = 0; i < events.size(); ++i) {
        appendLine(events[i], ids[i] == nullptr ? std::string_view() : *ids[i]);
    }
}

void EventLog::hashPending() const
{
    digest_.update(std::string_view(pending_.data(), pendingSize_));
    pendingSize_ = 0;
}

void EventLog::drain() const
{
    if (pipeline_ != nullptr)
        pipeline_->drain();
}

void EventLog::setPipelined(bool on)
{
    if (on && pipeline_ == nullptr) {
        pipeline_ = std::make_unique<Pipeline>(*this);
    } else if (!on && pipeline_ != nullptr) {
        drain();
        pipeline_.reset();
    }
}

void EventLog::setSpill(bool on)
{
    drain();
    if (on && file_ == nullptr) {
        file_ = std::tmpfile();
        if (file_ == nullptr)
            throw InvalidInput("event log: cannot create a temporary file: " + systemReason());
    } else if (!on && file_ != nullptr) {
        // Everything back in memory, in order.
        std::vector<LogEvent> all;
        all.reserve(static_cast<std::size_t>(size()));
        forEach(
            [&all](std::span<const LogEvent> chunk) { all.insert(all.end(), chunk.begin(), chunk.end()); });
        std::fclose(file_);
        file_ = nullptr;
        spilled_ = 0;
        events_ = std::move(all);
    }
}

void EventLog::setDiscard(bool on)
{
    drain();
    if (on && file_ != nullptr) {
        std::fclose(file_);
        file_ = nullptr;
    }
    discard_ = on;
}

void EventLog::writeToFile(std::span<const LogEvent> events) const
{
    if (std::fwrite(events.data(), sizeof(LogEvent), events.size(), file_) != events.size())
        throw InvalidInput("event log: cannot write the temporary file: " + systemReason());
}

void EventLog::spill()
{
    if (!spilling() || events_.empty())
        return;
    const std::size_t n = events_.size();
    if (discard_) {
        // Their canonical lines went to the digest (or the pipeline's blocks) at append: nothing else wants
        // them.
        events_.clear();
        spilled_ += n;
        return;
    }
    if (pipeline_ != nullptr) {
        pipeline_->writeWindow(events_); // events_ comes back empty
        events_.reserve(n);
    } else {
        writeToFile(events_);
        events_.clear();
    }
    spilled_ += n;
}

void EventLog::forEach(const std::function<void(std::span<const LogEvent>)>& visit) const
{
    drain();
    if (discard_ && spilled_ > 0)
        throw InvalidInput("event log: not kept (the run keeps only its counts and digest)");
    if (file_ != nullptr && spilled_ > 0) {
        if (std::fflush(file_) != 0)
            throw InvalidInput("event log: cannot write the temporary file: " + systemReason());
        const int fd = fileno(file_);
        std::vector<LogEvent> chunk(std::size_t{1} << 16);
        std::uint64_t done = 0;
        while (done < spilled_) {
            const std::size_t want =
                static_cast<std::size_t>(std::min<std::uint64_t>(chunk.size(), spilled_ - done));
            const auto got = ::pread(fd, chunk.data(), want * sizeof(LogEvent),
                                     static_cast<off_t>(done * sizeof(LogEvent)));
            if (got <= 0 || static_cast<std::size_t>(got) % sizeof(LogEvent) != 0)
                throw InvalidInput("event log: cannot read the temporary file: " +
                                   (got < 0 ? systemReason() : std::string("short read")));
            const std::size_t n = static_cast<std::size_t>(got) / sizeof(LogEvent);
            visit(std::span<const LogEvent>(chunk.data(), n));
            done += n;
        }
    }
    if (!events_.empty())
        visit(events_);
}

std::string EventLog::digestHex() const
{
    drain();
    hashPending();
    return toHex(digest_.peek());
}

void EventLog::clear()
{
    drain();
    events_.clear();
    pendingSize_ = 0;
    digest_.reset();
    if (file_ != nullptr) {
        std::fclose(file_);
        file_ = std::tmpfile();
        if (file_ == nullptr)
            throw InvalidInput("event log: cannot create a temporary file: " + systemReason());
    }
    spilled_ = 0;
}

} // namespace mtcsec::engine
