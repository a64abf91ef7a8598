// The event log's filter: kind masks, a place, a search with caches over the few distinct texts, and the
// sliced scan that keeps the serials of the rows that pass.
#include "ui/EventLogFilter.h"

#include "ui/EventLogModel.h"

#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <charconv>

namespace mtcsec::ui {

using engine::EventKind;
using engine::LogEvent;

namespace {

constexpr std::uint32_t bit(EventKind kind)
{
    return std::uint32_t{1} << static_cast<unsigned>(kind);
}

constexpr std::uint32_t kAllKinds = (std::uint32_t{1} << engine::kEventKindCount) - 1;
static_assert(engine::kEventKindCount <= 32, "the kind masks are 32 bits wide");

constexpr std::size_t kDetailsCacheSize = 4096; // a power of two

char asciiLower(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Whether `text` contains `needle` (already lower-case), ignoring ASCII case. The event texts are ASCII but
// for the outcome marks, which have no case.
bool containsLower(std::string_view text, std::string_view needle)
{
    if (needle.size() > text.size())
        return false;
    const std::size_t last = text.size() - needle.size();
    for (std::size_t i = 0; i <= last; ++i) {
        std::size_t j = 0;
        while (j < needle.size() && asciiLower(text[i + j]) == needle[j])
            ++j;
        if (j == needle.size())
            return true;
    }
    return false;
}

} // namespace

EventLogFilter::EventLogFilter(QObject* parent)
    : QAbstractProxyModel(parent)
    , kinds_(kAllKinds)
    , detailsMatch_(kDetailsCacheSize)
{}

void EventLogFilter::disconnectSource()
{
    for (const QMetaObject::Connection& c : sourceConnections_)
        disconnect(c);
    sourceConnections_.clear();
}

void EventLogFilter::setSourceModel(QAbstractItemModel* model)
{
    beginResetModel();
    disconnectSource();
    events_ = qobject_cast<const EventLogModel*>(model);
    attackMatch_.clear();
    kept_.clear();
    identity_ = events_ == nullptr || !isFiltering();
    QAbstractProxyModel::setSourceModel(model);
    if (model != nullptr) {
        auto& c = sourceConnections_;
        c.push_back(connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this,
                            &EventLogFilter::sourceRowsAboutToBeInserted));
        c.push_back(
            connect(model, &QAbstractItemModel::rowsInserted, this, &EventLogFilter::sourceRowsInserted));
        c.push_back(connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                            &EventLogFilter::sourceRowsAboutToBeRemoved));
        c.push_back(
            connect(model, &QAbstractItemModel::rowsRemoved, this, &EventLogFilter::sourceRowsRemoved));
        c.push_back(
            connect(model, &QAbstractItemModel::dataChanged, this, &EventLogFilter::sourceDataChanged));
        c.push_back(connect(model, &QAbstractItemModel::headerDataChanged, this,
                            &QAbstractItemModel::headerDataChanged));
        c.push_back(
            connect(model, &QAbstractItemModel::modelAboutToBeReset, this, [this] { beginResetModel(); }));
        c.push_back(connect(model, &QAbstractItemModel::modelReset, this, [this] {
            kept_.clear();
            scanned_ = 0;
            endResetModel();
            emit scanProgressed();
        }));
        // Layout changes are not something an EventLogModel does; start again if another model does.
        c.push_back(connect(model, &QAbstractItemModel::layoutChanged, this, [this] { refilter(); }));
    }
    scanned_ = events_ != nullptr && identity_ ? events_->totalEvents() : 0;
    endResetModel();
    if (!identity_)
        scan(kSliceNs);
}

