// The MILENAGE authentication and key generation functions f1, f1*, f2, f3, f4, f5, f5* and the derivation
// of OPc from OP (TS 35.206 clause 4), on AES-128 as the kernel E_K (TS 35.206 clause 5: Rijndael).
#pragma once

#include "core/crypto/Bytes.h"
#include "core/crypto/Primitives.h"

#include <array>

namespace mtcsec::crypto {

struct MilenageOutput {
    std::array<std::uint8_t, 8> f1{};     // MAC-A, network authentication code (goes into AUTN)
    std::array<std::uint8_t, 8> f1star{}; // MAC-S, for re-synchronisation
    SecureBytes f2;                       // RES / XRES, 64 bits
    SecureBytes f3;                       // CK, 128 bits
    SecureBytes f4;                       // IK, 128 bits
    SecureBytes f5;                       // AK, 48 bits
    SecureBytes f5star;                   // AK for re-synchronisation, 48 bits
};

class Milenage final {
public:
    // K and OPc are 16 octets each; throws InvalidInput otherwise.
    Milenage(ByteView k, ByteView opc);

    // OPc = OP xor E_K(OP) (TS 35.206 4.1).
    [[nodiscard]] static SecureBytes computeOpc(ByteView k, ByteView op);

    // All seven functions for one challenge. RAND 16 octets, SQN 6, AMF 2.
    [[nodiscard]] MilenageOutput compute(ByteView rand, ByteView sqn, ByteView amf) const;

    [[nodiscard]] ByteView opc() const { return opc_; }

private:
    Aes128 kernel_;
    SecureBytes opc_;
};

} // namespace mtcsec::crypto
