// Generic KDF (TS 33.220 Annex B.2.0) over HMAC-SHA-256 from the crypto facade.
#include "core/crypto/Kdf.h"

#include "core/InvalidInput.h"
#include "core/crypto/CryptoLedger.h"
#include "core/crypto/Primitives.h"

#include <algorithm>

namespace mtcsec::crypto {

namespace {

// S = FC || P0 || L0 || P1 || L1 ... (TS 33.220 B.2.0) into `s`, its contents replaced (sized once).
void buildInputString(Bytes& s, KdfFc fc, std::initializer_list<ByteView> parameters)
{
    std::size_t size = 1;
    for (const ByteView p : parameters) {
        if (p.size() > 0xffff)
            throw InvalidInput("KDF parameter longer than 65535 octets");
        size += p.size() + 2;
    }
    s.resize(size);
    auto at = s.begin();
    *at++ = static_cast<std::uint8_t>(fc);
    for (const ByteView p : parameters) {
        at = std::copy(p.begin(), p.end(), at);
        *at++ = static_cast<std::uint8_t>(p.size() >> 8);
        *at++ = static_cast<std::uint8_t>(p.size());
    }
}

} // namespace

Bytes kdfInputString(KdfFc fc, std::initializer_list<ByteView> parameters)
{
    Bytes s;
    buildInputString(s, fc, parameters);
    return s;
}

SecureBytes kdf(ByteView key, KdfFc fc, std::initializer_list<ByteView> parameters)
{
    noteAlgorithm(Algorithm::Kdf);
    // S is built in the calling thread's buffer (its capacity kept: no allocation per derivation once warm).
    thread_local Bytes s;
    buildInputString(s, fc, parameters);
    return hmacSha256(key, s);
}

} // namespace mtcsec::crypto
