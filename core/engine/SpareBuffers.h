// The engine's spare PDU buffers: a delivered or dropped PDU's vector is kept with its capacity and handed to
// the next PDU built, so that a PDU on a link costs no heap allocation once the run is warm.
#pragma once

#include "core/crypto/Bytes.h"

#include <cstddef>
#include <utility>
#include <vector>

namespace mtcsec::engine {

// A bounded list of empty buffers with room. take() gives one (or a new empty vector when none is spare);
// give() keeps a finished buffer unless kMaxSpares are kept already or its capacity exceeds kMaxCapacity
// (then it is freed): the list never holds more than kMaxSpares * kMaxCapacity octets, whatever the number
// of devices, and a burst (the attach storm, an attacker's held copies) gives back what it took.
class SpareBuffers {
public:
    // 256 buffers of the largest PDUs of a run (an IPv4/ESP packet of a few hundred octets): about 64 KiB
    // per engine at most; a run in steady state keeps far fewer (what it has in flight at once).
    static constexpr std::size_t kMaxSpares = 256;
    static constexpr std::size_t kMaxCapacity = 2048; // a larger buffer (a DTLS flight) is freed

    // An empty buffer, with the capacity of a finished PDU's when one is spare. A new one gets no room ahead:
    // the builder reserves what its PDU needs (room for the largest PDU in every new buffer, 256 octets,
    // saved a few regrowths but cost 60 bytes per device in flight or held for replay at 30,000 devices).
    [[nodiscard]] Bytes take()
    {
        if (spares_.empty())
            return Bytes();
        Bytes b = std::move(spares_.back());
        spares_.pop_back();
        return b;
    }

    // Takes `b` back (emptied, its capacity kept) for a later take(), or frees it; `b` is left empty.
    void give(Bytes& b)
    {
        if (b.capacity() != 0 && b.capacity() <= kMaxCapacity && spares_.size() < kMaxSpares) {
            b.clear();
            spares_.push_back(std::move(b));
        }
        Bytes().swap(b);
    }

    [[nodiscard]] std::size_t size() const { return spares_.size(); }

private:
    std::vector<Bytes> spares_;
};

} // namespace mtcsec::engine
