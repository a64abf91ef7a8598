// The event log's filter: kind masks, a place, and a search with caches over the few distinct texts.
#include "ui/EventLogFilter.h"

#include "ui/EventLogModel.h"

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
    : QSortFilterProxyModel(parent)
    , kinds_(kAllKinds)
    , detailsMatch_(kDetailsCacheSize)
{
    // The rows keep the source's (time) order; sorting 10^5 rows by formatted text would be slow and
    // pointless.
    setDynamicSortFilter(true);
}

void EventLogFilter::setSourceModel(QAbstractItemModel* model)
{
    events_ = qobject_cast<const EventLogModel*>(model);
    attackMatch_.clear();
    QSortFilterProxyModel::setSourceModel(model);
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

void EventLogFilter::refilter()
{
    // invalidate() rebuilds the mapping in one pass and reports one layout change. (invalidateFilter()
    // reports every removed and inserted range separately and rebuilds the mapping after each: quadratic on a
    // log whose matches alternate with non-matches.)
    invalidate();
    emit criteriaChanged();
}

bool EventLogFilter::filterAcceptsRow(int row, const QModelIndex& parent) const
{
    if (events_ == nullptr || parent.isValid())
        return true;
    const LogEvent& e = events_->events()[static_cast<std::size_t>(row)];
    if (place_ && e.place != *place_)
        return false;
    if ((kinds_ & bit(e.kind)) == 0)
        return false;
    return needle_.empty() || searchMatches(e);
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
