// The charts dock: hand-made events land in the right buckets (PDUs per link per second, cumulative attack
// outcomes, mean octets per PDU per link), clear() empties the charts, long runs stay bounded, the theme
// follows the palette.
#include "core/engine/EventLog.h"
#include "core/scenario/Scenario.h"
#include "ui/ChartsDock.h"

#include <QAccessible>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>
#include <QtTest>

#include <vector>

using mtcsec::Link;
using mtcsec::engine::EventKind;
using mtcsec::engine::fromSeconds;
using mtcsec::engine::LogEvent;
using mtcsec::engine::Reading;
using mtcsec::ui::ChartsDock;

namespace {

LogEvent pduSent(double seconds, Link link, std::uint32_t octets = 100)
{
    LogEvent event;
    event.time = fromSeconds(seconds);
    event.kind = EventKind::PduSent;
    event.place = mtcsec::engine::placeOf(link);
    event.value = octets;
    return event;
}

LogEvent attack(double seconds, EventKind kind, Reading reading = Reading::NothingSecret)
{
    LogEvent event;
    event.time = fromSeconds(seconds);
    event.kind = kind;
    event.detail = static_cast<std::uint8_t>(reading);
    event.attack = 0;
    return event;
}

const QLineSeries* lineSeries(const QChart* chart, const QString& name)
{
    for (const QAbstractSeries* series : chart->series())
        if (series->name() == name)
            return qobject_cast<const QLineSeries*>(series);
    return nullptr;
}

const QBarSet* barSet(const QChart* chart, const QString& label)
{
    for (const QAbstractSeries* series : chart->series())
        if (const auto* bars = qobject_cast<const QBarSeries*>(series))
            for (const QBarSet* set : bars->barSets())
                if (set->label() == label)
                    return set;
    return nullptr;
}

const QValueAxis* axis(const QChart* chart, Qt::Orientation orientation)
{
    const auto axes = chart->axes(orientation);
    return axes.isEmpty() ? nullptr : qobject_cast<const QValueAxis*>(axes.first());
}

} // namespace

class TestCharts : public QObject {
    Q_OBJECT
private slots:
    void dockHasThreeNamedCharts();
    void trafficCountsPduPerLinkPerSecond();
    void timeAxisSpansAtLeastTenSeconds();
    void attackOutcomesAreCumulative();
    void noEffectAndCollateralSeries();
    void overheadMeansRecentWindowAndWholeRun();
    void clearEmptiesEverything();
    void longRunMergesBuckets();
    void themeFollowsPalette();
};

void TestCharts::dockHasThreeNamedCharts()
{
    ChartsDock dock;
    QCOMPARE(dock.objectName(), QStringLiteral("chartsDock"));
    QCOMPARE(dock.windowTitle(), QStringLiteral("Charts"));
    const auto views = dock.findChildren<QChartView*>();
    QCOMPARE(views.size(), 3);
    for (const QChartView* view : views) {
        QVERIFY(!view->accessibleName().isEmpty());
        QVERIFY(!view->accessibleDescription().isEmpty());
        QVERIFY(view->chart()->legend()->isVisible());
        for (const QAbstractSeries* series : view->chart()->series())
            QVERIFY(!series->name().isEmpty() || qobject_cast<const QBarSeries*>(series) != nullptr);
    }
    QCOMPARE(dock.trafficChart()->series().size(), 6);
    // Blocked, succeeded, no effect, collateral (messages lost); the third tab names what it shows.
    QCOMPARE(dock.attackChart()->series().size(), 4);
    QCOMPARE(dock.findChild<QChartView*>(QStringLiteral("overheadChartView"))->accessibleName(),
             QStringLiteral("PDU size"));
    QVERIFY(barSet(dock.overheadChart(), QStringLiteral("Last 10 s")) != nullptr);
    QVERIFY(barSet(dock.overheadChart(), QStringLiteral("Whole run")) != nullptr);

    // Without colour, every link line has its own dash pattern.
    QSet<QString> patterns;
    for (const QAbstractSeries* series : dock.trafficChart()->series()) {
        const QPen pen = qobject_cast<const QLineSeries*>(series)->pen();
        QString key = QString::number(static_cast<int>(pen.style()));
        for (const qreal dash : pen.dashPattern())
            key += QLatin1Char(',') + QString::number(dash);
        patterns.insert(key);
    }
    QCOMPARE(patterns.size(), 6);
    QVERIFY(lineSeries(dock.attackChart(), QStringLiteral("Blocked"))->pen().style() !=
            lineSeries(dock.attackChart(), QStringLiteral("Succeeded"))->pen().style());
}

