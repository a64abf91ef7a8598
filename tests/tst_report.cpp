// The HTML and PDF session reports, read back: a run of the "3gpp-only" preset exports one self-contained
// HTML file (the topology and three charts as embedded PNGs, well-formed markup) and a paginated PDF; both
// hold the R1-R4 verdicts, the attack table with each attack's attempts, the seed and the digest (the PDF
// through pdftotext); writing into a missing folder, or over a folder, throws and leaves no file behind.
#include "core/InvalidInput.h"
#include "core/engine/CellRun.h"
#include "core/engine/Engine.h"
#include "core/scenario/Presets.h"
#include "ui/SessionReport.h"
#include "ui/ThemeStyle.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

#include <memory>
#include <optional>

using namespace mtcsec;
using namespace mtcsec::ui;

namespace {

QString q(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Runs a poppler tool on a file; fails the test (never skips) when the tool is missing.
std::optional<QString> poppler(const QString& tool, const QStringList& arguments)
{
    const QString program = QStandardPaths::findExecutable(tool);
    if (program.isEmpty())
        return std::nullopt;
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return QString();
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

class TestReport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void htmlIsOneSelfContainedFile();
    void htmlIsWellFormed();
    void htmlHoldsVerdictsAttacksSeedAndDigest();
    void pdfHoldsVerdictsAttacksSeedAndDigest();
    void pdfHasSeveralPages();
    void missingFolderThrowsAndLeavesNothing();
    void folderInTheWayThrowsAndLeavesNothing();
    void timelineNamesProtectionChangesAndLiveEdits();
    void exampleHexIsCappedAndMarksChanges();
    void picturesAreLightInADarkTheme();
    void htmlHoldsAccountingAndSinceChange();
    void cellsReportTheMergedRun();

private:
    [[nodiscard]] QString pdfText() const;

    QTemporaryDir dir_;
    SessionReportInput input_;
    QString htmlPath_;
    QString pdfPath_;
    QString html_;
};

void TestReport::initTestCase()
{
    QVERIFY(dir_.isValid());
    const std::optional<Scenario> scenario = presetScenario("3gpp-only");
    QVERIFY(scenario.has_value());
    engine::Engine engine(*scenario);
    engine.runToEnd();
    QVERIFY(engine.finished());
    input_ = collectReportInput(engine);
    QCOMPARE(input_.summary.digest, engine.summary().digest);
    QCOMPARE(input_.summary.attacks.size(), std::size_t{3});
    QVERIFY(!input_.topology.isNull());
    QVERIFY(input_.topology.width() >= 1200);
    QCOMPARE(input_.charts.size(), std::size_t{3});
    for (const auto& [title, image] : input_.charts) {
        QVERIFY(!title.isEmpty());
        QVERIFY(image.width() >= 900);
        QVERIFY(image.height() >= 400);
    }

    htmlPath_ = dir_.filePath(QStringLiteral("report.html"));
    pdfPath_ = dir_.filePath(QStringLiteral("report.pdf"));
    writeHtmlReport(input_, htmlPath_);
    writePdfReport(input_, pdfPath_);
    html_ = QString::fromUtf8(readAll(htmlPath_));
    QVERIFY(!html_.isEmpty());
}

void TestReport::htmlIsOneSelfContainedFile()
{
    // The topology, the first attach's sequence chart and the three charts, each inline as a PNG that
    // decodes.
    static const QRegularExpression source(QStringLiteral("src=\"([^\"]*)\""));
    int images = 0;
    for (const QRegularExpressionMatch& m : source.globalMatch(html_)) {
        const QString value = m.captured(1);
        QVERIFY2(value.startsWith(QLatin1String("data:image/png;base64,")), qPrintable(value.left(80)));
        const QImage image = QImage::fromData(
            QByteArray::fromBase64(value.mid(QStringLiteral("data:image/png;base64,").size()).toLatin1()),
            "PNG");
        QVERIFY(!image.isNull());
        ++images;
    }
    QCOMPARE(images, 5);
    QCOMPARE(html_.count(QLatin1String("data:image/png;base64,")), 5);
    QVERIFY(html_.contains(QLatin1String("The attach of device 0 as a message sequence chart")));
    // Nothing else is fetched: no style sheet, script or frame from elsewhere.
    QVERIFY(!html_.contains(QLatin1String("<link")));
    QVERIFY(!html_.contains(QLatin1String("<script")));
    QVERIFY(!html_.contains(QLatin1String("http://")));
    QVERIFY(!html_.contains(QLatin1String("https://")));
    // The only file the export made.
    QCOMPARE(QDir(dir_.path()).entryList(QDir::Files | QDir::NoDotAndDotDot).size(), 2);
}

void TestReport::htmlIsWellFormed()
{
    QXmlStreamReader xml(html_);
    int tables = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("table"))
            ++tables;
    }
    QVERIFY2(!xml.hasError(),
             qPrintable(QStringLiteral("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString())));
    QVERIFY(tables >= 6);
}

void TestReport::htmlHoldsVerdictsAttacksSeedAndDigest()
{
    for (const engine::RequirementResult& r : input_.summary.requirements) {
        const qsizetype row = html_.indexOf(QStringLiteral("<tr id=\"req-%1\">").arg(q(r.id)));
        QVERIFY2(row >= 0, r.id.c_str());
        const QString line = html_.mid(row, html_.indexOf(QLatin1String("</tr>"), row) - row);
        QVERIFY2(line.contains(q(name(r.verdict))), qPrintable(line));
        QVERIFY(line.contains(q(r.title).toHtmlEscaped()));
    }
    // The preset's attacks: eavesdrop on Uu, eavesdrop on SGi, tamper on SGi.
    const std::array<std::pair<const char*, const char*>, 3> expected = {
        std::pair{"a1", "eavesdrop"}, {"a2", "eavesdrop"}, {"a3", "tamper"}};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const engine::AttackTally& t = input_.summary.attacks.at(i);
        QCOMPARE(t.spec.id, std::string(expected[i].first));
        QVERIFY(t.attempts > 0);
        const qsizetype row = html_.indexOf(QStringLiteral("<tr id=\"attack-%1\">").arg(q(t.spec.id)));
        QVERIFY(row >= 0);
        const QString line = html_.mid(row, html_.indexOf(QLatin1String("</tr>"), row) - row);
        QVERIFY2(line.contains(QLatin1String(expected[i].second)), qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral("<td class=\"num\">%1</td>").arg(t.attempts)),
                 qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral("<td class=\"num\">%1</td>").arg(t.succeeded)),
                 qPrintable(line));
    }
    QVERIFY(
        html_.contains(QStringLiteral("mtcsec run --preset 3gpp-only --seed %1").arg(input_.summary.seed)));
    QVERIFY(html_.contains(q(input_.summary.digest)));
    QCOMPARE(input_.summary.digest.size(), std::size_t{64});
    // The before/after example of the tamper attack, in hex.
    QVERIFY(html_.contains(QLatin1String("<pre>0000 ")));
}

