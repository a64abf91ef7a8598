// The charts dock: traffic per link, attack outcomes over time (with attempts without effect and genuine
// messages lost to attacks) and the mean PDU size per link.
#include "ui/ChartsDock.h"

#include <QEvent>
#include <QGraphicsLayout>
#include <QPalette>
#include <QTabWidget>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLegend>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>

#include <algorithm>
#include <cmath>
#include <optional>

namespace mtcsec::ui {

namespace {

using engine::EventKind;
using engine::LogEvent;
using engine::Reading;
using engine::SimTime;

constexpr SimTime kOctetSlotWidth = engine::kMicrosPerSecond / 10;

// Colour-blind-safe colours (Okabe and Ito), one per link, in Link order.
constexpr std::array<QRgb, kLinkCount> kLinkColours = {0x0072b2, 0xe69f00, 0x009e73,
                                                       0xcc79a7, 0xd55e00, 0x56b4e9};
constexpr QRgb kBlockedColour = 0x009e73;
constexpr QRgb kSucceededColour = 0xd55e00;
constexpr QRgb kNoEffectColour = 0x999999;
constexpr QRgb kCollateralColour = 0xcc79a7;
constexpr QRgb kRecentColour = 0x0072b2;
constexpr QRgb kRunColour = 0xe69f00;

// Lines stay distinguishable without colour: each link has its own dash pattern (in pen widths).
QPen linkPen(std::size_t link, const QColor& colour)
{
    QPen pen(colour, 2.0);
    pen.setCapStyle(Qt::FlatCap);
    pen.setJoinStyle(Qt::RoundJoin);
    static const std::array<QList<qreal>, kLinkCount> patterns = {
        QList<qreal>{},                       // Uu: solid
        QList<qreal>{6, 3},                   // S1-MME: dashes
        QList<qreal>{1, 2},                   // S1-U: dots
        QList<qreal>{6, 2, 1, 2},             // S6a: dash dot
        QList<qreal>{12, 3},                  // S5: long dashes
        QList<qreal>{6, 2, 1, 2, 1, 2, 1, 2}, // SGi: dash dot dot dot
    };
    if (patterns[link].isEmpty())
        pen.setStyle(Qt::SolidLine);
    else
        pen.setDashPattern(patterns[link]);
    return pen;
}

// What an attack-related event means for the outcome chart, if anything: a read secret counts as a success,
// a read ciphertext as blocked (the protection held), a read of nothing secret as without effect, as does an
// AttackNoEffect; a MessageLost is a genuine message lost as an attacker's collateral.
std::optional<std::size_t> outcomeColumn(const LogEvent& event)
{
    switch (event.kind) {
    case EventKind::AttackBlocked:
        return ChartsDock::kBlockedColumn;
    case EventKind::AttackSucceeded:
        return ChartsDock::kSucceededColumn;
    case EventKind::AttackNoEffect:
        return ChartsDock::kNoEffectColumn;
    case EventKind::MessageLost:
        return ChartsDock::kCollateralColumn;
    case EventKind::AttackEavesdrop:
    case EventKind::AttackInsider:
        if (event.detail == static_cast<std::uint8_t>(Reading::Secret))
            return ChartsDock::kSucceededColumn;
        if (event.detail == static_cast<std::uint8_t>(Reading::Ciphertext))
            return ChartsDock::kBlockedColumn;
        return ChartsDock::kNoEffectColumn;
    default:
        return std::nullopt;
    }
}

// 1, 2 or 5 times a power of ten, at least `raw`.
double niceStep(double raw)
{
    if (!(raw > 0))
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double fraction = raw / magnitude;
    const double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
    return nice * magnitude;
}

// A value axis from 0 to at least `peak` (and `minimum`), ticks at a round interval.
void scaleValueAxis(QValueAxis* axis, double peak, double minimum, int ticks, bool headroom)
{
    const double span = std::max(peak * (headroom ? 1.08 : 1.0), minimum);
    const double step = niceStep(span / ticks);
    axis->setTickInterval(step);
    axis->setRange(0, headroom ? std::ceil(span / step) * step : span);
}

QValueAxis* makeValueAxis(const QString& title)
{
    auto* axis = new QValueAxis;
    axis->setTitleText(title);
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setLabelFormat(QStringLiteral("%g"));
    axis->setMinorTickCount(0);
    return axis;
}

QChart* makeChart()
{
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(6, 8, 10, 2));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

QColor mix(const QColor& a, const QColor& b, double weightOfB)
{
    const auto channel = [weightOfB](int x, int y) {
        return static_cast<int>(std::lround(x + (y - x) * weightOfB));
    };
    return {channel(a.red(), b.red()), channel(a.green(), b.green()), channel(a.blue(), b.blue())};
}

} // namespace

ChartsDock::ChartsDock(QWidget* parent)
    : QDockWidget(tr("Charts"), parent)
{
    setObjectName(QStringLiteral("chartsDock"));
    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("chartsTabs"));
    tabs_->setDocumentMode(true);
    setWidget(tabs_);

