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
