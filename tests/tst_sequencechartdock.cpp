// Tests of the sequence chart dock in the main window, offscreen: it fills while the run goes, clicking an
// arrow inspects its PDU, a PDU inspected elsewhere is highlighted, the chart exports as SVG and PNG (at once
// while running; paused, once the records have come: a new export replaces a waiting one, another device or a
// new session cancels it, a failed write is reported), a jump back draws the chart anew, the report gets its
// figure, and "Follow this message" tells a tampered reading's story with the flipped octet marked.
#include "core/InvalidInput.h"
#include "ui/FollowReading.h"
#include "ui/InspectorPanel.h"
#include "ui/MainWindow.h"
#include "ui/SequenceChartDock.h"
#include "ui/SequenceChartView.h"

#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

#include <memory>
#include <set>
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

// Starts `preset` as fast as possible and pauses it after `seconds` of simulated time (or at its end).
void runThenPause(MainWindow& w, const char* preset, double seconds)
{
    w.startPreset(preset, true);
    w.controller()->setSpeed(0);
    QTRY_VERIFY_WITH_TIMEOUT(w.lastFrame().now > engine::fromSeconds(seconds), 60000);
    w.controller()->pause();
    QTRY_VERIFY(!w.controller()->isRunning());
}

// The arrows of an exported SVG labelled with their link only ("Uu, 52 octets"): those without a record.
qsizetype linkOnlyLabels(const QString& svgPath)
{
    QFile file(svgPath);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    static const QRegularExpression label(QStringLiteral(">[^<>]+, \\d+ octets</text>"));
    return QString::fromUtf8(file.readAll()).count(label);
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
    void replacesAWaitingExport();
    void cancelsAWaitingExport();
    void writesAWaitingExportWhenRunning();
    void reportsAFailedExport();
    void redrawsAfterAJumpBack();
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
    // Running: written at once, each announced.
    QVERIFY(w.controller()->isRunning());
    QSignalSpy exported(dock, &SequenceChartDock::exported);
    dock->exportChart(svg);
    dock->exportChart(png);
    QCOMPARE(exported.size(), 2);
    QCOMPARE(exported.at(0).at(0).toString(), svg);
    QCOMPARE(exported.at(1).at(0).toString(), png);
    QVERIFY(dock->pendingExport().isEmpty());
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
    // Then every arrow of the exported chart has its details (the link-only label is left to the records
    // the engine no longer keeps).
    std::size_t missing = 0;
    for (const ChartRow& r : dock->model()->rows())
        missing += r.type == ChartRow::Type::Arrow && !r.record ? 1U : 0U;
    QTemporaryDir dir;
    const QString complete = dir.filePath(QStringLiteral("complete.svg"));
    QSignalSpy exported(dock, &SequenceChartDock::exported);
    QSignalSpy failed(dock, &SequenceChartDock::exportFailed);
    dock->exportChart(complete); // perhaps after the answer about the PDUs in flight
    QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 10000);
    QCOMPARE(linkOnlyLabels(complete), static_cast<qsizetype>(missing));

    // An export made at once, paused, waits for the records (the event loop running meanwhile, the file
    // written when the last batch has come) and draws the complete chart.
    dock->setDevice(3);
    QVERIFY(arrowsAndKnown(*dock->model()).second < arrows);
    const QString svg = dir.filePath(QStringLiteral("chart.svg"));
    exported.clear();
    dock->exportChart(svg);
    QCOMPARE(dock->pendingExport(), svg);
    QVERIFY(!QFile::exists(svg));
    QVERIFY(dock->exportHint()->isVisibleTo(dock));
    QVERIFY(dock->exportHint()->text().contains(QStringLiteral("chart.svg")));
    QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 60000);
    QCOMPARE(exported.front().front().toString(), svg);
    QVERIFY(failed.isEmpty());
    QVERIFY(dock->pendingExport().isEmpty());
    QCOMPARE(arrowsAndKnown(*dock->model()).first, arrows);
    QCOMPARE(arrowsAndKnown(*dock->model()).second, arrows);
    QCOMPARE(linkOnlyLabels(svg), static_cast<qsizetype>(missing));
}

