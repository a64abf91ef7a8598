// RRC messages on SRB1 (TS 36.331 clause 6.2.1) in UPER (X.691 UNALIGNED): UL-DCCH-Message and
// DL-DCCH-Message with the five message types RrcMessage.h lists, bit by bit as the ASN.1 of clause 6.2.
#include "core/protocol/RrcMessage.h"

#include "core/InvalidInput.h"
#include "core/protocol/PerBits.h"

#include <string>

namespace mtcsec::protocol {
namespace {

constexpr auto kUnaligned = PerVariant::Unaligned;

// Alternatives of UL-DCCH-MessageType.c1 and DL-DCCH-MessageType.c1 (16 each: 4 bits).
constexpr std::uint8_t kUlSecurityModeComplete = 5;
constexpr std::uint8_t kUlSecurityModeFailure = 6;
constexpr std::uint8_t kUlInformationTransfer = 9;
constexpr std::uint8_t kDlInformationTransfer = 1;
constexpr std::uint8_t kDlSecurityModeCommand = 6;

std::uint8_t messageNumber(RrcType type)
{
    switch (type) {
    case RrcType::UlInformationTransfer:
        return kUlInformationTransfer;
    case RrcType::DlInformationTransfer:
        return kDlInformationTransfer;
    case RrcType::SecurityModeCommand:
        return kDlSecurityModeCommand;
    case RrcType::SecurityModeComplete:
        return kUlSecurityModeComplete;
    case RrcType::SecurityModeFailure:
        return kUlSecurityModeFailure;
    }
    throw InvalidInput("RRC: unknown message type " + std::to_string(static_cast<unsigned>(type)));
}

[[noreturn]] void refuse(RrcType type, const std::string& why)
{
    throw InvalidInput(std::string("RRC ") + name(type) + ": " + why);
}

PerWriter encodeBits(RrcType type, ByteView body, std::uint8_t transactionId)
{
    if (transactionId > 3)
        refuse(type, "rrc-TransactionIdentifier " + std::to_string(transactionId) + " is above 3");
    PerWriter w(kUnaligned);
    // UL-/DL-DCCH-Message ::= SEQUENCE { message CHOICE { c1 CHOICE {...}, messageClassExtension ... } }
    w.bits(0, 1);
    w.bits(messageNumber(type), 4);
    switch (type) {
    case RrcType::UlInformationTransfer:
    case RrcType::DlInformationTransfer:
        if (body.empty())
            refuse(type, "the NAS PDU is empty");
        // DLInformationTransfer ::= SEQUENCE { rrc-TransactionIdentifier, criticalExtensions CHOICE { c1
        // CHOICE { dlInformationTransfer-r8, ... (4) }, criticalExtensionsFuture } }; the uplink one has no
        // rrc-TransactionIdentifier.
        if (type == RrcType::DlInformationTransfer)
            w.bits(transactionId, 2);
        w.bits(0, 1);
        w.bits(0, 2);
        // -r8-IEs ::= SEQUENCE { dedicatedInfoType CHOICE { dedicatedInfoNAS, dedicatedInfoCDMA2000-1XRTT,
        // dedicatedInfoCDMA2000-HRPD }, nonCriticalExtension OPTIONAL }
        w.bits(0, 1);
        w.bits(0, 2);
        w.octetString(body);
        break;
    case RrcType::SecurityModeCommand: {
        if (body.size() != 3 || body[0] > 7 || body[1] > 7 || body[2] > 7)
            refuse(type, "the body is not 3 algorithms 0..7");
        const bool deviation = body[2] != body[1];
        // SecurityModeCommand ::= SEQUENCE { rrc-TransactionIdentifier, criticalExtensions CHOICE { c1 CHOICE
        // { securityModeCommand-r8, spare3, spare2, spare1 }, criticalExtensionsFuture } }
        w.bits(transactionId, 2);
        w.bits(0, 1);
        w.bits(0, 2);
        // SecurityModeCommand-r8-IEs ::= SEQUENCE { securityConfigSMC, nonCriticalExtension OPTIONAL }
        w.bits(deviation ? 1 : 0, 1);
        // SecurityConfigSMC ::= SEQUENCE { securityAlgorithmConfig, ... }; SecurityAlgorithmConfig ::=
        // SEQUENCE { cipheringAlgorithm CipheringAlgorithm-r12 (ENUMERATED, 8 values, ...),
        // integrityProtAlgorithm ENUMERATED { eia0-v920, eia1, eia2, eia3-v1130, spare4..1, ... } }
        w.bits(0, 1);
        w.bits(0, 1);
        w.bits(body[1], 3);
        w.bits(0, 1);
        w.bits(body[0], 3);
        if (deviation) {
            // SecurityModeCommand-v8a0-IEs ::= SEQUENCE { lateNonCriticalExtension OCTET STRING OPTIONAL,
            // nonCriticalExtension SEQUENCE {} OPTIONAL }: the lab's DRB ciphering algorithm (the deviation).
            w.bits(0b10, 2);
            w.octetString(body.subspan(2, 1));
        }
        break;
    }
    case RrcType::SecurityModeComplete:
    case RrcType::SecurityModeFailure:
        if (!body.empty())
            refuse(type, "the body is not empty");
        // SecurityModeComplete ::= SEQUENCE { rrc-TransactionIdentifier, criticalExtensions CHOICE {
        // securityModeComplete-r8, criticalExtensionsFuture } }; -r8-IEs ::= SEQUENCE { nonCriticalExtension
        // OPTIONAL }. SecurityModeFailure has the same shape.
        w.bits(transactionId, 2);
        w.bits(0, 1);
        w.bits(0, 1);
        break;
    }
    return w;
}

bool zeroBits(PerReader& r, unsigned count)
{
    std::uint64_t v = 0;
    return r.bits(count, v) && v == 0;
}

// The message after its number, for one direction; false if it is not one encodeRrc writes.
bool decodeBody(PerReader& r, bool downlink, std::uint64_t number, RrcMessage& m)
{
    std::uint64_t v = 0;
    const auto transaction = [&] {
        if (!r.bits(2, v))
            return false;
        m.transactionId = static_cast<std::uint8_t>(v);
        return true;
    };
    if ((downlink && number == kDlInformationTransfer) || (!downlink && number == kUlInformationTransfer)) {
        m.type = downlink ? RrcType::DlInformationTransfer : RrcType::UlInformationTransfer;
        return (!downlink || transaction()) && zeroBits(r, 3) && zeroBits(r, 3) && r.octetString(m.body) &&
               !m.body.empty();
    }
    if (downlink && number == kDlSecurityModeCommand) {
        m.type = RrcType::SecurityModeCommand;
        std::uint64_t extension = 0;
        std::uint64_t ciphering = 0;
        std::uint64_t integrity = 0;
        if (!transaction() || !zeroBits(r, 3) || !r.bits(1, extension) || !zeroBits(r, 2) ||
            !r.bits(3, ciphering) || !zeroBits(r, 1) || !r.bits(3, integrity))
            return false;
        m.body = {static_cast<std::uint8_t>(integrity), static_cast<std::uint8_t>(ciphering),
                  static_cast<std::uint8_t>(ciphering)};
        if (extension == 0)
            return true;
        Bytes up;
        std::uint64_t present = 0;
        if (!r.bits(2, present) || present != 0b10 || !r.octetString(up) || up.size() != 1 || up[0] > 7 ||
            up[0] == ciphering)
            return false; // only the deviation, and only when it says something
        m.body[2] = up[0];
        return true;
    }
    if (!downlink && (number == kUlSecurityModeComplete || number == kUlSecurityModeFailure)) {
        m.type =
            number == kUlSecurityModeComplete ? RrcType::SecurityModeComplete : RrcType::SecurityModeFailure;
        return transaction() && zeroBits(r, 2);
    }
    return false;
}

std::optional<RrcMessage> decodeAs(ByteView bytes, bool downlink)
{
    PerReader r(bytes, kUnaligned);
    std::uint64_t number = 0;
    RrcMessage m;
    if (!zeroBits(r, 1) || !r.bits(4, number) || !decodeBody(r, downlink, number, m) || !r.atPaddedEnd())
        return std::nullopt;
    return m;
}

} // namespace

Bytes encodeRrc(RrcType type, ByteView body, std::uint8_t transactionId)
{
    return encodeBits(type, body, transactionId).finish();
}

std::optional<RrcMessage> decodeRrc(ByteView bytes)
{
    if (auto m = decodeAs(bytes, false))
        return m;
    return decodeAs(bytes, true);
}

std::size_t rrcBits(const RrcMessage& m)
{
    return encodeBits(m.type, m.body, m.transactionId).bitCount();
}

const char* name(RrcType type)
{
    switch (type) {
    case RrcType::UlInformationTransfer:
        return "ULInformationTransfer";
    case RrcType::DlInformationTransfer:
        return "DLInformationTransfer";
    case RrcType::SecurityModeCommand:
        return "SecurityModeCommand";
    case RrcType::SecurityModeComplete:
        return "SecurityModeComplete";
    case RrcType::SecurityModeFailure:
        return "SecurityModeFailure";
    }
    return "RRC";
}

} // namespace mtcsec::protocol
