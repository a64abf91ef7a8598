// Lecture mode: the script's steps applied to the main window, predictions and their reveal.
#include "ui/LectureController.h"

#include "core/InvalidInput.h"
#include "core/engine/SimTime.h"
#include "ui/ChartsDock.h"
#include "ui/Commands.h"
#include "ui/EventLogDock.h"
#include "ui/InspectorPanel.h"
#include "ui/Language.h"
#include "ui/LectureBar.h"
#include "ui/LectureNotesWindow.h"
#include "ui/LocalNumbers.h"
#include "ui/MainWindow.h"
#include "ui/PredictPanel.h"
#include "ui/PresentationCaptions.h"
#include "ui/RequirementsPanel.h"
#include "ui/SequenceChartDock.h"
#include "ui/Settings.h"
#include "ui/SimulationController.h"
#include "ui/TopologyScene.h"

#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QScrollArea>
#include <QScrollBar>
#include <QStringList>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <utility>

namespace mtcsec::ui {
namespace {

// The window height (pixels) from which the event log, charts and inspector come back at a reveal.
constexpr int kRoomForDocks = 900;

} // namespace

LectureController::LectureController(MainWindow* window)
    : QObject(window)
    , window_(window)
{
    setObjectName(QStringLiteral("lectureController"));
    bar_ = new LectureBar(window);
    dock_ = new QDockWidget(tr("Lecture"), window);
    dock_->setObjectName(QStringLiteral("lectureDock"));
    // The bar scrolls, so that the window still fits 1366x768 with the six rows of a question.
    auto* scroll = new QScrollArea(dock_);
    scroll->setWidget(bar_);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumHeight(56); // the title and the buttons
    dock_->setWidget(scroll);
    dock_->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    window->addDockWidget(Qt::TopDockWidgetArea, dock_);
    dock_->hide();
    notes_ = new LectureNotesWindow(window);
    createMenu();
    notes_->addActions(stepActions_); // the clicker's keys work with the speaker's window in front too

    connect(bar_, &LectureBar::nextRequested, this, &LectureController::next);
    connect(bar_, &LectureBar::previousRequested, this, &LectureController::previous);
    connect(bar_, &LectureBar::revealRequested, this, &LectureController::reveal);
    connect(bar_, &LectureBar::notesRequested, notesAction_, &QAction::trigger);
    connect(bar_->predictPanel(), &PredictPanel::requirementGuessed, this, [this](int i, Guess g) {
        round_.setRequirementGuess(static_cast<std::size_t>(i), g);
        refresh();
    });
    connect(bar_->predictPanel(), &PredictPanel::attackerGuessed, this, [this](int i, int choice) {
        const auto index = static_cast<std::size_t>(i);
        std::optional<AttackerOutcome> guess;
        if (choice >= 0) {
            const auto& spec = window_->controller()->scenario().attacks;
            const auto it = std::find_if(spec.begin(), spec.end(), [&](const AttackSpec& a) {
                return a.id == round_.question().attackers.at(index);
            });
            guess = choicesFor(it != spec.end() ? it->kind : AttackKind::Eavesdrop)
                        .at(static_cast<std::size_t>(choice));
        }
        round_.setAttackerGuess(index, guess);
        refresh();
    });
    connect(window->controller(), &SimulationController::frameReady, this, &LectureController::onFrame);
}

LectureController::~LectureController() = default;

LectureScript LectureController::builtInLecture()
{
    // The lecture in the interface's language where there is one (first-lecture.de.json), else English.
    QString path = QStringLiteral(":/lectures/first-lecture.%1.json").arg(currentLanguage());
    if (!QFile::exists(path))
        path = QStringLiteral(":/lectures/first-lecture.json");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw InvalidInput(path.toStdString() + ": cannot read: " + file.errorString().toStdString());
    return lectureScriptFromJson(file.readAll());
}

void LectureController::createMenu()
{
    menu_ = new QMenu(tr("&Lecture"), window_);
    menu_->setObjectName(QStringLiteral("lectureMenu"));
    QAction* first = menu_->addAction(tr("Start the &first lecture"), this, [this] {
        try {
            start(builtInLecture());
        } catch (const InvalidInput& e) {
            emit errorOccurred(QString::fromStdString(e.what()));
        }
    });
    first->setObjectName(QStringLiteral("actionFirstLecture"));
    first->setToolTip(tr("The README's fifteen-minute lecture, with a question at each step"));
    QAction* open = menu_->addAction(tr("&Open lecture script…"), this, [this] {
        Settings settings;
        const QString path =
            QFileDialog::getOpenFileName(window_, tr("Open lecture script"), settings.lastDirectory(),
                                         tr("Lecture scripts (*.json);;All files (*)"));
        if (path.isEmpty())
            return;
        // Remembered only once opened: a folder that failed (say /proc) is not where the next dialog starts.
        if (openScriptFile(path))
            settings.setLastDirectory(QFileInfo(path).absolutePath());
    });
    open->setObjectName(QStringLiteral("actionOpenLecture"));
    menu_->addSeparator();

    const auto stepAction = [this](const QString& text, QList<QKeySequence> keys, const QString& name,
                                   auto slot) {
        QAction* a = menu_->addAction(text, this, slot);
        a->setShortcuts(keys);
        a->setObjectName(name);
        a->setEnabled(false);
        window_->addAction(a); // its keys also work with the menu bar hidden (presentation mode)
        stepActions_ << a;
        return a;
    };
    stepAction(tr("&Next step"), {QKeySequence(Qt::Key_PageDown), QKeySequence(Qt::Key_Right)},
               QStringLiteral("actionLectureNext"), [this] { next(); });
    stepAction(tr("&Previous step"), {QKeySequence(Qt::Key_PageUp), QKeySequence(Qt::Key_Left)},
               QStringLiteral("actionLecturePrevious"), [this] { previous(); });
    stepAction(tr("&Reveal"), {QKeySequence(Qt::Key_R)}, QStringLiteral("actionLectureReveal"),
               [this] { reveal(); });
    notesAction_ = stepAction(tr("Speaker &notes"), {QKeySequence(Qt::Key_N)},
                              QStringLiteral("actionLectureNotes"), [this](bool on) {
                                  notes_->setVisible(on);
                                  if (on)
                                      notes_->raise();
                              });
    notesAction_->setCheckable(true);
    QMenu* predict = menu_->addMenu(tr("Pre&dict"));
    for (int key = 1; key <= 9; ++key) {
        const QString text = key <= 4 ? tr("R%1: met, violated or no guess").arg(key)
                                      : tr("Attacker %1 asked: its two outcomes or no guess").arg(key - 4);
        QAction* a = predict->addAction(text, this, [this, key] { setGuessFromKey(key); });
        a->setShortcut(QKeySequence(Qt::Key_0 + key));
        a->setEnabled(false);
        stepActions_ << a;
    }
    menu_->addSeparator();
    stepAction(tr("&End lecture"), {}, QStringLiteral("actionLectureEnd"), [this] { stop(); });
    connect(notes_, &QObject::destroyed, this, [this] { notes_ = nullptr; });

    // Before Tools and Help, after the simulation's menus.
    QAction* before = nullptr;
    for (QAction* a : window_->menuBar()->actions()) {
        if (a->menu() != nullptr && a->menu()->title() == tr("&Tools"))
            before = a;
    }
    window_->menuBar()->insertMenu(before, menu_);
}

void LectureController::start(LectureScript script)
{
    if (!active_) {
        startScenario_ = window_->controller()->scenario();
        startPath_ = window_->scenarioPath();
        windowState_ = window_->isPresentationMode() ? QByteArray() : window_->saveState();
        // The protections keep their whole height beside the bar (with the bar across the window, a 768-line
        // screen left the protection switches a few rows); the bar keeps the requirements' side, so that its
        // predictions fit 1366 pixels in German too.
        topLeft_ = window_->corner(Qt::TopLeftCorner);
        window_->setCorner(Qt::TopLeftCorner, Qt::LeftDockWidgetArea);
    }
    script_ = std::move(script);
    scores_.clear();
    active_ = true;
    for (QAction* a : std::as_const(stepActions_))
        a->setEnabled(true);
    dock_->setWindowTitle(tr("Lecture: %1").arg(QString::fromStdString(script_.title)));
    dock_->show();
    index_ = -1;
    goTo(0);
    // Room for the text and the predictions, as far as the window has room without growing (the rest
    // scrolls): a window that fits 1366x768 still does.
    const int spare =
        window_->height() - window_->minimumSizeHint().height() + dock_->minimumSizeHint().height();
    window_->resizeDocks(
        {dock_},
        {std::max(dock_->minimumSizeHint().height(),
                  std::min(bar_->sizeHint().height() + 8, std::min(spare, window_->height() / 3)))},
        Qt::Vertical);
}

bool LectureController::openScriptFile(const QString& path)
{
    try {
        start(loadLectureScriptFile(path));
        return true;
    } catch (const InvalidInput& e) {
        emit errorOccurred(QString::fromStdString(e.what()));
        return false;
    }
}

void LectureController::stop()
{
    const bool wasActive = active_;
    active_ = false;
    setHidden(false);
    restoreDocks(); // kept hidden after a reveal on a small screen
    index_ = -1;
    for (QAction* a : std::as_const(stepActions_))
        a->setEnabled(false);
    notesAction_->setChecked(false);
    if (notes_ != nullptr)
        notes_->hide();
    dock_->hide();
    if (wasActive) {
        window_->setCorner(Qt::TopLeftCorner, topLeft_);
    }
    // Every dock where and as large as before (the bar took room at the top, a reveal on a small screen kept
    // some hidden), and again once the docks shown again have been laid out: restored in the same pass, the
    // sizes of docks that were hidden would not all take.
    if (!windowState_.isEmpty() && !window_->isPresentationMode()) {
        window_->restoreState(windowState_);
        QTimer::singleShot(0, window_, [window = window_, state = windowState_] {
            if (!window->isPresentationMode())
                window->restoreState(state);
        });
    }
    windowState_.clear();
    window_->setLesson(QString(), QString()); // the scenario's own lesson again
}

void LectureController::next()
{
    if (!active_)
        return;
    if (asked() && !round_.revealed()) {
        if (canReveal())
            reveal();
        else
            bar_->setHint(tr("The run needs %1 more simulated seconds before the reveal (raise the speed to "
                             "get there sooner).")
                              .arg(localDecimal(waitS_, 0)));
        return;
    }
    if (index_ + 1 < static_cast<int>(script_.steps.size()))
        goTo(index_ + 1);
    else
        bar_->setHint(tr("This was the last step (Lecture > End lecture puts everything back)."));
}

void LectureController::previous()
{
    if (active_ && index_ > 0)
        goTo(index_ - 1);
}

void LectureController::goTo(int index)
{
    if (!active_ || index < 0 || index >= static_cast<int>(script_.steps.size()))
        return;
    enter(index, index == index_ + 1);
}

void LectureController::enter(int index, bool applyOnlyThis)
{
    const LectureStep& step = script_.steps.at(static_cast<std::size_t>(index));
    index_ = index;
    round_ = step.question ? PredictRound(*step.question) : PredictRound();
    ready_ = false;
    // Verdicts hidden before the change takes effect: not one frame shows its outcome.
    setHidden(step.question.has_value());
    const Frame& last = window_->lastFrame();
    staleGeneration_ = last.generation;
    changeAtS_ = engine::toSeconds(last.now);
    fresh_ = false;
    expectProtection_.reset();
    expectAttacker_.clear();
    expectRemoved_ = false;
    if (applyOnlyThis) {
        apply(step.change, false);
    } else {
        // Rebuild: from the last step at or before `index` that opens a preset (or what was open when the
        // lecture started), every change up to this step.
        int from = index;
        while (from >= 0 &&
               script_.steps.at(static_cast<std::size_t>(from)).change.kind != LectureChangeKind::OpenPreset)
            --from;
        if (from < 0) {
            window_->startSession(startScenario_, startPath_, true);
            from = 0;
        }
        for (int i = from; i <= index; ++i)
            apply(script_.steps.at(static_cast<std::size_t>(i)).change, i < index);
        fresh_ = true;
    }
    if (step.question && !window_->controller()->isRunning())
        window_->controller()->run();

    std::vector<AttackSpec> asked;
    QStringList missing;
    if (step.question) {
        // Nothing is emitted inside this loop (it holds an iterator into the run's attackers): whatever a
        // receiver does (the error box, anything it lets run) cannot change the list under it.
        const auto& attacks = window_->controller()->scenario().attacks;
        for (const std::string& id : step.question->attackers) {
            const auto it =
                std::find_if(attacks.begin(), attacks.end(), [&](const AttackSpec& a) { return a.id == id; });
            if (it == attacks.end())
                missing << tr("Step %1 asks about attacker %2, which is not in the run")
                               .arg(index + 1)
                               .arg(QString::fromStdString(id));
            asked.push_back(it != attacks.end() ? *it : AttackSpec{});
        }
        waitS_ = step.question->revealAfterS;
    } else {
        waitS_ = 0;
    }
    for (const QString& message : std::as_const(missing))
        emit errorOccurred(message);
    bar_->showStep(index, static_cast<int>(script_.steps.size()), QString::fromStdString(step.title),
                   QString::fromStdString(step.text),
                   step.question ? QString::fromStdString(step.question->text) : QString());
    bar_->predictPanel()->setRound(round_, asked);
    // In presentation mode (where the docks are put away) the lesson caption carries the step and its
    // question.
    const QString question = step.question ? QString::fromStdString(step.question->text) : QString();
    window_->setLesson(tr("Step %1 of %2: %3")
                           .arg(index + 1)
                           .arg(script_.steps.size())
                           .arg(QString::fromStdString(step.title)),
                       question.isEmpty() ? QString::fromStdString(step.text) : question);
    if (notes_ != nullptr) {
        const bool atEnd = index + 1 >= static_cast<int>(script_.steps.size());
        notes_->showNotes(
            QString::fromStdString(step.title), QString::fromStdString(step.notes),
            QString::fromStdString(step.change.describe()),
            atEnd ? QString()
                  : QString::fromStdString(script_.steps.at(static_cast<std::size_t>(index) + 1).title));
    }
    refresh();
    emit stepChanged(index);
}

void LectureController::apply(const LectureChange& change, bool batch)
{
    SimulationController* controller = window_->controller();
    const Frame& last = window_->lastFrame();
    switch (change.kind) {
    case LectureChangeKind::None:
        return;
    case LectureChangeKind::OpenPreset:
        window_->startPreset(change.preset, true);
        fresh_ = true;
        return;
    case LectureChangeKind::Reset:
        if (QAction* reset = window_->findChild<QAction*>(QStringLiteral("actionReset")))
            reset->trigger();
        fresh_ = true;
        return;
    case LectureChangeKind::Protection: {
        // As the Protections panel does: over the protection in force, through the undo stack.
        const Protection before =
            !batch && last.generation != 0 ? last.protection : controller->scenario().protection;
        const Protection after = change.protection.applyTo(before);
        if (after == before)
            return;
        expectProtection_ = after;
        window_->undoStack()->push(new SetProtectionCommand(
            controller, before, after, tr("Lecture: %1").arg(QString::fromStdString(change.describe()))));
        return;
    }
    case LectureChangeKind::PlaceAttacker: {
        AttackSpec spec = change.attack;
        const double now = batch || last.generation == 0 ? 0.0 : engine::toSeconds(last.now);
        spec.startS += now;
        if (spec.stopS)
            *spec.stopS += now;
        expectAttacker_ = spec.id;
        expectRemoved_ = false;
        window_->undoStack()->push(new AddAttackCommand(controller, spec));
        return;
    }
    case LectureChangeKind::RemoveAttacker: {
        const auto& attacks = controller->scenario().attacks;
        const auto it = std::find_if(attacks.begin(), attacks.end(),
                                     [&](const AttackSpec& a) { return a.id == change.attackId; });
        if (it == attacks.end()) {
            emit errorOccurred(tr("No attacker %1 to remove").arg(QString::fromStdString(change.attackId)));
            return;
        }
        expectAttacker_ = change.attackId;
        expectRemoved_ = true;
        window_->undoStack()->push(new RemoveAttackCommand(controller, *it));
        return;
    }
    }
}

void LectureController::onFrame(const Frame& frame)
{
    if (!active_ || index_ < 0 || !asked() || round_.revealed())
        return;
    double baseS = 0;
    if (!showsChange(frame, baseS))
        return;
    const double since = engine::toSeconds(frame.now) - baseS;
    waitS_ = std::max(0.0, round_.question().revealAfterS - since);
    ready_ = waitS_ <= 0 || frame.finished;
    if (ready_)
        waitS_ = 0;
    bar_->setRevealState(true, false, waitS_);
}

bool LectureController::showsChange(const Frame& frame, double& baseS) const
{
    if (fresh_) {
        baseS = 0;
        return frame.generation > staleGeneration_;
    }
    baseS = changeAtS_;
    if (frame.generation < staleGeneration_)
        return false;
    if (expectProtection_) {
        if (!(frame.protection == *expectProtection_) || !frame.summary.sinceChangeS ||
            *frame.summary.sinceChangeS + 1e-6 < changeAtS_)
            return false;
        baseS = *frame.summary.sinceChangeS;
    }
    if (!expectAttacker_.empty()) {
        const auto& attacks = frame.summary.attacks;
        const bool present =
            std::any_of(attacks.begin(), attacks.end(), [this](const engine::AttackTally& t) {
                return t.spec.id == expectAttacker_ && !t.removed;
            });
        if (present == expectRemoved_)
            return false;
    }
    return true;
}

bool LectureController::canReveal() const
{
    return active_ && ready_ && !round_.revealed() && asked();
}

void LectureController::reveal()
{
    if (!canReveal())
        return;
    const LectureStep& step = script_.steps.at(static_cast<std::size_t>(index_));
    // A protection changed mid-run: what it achieved is what happened since the change.
    round_.reveal(window_->lastFrame().summary, step.change.kind == LectureChangeKind::Protection);
    scores_[index_] = {round_.right(), round_.marked()};
    setHidden(false);
    refresh();
    emit revealedStep(index_);
}

int LectureController::scoreRight() const
{
    int n = 0;
    for (const auto& [step, score] : scores_)
        n += score.first;
    return n;
}

int LectureController::scoreMarked() const
{
    int n = 0;
    for (const auto& [step, score] : scores_)
        n += score.second;
    return n;
}

void LectureController::setHidden(bool hidden)
{
    if (hidden == hidden_)
        return;
    hidden_ = hidden;
    window_->requirementsPanel()->setVerdictsHidden(hidden);
    window_->verdictCaption()->setVerdictsHidden(hidden);
    window_->scene()->setVerdictsHidden(hidden);
    // The event log, the charts, the inspector and the sequence chart tell the outcome too.
    if (hidden) {
        QScrollBar* bar = window_->eventLog()->view()->verticalScrollBar();
        if (hiddenDocks_.empty())
            logFollowing_ = bar->value() >= bar->maximum();
        // The dock that holds a widget (the inspector sits in a scroll area inside its dock).
        const auto enclosingDock = [](QWidget* w) -> QDockWidget* {
            while (w != nullptr && qobject_cast<QDockWidget*>(w) == nullptr)
                w = w->parentWidget();
            return qobject_cast<QDockWidget*>(w);
        };
        for (QDockWidget* d :
             {static_cast<QDockWidget*>(window_->eventLog()), static_cast<QDockWidget*>(window_->charts()),
              enclosingDock(window_->inspector()), static_cast<QDockWidget*>(window_->sequenceChart())}) {
            if (d == nullptr)
                continue;
            if (!hiddenDocks_.contains(d))
                hiddenDocks_[d] = !d->isHidden();
            d->hide();
        }
    } else if (!active_ || window_->height() >= kRoomForDocks) {
        // On a small screen they stay hidden until the lecture ends (View shows them): back, they would take
        // the room of the lecture bar's marks.
        restoreDocks();
    }
}

void LectureController::restoreDocks()
{
    // Presentation mode keeps the screen for the canvas and the captions: the docks come back at the next
    // reveal or the lecture's end outside it.
    if (window_->isPresentationMode())
        return;
    for (const auto& [d, shown] : hiddenDocks_)
        d->setVisible(shown);
    hiddenDocks_.clear();
    // A hidden table does not lay out what arrived meanwhile: the log follows the newest events again once
    // it is shown.
    if (logFollowing_) {
        QTableView* view = window_->eventLog()->view();
        QTimer::singleShot(0, view, [view] { view->scrollToBottom(); });
    }
}

void LectureController::refresh()
{
    bar_->setRevealState(asked(), round_.revealed(), ready_ ? 0.0 : waitS_);
    bar_->predictPanel()->refresh(round_);
    bar_->setScore(scoreRight(), scoreMarked());
    if (round_.revealed())
        bar_->setHint(round_.sinceChange() ? tr("Verdicts since the change.")
                                           : tr("Verdicts over the whole run."));
}

void LectureController::setGuessFromKey(int key)
{
    if (!active_ || round_.revealed())
        return;
    if (key <= 4) {
        round_.cycleRequirementGuess(static_cast<std::size_t>(key - 1));
    } else {
        const auto index = static_cast<std::size_t>(key - 5);
        if (index >= round_.question().attackers.size())
            return;
        const auto& attacks = window_->controller()->scenario().attacks;
        const auto it = std::find_if(attacks.begin(), attacks.end(), [&](const AttackSpec& a) {
            return a.id == round_.question().attackers[index];
        });
        const auto choices = choicesFor(it != attacks.end() ? it->kind : AttackKind::Eavesdrop);
        const auto now = round_.attackerGuess(index);
        round_.setAttackerGuess(index, !now                 ? std::optional(choices[0])
                                       : *now == choices[0] ? std::optional(choices[1])
                                                            : std::nullopt);
    }
    refresh();
}

} // namespace mtcsec::ui
