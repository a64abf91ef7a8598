// OSCORE security context derivation and nonce construction (RFC 8613 3.2.1, 5.2, 6.1).
#include "core/protocol/OscoreContext.h"

#include "core/crypto/Primitives.h"
#include "core/protocol/Cbor.h"

#include <algorithm>
#include <string>

namespace mtcsec::protocol {
namespace {

// RFC 8613 3.2.1: info = [id: bstr, id_context: bstr / nil, alg_aead: int, type: tstr, L: uint].
template <std::size_t N>
std::array<std::uint8_t, N> derive(const OscoreParameters& p, ByteView id, std::string_view type)
{
    Bytes info;
    CborWriter w(info);
    w.array(5).byteString(id);
    if (p.idContext)
        w.byteString(*p.idContext);
    else
        w.null();
    w.unsignedInt(kCoseAesCcm16_64_128).textString(type).unsignedInt(N);
    const SecureBytes okm = crypto::hkdfSha256(p.masterSecret, p.masterSalt, info, N);
    std::array<std::uint8_t, N> out{};
    std::copy_n(okm.begin(), N, out.begin());
    return out;
}

void requireId(ByteView id, const char* field)
{
    if (id.size() > kOscoreMaxIdSize)
        throw InvalidInput(std::string(field) + ": at most 7 octets for AES-CCM-16-64-128, got " +
                           std::to_string(id.size()));
}

} // namespace

OscoreContext deriveOscoreContext(const OscoreParameters& p)
{
    if (p.masterSecret.empty())
        throw InvalidInput("OSCORE master secret: must not be empty");
    requireId(p.senderId, "OSCORE sender ID");
    requireId(p.recipientId, "OSCORE recipient ID");
    if (p.senderId == p.recipientId)
        throw InvalidInput("OSCORE sender ID: must differ from the recipient ID (RFC 8613 3.3)");
    OscoreContext c;
    c.senderId = p.senderId;
    c.recipientId = p.recipientId;
    c.idContext = p.idContext;
    c.senderKey = derive<kOscoreKeySize>(p, p.senderId, "Key");
    c.recipientKey = derive<kOscoreKeySize>(p, p.recipientId, "Key");
    c.commonIv = derive<kOscoreNonceSize>(p, Bytes{}, "IV");
    return c;
}

OscoreNonce oscoreNonce(const OscoreNonce& commonIv, ByteView id, ByteView partialIv)
{
    requireId(id, "OSCORE nonce ID");
    if (partialIv.size() > 5)
        throw InvalidInput("OSCORE Partial IV: at most 5 octets, got " + std::to_string(partialIv.size()));
    OscoreNonce n{};
    n[0] = static_cast<std::uint8_t>(id.size());
    std::copy(id.begin(), id.end(), n.begin() + 1 + (kOscoreMaxIdSize - id.size()));
    std::copy(partialIv.begin(), partialIv.end(), n.end() - static_cast<std::ptrdiff_t>(partialIv.size()));
    for (std::size_t i = 0; i < n.size(); ++i)
        n[i] ^= commonIv[i];
    return n;
}

Bytes oscorePartialIv(std::uint64_t sequence)
{
    if (sequence > kOscoreMaxSequence)
        throw InvalidInput("OSCORE sequence number: at most 2^40 - 1, got " + std::to_string(sequence));
    Bytes out;
    for (int shift = 32; shift > 0; shift -= 8) {
        if (!out.empty() || (sequence >> shift) != 0)
            out.push_back(static_cast<std::uint8_t>(sequence >> shift));
    }
    out.push_back(static_cast<std::uint8_t>(sequence));
    return out;
}

} // namespace mtcsec::protocol