QString TestReport::pdfText() const
{
    const std::optional<QString> text =
        poppler(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdfPath_, QStringLiteral("-")});
    return text.value_or(QString());
}

void TestReport::pdfHoldsVerdictsAttacksSeedAndDigest()
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QFAIL("pdftotext not installed: run installer/bootstrap.sh test");
    const QString text = pdfText();
    QVERIFY(!text.isEmpty());
    for (const engine::RequirementResult& r : input_.summary.requirements) {
        // "R1 ✗ violated" in the verdicts at a glance.
        const QRegularExpression verdict(QStringLiteral("%1\\s+\\S\\s+%2").arg(q(r.id), q(name(r.verdict))));
        QVERIFY2(verdict.match(text).hasMatch(),
                 qPrintable(QStringLiteral("%1 %2").arg(q(r.id), q(name(r.verdict)))));
    }
    for (const engine::AttackTally& t : input_.summary.attacks) {
        // One line of the attack table: id, kind, target, attempts, blocked, succeeded.
        const QRegularExpression row(QStringLiteral("^\\s*%1\\s+%2\\s+%3\\s+%4\\s+%5\\s+%6\\s")
                                         .arg(q(t.spec.id), q(name(t.spec.kind)), q(t.spec.target()))
                                         .arg(t.attempts)
                                         .arg(t.blocked)
                                         .arg(t.succeeded),
                                     QRegularExpression::MultilineOption);
        QVERIFY2(row.match(text).hasMatch(), qPrintable(row.pattern()));
    }
    QVERIFY(text.contains(QStringLiteral("--seed %1").arg(input_.summary.seed)));
    QVERIFY(text.contains(q(input_.summary.digest)));
    QVERIFY(text.contains(QLatin1String("Attack examples")));
}

