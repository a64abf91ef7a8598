// The event log's table model: formatting on demand from the engine's records.
#include "ui/EventLogModel.h"

#include "ui/LocalNumbers.h"

#include <QColor>

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace mtcsec::ui {

using engine::EventKind;
using engine::LogEvent;

namespace {

QString fromView(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// Subtle enough to sit on either alternating row colour, light or dark palette; the mark carries the meaning.
const QColor kSucceededBackground(214, 40, 40, 48);
const QColor kBlockedBackground(46, 157, 74, 48);

} // namespace

EventLogModel::EventLogModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void EventLogModel::append(std::span<const LogEvent> events, const std::vector<std::string>& attackIds)
{
    // Merge the attack table first, so that the new rows read their ids as soon as they exist.
    bool changedExisting = false;
    for (std::size_t i = 0; i < attackIds.size(); ++i) {
        if (i >= attackIds_.size()) {
            attackIds_.push_back(attackIds[i]);
        } else if (attackIds_[i] != attackIds[i]) {
            attackIds_[i] = attackIds[i];
            changedExisting = true;
        }
    }
    if (changedExisting) {
        ++attackRevision_;
        if (!events_.empty())
            emit dataChanged(index(0, AttackColumn), index(rowCount() - 1, AttackColumn));
    }

    if (events.empty())
        return;
    if (events.size() >= capacity_) { // the batch alone fills the window: only its newest rows are kept
        dropOldest(events_.size());
        firstSerial_ += events.size() - capacity_;
        events = events.last(capacity_);
    }
    if (events_.size() + events.size() > capacity_) {
        // Make room for this batch and an eighth of the window more, so that removals come in chunks.
        const std::size_t needed = events_.size() + events.size() - capacity_;
        dropOldest(std::min(events_.size(), std::max(needed, capacity_ / 8)));
    }
    if (events_.capacity() < capacity_ && events_.size() + events.size() > events_.capacity())
        events_.reserve(
            std::min(capacity_, std::max(events_.size() + events.size(), 2 * events_.capacity())));
    const int first = rowCount();
    beginInsertRows(QModelIndex(), first, first + static_cast<int>(events.size()) - 1);
    events_.insert(events_.end(), events.begin(), events.end());
    endInsertRows();
}

void EventLogModel::dropOldest(std::size_t rows)
{
    rows = std::min(rows, events_.size());
    if (rows == 0)
        return;
    beginRemoveRows(QModelIndex(), 0, static_cast<int>(rows) - 1);
    events_.erase(events_.begin(), events_.begin() + static_cast<std::ptrdiff_t>(rows));
    firstSerial_ += rows;
    endRemoveRows();
}

void EventLogModel::setCapacity(std::size_t rows)
{
    constexpr auto kMaxRows = static_cast<std::size_t>(std::numeric_limits<int>::max());
    capacity_ = std::clamp<std::size_t>(rows, 1, kMaxRows); // a QAbstractItemModel cannot count further
    if (events_.size() > capacity_)
        dropOldest(events_.size() - capacity_);
    if (events_.capacity() > capacity_)
        events_.shrink_to_fit();
}

void EventLogModel::clear()
{
    beginResetModel();
    events_ = {}; // the memory too
    attackIds_.clear();
    firstSerial_ = 0;
    ++attackRevision_;
    endResetModel();
}

const LogEvent& EventLogModel::event(int row) const
{
    Q_ASSERT(row >= 0 && row < rowCount());
    return events_[static_cast<std::size_t>(row)];
}

std::string_view EventLogModel::attackId(std::int16_t attack) const
{
    if (attack < 0 || static_cast<std::size_t>(attack) >= attackIds_.size())
        return {};
    return attackIds_[static_cast<std::size_t>(attack)];
}

std::string_view EventLogModel::outcomeMark(EventKind kind)
{
    switch (kind) {
    case EventKind::AttackSucceeded:
        return "\u2717 "; // ✗
    case EventKind::AttackBlocked:
        return "\u2713 "; // ✓
    default:
        return {};
    }
}

std::string EventLogModel::plainDetailsText(const LogEvent& event)
{
    try {
        return engine::describeEvent(event);
    } catch (const std::out_of_range&) { // a detail or value outside its enumeration: show the raw numbers
        return std::string(engine::name(event.kind)) + " (detail " + std::to_string(event.detail) +
               ", value " + std::to_string(event.value) + ")";
    }
}

std::string EventLogModel::detailsText(const LogEvent& event)
{
    std::string text(outcomeMark(event.kind));
    text += plainDetailsText(event);
    return text;
}

int EventLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(events_.size());
}

int EventLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EventLogModel::displayText(const LogEvent& e, int column) const
{
    switch (column) {
    case TimeColumn:
        return localTime(e.time);
    case WhereColumn:
        return fromView(engine::placeName(e.place));
    case DeviceColumn:
        return e.device == engine::kNoDevice ? QString() : QString::number(e.device);
    case EventColumn:
        return fromView(engine::name(e.kind));
    case AttackColumn:
        return fromView(attackId(e.attack));
    case DetailsColumn:
        return QString::fromStdString(detailsText(e));
    default:
        return {};
    }
}

QString EventLogModel::accessibleText(const LogEvent& e, int column) const
{
    switch (column) {
    case TimeColumn:
        return tr("%1 seconds").arg(displayText(e, column));
    case WhereColumn:
        return tr("at %1").arg(displayText(e, column));
    case DeviceColumn:
        return e.device == engine::kNoDevice ? tr("no device") : tr("device %1").arg(e.device);
    case AttackColumn:
        return e.attack < 0 ? tr("no attack") : tr("attack %1").arg(displayText(e, column));
    case DetailsColumn:
        // The kind's name already says blocked or succeeded; a screen reader need not read the mark.
        return QString::fromStdString(plainDetailsText(e));
    default:
        return displayText(e, column);
    }
}

QString EventLogModel::toolTip(const LogEvent& e) const
{
    QString text = tr("%1 s at %2").arg(displayText(e, TimeColumn), displayText(e, WhereColumn));
    if (e.device != engine::kNoDevice)
        text += tr(", device %1").arg(e.device);
    if (e.attack >= 0)
        text += tr(", attack %1").arg(displayText(e, AttackColumn));
    text += QLatin1Char('\n') + displayText(e, DetailsColumn);
    if (e.pdu != 0)
        text += QLatin1Char('\n') + tr("PDU %1: click or press Enter to inspect it").arg(e.pdu);
    return text;
}

QVariant EventLogModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const LogEvent& e = events_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return displayText(e, index.column());
    case Qt::ToolTipRole:
        return toolTip(e);
    case Qt::AccessibleTextRole:
        return accessibleText(e, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == TimeColumn || index.column() == DeviceColumn)
            return Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter).toInt();
        return Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter).toInt();
    case Qt::BackgroundRole:
        if (e.kind == EventKind::AttackSucceeded)
            return kSucceededBackground;
        if (e.kind == EventKind::AttackBlocked)
            return kBlockedBackground;
        return {};
    case EventRole:
        return QVariant::fromValue(e);
    case PduRole:
        return QVariant::fromValue(static_cast<quint32>(e.pdu));
    case KindRole:
        return static_cast<int>(e.kind);
    default:
        return {};
    }
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    if (role == Qt::TextAlignmentRole) // over the column's values
        return Qt::Alignment(
                   (section == TimeColumn || section == DeviceColumn ? Qt::AlignRight : Qt::AlignLeft) |
                   Qt::AlignVCenter)
            .toInt();
    if (role == Qt::DisplayRole) {
        switch (section) {
        case TimeColumn:
            return tr("Time (s)");
        case WhereColumn:
            return tr("Where");
        case DeviceColumn:
            return tr("Device");
        case EventColumn:
            return tr("Event");
        case AttackColumn:
            return tr("Attack");
        case DetailsColumn:
            return tr("Details");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case TimeColumn:
            return tr("Simulated time in seconds");
        case WhereColumn:
            return tr("The link or node where the event happened");
        case DeviceColumn:
            return tr("The device the event is about");
        case EventColumn:
            return tr("What happened");
        case AttackColumn:
            return tr("The attack that caused or met the event");
        case DetailsColumn:
            return tr("Details; \u2713 an attack was blocked, \u2717 an attack succeeded");
        default:
            return {};
        }
    }
    return {};
}

Qt::ItemFlags EventLogModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace mtcsec::ui
