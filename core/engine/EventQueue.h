// The engine's schedule: a calendar queue (R. Brown, "Calendar queues", CACM 31(10), 1988) of 1.024 ms
// buckets over the next 67 s, with a binary heap for what lies further ahead. It pops in exactly the order of
// a heap over (time, order): the bucket being drained is kept sorted, every other bucket holds only later
// times. Pushing and popping cost O(1) on average instead of O(log n), and no 32-octet element moves log n
// times.
#pragma once

#include "core/engine/SimTime.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace mtcsec::engine {

enum class Action : std::uint8_t {
    Arrive,
    AttachStart,
    AttachTimeout,
    Uplink,
    Downlink,
    Inject,
    ReplayFire,
    Change
};

// One scheduled action: 24 octets. `key` is the order it was scheduled in (which breaks ties of time) above
// its action's 3 bits.
struct Scheduled {
    SimTime time = 0;
    std::uint64_t key = 0;
    std::uint32_t a = 0;
    std::uint32_t b = 0;

    static Scheduled make(SimTime time, std::uint64_t order, Action action, std::uint32_t a, std::uint32_t b)
    {
        return Scheduled{time, order << 3 | static_cast<std::uint64_t>(action), a, b};
    }
    [[nodiscard]] Action action() const { return static_cast<Action>(key & 7); }
};

// True when x comes after y (by time, then by the order they were scheduled in).
struct LaterFirst {
    bool operator()(const Scheduled& x, const Scheduled& y) const
    {
        return x.time != y.time ? x.time > y.time : x.key > y.key;
    }
};

class EventQueue {
public:
    EventQueue()
        : ring_(kBuckets)
    {}

    [[nodiscard]] bool empty() const { return size_ == 0; }
    [[nodiscard]] std::size_t size() const { return size_; }

    // Adds `s`; its time may be at or before that of the last popped action (it is then the next one).
    void push(const Scheduled& s)
    {
        ++size_;
        const std::int64_t bucket = bucketOf(s.time);
        if (bucket <= current_) {
            // Into the bucket being drained, kept sorted latest first (popped from the back).
            active_.insert(std::upper_bound(active_.begin(), active_.end(), s, LaterFirst{}), s);
        } else if (bucket < current_ + kBuckets) {
            ring_[slot(bucket)].push_back(s);
            ++inRing_;
        } else {
            far_.push_back(s);
            std::push_heap(far_.begin(), far_.end(), LaterFirst{});
        }
    }

    // The earliest action (by time, then order). Only when !empty().
    [[nodiscard]] const Scheduled& top()
    {
        refill();
        return active_.back();
    }

    // Removes the earliest action. Only when !empty().
    void pop()
    {
        refill();
        active_.pop_back();
        --size_;
    }

private:
    static constexpr int kBucketBits = 10; // 1.024 ms
    static constexpr std::int64_t kBuckets = std::int64_t{1} << 16;

    static std::int64_t bucketOf(SimTime t) { return t >> kBucketBits; }
    static std::size_t slot(std::int64_t bucket) { return static_cast<std::size_t>(bucket & (kBuckets - 1)); }

    // Makes the active bucket hold the earliest actions when it is empty.
    void refill()
    {
        while (active_.empty()) {
            if (inRing_ == 0) {
                // Nothing in the next 67 s: jump to the bucket of the earliest far action.
                current_ = bucketOf(far_.front().time) - 1;
            }
            ++current_;
            std::vector<Scheduled>& next = ring_[slot(current_)];
            inRing_ -= next.size();
            active_.swap(next);
            std::vector<Scheduled>().swap(next); // no slot keeps the capacity of a busy bucket
            // Far actions that now fall within the ring's span move into it (or into the active bucket).
            while (!far_.empty() && bucketOf(far_.front().time) < current_ + kBuckets) {
                std::pop_heap(far_.begin(), far_.end(), LaterFirst{});
                const Scheduled s = far_.back();
                far_.pop_back();
                if (bucketOf(s.time) <= current_) {
                    active_.push_back(s);
                } else {
                    ring_[slot(bucketOf(s.time))].push_back(s);
                    ++inRing_;
                }
            }
            std::sort(active_.begin(), active_.end(), LaterFirst{});
        }
    }

    std::vector<std::vector<Scheduled>> ring_;
    std::vector<Scheduled> active_; // the bucket being drained, latest first
    std::vector<Scheduled> far_;    // a min-heap (by LaterFirst) of actions beyond the ring's span
    std::int64_t current_ = -1;     // the bucket being drained (absolute, time >> kBucketBits)
    std::size_t inRing_ = 0;
    std::size_t size_ = 0;
};

} // namespace mtcsec::engine
