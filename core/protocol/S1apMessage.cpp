// S1AP (TS 36.413 clause 9.3) in APER (X.691 ALIGNED): the S1AP-PDU, its ProtocolIE-Containers and the IEs of
// the five messages of the attach.
#include "core/protocol/S1apMessage.h"

#include "core/InvalidInput.h"
#include "core/protocol/PerBits.h"

#include <span>
#include <string>
#include <vector>

namespace mtcsec::protocol {
namespace {

constexpr auto kAligned = PerVariant::Aligned;

// Criticality ::= ENUMERATED { reject, ignore, notify } (9.3.5).
enum Criticality : std::uint8_t { kReject = 0, kIgnore = 1 };

// ProtocolIE-ID values (9.3.7).
constexpr std::uint16_t kIdMmeUeS1apId = 0;
constexpr std::uint16_t kIdEnbUeS1apId = 8;
constexpr std::uint16_t kIdErabToBeSetupListCtxtSuReq = 24;
constexpr std::uint16_t kIdNasPdu = 26;
constexpr std::uint16_t kIdErabSetupItemCtxtSuRes = 50;
constexpr std::uint16_t kIdErabSetupListCtxtSuRes = 51;
constexpr std::uint16_t kIdErabToBeSetupItemCtxtSuReq = 52;
constexpr std::uint16_t kIdUeAggregateMaximumBitrate = 66;
constexpr std::uint16_t kIdTai = 67;
constexpr std::uint16_t kIdSecurityKey = 73;
constexpr std::uint16_t kIdEutranCgi = 100;
constexpr std::uint16_t kIdUeSecurityCapabilities = 107;
constexpr std::uint16_t kIdRrcEstablishmentCause = 134;

constexpr std::uint64_t kMaxBitRate = 10000000000ULL; // BitRate ::= INTEGER (0..10000000000)
constexpr std::uint64_t kMaxEnbUeId = 0xffffff;       // ENB-UE-S1AP-ID ::= INTEGER (0..16777215)
constexpr std::uint64_t kMaxMmeUeId = 0xffffffff;     // MME-UE-S1AP-ID ::= INTEGER (0..4294967295)
constexpr std::uint64_t kMaxProtocolIes = 65535;      // maxProtocolIEs
constexpr std::uint64_t kMaxErabs = 256;              // maxnoofE-RABs

struct IeSpec {
    std::uint16_t id;
    Criticality criticality;
};

// The S1AP-PDU choice (0 initiatingMessage, 1 successfulOutcome), procedure code and criticality of each
// message, and its IEs in the order of the ASN.1 of clause 9.3.3.
struct MessageSpec {
    S1apProcedure procedure;
    std::uint8_t pduChoice;
    std::uint8_t code;
    Criticality criticality;
    std::span<const IeSpec> ies;
};

constexpr IeSpec kInitialUe[] = {{kIdEnbUeS1apId, kReject},
                                 {kIdNasPdu, kReject},
                                 {kIdTai, kReject},
                                 {kIdEutranCgi, kIgnore},
                                 {kIdRrcEstablishmentCause, kIgnore}};
constexpr IeSpec kDownlinkNas[] = {
    {kIdMmeUeS1apId, kReject}, {kIdEnbUeS1apId, kReject}, {kIdNasPdu, kReject}};
constexpr IeSpec kUplinkNas[] = {{kIdMmeUeS1apId, kReject},
                                 {kIdEnbUeS1apId, kReject},
                                 {kIdNasPdu, kReject},
                                 {kIdEutranCgi, kIgnore},
                                 {kIdTai, kIgnore}};
constexpr IeSpec kContextRequest[] = {{kIdMmeUeS1apId, kReject},
                                      {kIdEnbUeS1apId, kReject},
                                      {kIdUeAggregateMaximumBitrate, kReject},
                                      {kIdErabToBeSetupListCtxtSuReq, kReject},
                                      {kIdUeSecurityCapabilities, kReject},
                                      {kIdSecurityKey, kReject}};
constexpr IeSpec kContextResponse[] = {
    {kIdMmeUeS1apId, kIgnore}, {kIdEnbUeS1apId, kIgnore}, {kIdErabSetupListCtxtSuRes, kIgnore}};

constexpr MessageSpec kMessages[] = {
    {S1apProcedure::InitialUeMessage, 0, 12, kIgnore, kInitialUe},
    {S1apProcedure::DownlinkNasTransport, 0, 11, kIgnore, kDownlinkNas},
    {S1apProcedure::UplinkNasTransport, 0, 13, kIgnore, kUplinkNas},
    {S1apProcedure::InitialContextSetupRequest, 0, 9, kReject, kContextRequest},
    {S1apProcedure::InitialContextSetupResponse, 1, 9, kReject, kContextResponse},
};

const MessageSpec* specOf(S1apProcedure p)
{
    for (const MessageSpec& s : kMessages)
        if (s.procedure == p)
            return &s;
    return nullptr;
}

// ---------------------------------------------------------------- encoding of the IE values

// PLMNidentity ::= TBCD-STRING (SIZE (3)): fixed, more than 2 octets, so octet-aligned (X.691 17.7).
void putPlmn(PerWriter& w, const std::array<std::uint8_t, 3>& plmn)
{
    w.align();
    w.octets(plmn);
}

// TransportLayerAddress ::= BIT STRING (SIZE(1..160, ...)): extension bit, length 1..160, aligned bits.
void putAddress(PerWriter& w, std::uint32_t address)
{
    w.bits(0, 1);
    w.constrainedWholeNumber(32, 1, 160);
    w.align();
    w.bits(address, 32);
}

// GTP-TEID ::= OCTET STRING (SIZE (4)).
void putTeid(PerWriter& w, std::uint32_t teid)
{
    w.align();
    w.bits(teid, 32);
}

// E-RAB-ID ::= INTEGER (0..15, ...).
void putErabId(PerWriter& w, std::uint8_t id)
{
    w.bits(0, 1);
    w.constrainedWholeNumber(id, 0, 15);
}

void enbUeIdValue(PerWriter& w, const S1apMessage& m)
{
    w.constrainedWholeNumber(m.enbUeId, 0, kMaxEnbUeId);
}

void mmeUeIdValue(PerWriter& w, const S1apMessage& m)
{
    w.constrainedWholeNumber(m.mmeUeId, 0, kMaxMmeUeId);
}

void nasPduValue(PerWriter& w, const S1apMessage& m)
{
    if (m.nasPdu.empty())
        throw InvalidInput(std::string("S1AP ") + name(m.procedure) + ": the NAS-PDU is empty");
    w.octetString(m.nasPdu);
}

// TAI ::= SEQUENCE { pLMNidentity, tAC TAC (OCTET STRING (SIZE(2))), iE-Extensions OPTIONAL, ... }
void taiValue(PerWriter& w, const S1apMessage& m)
{
    w.bits(0, 2); // extension bit, iE-Extensions absent
    putPlmn(w, m.tai.plmn);
    w.bits(m.tai.tac, 16); // two octets or fewer: not aligned (X.691 17.6)
}

// EUTRAN-CGI ::= SEQUENCE { pLMNidentity, cell-ID BIT STRING (SIZE (28)), iE-Extensions OPTIONAL, ... }
void cgiValue(PerWriter& w, const S1apMessage& m)
{
    if (m.cgi.cellId > 0x0fffffff)
        throw InvalidInput(std::string("S1AP ") + name(m.procedure) + ": the cell identity exceeds 28 bits");
    w.bits(0, 2);
    putPlmn(w, m.cgi.plmn);
    w.align(); // a fixed BIT STRING longer than 16 bits is octet-aligned (X.691 16.10)
    w.bits(m.cgi.cellId, 28);
}

// RRC-Establishment-Cause ::= ENUMERATED { emergency, highPriorityAccess, mt-Access, mo-Signalling, mo-Data,
// ..., ...}: the root values only.
void causeValue(PerWriter& w, const S1apMessage& m)
{
    w.bits(0, 1);
    w.constrainedWholeNumber(m.establishmentCause, 0, 4);
}

// UEAggregateMaximumBitrate ::= SEQUENCE { uEaggregateMaximumBitRateDL BitRate, ...UL BitRate,
// iE-Extensions OPTIONAL, ... }
void ambrValue(PerWriter& w, const S1apMessage& m)
{
    w.bits(0, 2);
    w.constrainedWholeNumber(m.ambrDownlink, 0, kMaxBitRate);
    w.constrainedWholeNumber(m.ambrUplink, 0, kMaxBitRate);
}

// One ProtocolIE-Field: id, criticality, the value (written by `value`) as an open type (X.691 11.2), in
// place.
template <typename F>
void putIe(PerWriter& w, IeSpec spec, F&& value)
{
    w.constrainedWholeNumber(spec.id, 0, 65535);
    w.bits(spec.criticality, 2);
    const std::size_t mark = w.beginOpenType();
    value(w);
    w.endOpenType(mark);
}

// E-RABToBeSetupItemCtxtSUReq ::= SEQUENCE { e-RAB-ID, e-RABlevelQoSParameters, transportLayerAddress,
// gTP-TEID, nAS-PDU OPTIONAL, iE-Extensions OPTIONAL, ... }
void erabRequestItem(PerWriter& w, const S1apMessage& m)
{
    const S1apErab& e = m.erab;
    w.bits(0, 1);
    w.bits(m.nasPdu.empty() ? 0 : 1, 1);
    w.bits(0, 1);
    putErabId(w, e.id);
    // E-RABLevelQoSParameters ::= SEQUENCE { qCI, allocationRetentionPriority, gbrQosInformation OPTIONAL,
    // iE-Extensions OPTIONAL, ... }
    w.bits(0, 3);
    w.constrainedWholeNumber(e.qci, 0, 255);
    // AllocationAndRetentionPriority ::= SEQUENCE { priorityLevel (0..15), pre-emptionCapability,
    // pre-emptionVulnerability, iE-Extensions OPTIONAL, ... }
    w.bits(0, 2);
    w.constrainedWholeNumber(e.priorityLevel, 0, 15);
    w.bits(e.preemptionCapability ? 1 : 0, 1);
    w.bits(e.preemptionVulnerability ? 1 : 0, 1);
    putAddress(w, e.transportLayerAddress);
    putTeid(w, e.teid);
    if (!m.nasPdu.empty())
        w.octetString(m.nasPdu);
}

// E-RABSetupItemCtxtSURes ::= SEQUENCE { e-RAB-ID, transportLayerAddress, gTP-TEID, iE-Extensions OPTIONAL,
// ... }
void erabResponseItem(PerWriter& w, const S1apMessage& m)
{
    w.bits(0, 2);
    putErabId(w, m.erab.id);
    putAddress(w, m.erab.transportLayerAddress);
    putTeid(w, m.erab.teid);
}

// A list of one E-RAB: SEQUENCE (SIZE(1..maxnoofE-RABs)) OF ProtocolIE-SingleContainer.
template <typename F>
void erabList(PerWriter& w, IeSpec item, F&& itemValue)
{
    w.constrainedWholeNumber(1, 1, kMaxErabs);
    putIe(w, item, itemValue);
}

// UESecurityCapabilities ::= SEQUENCE { encryptionAlgorithms BIT STRING (SIZE (16, ...)),
// integrityProtectionAlgorithms BIT STRING (SIZE (16, ...)), iE-Extensions OPTIONAL, ... }
void capabilitiesValue(PerWriter& w, const S1apMessage& m)
{
    if (!m.ueSecurityCapabilities)
        throw InvalidInput("S1AP InitialContextSetupRequest: the UE security capabilities are missing");
    w.bits(0, 2);
    w.bits(0, 1);
    w.bits(m.ueSecurityCapabilities->encryption, 16); // 16 bits or fewer: not aligned (X.691 16.9)
    w.bits(0, 1);
    w.bits(m.ueSecurityCapabilities->integrity, 16);
}

// SecurityKey ::= BIT STRING (SIZE(256)): octet-aligned (X.691 16.10).
void securityKeyValue(PerWriter& w, const S1apMessage& m)
{
    if (!m.securityKey)
        throw InvalidInput("S1AP InitialContextSetupRequest: the Security Key is missing");
    w.octets(*m.securityKey);
}

void ieValue(PerWriter& w, const S1apMessage& m, std::uint16_t id)
{
    switch (id) {
    case kIdMmeUeS1apId:
        return mmeUeIdValue(w, m);
    case kIdEnbUeS1apId:
        return enbUeIdValue(w, m);
    case kIdNasPdu:
        return nasPduValue(w, m);
    case kIdTai:
        return taiValue(w, m);
    case kIdEutranCgi:
        return cgiValue(w, m);
    case kIdRrcEstablishmentCause:
        return causeValue(w, m);
    case kIdUeAggregateMaximumBitrate:
        return ambrValue(w, m);
    case kIdErabToBeSetupListCtxtSuReq:
        return erabList(w, {kIdErabToBeSetupItemCtxtSuReq, kReject},
                        [&](PerWriter& item) { erabRequestItem(item, m); });
    case kIdErabSetupListCtxtSuRes:
        return erabList(w, {kIdErabSetupItemCtxtSuRes, kIgnore},
                        [&](PerWriter& item) { erabResponseItem(item, m); });
    case kIdUeSecurityCapabilities:
        return capabilitiesValue(w, m);
    case kIdSecurityKey:
        return securityKeyValue(w, m);
    default:
        throw InvalidInput(std::string("S1AP ") + name(m.procedure) + ": no encoder for IE " +
                           std::to_string(id));
    }
}

// ---------------------------------------------------------------- decoding of the IE values

// A complete encoding (an open type's value) read by `read`, which must use every bit but the padding.
template <typename F>
bool readValue(ByteView value, F&& read)
{
    PerReader r(value, kAligned);
    return read(r) && r.atPaddedEnd();
}

bool zeroBits(PerReader& r, unsigned count)
{
    std::uint64_t v = 0;
    return r.bits(count, v) && v == 0;
}

bool getPlmn(PerReader& r, std::array<std::uint8_t, 3>& plmn)
{
    return r.align() && r.octets(plmn);
}

bool getAddress(PerReader& r, std::uint32_t& address)
{
    std::uint64_t length = 0;
    std::uint64_t v = 0;
    // Only IPv4 (32 bits): an IPv6 or dual address is not one the simulated network uses.
    if (!zeroBits(r, 1) || !r.constrainedWholeNumber(1, 160, length) || length != 32 || !r.align() ||
        !r.bits(32, v))
        return false;
    address = static_cast<std::uint32_t>(v);
    return true;
}

bool getTeid(PerReader& r, std::uint32_t& teid)
{
    std::uint64_t v = 0;
    if (!r.align() || !r.bits(32, v))
        return false;
    teid = static_cast<std::uint32_t>(v);
    return true;
}

bool getErabId(PerReader& r, std::uint8_t& id)
{
    std::uint64_t v = 0;
    if (!zeroBits(r, 1) || !r.constrainedWholeNumber(0, 15, v))
        return false;
    id = static_cast<std::uint8_t>(v);
    return true;
}

bool getBit(PerReader& r, bool& bit)
{
    std::uint64_t v = 0;
    if (!r.bits(1, v))
        return false;
    bit = v != 0;
    return true;
}

bool getErabRequestItem(PerReader& r, S1apMessage& m)
{
    S1apErab& e = m.erab;
    std::uint64_t nasPresent = 0;
    std::uint64_t qci = 0;
    std::uint64_t priority = 0;
    if (!zeroBits(r, 1) || !r.bits(1, nasPresent) || !zeroBits(r, 1) || !getErabId(r, e.id) ||
        !zeroBits(r, 3) || !r.constrainedWholeNumber(0, 255, qci) || !zeroBits(r, 2) ||
        !r.constrainedWholeNumber(0, 15, priority) || !getBit(r, e.preemptionCapability) ||
        !getBit(r, e.preemptionVulnerability) || !getAddress(r, e.transportLayerAddress) ||
        !getTeid(r, e.teid))
        return false;
    e.qci = static_cast<std::uint8_t>(qci);
    e.priorityLevel = static_cast<std::uint8_t>(priority);
    if (nasPresent != 0 && (!r.octetString(m.nasPdu) || m.nasPdu.empty()))
        return false; // an empty nAS-PDU would encode back as an absent one
    return true;
}

bool getErabResponseItem(PerReader& r, S1apMessage& m)
{
    return zeroBits(r, 2) && getErabId(r, m.erab.id) && getAddress(r, m.erab.transportLayerAddress) &&
           getTeid(r, m.erab.teid);
}

// One ProtocolIE-Field with the expected id and criticality; its value's octets.
bool getIe(PerReader& r, IeSpec spec, ByteView& value)
{
    std::uint64_t id = 0;
    std::uint64_t criticality = 0;
    return r.constrainedWholeNumber(0, 65535, id) && id == spec.id && r.bits(2, criticality) &&
           criticality == spec.criticality && r.octetString(value);
}

template <typename F>
bool getErabList(PerReader& r, IeSpec item, F&& readItem)
{
    std::uint64_t count = 0;
    ByteView value;
    return r.constrainedWholeNumber(1, kMaxErabs, count) && count == 1 && getIe(r, item, value) &&
           readValue(value, readItem);
}

bool getIeValue(ByteView value, std::uint16_t id, S1apMessage& m)
{
    return readValue(value, [&](PerReader& r) {
        std::uint64_t v = 0;
        std::uint64_t w = 0;
        switch (id) {
        case kIdMmeUeS1apId:
            if (!r.constrainedWholeNumber(0, kMaxMmeUeId, v))
                return false;
            m.mmeUeId = static_cast<std::uint32_t>(v);
            return true;
        case kIdEnbUeS1apId:
            if (!r.constrainedWholeNumber(0, kMaxEnbUeId, v))
                return false;
            m.enbUeId = static_cast<std::uint32_t>(v);
            return true;
        case kIdNasPdu:
            return r.octetString(m.nasPdu) && !m.nasPdu.empty();
        case kIdTai:
            if (!zeroBits(r, 2) || !getPlmn(r, m.tai.plmn) || !r.bits(16, v))
                return false;
            m.tai.tac = static_cast<std::uint16_t>(v);
            return true;
        case kIdEutranCgi:
            if (!zeroBits(r, 2) || !getPlmn(r, m.cgi.plmn) || !r.align() || !r.bits(28, v))
                return false;
            m.cgi.cellId = static_cast<std::uint32_t>(v);
            return true;
        case kIdRrcEstablishmentCause:
            if (!zeroBits(r, 1) || !r.constrainedWholeNumber(0, 4, v))
                return false;
            m.establishmentCause = static_cast<std::uint8_t>(v);
            return true;
        case kIdUeAggregateMaximumBitrate:
            if (!zeroBits(r, 2) || !r.constrainedWholeNumber(0, kMaxBitRate, v) ||
                !r.constrainedWholeNumber(0, kMaxBitRate, w))
                return false;
            m.ambrDownlink = v;
            m.ambrUplink = w;
            return true;
        case kIdErabToBeSetupListCtxtSuReq:
            return getErabList(r, {kIdErabToBeSetupItemCtxtSuReq, kReject},
                               [&](PerReader& item) { return getErabRequestItem(item, m); });
        case kIdErabSetupListCtxtSuRes:
            return getErabList(r, {kIdErabSetupItemCtxtSuRes, kIgnore},
                               [&](PerReader& item) { return getErabResponseItem(item, m); });
        case kIdUeSecurityCapabilities:
            if (!zeroBits(r, 3) || !r.bits(16, v) || !zeroBits(r, 1) || !r.bits(16, w))
                return false;
            m.ueSecurityCapabilities =
                S1apSecurityCapabilities{static_cast<std::uint16_t>(v), static_cast<std::uint16_t>(w)};
            return true;
        case kIdSecurityKey: {
            std::array<std::uint8_t, 32> key{};
            if (!r.octets(key))
                return false;
            m.securityKey = key;
            return true;
        }
        default:
            return false;
        }
    });
}

} // namespace

Bytes encodeS1ap(const S1apMessage& m)
{
    const MessageSpec* spec = specOf(m.procedure);
    if (spec == nullptr)
        throw InvalidInput("S1AP: unknown procedure " + std::to_string(static_cast<unsigned>(m.procedure)));
    // InitiatingMessage/SuccessfulOutcome ::= SEQUENCE { procedureCode, criticality, value }; the value is
    // the message: SEQUENCE { protocolIEs ProtocolIE-Container, ... }.
    // Everything in one buffer: each open type is written in place, its length put before it at its end.
    PerWriter pdu(kAligned);
    pdu.bits(0, 1); // S1AP-PDU ::= CHOICE { initiatingMessage, successfulOutcome, unsuccessfulOutcome, ... }
    pdu.constrainedWholeNumber(spec->pduChoice, 0, 2);
    pdu.constrainedWholeNumber(spec->code, 0, 255);
    pdu.bits(spec->criticality, 2);
    const std::size_t message = pdu.beginOpenType();
    pdu.bits(0, 1);
    pdu.constrainedWholeNumber(spec->ies.size(), 0, kMaxProtocolIes);
    for (const IeSpec& ie : spec->ies)
        putIe(pdu, ie, [&](PerWriter& w) { ieValue(w, m, ie.id); });
    pdu.endOpenType(message);
    return std::move(pdu).finish();
}

std::optional<S1apMessage> decodeS1ap(ByteView bytes)
{
    PerReader pdu(bytes, kAligned);
    std::uint64_t extension = 1;
    std::uint64_t choice = 0;
    std::uint64_t code = 0;
    std::uint64_t criticality = 0;
    ByteView value; // the message, and each IE's value below: views into `bytes`, not copies
    if (!pdu.bits(1, extension) || extension != 0 || !pdu.constrainedWholeNumber(0, 2, choice) ||
        !pdu.constrainedWholeNumber(0, 255, code) || !pdu.bits(2, criticality) || !pdu.octetString(value) ||
        !pdu.atPaddedEnd())
        return std::nullopt;
    const MessageSpec* spec = nullptr;
    for (const MessageSpec& s : kMessages)
        if (s.pduChoice == choice && s.code == code)
            spec = &s;
    if (spec == nullptr || criticality != spec->criticality)
        return std::nullopt;
    S1apMessage m;
    m.procedure = spec->procedure;
    const bool ok = readValue(value, [&](PerReader& r) {
        std::uint64_t count = 0;
        if (!zeroBits(r, 1) || !r.constrainedWholeNumber(0, kMaxProtocolIes, count) ||
            count != spec->ies.size())
            return false;
        for (const IeSpec& ie : spec->ies) {
            ByteView ieBytes;
            if (!getIe(r, ie, ieBytes) || !getIeValue(ieBytes, ie.id, m))
                return false;
        }
        return true;
    });
    if (!ok)
        return std::nullopt;
    return m;
}

const char* name(S1apProcedure p)
{
    switch (p) {
    case S1apProcedure::InitialContextSetupRequest:
        return "InitialContextSetupRequest";
    case S1apProcedure::InitialContextSetupResponse:
        return "InitialContextSetupResponse";
    case S1apProcedure::DownlinkNasTransport:
        return "DownlinkNASTransport";
    case S1apProcedure::InitialUeMessage:
        return "InitialUEMessage";
    case S1apProcedure::UplinkNasTransport:
        return "UplinkNASTransport";
    }
    return "S1AP";
}

S1apSecurityCapabilities s1apCapabilities(const UeSecurityCapabilities& nas)
{
    // NAS octet: bit 8 EEA0, bit 7 128-EEA1, ...; S1AP: bit 1 (the most significant) 128-EEA1, ...
    return {static_cast<std::uint16_t>((nas.eea << 1 & 0xe0) << 8),
            static_cast<std::uint16_t>((nas.eia << 1 & 0xe0) << 8)};
}

UeSecurityCapabilities nasCapabilities(const S1apSecurityCapabilities& s1ap)
{
    return {static_cast<std::uint8_t>(0x80 | (s1ap.encryption >> 9 & 0x70)),
            static_cast<std::uint8_t>(0x80 | (s1ap.integrity >> 9 & 0x70))};
}

} // namespace mtcsec::protocol
