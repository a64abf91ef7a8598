// ESP tunnel mode with AES-128-GCM (RFC 4303, RFC 4106).
#include "core/protocol/Esp.h"

#include "core/crypto/Primitives.h"
#include "core/protocol/ByteReader.h"
#include "core/protocol/Ipv4Udp.h"

#include <algorithm>

namespace mtcsec::protocol {
namespace {

constexpr std::uint8_t kNextHeaderIpv4 = 4;

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
    const std::uint32_t seq = sa.nextSequence++;
    Bytes esp;
    ByteWriter w(esp);
    w.u32(sa.spi).u32(seq).u32(0).u32(seq); // IV: the 64-bit sequence number (RFC 4106 8.1 allows a counter)
    const ByteView aad = ByteView(esp).first(8);
    const ByteView iv = ByteView(esp).subspan(8, 8);
    Bytes plaintext(inner.begin(), inner.end());
    const std::size_t pad = (4 - (plaintext.size() + 2) % 4) % 4;
    for (std::size_t i = 1; i <= pad; ++i)
        plaintext.push_back(static_cast<std::uint8_t>(i));
    plaintext.push_back(static_cast<std::uint8_t>(pad));
    plaintext.push_back(kNextHeaderIpv4);
    const Bytes sealed = crypto::aes128GcmSeal(sa.key, gcmNonce(sa, iv), aad, plaintext);
    Bytes header(esp.begin(), esp.end());
    header.insert(header.end(), sealed.begin(), sealed.end());
    return buildIpv4(sa.tunnelSource, sa.tunnelDestination, kIpProtoEsp, identification, header);
}

std::optional<EspHeader> parseEspHeader(ByteView esp)
{
    ByteReader r(esp);
    EspHeader h;
    if (!r.u32(h.spi) || !r.u32(h.sequence) || r.remaining() < 8 + 16 + 2)
        return std::nullopt;
    return h;
}

EspReceived espDecapsulate(EspSa& sa, ByteView esp)
{
    EspReceived r;
    const auto header = parseEspHeader(esp);
    if (!header || header->spi != sa.spi)
        return r;
    r.sequence = header->sequence;
    if (!sa.window.check(header->sequence)) {
        r.verdict = EspVerdict::Replay;
        return r;
    }
    const auto opened =
        crypto::aes128GcmOpen(sa.key, gcmNonce(sa, esp.subspan(8, 8)), esp.first(8), esp.subspan(16));
    if (!opened) {
        r.verdict = EspVerdict::IntegrityFailure;
        return r;
    }
    const Bytes& p = *opened;
    if (p.size() < 2 || p.back() != kNextHeaderIpv4 || p[p.size() - 2] + 2u > p.size())
        return r;
    sa.window.accept(header->sequence);
    r.inner.assign(p.begin(), p.end() - 2 - p[p.size() - 2]);
    r.verdict = EspVerdict::Accepted;
    return r;
}

} // namespace mtcsec::protocol
