// The main window: actions, the toolbar and the menus (one translation unit of MainWindow, see MainWindow.h).
#include "core/InvalidInput.h"
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
#include "ui/MainWindow.h"
#include "ui/PresentationCaptions.h"
#include "ui/PresetText.h"
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
#include <QScreen>
#include <QScrollArea>
#include <QSpinBox>
#include <QStatusBar>
#include <QTextEdit>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace mtcsec::ui {

void MainWindow::createActions()
{
    runAction_ = new QAction(tr("&Run"), this);
    runAction_->setObjectName(QStringLiteral("actionRun"));
    runAction_->setShortcut(Qt::Key_Space);
    runAction_->setCheckable(true);
    runAction_->setToolTip(tr("Run or pause the simulation (Space)"));
    connect(runAction_, &QAction::triggered, this,
            [this](bool on) { on ? controller_->run() : controller_->pause(); });

    stepAction_ = new QAction(tr("&Step"), this);
    stepAction_->setObjectName(QStringLiteral("actionStep"));
    stepAction_->setShortcut(Qt::Key_F10);
    stepAction_->setToolTip(tr("Process one event and pause (F10)"));
    connect(stepAction_, &QAction::triggered, controller_, &SimulationController::step);

    resetAction_ = new QAction(tr("R&eset"), this);
    resetAction_->setObjectName(QStringLiteral("actionReset"));
    resetAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    resetAction_->setToolTip(tr("Start the scenario again from time 0, with the seed shown (Ctrl+R)"));
    connect(resetAction_, &QAction::triggered, this, [this] {
        // The same scenario again from time 0, with the changes made so far: the undo history stays (a
        // change can still be undone) and a running simulation keeps running. Attackers placed during the
        // run are now part of the scenario: they start at time 0, like the protections in force.
        controller_->setSeed(static_cast<std::uint64_t>(seed_->value()));
        startSession(scenarioForRestart(), path_, controller_->isRunning() || frame_.running, true);
    });
    // Run and pause from any widget, text fields included.
    auto* runPause = new QAction(tr("Run or pause"), this);
    runPause->setObjectName(QStringLiteral("actionRunPause"));
    runPause->setShortcut(Qt::Key_F5);
    runPause->setShortcutContext(Qt::WindowShortcut);
    connect(runPause, &QAction::triggered, runAction_, &QAction::trigger);
    addAction(runPause);
    // The simulation's keys work in presentation mode too, where the menus are hidden.
    addActions({runAction_, stepAction_, resetAction_});
}

