// The crypto operation ledger: a fixed open-addressed table of (primitive, octets, aux) counts.
#include "core/crypto/CryptoLedger.h"

#include <algorithm>
#include <tuple>

namespace mtcsec::crypto {

constinit thread_local CryptoLedger* detail::activeLedger = nullptr;

namespace {

constexpr std::array<std::string_view, kPrimitiveCount> kPrimitiveNames = {
    "aes128_block",  "aes128_ctr",      "aes128_cmac",     "hmac_sha256",    "sha256",
    "sha256_stream", "aes128_gcm_seal", "aes128_gcm_open", "snow3g_f8",      "snow3g_f9",
    "zuc_eea3",      "zuc_eia3",        "aes128_ccm_seal", "aes128_ccm_open"};
constexpr std::array<std::string_view, kAlgorithmCount> kAlgorithmNames = {
    "128-EEA2", "128-EIA2", "MILENAGE", "KDF", "128-EEA1", "128-EIA1", "128-EEA3", "128-EIA3"};

constexpr std::uint64_t kAuxLimit = std::uint64_t{1} << 24;
constexpr std::uint64_t kOctetsLimit = std::uint64_t{1} << 32;

LedgerEntry unpack(std::uint64_t key, std::uint64_t count)
{
    return {static_cast<Primitive>((key >> 56) - 1), static_cast<std::uint32_t>(key & 0xffffffffU),
            static_cast<std::uint32_t>((key >> 32) & 0xffffffU), count};
}

} // namespace

std::string_view name(Primitive primitive)
{
    return kPrimitiveNames.at(static_cast<std::size_t>(primitive));
}

std::string_view name(Algorithm algorithm)
{
    return kAlgorithmNames.at(static_cast<std::size_t>(algorithm));
}

void CryptoLedger::add(std::uint64_t key, std::uint64_t count) noexcept
{
    // Fibonacci hashing and linear probing; the table is never filled beyond 7/8 so that probes stay short.
    std::size_t i = static_cast<std::size_t>((key * 0x9e3779b97f4a7c15ULL) >> 51) % kSlots;
    for (;;) {
        Slot& s = slots_[i];
        if (s.key == key) {
            s.count += count;
            return;
        }
        if (s.key == 0) {
            if (used_ >= kSlots / 8 * 7) {
                unrecorded_ += count;
                return;
            }
            s.key = key;
            s.count = count;
            ++used_;
            return;
        }
        i = (i + 1) % kSlots;
    }
}

void CryptoLedger::record(Primitive primitive, std::size_t octets, std::size_t aux) noexcept
{
    if (octets >= kOctetsLimit || aux >= kAuxLimit || primitive >= Primitive::Count) {
        ++unrecorded_;
        return;
    }
    add((static_cast<std::uint64_t>(primitive) + 1) << 56 | static_cast<std::uint64_t>(aux) << 32 | octets,
        1);
}

std::vector<LedgerEntry> CryptoLedger::entries() const
{
    std::vector<LedgerEntry> out;
    out.reserve(used_);
    for (const Slot& s : slots_) {
        if (s.key != 0)
            out.push_back(unpack(s.key, s.count));
    }
    std::sort(out.begin(), out.end(), [](const LedgerEntry& a, const LedgerEntry& b) {
        return std::tie(a.primitive, a.octets, a.aux) < std::tie(b.primitive, b.octets, b.aux);
    });
    return out;
}

std::uint64_t CryptoLedger::calls(Primitive primitive) const
{
    std::uint64_t n = 0;
    for (const Slot& s : slots_) {
        if (s.key != 0 && unpack(s.key, s.count).primitive == primitive)
            n += s.count;
    }
    return n;
}

std::uint64_t CryptoLedger::octets(Primitive primitive) const
{
    std::uint64_t n = 0;
    for (const Slot& s : slots_) {
        if (s.key == 0)
            continue;
        const LedgerEntry e = unpack(s.key, s.count);
        if (e.primitive == primitive)
            n += e.count * e.octets;
    }
    return n;
}

void CryptoLedger::merge(const CryptoLedger& other)
{
    for (const Slot& s : other.slots_) {
        if (s.key != 0)
            add(s.key, s.count);
    }
    for (std::size_t i = 0; i < kAlgorithmCount; ++i)
        algorithms_[i] += other.algorithms_[i];
    keySetups_ += other.keySetups_;
    unrecorded_ += other.unrecorded_;
}

void CryptoLedger::clear()
{
    slots_.fill({});
    used_ = 0;
    algorithms_.fill(0);
    keySetups_ = 0;
    unrecorded_ = 0;
}

LedgerScope::LedgerScope(CryptoLedger& ledger) noexcept
    : previous_(detail::activeLedger)
{
    detail::activeLedger = &ledger;
}

LedgerScope::~LedgerScope()
{
    detail::activeLedger = previous_;
}

} // namespace mtcsec::crypto