    buildTrafficChart();
    buildAttackChart();
    buildOverheadChart();
    applyPalette();
    refresh(0);
}

ChartsDock::~ChartsDock() = default;

void ChartsDock::buildTrafficChart()
{
    trafficChart_ = makeChart();
    trafficTime_ = makeValueAxis(tr("Simulated time (s)"));
    trafficRate_ = makeValueAxis(tr("PDUs per second"));
    trafficChart_->addAxis(trafficTime_, Qt::AlignBottom);
    trafficChart_->addAxis(trafficRate_, Qt::AlignLeft);
    for (std::size_t i = 0; i < kLinkCount; ++i) {
        auto* series = new QLineSeries;
        series->setName(QString::fromUtf8(name(kAllLinks[i])));
        trafficChart_->addSeries(series);
        series->attachAxis(trafficTime_);
        series->attachAxis(trafficRate_);
        trafficSeries_[i] = series;
    }
    auto* view =
        addView(trafficChart_, tr("Traffic per link"),
                tr("Line chart of the PDUs sent per simulated second on each link (Uu, S1-MME, S1-U, "
                   "S6a, S5, SGi) against simulated time; each link has its own line pattern."));
    view->setObjectName(QStringLiteral("trafficChartView"));
}

void ChartsDock::buildAttackChart()
{
    attackChart_ = makeChart();
    attackTime_ = makeValueAxis(tr("Simulated time (s)"));
    attackCount_ = makeValueAxis(tr("Attempts or messages lost (cumulative)"));
    attackChart_->addAxis(attackTime_, Qt::AlignBottom);
    attackChart_->addAxis(attackCount_, Qt::AlignLeft);
    blockedSeries_ = new QLineSeries;
    blockedSeries_->setName(tr("Blocked"));
    succeededSeries_ = new QLineSeries;
    succeededSeries_->setName(tr("Succeeded"));
    noEffectSeries_ = new QLineSeries;
    noEffectSeries_->setName(tr("No effect"));
    collateralSeries_ = new QLineSeries;
    collateralSeries_->setName(tr("Collateral (messages lost)"));
    for (QLineSeries* series : {blockedSeries_, succeededSeries_, noEffectSeries_, collateralSeries_}) {
        attackChart_->addSeries(series);
        series->attachAxis(attackTime_);
        series->attachAxis(attackCount_);
    }
    auto* view =
        addView(attackChart_, tr("Attack outcomes"),
                tr("Line chart against simulated time of the cumulative number of attack attempts blocked "
                   "(solid line), succeeded (dashed line) and without effect (dotted line), and of the "
                   "genuine messages lost as collateral of attacks (dash-dot line). An eavesdropper or "
                   "insider that reads a secret counts as succeeded, one that reads only ciphertext as "
                   "blocked, one that reads nothing secret as without effect."));
    view->setObjectName(QStringLiteral("attackChartView"));
}