void TestSequenceChartDock::replacesAWaitingExport()
{
    MainWindow w;
    w.setErrorHandler([](const QString& m) { QFAIL(qPrintable(m)); });
    runThenPause(w, "3gpp-only", 5);
    if (QTest::currentTestFailed())
        return;
    SequenceChartDock* dock = w.sequenceChart();
    dock->setDevice(3);
    QVERIFY(arrowsAndKnown(*dock->model()).first > 0);
    QTemporaryDir dir;
    const QString first = dir.filePath(QStringLiteral("first.svg"));
    const QString second = dir.filePath(QStringLiteral("second.png"));
    QSignalSpy exported(dock, &SequenceChartDock::exported);
    dock->exportChart(first);
    QCOMPARE(dock->pendingExport(), first);
    dock->exportChart(second);
    QCOMPARE(dock->pendingExport(), second);
    QVERIFY(dock->exportHint()->text().contains(QStringLiteral("second.png")));
    // A refused export (checked at once) leaves the waiting one as it is.
    const QString other = dir.filePath(QStringLiteral("chart.txt"));
    QVERIFY_THROWS_EXCEPTION(InvalidInput, dock->exportChart(other));
    QCOMPARE(dock->pendingExport(), second);
    QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 30000);
    QCOMPARE(exported.front().front().toString(), second);
    QVERIFY(!QImage(second).isNull());
    QVERIFY(!QFile::exists(first));
    QVERIFY(!QFile::exists(other));
    // Nothing more comes of the replaced one.
    QTest::qWait(200);
    QCOMPARE(exported.size(), 1);
    QVERIFY(!QFile::exists(first));
    // Once every record is known, an export is written at once.
    QCOMPARE(arrowsAndKnown(*dock->model()).second, arrowsAndKnown(*dock->model()).first);
    dock->exportChart(first);
    QCOMPARE(exported.size(), 2);
    QVERIFY(QFile::exists(first));
}

void TestSequenceChartDock::cancelsAWaitingExport()
{
    MainWindow w;
    w.setErrorHandler([](const QString& m) { QFAIL(qPrintable(m)); });
    runThenPause(w, "3gpp-only", 5);
    if (QTest::currentTestFailed())
        return;
    SequenceChartDock* dock = w.sequenceChart();
    dock->setDevice(3);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chart.svg"));
    QSignalSpy exported(dock, &SequenceChartDock::exported);
    QSignalSpy failed(dock, &SequenceChartDock::exportFailed);
    // Another device: the chart the export was for is gone.
    dock->exportChart(path);
    QCOMPARE(dock->pendingExport(), path);
    dock->deviceChooser()->setValue(4);
    QCOMPARE(dock->model()->device(), 4u);
    QVERIFY(dock->pendingExport().isEmpty());
    QVERIFY(dock->exportHint()->text().contains(QStringLiteral("chart.svg")));
    QTRY_VERIFY_WITH_TIMEOUT(arrowsAndKnown(*dock->model()).first > 0 &&
                                 arrowsAndKnown(*dock->model()).second ==
                                     arrowsAndKnown(*dock->model()).first,
                             30000);
    QTest::qWait(200);
    QVERIFY(exported.isEmpty());
    QVERIFY(failed.isEmpty());
    QVERIFY(!QFile::exists(path));
    // A new session.
    dock->setDevice(3);
    dock->exportChart(path);
    QCOMPARE(dock->pendingExport(), path);
    w.startPreset("3gpp-only", false);
    QVERIFY(dock->pendingExport().isEmpty());
    QTest::qWait(500);
    QVERIFY(exported.isEmpty());
    QVERIFY(failed.isEmpty());
    QVERIFY(!QFile::exists(path));
    // The dock's end (the window closed while it waits): nothing is written, nothing crashes.
    {
        auto other = std::make_unique<MainWindow>();
        other->setErrorHandler([](const QString& m) { QFAIL(qPrintable(m)); });
        runThenPause(*other, "3gpp-only", 5);
        if (QTest::currentTestFailed())
            return;
        other->sequenceChart()->setDevice(3);
        other->sequenceChart()->exportChart(path);
        QCOMPARE(other->sequenceChart()->pendingExport(), path);
    }
    QTest::qWait(500);
    QVERIFY(!QFile::exists(path));
}

