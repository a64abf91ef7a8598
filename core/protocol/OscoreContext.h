// The OSCORE security context (RFC 8613 clause 3): the common, sender and recipient contexts derived from a
// Master Secret with HKDF-SHA-256 (3.2.1) for the AEAD algorithm AES-CCM-16-64-128 (COSE algorithm 10), and
// the AEAD nonce (5.2).
#pragma once

#include "core/crypto/Bytes.h"
#include "core/protocol/ReplayWindow.h"

#include <array>
#include <cstdint>
#include <optional>

namespace mtcsec::protocol {

inline constexpr std::int64_t kCoseAesCcm16_64_128 = 10; // RFC 8152 10.2
inline constexpr std::size_t kOscoreKeySize = 16;
inline constexpr std::size_t kOscoreNonceSize = 13;
inline constexpr std::size_t kOscoreTagSize = 8;
inline constexpr std::size_t kOscoreMaxIdSize = kOscoreNonceSize - 6;             // 7 octets (RFC 8613 3.3)
inline constexpr std::uint64_t kOscoreMaxSequence = (std::uint64_t{1} << 40) - 1; // RFC 8613 7.2.1

using OscoreNonce = std::array<std::uint8_t, kOscoreNonceSize>;

// The input parameters (RFC 8613 3.2): the Master Secret (any length, at least 1 octet here), the optional
// Master Salt (empty: none), the optional ID Context and the Sender and Recipient IDs (0-7 octets each, and
// different).
struct OscoreParameters {
    SecureBytes masterSecret;
    Bytes masterSalt;
    std::optional<Bytes> idContext;
    Bytes senderId;
    Bytes recipientId;
};

// One endpoint's derived context: keys (16 octets), Common IV (13 octets), its Sender Sequence Number (the
// next one to use) and its replay window for what it receives (RFC 8613 3.1, 7.4).
struct OscoreContext {
    Bytes senderId;
    Bytes recipientId;
    std::optional<Bytes> idContext;
    std::array<std::uint8_t, kOscoreKeySize> senderKey{};
    std::array<std::uint8_t, kOscoreKeySize> recipientKey{};
    OscoreNonce commonIv{};
    std::uint64_t senderSequence = 0;
    ReplayWindow replay;
};

// Derives the context (RFC 8613 3.2.1): each key and the Common IV as HKDF-SHA-256(salt = Master Salt,
// IKM = Master Secret, info = CBOR [id, id_context or null, 10, "Key" or "IV", L]). Throws InvalidInput
// ("OSCORE sender ID: ...") for an empty Master Secret, an ID longer than 7 octets, or equal Sender and
// Recipient IDs.
[[nodiscard]] OscoreContext deriveOscoreContext(const OscoreParameters& parameters);

// The AEAD nonce (RFC 8613 5.2): the ID of the endpoint that chose the Partial IV (`id`, 0-7 octets) and the
// Partial IV (0-5 octets, big-endian), each left-padded with zeros, after the ID's length octet, XORed with
// the Common IV. Throws InvalidInput for an ID or Partial IV that is too long.
[[nodiscard]] OscoreNonce oscoreNonce(const OscoreNonce& commonIv, ByteView id, ByteView partialIv);

// The Partial IV of a sequence number (RFC 8613 6.1): its big-endian octets without leading zeros, one zero
// octet for 0. Throws InvalidInput above 2^40 - 1.
[[nodiscard]] Bytes oscorePartialIv(std::uint64_t sequence);

} // namespace mtcsec::protocol