void TestCharts::trafficCountsPduPerLinkPerSecond()
{
    ChartsDock dock;
    const std::vector<LogEvent> events = {
        pduSent(0.1, Link::Uu),      pduSent(0.5, Link::Uu),
        pduSent(0.999999, Link::Uu), pduSent(1.0, Link::Uu),
        pduSent(1.5, Link::S1U),     attack(1.6, EventKind::AttackBlocked), // not traffic
        pduSent(2.7, Link::S1U),     pduSent(2.8, Link::SGi),
        pduSent(3.2, Link::Uu), // in the bucket still in progress at 3.0 s
    };
    dock.addEvents(events);
    dock.refresh(fromSeconds(3.0));

    const QLineSeries* uu = lineSeries(dock.trafficChart(), QStringLiteral("Uu"));
    const QLineSeries* s1u = lineSeries(dock.trafficChart(), QStringLiteral("S1-U"));
    const QLineSeries* sgi = lineSeries(dock.trafficChart(), QStringLiteral("SGi"));
    const QLineSeries* s6a = lineSeries(dock.trafficChart(), QStringLiteral("S6a"));
    QVERIFY(uu && s1u && sgi && s6a);
    QCOMPARE(uu->points(), (QList<QPointF>{{1, 3}, {2, 1}, {3, 0}}));
    QCOMPARE(s1u->points(), (QList<QPointF>{{1, 0}, {2, 1}, {3, 1}}));
    QCOMPARE(sgi->points(), (QList<QPointF>{{1, 0}, {2, 0}, {3, 1}}));
    QCOMPARE(s6a->points(), (QList<QPointF>{{1, 0}, {2, 0}, {3, 0}}));

    // A later batch adds to the buckets; nothing changes before refresh().
    dock.addEvents(std::vector<LogEvent>{pduSent(3.9, Link::Uu), pduSent(1.2, Link::Uu)});
    QCOMPARE(uu->count(), 3);
    dock.refresh(fromSeconds(4.5));
    QCOMPARE(uu->points(), (QList<QPointF>{{1, 3}, {2, 2}, {3, 0}, {4, 2}}));
    QVERIFY(axis(dock.trafficChart(), Qt::Vertical)->max() >= 3);
}

void TestCharts::timeAxisSpansAtLeastTenSeconds()
{
    ChartsDock dock;
    dock.refresh(fromSeconds(2.0));
    for (const QChart* chart : {dock.trafficChart(), dock.attackChart()}) {
        QCOMPARE(axis(chart, Qt::Horizontal)->min(), 0.0);
        QCOMPARE(axis(chart, Qt::Horizontal)->max(), 10.0);
    }
    dock.refresh(fromSeconds(37.5));
    for (const QChart* chart : {dock.trafficChart(), dock.attackChart()})
        QCOMPARE(axis(chart, Qt::Horizontal)->max(), 37.5);
}

void TestCharts::attackOutcomesAreCumulative()
{
    ChartsDock dock;
    const std::vector<LogEvent> events = {
        attack(0.5, EventKind::AttackBlocked),
        attack(1.5, EventKind::AttackSucceeded),
        attack(1.7, EventKind::AttackEavesdrop, Reading::Secret),     // succeeded
        attack(2.1, EventKind::AttackEavesdrop, Reading::Ciphertext), // blocked
        attack(2.2, EventKind::AttackEavesdrop, Reading::NothingSecret),
        attack(2.3, EventKind::AttackInsider, Reading::Secret),     // succeeded
        attack(2.4, EventKind::AttackTamper),                       // its outcome comes as its own event
        attack(3.2, EventKind::AttackInsider, Reading::Ciphertext), // blocked, in progress at 3.5 s
    };
    dock.addEvents(events);
    dock.refresh(fromSeconds(3.0));
    const QLineSeries* blocked = lineSeries(dock.attackChart(), QStringLiteral("Blocked"));
    const QLineSeries* succeeded = lineSeries(dock.attackChart(), QStringLiteral("Succeeded"));
    QVERIFY(blocked && succeeded);
    QCOMPARE(blocked->points(), (QList<QPointF>{{0, 0}, {1, 1}, {2, 1}, {3, 2}}));
    QCOMPARE(succeeded->points(), (QList<QPointF>{{0, 0}, {1, 0}, {2, 2}, {3, 3}}));

    dock.refresh(fromSeconds(3.5)); // the lines reach now with the bucket in progress
    QCOMPARE(blocked->points().last(), QPointF(3.5, 3));
    QCOMPARE(succeeded->points().last(), QPointF(3.5, 3));
    QVERIFY(axis(dock.attackChart(), Qt::Vertical)->max() >= 3);
    // Reading nothing secret has no effect.
    const QLineSeries* noEffect = lineSeries(dock.attackChart(), QStringLiteral("No effect"));
    QVERIFY(noEffect);
    QCOMPARE(noEffect->points().last(), QPointF(3.5, 1));
}

