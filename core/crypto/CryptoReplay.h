// The raw cost of a crypto ledger: every (primitive, size, count) of a CryptoLedger done again with keyed
// objects (keys set once, the same primitives and sizes), timed in CPU seconds of the calling thread (POSIX
// clock_gettime CLOCK_THREAD_CPUTIME_ID). The floor that `mtcsec bench` compares the engine with.
#pragma once

#include "core/crypto/CryptoLedger.h"

#include <cstdint>
#include <vector>

namespace mtcsec::crypto {

// What one primitive of the ledger cost when done again.
struct PrimitiveCost {
    Primitive primitive = Primitive::Aes128Block;
    std::uint64_t calls = 0;
    std::uint64_t octets = 0; // the sum of `octets` over the calls (associated data not included)
    double seconds = 0.0;     // CPU seconds of the replay
};

struct ReplayCost {
    std::vector<PrimitiveCost> primitives; // those with at least one call, in the order of Primitive
    double seconds = 0.0; // every primitive but Sha256Stream: the cryptography of the security functions
    double digestSeconds = 0.0; // Sha256Stream: the event log's digest, bookkeeping rather than security
};

// Replays `ledger` (not changed) with no ledger active while it runs, so that the replay records nothing.
// Throws nothing but std::bad_alloc; a ledger of N calls takes as long as those N calls with keyed objects.
[[nodiscard]] ReplayCost replayLedger(const CryptoLedger& ledger);

} // namespace mtcsec::crypto