std::uint32_t EventLogFilter::kinds(Category category)
{
    switch (category) {
    case Category::All:
        return kAllKinds;
    case Category::Traffic:
        return bit(EventKind::PduSent) | bit(EventKind::UplinkSent) | bit(EventKind::UplinkDelivered) |
               bit(EventKind::DownlinkSent) | bit(EventKind::DownlinkDelivered);
    case Category::Security:
        return bit(EventKind::ProtectionChanged) | bit(EventKind::NasSecurityModeCommand) |
               bit(EventKind::AsSecurityModeCommand) | bit(EventKind::AttachStarted) |
               bit(EventKind::AttachCompleted) | bit(EventKind::AttachFailed) | bit(EventKind::Detached) |
               bit(EventKind::SecurityModeRefused) | bit(EventKind::NoCommonAlgorithm);
    case Category::Attacks:
        return bit(EventKind::AttackEavesdrop) | bit(EventKind::AttackTamper) | bit(EventKind::AttackReplay) |
               bit(EventKind::AttackInject) | bit(EventKind::AttackDowngrade) |
               bit(EventKind::AttackInsider) | bit(EventKind::AttackBlocked) |
               bit(EventKind::AttackSucceeded) | bit(EventKind::AttackAdded) | bit(EventKind::AttackRemoved) |
               bit(EventKind::AttackNoEffect) | bit(EventKind::MessageLost);
    case Category::Drops:
        return bit(EventKind::PduDropped) | bit(EventKind::MessageLost);
    }
    return kAllKinds;
}

std::uint32_t EventLogFilter::kinds(Outcome outcome)
{
    switch (outcome) {
    case Outcome::All:
        return kAllKinds;
    case Outcome::Blocked:
        return bit(EventKind::AttackBlocked) | bit(EventKind::PduDropped);
    case Outcome::Succeeded:
        return bit(EventKind::AttackSucceeded) | bit(EventKind::MessageLost);
    }
    return kAllKinds;
}

void EventLogFilter::setPlace(std::optional<std::uint8_t> place)
{
    if (place == place_)
        return;
    place_ = place;
    refilter();
}

void EventLogFilter::setCategory(Category category)
{
    if (category == category_)
        return;
    category_ = category;
    kinds_ = kinds(category_) & kinds(outcome_);
    refilter();
}

void EventLogFilter::setOutcome(Outcome outcome)
{
    if (outcome == outcome_)
        return;
    outcome_ = outcome;
    kinds_ = kinds(category_) & kinds(outcome_);
    refilter();
}

void EventLogFilter::setSearch(const QString& text)
{
    const QString search = text.trimmed();
    if (search == search_)
        return;
    search_ = search;
    needle_ = search_.toLower().toStdString();
    for (std::size_t k = 0; k < engine::kEventKindCount; ++k)
        kindMatches_[k] = containsLower(engine::name(static_cast<EventKind>(k)), needle_);
    attackMatch_.clear();
    std::fill(detailsMatch_.begin(), detailsMatch_.end(), DetailsMatch{});
    refilter();
}

bool EventLogFilter::isFiltering() const
{
    return place_.has_value() || kinds_ != kAllKinds || !needle_.empty();
}

bool EventLogFilter::isScanning() const
{
    return !identity_ && events_ != nullptr && scanned_ < events_->totalEvents();
}

std::size_t EventLogFilter::scannedRows() const
{
    if (events_ == nullptr)
        return 0;
    if (identity_)
        return events_->events().size();
    return static_cast<std::size_t>(std::max(scanned_, events_->firstSerial()) - events_->firstSerial());
}

void EventLogFilter::finishScan()
{
    if (isScanning())
        scan(-1);
}

void EventLogFilter::refilter()
{
    // Start again: a reset (the view keeps its column widths), then the rows in slices. The dock puts the
    // current row back once the scan has passed it.
    beginResetModel();
    kept_.clear();
    kept_.shrink_to_fit();
    identity_ = events_ == nullptr || !isFiltering();
    scanned_ = events_ == nullptr ? 0 : identity_ ? events_->totalEvents() : events_->firstSerial();
    endResetModel();
    emit criteriaChanged();
    if (!identity_)
        scan(kSliceNs);
    emit scanProgressed();
}

void EventLogFilter::scheduleScan()
{
    if (scanQueued_)
        return;
    scanQueued_ = true;
    QTimer::singleShot(0, this, [this] {
        scanQueued_ = false;
        if (!isScanning())
            return;
        scan(kSliceNs);
        emit scanProgressed();
    });
}

