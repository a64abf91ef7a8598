// The event log as a Qt table model (PRODUCT.md section 5, "Event log"): the engine's fixed-size records (32
// octets each) kept in one vector and formatted only when a view asks for a cell (no string per row). The
// model holds a bounded window, the newest capacity() events (by default one million, 32 MB): a run of 10,000
// devices for an hour makes tens of millions of events, which no table can usefully show and which would cost
// gigabytes in the model, its filter and the view's header; older rows leave the top of the table in chunks.
// Outcomes are readable without colour: the details of an attack-succeeded start with "✗", those of an
// attack-blocked with "✓"; the row background only repeats it.
#pragma once

#include "core/engine/EventLog.h"

#include <QAbstractTableModel>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mtcsec::ui {

class EventLogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column : int {
        TimeColumn,    // seconds with microseconds (engine::formatTime)
        WhereColumn,   // the link or node (engine::placeName)
        DeviceColumn,  // the device number, empty when none
        EventColumn,   // the kind (engine::name)
        AttackColumn,  // the attack's id, empty when none
        DetailsColumn, // engine::describeEvent, with the outcome mark
        ColumnCount
    };
    enum Role : int {
        EventRole = Qt::UserRole + 1, // the engine::LogEvent itself
        PduRole,                      // the PDU id (quint32, 0 = none)
        KindRole,                     // the engine::EventKind as an int
    };

    // Rows kept by default: 10^6 rows cost 32 MB here, 8 MB in a table view's row header and at most 8 MB in
    // the filter.
    static constexpr std::size_t kDefaultCapacity = 1'000'000;

    explicit EventLogModel(QObject* parent = nullptr);

    // Appends events in one insertion. attackIds is the run's attack table (index = LogEvent::attack); it is
    // merged into the one kept, so a shorter table never loses the ids of earlier events. When the window is
    // full, the oldest rows are first removed in one removal of at least capacity()/8 rows (so that a view
    // does not shift its rows at every frame).
    void append(std::span<const engine::LogEvent> events, const std::vector<std::string>& attackIds);
    void clear();

    // The most rows kept (at least 1; the current rows beyond it are removed at once, oldest first).
    void setCapacity(std::size_t rows);
    [[nodiscard]] std::size_t capacity() const { return capacity_; }
    // Every event appended since the last clear(), kept or not.
    [[nodiscard]] std::uint64_t totalEvents() const { return firstSerial_ + events_.size(); }
    // The serial number (0 = the first event since clear()) of row 0; row r holds event firstSerial() + r.
    [[nodiscard]] std::uint64_t firstSerial() const { return firstSerial_; }
    // Events appended since clear() and no longer kept.
    [[nodiscard]] std::uint64_t droppedEvents() const { return firstSerial_; }

    [[nodiscard]] const engine::LogEvent& event(int row) const;
    // QObject::event(QEvent*) stays visible beside the row accessor above (no hidden virtual).
    using QAbstractTableModel::event;
    // The rows kept (the newest capacity() events), oldest first.
    [[nodiscard]] const std::vector<engine::LogEvent>& events() const { return events_; }
    [[nodiscard]] const std::vector<std::string>& attackIds() const { return attackIds_; }
    // The id of an attack index; empty for -1 or an index the table does not know.
    [[nodiscard]] std::string_view attackId(std::int16_t attack) const;
    // Increases whenever an id already in the table changes (for caches keyed on the table).
    [[nodiscard]] std::uint64_t attackTableRevision() const { return attackRevision_; }

    // The Details text (UTF-8) as the view shows it. It depends on the kind, detail and value only, which the
    // filter's search relies on.
    [[nodiscard]] static std::string detailsText(const engine::LogEvent& event);
    // The same without the outcome mark (what a screen reader reads: the kind's name says the outcome).
    [[nodiscard]] static std::string plainDetailsText(const engine::LogEvent& event);
    // The outcome mark at the start of the Details ("✓ ", "✗ " or nothing).
    [[nodiscard]] static std::string_view outcomeMark(engine::EventKind kind);

    [[nodiscard]] int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    [[nodiscard]] QString displayText(const engine::LogEvent& event, int column) const;
    [[nodiscard]] QString accessibleText(const engine::LogEvent& event, int column) const;
    [[nodiscard]] QString toolTip(const engine::LogEvent& event) const;
    void dropOldest(std::size_t rows);

    std::vector<engine::LogEvent> events_;
    std::size_t capacity_ = kDefaultCapacity;
    std::uint64_t firstSerial_ = 0;
    std::vector<std::string> attackIds_;
    std::uint64_t attackRevision_ = 0;
};

} // namespace mtcsec::ui
