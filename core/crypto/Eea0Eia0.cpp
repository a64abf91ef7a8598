// EEA0 and EIA0 (TS 33.401 Annex B.0).
#include "core/crypto/Eea0Eia0.h"

namespace mtcsec::crypto {

Bytes eea0(ByteView data, std::size_t lengthBits)
{
    Bytes out(data.begin(), data.begin() + static_cast<std::ptrdiff_t>(octetsForBits(lengthBits)));
    clearBitsBeyondLength(out, lengthBits);
    return out;
}

Mac eia0()
{
    return Mac{};
}

} // namespace mtcsec::crypto
