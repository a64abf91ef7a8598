// The crypto operation ledger: what the crypto facade did (which primitive, how many octets, how often), for
// `mtcsec bench` to replay the same work with keyed objects and time the raw cryptography (PRODUCT.md 9).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace mtcsec::crypto {

// The leaf primitives of the facade (core/crypto/Primitives.h). Every cryptographic call of the core ends in
// exactly one of these, so the ledger counts each octet once. Append new primitives before Count.
enum class Primitive : std::uint8_t {
    Aes128Block,   // one AES-128 block encryption (Milenage, bit-level CMAC of 128-EIA2); octets = 16
    Aes128Ctr,     // AES-128-CTR over `octets` (128-EEA2, application ciphering)
    Aes128Cmac,    // AES-128-CMAC over `octets` whole octets (application MAC)
    HmacSha256,    // HMAC-SHA-256 over `octets` (the TS 33.220 KDF, application keys)
    Sha256,        // one-shot SHA-256 over `octets`
    Sha256Stream,  // one update of an incremental SHA-256 (the event log's digest) with `octets`
    Aes128GcmSeal, // AES-128-GCM seal of `octets` plaintext with `aux` octets of associated data
    Aes128GcmOpen, // AES-128-GCM open of `octets` (ciphertext || tag) with `aux` octets of associated data
    Snow3gF8,      // SNOW 3G keystream XORed over `octets` (128-EEA1)
    Snow3gF9,      // SNOW 3G f9 MAC over `octets` (128-EIA1, UIA2)
    ZucEea3,       // ZUC keystream XORed over `octets` (128-EEA3)
    ZucEia3,       // ZUC MAC over `octets` (128-EIA3)
    Aes128CcmSeal, // AES-CCM-16-64-128 seal of `octets` plaintext with `aux` octets of associated data
                   // (OSCORE)
    Aes128CcmOpen, // AES-CCM-16-64-128 open of `octets` (ciphertext || tag) with `aux` octets of associated
                   // data
    Count
};
inline constexpr std::size_t kPrimitiveCount = static_cast<std::size_t>(Primitive::Count);

// The 3GPP algorithms built on the primitives, counted once per call as well (their octets are in the
// primitives' entries). Append new algorithms before Count (issue 13: EEA1/EIA1/EEA3/EIA3).
enum class Algorithm : std::uint8_t {
    Eea2,     // one 128-EEA2 call (TS 33.401 B.1.3)
    Eia2,     // one 128-EIA2 call (TS 33.401 B.2.3)
    Milenage, // one f1-f5 computation (TS 35.206)
    Kdf,      // one TS 33.220 B.2.0 key derivation
    Eea1,     // one 128-EEA1 call (TS 33.401 B.1.2)
    Eia1,     // one 128-EIA1 call (TS 33.401 B.2.2)
    Eea3,     // one 128-EEA3 call (TS 33.401 B.1.4)
    Eia3,     // one 128-EIA3 call (TS 33.401 B.2.4)
    Count
};
inline constexpr std::size_t kAlgorithmCount = static_cast<std::size_t>(Algorithm::Count);

// "aes128_block", "aes128_ctr", "aes128_cmac", "hmac_sha256", "sha256", "sha256_stream", "aes128_gcm_seal",
// "aes128_gcm_open", "snow3g_f8", "snow3g_f9", "zuc_eea3", "zuc_eia3", "aes128_ccm_seal", "aes128_ccm_open".
[[nodiscard]] std::string_view name(Primitive primitive);
// "128-EEA2", "128-EIA2", "MILENAGE", "KDF", "128-EEA1", "128-EIA1", "128-EEA3", "128-EIA3".
[[nodiscard]] std::string_view name(Algorithm algorithm);

// One line of the ledger: `count` calls of `primitive` with `octets` (and `aux`) octets each.
struct LedgerEntry {
    Primitive primitive = Primitive::Aes128Block;
    std::uint32_t octets = 0;
    std::uint32_t aux = 0; // associated data octets (GCM), else 0
    std::uint64_t count = 0;
    bool operator==(const LedgerEntry&) const = default;
};

// Exact (primitive, octets, aux) histograms in a fixed open-addressed table (no allocation while recording).
// A call whose sizes do not fit (octets >= 2^32, aux >= 2^24) or that finds the table full is counted in
// unrecorded() instead. Not thread-safe: one ledger per thread (see LedgerScope).
class CryptoLedger {
public:
    static constexpr std::size_t kSlots = 8192;

    void record(Primitive primitive, std::size_t octets, std::size_t aux = 0) noexcept;
    void recordAlgorithm(Algorithm algorithm) noexcept { ++algorithms_[static_cast<std::size_t>(algorithm)]; }
    // A Botan object built and keyed (a key schedule computed): per call today, per context once keyed
    // objects are reused.
    void recordKeySetup() noexcept { ++keySetups_; }

    // The entries sorted by primitive, then octets, then aux.
    [[nodiscard]] std::vector<LedgerEntry> entries() const;
    [[nodiscard]] std::uint64_t calls(Primitive primitive) const;
    [[nodiscard]] std::uint64_t octets(Primitive primitive) const; // total over all calls
    [[nodiscard]] std::uint64_t calls(Algorithm algorithm) const
    {
        return algorithms_[static_cast<std::size_t>(algorithm)];
    }
    [[nodiscard]] std::uint64_t keySetups() const { return keySetups_; }
    [[nodiscard]] std::uint64_t unrecorded() const { return unrecorded_; }

    // Adds another ledger's counts (the ledgers of several threads into one).
    void merge(const CryptoLedger& other);
    void clear();

private:
    struct Slot {
        std::uint64_t key = 0; // primitive + 1 in bits 56-63 (0: empty), aux in 32-55, octets in 0-31
        std::uint64_t count = 0;
    };
    void add(std::uint64_t key, std::uint64_t count) noexcept;

    std::array<Slot, kSlots> slots_{};
    std::size_t used_ = 0;
    std::array<std::uint64_t, kAlgorithmCount> algorithms_{};
    std::uint64_t keySetups_ = 0;
    std::uint64_t unrecorded_ = 0;
};

namespace detail {
extern constinit thread_local CryptoLedger* activeLedger; // set by LedgerScope only
} // namespace detail

// The ledger the calling thread records into, or nullptr (the default: then recording is one test of a
// thread-local pointer). A multi-threaded engine installs one per worker and merges them.
[[nodiscard]] inline CryptoLedger* activeLedger() noexcept
{
    return detail::activeLedger;
}

// Installs `ledger` as the calling thread's ledger while it lives; restores the previous one after.
class LedgerScope {
public:
    explicit LedgerScope(CryptoLedger& ledger) noexcept;
    ~LedgerScope();
    LedgerScope(const LedgerScope&) = delete;
    LedgerScope& operator=(const LedgerScope&) = delete;

private:
    CryptoLedger* previous_;
};

// Recording hooks for the facade and the algorithms: nothing unless a ledger is active.
inline void notePrimitive(Primitive primitive, std::size_t octets, std::size_t aux = 0) noexcept
{
    if (CryptoLedger* l = activeLedger()) [[unlikely]]
        l->record(primitive, octets, aux);
}
inline void noteAlgorithm(Algorithm algorithm) noexcept
{
    if (CryptoLedger* l = activeLedger()) [[unlikely]]
        l->recordAlgorithm(algorithm);
}
inline void noteKeySetup() noexcept
{
    if (CryptoLedger* l = activeLedger()) [[unlikely]]
        l->recordKeySetup();
}

} // namespace mtcsec::crypto
