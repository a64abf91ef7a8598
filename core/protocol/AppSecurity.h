// End-to-end application security between MTC device and MTC server (the contribution's "blue line"): a
// 5-octet header (version and the three switches, sequence number) in clear, then the CoAP message protected
// by AES-128-GCM (confidentiality + integrity), AES-128-CTR (confidentiality only: malleable), or AES-CMAC
// with a 64-bit tag (integrity only). Replay protection checks the authenticated sequence number against a
// window. Without any switch the CoAP message travels bare on UDP port 5683; protected messages use port
// 5685, which IANA has not assigned and Wireshark 4.0 gives to no dissector, so that it shows them as UDP
// data (5684 is CoAP over DTLS, RFC 7252 clause 9). In the mode `oscore` the CoAP message is protected by
// OSCORE (RFC 8613, core/protocol/Oscore.h) and stays on port 5683: the device and the server are each an
// OSCORE client for the requests they send (readings up, commands down), with the derived context of
// OscoreKeys below.
#pragma once

#include "core/crypto/Bytes.h"
#include "core/protocol/ReplayWindow.h"
#include "core/scenario/Scenario.h"

#include <array>
#include <cstdint>
#include <optional>

namespace mtcsec::protocol {

inline constexpr std::uint16_t kPortCoapProtected = 5685;
inline constexpr std::uint8_t kAppFlagConfidentiality = 0x1;
inline constexpr std::uint8_t kAppFlagIntegrity = 0x2;
inline constexpr std::uint8_t kAppFlagReplay = 0x4;
inline constexpr std::size_t kAppHeaderSize = 5;

// One device's OSCORE security context (RFC 8613 3.2), derived from the session's key when the mode is
// oscore: the device's and the server's Sender Keys, the Common IV and the two Sender IDs (4 octets each: the
// device's is its number + 1, the server's the same with the top bit set, so that every ID of a run is
// unique, as Wireshark's context table needs). Master Salt and ID Context: none.
struct OscoreKeys {
    std::array<std::uint8_t, 16> deviceKey{};
    std::array<std::uint8_t, 16> serverKey{};
    std::array<std::uint8_t, 13> commonIv{};
    std::array<std::uint8_t, 4> deviceId{};
    std::array<std::uint8_t, 4> serverId{};
    bool derived = false;
};

// The session keys of one device's end-to-end association (pre-shared between device and server).
struct AppKeys {
    std::array<std::uint8_t, 16> enc{};
    std::array<std::uint8_t, 16> mac{};
    OscoreKeys oscore; // issue 15, oscore part
};

// Derives `keys.oscore` for `device` (0-based) from `keys.enc` as the Master Secret (RFC 8613 3.2.1).
void deriveOscoreKeys(AppKeys& keys, std::uint32_t device);

struct AppHeader {
    std::uint8_t flags = 0;
    std::uint32_t seq = 0;
    ByteView body;
};

enum class AppVerdict : std::uint8_t { Accepted, Malformed, IntegrityFailure, PolicyViolation, Replay };

struct AppUnprotected {
    AppVerdict verdict = AppVerdict::Malformed;
    Bytes coap;            // the CoAP message when accepted
    std::uint32_t seq = 0; // the header's sequence number (0 for bare CoAP)
};

[[nodiscard]] std::uint8_t appFlags(const AppProtection& mode);
[[nodiscard]] std::uint16_t appPort(const AppProtection& mode);

// The UDP payload for one CoAP message. `uplink` selects the nonce direction.
[[nodiscard]] Bytes protectApp(const AppProtection& mode, const AppKeys& keys, bool uplink, std::uint32_t seq,
                               ByteView coap);
// The same into `out` (its contents replaced, its capacity reused: a sender that passes the same buffer for
// every message builds the payload without allocating once warm). `coap` must not lie in `out`.
void protectApp(Bytes& out, const AppProtection& mode, const AppKeys& keys, bool uplink, std::uint32_t seq,
                ByteView coap);

// What the receiver does with a UDP payload that arrived on `port`: parse, verify, decrypt, enforce the
// receiver's own policy (a message weaker than `policy` is refused) and, when the policy asks for it, check
// and update `window`.
[[nodiscard]] AppUnprotected unprotectApp(const AppProtection& policy, const AppKeys& keys, bool uplink,
                                          std::uint16_t port, ByteView payload, ReplayWindow& window);
// The same into `result` (every field replaced; the capacity of its coap buffer reused: a receiver that
// passes the same object for every message decrypts without allocating once warm, OSCORE aside). `payload`
// must not lie in `result.coap`.
void unprotectApp(const AppProtection& policy, const AppKeys& keys, bool uplink, std::uint16_t port,
                  ByteView payload, ReplayWindow& window, AppUnprotected& result);

// The header of a protected message (for dissectors): empty when malformed.
[[nodiscard]] std::optional<AppHeader> parseAppHeader(ByteView payload);

} // namespace mtcsec::protocol