void TestReport::pdfHasSeveralPages()
{
    if (QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty())
        QFAIL("pdfinfo not installed: run installer/bootstrap.sh test");
    const QString info = poppler(QStringLiteral("pdfinfo"), {pdfPath_}).value_or(QString());
    const QRegularExpressionMatch pages = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info);
    QVERIFY2(pages.hasMatch(), qPrintable(info));
    QVERIFY2(pages.captured(1).toInt() > 1, qPrintable(info));
    QVERIFY(info.contains(QLatin1String("A4")));
    // Every page carries its number in the footer.
    const QString text = pdfText();
    QVERIFY(text.contains(QStringLiteral("Page %1 of %1").arg(pages.captured(1))));
}

void TestReport::missingFolderThrowsAndLeavesNothing()
{
    for (const QString& fileName : {QStringLiteral("r.html"), QStringLiteral("r.pdf")}) {
        const QString path = dir_.filePath(QStringLiteral("no/such/folder/") + fileName);
        try {
            if (fileName.endsWith(QLatin1String(".pdf")))
                writePdfReport(input_, path);
            else
                writeHtmlReport(input_, path);
            QFAIL("no error for a missing folder");
        } catch (const InvalidInput& e) {
            const QString message = QString::fromUtf8(e.what());
            QVERIFY2(message.startsWith(path + QStringLiteral(": cannot write: ")), qPrintable(message));
        }
        QVERIFY(!QFileInfo::exists(path));
        QVERIFY(!QFileInfo::exists(dir_.filePath(QStringLiteral("no"))));
    }
}

