// The main window: scenario files, reports, recent files, unsaved changes, closing and dropping files (one
// translation unit of MainWindow, see MainWindow.h).
#include "core/InvalidInput.h"
#include "core/engine/CellPlan.h"
#include "core/engine/ResourceEstimate.h"
#include "core/report/EventCsv.h"
#include "core/report/ReportJson.h"
#include "core/report/ReportWriter.h"
#include "core/scenario/Presets.h"
#include "core/scenario/ScenarioJson.h"
#include "mtcsec/Version.h"
#include "ui/AboutDialog.h"
#include "ui/AttackPalette.h"
#include "ui/AttackSettingsDialog.h"
#include "ui/ChartsDock.h"
#include "ui/Commands.h"
#include "ui/CryptoLabDialog.h"
#include "ui/DevicesDialog.h"
#include "ui/EventLogDock.h"
#include "ui/EventLogModel.h"
#include "ui/InspectorPanel.h"
#include "ui/LectureController.h"
#include "ui/LocalNumbers.h"
#include "ui/MainWindow.h"
#include "ui/PresentationCaptions.h"
#include "ui/ProtectionPanel.h"
#include "ui/RequirementsPanel.h"
#include "ui/SequenceChartDock.h"
#include "ui/SessionReport.h"
#include "ui/Settings.h"
#include "ui/ThemeStyle.h"
#include "ui/TimelineBar.h"
#include "ui/TopologyScene.h"
#include "ui/TopologyView.h"

#include <QAbstractSpinBox>
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QIcon>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollArea>
#include <QSpinBox>
#include <QStatusBar>
#include <QTextEdit>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <iterator>

