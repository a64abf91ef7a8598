// The application's main window.
#include "ui/MainWindow.h"

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
namespace {

QDockWidget* dock(QMainWindow* window, const QString& title, const QString& objectName, QWidget* content)
{
    auto* d = new QDockWidget(title, window);
    d->setObjectName(objectName);
    d->setWidget(content);
    d->setAccessibleName(title);
    return d;
}

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , controller_(new SimulationController(this))
    , undo_(new QUndoStack(this))
    , scene_(new TopologyScene(this))
    , view_(new TopologyView(scene_, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/mtcsec.svg")));
    setCentralWidget(view_);
    setAcceptDrops(true);
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);
    createDocks();
    createActions();
    createToolBar();
    // Time travel (issue 12): next message, the timeline slider under the canvas, A/B.
    timeline_ = new TimelineBar(controller_, this);
    addToolBar(Qt::BottomToolBarArea, timeline_);
    connect(timeline_, &TimelineBar::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(controller_, &SimulationController::rewound, this, [this] {
        eventLog_->clear();
        charts_->clear();
        inspector_->clear();
        scene_->clearMessages();
    });
    createMenus();
    createPresentation();

    timeLabel_ = new QLabel(this);
    rateLabel_ = new QLabel(this);
    stateLabel_ = new QLabel(this);
    timeLabel_->setAccessibleName(tr("Simulated time"));
    rateLabel_->setAccessibleName(tr("Events per second"));
    stateLabel_->setAccessibleName(tr("Simulation state"));
    statusBar()->addPermanentWidget(stateLabel_);
    statusBar()->addPermanentWidget(timeLabel_);
    statusBar()->addPermanentWidget(rateLabel_);

    connect(controller_, &SimulationController::frameReady, this, &MainWindow::onFrame);
    connect(controller_, &SimulationController::errorOccurred, this, &MainWindow::reportError);
    connect(controller_, &SimulationController::protectionRequested, this, [this](const Protection& p) {
        protection_->setProtection(p);
        scene_->setProtection(p);
    });
    connect(controller_, &SimulationController::pduReady, inspector_, &InspectorPanel::showPdu);
    connect(protection_, &ProtectionPanel::protectionEdited, this, &MainWindow::onProtectionEdited);
    connect(scene_, &TopologyScene::attackRequested, this, &MainWindow::onAttackRequested);
    connect(palette_, &AttackPalette::placeRequested, this, &MainWindow::onAttackRequested);
    connect(scene_, &TopologyScene::attackRemoveRequested, this, &MainWindow::removeAttack);
    connect(scene_, &TopologyScene::attackSettingsRequested, this, &MainWindow::editAttack);
    connect(scene_, &TopologyScene::devicesActivated, this, &MainWindow::showDevices);
    connect(scene_, &TopologyScene::messageActivated, this, &MainWindow::inspectPdu);
    connect(eventLog_, &EventLogDock::pduActivated, this, &MainWindow::inspectPdu);
    connect(undo_, &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
    connect(undo_, &QUndoStack::indexChanged, this, &MainWindow::updateLesson);
    // Space and Escape in text fields (see eventFilter).
    qApp->installEventFilter(this);
    connect(sequenceChart_, &SequenceChartDock::pduActivated, this, &MainWindow::inspectPdu);
    connect(controller_, &SimulationController::pduReady, sequenceChart_,
            [this](const PduView& v) { sequenceChart_->highlightPdu(v.record.id); });
    connect(inspector_, &InspectorPanel::followRequested, sequenceChart_, &SequenceChartDock::followPdu);

    // The animation runs at about 30 frames a second on the GUI thread, independent of the engine, and only
    // while something moves: paused or finished, the application does no work.
    animation_ = new QTimer(this);
    animation_->setObjectName(QStringLiteral("animationTimer"));
    animation_->setInterval(33);
    auto* clock = new QElapsedTimer;
    clock->start();
    connect(animation_, &QTimer::timeout, this, [this, clock] {
        const double dt = static_cast<double>(clock->restart()) / 1000.0;
        if (frame_.running)
            scene_->advance(std::min(dt, 0.1));
        else
            animation_->stop(); // paused or finished: the dots stay where they are and nothing ticks
    });
    connect(this, &QObject::destroyed, [clock] { delete clock; });
    connect(controller_, &SimulationController::frameReady, this, [this, clock] {
        if (!animation_->isActive() && frame_.running) {
            clock->restart();
            animation_->start();
        }
    });

    Settings settings;
    applyTheme(settings.theme());
    // A first start fits the screen (high-DPI scaling included); later starts restore the saved geometry.
    const QSize available = screen() != nullptr ? screen()->availableGeometry().size() : QSize(1400, 900);
    resize(std::min(1400, available.width() * 95 / 100), std::min(900, available.height() * 95 / 100));
    if (settings.windowState().isEmpty() && (available.height() < 900 || available.width() < 1500)) {
        // A first start on a laptop screen (1366x768): narrower docks and a lower bottom dock leave the
        // canvas room (once the window is shown, when dock sizes take effect).
        QTimer::singleShot(0, this, [this, available] {
            auto* protections = findChild<QDockWidget*>(QStringLiteral("protectionDock"));
            auto* requirements = findChild<QDockWidget*>(QStringLiteral("requirementsDock"));
            resizeDocks({protections, requirements}, {260, 275}, Qt::Horizontal);
            resizeDocks({eventLog_}, {std::max(140, available.height() / 5)}, Qt::Vertical);
        });
    }
    restoreGeometry(settings.geometry());
    restoreState(settings.windowState());
    updateRecentMenu();
    lecture_ = new LectureController(this); // Lecture menu, bar and keys (after restoreState: opens hidden)
    connect(lecture_, &LectureController::errorOccurred, this, &MainWindow::reportError);
    startPreset("default", false);
}

MainWindow::~MainWindow()
{
    // QWidget's destructor deletes children in creation order, the controller before the undo stack, and by
    // then this is no longer a MainWindow: the undo stack's last cleanChanged would reach updateTitle() on a
    // destroyed controller. So the undo stack (and the commands, which refer to the controller) goes first,
    // silently, while everything it refers to still lives.
    disconnect(undo_, nullptr, this, nullptr);
    delete undo_;
    undo_ = nullptr;
}

void MainWindow::createDocks()
{
    protection_ = new ProtectionPanel(this);
    palette_ = new AttackPalette(this);
    inspector_ = new InspectorPanel(this);
    requirements_ = new RequirementsPanel(this);
    eventLog_ = new EventLogDock(this);
    charts_ = new ChartsDock(this);

    // The protection switches scroll, so that the window fits small screens.
    auto* protectionScroll = new QScrollArea(this);
    protectionScroll->setWidget(protection_);
    protectionScroll->setWidgetResizable(true);
    protectionScroll->setFrameShape(QFrame::NoFrame);
    protectionScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* protectionDock = dock(this, tr("Protections"), QStringLiteral("protectionDock"), protectionScroll);
    auto* attackDock = dock(this, tr("Attacks"), QStringLiteral("attackDock"), palette_);
    auto* requirementsDock =
        dock(this, tr("Requirements"), QStringLiteral("requirementsDock"), requirements_);
    // The inspector scrolls too, so that the bottom docks can be low on a laptop screen.
    auto* inspectorScroll = new QScrollArea(this);
    inspectorScroll->setWidget(inspector_);
    inspectorScroll->setWidgetResizable(true);
    inspectorScroll->setFrameShape(QFrame::NoFrame);
    auto* inspectorDock = dock(this, tr("Inspector"), QStringLiteral("inspectorDock"), inspectorScroll);
    charts_->widget()->setMinimumSize(120, 80);
    addDockWidget(Qt::LeftDockWidgetArea, protectionDock);
    addDockWidget(Qt::LeftDockWidgetArea, attackDock);
    addDockWidget(Qt::RightDockWidgetArea, requirementsDock);
    addDockWidget(Qt::BottomDockWidgetArea, eventLog_);
    addDockWidget(Qt::BottomDockWidgetArea, inspectorDock);
    addDockWidget(Qt::BottomDockWidgetArea, charts_);
    tabifyDockWidget(eventLog_, inspectorDock);
    tabifyDockWidget(inspectorDock, charts_);
    eventLog_->raise();
    sequenceChart_ = new SequenceChartDock(controller_, eventLog_->model(), this);
    addDockWidget(Qt::BottomDockWidgetArea, sequenceChart_, Qt::Horizontal); // beside the log's tabs
    resizeDocks({protectionDock, requirementsDock}, {290, 340}, Qt::Horizontal);
    resizeDocks({eventLog_}, {250}, Qt::Vertical);
}

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
    bar->addWidget(new QLabel(tr(" Seed "), bar));
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
        a->setToolTip(QString::fromStdString(p.description));
        a->setStatusTip(QString::fromStdString(p.description));
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

void MainWindow::startSession(const Scenario& scenario, const QString& path, bool run, bool keepHistory)
{
    path_ = path;
    placedAt_.clear();
    if (!keepHistory)
        undo_->clear();
    eventLog_->clear();
    charts_->clear();
    sequenceChart_->clear(scenario.devices);
    inspector_->clear();
    scene_->clearMessages();
    scene_->setDeviceCount(scenario.devices, scenario.ue.acceptsNullIntegrity);
    scene_->setDeviceGroups(scenario.devices, scenario.ue, scenario.deviceGroups);
    scene_->setProtection(scenario.protection);
    scene_->setAttacks({});
    protection_->setProtection(scenario.protection);
    seed_->blockSignals(true);
    seed_->setValue(
        static_cast<int>(std::min<std::uint64_t>(scenario.seed, std::numeric_limits<int>::max())));
    seed_->blockSignals(false);
    controller_->load(scenario);
    controller_->setSpeed(speed_->currentData().toDouble());
    frame_ = Frame();
    if (run)
        controller_->run();
    runAction_->setChecked(run);
    updateTitle();
    updateLesson();
    statusBar()->showMessage(QString::fromStdString(scenario.description), 8000);
}

void MainWindow::startPreset(const std::string& name, bool run)
{
    Scenario scenario = presetScenario(name).value();
    scenario.durationS = std::max(scenario.durationS, 3600.0);
    startSession(scenario, QString(), run);
}

void MainWindow::onFrame(const Frame& frame)
{
    // Frames of an earlier session may still be on their way: keep only the newest generation.
    if (frame.generation < newestGeneration_)
        return;
    newestGeneration_ = frame.generation;
    frame_.now = frame.now;
    frame_.end = frame.end;
    frame_.summary = frame.summary;
    frame_.protection = frame.protection;
    frame_.running = frame.running;
    frame_.finished = frame.finished;
    frame_.generation = frame.generation;
    frame_.attackIds = frame.attackIds;

    eventLog_->appendEvents(frame.events, frame.attackIds);
    charts_->addEvents(frame.events);
    sequenceChart_->addFrame(frame);
    const qint64 wall = QDateTime::currentMSecsSinceEpoch();
    if (wall - lastChartRefresh_ > 250 || !frame.running) {
        charts_->refresh(frame.now);
        lastChartRefresh_ = wall;
    }
    scene_->setAttacks(frame.summary.attacks, engine::toSeconds(frame.now));
    scene_->animate(frame.messages);
    if (!(frame.protection == protection_->protection())) {
        protection_->setProtection(frame.protection);
        scene_->setProtection(frame.protection);
    }
    requirements_->setSummary(frame.summary);
    if (presenting_)
        verdictCaption_->setSummary(frame.summary);
    runAction_->setChecked(frame.running);
    runAction_->setText(frame.running ? tr("&Pause") : tr("&Run"));
    timeLabel_->setText(tr("t = %1 s of %2 s")
                            .arg(engine::toSeconds(frame.now), 0, 'f', 2)
                            .arg(engine::toSeconds(frame.end), 0, 'f', 0));
    rateLabel_->setText(tr("%L1 events/s").arg(frame.eventsPerSecond, 0, 'f', 0));
    stateLabel_->setText(frame.finished ? tr("Finished") : frame.running ? tr("Running") : tr("Paused"));
}

void MainWindow::onProtectionEdited(const Protection& protection, const QString& what)
{
    undo_->push(new SetProtectionCommand(
        controller_, frame_.generation != 0 ? frame_.protection : controller_->scenario().protection,
        protection, what));
}

std::optional<AttackSpec> MainWindow::findAttack(const std::string& id) const
{
    for (const AttackSpec& a : controller_->scenario().attacks) {
        if (a.id == id)
            return a;
    }
    return std::nullopt;
}

std::string MainWindow::nextAttackId() const
{
    for (int n = 1;; ++n) {
        const std::string id = "a" + std::to_string(n);
        bool used = findAttack(id).has_value();
        for (const std::string& seen : frame_.attackIds)
            used = used || seen == id;
        if (!used)
            return id;
    }
}

void MainWindow::onAttackRequested(int kind, int link, int node)
{
    AttackSpec spec;
    spec.id = nextAttackId();
    spec.kind = static_cast<AttackKind>(kind);
    if (link >= 0)
        spec.link = static_cast<Link>(link);
    if (node >= 0)
        spec.node = static_cast<Node>(node);
    if (spec.kind == AttackKind::Tamper || spec.kind == AttackKind::Replay)
        spec.messages = MessageFilter::Data;
    // It acts from the moment it is placed in this run; after Reset and in a saved file from time 0.
    spec.startS = engine::toSeconds(frame_.now);
    if (spec.startS > 0)
        placedAt_[spec.id] = spec.startS;
    undo_->push(new AddAttackCommand(controller_, spec));
}

void MainWindow::removeAttack(const QString& id)
{
    if (const auto spec = findAttack(id.toStdString()))
        undo_->push(new RemoveAttackCommand(controller_, *spec));
}

void MainWindow::editAttack(const QString& id)
{
    const auto spec = findAttack(id.toStdString());
    if (!spec)
        return;
    AttackSettingsDialog dialog(*spec, this);
    if (dialog.exec() == QDialog::Accepted && !(dialog.spec() == *spec))
        undo_->push(new ChangeAttackCommand(controller_, *spec, dialog.spec()));
}

void MainWindow::inspectPdu(std::uint32_t pdu)
{
    controller_->requestPdu(pdu);
    auto* inspectorDock = findChild<QDockWidget*>(QStringLiteral("inspectorDock"));
    inspectorDock->show();
    inspectorDock->raise();
}

void MainWindow::showDevices()
{
    DevicesDialog dialog(controller_->scenario(), this);
    dialog.exec();
}

bool MainWindow::openScenarioFile(const QString& path)
{
    try {
        const Scenario scenario = loadScenarioFile(path);
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
        mtcsec::saveScenarioFile(scenarioForRestart(), path);
        path_ = path;
        undo_->setClean();
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
    for (AttackSpec& a : scenario.attacks) {
        const auto placed = placedAt_.find(a.id);
        if (placed != placedAt_.end() && a.startS == placed->second)
            a.startS = 0; // placed during the run (not a start time the user chose): from the beginning
    }
    return scenario;
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    const QEvent::Type type = event->type();
    if (type != QEvent::ShortcutOverride && type != QEvent::KeyPress)
        return QMainWindow::eventFilter(watched, event);
    auto* widget = qobject_cast<QWidget*>(watched);
    if (widget == nullptr || widget->window() != this)
        return false;
    const auto* key = static_cast<QKeyEvent*>(event);
    const bool spinBox = qobject_cast<QAbstractSpinBox*>(widget) != nullptr ||
                         qobject_cast<QAbstractSpinBox*>(widget->parentWidget()) != nullptr;
    bool typing = false; // a field where Space is text
    if (const auto* line = qobject_cast<QLineEdit*>(widget))
        typing = !line->isReadOnly() && !spinBox;
    else if (const auto* plain = qobject_cast<QPlainTextEdit*>(widget))
        typing = !plain->isReadOnly();
    else if (const auto* rich = qobject_cast<QTextEdit*>(widget))
        typing = !rich->isReadOnly();
    if (type == QEvent::ShortcutOverride) {
        if (key->key() == Qt::Key_Space && key->modifiers() == Qt::NoModifier && !typing) {
            // A spin box (the seed) or a read-only text would take Space for itself: run or pause instead.
            event->ignore();
            return true;
        }
        return false;
    }
    // In a text field, Esc or Return hands the keys back to the canvas, so that Space runs again.
    if (typing &&
        (key->key() == Qt::Key_Escape || key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)) {
        view_->setFocus(Qt::OtherFocusReason);
        return key->key() == Qt::Key_Escape;
    }
    if (spinBox && key->key() == Qt::Key_Escape) {
        view_->setFocus(Qt::OtherFocusReason);
        return true;
    }
    return false;
}

void MainWindow::createPresentation()
{
    // The lesson above the canvas and the verdicts below it, as toolbars that only presentation mode shows:
    // they take their own room, so they never cover the canvas.
    lessonCaption_ = new PresentationCaptions(PresentationCaptions::Part::Lesson, this);
    verdictCaption_ = new PresentationCaptions(PresentationCaptions::Part::Verdicts, this);
    lessonBar_ = new QToolBar(tr("Lesson"), this);
    lessonBar_->setObjectName(QStringLiteral("presentationLessonBar"));
    verdictBar_ = new QToolBar(tr("Requirements"), this);
    verdictBar_->setObjectName(QStringLiteral("presentationVerdictBar"));
    for (QToolBar* bar : {lessonBar_, verdictBar_}) {
        bar->setMovable(false);
        bar->setFloatable(false);
        bar->toggleViewAction()->setVisible(false);
        bar->hide();
    }
    lessonBar_->addWidget(lessonCaption_);
    verdictBar_->addWidget(verdictCaption_);
    addToolBarBreak(Qt::TopToolBarArea);
    addToolBar(Qt::TopToolBarArea, lessonBar_);
    addToolBar(Qt::BottomToolBarArea, verdictBar_);
}

void MainWindow::setPresentationMode(bool on)
{
    if (on == presenting_)
        return;
    presenting_ = on;
    presentAction_->setChecked(on);
    if (on) {
        normalState_ = saveState();
        normalGeometry_ = geometry();
        normalMaximized_ = isMaximized();
        for (QDockWidget* d : findChildren<QDockWidget*>())
            d->hide();
        simulationBar_->hide();
        menuBar()->hide();
        statusBar()->hide();
        lessonBar_->show();
        verdictBar_->show();
        verdictCaption_->setSummary(frame_.summary);
        updateLesson();
        scene_->setEmphasis(TopologyScene::kPresentationEmphasis);
        showFullScreen();
        if (screen() != nullptr)
            setGeometry(screen()->geometry()); // also without a window manager (a kiosk, Xvfb)
        const int height = screen() != nullptr ? screen()->geometry().height() : 1080;
        lessonCaption_->scaleTo(height);
        verdictCaption_->scaleTo(height);
    } else {
        lessonBar_->hide();
        verdictBar_->hide();
        menuBar()->show();
        statusBar()->show();
        scene_->setEmphasis(1.0);
        restoreState(normalState_);
        simulationBar_->show();
        if (normalMaximized_) {
            showMaximized();
        } else {
            showNormal();
            setGeometry(normalGeometry_);
        }
    }
    scene_->clearMessages(); // dots on their way followed the old layout
    view_->fit();
    view_->setFocus(Qt::OtherFocusReason);
}

void MainWindow::setLesson(const QString& title, const QString& detail)
{
    lessonTitle_ = title;
    lessonDetail_ = detail;
    updateLesson();
}

void MainWindow::updateLesson()
{
    if (lessonCaption_ == nullptr)
        return;
    if (!lessonTitle_.isEmpty()) {
        lessonCaption_->setLesson(lessonTitle_, lessonDetail_);
        return;
    }
    // By default: the scenario and what it shows, and the last change made (the undo stack's newest step).
    const Scenario& scenario = controller_->scenario();
    QString detail = QString::fromStdString(scenario.description);
    if (undo_->index() > 0)
        detail = tr("Last change: %1").arg(undo_->text(undo_->index() - 1));
    lessonCaption_->setLesson(QString::fromStdString(scenario.name), detail);
}

} // namespace mtcsec::ui