void EventLogFilter::scan(qint64 budgetNs)
{
    if (events_ == nullptr || identity_)
        return;
    const std::vector<LogEvent>& rows = events_->events();
    const std::uint64_t first = events_->firstSerial();
    scanned_ = std::max(scanned_, first);
    auto row = static_cast<std::size_t>(scanned_ - first);
    QElapsedTimer clock;
    clock.start();
    constexpr std::size_t kChunk = 8192; // rows between looks at the clock
    std::vector<std::uint64_t> found;
    while (row < rows.size()) {
        const std::size_t end = std::min(rows.size(), row + kChunk);
        for (; row < end; ++row) {
            if (accepts(rows[row]))
                found.push_back(first + row);
        }
        if (budgetNs >= 0 && clock.nsecsElapsed() >= budgetNs)
            break;
    }
    scanned_ = first + row;
    if (!found.empty()) {
        const int at = static_cast<int>(kept_.size());
        beginInsertRows(QModelIndex(), at, at + static_cast<int>(found.size()) - 1);
        kept_.insert(kept_.end(), found.begin(), found.end());
        endInsertRows();
    }
    if (row < rows.size())
        scheduleScan();
}

bool EventLogFilter::accepts(const LogEvent& e) const
{
    if (place_ && e.place != *place_)
        return false;
    if ((kinds_ & bit(e.kind)) == 0)
        return false;
    return needle_.empty() || searchMatches(e);
}

std::uint64_t EventLogFilter::serialAt(int row) const
{
    if (identity_)
        return (events_ != nullptr ? events_->firstSerial() : 0) + static_cast<std::uint64_t>(row);
    return kept_[static_cast<std::size_t>(row)];
}

int EventLogFilter::rowOfSerial(std::uint64_t serial) const
{
    if (events_ == nullptr)
        return -1;
    if (identity_) {
        if (serial < events_->firstSerial() || serial >= events_->totalEvents())
            return -1;
        return static_cast<int>(serial - events_->firstSerial());
    }
    const auto it = std::lower_bound(kept_.begin(), kept_.end(), serial);
    return it != kept_.end() && *it == serial ? static_cast<int>(it - kept_.begin()) : -1;
}

QModelIndex EventLogFilter::mapToSource(const QModelIndex& proxyIndex) const
{
    if (!proxyIndex.isValid() || sourceModel() == nullptr)
        return {};
    if (identity_ || events_ == nullptr)
        return sourceModel()->index(proxyIndex.row(), proxyIndex.column());
    const auto row = static_cast<std::size_t>(proxyIndex.row());
    if (row >= kept_.size() || kept_[row] < events_->firstSerial())
        return {};
    return sourceModel()->index(static_cast<int>(kept_[row] - events_->firstSerial()), proxyIndex.column());
}

QModelIndex EventLogFilter::mapFromSource(const QModelIndex& sourceIndex) const
{
    if (!sourceIndex.isValid())
        return {};
    if (identity_ || events_ == nullptr)
        return index(sourceIndex.row(), sourceIndex.column());
    const int row = rowOfSerial(events_->firstSerial() + static_cast<std::uint64_t>(sourceIndex.row()));
    return row < 0 ? QModelIndex() : index(row, sourceIndex.column());
}

QModelIndex EventLogFilter::index(int row, int column, const QModelIndex& parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex EventLogFilter::parent(const QModelIndex&) const
{
    return {};
}

int EventLogFilter::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid() || sourceModel() == nullptr)
        return 0;
    return identity_ ? sourceModel()->rowCount() : static_cast<int>(kept_.size());
}

int EventLogFilter::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() || sourceModel() == nullptr ? 0 : sourceModel()->columnCount();
}

bool EventLogFilter::hasChildren(const QModelIndex& parent) const
{
    return !parent.isValid() && rowCount() > 0;
}

void EventLogFilter::sourceRowsAboutToBeInserted(const QModelIndex& parent, int first, int last)
{
    if (!parent.isValid() && identity_)
        beginInsertRows(QModelIndex(), first, last);
}

void EventLogFilter::sourceRowsInserted(const QModelIndex& parent, int, int)
{
    if (parent.isValid())
        return;
    if (identity_) {
        scanned_ = events_ != nullptr ? events_->totalEvents() : 0;
        endInsertRows();
        return;
    }
    // A frame's rows: tested at once, unless a new criterion is still being scanned (they wait their turn).
    if (!scanQueued_)
        scan(kSliceNs);
    emit scanProgressed();
}