void TestSequenceChartDock::writesAWaitingExportWhenRunning()
{
    // Run again while it waits (more than one batch to come): the chart is live, written as it is then.
    MainWindow w;
    w.setErrorHandler([](const QString& m) { QFAIL(qPrintable(m)); });
    SequenceChartDock* dock = w.sequenceChart();
    w.startPreset("defence-in-depth", true);
    w.controller()->setSpeed(100); // not as fast as possible: the run must not reach its end
    dock->setDevice(3);
    QTRY_VERIFY_WITH_TIMEOUT(arrowsAndKnown(*dock->model()).first > 600, 120000);
    w.controller()->pause();
    QTRY_VERIFY(!w.controller()->isRunning());
    QVERIFY(!w.lastFrame().finished);
    w.controller()->setSpeed(1);
    dock->setDevice(3);
    QVERIFY(arrowsAndKnown(*dock->model()).first > 2 * 256); // more than two batches to come
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chart.svg"));
    QSignalSpy exported(dock, &SequenceChartDock::exported);
    std::pair<std::size_t, std::size_t> atExport;
    connect(dock, &SequenceChartDock::exported, this, [&] { atExport = arrowsAndKnown(*dock->model()); });
    dock->exportChart(path);
    QCOMPARE(dock->pendingExport(), path);
    w.controller()->run();
    QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 30000);
    QVERIFY(QFile::exists(path));
    QVERIFY(dock->pendingExport().isEmpty());
    // Written when the run went on (with the next batch), not after the last batch.
    QVERIFY2(atExport.second < atExport.first,
             qPrintable(QStringLiteral("%1 of %2 arrows known").arg(atExport.second).arg(atExport.first)));
}

void TestSequenceChartDock::reportsAFailedExport()
{
    MainWindow w;
    w.setErrorHandler([](const QString& m) { QFAIL(qPrintable(m)); });
    runThenPause(w, "3gpp-only", 5);
    if (QTest::currentTestFailed())
        return;
    SequenceChartDock* dock = w.sequenceChart();
    dock->setDevice(3);
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("charts")));
    const QString path = dir.filePath(QStringLiteral("charts/chart.svg"));
    QSignalSpy exported(dock, &SequenceChartDock::exported);
    QSignalSpy failed(dock, &SequenceChartDock::exportFailed);
    dock->exportChart(path); // the folder is there when asked
    QCOMPARE(dock->pendingExport(), path);
    QVERIFY(QDir(dir.filePath(QStringLiteral("charts"))).removeRecursively()); // and gone when written
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 30000);
    QCOMPARE(failed.front().at(0).toString(), path);
    const QString message = failed.front().at(1).toString();
    QVERIFY2(message.startsWith(path + QStringLiteral(": cannot write")), qPrintable(message));
    QVERIFY(exported.isEmpty());
    QVERIFY(dock->pendingExport().isEmpty());
    QVERIFY(!dock->exportHint()->isVisibleTo(dock));
    QVERIFY(!QFile::exists(path));
}

void TestSequenceChartDock::redrawsAfterAJumpBack()
{
    // A jump back replays the run from time 0 and sends all its events again: the chart is drawn anew (it
    // kept its later arrows and doubled the earlier ones), and an export waiting for records is cancelled.
    MainWindow w;
    w.setErrorHandler([](const QString& m) { QFAIL(qPrintable(m)); });
    SequenceChartDock* dock = w.sequenceChart();
    w.startPreset("3gpp-only", true);
    w.controller()->setSpeed(0);
    dock->setDevice(3);
    QTRY_VERIFY_WITH_TIMEOUT(arrowsAndKnown(*dock->model()).first > 600, 120000);
    w.controller()->pause();
    QTRY_VERIFY(!w.controller()->isRunning());
    dock->setDevice(3); // its records to be fetched again: more than two batches
    QVERIFY(arrowsAndKnown(*dock->model()).first > 2 * 256);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chart.svg"));
    QSignalSpy exported(dock, &SequenceChartDock::exported);
    dock->exportChart(path);
    QCOMPARE(dock->pendingExport(), path);
    const engine::SimTime back = engine::fromSeconds(10);
    w.controller()->jumpTo(back);
    QTRY_COMPARE_WITH_TIMEOUT(w.lastFrame().now, back, 30000);
    QVERIFY(dock->pendingExport().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(arrowsAndKnown(*dock->model()).second, arrowsAndKnown(*dock->model()).first,
                              30000);
    QTest::qWait(200);
    QVERIFY(exported.isEmpty());
    QVERIFY(!QFile::exists(path));
    std::set<std::uint32_t> pdus;
    for (const ChartRow& r : dock->model()->rows()) {
        QVERIFY(r.time <= back);
        QVERIFY(r.type != ChartRow::Type::Arrow || pdus.insert(r.pdu).second);
    }
    // The same chart as the device chosen afresh (from the log, which was rebuilt too).
    const std::size_t arrows = arrowsAndKnown(*dock->model()).first;
    QVERIFY(arrows > 0);
    dock->setDevice(3);
    QCOMPARE(arrowsAndKnown(*dock->model()).first, arrows);
    QTRY_COMPARE_WITH_TIMEOUT(arrowsAndKnown(*dock->model()).second, arrows, 30000);
}

QTEST_MAIN(TestSequenceChartDock)
#include "tst_sequencechartdock.moc"