void TestCharts::noEffectAndCollateralSeries()
{
    ChartsDock dock;
    const std::vector<LogEvent> events = {
        attack(0.5, EventKind::AttackNoEffect),
        attack(0.6, EventKind::AttackEavesdrop, Reading::NothingSecret), // no effect
        attack(1.2, EventKind::MessageLost),
        attack(1.3, EventKind::MessageLost),
        attack(1.4, EventKind::MessageLost),
        attack(1.5, EventKind::AttackBlocked),
    };
    dock.addEvents(events);
    dock.refresh(fromSeconds(2.0));
    const QLineSeries* noEffect = lineSeries(dock.attackChart(), QStringLiteral("No effect"));
    const QLineSeries* collateral =
        lineSeries(dock.attackChart(), QStringLiteral("Collateral (messages lost)"));
    QVERIFY(noEffect && collateral);
    QCOMPARE(noEffect->points(), (QList<QPointF>{{0, 0}, {1, 2}, {2, 2}}));
    QCOMPARE(collateral->points(), (QList<QPointF>{{0, 0}, {1, 0}, {2, 3}}));
    // Told apart without colour.
    QVERIFY(noEffect->pen().style() != collateral->pen().style() ||
            noEffect->pen().dashPattern() != collateral->pen().dashPattern());
    QVERIFY(axis(dock.attackChart(), Qt::Vertical)->max() >= 3);
    dock.clear();
    QCOMPARE(collateral->count(), 0);
}

void TestCharts::overheadMeansRecentWindowAndWholeRun()
{
    ChartsDock dock;
    const std::vector<LogEvent> events = {
        pduSent(1.0, Link::Uu, 100),  pduSent(2.0, Link::Uu, 120),    // only in the whole run
        pduSent(1.0, Link::S1U, 200), pduSent(5.95, Link::S1U, 1000), // just before the window
        pduSent(6.0, Link::S1U, 300), pduSent(15.0, Link::S1U, 340),  pduSent(15.5, Link::SGi, 90),
    };
    dock.addEvents(events);
    dock.refresh(fromSeconds(16.0));
    const QBarSet* recent = barSet(dock.overheadChart(), QStringLiteral("Last 10 s"));
    const QBarSet* run = barSet(dock.overheadChart(), QStringLiteral("Whole run"));
    QVERIFY(recent && run);
    QCOMPARE(recent->count(), 6);
    const auto at = [](const QBarSet* set, Link link) {
        return set->at(static_cast<int>(link));
    };
    QCOMPARE(at(recent, Link::Uu), 0.0);
    QCOMPARE(at(recent, Link::S1U), 320.0);
    QCOMPARE(at(recent, Link::SGi), 90.0);
    QCOMPARE(at(recent, Link::S5), 0.0);
    QCOMPARE(at(run, Link::Uu), 110.0);
    QCOMPARE(at(run, Link::S1U), 460.0);
    QCOMPARE(at(run, Link::SGi), 90.0);
    QVERIFY(axis(dock.overheadChart(), Qt::Vertical)->max() >= 460.0);

    // A second later the 300-octet PDU of 6.0 s has left the window and a larger one has come in.
    dock.addEvents(std::vector<LogEvent>{pduSent(16.5, Link::S1U, 380)});
    dock.refresh(fromSeconds(17.0));
    QCOMPARE(at(recent, Link::S1U), 360.0);
    QCOMPARE(at(run, Link::S1U), 444.0);
}