void ChartsDock::buildOverheadChart()
{
    overheadChart_ = makeChart();
    auto* links = new QBarCategoryAxis;
    links->setTitleText(tr("Link"));
    for (const Link link : kAllLinks)
        links->append(QString::fromUtf8(name(link)));
    overheadOctets_ = makeValueAxis(tr("Mean octets per PDU on the wire"));
    overheadChart_->addAxis(links, Qt::AlignBottom);
    overheadChart_->addAxis(overheadOctets_, Qt::AlignLeft);

    auto* series = new QBarSeries;
    recentSet_ = new QBarSet(tr("Last %1 s").arg(kOverheadWindow / engine::kMicrosPerSecond));
    runSet_ = new QBarSet(tr("Whole run"));
    for (QBarSet* set : {recentSet_, runSet_}) {
        for (std::size_t i = 0; i < kLinkCount; ++i)
            set->append(0);
        series->append(set);
    }
    series->setBarWidth(0.8);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsFormat(QStringLiteral("@value"));
    series->setLabelsPrecision(4);
    overheadChart_->addSeries(series);
    series->attachAxis(links);
    series->attachAxis(overheadOctets_);
    auto* view = addView(overheadChart_, tr("PDU size"),
                         tr("Bar chart of the mean octets per PDU on the wire on each link, over the last %1 "
                            "simulated seconds (solid bars) and over the whole run (hatched bars). It shows "
                            "sizes, not overhead alone: the octets that protection adds (an ESP tunnel, an "
                            "end-to-end tag) show as the recent bar rises above the whole run's after it is "
                            "switched on.")
                             .arg(kOverheadWindow / engine::kMicrosPerSecond));
    view->setObjectName(QStringLiteral("overheadChartView"));
}

QChartView* ChartsDock::addView(QChart* chart, const QString& tab, const QString& description)
{
    auto* view = new QChartView(chart, tabs_);
    view->setRenderHint(QPainter::Antialiasing);
    view->setFrameShape(QFrame::NoFrame);
    view->setMinimumSize(280, 180);
    view->setAccessibleName(tab);
    view->setAccessibleDescription(description);
    tabs_->addTab(view, tab);
    return view;
}

// The charts follow the widget palette: Qt Charts' light or dark theme by the window's lightness, then the
// palette's own colours for the canvas and the text so that the charts sit in the dock without a seam.
void ChartsDock::applyPalette()
{
    const QPalette& pal = palette();
    darkTheme_ = pal.color(QPalette::Window).lightness() < 128;
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    const QColor grid = mix(base, text, darkTheme_ ? 0.16 : 0.12);
    const QColor axisLine = mix(base, text, 0.45);
    const auto seriesColour = [this](QRgb rgb) {
        const QColor colour(rgb);
        return darkTheme_ && colour.lightness() < 100 ? colour.lighter(140) : colour;
    };

    for (QChartView* view : tabs_->findChildren<QChartView*>())
        view->setBackgroundBrush(base);
    for (QChart* chart : {trafficChart_, attackChart_, overheadChart_}) {
        chart->setTheme(darkTheme_ ? QChart::ChartThemeDark : QChart::ChartThemeLight);
        chart->setBackgroundBrush(base);
        chart->setBackgroundPen(Qt::NoPen);
        chart->legend()->setLabelColor(text);
        chart->legend()->setMarkerShape(chart == overheadChart_ ? QLegend::MarkerShapeRectangle
                                                                : QLegend::MarkerShapeFromSeries);
        for (QAbstractAxis* axis : chart->axes()) {
            axis->setLabelsColor(text);
            axis->setTitleBrush(text);
            axis->setGridLineColor(grid);
            axis->setLinePenColor(axisLine);
            QFont font = axis->titleFont();
            font.setBold(false);
            axis->setTitleFont(font);
        }
    }

    for (std::size_t i = 0; i < kLinkCount; ++i)
        trafficSeries_[i]->setPen(linkPen(i, seriesColour(kLinkColours[i])));

    QPen blocked(seriesColour(kBlockedColour), 2.5);
    blocked.setCapStyle(Qt::FlatCap);
    blockedSeries_->setPen(blocked);
    QPen succeeded(seriesColour(kSucceededColour), 2.5);
    succeeded.setCapStyle(Qt::FlatCap);
    succeeded.setDashPattern({4, 2});
    succeededSeries_->setPen(succeeded);
    QPen noEffect(seriesColour(kNoEffectColour), 2.0);
    noEffect.setCapStyle(Qt::FlatCap);
    noEffect.setDashPattern({1, 2});
    noEffectSeries_->setPen(noEffect);
    QPen collateral(seriesColour(kCollateralColour), 2.5);
    collateral.setCapStyle(Qt::FlatCap);
    collateral.setDashPattern({6, 2, 1, 2});
    collateralSeries_->setPen(collateral);

    const QColor recent = seriesColour(kRecentColour);
    recentSet_->setBrush(recent);
    recentSet_->setPen(QPen(recent, 1.0));
    const QColor run = seriesColour(kRunColour);
    recentSet_->setLabelColor(text);
    runSet_->setBrush(QBrush(run, Qt::BDiagPattern));
    runSet_->setPen(QPen(run, 1.5));
    runSet_->setLabelColor(text);
}

