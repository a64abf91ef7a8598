// Lecture mode: runs a lecture script (core/scenario/LectureScript.h) on the main window. Each step applies
// its change through the same paths as the user (File > Presets, a SetProtectionCommand or an attacker
// command on the undo stack, Reset). A step that asks a question hides the verdicts, the dots' colours, the
// attackers' counts and the event log, charts and inspector before its change takes effect; Reveal shows them
// and marks the room's predictions against the run (the verdicts since the change when the step changed the
// protection mid-run), with a running score. Keys: PageDown/Right next (revealing first), PageUp/Left
// previous, R reveal, 1-4 predict R1-R4, 5-9 predict the attackers, N speaker notes.
#pragma once

#include "core/scenario/LectureScript.h"
#include "ui/PredictRound.h"

#include <QByteArray>
#include <QObject>

#include <map>

class QAction;
class QDockWidget;
class QMenu;

namespace mtcsec::ui {

struct Frame;
class LectureBar;
class LectureNotesWindow;
class MainWindow;

class LectureController : public QObject {
    Q_OBJECT
public:
    // Adds the Lecture menu and the (hidden) lecture bar to `window`.
    explicit LectureController(MainWindow* window);
    ~LectureController() override;

    // The README's first lecture, compiled in (":/lectures/first-lecture.json"). Throws InvalidInput if the
    // resource does not read (a build error).
    [[nodiscard]] static LectureScript builtInLecture();

    // Starts `script` at its first step.
    void start(LectureScript script);
    // Opens a script file and starts it; on failure reports the error (errorOccurred) and keeps what runs.
    bool openScriptFile(const QString& path);
    // Leaves lecture mode: verdicts shown again, the bar and the notes closed, the docks and toolbars as they
    // were when the lecture started (outside presentation mode, which restores its own on leaving).
    void stop();

    void next();     // reveals the step's answer first if it has an unrevealed question
    void previous(); // the previous step, rebuilt from the last preset it opened
    void reveal();   // only once the step's question waited its simulated time
    // Goes to step `index`: one step forward applies its change to what runs; any other jump rebuilds the
    // state from the last step at or before `index` that opens a preset.
    void goTo(int index);

    [[nodiscard]] bool isActive() const { return active_; }
    [[nodiscard]] int stepIndex() const { return index_; }
    [[nodiscard]] const LectureScript& script() const { return script_; }
    [[nodiscard]] const PredictRound& round() const { return round_; }
    [[nodiscard]] PredictRound& round() { return round_; }
    [[nodiscard]] bool verdictsHidden() const { return hidden_; }
    // Whether Reveal is possible now (the question waited its simulated time in the current run).
    [[nodiscard]] bool canReveal() const;
    // Over every revealed step (a step revealed again counts once, with its latest marks).
    [[nodiscard]] int scoreRight() const;
    [[nodiscard]] int scoreMarked() const;

    [[nodiscard]] QMenu* menu() const { return menu_; }
    [[nodiscard]] LectureBar* bar() const { return bar_; }
    [[nodiscard]] QDockWidget* dock() const { return dock_; }
    [[nodiscard]] LectureNotesWindow* notesWindow() const { return notes_; }

signals:
    void errorOccurred(const QString& message);
    void stepChanged(int index);
    void revealedStep(int index);

private:
    void createMenu();
    void enter(int index, bool applyOnlyThis);
    void apply(const LectureChange& change, bool batch);
    void onFrame(const Frame& frame);
    // Whether `frame` shows the current step's change in effect; `baseS` is then the simulated time from
    // which the question's wait counts.
    [[nodiscard]] bool showsChange(const Frame& frame, double& baseS) const;
    void setHidden(bool hidden);
    void restoreDocks();
    void refresh();
    void setGuessFromKey(int key);
    // Whether the current step asks a question.
    [[nodiscard]] bool asked() const
    {
        return index_ >= 0 && script_.steps.at(static_cast<std::size_t>(index_)).question.has_value();
    }

    MainWindow* window_;
    QMenu* menu_ = nullptr;
    QDockWidget* dock_ = nullptr;
    LectureBar* bar_ = nullptr;
    LectureNotesWindow* notes_ = nullptr;
    QList<QAction*> stepActions_; // enabled only in lecture mode
    QAction* notesAction_ = nullptr;

    LectureScript script_;
    bool active_ = false;
    int index_ = -1;
    PredictRound round_;
    std::map<int, std::pair<int, int>> scores_; // step -> right, marked
    bool hidden_ = false;
    std::map<QDockWidget*, bool> hiddenDocks_; // docks hidden while predicting, and whether they were shown
    bool logFollowing_ = true;                 // whether the event log followed its newest rows then

    // Where the current step's change took effect: frames of an older generation are from before it; a
    // fresh run (preset, reset) counts from 0, a live change from `changeAtS_`.
    std::uint64_t staleGeneration_ = 0;
    bool fresh_ = false;
    double changeAtS_ = 0;
    // What a frame must show before it counts as after the change (a live change reaches the engine through
    // its queue, behind frames already on their way): the protection applied, an attacker placed or removed.
    std::optional<Protection> expectProtection_;
    std::string expectAttacker_;
    bool expectRemoved_ = false;
    double waitS_ = 0; // simulated seconds still to wait before Reveal
    bool ready_ = false;

    Qt::DockWidgetArea topLeft_ = Qt::TopDockWidgetArea; // the window's top left corner before the lecture
    QByteArray windowState_; // the docks and toolbars before the lecture (QMainWindow::saveState)
    Scenario startScenario_; // what was open when the lecture started (for a script without a first preset)
    QString startPath_;
};

} // namespace mtcsec::ui
