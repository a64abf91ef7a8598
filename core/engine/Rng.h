// The simulation's seeded random source: xoshiro256** seeded through SplitMix64, with its own integer-only
// distributions so that the same seed gives the same run on every compiler and standard library.
#pragma once

#include <cstdint>
#include <span>

namespace mtcsec::engine {

class Rng {
public:
    explicit Rng(std::uint64_t seed)
    {
        for (auto& s : state_) {
            seed += 0x9e3779b97f4a7c15ull;
            std::uint64_t z = seed;
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
            s = z ^ (z >> 31);
        }
    }

    std::uint64_t next()
    {
        const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
        const std::uint64_t t = state_[1] << 17;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= t;
        state_[3] = rotl(state_[3], 45);
        return result;
    }

    // Uniform in [0, bound) (bound > 0), by rejection: no modulo bias.
    std::uint64_t below(std::uint64_t bound)
    {
        const std::uint64_t limit = ~std::uint64_t{0} - (~std::uint64_t{0} % bound);
        std::uint64_t v = next();
        while (v >= limit)
            v = next();
        return v % bound;
    }

    // True with probability numerator / 2^32.
    bool chance(std::uint32_t numerator) { return (next() >> 32) < numerator; }
    // Probability p in [0, 1] as a 32-bit fixed-point fraction (computed once per attack, not per draw).
    static std::uint32_t probability(double p)
    {
        if (p >= 1.0)
            return 0xffffffffu;
        if (p <= 0.0)
            return 0;
        return static_cast<std::uint32_t>(p * 4294967296.0);
    }

    void fill(std::span<std::uint8_t> out)
    {
        for (std::size_t i = 0; i < out.size(); i += 8) {
            std::uint64_t v = next();
            for (std::size_t j = i; j < out.size() && j < i + 8; ++j, v >>= 8)
                out[j] = static_cast<std::uint8_t>(v);
        }
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t state_[4]{};
};

} // namespace mtcsec::engine
