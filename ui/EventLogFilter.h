// The event log's filter (PRODUCT.md section 5, "a filterable, searchable table"): by place (a link or a
// node), category, outcome and a case-insensitive search over the Device, Event, Attack and Details text. It
// reads the EventLogModel's records directly, one pass over the rows per change and no string allocated per
// row.
#pragma once

#include "core/engine/EventLog.h"

#include <QSortFilterProxyModel>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mtcsec::ui {

class EventLogModel;

class EventLogFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum class Category : std::uint8_t {
        All,
        Traffic,  // pdu-sent, uplink/downlink sent and delivered
        Security, // protection-changed, nas-smc, as-smc, attach-*, detached
        Attacks,  // eavesdrop .. insider, attack-blocked, attack-succeeded, attack-added, attack-removed
        Drops,    // pdu-dropped
    };
    enum class Outcome : std::uint8_t {
        All,
        Blocked,   // attack-blocked, pdu-dropped
        Succeeded, // attack-succeeded
    };

    explicit EventLogFilter(QObject* parent = nullptr);

    // Filters an EventLogModel; any other model is passed through unfiltered.
    void setSourceModel(QAbstractItemModel* model) override;

    // Each setter re-filters once, and only when the value changes.
    void setPlace(std::optional<std::uint8_t> place); // engine::placeOf(link or node); nullopt: all
    void setCategory(Category category);
    void setOutcome(Outcome outcome);
    void setSearch(const QString& text); // surrounding spaces ignored; empty: no search

    [[nodiscard]] std::optional<std::uint8_t> place() const { return place_; }
    [[nodiscard]] Category category() const { return category_; }
    [[nodiscard]] Outcome outcome() const { return outcome_; }
    [[nodiscard]] QString search() const { return search_; }
    [[nodiscard]] bool isFiltering() const;

    // The event kinds (bit i = EventKind i) a category or an outcome admits.
    [[nodiscard]] static std::uint32_t kinds(Category category);
    [[nodiscard]] static std::uint32_t kinds(Outcome outcome);

signals:
    // After a criterion changed and the rows were filtered again (not when source rows arrive).
    void criteriaChanged();

protected:
    [[nodiscard]] bool filterAcceptsRow(int row, const QModelIndex& parent) const override;

private:
    [[nodiscard]] bool searchMatches(const engine::LogEvent& event) const;
    [[nodiscard]] bool attackMatches(std::int16_t attack) const;
    [[nodiscard]] bool detailsMatch(const engine::LogEvent& event) const;
    void refilter();

    const EventLogModel* events_ = nullptr;
    std::optional<std::uint8_t> place_;
    Category category_ = Category::All;
    Outcome outcome_ = Outcome::All;
    std::uint32_t kinds_ = 0; // category and outcome together
    QString search_;
    std::string needle_; // search_ lower-cased, UTF-8
    std::array<bool, engine::kEventKindCount> kindMatches_{};

    // Caches of the search over the few distinct texts (valid for one search): whether each attack id
    // matches, and whether a Details text matches, keyed by what the text depends on (kind, detail, value).
    mutable std::vector<std::int8_t> attackMatch_; // -1 unknown, 0 no, 1 yes
    mutable std::uint64_t attackRevision_ = 0;
    struct DetailsMatch {
        std::uint64_t key = 0;
        bool valid = false;
        bool matches = false;
    };
    mutable std::vector<DetailsMatch> detailsMatch_;
};

} // namespace mtcsec::ui
