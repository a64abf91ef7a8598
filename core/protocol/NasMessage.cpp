// EMM message encodings of TS 24.301 clauses 8.2 and 9 (Attach, Authentication, Security Mode, Detach).
#include "core/protocol/NasMessage.h"

#include "core/protocol/ByteReader.h"

namespace mtcsec::protocol {
namespace {

// ESM containers (TS 24.301 clause 8.3): PDN connectivity request, activate default EPS bearer context
// request and accept, in their minimal real forms.
const Bytes kPdnConnectivityRequest = {0x02, 0x01, 0xd0, 0x11};
const Bytes kActivateDefaultBearerAccept = {0x52, 0x01, 0xc2};

Bytes activateDefaultBearerRequest(std::uint32_t address)
{
    Bytes out = {0x52, 0x01, 0xc1, 0x01, 0x09, 0x04, 0x03, 'i', 'o', 't', 0x05, 0x01};
    ByteWriter(out).u32(address);
    return out;
}

bool readLv(ByteReader& r, ByteView& value)
{
    std::uint8_t len = 0;
    return r.u8(len) && r.bytes(len, value);
}

bool readLve(ByteReader& r, ByteView& value)
{
    std::uint16_t len = 0;
    return r.u16(len) && r.bytes(len, value);
}

} // namespace

const char* name(EmmType type)
{
    switch (type) {
    case EmmType::AttachRequest:
        return "Attach request";
    case EmmType::AttachAccept:
        return "Attach accept";
    case EmmType::AttachComplete:
        return "Attach complete";
    case EmmType::AttachReject:
        return "Attach reject";
    case EmmType::DetachRequest:
        return "Detach request";
    case EmmType::DetachAccept:
        return "Detach accept";
    case EmmType::AuthenticationRequest:
        return "Authentication request";
    case EmmType::AuthenticationResponse:
        return "Authentication response";
    case EmmType::AuthenticationFailure:
        return "Authentication failure";
    case EmmType::SecurityModeCommand:
        return "Security mode command";
    case EmmType::SecurityModeComplete:
        return "Security mode complete";
    case EmmType::SecurityModeReject:
        return "Security mode reject";
    }
    return "EMM message";
}

Bytes encodeImsi(const std::string& digits)
{
    Bytes out;
    const bool odd = digits.size() % 2 == 1;
    out.push_back(static_cast<std::uint8_t>((digits[0] - '0') << 4 | (odd ? 0x08 : 0x00) | 0x01));
    for (std::size_t i = 1; i < digits.size(); i += 2) {
        const int low = digits[i] - '0';
        const int high = i + 1 < digits.size() ? digits[i + 1] - '0' : 0x0f;
        out.push_back(static_cast<std::uint8_t>(high << 4 | low));
    }
    return out;
}

std::optional<std::string> decodeImsi(ByteView v)
{
    if (v.empty() || (v[0] & 0x07) != 0x01)
        return std::nullopt;
    const bool odd = (v[0] & 0x08) != 0;
    std::string digits(1, static_cast<char>('0' + (v[0] >> 4)));
    for (std::size_t i = 1; i < v.size(); ++i) {
        const int low = v[i] & 0x0f, high = v[i] >> 4;
        if (low > 9)
            return std::nullopt;
        digits.push_back(static_cast<char>('0' + low));
        if (i + 1 == v.size() && !odd) {
            if (high != 0x0f)
                return std::nullopt;
        } else {
            if (high > 9)
                return std::nullopt;
            digits.push_back(static_cast<char>('0' + high));
        }
    }
    if (digits[0] > '9' || digits.size() < 6 || digits.size() > 15)
        return std::nullopt;
    return digits;
}

Bytes encodeNas(const NasMessage& m)
{
    Bytes out;
    out.reserve(64); // every message of the attach but the Attach Accept fits without growing
    ByteWriter w(out);
    w.u8(kPdEmm).u8(static_cast<std::uint8_t>(m.type));
    switch (m.type) {
    case EmmType::AttachRequest: {
        w.u8(static_cast<std::uint32_t>(m.ksi & 0x07) << 4 | 0x01); // NAS KSI | EPS attach
        const Bytes id = encodeImsi(m.imsi);
        w.u8(static_cast<std::uint32_t>(id.size())).bytes(id);
        w.u8(2).u8(m.capabilities.eea).u8(m.capabilities.eia);
        w.u16(static_cast<std::uint32_t>(kPdnConnectivityRequest.size())).bytes(kPdnConnectivityRequest);
        break;
    }
    case EmmType::AttachAccept: {
        w.u8(0x01).u8(0x21);                                     // EPS only; T3412 = 1 minute units x 1
        w.u8(6).u8(0x00).u8(0x00).u8(0xf1).u8(0x10).u16(0x0001); // TAI list: one TAC in PLMN 001/01
        const Bytes esm = activateDefaultBearerRequest(m.pdnAddress);
        w.u16(static_cast<std::uint32_t>(esm.size())).bytes(esm);
        break;
    }
    case EmmType::AttachComplete:
        w.u16(static_cast<std::uint32_t>(kActivateDefaultBearerAccept.size()))
            .bytes(kActivateDefaultBearerAccept);
        break;
    case EmmType::DetachRequest:
        w.u8(m.detachType);
        break;
    case EmmType::DetachAccept:
        break;
    case EmmType::AuthenticationRequest:
        w.u8(m.ksi & 0x07).bytes(m.rand).u8(16).bytes(m.autn);
        break;
    case EmmType::AuthenticationResponse:
        w.u8(static_cast<std::uint32_t>(m.res.size())).bytes(m.res);
        break;
    case EmmType::AuthenticationFailure:
    case EmmType::AttachReject:
        w.u8(m.cause);
        break;
    case EmmType::SecurityModeCommand:
        w.u8(m.selectedAlgorithms).u8(m.ksi & 0x07).u8(2).u8(m.capabilities.eea).u8(m.capabilities.eia);
        break;
    case EmmType::SecurityModeComplete:
        break;
    case EmmType::SecurityModeReject:
        w.u8(m.cause);
        break;
    }
    return out;
}

std::optional<NasMessage> decodeNas(ByteView plain)
{
    ByteReader r(plain);
    std::uint8_t pd = 0, type = 0;
    if (!r.u8(pd) || !r.u8(type) || pd != kPdEmm)
        return std::nullopt;
    NasMessage m;
    m.type = static_cast<EmmType>(type);
    ByteView v;
    std::uint8_t octet = 0;
    switch (m.type) {
    case EmmType::AttachRequest: {
        if (!r.u8(octet) || (octet & 0x07) != 0x01)
            return std::nullopt;
        m.ksi = static_cast<std::uint8_t>(octet >> 4 & 0x07);
        if (!readLv(r, v))
            return std::nullopt;
        const auto imsi = decodeImsi(v);
        if (!imsi)
            return std::nullopt;
        m.imsi = *imsi;
        if (!readLv(r, v) || v.size() < 2)
            return std::nullopt;
        m.capabilities = {v[0], v[1]};
        if (!readLve(r, v) || v.size() < 4 || v[0] != 0x02)
            return std::nullopt;
        break;
    }
    case EmmType::AttachAccept: {
        std::uint8_t result = 0, timer = 0;
        if (!r.u8(result) || !r.u8(timer) || (result & 0x07) == 0 || !readLv(r, v) || !readLve(r, v))
            return std::nullopt;
        // Activate default EPS bearer context request: PD/EBI, PTI, type 0xc1, QoS, APN, PDN address.
        ByteReader esm(v);
        std::uint8_t ebi = 0, pti = 0, esmType = 0;
        ByteView qos, apn, pdn;
        if (!esm.u8(ebi) || !esm.u8(pti) || !esm.u8(esmType) || (ebi & 0x0f) != kPdEsm || esmType != 0xc1 ||
            !readLv(esm, qos) || !readLv(esm, apn) || !readLv(esm, pdn) || !esm.atEnd() || pdn.size() != 5 ||
            pdn[0] != 0x01)
            return std::nullopt;
        m.pdnAddress = static_cast<std::uint32_t>(pdn[1]) << 24 | static_cast<std::uint32_t>(pdn[2]) << 16 |
                       static_cast<std::uint32_t>(pdn[3]) << 8 | pdn[4];
        break;
    }
    case EmmType::AttachComplete:
        if (!readLve(r, v) || v.size() != 3 || v[0] != 0x52 || v[2] != 0xc2)
            return std::nullopt;
        break;
    case EmmType::DetachRequest:
        if (!r.u8(m.detachType) || (m.detachType & 0x07) == 0)
            return std::nullopt;
        break;
    case EmmType::DetachAccept:
        break;
    case EmmType::AuthenticationRequest:
        // Spare half octet | NAS key set identifier (TSC and the 3-bit value; 9.9.3.21).
        if (!r.u8(octet) || !r.bytes(16, v))
            return std::nullopt;
        m.ksi = static_cast<std::uint8_t>(octet & 0x07);
        std::copy(v.begin(), v.end(), m.rand.begin());
        if (!readLv(r, v) || v.size() != 16)
            return std::nullopt;
        std::copy(v.begin(), v.end(), m.autn.begin());
        break;
    case EmmType::AuthenticationResponse:
        if (!readLv(r, v) || v.size() < 4 || v.size() > 16)
            return std::nullopt;
        m.res.assign(v.begin(), v.end());
        break;
    case EmmType::AuthenticationFailure:
    case EmmType::SecurityModeReject:
    case EmmType::AttachReject:
        if (!r.u8(m.cause))
            return std::nullopt;
        break;
    case EmmType::SecurityModeCommand:
        if (!r.u8(m.selectedAlgorithms) || (m.selectedAlgorithms & 0x88) != 0 || !r.u8(octet) ||
            !readLv(r, v) || v.size() < 2)
            return std::nullopt;
        m.ksi = static_cast<std::uint8_t>(octet & 0x07); // as in the Authentication Request
        m.capabilities = {v[0], v[1]};
        break;
    case EmmType::SecurityModeComplete:
        break;
    default:
        return std::nullopt;
    }
    if (!r.atEnd())
        return std::nullopt;
    return m;
}

} // namespace mtcsec::protocol
