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
#include "ui/ProtectionPanel.h"
#include "ui/RequirementsPanel.h"
#include "ui/SessionReport.h"
#include "ui/Settings.h"
#include "ui/ThemeStyle.h"
#include "ui/TimelineBar.h"
#include "ui/TopologyScene.h"
#include "ui/TopologyView.h"

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
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QScrollArea>
#include <QSpinBox>
#include <QStatusBar>
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

    // The animation runs at about 30 frames a second on the GUI thread, independent of the engine.
    auto* animation = new QTimer(this);
    auto* clock = new QElapsedTimer;
    clock->start();
    connect(animation, &QTimer::timeout, this, [this, clock] {
        const double dt = static_cast<double>(clock->restart()) / 1000.0;
        if (frame_.running) // dots stay where they are while paused
            scene_->advance(std::min(dt, 0.1));
    });
    connect(this, &QObject::destroyed, [clock] { delete clock; });
    animation->start(33);

    Settings settings;
    applyTheme(settings.theme());
    // A first start fits the screen (high-DPI scaling included); later starts restore the saved geometry.
    const QSize available = screen() != nullptr ? screen()->availableGeometry().size() : QSize(1400, 900);
    resize(std::min(1400, available.width() * 95 / 100), std::min(900, available.height() * 95 / 100));
    restoreGeometry(settings.geometry());
    restoreState(settings.windowState());
    updateRecentMenu();
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
    auto* inspectorDock = dock(this, tr("Inspector"), QStringLiteral("inspectorDock"), inspector_);
    addDockWidget(Qt::LeftDockWidgetArea, protectionDock);
    addDockWidget(Qt::LeftDockWidgetArea, attackDock);
    addDockWidget(Qt::RightDockWidgetArea, requirementsDock);
    addDockWidget(Qt::BottomDockWidgetArea, eventLog_);
    addDockWidget(Qt::BottomDockWidgetArea, inspectorDock);
    addDockWidget(Qt::BottomDockWidgetArea, charts_);
    tabifyDockWidget(eventLog_, inspectorDock);
    tabifyDockWidget(inspectorDock, charts_);
    eventLog_->raise();
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
        // change can still be undone) and a running simulation keeps running.
        controller_->setSeed(static_cast<std::uint64_t>(seed_->value()));
        startSession(controller_->scenario(), path_, controller_->isRunning() || frame_.running, true);
    });
}

void MainWindow::createToolBar()
{
    auto* bar = addToolBar(tr("Simulation"));
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
    bar->addWidget(seed_);
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New"), QKeySequence::New, this, [this] { startPreset("default", false); })
        ->setToolTip(tr("The default scenario"));
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::openDialog);
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    QMenu* presetsMenu = file->addMenu(tr("&Presets"));
    presetsMenu->setToolTipsVisible(true);
    for (const Preset& p : presets()) {
        QAction* a = presetsMenu->addAction(QString::fromStdString(p.name), this,
                                            [this, name = p.name] { startPreset(name, true); });
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
    if (!keepHistory)
        undo_->clear();
    eventLog_->clear();
    charts_->clear();
    inspector_->clear();
    scene_->clearMessages();
    scene_->setDeviceCount(scenario.devices, scenario.ue.acceptsNullIntegrity);
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
    const qint64 wall = QDateTime::currentMSecsSinceEpoch();
    if (wall - lastChartRefresh_ > 250 || !frame.running) {
        charts_->refresh(frame.now);
        lastChartRefresh_ = wall;
    }
    scene_->setAttacks(frame.summary.attacks);
    scene_->animate(frame.messages);
    if (!(frame.protection == protection_->protection())) {
        protection_->setProtection(frame.protection);
        scene_->setProtection(frame.protection);
    }
    requirements_->setSummary(frame.summary);
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
    spec.startS = engine::toSeconds(frame_.now);
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
    inspector_->parentWidget()->show();
    inspector_->parentWidget()->raise();
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
        engine::requireFitsInMemory(scenario, path.toStdString() + ": cannot run on this machine: ");
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
        mtcsec::saveScenarioFile(controller_->scenario(), path);
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
        openScenarioFile(urls.front().toLocalFile());
    }
}

} // namespace mtcsec::ui
