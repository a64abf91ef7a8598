// The engine's schedule: a calendar queue (R. Brown, "Calendar queues", CACM 31(10), 1988) of 1.024 ms
// buckets over the next 67 s (fewer for a small engine: bucketsFor), with a binary heap for what lies further
// ahead. It pops in exactly the order of
// a heap over (time, order): the bucket being drained is kept sorted, every other bucket holds only later
// times. Pushing and popping cost O(1) on average instead of O(log n), and no 32-octet element moves log n
// times.
#pragma once

#include "core/engine/SimTime.h"

#include <algorithm>
#include <bit>
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
    // A ring of `buckets` buckets (a power of two from kMinBuckets to kMaxBuckets; others are rounded up to
    // one and clamped). The order of the actions popped never depends on it, only the cost.
    explicit EventQueue(std::size_t buckets = kMaxBuckets)
        : buckets_(static_cast<std::int64_t>(std::bit_ceil(std::clamp(buckets, kMinBuckets, kMaxBuckets))))
        , ring_(static_cast<std::size_t>(buckets_))
    {}

    // The ring for an engine of `devices` devices: 16 buckets per device, so that a small engine (a cell of a
    // few devices) neither allocates nor scans a ring made for many: 1,024 buckets (1 s) up to 64 devices,
    // 65,536 (67 s) from 4,096 devices on.
    [[nodiscard]] static std::size_t bucketsFor(std::uint64_t devices)
    {
        const auto wanted = static_cast<std::size_t>(std::min<std::uint64_t>(devices, kMaxBuckets) * 16);
        return std::bit_ceil(std::clamp(wanted, kMinBuckets, kMaxBuckets));
    }

    static constexpr std::size_t kMinBuckets = std::size_t{1} << 10;
    static constexpr std::size_t kMaxBuckets = std::size_t{1} << 16;

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
        } else if (bucket < current_ + buckets_) {
            pushToRing(bucket, s);
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

    static std::int64_t bucketOf(SimTime t) { return t >> kBucketBits; }
    std::size_t slot(std::int64_t bucket) const { return static_cast<std::size_t>(bucket & (buckets_ - 1)); }

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
            // The drained bucket's buffer goes to the spares (a few are kept: no slot of the ring keeps the
            // capacity of a busy bucket, yet a bucket filling up takes a warm buffer instead of growing one).
            giveSpare(next);
            // Far actions that now fall within the ring's span move into it (or into the active bucket).
            while (!far_.empty() && bucketOf(far_.front().time) < current_ + buckets_) {
                std::pop_heap(far_.begin(), far_.end(), LaterFirst{});
                const Scheduled s = far_.back();
                far_.pop_back();
                if (bucketOf(s.time) <= current_) {
                    active_.push_back(s);
                } else {
                    pushToRing(bucketOf(s.time), s);
                }
            }
            std::sort(active_.begin(), active_.end(), LaterFirst{});
        }
    }

    void pushToRing(std::int64_t bucket, const Scheduled& s)
    {
        std::vector<Scheduled>& b = ring_[slot(bucket)];
        // Only a bucket drained soon takes a large spare (a far one would keep it for seconds: every bucket
        // of the ring would end up holding a busy bucket's capacity); any bucket takes a small one (the room
        // it would have grown to anyway), so that steady traffic allocates no bucket.
        if (b.capacity() == 0) {
            std::vector<std::vector<Scheduled>>& from =
                !spares_.empty() && bucket - current_ <= kSpareReach ? spares_ : smallSpares_;
            if (!from.empty()) {
                b.swap(from.back()); // an empty buffer with room
                from.pop_back();
            } else {
                b.reserve(kFirstCapacity); // one allocation where growing 1, 2, 4, 8 would take four
            }
        }
        b.push_back(s);
        ++inRing_;
    }

    // Keeps the empty buffer `b` (a drained bucket's) as a spare if there is room for it, else frees it.
    void giveSpare(std::vector<Scheduled>& b)
    {
        const bool small = b.capacity() <= kSmallCapacity;
        std::vector<std::vector<Scheduled>>& to = small ? smallSpares_ : spares_;
        if (b.capacity() != 0 && to.size() < (small ? kSmallSpares : kSpares)) {
            to.push_back(std::move(b));
            b = std::vector<Scheduled>();
        } else {
            std::vector<Scheduled>().swap(b);
        }
    }

    static constexpr std::size_t kSpares = 16;
    static constexpr std::size_t kFirstCapacity = 8; // actions a bucket gets room for at its first one
    static constexpr std::int64_t kSpareReach = 32;  // buckets ahead of the one being drained
    // Small spares: buffers with room for at most 16 actions (384 octets), at most 128 of them (48 KiB).
    static constexpr std::size_t kSmallCapacity = 16;
    static constexpr std::size_t kSmallSpares = 128;
    std::int64_t buckets_; // the ring's size, a power of two
    std::vector<std::vector<Scheduled>> ring_;
    std::vector<std::vector<Scheduled>> spares_;      // empty buffers with more room, at most kSpares
    std::vector<std::vector<Scheduled>> smallSpares_; // empty buffers with little room, at most kSmallSpares
    std::vector<Scheduled> active_;                   // the bucket being drained, latest first
    std::vector<Scheduled> far_; // a min-heap (by LaterFirst) of actions beyond the ring's span
    std::int64_t current_ = -1;  // the bucket being drained (absolute, time >> kBucketBits)
    std::size_t inRing_ = 0;
    std::size_t size_ = 0;
};

} // namespace mtcsec::engine
