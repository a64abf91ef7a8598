// The session report's pictures: the canvas and the charts rendered light whatever the theme, and the
// collection of a report's input from an engine.
#include "ui/SessionReportPictures.h"

#include "core/InvalidInput.h"
#include "ui/ChartsDock.h"
#include "ui/SequenceChartPainter.h"
#include "ui/SessionReport.h"
#include "ui/TopologyScene.h"

#include <QApplication>
#include <QBuffer>
#include <QPainter>
#include <QtCharts/QAbstractAxis>
#include <QtCharts/QAbstractBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLegend>

#include <algorithm>
#include <cmath>
#include <memory>

namespace mtcsec::ui {
namespace sessionreport {

// A light palette for pictures and print, whatever the application's theme.
QPalette lightPalette()
{
    QPalette p;
    const QColor window(239, 240, 242), text(27, 31, 36), button(246, 247, 249);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Link, QColor(31, 58, 95));
    p.setColor(QPalette::Highlight, QColor(47, 127, 214));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, Qt::white);
    p.setColor(QPalette::ToolTipText, text);
    return p;
}

LightApplicationPalette::LightApplicationPalette()
    : saved_(QApplication::palette())
{
    if (saved_.color(QPalette::Window).lightness() < 128 || saved_.color(QPalette::Base).lightness() < 128) {
        QApplication::setPalette(lightPalette());
        swapped_ = true;
    }
}

LightApplicationPalette::~LightApplicationPalette()
{
    if (swapped_)
        QApplication::setPalette(saved_);
}

// Renders a part of the scene `width` pixels wide on white.
QImage renderScene(QGraphicsScene& scene, const QRectF& source, int width)
{
    const int height = std::max(1, static_cast<int>(std::lround(width * source.height() / source.width())));
    QImage image(width, height, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                           QPainter::SmoothPixmapTransform);
    scene.render(&painter, QRectF(0, 0, width, height), source, Qt::KeepAspectRatio);
    painter.end();
    return image;
}

// The smallest rectangle holding every pixel that is not white.
QRect inkBounds(const QImage& image)
{
    int left = image.width(), top = image.height(), right = -1, bottom = -1;
    const QRgb white = qRgb(255, 255, 255);
    for (int y = 0; y < image.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            if ((line[x] | 0xff000000u) != white) {
                left = std::min(left, x);
                right = std::max(right, x);
                top = std::min(top, y);
                bottom = std::max(bottom, y);
            }
        }
    }
    return right < 0 ? QRect() : QRect(QPoint(left, top), QPoint(right, bottom));
}

QString pngBase64(const QImage& image)
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return QString::fromLatin1(png.toBase64());
}

// The resource name of a picture in the PDF's document.
QString imageName(int index)
{
    if (index < 0)
        return QStringLiteral("mtcsec-sequence-chart.png");
    return index == 0 ? QStringLiteral("mtcsec-topology.png")
                      : QStringLiteral("mtcsec-chart-%1.png").arg(index);
}

} // namespace sessionreport

namespace {

using engine::EventKind;
using engine::LogEvent;
using namespace sessionreport;

constexpr int kTopologyWidth = 1600; // pixels of the rendered canvas
constexpr int kChartWidth = 1000;    // pixels of a rendered chart, wide
constexpr int kChartHeight = 500;    // and high
constexpr double kChartScale = 1.25; // drawn at 800 x 400 and scaled up: text large enough to read
constexpr int kSequenceChartWidth =
    900; // pixels of the first attach's sequence chart: text large enough in print

} // namespace

QImage renderTopology(TopologyScene& scene)
{
    const LightApplicationPalette light;
    // A first, small rendering finds where the drawing is; the second renders just that, sharp.
    const QRectF everything = scene.sceneRect().united(scene.itemsBoundingRect());
    if (everything.isEmpty())
        return {};
    const QImage draft = renderScene(scene, everything, 800);
    const QRect ink = inkBounds(draft);
    QRectF source = everything;
    if (!ink.isEmpty()) {
        const double scale = everything.width() / draft.width();
        source = QRectF(everything.left() + ink.left() * scale, everything.top() + ink.top() * scale,
                        ink.width() * scale, ink.height() * scale)
                     .adjusted(-16, -16, 16, 16);
    }
    return renderScene(scene, source, kTopologyWidth).convertToFormat(QImage::Format_RGB32);
}

