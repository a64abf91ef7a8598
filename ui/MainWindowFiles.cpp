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

// Different errors listed in the error box at most; further ones are counted.
constexpr std::size_t kListedErrors = 5;

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
    // The folder is remembered only after success: a failed one (say /proc) is not where the next dialog
    // starts.
    if (openScenarioFile(path))
        settings.setLastDirectory(QFileInfo(path).absolutePath());
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
    if (!saveScenarioFile(path))
        return false;
    settings.setLastDirectory(QFileInfo(path).absolutePath());
    return true;
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
    if (!exportReport(path))
        return;
    settings.setLastDirectory(QFileInfo(path).absolutePath());
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
    if (errorBox_ != nullptr) {
        // One box at a time: the error joins the list in the box on screen.
        const auto same = std::find_if(laterErrors_.begin(), laterErrors_.end(),
                                       [&message](const auto& e) { return e.first == message; });
        if (same != laterErrors_.end())
            ++same->second;
        else if (laterErrors_.size() < kListedErrors)
            laterErrors_.emplace_back(message, 1);
        else
            ++unlistedErrors_;
        listLaterErrors();
        return;
    }
    // Opened, not exec()'d: errors come from queued signals (the engine's, a lecture step's loop), where a
    // nested event loop would run frames and timers re-entrantly under the caller.
    auto* box = new QMessageBox(QMessageBox::Critical, QString::fromUtf8(kDisplayName), message,
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorBox"));
    connect(box, &QDialog::finished, this, [this, box] {
        errorBox_ = nullptr;
        laterErrors_.clear();
        unlistedErrors_ = 0;
        box->deleteLater();
    });
    errorBox_ = box;
    box->open();
}

void MainWindow::listLaterErrors()
{
    int count = unlistedErrors_;
    QStringList lines;
    for (const auto& [text, times] : laterErrors_) {
        count += times;
        lines << (times > 1 ? tr("• %1 (%2 times)").arg(text, QString::number(times)) : tr("• %1").arg(text));
    }
    if (unlistedErrors_ > 0)
        lines << tr("• further errors, not listed: %1").arg(unlistedErrors_);
    errorBox_->setInformativeText(tr("More errors came while this box was open (%1):").arg(count) +
                                  QLatin1Char('\n') + lines.join(QLatin1Char('\n')));
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
