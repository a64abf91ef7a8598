// Event names, canonical lines and the digest of the event log.
#include "core/engine/EventLog.h"

#include "core/crypto/Hex.h"
#include "core/crypto/SecurityAlgorithms.h"
#include "core/engine/RunSummary.h"

#include <array>

namespace mtcsec::engine {

std::string_view placeName(std::uint8_t place)
{
    if (place < kLinkCount)
        return name(static_cast<Link>(place));
    if (place >= 16 && place < 16 + kNodeCount)
        return name(static_cast<Node>(place - 16));
    return "-";
}

std::string_view name(EventKind kind)
{
    static constexpr std::array<std::string_view, kEventKindCount> names = {"protection-changed",
                                                                            "attack-added",
                                                                            "attack-removed",
                                                                            "attach-started",
                                                                            "attach-completed",
                                                                            "attach-failed",
                                                                            "nas-smc",
                                                                            "as-smc",
                                                                            "detached",
                                                                            "pdu-sent",
                                                                            "pdu-dropped",
                                                                            "uplink-sent",
                                                                            "uplink-delivered",
                                                                            "downlink-sent",
                                                                            "downlink-delivered",
                                                                            "eavesdrop",
                                                                            "tamper",
                                                                            "replay",
                                                                            "inject",
                                                                            "downgrade",
                                                                            "insider",
                                                                            "attack-blocked",
                                                                            "attack-succeeded",
                                                                            "attack-no-effect",
                                                                            "message-lost",
                                                                            "security-mode-refused",
                                                                            "no-common-algorithm"};
    return names.at(static_cast<std::size_t>(kind));
}

std::string_view name(DropReason reason)
{
    static constexpr std::array<std::string_view, 8> names = {
        "integrity", "replay", "malformed", "policy", "duplicate", "no-context", "mismatch", "no-effect"};
    return names.at(static_cast<std::size_t>(reason));
}

std::string_view name(Delivery delivery)
{
    static constexpr std::array<std::string_view, 4> names = {"intact", "altered", "replayed", "forged"};
    return names.at(static_cast<std::size_t>(delivery));
}

std::string_view name(Reading reading)
{
    static constexpr std::array<std::string_view, 3> names = {"nothing-secret", "ciphertext", "secret"};
    return names.at(static_cast<std::size_t>(reading));
}

std::string_view describe(NoEffectReason reason)
{
    static constexpr std::array<std::string_view, kNoEffectReasons> texts = {
        "nothing secret in the PDU",
        "accepted, but what the receiver acted on was unchanged",
        "the attach ended before the Security Mode Command",
        "still in flight when the run ended",
        "discarded because another attacker had disturbed the receiver's counters",
        "a copy of a message the receiver never had: a late delivery, not a duplicate"};
    return texts.at(static_cast<std::size_t>(reason));
}

std::string_view describe(AlgorithmUse use)
{
    static constexpr std::array<std::string_view, kAlgorithmUses> texts = {
        "NAS integrity", "NAS ciphering", "RRC integrity", "RRC ciphering", "user-plane ciphering"};
    return texts.at(static_cast<std::size_t>(use));
}

std::string describeEvent(const LogEvent& e)
{
    std::string text(name(e.kind));
    switch (e.kind) {
    case EventKind::PduSent:
        text += e.detail ? " downlink, " : " uplink, ";
        text += std::to_string(e.value) + " octets";
        break;
    case EventKind::PduDropped:
        text += ": " + std::string(name(static_cast<DropReason>(e.detail)));
        break;
    case EventKind::UplinkDelivered:
    case EventKind::DownlinkDelivered:
        text += ": " + std::string(name(static_cast<Delivery>(e.detail)));
        break;
    case EventKind::AttackEavesdrop:
    case EventKind::AttackInsider:
        text += ": " + std::string(name(static_cast<Reading>(e.detail)));
        break;
    case EventKind::AttackBlocked:
        text += ": " + std::string(name(static_cast<DropReason>(e.detail)));
        break;
    case EventKind::AttackNoEffect:
        if (e.detail < kNoEffectReasons)
            text += ": " + std::string(describe(static_cast<NoEffectReason>(e.detail)));
        break;
    case EventKind::MessageLost:
        text += e.detail ? ": command " : ": reading ";
        text += std::to_string(e.value) + ", a genuine message lost to the attacker's disturbance";
        break;
    case EventKind::NasSecurityModeCommand:
        text += ": " + std::string(crypto::name(static_cast<crypto::CipheringAlgorithm>(e.value >> 4 & 7))) +
                "+" + std::string(crypto::name(static_cast<crypto::IntegrityAlgorithm>(e.value & 7)));
        break;
    case EventKind::AttachFailed:
        text += e.value == 0 ? ": timeout" : ": EMM cause " + std::to_string(e.value);
        break;
    case EventKind::SecurityModeRefused:
        text +=
            static_cast<SecurityLayer>(e.detail) == SecurityLayer::Nas
                ? ": the NAS Security Mode Command selects null integrity (EIA0); SECURITY MODE REJECT, EMM "
                  "cause #" +
                      std::to_string(e.value) +
                      " (TS 24.301 5.4.3.3, 5.4.3.5; EIA0 only for emergency calls, TS 33.401 5.1.4.1)"
                : std::string(": the RRC SecurityModeCommand selects null integrity (EIA0); "
                              "SecurityModeFailure (TS 36.331 5.3.4.3; EIA0 only for emergency calls, "
                              "TS 33.401 5.1.4.1)");
        break;
    case EventKind::NoCommonAlgorithm:
        if (e.detail < kAlgorithmUses)
            text += ": no " + std::string(describe(static_cast<AlgorithmUse>(e.detail))) +
                    " algorithm of the operator's list in the UE security capabilities (TS 33.401 " +
                    (e.detail <= 1 ? "7.2.4.2" : "7.2.4.3") + ")";
        text += e.value != 0
                    ? "; ATTACH REJECT, EMM cause #" + std::to_string(e.value) + " (TS 24.301 5.5.1.2.5)"
                : e.detail <= 1 ? std::string("; the security context in use is kept")
                                : std::string("; the eNB sets up no context (TS 36.413 8.3.1.3)");
        break;
    default:
        break;
    }
    return text;
}

std::string EventLog::canonicalLine(const LogEvent& e, std::string_view attackId)
{
    std::string line = formatTime(e.time);
    line += '|';
    line += name(e.kind);
    line += '|';
    line += placeName(e.place);
    line += '|';
    line += e.device == kNoDevice ? std::string("-") : std::to_string(e.device);
    line += '|';
    line += attackId.empty() ? std::string_view("-") : attackId;
    line += '|';
    line += std::to_string(e.detail);
    line += '|';
    line += std::to_string(e.value);
    return line;
}

void EventLog::append(const LogEvent& event, std::string_view attackId)
{
    events_.push_back(event);
    std::string line = canonicalLine(event, attackId);
    line += '\n';
    digest_.update(line);
}

std::string EventLog::digestHex() const
{
    return toHex(digest_.peek());
}

void EventLog::clear()
{
    events_.clear();
    digest_.reset();
}

} // namespace mtcsec::engine
