// NDS/IP on a backhaul link (TS 33.210): IPsec ESP in tunnel mode (RFC 4303) with AES-128-GCM (RFC 4106):
// outer IPv4 (protocol 50), SPI, sequence number, 8-octet IV, encrypted inner packet with padding and next
// header, 16-octet ICV; the receiver checks the ICV and the anti-replay window.
#pragma once

#include "core/crypto/Bytes.h"
#include "core/protocol/ReplayWindow.h"

#include <array>
#include <cstdint>
#include <optional>

namespace mtcsec::protocol {

// One direction's security association (keys from IKEv2 in a real network; here from the simulation's seed).
struct EspSa {
    std::uint32_t spi = 0;
    std::array<std::uint8_t, 16> key{};
    std::array<std::uint8_t, 4> salt{};
    std::uint32_t tunnelSource = 0;
    std::uint32_t tunnelDestination = 0;
    std::uint32_t nextSequence = 1;
    ReplayWindow window;
};

// The outer IPv4 packet carrying `inner` in ESP; advances the SA's sequence number.
[[nodiscard]] Bytes espEncapsulate(EspSa& sa, ByteView inner, std::uint16_t identification);
// The same packet written to `out` (its contents replaced, its capacity reused: no allocation once it is
// large enough). `inner` must not lie in `out`.
void espEncapsulate(Bytes& out, EspSa& sa, ByteView inner, std::uint16_t identification);

enum class EspVerdict : std::uint8_t { Accepted, Malformed, IntegrityFailure, Replay };

struct EspReceived {
    EspVerdict verdict = EspVerdict::Malformed;
    std::uint32_t sequence = 0;
    Bytes inner;
};

// Receiver: `esp` is the payload of the outer IPv4 packet (protocol 50). Updates the SA's window on success.
// `buffer` becomes the result's `inner` (its capacity reused, its contents replaced): a receiver that hands
// the last result's `inner` back here decrypts without allocating once warm.
[[nodiscard]] EspReceived espDecapsulate(EspSa& sa, ByteView esp, Bytes buffer = {});

struct EspHeader {
    std::uint32_t spi = 0;
    std::uint32_t sequence = 0;
};
[[nodiscard]] std::optional<EspHeader> parseEspHeader(ByteView esp);

} // namespace mtcsec::protocol
