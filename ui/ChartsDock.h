// The charts dock (PRODUCT.md section 5: "charts (traffic per link, attack outcomes over time, protection
// overhead)"; the last shows the mean PDU size on each link, named for what it measures: the octets that
// protection adds show as the bars grow when it is switched on): aggregates the engine's batched events into
// fixed-size buckets and redraws three Qt Charts from them a few times a second (STYLE.md: the GUI reads
// batched events at frame rate, never one update per event). Memory stays bounded on long runs: time buckets
// double in width and merge pairwise when there would be more than kMaxBuckets of them, and the overhead
// window is a fixed ring of 100 ms slots.
#pragma once

#include "core/engine/EventLog.h"
#include "core/engine/SimTime.h"
#include "core/scenario/Scenario.h"

#include <QDockWidget>

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

QT_BEGIN_NAMESPACE
class QBarSet;
class QChart;
class QChartView;
class QLineSeries;
class QTabWidget;
class QValueAxis;
QT_END_NAMESPACE

namespace mtcsec::ui {

class ChartsDock : public QDockWidget {
    Q_OBJECT
public:
    // At most this many time buckets (and so points per line series).
    static constexpr std::size_t kMaxBuckets = 2048;
    // Columns of a time bucket: PDUs sent per link, then attack outcomes.
    static constexpr std::size_t kBlockedColumn = kLinkCount;
    static constexpr std::size_t kSucceededColumn = kLinkCount + 1;
    static constexpr std::size_t kNoEffectColumn = kLinkCount + 2;   // attempts without effect
    static constexpr std::size_t kCollateralColumn = kLinkCount + 3; // genuine messages lost to attacks
    static constexpr std::size_t kColumns = kLinkCount + 4;
    // The PDU-size chart's recent window.
    static constexpr engine::SimTime kOverheadWindow = 10 * engine::kMicrosPerSecond;

    explicit ChartsDock(QWidget* parent = nullptr);
    ~ChartsDock() override;

    // Aggregates a batch of events (cheap: counters only, the charts change on refresh()).
    void addEvents(std::span<const engine::LogEvent> events);
    // Redraws the series and rescales the axes for the simulated time `now`.
    void refresh(engine::SimTime now);
    // Forgets everything (a new run); the charts are empty until the next refresh().
    void clear();

    // The width of one time bucket, 1 s until a long run merges buckets.
    [[nodiscard]] engine::SimTime bucketWidth() const { return bucketWidth_; }

    // For tests.
    [[nodiscard]] const QChart* trafficChart() const { return trafficChart_; }
    [[nodiscard]] const QChart* attackChart() const { return attackChart_; }
    [[nodiscard]] const QChart* overheadChart() const { return overheadChart_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    using Counts = std::array<std::uint64_t, kColumns>;

    // PDUs and octets sent per link in one 100 ms slot of the overhead ring.
    struct OctetSlot {
        std::int64_t index = -1; // slot start / 100 ms, -1 when unused
        std::array<std::uint64_t, kLinkCount> pdus{};
        std::array<std::uint64_t, kLinkCount> octets{};
    };
    static constexpr std::size_t kOctetSlots = 128; // more than the 101 slots the window can touch

    void buildTrafficChart();
    void buildAttackChart();
    void buildOverheadChart();
    QChartView* addView(QChart* chart, const QString& tab, const QString& description);
    void applyPalette();
    void coarsen();
    [[nodiscard]] Counts& bucketAt(engine::SimTime time);

    QTabWidget* tabs_ = nullptr;
    QChart* trafficChart_ = nullptr;
    QChart* attackChart_ = nullptr;
    QChart* overheadChart_ = nullptr;
    std::array<QLineSeries*, kLinkCount> trafficSeries_{};
    QLineSeries* blockedSeries_ = nullptr;
    QLineSeries* succeededSeries_ = nullptr;
    QLineSeries* noEffectSeries_ = nullptr;
    QLineSeries* collateralSeries_ = nullptr;
    QBarSet* recentSet_ = nullptr;
    QBarSet* runSet_ = nullptr;
    QValueAxis* trafficTime_ = nullptr;
    QValueAxis* trafficRate_ = nullptr;
    QValueAxis* attackTime_ = nullptr;
    QValueAxis* attackCount_ = nullptr;
    QValueAxis* overheadOctets_ = nullptr;

    std::vector<Counts> buckets_;
    engine::SimTime bucketWidth_ = engine::kMicrosPerSecond;
    std::array<OctetSlot, kOctetSlots> recent_{};
    std::array<std::uint64_t, kLinkCount> runPdus_{};
    std::array<std::uint64_t, kLinkCount> runOctets_{};
    bool dirty_ = true;
    engine::SimTime shownNow_ = -1;
    bool darkTheme_ = false;
};

} // namespace mtcsec::ui