void ChartsDock::changeEvent(QEvent* event)
{
    QDockWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && trafficChart_ != nullptr) {
        applyPalette();
        dirty_ = true;
    }
}

void ChartsDock::coarsen()
{
    std::vector<Counts> merged((buckets_.size() + 1) / 2);
    for (std::size_t i = 0; i < buckets_.size(); ++i)
        for (std::size_t c = 0; c < kColumns; ++c)
            merged[i / 2][c] += buckets_[i][c];
    buckets_ = std::move(merged);
    bucketWidth_ *= 2;
}

ChartsDock::Counts& ChartsDock::bucketAt(SimTime time)
{
    while (static_cast<std::uint64_t>(time / bucketWidth_) >= kMaxBuckets)
        coarsen();
    const auto index = static_cast<std::size_t>(time / bucketWidth_);
    if (index >= buckets_.size())
        buckets_.resize(index + 1);
    return buckets_[index];
}

void ChartsDock::addEvents(std::span<const LogEvent> events)
{
    for (const LogEvent& event : events) {
        if (event.time < 0)
            continue;
        if (event.kind == EventKind::PduSent && event.place < kLinkCount) {
            bucketAt(event.time)[event.place] += 1;
            runPdus_[event.place] += 1;
            runOctets_[event.place] += event.value;
            const std::int64_t index = event.time / kOctetSlotWidth;
            OctetSlot& slot = recent_[static_cast<std::size_t>(index) % kOctetSlots];
            if (slot.index < index)
                slot = OctetSlot{index, {}, {}};
            if (slot.index == index) { // else: older than the ring, so out of the window anyway
                slot.pdus[event.place] += 1;
                slot.octets[event.place] += event.value;
            }
            dirty_ = true;
        } else if (const auto column = outcomeColumn(event)) {
            bucketAt(event.time)[*column] += 1;
            dirty_ = true;
        }
    }
}

void ChartsDock::clear()
{
    buckets_.clear();
    bucketWidth_ = engine::kMicrosPerSecond;
    recent_.fill(OctetSlot{});
    runPdus_.fill(0);
    runOctets_.fill(0);
    for (QLineSeries* series : trafficSeries_)
        series->clear();
    for (QLineSeries* series : {blockedSeries_, succeededSeries_, noEffectSeries_, collateralSeries_})
        series->clear();
    for (QBarSet* set : {recentSet_, runSet_})
        for (int i = 0; i < set->count(); ++i)
            set->replace(i, 0);
    dirty_ = true;
    shownNow_ = -1;
}

