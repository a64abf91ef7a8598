// Tests of the sequence chart dock in the main window, offscreen: it fills while the run goes, clicking an
// arrow inspects its PDU, a PDU inspected elsewhere is highlighted, the chart exports as SVG and PNG, the
// report gets its figure, and "Follow this message" tells a tampered reading's story with the flipped octet
// marked.
#include "core/InvalidInput.h"
#include "ui/FollowReading.h"
#include "ui/InspectorPanel.h"
#include "ui/MainWindow.h"
#include "ui/SequenceChartDock.h"
#include "ui/SequenceChartView.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

#include <utility>

using namespace mtcsec;
using namespace mtcsec::ui;

namespace {

// The row of the first arrow whose record is known and that satisfies `pred`, or -1.
template <typename Pred>
int findRow(const SequenceChartModel& model, Pred pred)
{
    for (std::size_t i = 0; i < model.rows().size(); ++i) {
        const ChartRow& r = model.rows()[i];
        if (r.type == ChartRow::Type::Arrow && r.record && pred(r))
            return static_cast<int>(i);
    }
    return -1;
}

// Counts the chart's arrows, and those whose record has come.
std::pair<std::size_t, std::size_t> arrowsAndKnown(const SequenceChartModel& model)
{
    std::size_t arrows = 0;
    std::size_t known = 0;
    for (const ChartRow& r : model.rows()) {
        if (r.type != ChartRow::Type::Arrow)
            continue;
        ++arrows;
        known += r.recordKnown ? 1 : 0;
    }
    return {arrows, known};
}

} // namespace

class TestSequenceChartDock : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void fillsClicksAndHighlights();
    void exportsSvgAndPng();
    void followsATamperedReading();
    void switchesDevice();
    void fillsEveryArrowWhilePaused();
};

void TestSequenceChartDock::fillsClicksAndHighlights()
{
    MainWindow w;
    w.setErrorHandler([](const QString& m) { QFAIL(qPrintable(m)); });
    w.resize(1600, 1000);
    w.show();
    w.startPreset("3gpp-only", true);
    SequenceChartDock* dock = w.sequenceChart();
    QVERIFY(dock != nullptr);
    SequenceChartModel* model = dock->model();
    // Device 0's attach, labelled from the PDUs' records.
    QTRY_VERIFY_WITH_TIMEOUT(
        findRow(*model, [](const ChartRow& r) { return r.message == "Attach request"; }) >= 0, 20000);
    const int attach = findRow(*model, [](const ChartRow& r) { return r.message == "Attach request"; });
    const ChartRow& row = model->rows()[static_cast<std::size_t>(attach)];
    QCOMPARE(row.protection, QStringLiteral("none"));
    const std::uint32_t pdu = row.pdu;

    // A click on the arrow inspects its PDU.
    SequenceChartView* view = dock->view();
    view->selectRow(attach);
    QSignalSpy inspected(w.controller(), &SimulationController::pduReady);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->rowRect(attach).center());
    QTRY_VERIFY(!inspected.isEmpty());
    QCOMPARE(inspected.front().front().value<PduView>().record.id, pdu);
    QTRY_VERIFY(w.inspector()->header()->text().contains(QStringLiteral("PDU %1").arg(pdu)));

    // A PDU inspected elsewhere (here: asked of the controller, as the canvas and the log do) is highlighted.
    QTRY_VERIFY_WITH_TIMEOUT(findRow(*model, [](const ChartRow& r) { return r.link == Link::S6a; }) >= 0,
                             20000);
    const int s6a = findRow(*model, [](const ChartRow& r) { return r.link == Link::S6a; });
    w.controller()->requestPdu(model->rows()[static_cast<std::size_t>(s6a)].pdu);
    QTRY_COMPARE(view->selectedRow(), s6a);
}

void TestSequenceChartDock::exportsSvgAndPng()
{
    MainWindow w;
    w.setErrorHandler([](const QString& m) { QFAIL(qPrintable(m)); });
    w.startPreset("3gpp-only", true);
    SequenceChartDock* dock = w.sequenceChart();
    QTRY_VERIFY_WITH_TIMEOUT(dock->firstAttach()->complete() && dock->firstAttach()->wantedRecords().empty(),
                             20000);
    QTemporaryDir dir;
    const QString svg = dir.filePath(QStringLiteral("chart.svg"));
    const QString png = dir.filePath(QStringLiteral("chart.png"));
    dock->exportChart(svg);
    dock->exportChart(png);
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("<svg"));
    QVERIFY(text.contains("Attach request"));
    QVERIFY(text.contains("ESP AES-GCM"));
    QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 1000);
    // A file of another kind is refused with its name, and nothing is written.
    const QString other = dir.filePath(QStringLiteral("chart.txt"));
    QVERIFY_THROWS_EXCEPTION(InvalidInput, dock->exportChart(other));
    QVERIFY(!QFile::exists(other));
    // The report's figure: the first attach only.
    const QImage figure = dock->firstAttachImage();
    QVERIFY(!figure.isNull());
    QVERIFY(figure.height() > 20 * 40);
}

