// ESP tunnel mode with AES-128-GCM (RFC 4303, RFC 4106).
#include "core/protocol/Esp.h"

#include "core/crypto/Primitives.h"
#include "core/protocol/ByteReader.h"
#include "core/protocol/Ipv4Udp.h"

#include <algorithm>

namespace mtcsec::protocol {
namespace {

constexpr std::uint8_t kNextHeaderIpv4 = 4;
constexpr std::size_t kIcvSize = 16; // AES-GCM with a 16-octet ICV (RFC 4106 3.2)

std::array<std::uint8_t, 12> gcmNonce(const EspSa& sa, ByteView iv)
{
    std::array<std::uint8_t, 12> n{};
    std::copy(sa.salt.begin(), sa.salt.end(), n.begin());
    std::copy(iv.begin(), iv.end(), n.begin() + 4);
    return n;
}

} // namespace

Bytes espEncapsulate(EspSa& sa, ByteView inner, std::uint16_t identification)
{
    Bytes out;
    espEncapsulate(out, sa, inner, identification);
    return out;
}

void espEncapsulate(Bytes& out, EspSa& sa, ByteView inner, std::uint16_t identification)
{
    const std::uint32_t seq = sa.nextSequence++;
    // SPI, sequence number, IV: the 64-bit sequence number (RFC 4106 8.1 allows a counter).
    std::array<std::uint8_t, 16> head{};
    const std::uint32_t fields[] = {sa.spi, seq, 0, seq};
    for (std::size_t i = 0; i < 16; ++i)
        head[i] = static_cast<std::uint8_t>(fields[i / 4] >> (24 - 8 * (i % 4)));
    const ByteView aad = ByteView(head).first(8);
    const ByteView iv = ByteView(head).subspan(8, 8);
    const std::size_t pad = (4 - (inner.size() + 2) % 4) % 4;
    const std::size_t plainSize = inner.size() + pad + 2;
    // The outer packet in one buffer: IPv4 header, ESP header, ciphertext and ICV. The plaintext is laid out
    // where the ciphertext goes, sealed from there and replaced by the ciphertext (no buffer of its own).
    constexpr std::size_t kHeaders = 20 + 16;
    out.clear();
    out.reserve(kHeaders + plainSize + kIcvSize);
    appendIpv4Header(out, sa.tunnelSource, sa.tunnelDestination, kIpProtoEsp, identification,
                     head.size() + plainSize + kIcvSize);
    ByteWriter(out).bytes(head).bytes(inner);
    for (std::size_t i = 1; i <= pad; ++i)
        out.push_back(static_cast<std::uint8_t>(i));
    out.push_back(static_cast<std::uint8_t>(pad));
    out.push_back(kNextHeaderIpv4);
    out.resize(kHeaders + plainSize + kIcvSize); // the ICV's room (reserved above: nothing moves)
    const std::span<std::uint8_t> body = std::span(out).subspan(kHeaders);
    crypto::aes128GcmSealInPlace(sa.key, gcmNonce(sa, iv), aad, body.first(plainSize),
                                 body.subspan(plainSize).first<kIcvSize>());
}

std::optional<EspHeader> parseEspHeader(ByteView esp)
{
    ByteReader r(esp);
    EspHeader h;
    if (!r.u32(h.spi) || !r.u32(h.sequence) || r.remaining() < 8 + 16 + 2)
        return std::nullopt;
    return h;
}

EspReceived espDecapsulate(EspSa& sa, ByteView esp, Bytes buffer)
{
    EspReceived r;
    r.inner = std::move(buffer);
    r.inner.clear();
    const auto header = parseEspHeader(esp);
    if (!header || header->spi != sa.spi)
        return r;
    r.sequence = header->sequence;
    if (!sa.window.check(header->sequence)) {
        r.verdict = EspVerdict::Replay;
        return r;
    }
    // Opened straight into the result (no buffer of its own).
    Bytes& p = r.inner;
    if (!crypto::aes128GcmOpenInto(sa.key, gcmNonce(sa, esp.subspan(8, 8)), esp.first(8), esp.subspan(16),
                                   p)) {
        r.verdict = EspVerdict::IntegrityFailure;
        return r;
    }
    if (p.size() < 2 || p.back() != kNextHeaderIpv4 || p[p.size() - 2] + 2u > p.size()) {
        p.clear();
        return r;
    }
    sa.window.accept(header->sequence);
    p.resize(p.size() - 2 - p[p.size() - 2]); // the inner packet: without padding, its length and next header
    r.verdict = EspVerdict::Accepted;
    return r;
}

} // namespace mtcsec::protocol
