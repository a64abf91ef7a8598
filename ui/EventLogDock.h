// The event log dock (PRODUCT.md section 5, "Event log (a filterable, searchable table)"): a row of filters
// (place, category, outcome, search, "N of M events") over a table of the run's events. It follows the tail
// while the view is scrolled to the bottom and stays put once the user scrolls up. Activating a row (click,
// Enter) reports the event, and its PDU for the inspector.
#pragma once

#include "core/engine/EventLog.h"

#include <QDockWidget>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace mtcsec::ui {

class EventLogFilter;
class EventLogModel;

class EventLogDock : public QDockWidget {
    Q_OBJECT
public:
    explicit EventLogDock(QWidget* parent = nullptr);

    // New events of the run, in order; attackIds is the run's attack table (index = LogEvent::attack).
    void appendEvents(std::span<const engine::LogEvent> events, const std::vector<std::string>& attackIds);
    void clear();

    [[nodiscard]] EventLogModel* model() const { return model_; }
    [[nodiscard]] EventLogFilter* filter() const { return filter_; }
    [[nodiscard]] QTableView* view() const { return view_; }
    // Whether the view is at its last row, so that new rows scroll into view.
    [[nodiscard]] bool isFollowingTail() const;

signals:
    void eventActivated(const mtcsec::engine::LogEvent& event);
    void pduActivated(std::uint32_t pduId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void createWidgets();
    void arrangeFilters(int width);
    void activate(const QModelIndex& index);
    void updateCount();
    // Shows the filter's criteria in the controls (when they were set through filter()).
    void showCriteria();
    // After a filter change: the current row again, once the filter has found it, or the tail.
    void restoreCurrent();

    static constexpr std::uint64_t kNoSerial = ~std::uint64_t{0};

    EventLogModel* model_ = nullptr;
    EventLogFilter* filter_ = nullptr;
    QComboBox* place_ = nullptr;
    QComboBox* category_ = nullptr;
    QComboBox* outcome_ = nullptr;
    QLineEdit* search_ = nullptr;
    QTimer* searchDelay_ = nullptr;
    QLabel* count_ = nullptr;
    QTableView* view_ = nullptr;
    QHBoxLayout* filterRow_ = nullptr;
    QHBoxLayout* searchRow_ = nullptr;
    std::vector<QWidget*> filterWidgets_; // the labels and combo boxes of the filter row
    bool twoRows_ = false;
    bool followBeforeLayout_ = false; // the tail was in view when the filter changed
    bool followOnInsert_ = false;
    bool restoring_ = false;                  // a filter change waits for the current row
    std::uint64_t restoreSerial_ = kNoSerial; // the current row's event when the filter changed
};

} // namespace mtcsec::ui