void MainWindow::createToolBar()
{
    auto* bar = addToolBar(tr("Simulation"));
    simulationBar_ = bar;
    bar->setObjectName(QStringLiteral("simulationToolBar"));
    bar->addAction(runAction_);
    bar->addAction(stepAction_);
    bar->addAction(resetAction_);
    bar->addSeparator();
    bar->addWidget(new QLabel(tr(" Speed "), bar));
    speed_ = new QComboBox(bar);
    speed_->setObjectName(QStringLiteral("speed"));
    speed_->setAccessibleName(tr("Simulation speed"));
    speed_->setToolTip(tr("Simulated seconds per second of wall-clock time"));
    for (const auto& [label, value] :
         std::initializer_list<std::pair<QString, double>>{{tr("0.05× (slow motion)"), 0.05},
                                                           {tr("0.25×"), 0.25},
                                                           {tr("1× (real time)"), 1.0},
                                                           {tr("5×"), 5.0},
                                                           {tr("20×"), 20.0},
                                                           {tr("100×"), 100.0},
                                                           {tr("As fast as possible"), 0.0}})
        speed_->addItem(label, value);
    speed_->setCurrentIndex(2);
    ignoreWheelUnlessFocused(speed_);
    connect(speed_, &QComboBox::currentIndexChanged, this,
            [this] { controller_->setSpeed(speed_->currentData().toDouble()); });
    bar->addWidget(speed_);
    bar->addSeparator();
    auto* seedLabel = new QLabel(tr(" Seed "), bar);
    seedLabel->setObjectName(QStringLiteral("seedLabel"));
    bar->addWidget(seedLabel);
    seed_ = new QSpinBox(bar);
    seed_->setObjectName(QStringLiteral("seed"));
    seed_->setRange(0, std::numeric_limits<int>::max());
    seed_->setAccessibleName(tr("Random seed"));
    seed_->setToolTip(tr("The random seed: takes effect at the next reset"));
    ignoreWheelUnlessFocused(seed_);
    bar->addWidget(seed_);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* newAction = file->addAction(tr("&New"), QKeySequence::New, this, [this] {
        if (maybeSave())
            startPreset("default", false);
    });
    newAction->setToolTip(tr("The default scenario"));
    newAction->setObjectName(QStringLiteral("actionNew"));
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::openDialog)
        ->setObjectName(QStringLiteral("actionOpen"));
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    QMenu* presetsMenu = file->addMenu(tr("&Presets"));
    presetsMenu->setToolTipsVisible(true);
    for (const Preset& p : presets()) {
        QAction* a = presetsMenu->addAction(QString::fromStdString(p.name), this, [this, name = p.name] {
            if (maybeSave())
                startPreset(name, true);
        });
        a->setToolTip(scenarioDescription(p.description));
        a->setStatusTip(scenarioDescription(p.description));
    }
    file->addSeparator();
    QAction* saveAction = file->addAction(tr("&Save"), QKeySequence::Save, this, &MainWindow::save);
    saveAction->setObjectName(QStringLiteral("actionSave"));
    file->addAction(tr("Save &As…"), QKeySequence::SaveAs, this, &MainWindow::saveAs);
    file->addSeparator();
    QAction* exportReport = file->addAction(tr("&Export report…"), QKeySequence(Qt::CTRL | Qt::Key_E), this,
                                            &MainWindow::exportReportDialog);
    exportReport->setObjectName(QStringLiteral("actionExportReport"));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    quit->setObjectName(QStringLiteral("actionQuit"));

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undoAction = undo_->createUndoAction(this, tr("&Undo"));
    undoAction->setShortcut(QKeySequence::Undo);
    undoAction->setObjectName(QStringLiteral("actionUndo"));
    QAction* redoAction = undo_->createRedoAction(this, tr("&Redo"));
    redoAction->setShortcut(QKeySequence::Redo);
    redoAction->setObjectName(QStringLiteral("actionRedo"));
    edit->addAction(undoAction);
    edit->addAction(redoAction);
    addActions({undoAction, redoAction});

    QMenu* sim = menuBar()->addMenu(tr("&Simulation"));
    sim->addAction(runAction_);
    sim->addAction(stepAction_);
    sim->addAction(timeline_->nextMessageAction());
    sim->addAction(timeline_->compareAction());
    sim->addAction(resetAction_);
    sim->addSeparator();
    QAction* record = sim->addAction(tr("Record &packet captures…"));
    record->setObjectName(QStringLiteral("actionRecord"));
    record->setCheckable(true);
    record->setToolTip(
        tr("One pcap per link and per attacker, and a key log, into a folder (open them in Wireshark)"));
    connect(record, &QAction::triggered, this, [this, record](bool on) {
        if (!on) {
            controller_->stopCapture();
            return;
        }
        Settings settings;
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Record packet captures into"),
                                                              settings.lastDirectory());
        if (dir.isEmpty()) {
            record->setChecked(false);
            return;
        }
        settings.setLastDirectory(dir);
        controller_->startCapture(dir);
        statusBar()->showMessage(tr("Recording packet captures into %1").arg(dir));
    });
    connect(controller_, &SimulationController::captureFinished, this, [this, record](const QString& dir) {
        record->setChecked(false);
        statusBar()->showMessage(tr("Packet captures and key log written to %1").arg(dir), 10000);
    });

    viewMenu_ = menuBar()->addMenu(tr("&View"));
    viewMenu_->addAction(tr("Zoom &In"), QKeySequence::ZoomIn, view_, &TopologyView::zoomIn);
    viewMenu_->addAction(tr("Zoom &Out"), QKeySequence::ZoomOut, view_, &TopologyView::zoomOut);
    viewMenu_->addAction(tr("&Fit"), QKeySequence(Qt::CTRL | Qt::Key_0), view_, &TopologyView::fit);
    viewMenu_->addSeparator();
    presentAction_ = viewMenu_->addAction(tr("&Presentation mode"));
    presentAction_->setObjectName(QStringLiteral("actionPresentation"));
    presentAction_->setCheckable(true);
    presentAction_->setShortcut(Qt::Key_F11);
    presentAction_->setToolTip(
        tr("The canvas full screen and larger, with R1-R4 and the lesson as captions (F11; Esc leaves)"));
    connect(presentAction_, &QAction::triggered, this, &MainWindow::setPresentationMode);
    addAction(presentAction_);
    auto* leave = new QAction(tr("Leave presentation mode"), this);
    leave->setObjectName(QStringLiteral("actionLeavePresentation"));
    leave->setShortcut(Qt::Key_Escape);
    leave->setEnabled(false);
    connect(leave, &QAction::triggered, this, [this] { setPresentationMode(false); });
    connect(presentAction_, &QAction::toggled, leave, &QAction::setEnabled);
    addAction(leave);
    viewMenu_->addSeparator();
    for (QDockWidget* d : findChildren<QDockWidget*>())
        viewMenu_->addAction(d->toggleViewAction());
    viewMenu_->addSeparator();
    QMenu* theme = viewMenu_->addMenu(tr("&Theme"));
    auto* themes = new QActionGroup(this);
    const Theme current = Settings().theme();
    for (const auto& [label, value] : std::initializer_list<std::pair<QString, Theme>>{
             {tr("&System"), Theme::System}, {tr("&Light"), Theme::Light}, {tr("&Dark"), Theme::Dark}}) {
        QAction* a = theme->addAction(label, this, [this, value = value] {
            Settings().setTheme(value);
            applyTheme(value);
            QEvent changed(QEvent::PaletteChange);
            QApplication::sendEvent(scene_, &changed);
            scene_->update();
        });
        a->setCheckable(true);
        a->setChecked(value == current);
        themes->addAction(a);
    }
    // The language applies at the next start (the settings keep it; --lang overrides it for one start).
    QMenu* language = viewMenu_->addMenu(tr("&Language"));
    language->setObjectName(QStringLiteral("languageMenu"));
    auto* languages = new QActionGroup(this);
    const LanguageChoice chosen = Settings().language();
    for (const auto& [label, value] : std::initializer_list<std::pair<QString, LanguageChoice>>{
             {tr("&System"), LanguageChoice::System},
             {QStringLiteral("&English"), LanguageChoice::English},
             {QStringLiteral("&Deutsch"), LanguageChoice::German}}) {
        QAction* a = language->addAction(label, this, [this, value = value] {
            if (Settings().language() == value)
                return;
            Settings().setLanguage(value);
            QMessageBox::information(this, tr("Language"),
                                     tr("The new language applies the next time MTC Security Lab starts."));
        });
        a->setCheckable(true);
        a->setChecked(value == chosen);
        languages->addAction(a);
    }

    QMenu* tools = menuBar()->addMenu(tr("&Tools"));
    QAction* lab = tools->addAction(tr("&Crypto lab…"), QKeySequence(Qt::CTRL | Qt::Key_L), this, [this] {
        auto* dialog = new CryptoLabDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    lab->setObjectName(QStringLiteral("actionCryptoLab"));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About %1").arg(QString::fromUtf8(kDisplayName)), this, [this] {
        AboutDialog dialog(this);
        dialog.exec();
    });
    about->setObjectName(QStringLiteral("actionAbout"));
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

} // namespace mtcsec::ui