void TestCharts::clearEmptiesEverything()
{
    ChartsDock dock;
    dock.addEvents(
        std::vector<LogEvent>{pduSent(0.5, Link::S5, 150), attack(0.7, EventKind::AttackSucceeded)});
    dock.refresh(fromSeconds(2.0));
    QVERIFY(lineSeries(dock.trafficChart(), QStringLiteral("S5"))->count() > 0);
    QCOMPARE(barSet(dock.overheadChart(), QStringLiteral("Whole run"))->at(static_cast<int>(Link::S5)),
             150.0);

    dock.clear();
    for (const QAbstractSeries* series : dock.trafficChart()->series())
        QCOMPARE(qobject_cast<const QLineSeries*>(series)->count(), 0);
    for (const QAbstractSeries* series : dock.attackChart()->series())
        QCOMPARE(qobject_cast<const QLineSeries*>(series)->count(), 0);
    for (const QString& label : {QStringLiteral("Last 10 s"), QStringLiteral("Whole run")}) {
        const QBarSet* set = barSet(dock.overheadChart(), label);
        for (int i = 0; i < set->count(); ++i)
            QCOMPARE(set->at(i), 0.0);
    }

    // A new run starts from nothing.
    dock.refresh(fromSeconds(1.0));
    QCOMPARE(lineSeries(dock.trafficChart(), QStringLiteral("S5"))->points(), (QList<QPointF>{{1, 0}}));
    QCOMPARE(lineSeries(dock.attackChart(), QStringLiteral("Succeeded"))->points().last(), QPointF(1, 0));
    QCOMPARE(dock.bucketWidth(), mtcsec::engine::kMicrosPerSecond);
}

void TestCharts::longRunMergesBuckets()
{
    ChartsDock dock;
    const int seconds = 10'000;
    std::vector<LogEvent> events;
    for (int s = 0; s < seconds; ++s) {
        events.push_back(pduSent(s + 0.25, Link::Uu));
        events.push_back(pduSent(s + 0.75, Link::Uu));
        if (s % 10 == 0)
            events.push_back(attack(s + 0.5, EventKind::AttackBlocked));
    }
    dock.addEvents(events);
    dock.refresh(fromSeconds(seconds));
    QVERIFY(dock.bucketWidth() > mtcsec::engine::kMicrosPerSecond);
    const QLineSeries* uu = lineSeries(dock.trafficChart(), QStringLiteral("Uu"));
    QVERIFY(uu->count() <= static_cast<qsizetype>(ChartsDock::kMaxBuckets));
    QVERIFY(uu->count() >= static_cast<qsizetype>(ChartsDock::kMaxBuckets / 2));
    // Still PDUs per second: 2 everywhere in the complete buckets.
    for (const QPointF& point : uu->points())
        QCOMPARE(point.y(), 2.0);
    const QLineSeries* blocked = lineSeries(dock.attackChart(), QStringLiteral("Blocked"));
    QVERIFY(blocked->count() <= static_cast<qsizetype>(ChartsDock::kMaxBuckets) + 2);
    QCOMPARE(blocked->points().last().y(), seconds / 10.0);
    QCOMPARE(axis(dock.trafficChart(), Qt::Horizontal)->max(), double(seconds));

    // Time moving on without events also stays bounded.
    dock.refresh(fromSeconds(100'000));
    QVERIFY(uu->count() <= static_cast<qsizetype>(ChartsDock::kMaxBuckets));
    QCOMPARE(uu->points().last().y(), 0.0);
}

void TestCharts::themeFollowsPalette()
{
    ChartsDock dock;
    QPalette dark = dock.palette();
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    dock.setPalette(dark);
    for (const QChart* chart : {dock.trafficChart(), dock.attackChart(), dock.overheadChart()}) {
        QCOMPARE(chart->theme(), QChart::ChartThemeDark);
        QCOMPARE(chart->backgroundBrush().color(), QColor(0x1e, 0x1e, 0x1e));
        QCOMPARE(chart->legend()->labelColor(), QColor(0xe0, 0xe0, 0xe0));
    }
    // Styles survive the theme change (setTheme resets series pens).
    QCOMPARE(lineSeries(dock.attackChart(), QStringLiteral("Succeeded"))->pen().style(), Qt::CustomDashLine);

    QPalette light = dark;
    light.setColor(QPalette::Window, QColor(0xf0, 0xf0, 0xf0));
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Text, Qt::black);
    dock.setPalette(light);
    for (const QChart* chart : {dock.trafficChart(), dock.attackChart(), dock.overheadChart()})
        QCOMPARE(chart->theme(), QChart::ChartThemeLight);
}

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
