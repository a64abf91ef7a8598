// Generic KDF (TS 33.220 Annex B.2.0) over HMAC-SHA-256 from the crypto facade.
#include "core/crypto/Kdf.h"

#include "core/InvalidInput.h"
#include "core/crypto/CryptoLedger.h"
#include "core/crypto/Primitives.h"

namespace mtcsec::crypto {

Bytes kdfInputString(KdfFc fc, std::initializer_list<ByteView> parameters)
{
    Bytes s{static_cast<std::uint8_t>(fc)};
    for (const ByteView p : parameters) {
        if (p.size() > 0xffff)
            throw InvalidInput("KDF parameter longer than 65535 octets");
        s.insert(s.end(), p.begin(), p.end());
        s.push_back(static_cast<std::uint8_t>(p.size() >> 8));
        s.push_back(static_cast<std::uint8_t>(p.size()));
    }
    return s;
}

SecureBytes kdf(ByteView key, KdfFc fc, std::initializer_list<ByteView> parameters)
{
    noteAlgorithm(Algorithm::Kdf);
    return hmacSha256(key, kdfInputString(fc, parameters));
}

} // namespace mtcsec::crypto
