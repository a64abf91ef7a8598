// The EPS key hierarchy of TS 33.401 clause 6.2 and Annex A: K -> CK, IK -> KASME -> KNASenc, KNASint, KeNB
// -> KRRCenc, KRRCint, KUPenc (and KUPint), plus NH and KeNB* for mobility.
#pragma once

#include "core/crypto/Bytes.h"

#include <optional>
#include <string_view>

namespace mtcsec::crypto {

// Algorithm type distinguishers of TS 33.401 A.7 (Table A.7-1).
enum class AlgorithmKeyType : std::uint8_t {
    NasEnc = 0x01,
    NasInt = 0x02,
    RrcEnc = 0x03,
    RrcInt = 0x04,
    UpEnc = 0x05,
    UpInt = 0x06,
};

// "nas-enc", "nas-int", "rrc-enc", "rrc-int", "up-enc", "up-int".
[[nodiscard]] std::string_view name(AlgorithmKeyType type);
[[nodiscard]] std::optional<AlgorithmKeyType> parseAlgorithmKeyType(std::string_view text);

// A.2: KASME from CK (16), IK (16), the serving network id (3 octets, PLMN identity of TS 24.301) and
// SQN xor AK (6 octets, the first field of AUTN).
[[nodiscard]] SecureBytes deriveKasme(ByteView ck, ByteView ik, ByteView snId, ByteView sqnXorAk);

// A.3: KeNB from KASME (32) and the uplink NAS COUNT.
[[nodiscard]] SecureBytes deriveKeNB(ByteView kasme, std::uint32_t uplinkNasCount);

// A.4: NH from KASME and the SYNC-input (the fresh KeNB for the first NH, then the previous NH).
[[nodiscard]] SecureBytes deriveNh(ByteView kasme, ByteView syncInput);

// A.5: KeNB* from KeNB or NH, the target PCI and EARFCN-DL (2 octets, 3 when above 65535).
[[nodiscard]] SecureBytes deriveKeNBStar(ByteView key, std::uint16_t pci, std::uint32_t earfcnDl);

// A.7: the 256-bit KDF output for an algorithm key (KASME for NAS keys, KeNB for RRC and UP keys).
[[nodiscard]] SecureBytes deriveAlgorithmKey256(ByteView key, AlgorithmKeyType type,
                                                std::uint8_t algorithmId);

// A.7: the 128-bit algorithm key: the 128 least significant bits, i.e. the last 16 octets.
[[nodiscard]] SecureBytes deriveAlgorithmKey(ByteView key, AlgorithmKeyType type, std::uint8_t algorithmId);

} // namespace mtcsec::crypto
