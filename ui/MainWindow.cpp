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
#include "ui/LocalNumbers.h"
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
#include <QScrollBar>
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
    timeLabel_->setObjectName(QStringLiteral("timeLabel"));
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
    // Never narrower than the switches (longer labels in German): nothing cut off at the right.
    protectionScroll->setMinimumWidth(protection_->minimumSizeHint().width() +
                                      protectionScroll->verticalScrollBar()->sizeHint().width());
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
    statusBar()->showMessage(scenarioDescription(scenario.description), 8000);
}

void MainWindow::startPreset(const std::string& name, bool run)
{
    Scenario scenario = presetScenario(name).value();
    scenario.durationS = std::max(scenario.durationS, 3600.0);
    startSession(scenario, QString(), run);
}

void MainWindow::startWith(const QString& file)
{
    if (file.isEmpty()) {
        startPreset("default", true);
        return;
    }
    // A refused file keeps the session the constructor loaded, the default scenario paused: starting it
    // again here, running, would contradict the Run button the window showed while the dialog was up.
    openScenarioFile(file);
}

void MainWindow::onFrame(const Frame& frame)
{
    // Frames of an earlier session may still be on their way: keep only the newest generation.
    if (frame.generation < newestGeneration_)
        return;
    newestGeneration_ = frame.generation;
    if (frame.jumped)
        scene_->clearMessages();
    frame_.now = frame.now;
    frame_.end = frame.end;
    frame_.summary = frame.summary;
    frame_.protection = frame.protection;
    frame_.running = frame.running;
    frame_.finished = frame.finished;
    frame_.generation = frame.generation;
    frame_.attackIds = frame.attackIds;
    frame_.horizon = frame.horizon;
    frame_.changes = frame.changes;

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
                            .arg(localDecimal(engine::toSeconds(frame.now), 2))
                            .arg(localDecimal(engine::toSeconds(frame.end), 0)));
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

} // namespace mtcsec::ui