namespace {

// The pictures of charts already fed with a run's events.
std::vector<std::pair<QString, QImage>> renderFedCharts(ChartsDock& dock, engine::SimTime now)
{
    dock.refresh(now);
    std::vector<std::pair<QString, QImage>> charts;
    for (const char* objectName : {"trafficChartView", "attackChartView", "overheadChartView"}) {
        auto* view = dock.findChild<QChartView*>(QLatin1String(objectName));
        if (view == nullptr)
            continue;
        // Out of the dock's tabs, so that no layout decides its size; it keeps the colours it was given.
        const std::unique_ptr<QChartView> alone(view);
        const QPalette palette = view->palette();
        view->setParent(nullptr);
        view->setPalette(palette);
        // Larger text than on screen: the picture is shown smaller than its pixels, in print and in a
        // browser.
        QChart* chart = view->chart();
        const auto enlarge = [](QFont font) {
            font.setPointSizeF(font.pointSizeF() * 1.2);
            return font;
        };
        for (QAbstractAxis* axis : chart->axes()) {
            axis->setLabelsFont(enlarge(axis->labelsFont()));
            axis->setTitleFont(enlarge(axis->titleFont()));
        }
        chart->legend()->setFont(enlarge(chart->legend()->font()));
        for (QAbstractSeries* series : chart->series()) {
            if (auto* bars = qobject_cast<QAbstractBarSeries*>(series))
                for (QBarSet* set : bars->barSets())
                    set->setLabelFont(enlarge(set->labelFont()));
        }
        view->resize(static_cast<int>(std::lround(kChartWidth / kChartScale)),
                     static_cast<int>(std::lround(kChartHeight / kChartScale)));
        QImage image(kChartWidth, kChartHeight, QImage::Format_RGB32);
        image.setDevicePixelRatio(kChartScale);
        image.fill(Qt::white);
        view->QWidget::render(&image); // the whole view, as grab() would, at the image's scale
        image.setDevicePixelRatio(1.0);
        charts.emplace_back(view->accessibleName(), image);
    }
    return charts;
}

} // namespace

std::vector<std::pair<QString, QImage>> renderCharts(std::span<const LogEvent> events, engine::SimTime now)
{
    ChartsDock dock;
    dock.setPalette(lightPalette());
    dock.addEvents(events);
    return renderFedCharts(dock, now);
}

namespace {

// The canvas for a summary: its devices and groups, the protection in force, the attackers with their counts.
QImage topologyOf(const engine::RunSummary& summary)
{
    TopologyScene scene;
    scene.setDeviceCount(summary.devices, summary.ue.acceptsNullIntegrity);
    scene.setDeviceGroups(summary.devices, summary.ue, summary.deviceGroups);
    scene.setProtection(summary.protection);
    scene.setAttacks(summary.attacks);
    scene.advance(1.0); // the attackers' flashes of a fresh count fade out
    return renderTopology(scene);
}

bool isTimelineEvent(const LogEvent& e)
{
    return e.kind == EventKind::ProtectionChanged || e.kind == EventKind::AttackAdded ||
           e.kind == EventKind::AttackRemoved;
}

} // namespace

SessionReportInput collectReportInput(const engine::CellRun& run)
{
    const engine::Engine* const first = run.firstCell();
    if (first == nullptr)
        throw InvalidInput("report: the first cell was not kept (CellRun::setKeepFirstCell)");
    SessionReportInput in;
    in.summary = run.summary();
    in.scenario = run.scenario();
    ChartsDock dock;
    dock.setPalette(lightPalette());
    run.forEachEventWithCell([&](std::span<const LogEvent> chunk, std::span<const std::uint32_t> cells) {
        // Every cell logs the scenario's protection changes: the timeline takes cell 0's, once.
        for (std::size_t i = 0; i < chunk.size(); ++i)
            if (cells[i] == 0 && isTimelineEvent(chunk[i]))
                in.events.push_back(chunk[i]);
        dock.addEvents(chunk);
    });
    in.topology = topologyOf(in.summary);
    in.charts = renderFedCharts(dock, first->now()); // every cell ends at the scenario's duration
    in.sequenceChart = renderFirstAttach(*first);
    return in;
}

SessionReportInput collectReportInput(const engine::Engine& engine)
{
    SessionReportInput in;
    in.summary = engine.summary();
    in.scenario = engine.scenario();
    // The report reads protection changes and the attackers placed or removed by hand; the charts, which read
    // the rest, are rendered here from the engine's own log, so a long run's log is not copied.
    // The whole log, also when the engine keeps it in a temporary file (Engine::setSpillEvents), read in
    // chunks.
    ChartsDock dock;
    dock.setPalette(lightPalette());
    engine.forEachEvent([&](std::span<const LogEvent> chunk) {
        for (const LogEvent& e : chunk) {
            if (isTimelineEvent(e))
                in.events.push_back(e);
        }
        dock.addEvents(chunk);
    });
    in.topology = topologyOf(in.summary);
    in.charts = renderFedCharts(dock, engine.now());
    in.sequenceChart = renderFirstAttach(engine);
    return in;
}

QImage renderFirstAttach(const engine::Engine& engine)
{
    SequenceChartModel model;
    model.reset(0);
    model.setFirstAttachOnly(true);
    const engine::RunSummary summary = engine.summary();
    model.setProtectionHistory(summary.initialProtection.app, summary.changes);
    std::vector<std::string> ids;
    for (const engine::AttackTally& t : summary.attacks)
        ids.push_back(t.spec.id);
    engine.forEachEvent([&](std::span<const LogEvent> chunk) { model.addEvents(chunk, ids); });
    for (const std::uint32_t id : model.wantedRecords(SequenceChartModel::kMaxRows)) {
        if (const auto record = engine.pdu(id))
            model.addRecord(*record);
        else
            model.recordMissing(id);
    }
    return model.rows().empty() ? QImage() : renderSequenceChart(model, kSequenceChartWidth);
}

} // namespace mtcsec::ui
