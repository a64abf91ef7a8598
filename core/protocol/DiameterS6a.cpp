// Diameter AIR/AIA on S6a (RFC 6733; TS 29.272 5.2.3.1 and 7.3: command code 318, application 16777251,
// vendor 10415 AVPs 1407 Visited-PLMN-Id, 1408 Requested-EUTRAN-Authentication-Info, 1413
// Authentication-Info, 1414 E-UTRAN-Vector, 1447 RAND, 1448 XRES, 1449 AUTN, 1450 KASME).
#include "core/protocol/DiameterS6a.h"

#include "core/protocol/ByteReader.h"

#include <algorithm>

namespace mtcsec::protocol {
namespace {

constexpr std::uint32_t kCommandAuthenticationInformation = 318;
constexpr std::uint32_t kApplicationS6a = 16777251;
constexpr std::uint32_t kVendor3gpp = 10415;
constexpr std::uint32_t kAvpUserName = 1, kAvpSessionId = 263, kAvpResultCode = 268, kAvpVisitedPlmn = 1407,
                        kAvpRequestedInfo = 1408, kAvpNumberOfVectors = 1410, kAvpAuthInfo = 1413,
                        kAvpEutranVector = 1414, kAvpRand = 1447, kAvpXres = 1448, kAvpAutn = 1449,
                        kAvpKasme = 1450;

// An AVP's header (RFC 6733 4.1: code, flags V and M, length, vendor) with its length left to endAvp; returns
// where the AVP starts.
std::size_t beginAvp(Bytes& out, std::uint32_t code, bool vendor)
{
    const std::size_t at = out.size();
    ByteWriter w(out);
    w.u32(code).u8(vendor ? 0xc0 : 0x40).u24(0);
    if (vendor)
        w.u32(kVendor3gpp);
    return at;
}

// The length of the AVP begun at `at` (header and data, without padding), then its padding to 4 octets.
void endAvp(Bytes& out, std::size_t at)
{
    const std::size_t length = out.size() - at;
    out[at + 5] = static_cast<std::uint8_t>(length >> 16);
    out[at + 6] = static_cast<std::uint8_t>(length >> 8);
    out[at + 7] = static_cast<std::uint8_t>(length);
    out.resize((out.size() + 3) / 4 * 4, 0);
}

void avp(Bytes& out, std::uint32_t code, bool vendor, ByteView data)
{
    const std::size_t at = beginAvp(out, code, vendor);
    ByteWriter(out).bytes(data);
    endAvp(out, at);
}

void avpU32(Bytes& out, std::uint32_t code, bool vendor, std::uint32_t value)
{
    const std::size_t at = beginAvp(out, code, vendor);
    ByteWriter(out).u32(value);
    endAvp(out, at);
}

ByteView text(const std::string& s)
{
    return ByteView(reinterpret_cast<const std::uint8_t*>(s.data()), s.size());
}

struct Avp {
    std::uint32_t code = 0;
    ByteView data;
};

// Reads the AVPs of a message body or a grouped AVP; empty on any inconsistency.
std::optional<std::vector<Avp>> readAvps(ByteView bytes)
{
    std::vector<Avp> avps;
    ByteReader r(bytes);
    while (r.remaining() > 0) {
        std::uint32_t code = 0, length = 0, vendor = 0;
        std::uint8_t flags = 0;
        if (!r.u32(code) || !r.u8(flags) || !r.u24(length))
            return std::nullopt;
        const std::size_t headerSize = (flags & 0x80) ? 12 : 8;
        if (length < headerSize || ((flags & 0x80) && !r.u32(vendor)))
            return std::nullopt;
        ByteView data;
        if (!r.bytes(length - headerSize, data))
            return std::nullopt;
        r.skip((4 - length % 4) % 4);
        avps.push_back({code, data});
    }
    if (!r.ok())
        return std::nullopt;
    return avps;
}

} // namespace

Bytes encodeS6a(const S6aMessage& m)
{
    // One buffer: the header with its length patched at the end, grouped AVPs written in place.
    Bytes out;
    out.reserve(256);
    ByteWriter(out)
        .u8(1)
        .u24(0)
        .u8(m.request ? 0xc0 : 0x40)
        .u24(kCommandAuthenticationInformation)
        .u32(kApplicationS6a)
        .u32(m.hopByHop)
        .u32(m.endToEnd);
    avp(out, kAvpSessionId, false, text("mme.mtcsec;" + std::to_string(m.endToEnd)));
    if (m.request) {
        avp(out, kAvpUserName, false, text(m.userName));
        avp(out, kAvpVisitedPlmn, true, m.visitedPlmn);
        const std::size_t requested = beginAvp(out, kAvpRequestedInfo, true);
        avpU32(out, kAvpNumberOfVectors, true, 1);
        endAvp(out, requested);
    } else {
        avpU32(out, kAvpResultCode, false, m.resultCode);
        if (m.vector) {
            const std::size_t info = beginAvp(out, kAvpAuthInfo, true);
            const std::size_t vector = beginAvp(out, kAvpEutranVector, true);
            avp(out, kAvpRand, true, m.vector->rand);
            avp(out, kAvpXres, true, m.vector->xres);
            avp(out, kAvpAutn, true, m.vector->autn);
            avp(out, kAvpKasme, true, m.vector->kasme);
            endAvp(out, vector);
            endAvp(out, info);
        }
    }
    const std::size_t length = out.size();
    out[1] = static_cast<std::uint8_t>(length >> 16);
    out[2] = static_cast<std::uint8_t>(length >> 8);
    out[3] = static_cast<std::uint8_t>(length);
    return out;
}

std::optional<S6aMessage> decodeS6a(ByteView bytes)
{
    ByteReader r(bytes);
    std::uint8_t version = 0, flags = 0;
    std::uint32_t length = 0, command = 0, application = 0;
    S6aMessage m;
    if (!r.u8(version) || !r.u24(length) || !r.u8(flags) || !r.u24(command) || !r.u32(application) ||
        !r.u32(m.hopByHop) || !r.u32(m.endToEnd) || version != 1 || length != bytes.size() ||
        command != kCommandAuthenticationInformation || application != kApplicationS6a)
        return std::nullopt;
    m.request = (flags & 0x80) != 0;
    const auto avps = readAvps(r.rest());
    if (!avps)
        return std::nullopt;
    for (const Avp& a : *avps) {
        if (a.code == kAvpUserName) {
            m.userName.assign(a.data.begin(), a.data.end());
        } else if (a.code == kAvpVisitedPlmn && a.data.size() == 3) {
            std::copy(a.data.begin(), a.data.end(), m.visitedPlmn.begin());
        } else if (a.code == kAvpResultCode && a.data.size() == 4) {
            m.resultCode = static_cast<std::uint32_t>(a.data[0]) << 24 |
                           static_cast<std::uint32_t>(a.data[1]) << 16 |
                           static_cast<std::uint32_t>(a.data[2]) << 8 | a.data[3];
        } else if (a.code == kAvpAuthInfo) {
            const auto info = readAvps(a.data);
            if (!info || info->size() != 1 || info->front().code != kAvpEutranVector)
                return std::nullopt;
            const auto fields = readAvps(info->front().data);
            if (!fields)
                return std::nullopt;
            EutranVector v;
            int seen = 0;
            for (const Avp& f : *fields) {
                if (f.code == kAvpRand && f.data.size() == 16) {
                    std::copy(f.data.begin(), f.data.end(), v.rand.begin());
                    seen |= 1;
                } else if (f.code == kAvpXres && !f.data.empty()) {
                    v.xres.assign(f.data.begin(), f.data.end());
                    seen |= 2;
                } else if (f.code == kAvpAutn && f.data.size() == 16) {
                    std::copy(f.data.begin(), f.data.end(), v.autn.begin());
                    seen |= 4;
                } else if (f.code == kAvpKasme && f.data.size() == 32) {
                    std::copy(f.data.begin(), f.data.end(), v.kasme.begin());
                    seen |= 8;
                }
            }
            if (seen != 15)
                return std::nullopt;
            m.vector = v;
        }
    }
    if (m.request && m.userName.empty())
        return std::nullopt;
    return m;
}

} // namespace mtcsec::protocol
