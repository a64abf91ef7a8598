// The message sequence chart's rows, from the engine's events and PDU records (TS 33.401 7.2.4 for what each
// layer's protection is, TS 33.210 for ESP).
#include "ui/SequenceChartModel.h"

#include "core/crypto/SecurityAlgorithms.h"
#include "core/engine/Dissector.h"
#include "core/protocol/AppSecurity.h"
#include "core/protocol/DtlsPsk.h"
#include "core/protocol/Ipv4Udp.h"
#include "core/protocol/NasMessage.h"
#include "core/protocol/NasSecurity.h"
#include "core/protocol/Pdcp.h"
#include "core/protocol/RrcMessage.h"
#include "core/protocol/S1apMessage.h"
#include "core/protocol/Sctp.h"
#include "ui/EvidenceText.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

namespace mtcsec::ui {
namespace {

using engine::EventKind;
using engine::LogEvent;
using engine::PduRecord;

// "128-EEA2" -> "EEA2".
QString shortName(std::string_view algorithm)
{
    QString text = QString::fromUtf8(algorithm.data(), static_cast<qsizetype>(algorithm.size()));
    return text.startsWith(QStringLiteral("128-")) ? text.mid(4) : text;
}

// Whether `wire` is `plain` ciphered: more than one octet differs (a tamperer flips one bit of one octet).
bool looksCiphered(ByteView wire, ByteView plain)
{
    if (plain.empty() || wire.size() < plain.size())
        return false;
    std::size_t differ = 0;
    for (std::size_t i = 0; i < plain.size(); ++i)
        differ += wire[i] != plain[i] ? 1u : 0u;
    return differ > 1;
}

// The NAS PDU inside a PDU's sender view: in an RRC information transfer on Uu, in S1AP on S1-MME.
std::optional<Bytes> nasInside(Link link, ByteView plain)
{
    if (plain.empty())
        return std::nullopt;
    if (link == Link::Uu) {
        const auto rrc = protocol::decodeRrc(plain);
        if (rrc && (rrc->type == protocol::RrcType::UlInformationTransfer ||
                    rrc->type == protocol::RrcType::DlInformationTransfer))
            return rrc->body;
        return std::nullopt;
    }
    if (link != Link::S1Mme)
        return std::nullopt;
    const auto sctp = protocol::parseIpv4Sctp(plain);
    const auto s1ap = sctp ? protocol::decodeS1ap(sctp->payload) : std::nullopt;
    if (!s1ap || s1ap->nasPdu.empty())
        return std::nullopt;
    return s1ap->nasPdu;
}

// A NAS message's name, or empty when it is ciphered.
QString nasName(ByteView nas)
{
    const engine::Finding f = engine::dissectNas(nas);
    if (f.ciphertext)
        return protocol::nasSecurityHeaderType(nas) == protocol::kShtIntegrityCipheredNewContext
                   ? QObject::tr("Security mode complete (ciphered)")
                   : QString();
    const QStringList layers = QString::fromStdString(f.layers).split(QStringLiteral(" / "));
    return layers.size() >= 2 ? layers.back() : QString();
}

QString e2eOf(const PduRecord& r)
{
    if (r.plain.empty())
        return {};
    const engine::Finding f =
        r.link == Link::Uu ? engine::dissectLink(Link::Uu, r.bytes) : engine::dissectIpPacket(r.plain);
    static const QRegularExpression e2e(QStringLiteral("E2E ([CIR]+) seq"));
    const auto m = e2e.match(QString::fromStdString(f.layers));
    if (!m.hasMatch())
        return {};
    QStringList flags;
    for (const QChar c : m.captured(1))
        flags << QString(c);
    return QStringLiteral("E2E ") + flags.join(QLatin1Char('+'));
}

QString readingText(std::uint8_t reading, std::uint32_t secrets)
{
    if (reading == static_cast<std::uint8_t>(engine::Reading::Secret)) {
        QStringList what;
        if (secrets & engine::SecretImsi)
            what << QObject::tr("IMSI");
        if (secrets & engine::SecretNasBody)
            what << QObject::tr("NAS message");
        if (secrets & engine::SecretKey)
            what << QObject::tr("key");
        if (secrets & engine::SecretReading)
            what << QObject::tr("reading");
        if (secrets & engine::SecretCommand)
            what << QObject::tr("command");
        return QObject::tr("read: %1").arg(what.join(QStringLiteral(", ")));
    }
    if (reading == static_cast<std::uint8_t>(engine::Reading::Ciphertext))
        return QObject::tr("ciphertext only");
    return QObject::tr("nothing secret");
}

// The UDP datagram the receiver decoded from `r` (inside PDCP or ESP), if any.
std::optional<protocol::UdpDatagram> receivedUdp(const PduRecord& r)
{
    const auto ip = protocol::parseIpv4(r.received);
    return ip && ip->protocol == protocol::kIpProtoUdp ? protocol::parseUdp(ip->payload) : std::nullopt;
}

// The end-to-end check that found no valid tag: the mode's authenticator (RFC 8613, RFC 6347, the teaching
// header's AES-GCM or AES-CMAC, chosen by the header's switches as the receiver does).
QString endToEndIntegrityCheck(const PduRecord& r, const AppProtection& app)
{
    if (app.oscore)
        return QObject::tr("OSCORE AES-CCM tag (RFC 8613)");
    const auto udp = receivedUdp(r);
    if (app.dtls) {
        // Epoch 0 carries the handshake in clear: a changed flight fails the handshake (RFC 6347 4.2), not a
        // record's tag.
        const auto records =
            udp ? protocol::parseDtlsRecords(udp->payload) : std::vector<protocol::DtlsRecordHeader>{};
        const bool handshake = !records.empty() && std::all_of(records.begin(), records.end(),
                                                               [](const auto& h) { return h.epoch == 0; });
        return handshake ? QObject::tr("DTLS handshake (RFC 6347 4.2)")
                         : QObject::tr("DTLS record AEAD tag (AES-128-CCM_8, RFC 6347)");
    }
    std::uint8_t flags =
        static_cast<std::uint8_t>((app.confidentiality ? protocol::kAppFlagConfidentiality : 0) |
                                  (app.integrity ? protocol::kAppFlagIntegrity : 0));
    if (udp && (udp->destinationPort == protocol::kPortCoapProtected ||
                udp->sourcePort == protocol::kPortCoapProtected)) {
        if (const auto h = protocol::parseAppHeader(udp->payload))
            flags = h->flags; // in clear: the receiver checks what the header announces
    } else if (udp) {
        flags = 0; // bare CoAP
    }
    if (!(flags & protocol::kAppFlagIntegrity))
        return QObject::tr("end-to-end integrity required, none present");
    return (flags & protocol::kAppFlagConfidentiality) ? QObject::tr("end-to-end AES-GCM tag")
                                                       : QObject::tr("end-to-end AES-CMAC tag");
}

QString endToEndReplayCheck(const AppProtection& app)
{
    if (app.oscore)
        return QObject::tr("OSCORE replay window (RFC 8613 7.4)");
    if (app.dtls)
        return QObject::tr("DTLS record replay window (RFC 6347 4.1.2.6)");
    return QObject::tr("end-to-end replay window");
}

} // namespace

SequenceChartModel::SequenceChartModel(QObject* parent)
    : QObject(parent)
{}

void SequenceChartModel::reset(std::uint32_t device)
{
    device_ = device;
    appChange_ = -1;
    rows_.clear();
    arrowIndex_.clear();
    pendingInterventions_.clear();
    dropped_ = 0;
    complete_ = false;
    attaching_ = false;
    nasAlgorithms_.clear();
    asIntegrity_.clear();
    asCiphering_.clear();
    upCiphering_.clear();
    pendingOriginAttack_ = -1;
    pendingRecord_ = {};
    emit changed();
}

void SequenceChartModel::setProtectionHistory(const AppProtection& initial,
                                              const std::vector<ProtectionChange>& changes)
{
    initialApp_ = initial;
    appChanges_.clear();
    for (const ProtectionChange& c : changes)
        appChanges_.emplace_back(engine::fromSeconds(c.atS), c.protection.app);
    appChange_ = std::min(appChange_, static_cast<std::ptrdiff_t>(appChanges_.size()) - 1);
}

const AppProtection& SequenceChartModel::endToEndNow() const
{
    return appChange_ < 0 ? initialApp_ : appChanges_[static_cast<std::size_t>(appChange_)].second;
}

void SequenceChartModel::advanceEndToEnd(const LogEvent& e)
{
    // Changes before this event's time are in force (also when the events start after them: the GUI's log
    // keeps only the latest); one at this very time is once its own event has been read.
    const auto next = [this] {
        return static_cast<std::size_t>(appChange_ + 1);
    };
    while (next() < appChanges_.size() && appChanges_[next()].first < e.time)
        ++appChange_;
    if (e.kind == EventKind::ProtectionChanged && next() < appChanges_.size() &&
        appChanges_[next()].first <= e.time)
        ++appChange_;
}

std::pair<Node, Node> SequenceChartModel::endsOf(Link link, bool downlink)
{
    std::pair<Node, Node> up;
    switch (link) {
    case Link::Uu:
        up = {Node::Device, Node::ENB};
        break;
    case Link::S1Mme:
        up = {Node::ENB, Node::MME};
        break;
    case Link::S1U:
        up = {Node::ENB, Node::SGW};
        break;
    case Link::S6a:
        up = {Node::MME, Node::HSS};
        break;
    case Link::S5:
        up = {Node::SGW, Node::PGW};
        break;
    case Link::SGi:
        up = {Node::PGW, Node::Server};
        break;
    }
    return downlink ? std::pair{up.second, up.first} : up;
}

QString SequenceChartModel::protectionOf(const PduRecord& r, const QString& nasAlgorithms,
                                         const QString& asIntegrity, const QString& asCiphering,
                                         const QString& upCiphering)
{
    QStringList parts;
    if (r.link == Link::Uu) {
        const auto h = protocol::parsePdcpHeader(r.bytes);
        if (h && h->lcid == protocol::kLcidDrb1) {
            if (looksCiphered(h->payload, r.plain))
                parts << QStringLiteral("PDCP ") +
                             (upCiphering.isEmpty() ? QStringLiteral("EEA") : upCiphering);
        } else if (h && h->payload.size() >= 4) {
            const ByteView body = h->payload.first(h->payload.size() - 4);
            const ByteView mac = h->payload.last(4);
            const bool ciphered = looksCiphered(body, r.plain);
            const bool integrity =
                ciphered || std::any_of(mac.begin(), mac.end(), [](auto b) { return b != 0; });
            const QString eia = asIntegrity.isEmpty() ? QStringLiteral("EIA") : asIntegrity;
            if (ciphered)
                parts << QStringLiteral("PDCP %1+%2")
                             .arg(eia, asCiphering.isEmpty() ? QStringLiteral("EEA") : asCiphering);
            else if (integrity)
                parts << QStringLiteral("PDCP ") + eia;
        }
    } else if (const auto outer = protocol::parseIpv4(r.bytes);
               outer && outer->protocol == protocol::kIpProtoEsp) {
        parts << QStringLiteral("ESP AES-GCM");
    }
    if (const auto nas = nasInside(r.link, r.plain)) {
        const auto sht = protocol::nasSecurityHeaderType(*nas);
        const QString algs = nasAlgorithms.isEmpty() ? QStringLiteral("EIA+EEA") : nasAlgorithms;
        if (sht == protocol::kShtIntegrity || sht == protocol::kShtIntegrityNewContext)
            parts << QStringLiteral("NAS ") + algs.section(QLatin1Char('+'), 0, 0);
        else if (sht == protocol::kShtIntegrityCiphered || sht == protocol::kShtIntegrityCipheredNewContext)
            parts << QStringLiteral("NAS ") + algs;
    }
    if (const QString e2e = e2eOf(r); !e2e.isEmpty())
        parts << e2e;
    if (r.plain.empty() && parts.isEmpty())
        return QObject::tr("none (no key)");
    return parts.isEmpty() ? QObject::tr("none") : parts.join(QStringLiteral(" · "));
}

QString SequenceChartModel::messageOf(const PduRecord& r, bool attachPhase)
{
    const QString payload = QString::fromStdString(r.applicationPayload);
    if (!payload.isEmpty())
        return (r.downlink ? QObject::tr("command %1") : QObject::tr("reading %1")).arg(payload);
    const ByteView view = r.plain.empty() ? ByteView(r.bytes) : ByteView(r.plain);
    if (r.plain.empty()) {
        // An attacker's own PDU: what a dissector makes of it.
        const engine::Finding f = engine::dissectLink(r.link, r.bytes);
        const QStringList layers = QString::fromStdString(f.layers).split(QStringLiteral(" / "));
        return layers.isEmpty() ? QObject::tr("PDU") : layers.back();
    }
    const auto nas = nasInside(r.link, view);
    QString nasText;
    if (nas) {
        nasText = nasName(*nas);
        if (nasText.isEmpty())
            nasText = attachPhase ? (r.downlink ? QObject::tr("Attach accept (ciphered)")
                                                : QObject::tr("Attach complete (ciphered)"))
                                  : QObject::tr("NAS (ciphered)");
    }
    if (r.link == Link::Uu) {
        const auto rrc = protocol::decodeRrc(view);
        if (!rrc)
            return QObject::tr("user data");
        if (nas)
            return nasText;
        return QStringLiteral("RRC ") + QString::fromLatin1(protocol::name(rrc->type));
    }
    const auto sctp = protocol::parseIpv4Sctp(view);
    if (sctp && r.link == Link::S1Mme) {
        if (const auto s1ap = protocol::decodeS1ap(sctp->payload)) {
            const QString procedure = QString::fromLatin1(protocol::name(s1ap->procedure));
            return nas ? QStringLiteral("%1: %2").arg(procedure, nasText) : procedure;
        }
    }
    if (r.link == Link::S6a) {
        const engine::Finding f = engine::dissectIpPacket(view);
        return QString::fromStdString(f.layers).contains(QStringLiteral("AIR")) ? QObject::tr("Diameter AIR")
                                                                                : QObject::tr("Diameter AIA");
    }
    return QObject::tr("user data");
}

QString SequenceChartModel::checkOf(const PduRecord& r, const AppProtection& endToEnd)
{
    const bool decoded = !r.received.empty();
    const bool backhaul = r.link != Link::Uu;
    // User-plane: on Uu a data radio bearer (a DTLS handshake flight carries no application payload).
    const auto pdcp = r.link == Link::Uu ? protocol::parsePdcpHeader(r.bytes) : std::nullopt;
    const bool data = !r.applicationPayload.empty() || (pdcp && pdcp->lcid == protocol::kLcidDrb1) ||
                      (r.link != Link::Uu && r.link != Link::S1Mme && r.link != Link::S6a);
    switch (r.dropReason) {
    case engine::DropReason::Integrity:
        if (!decoded)
            return backhaul ? QObject::tr("ESP ICV (NDS/IP integrity)")
                            : QObject::tr("PDCP MAC-I (RRC integrity)");
        return data ? endToEndIntegrityCheck(r, endToEnd) : QObject::tr("NAS MAC (integrity)");
    case engine::DropReason::Replay:
        if (!decoded)
            return backhaul ? QObject::tr("ESP anti-replay window") : QObject::tr("PDCP COUNT (replay)");
        return data ? endToEndReplayCheck(endToEnd) : QObject::tr("NAS COUNT (replay)");
    case engine::DropReason::Duplicate:
        return QObject::tr("PDCP duplicate COUNT");
    case engine::DropReason::Malformed:
        return QObject::tr("did not parse (deciphered with the wrong COUNT)");
    case engine::DropReason::Policy: {
        // At the device or the server it is the end-to-end policy (a message in another mode's format).
        const Node receiver = endsOf(r.link, r.downlink).second;
        if (receiver == Node::Server || (receiver == Node::Device && data))
            return QObject::tr("end-to-end policy (not in the mode in force)");
        return QObject::tr("NDS/IP policy (unprotected packet)");
    }
    case engine::DropReason::NoContext:
        return QObject::tr("no security context");
    case engine::DropReason::Mismatch:
        return QObject::tr("UE security capabilities mismatch");
    case engine::DropReason::NoEffect:
        return QObject::tr("ignored");
    }
    return {};
}

ChartRow* SequenceChartModel::arrowOf(std::uint32_t pdu)
{
    const auto it = arrowIndex_.find(pdu);
    if (it == arrowIndex_.end() || it->second < dropped_)
        return nullptr;
    return &rows_[it->second - dropped_];
}

int SequenceChartModel::rowOfPdu(std::uint32_t pdu) const
{
    const auto it = arrowIndex_.find(pdu);
    if (it == arrowIndex_.end() || it->second < dropped_)
        return -1;
    return static_cast<int>(it->second - dropped_);
}

void SequenceChartModel::addRow(ChartRow row)
{
    if (row.type == ChartRow::Type::Arrow)
        arrowIndex_[row.pdu] = dropped_ + rows_.size();
    rows_.push_back(std::move(row));
    while (rows_.size() > kMaxRows) {
        if (rows_.front().type == ChartRow::Type::Arrow)
            arrowIndex_.erase(rows_.front().pdu);
        rows_.pop_front();
        ++dropped_;
    }
}

void SequenceChartModel::addNote(const LogEvent& e, const QString& text, bool alarm)
{
    ChartRow row;
    row.type = ChartRow::Type::Note;
    row.time = e.time;
    row.from = row.to = e.place >= 16 ? static_cast<Node>(e.place - 16)
                                      : SequenceChartModel::endsOf(static_cast<Link>(e.place), false).first;
    row.note = text;
    row.alarm = alarm;
    addRow(std::move(row));
}

void SequenceChartModel::addEvents(std::span<const LogEvent> events,
                                   const std::vector<std::string>& attackIds)
{
    bool touched = false;
    const auto attackId = [&](std::int16_t a) {
        return a >= 0 && static_cast<std::size_t>(a) < attackIds.size()
                   ? QString::fromStdString(attackIds[static_cast<std::size_t>(a)])
                   : QStringLiteral("a?");
    };
    for (const LogEvent& e : events) {
        advanceEndToEnd(e);
        if (e.device != device_ || complete_)
            continue;
        touched = true;
        switch (e.kind) {
        case EventKind::AttachStarted:
            attaching_ = true;
            nasAlgorithms_.clear();
            asIntegrity_.clear();
            asCiphering_.clear();
            upCiphering_.clear();
            addNote(e, tr("attach starts"));
            break;
        case EventKind::AttachCompleted:
            attaching_ = false;
            addNote(e, tr("attach complete"));
            complete_ = firstAttachOnly_;
            break;
        case EventKind::AttachFailed:
            attaching_ = false;
            addNote(e,
                    e.value == 0 ? tr("attach failed: timeout")
                                 : tr("attach failed: EMM cause #%1").arg(e.value),
                    true);
            complete_ = firstAttachOnly_;
            break;
        case EventKind::NasSecurityModeCommand: {
            const auto ciphering = static_cast<crypto::CipheringAlgorithm>(e.value >> 4 & 7);
            const auto integrity = static_cast<crypto::IntegrityAlgorithm>(e.value & 7);
            nasAlgorithms_ =
                shortName(crypto::name(integrity)) + QLatin1Char('+') + shortName(crypto::name(ciphering));
            addNote(e, tr("NAS SMC selects %1").arg(nasAlgorithms_));
            break;
        }
        case EventKind::AsSecurityModeCommand:
            asIntegrity_ = shortName(crypto::name(static_cast<crypto::IntegrityAlgorithm>(e.value >> 8 & 7)));
            asCiphering_ = shortName(crypto::name(static_cast<crypto::CipheringAlgorithm>(e.value >> 4 & 7)));
            upCiphering_ = shortName(crypto::name(static_cast<crypto::CipheringAlgorithm>(e.value & 7)));
            addNote(e, tr("AS SMC selects RRC %1+%2, UP %3").arg(asIntegrity_, asCiphering_, upCiphering_));
            break;
        case EventKind::Detached:
            attaching_ = false;
            addNote(e, tr("detached"), true);
            break;
        case EventKind::SecurityModeRefused:
            addNote(e, tr("refuses the Security Mode Command (EIA0)"), true);
            break;
        case EventKind::NoCommonAlgorithm:
            addNote(e, tr("no common algorithm"), true);
            break;
        case EventKind::UplinkSent:
            pendingRecord_[0] = e.value;
            break;
        case EventKind::DownlinkSent:
            pendingRecord_[1] = e.value;
            break;
        case EventKind::UplinkDelivered:
        case EventKind::DownlinkDelivered: {
            const auto delivery = static_cast<engine::Delivery>(e.detail);
            addNote(e,
                    (e.kind == EventKind::UplinkDelivered ? tr("accepts the reading: %1")
                                                          : tr("accepts the command: %1"))
                        .arg(termText(engine::name(delivery))),
                    delivery != engine::Delivery::Intact);
            break;
        }
        case EventKind::MessageLost:
            addNote(e,
                    tr("a genuine %1 lost (collateral of %2)")
                        .arg(e.detail ? tr("command") : tr("reading"), attackId(e.attack)),
                    true);
            break;
        case EventKind::AttackEavesdrop:
        case EventKind::AttackTamper:
        case EventKind::AttackDowngrade: {
            ChartIntervention i;
            i.attack = attackId(e.attack);
            if (e.kind == EventKind::AttackEavesdrop) {
                i.kind = ChartIntervention::Kind::Read;
                i.secret = e.detail == static_cast<std::uint8_t>(engine::Reading::Secret);
                i.text = readingText(e.detail, e.value);
            } else if (e.kind == EventKind::AttackTamper) {
                i.kind = ChartIntervention::Kind::Changed;
                i.tampered = true;
                i.octet = e.value;
                i.text = tr("flipped bit 0 of octet %1").arg(e.value);
            } else {
                i.kind = ChartIntervention::Kind::Changed;
                i.text = e.value == 0 ? tr("stripped the capabilities to EEA0")
                                      : tr("restored the replayed capabilities");
            }
            pendingInterventions_.emplace_back(e.pdu, i);
            break;
        }
        case EventKind::AttackReplay:
            pendingOriginAttack_ = e.attack;
            pendingOrigin_ = ChartIntervention::Kind::Replayed;
            break;
        case EventKind::AttackInject:
            pendingOriginAttack_ = e.attack;
            pendingOrigin_ = ChartIntervention::Kind::Forged;
            break;
        case EventKind::AttackInsider: {
            ChartIntervention i;
            i.kind = ChartIntervention::Kind::Insider;
            i.attack = attackId(e.attack);
            i.secret = e.detail == static_cast<std::uint8_t>(engine::Reading::Secret);
            i.text = tr("insider ") + readingText(e.detail, e.value);
            const Node node = static_cast<Node>(e.place - 16);
            for (auto it = rows_.rbegin(); it != rows_.rend(); ++it) {
                if (it->type == ChartRow::Type::Arrow && it->to == node) {
                    it->interventions.push_back(i);
                    break;
                }
            }
            addNote(e, QStringLiteral("%1 %2").arg(i.attack, i.text), i.secret);
            break;
        }
        case EventKind::PduDropped: {
            // Until the record tells more: the oldest arrow still on its way to this node.
            const Node node = static_cast<Node>(e.place - 16);
            for (ChartRow& r : rows_) {
                if (r.type == ChartRow::Type::Arrow && r.to == node &&
                    r.outcome == ChartRow::Outcome::Pending) {
                    r.outcome = ChartRow::Outcome::Dropped;
                    r.endToEnd = endToEndNow();
                    r.check =
                        QString::fromUtf8(engine::name(static_cast<engine::DropReason>(e.detail)).data());
                    break;
                }
            }
            break;
        }
        case EventKind::PduSent: {
            ChartRow row;
            row.time = e.time;
            row.pdu = e.pdu;
            row.link = static_cast<Link>(e.place);
            row.downlink = e.detail != 0;
            std::tie(row.from, row.to) = endsOf(row.link, row.downlink);
            row.octets = e.value;
            row.attachPhase = attaching_;
            row.endToEnd = endToEndNow();
            row.message = QString::fromUtf8(name(row.link).data());
            if (pendingOriginAttack_ >= 0 && e.attack == pendingOriginAttack_) {
                ChartIntervention i;
                i.kind = pendingOrigin_;
                i.attack = attackId(e.attack);
                i.text =
                    pendingOrigin_ == ChartIntervention::Kind::Replayed ? tr("replayed copy") : tr("forged");
                row.interventions.push_back(i);
            }
            pendingOriginAttack_ = -1;
            for (auto it = pendingInterventions_.begin(); it != pendingInterventions_.end();) {
                if (it->first == e.pdu) {
                    row.interventions.push_back(it->second);
                    it = pendingInterventions_.erase(it);
                } else {
                    ++it;
                }
            }
            const bool origin = row.interventions.empty() ||
                                (row.interventions.front().kind != ChartIntervention::Kind::Replayed &&
                                 row.interventions.front().kind != ChartIntervention::Kind::Forged);
            if (origin && row.link == Link::Uu && !row.downlink && pendingRecord_[0] != 0) {
                row.applicationMessage = pendingRecord_[0];
                pendingRecord_[0] = 0;
            } else if (origin && row.link == Link::SGi && row.downlink && pendingRecord_[1] != 0) {
                row.applicationMessage = pendingRecord_[1];
                pendingRecord_[1] = 0;
            }
            addRow(std::move(row));
            break;
        }
        default:
            break;
        }
    }
    pendingInterventions_.clear(); // they always precede their PDU in the same batch
    if (touched)
        emit changed();
}

void SequenceChartModel::addRecord(const PduRecord& record)
{
    ChartRow* row = arrowOf(record.id);
    if (row == nullptr)
        return;
    row->recordKnown = true;
    row->record = std::make_shared<const PduRecord>(record);
    row->data = !record.applicationPayload.empty();
    row->message = messageOf(record, row->attachPhase);
    row->protection = protectionOf(record, nasAlgorithms_, asIntegrity_, asCiphering_, upCiphering_);
    switch (record.reception) {
    case engine::Reception::Pending:
        row->outcome = ChartRow::Outcome::Pending;
        break;
    case engine::Reception::Accepted:
        row->outcome = ChartRow::Outcome::Accepted;
        row->altered = !record.received.empty() && !record.plain.empty() && record.received != record.plain;
        break;
    case engine::Reception::Dropped:
        row->outcome = ChartRow::Outcome::Dropped;
        row->check = checkOf(record, row->endToEnd);
        break;
    }
    emit changed();
}

void SequenceChartModel::recordMissing(std::uint32_t pdu)
{
    if (ChartRow* row = arrowOf(pdu)) {
        row->recordKnown = true;
        if (row->outcome == ChartRow::Outcome::Pending)
            row->outcome = ChartRow::Outcome::Unknown;
        emit changed();
    }
}

std::vector<std::uint32_t> SequenceChartModel::wantedRecords(std::size_t limit) const
{
    std::vector<std::uint32_t> out;
    for (const ChartRow& r : rows_) {
        if (out.size() >= limit)
            break;
        if (r.type == ChartRow::Type::Arrow &&
            (!r.recordKnown || (r.record && r.record->reception == engine::Reception::Pending)))
            out.push_back(r.pdu);
    }
    return out;
}

std::vector<int> SequenceChartModel::messagePath(int row) const
{
    if (row < 0 || static_cast<std::size_t>(row) >= rows_.size())
        return {};
    const ChartRow& at = rows_[static_cast<std::size_t>(row)];
    if (at.type != ChartRow::Type::Arrow || !at.record || at.record->applicationPayload.empty())
        return {};
    const std::string& payload = at.record->applicationPayload;
    const auto same = [&](const ChartRow& r) {
        return r.type == ChartRow::Type::Arrow && r.downlink == at.downlink && r.record &&
               r.record->applicationPayload == payload;
    };
    // Back to the message's first hop, then on until another message with the same payload starts.
    int first = row;
    for (int i = row; i >= 0; --i) {
        if (rows_[static_cast<std::size_t>(i)].applicationMessage != 0 &&
            same(rows_[static_cast<std::size_t>(i)])) {
            first = i;
            break;
        }
    }
    const std::uint32_t message = rows_[static_cast<std::size_t>(first)].applicationMessage;
    std::vector<int> path;
    for (std::size_t i = static_cast<std::size_t>(first); i < rows_.size(); ++i) {
        const ChartRow& r = rows_[i];
        if (r.applicationMessage != 0 && r.applicationMessage != message && same(r))
            break;
        if (same(r))
            path.push_back(static_cast<int>(i));
    }
    return path;
}

} // namespace mtcsec::ui