void TestReport::folderInTheWayThrowsAndLeavesNothing()
{
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    for (const QString& fileName : {QStringLiteral("taken.html"), QStringLiteral("taken.pdf")}) {
        QVERIFY(QDir(scratch.path()).mkdir(fileName));
        const QString path = scratch.filePath(fileName);
        QVERIFY_THROWS_EXCEPTION(InvalidInput, fileName.endsWith(QLatin1String(".pdf"))
                                                   ? writePdfReport(input_, path)
                                                   : writeHtmlReport(input_, path));
        QVERIFY(QFileInfo(path).isDir());
    }
    // No temporary file is left beside them.
    QCOMPARE(QDir(scratch.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList());
}

void TestReport::timelineNamesProtectionChangesAndLiveEdits()
{
    // The preset switches the replay window on at 30 s; the user switches NDS/IP off on S5 at 40 s.
    std::optional<Scenario> scenario = presetScenario("replay-command");
    QVERIFY(scenario.has_value());
    scenario->durationS = 50;
    engine::Engine engine(*scenario);
    engine.runUntil(engine::fromSeconds(40));
    Protection changed = engine.protection();
    QVERIFY(changed.ndsOn(Link::S5));
    changed.setNds(Link::S5, false);
    engine.setProtection(changed);
    engine.runToEnd();

    SessionReportInput in;
    in.summary = engine.summary();
    in.scenario = engine.scenario();
    in.events = engine.events();
    const QString html = reportHtml(in, false);
    QVERIFY(html.contains(
        QStringLiteral("Protection changed (scenario timeline): end to end MAC → MAC + replay window")));
    QVERIFY(html.contains(QStringLiteral("Protection changed by the user: S5 NDS/IP on → off")));
    // A run changed by hand is not what the command replays, and the report says so.
    QVERIFY(html.contains(QStringLiteral("mtcsec run --preset replay-command --seed 1 --duration 50")));
    QVERIFY(html.contains(QStringLiteral("changed 1 time(s) while it ran")));
    // No pictures given: the report says so instead of showing a broken image.
    QVERIFY(!html.contains(QLatin1String("<img")));
    QVERIFY(html.contains(QLatin1String("(no picture)")));
}

// A run of several cells: the merged summary and charts, the scenario's protection change once in the
// timeline (every cell logs it), the first attach from cell 0, the cells named, and a reproduction command
// with --devices-per-cell.
void TestReport::cellsReportTheMergedRun()
{
    Scenario s = *presetScenario("replay-command");
    s.devices = 300;
    s.devicesPerCell = 100;
    s.durationS = 40;
    engine::CellRun unkept(s, 2);
    unkept.setKeepEvents(true);
    QVERIFY(unkept.run());
    QVERIFY_THROWS_EXCEPTION(InvalidInput, (void)collectReportInput(unkept));

    engine::CellRun run(s, 2);
    run.setKeepEvents(true);
    run.setKeepFirstCell(true);
    QVERIFY(run.run());
    QVERIFY(run.firstCell() != nullptr);
    QCOMPARE(run.summary().digest, unkept.summary().digest); // keeping cell 0's PDUs changes nothing
    const SessionReportInput in = collectReportInput(run);
    QCOMPARE(in.summary.digest, run.summary().digest);
    QCOMPARE(in.summary.cells, 3u);
    QCOMPARE(in.events.size(), std::size_t{1}); // the protection change at 30 s, once
    QVERIFY(!in.sequenceChart.isNull());
    QCOMPARE(in.charts.size(), std::size_t{3});
    const QString html = reportHtml(in, false);
    QCOMPARE(html.count(QStringLiteral("Protection changed (scenario timeline)")), 1);
    QVERIFY(html.contains(
        QStringLiteral("mtcsec run --preset replay-command --seed 1 --duration 40 --devices 300 "
                       "--devices-per-cell 100")));
    QVERIFY(html.contains(QStringLiteral("3 of at most 100 devices (devices_per_cell)")));
    QVERIFY(html.contains(QStringLiteral("Digest (SHA-256 over the cells' event-log digests)")));
    QVERIFY(html.contains(QStringLiteral("Device 0 is in cell 0")));
    QVERIFY(html.contains(QStringLiteral("of all 3 cells together")));
    // The attack table is the merged tally.
    const engine::AttackTally& t = in.summary.attacks.front();
    QVERIFY(t.attempts > 0);
    QVERIFY(html.contains(QStringLiteral("<td class=\"num\">%1</td>").arg(t.attempts)));

    // A scenario that is no preset (its name changed): the command names the file and gives the duration,
    // devices and cells as run, so a file run with overrides is reproduced from the file itself.
    s.name = "town";
    engine::CellRun own(s, 2);
    own.setKeepEvents(true);
    own.setKeepFirstCell(true);
    QVERIFY(own.run());
    QVERIFY(reportHtml(collectReportInput(own), false)
                .contains(
                    QStringLiteral("mtcsec run --scenario SCENARIO.json --seed 1 --duration 40 --devices 300 "
                                   "--devices-per-cell 100")));
}

void TestReport::htmlHoldsAccountingAndSinceChange()
{
    // defence-in-depth: the Uu replayer's PDCP desynchronisation loses genuine readings (collateral) while R4
    // holds; a protection change at 30 s gives verdicts since the change.
    std::optional<Scenario> scenario = presetScenario("defence-in-depth");
    QVERIFY(scenario.has_value());
    scenario->durationS = 60;
    scenario->changes.push_back({.atS = 30.0, .protection = scenario->protection});
    engine::Engine engine(*scenario);
    engine.runToEnd();
    SessionReportInput in;
    in.summary = engine.summary();
    in.scenario = engine.scenario();
    in.events = engine.events();
    const engine::RunSummary& s = in.summary;
    const QString html = reportHtml(in, false);
    // One row per direction with every fate, summing to what was sent.
    for (const auto& [id, d] : {std::pair{QStringLiteral("accounting-uplink"), &s.accounting.uplink},
                                std::pair{QStringLiteral("accounting-downlink"), &s.accounting.downlink}}) {
        QCOMPARE(d->fates(), d->sent);
        const qsizetype at = html.indexOf(QStringLiteral("<tr id=\"%1\">").arg(id));
        QVERIFY2(at >= 0, qPrintable(id));
        const QString row = html.mid(at, html.indexOf(QLatin1String("</tr>"), at) - at);
        QString cells;
        for (const std::uint64_t v :
             {d->sent, d->deliveredIntact, d->deliveredAltered, d->droppedIntegrity, d->droppedReplay,
              d->droppedMalformed, d->droppedCollateral, d->droppedOther, d->inFlight})
            cells += QStringLiteral("<td class=\"num\">%1</td>").arg(v);
        QVERIFY2(row.contains(cells), qPrintable(row));
    }
    QVERIFY(html.contains(QStringLiteral("Accepted in addition to what the peer sent (not deliveries)")));
    // The attack table has no-effect and collateral columns; collateral is stated with R4.
    QVERIFY(html.contains(QLatin1String("class=\"num\">No effect</th>")));
    QVERIFY(html.contains(QLatin1String("class=\"num\">Collateral</th>")));
    const std::uint64_t lost =
        s.accounting.uplink.droppedCollateral + s.accounting.downlink.droppedCollateral;
    QVERIFY(lost > 0);
    if (s.requirements[3].verdict == engine::Verdict::Met)
        QVERIFY(html.contains(QStringLiteral("but %1 genuine messages lost to attacks").arg(lost)));
    // The verdicts since the change.
    QVERIFY(html.contains(QStringLiteral("Since the last protection change, at 30")));
    QVERIFY(html.contains(QLatin1String("id=\"req-since-R4\"")));
}

void TestReport::exampleHexIsCappedAndMarksChanges()
{
    SessionReportInput in;
    in.scenario.name = "hand-made";
    in.summary.scenarioName = "hand-made";
    engine::AttackTally tally;
    tally.spec.id = "t1";
    tally.spec.kind = AttackKind::Tamper;
    tally.spec.link = Link::Uu;
    engine::AttackExample example;
    example.what = "flipped a bit <of> & the reading";
    example.before = Bytes(600, 0xab);
    example.after = example.before;
    example.after[17] = 0xaa;
    tally.examples.push_back(example);
    in.summary.attacks.push_back(tally);
    for (const bool forPdf : {false, true}) {
        const QString html = reportHtml(in, forPdf);
        QVERIFY(html.contains(QStringLiteral("… 344 more octets not shown")));
        // Octet 17, in the before and in the after column.
        QCOMPARE(html.count(QLatin1String("<b><u>ab</u></b>")), 1);
        QCOMPARE(html.count(QLatin1String("<b><u>aa</u></b>")), 1);
        QVERIFY(html.contains(QLatin1String("flipped a bit &lt;of&gt; &amp; the reading")));
        QVERIFY(html.contains(QLatin1String("0010  ab")));
        QVERIFY(!html.contains(QLatin1String("0100 "))); // octet 256 and beyond are not shown
    }
}

void TestReport::picturesAreLightInADarkTheme()
{
    applyTheme(Theme::Dark);
    const QColor darkWindow = QApplication::palette().color(QPalette::Window);
    QVERIFY(darkWindow.lightness() < 128);
    const std::optional<Scenario> scenario = presetScenario("unprotected");
    QVERIFY(scenario.has_value());
    engine::Engine engine(*scenario);
    engine.runUntil(engine::fromSeconds(20));
    QVERIFY(!engine.finished());
    const SessionReportInput in = collectReportInput(engine);
    // The application keeps its theme.
    QCOMPARE(QApplication::palette().color(QPalette::Window), darkWindow);
    applyTheme(Theme::Light);

    const auto meanLightness = [](const QImage& image) {
        double sum = 0;
        int n = 0;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7, ++n)
                sum += QColor(image.pixel(x, y)).lightness();
        return sum / n;
    };
    QVERIFY(!in.topology.isNull());
    QCOMPARE(QColor(in.topology.pixel(0, 0)), QColor(Qt::white));
    QVERIFY2(meanLightness(in.topology) > 200, qPrintable(QString::number(meanLightness(in.topology))));
    QCOMPARE(in.charts.size(), std::size_t{3});
    for (const auto& [title, image] : in.charts)
        QVERIFY2(meanLightness(image) > 200, qPrintable(title));
    // A report taken while the run goes on says so.
    QVERIFY(reportHtml(in, false).contains(QStringLiteral("the run was still going")));
}

QTEST_MAIN(TestReport)
#include "tst_report.moc"