void ChartsDock::refresh(SimTime now)
{
    now = std::max<SimTime>(now, 0);
    if (!dirty_ && now == shownNow_)
        return;
    dirty_ = false;
    shownNow_ = now;

    // Time series: one point per complete bucket, at its end (the rate over the bucket that ended there).
    while (static_cast<std::uint64_t>(now / bucketWidth_) > kMaxBuckets)
        coarsen();
    const auto complete = static_cast<std::size_t>(now / bucketWidth_);
    const double width = engine::toSeconds(bucketWidth_);
    const Counts zero{};
    std::array<QList<QPointF>, kLinkCount> traffic;
    for (auto& points : traffic)
        points.reserve(static_cast<qsizetype>(complete));
    // The cumulative outcome lines, in column order from kBlockedColumn.
    constexpr std::size_t kOutcomes = kColumns - kBlockedColumn;
    const std::array<QLineSeries*, kOutcomes> outcomeSeries = {blockedSeries_, succeededSeries_,
                                                               noEffectSeries_, collateralSeries_};
    std::array<QList<QPointF>, kOutcomes> outcomes;
    std::array<std::uint64_t, kOutcomes> soFar{};
    for (auto& points : outcomes) {
        points.reserve(static_cast<qsizetype>(complete + 2));
        points.append({0, 0});
    }
    double peakRate = 0;
    for (std::size_t k = 0; k < complete; ++k) {
        const Counts& counts = k < buckets_.size() ? buckets_[k] : zero;
        const double x = engine::toSeconds(static_cast<SimTime>(k + 1) * bucketWidth_);
        for (std::size_t i = 0; i < kLinkCount; ++i) {
            const double rate = static_cast<double>(counts[i]) / width;
            peakRate = std::max(peakRate, rate);
            traffic[i].append({x, rate});
        }
        for (std::size_t o = 0; o < kOutcomes; ++o) {
            soFar[o] += counts[kBlockedColumn + o];
            outcomes[o].append({x, static_cast<double>(soFar[o])});
        }
    }
    // The cumulative lines reach `now` with the bucket in progress.
    if (now > static_cast<SimTime>(complete) * bucketWidth_) {
        for (std::size_t o = 0; o < kOutcomes; ++o) {
            if (complete < buckets_.size())
                soFar[o] += buckets_[complete][kBlockedColumn + o];
            outcomes[o].append({engine::toSeconds(now), static_cast<double>(soFar[o])});
        }
    }
    for (std::size_t i = 0; i < kLinkCount; ++i)
        trafficSeries_[i]->replace(traffic[i]);
    for (std::size_t o = 0; o < kOutcomes; ++o)
        outcomeSeries[o]->replace(outcomes[o]);
    const double seconds = std::max(engine::toSeconds(now), 10.0);
    for (QValueAxis* axis : {trafficTime_, attackTime_})
        scaleValueAxis(axis, seconds, 10, 8, false);
    scaleValueAxis(trafficRate_, peakRate, 5, 5, true);
    scaleValueAxis(attackCount_, static_cast<double>(*std::max_element(soFar.begin(), soFar.end())), 5, 5,
                   true);

    // Overhead: mean octets per PDU on each link, over the 100 ms slots touching [now - window, now].
    std::array<std::uint64_t, kLinkCount> pdus{};
    std::array<std::uint64_t, kLinkCount> octets{};
    for (const OctetSlot& slot : recent_) {
        if (slot.index < 0 || (slot.index + 1) * kOctetSlotWidth <= now - kOverheadWindow ||
            slot.index * kOctetSlotWidth > now)
            continue;
        for (std::size_t i = 0; i < kLinkCount; ++i) {
            pdus[i] += slot.pdus[i];
            octets[i] += slot.octets[i];
        }
    }
    const auto mean = [](std::uint64_t total, std::uint64_t count) {
        // To a tenth of an octet, as the bar labels show it.
        return count == 0 ? 0.0
                          : std::round(10.0 * static_cast<double>(total) / static_cast<double>(count)) / 10.0;
    };
    double peakOctets = 0;
    for (std::size_t i = 0; i < kLinkCount; ++i) {
        const double recentMean = mean(octets[i], pdus[i]);
        const double runMean = mean(runOctets_[i], runPdus_[i]);
        const int index = static_cast<int>(i);
        if (recentSet_->at(index) != recentMean)
            recentSet_->replace(index, recentMean);
        if (runSet_->at(index) != runMean)
            runSet_->replace(index, runMean);
        peakOctets = std::max({peakOctets, recentMean, runMean});
    }
    scaleValueAxis(overheadOctets_, peakOctets * 1.06, 10, 5, true); // room for the value labels
}

} // namespace mtcsec::ui
