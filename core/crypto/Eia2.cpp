// 128-EIA2 (TS 33.401 Annex B.2.3) on the bit-level AES-CMAC.
#include "core/crypto/Eia2.h"

#include "core/crypto/AesCmac.h"
#include "core/crypto/CryptoLedger.h"
#include "core/crypto/Primitives.h"

#include <algorithm>

namespace mtcsec::crypto {

Mac eia2(ByteView key, const AlgorithmInput& input, ByteView message, std::size_t lengthBits)
{
    validateAlgorithmInput(key, input, message, lengthBits);
    noteAlgorithm(Algorithm::Eia2);
    // M = COUNT (32) || BEARER (5) || DIRECTION (1) || 0^26 || MESSAGE; BLENGTH = LENGTH + 64.
    const auto head = packCountBearerDirection(input);
    // In the calling thread's buffer (its capacity kept: no allocation per message once warm).
    thread_local Bytes m;
    m.resize(head.size() + message.size());
    std::copy(head.begin(), head.end(), m.begin());
    std::copy(message.begin(), message.end(), m.begin() + 8);
    const Block tag = aesCmacBits(cachedAes128(key), m, lengthBits + 64);
    Mac mac;
    std::copy_n(tag.begin(), mac.size(), mac.begin());
    return mac;
}

Mac eia2(ByteView key, const AlgorithmInput& input, ByteView message)
{
    return eia2(key, input, message, message.size() * 8);
}

} // namespace mtcsec::crypto