void EventLogFilter::sourceRowsAboutToBeRemoved(const QModelIndex& parent, int first, int last)
{
    if (parent.isValid())
        return;
    if (identity_) {
        beginRemoveRows(QModelIndex(), first, last);
        return;
    }
    // The model removes its oldest rows: the kept serials below the new first one go.
    const std::uint64_t end = events_->firstSerial() + static_cast<std::uint64_t>(last) + 1;
    removing_ = static_cast<std::size_t>(std::lower_bound(kept_.begin(), kept_.end(), end) - kept_.begin());
    if (removing_ > 0)
        beginRemoveRows(QModelIndex(), 0, static_cast<int>(removing_) - 1);
}

void EventLogFilter::sourceRowsRemoved(const QModelIndex& parent, int, int)
{
    if (parent.isValid())
        return;
    if (identity_) {
        scanned_ = events_ != nullptr ? events_->totalEvents() : 0;
        endRemoveRows();
        return;
    }
    if (removing_ > 0) {
        kept_.erase(kept_.begin(), kept_.begin() + static_cast<std::ptrdiff_t>(removing_));
        removing_ = 0;
        endRemoveRows();
    }
    scanned_ = std::max(scanned_, events_->firstSerial());
    emit scanProgressed();
}

void EventLogFilter::sourceDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight,
                                       const QList<int>& roles)
{
    if (identity_) {
        emit dataChanged(index(topLeft.row(), topLeft.column()),
                         index(bottomRight.row(), bottomRight.column()), roles);
        return;
    }
    // Only the attack table changes existing rows (the Attack column of all of them): an id that matched the
    // search may no longer, so the search starts again.
    if (!needle_.empty() && topLeft.column() <= EventLogModel::AttackColumn &&
        bottomRight.column() >= EventLogModel::AttackColumn) {
        refilter();
        return;
    }
    if (rowCount() > 0)
        emit dataChanged(index(0, topLeft.column()), index(rowCount() - 1, bottomRight.column()), roles);
}

bool EventLogFilter::searchMatches(const LogEvent& e) const
{
    if (kindMatches_[static_cast<std::size_t>(e.kind)])
        return true;
    if (e.attack >= 0 && attackMatches(e.attack))
        return true;
    if (e.device != engine::kNoDevice) {
        char digits[16];
        const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, e.device);
        if (ec == std::errc() &&
            containsLower(std::string_view(digits, static_cast<std::size_t>(end - digits)), needle_))
            return true;
    }
    return detailsMatch(e);
}

bool EventLogFilter::attackMatches(std::int16_t attack) const
{
    const std::vector<std::string>& ids = events_->attackIds();
    if (attackRevision_ != events_->attackTableRevision()) {
        attackRevision_ = events_->attackTableRevision();
        attackMatch_.clear();
    }
    const auto index = static_cast<std::size_t>(attack);
    if (index >= ids.size())
        return false;
    if (attackMatch_.size() < ids.size())
        attackMatch_.resize(ids.size(), -1);
    if (attackMatch_[index] < 0) // ids are the user's: full Unicode case folding
        attackMatch_[index] =
            QString::fromStdString(ids[index]).contains(search_, Qt::CaseInsensitive) ? 1 : 0;
    return attackMatch_[index] == 1;
}

bool EventLogFilter::detailsMatch(const LogEvent& e) const
{
    // The Details text is a function of (kind, detail, value) only (EventLogModel::detailsText), and a log
    // has few distinct combinations: a direct-mapped cache formats each about once per search.
    const std::uint64_t key =
        std::uint64_t{e.value} << 16 | std::uint64_t{e.detail} << 8 | static_cast<std::uint64_t>(e.kind);
    const std::uint64_t hash = key * 0x9e3779b97f4a7c15ull;
    DetailsMatch& slot = detailsMatch_[static_cast<std::size_t>(hash >> 52) & (kDetailsCacheSize - 1)];
    if (!slot.valid || slot.key != key) {
        slot.key = key;
        slot.valid = true;
        slot.matches = containsLower(EventLogModel::detailsText(e), needle_);
    }
    return slot.matches;
}

} // namespace mtcsec::ui