namespace mtcsec::ui {

namespace {

// `word` as one word of a POSIX shell command (POSIX.1-2017 XCU 2.2.2, 2.2.3): as it is when every character
// is one a shell leaves alone, otherwise in single quotes, an embedded single quote written '\''.
QString shellQuoted(const QString& word)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_@%+=:,./-]+$"));
    if (plain.match(word).hasMatch())
        return word;
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace

bool MainWindow::openScenarioFile(const QString& path)
{
    try {
        const Scenario scenario = loadScenarioFile(path);
        if (const std::uint32_t cells = engine::cellCount(scenario); cells > 1) {
            // The window shows one engine, one cell: a run of several cells is for mtcsec run.
            reportError(
                tr("%1: %2 devices make %3 cells of at most %4 devices (devices_per_cell). This window "
                   "runs scenarios of one cell only and did not open this file. Set devices_per_cell "
                   "to at least %2 in the file, or run it with: mtcsec run --scenario %5")
                    .arg(path, QString::number(scenario.devices), QString::number(cells),
                         QString::number(scenario.devicesPerCell), shellQuoted(path)));
            return false;
        }
        // The engine keeps its log in a temporary file; the event log dock keeps a bounded window.
        engine::requireFitsInMemory(scenario, path.toStdString() + ": cannot run on this machine: ",
                                    engine::availableMemory(), engine::EventLogIn::File);
        Settings().addRecentFile(QFileInfo(path).absoluteFilePath());
        updateRecentMenu();
        startSession(scenario, path, false);
        return true;
    } catch (const InvalidInput& e) {
        reportError(QString::fromStdString(e.what()));
        return false;
    }
}

bool MainWindow::saveScenarioFile(const QString& path)
{
    try {
        std::size_t later = 0;
        mtcsec::saveScenarioFile(scenarioOnScreen(&later), path);
        path_ = path;
        if (later == 0) {
            undo_->setClean();
        } else {
            // The file is the moment on screen, not what the undo history holds: still unsaved, and said so.
            statusBar()->showMessage(
                tr("Saved the scenario as at t = %1 s, the moment on screen: %2 later change(s) of the run "
                   "are not in the file")
                    .arg(localDecimal(engine::toSeconds(frame_.now), 1))
                    .arg(later),
                15000);
        }
        Settings().addRecentFile(QFileInfo(path).absoluteFilePath());
        updateRecentMenu();
        updateTitle();
        return true;
    } catch (const InvalidInput& e) {
        reportError(QString::fromStdString(e.what()));
        return false;
    }
}

void MainWindow::openDialog()
{
    if (!maybeSave())
        return;
    Settings settings;
    const QString path = QFileDialog::getOpenFileName(this, tr("Open scenario"), settings.lastDirectory(),
                                                      tr("Scenarios (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setLastDirectory(QFileInfo(path).absolutePath());
    openScenarioFile(path);
}

bool MainWindow::save()
{
    return path_.isEmpty() ? saveAs() : saveScenarioFile(path_);
}

bool MainWindow::saveAs()
{
    Settings settings;
    QString path = QFileDialog::getSaveFileName(this, tr("Save scenario"),
                                                settings.lastDirectory() + QLatin1Char('/') +
                                                    QString::fromStdString(controller_->scenario().name) +
                                                    QStringLiteral(".json"),
                                                tr("Scenarios (*.json)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    settings.setLastDirectory(QFileInfo(path).absolutePath());
    return saveScenarioFile(path);
}

void MainWindow::exportReportDialog()
{
    Settings settings;
    QString filter;
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export report"),
        settings.lastDirectory() + QLatin1Char('/') + QString::fromStdString(controller_->scenario().name) +
            QStringLiteral(".html"),
        tr("HTML report (*.html);;PDF report (*.pdf);;JSON report (*.json);;Event log as CSV (*.csv)"),
        &filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + filter.section(QStringLiteral("*."), 1).section(QLatin1Char(')'), 0, 0);
    settings.setLastDirectory(QFileInfo(path).absolutePath());
    if (exportReport(path))
        statusBar()->showMessage(tr("Report written to %1").arg(path), 8000);
}

bool MainWindow::exportReport(const QString& path)
{
    try {
        report::checkReportPath(path);
        const QString suffix = QFileInfo(path).suffix().toLower();
        const auto& events = eventLog_->model()->events();
        if (suffix == QLatin1String("json")) {
            report::writeFileAtomically(path, report::reportJson(frame_.summary));
        } else if (suffix == QLatin1String("csv")) {
            report::writeFileAtomically(path, report::eventCsv(events, eventLog_->model()->attackIds()));
        } else {
            SessionReportInput input;
            input.summary = frame_.summary;
            input.scenario = controller_->scenario();
            input.events = events;
            input.topology = renderTopology(*scene_);
            input.charts = renderCharts(events, frame_.now);
            input.sequenceChart = sequenceChart_->firstAttachImage();
            if (suffix == QLatin1String("pdf"))
                writePdfReport(input, path);
            else
                writeHtmlReport(input, path);
        }
        return true;
    } catch (const InvalidInput& e) {
        reportError(QString::fromStdString(e.what()));
        return false;
    }
}

void MainWindow::updateRecentMenu()
{
    recentMenu_->clear();
    const QStringList files = Settings().recentFiles();
    for (const QString& f : files)
        recentMenu_
            ->addAction(QFileInfo(f).fileName(), this,
                        [this, f] {
                            if (!maybeSave())
                                return;
                            if (!QFileInfo::exists(f)) {
                                Settings().removeRecentFile(f);
                                updateRecentMenu();
                            }
                            openScenarioFile(f);
                        })
            ->setToolTip(f);
    recentMenu_->setEnabled(!files.isEmpty());
}

void MainWindow::updateTitle()
{
    const QString name =
        path_.isEmpty() ? QString::fromStdString(controller_->scenario().name) : QFileInfo(path_).fileName();
    setWindowTitle(QStringLiteral("%1[*] — %2").arg(name, QString::fromUtf8(kDisplayName)));
    setWindowModified(!undo_->isClean());
}

void MainWindow::reportError(const QString& message)
{
    if (errorHandler_) {
        errorHandler_(message);
        return;
    }
    QMessageBox::critical(this, QString::fromUtf8(kDisplayName), message);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    if (presenting_)
        setPresentationMode(false);
    Settings settings;
    settings.setGeometry(saveGeometry());
    settings.setWindowState(saveState());
    controller_->pause();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const auto urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.front().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const auto urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.front().isLocalFile()) {
        event->acceptProposedAction();
        if (maybeSave())
            openScenarioFile(urls.front().toLocalFile());
    }
}

bool MainWindow::maybeSave()
{
    if (undo_->isClean())
        return true;
    UnsavedChoice choice = UnsavedChoice::Cancel;
    if (unsavedHandler_) {
        choice = unsavedHandler_();
    } else {
        const QString name = path_.isEmpty() ? QString::fromStdString(controller_->scenario().name)
                                             : QFileInfo(path_).fileName();
        QMessageBox box(QMessageBox::Warning, QString::fromUtf8(kDisplayName),
                        tr("The scenario “%1” has changes that are not saved.").arg(name),
                        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
        box.setInformativeText(tr("Save the protections and attackers as they are now?"));
        box.setDefaultButton(QMessageBox::Save);
        const int answer = box.exec();
        choice = answer == QMessageBox::Save      ? UnsavedChoice::Save
                 : answer == QMessageBox::Discard ? UnsavedChoice::Discard
                                                  : UnsavedChoice::Cancel;
    }
    switch (choice) {
    case UnsavedChoice::Save:
        return save();
    case UnsavedChoice::Discard:
        return true;
    case UnsavedChoice::Cancel:
        break;
    }
    return false;
}

Scenario MainWindow::scenarioForRestart() const
{
    Scenario scenario = controller_->scenario();
    startPlacedAttackersAtZero(scenario);
    return scenario;
}

void MainWindow::startPlacedAttackersAtZero(Scenario& scenario) const
{
    for (AttackSpec& a : scenario.attacks) {
        const auto placed = placedAt_.find(a.id);
        if (placed != placedAt_.end() && a.startS == placed->second)
            a.startS = 0; // placed during the run (not a start time the user chose): from the beginning
    }
}

Scenario MainWindow::scenarioOnScreen(std::size_t* later) const
{
    const auto afterScreen = [this](const engine::LiveChange& c) {
        return c.at > frame_.now;
    };
    const auto firstLater = std::find_if(frame_.changes.begin(), frame_.changes.end(), afterScreen);
    const auto left = static_cast<std::size_t>(std::distance(firstLater, frame_.changes.end()));
    if (later != nullptr)
        *later = left;
    Scenario scenario = controller_->scenario();
    if (left > 0) {
        // Rewound: what was loaded, with the changes (sorted by time) that took effect up to the moment on
        // screen, applied as the engine's replay applies them (core/engine/Replay.h).
        const Scenario& loaded = controller_->loadedScenario();
        scenario.protection = loaded.protection;
        scenario.attacks = loaded.attacks;
        for (auto c = frame_.changes.begin(); c != firstLater; ++c) {
            switch (c->kind) {
            case engine::LiveChange::Kind::SetProtection:
                scenario.protection = c->protection;
                break;
            case engine::LiveChange::Kind::AddAttack:
                scenario.attacks.push_back(c->attack);
                break;
            case engine::LiveChange::Kind::RemoveAttack:
                std::erase_if(scenario.attacks, [&c](const AttackSpec& a) { return a.id == c->attack.id; });
                break;
            }
        }
    }
    startPlacedAttackersAtZero(scenario);
    return scenario;
}

} // namespace mtcsec::ui