void TestSequenceChartDock::followsATamperedReading()
{
    // malleable-ciphertext: a tamperer on Uu flips a bit of uplink readings; without integrity the server
    // accepts the changed reading.
    MainWindow w;
    w.setErrorHandler([](const QString& m) { QFAIL(qPrintable(m)); });
    w.startPreset("malleable-ciphertext", true);
    SequenceChartDock* dock = w.sequenceChart();
    SequenceChartModel* model = nullptr;
    int row = -1;
    // Find a device whose chart has a tampered reading (device 0 may not be hit at first).
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            model = dock->model();
            row = findRow(*model, [](const ChartRow& r) {
                return r.data && r.link == Link::Uu && !r.interventions.empty() &&
                       r.interventions.front().tampered && r.outcome == ChartRow::Outcome::Accepted;
            });
            if (row < 0 && dock->deviceChooser()->value() < dock->deviceChooser()->maximum() &&
                w.lastFrame().now > engine::fromSeconds(12))
                dock->setDevice(static_cast<std::uint32_t>(dock->deviceChooser()->value() + 1));
            return row >= 0;
        }(),
        60000);
    const ChartRow& r = model->rows()[static_cast<std::size_t>(row)];
    const QString html = followReadingHtml(*model, row);
    QVERIFY(html.contains(QStringLiteral("flipped bit 0 of octet %1").arg(r.interventions.front().octet)));
    QVERIFY(html.contains(QStringLiteral("<b><u><span")));
    QVERIFY(html.contains(QStringLiteral("accepted, with content other than what the sender put in")));
    QVERIFY(html.contains(QString::fromStdString(r.record->applicationPayload)));
    // The dialog shows the same.
    FollowReadingDialog dialog(*model, row);
    QVERIFY(dialog.browser()->toPlainText().contains(QStringLiteral("flipped bit 0")));
    // And the inspector offers it for a PDU that carries a reading.
    QSignalSpy follow(w.inspector(), &InspectorPanel::followRequested);
    w.controller()->requestPdu(r.pdu);
    QTRY_VERIFY(w.inspector()->followButton()->isVisibleTo(w.inspector()));
    QTest::mouseClick(w.inspector()->followButton(), Qt::LeftButton);
    QCOMPARE(follow.size(), 1);
    QCOMPARE(follow.front().at(0).value<std::uint32_t>(), r.pdu);
}

void TestSequenceChartDock::switchesDevice()
{
    MainWindow w;
    w.setErrorHandler([](const QString& m) { QFAIL(qPrintable(m)); });
    w.startPreset("3gpp-only", true);
    SequenceChartDock* dock = w.sequenceChart();
    QTRY_VERIFY_WITH_TIMEOUT(w.lastFrame().now > engine::fromSeconds(2.5), 20000);
    dock->deviceChooser()->setValue(3);
    QCOMPARE(dock->model()->device(), 3u);
    // Its history comes from the log, its labels from the records.
    QTRY_VERIFY_WITH_TIMEOUT(
        findRow(*dock->model(), [](const ChartRow& r) { return r.message == "Attach request"; }) >= 0, 20000);
    for (const ChartRow& r : dock->model()->rows())
        QVERIFY(r.type == ChartRow::Type::Note || r.pdu != 0);
}

void TestSequenceChartDock::fillsEveryArrowWhilePaused()
{
    // The records come in batches of 256; paused, no frame asks again: the batches must follow each other.
    MainWindow w;
    w.setErrorHandler([](const QString& m) { QFAIL(qPrintable(m)); });
    w.startPreset("defence-in-depth", true);
    w.controller()->setSpeed(0);
    SequenceChartDock* dock = w.sequenceChart();
    dock->setDevice(3);
    QTRY_VERIFY_WITH_TIMEOUT(arrowsAndKnown(*dock->model()).first > 600, 120000);
    w.controller()->pause();
    QTRY_VERIFY(!w.controller()->isRunning());
    // Chosen again while paused: its history from the log, no record known yet.
    dock->setDevice(3);
    const std::size_t arrows = arrowsAndKnown(*dock->model()).first;
    QVERIFY(arrows > 600);
    QTRY_COMPARE_WITH_TIMEOUT(arrowsAndKnown(*dock->model()).second, arrows, 60000);
    for (const ChartRow& r : dock->model()->rows())
        QVERIFY(r.type != ChartRow::Type::Arrow || r.record || r.outcome == ChartRow::Outcome::Unknown);
    // An export made at once, paused, waits for the records and draws the complete chart.
    dock->setDevice(3);
    QVERIFY(arrowsAndKnown(*dock->model()).second < arrows);
    QTemporaryDir dir;
    dock->exportChart(dir.filePath(QStringLiteral("chart.svg")));
    QCOMPARE(arrowsAndKnown(*dock->model()).first, arrows);
    QCOMPARE(arrowsAndKnown(*dock->model()).second, arrows);
}

QTEST_MAIN(TestSequenceChartDock)
#include "tst_sequencechartdock.moc"
