// The event log's filter (PRODUCT.md section 5, "a filterable, searchable table"): by place (a link or a
// node), category, outcome and a case-insensitive search over the Device, Event, Attack and Details text. It
// reads the EventLogModel's records directly, with no string allocated per row, and keeps only the serial
// numbers of the rows that pass (8 octets a row; none at all while nothing is filtered: then it is the
// identity). A new criterion tests the rows in slices of a few milliseconds on the GUI thread, showing the
// rows found so far in order, so that the window never waits on a search of a million rows; the rows a frame
// appends are tested the same way.
#pragma once

#include "core/engine/EventLog.h"

#include <QAbstractProxyModel>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mtcsec::ui {

class EventLogModel;

class EventLogFilter : public QAbstractProxyModel {
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

    // How long one slice of testing rows may keep the GUI thread.
    static constexpr qint64 kSliceNs = 8'000'000;

    // Filters an EventLogModel (rows removed only from the top, as it does); any other model is passed
    // through unfiltered.
    void setSourceModel(QAbstractItemModel* model) override;

    // Each setter starts filtering again (the first slice at once, the rest from the event loop), and only
    // when the value changes.
    void setPlace(std::optional<std::uint8_t> place); // engine::placeOf(link or node); nullopt: all
    void setCategory(Category category);
    void setOutcome(Outcome outcome);
    void setSearch(const QString& text); // surrounding spaces ignored; empty: no search

    [[nodiscard]] std::optional<std::uint8_t> place() const { return place_; }
    [[nodiscard]] Category category() const { return category_; }
    [[nodiscard]] Outcome outcome() const { return outcome_; }
    [[nodiscard]] QString search() const { return search_; }
    [[nodiscard]] bool isFiltering() const;
    // Whether rows remain to be tested (the rows shown so far are the matches among those tested).
    [[nodiscard]] bool isScanning() const;
    // Source rows tested so far (of the source's rowCount()).
    [[nodiscard]] std::size_t scannedRows() const;
    // Tests every remaining row now (tests, benchmarks).
    void finishScan();
    // The event serial number (EventLogModel::firstSerial() + source row) of a row of this model.
    [[nodiscard]] std::uint64_t serialAt(int row) const;
    // The row of this model that holds an event serial number, or -1.
    [[nodiscard]] int rowOfSerial(std::uint64_t serial) const;

    [[nodiscard]] QModelIndex mapToSource(const QModelIndex& proxyIndex) const override;
    [[nodiscard]] QModelIndex mapFromSource(const QModelIndex& sourceIndex) const override;
    [[nodiscard]] QModelIndex index(int row, int column,
                                    const QModelIndex& parent = QModelIndex()) const override;
    [[nodiscard]] QModelIndex parent(const QModelIndex& child) const override;
    [[nodiscard]] int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    [[nodiscard]] bool hasChildren(const QModelIndex& parent = QModelIndex()) const override;

    // The event kinds (bit i = EventKind i) a category or an outcome admits.
    [[nodiscard]] static std::uint32_t kinds(Category category);
    [[nodiscard]] static std::uint32_t kinds(Outcome outcome);

signals:
    // After a criterion changed and filtering started again (not when source rows arrive).
    void criteriaChanged();
    // After each slice of testing rows, and when the last row has been tested.
    void scanProgressed();

private:
    [[nodiscard]] bool accepts(const engine::LogEvent& event) const;
    [[nodiscard]] bool searchMatches(const engine::LogEvent& event) const;
    [[nodiscard]] bool attackMatches(std::int16_t attack) const;
    [[nodiscard]] bool detailsMatch(const engine::LogEvent& event) const;
    void refilter();
    // Tests rows from scanned_ on for at most `budgetNs` (negative: all), appending the matches.
    void scan(qint64 budgetNs);
    void scheduleScan();
    void disconnectSource();
    void sourceRowsAboutToBeInserted(const QModelIndex& parent, int first, int last);
    void sourceRowsInserted(const QModelIndex& parent, int first, int last);
    void sourceRowsAboutToBeRemoved(const QModelIndex& parent, int first, int last);
    void sourceRowsRemoved(const QModelIndex& parent, int first, int last);
    void sourceDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight,
                           const QList<int>& roles);

    const EventLogModel* events_ = nullptr;
    std::vector<QMetaObject::Connection> sourceConnections_;
    bool identity_ = true;            // nothing filtered: row r is source row r
    std::vector<std::uint64_t> kept_; // when filtering: the serials of the rows that pass, ascending
    std::uint64_t scanned_ = 0;       // serials below this were tested
    std::size_t removing_ = 0;        // rows of kept_ a removal in progress takes
    bool scanQueued_ = false;
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
