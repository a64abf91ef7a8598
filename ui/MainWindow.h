// The application's main window (PRODUCT.md section 5): the topology canvas in the centre; docks for
// protections, attacks, inspector, event log, requirements and charts; simulation controls; scenario files;
// themes; presentation mode (F11: the canvas full screen, larger, with R1-R4 and the lesson as captions). It
// wires views to the SimulationController and turns every user edit into an undoable command. New, Open and
// Quit ask before unsaved changes are lost. Space runs and pauses wherever the focus is, except while typing
// in a text field (Esc or Return there hands the keys back to the canvas; F5 always runs and pauses).
#pragma once

#include "core/scenario/Scenario.h"
#include "ui/SimulationController.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <map>
#include <utility>
#include <vector>

class QActionGroup;
class QComboBox;
class QLabel;
class QMessageBox;
class QSpinBox;
class QTimer;
class QToolBar;
class QUndoStack;

namespace mtcsec::ui {

class AttackPalette;
class ChartsDock;
class EventLogDock;
class InspectorPanel;
class LectureController;
class PresentationCaptions;
class ProtectionPanel;
class RequirementsPanel;
class SequenceChartDock;
class TopologyScene;
class TopologyView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a scenario file; on failure reports the error (a dialog, or the handler set below) and keeps the
    // current session. Returns whether it opened.
    bool openScenarioFile(const QString& path);
    // Saves the scenario as it stands (protections and attackers included) at the moment on screen: after a
    // jump back in time (the timeline), without the live changes recorded after that moment, the undo history
    // then staying unsaved, with a status-bar note saying so. Reports failures the same way.
    bool saveScenarioFile(const QString& path);
    // Loads `scenario` at time 0 (running if `run`); the undo history is cleared unless `keepHistory`
    // (Reset).
    void startSession(const Scenario& scenario, const QString& path, bool run, bool keepHistory = false);
    // Writes a report of the session so far; the format follows the extension (.json, .csv, .html, .pdf).
    // Reports failures like the other file operations.
    bool exportReport(const QString& path);
    // Starts a session on a built-in preset. In the desktop application a preset runs for at least an hour,
    // so that a lecture is not cut short by the one minute the command line uses.
    void startPreset(const std::string& name, bool run);
    // The first session of the desktop application: without a file (empty `file`) the default scenario
    // running, so that the first screen shows traffic; a file opens paused; a file refused (error dialog)
    // leaves the default scenario paused, the Run button meaning run, as the window showed it while the
    // dialog was up.
    void startWith(const QString& file);
    // Where errors go: by default a window-modal error box opened without an event loop of its own
    // (QMessageBox::open); errors that come while it is up are listed in it rather than stacking boxes
    // (tests replace it).
    void setErrorHandler(std::function<void(const QString&)> handler) { errorHandler_ = std::move(handler); }

    // What to do with unsaved changes before New, Open, a preset or Quit replaces the session.
    enum class UnsavedChoice { Save, Discard, Cancel };
    // Who answers that question: the standard Save/Discard/Cancel dialog by default (tests replace it).
    void setUnsavedChangesHandler(std::function<UnsavedChoice()> handler)
    {
        unsavedHandler_ = std::move(handler);
    }
    // Asks what to do with unsaved changes (if any) and does it; false when the user cancelled (or saving
    // failed), and the session must stay.
    bool maybeSave();

    // Presentation mode (F11, View > Presentation mode; Esc leaves it): the canvas full screen with text,
    // lines and dots larger, the docks, menus and status bar hidden, R1-R4 and the lesson as large captions.
    void setPresentationMode(bool on);
    [[nodiscard]] bool isPresentationMode() const { return presenting_; }
    // The lesson the presentation captions show: by default the scenario's name and the last change; a
    // lecture script may set its own step (an empty title restores the default).
    void setLesson(const QString& title, const QString& detail);
    [[nodiscard]] PresentationCaptions* lessonCaption() const { return lessonCaption_; }
    [[nodiscard]] PresentationCaptions* verdictCaption() const { return verdictCaption_; }
    // The timer that moves the canvas's dots; it runs only while something moves (no work when idle).
    [[nodiscard]] QTimer* animationTimer() const { return animation_; }
    // The scenario as File > Save writes it and Reset restarts it: attackers placed while the simulation ran
    // start at time 0 (their start time in this run was their moment of placement).
    [[nodiscard]] Scenario scenarioForRestart() const;
    // The scenario as File > Save writes it: scenarioForRestart() with the protections and attackers of the
    // moment on screen (after a jump back in time, the loaded scenario with the live changes recorded up to
    // that moment). `later` (if given) receives the number of recorded changes left out.
    [[nodiscard]] Scenario scenarioOnScreen(std::size_t* later = nullptr) const;

    SimulationController* controller() const { return controller_; }
    TopologyScene* scene() const { return scene_; }
    TopologyView* view() const { return view_; }
    ProtectionPanel* protectionPanel() const { return protection_; }
    AttackPalette* attackPalette() const { return palette_; }
    InspectorPanel* inspector() const { return inspector_; }
    RequirementsPanel* requirementsPanel() const { return requirements_; }
    EventLogDock* eventLog() const { return eventLog_; }
    ChartsDock* charts() const { return charts_; }
    LectureController* lecture() const { return lecture_; }
    SequenceChartDock* sequenceChart() const { return sequenceChart_; }
    QUndoStack* undoStack() const { return undo_; }
    const Frame& lastFrame() const { return frame_; }
    const QString& scenarioPath() const { return path_; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    // Attackers placed during the run (their start time is their moment of placement) start at time 0.
    void startPlacedAttackersAtZero(Scenario& scenario) const;
    void createDocks();
    void createActions();
    void createMenus();
    void createToolBar();
    void createPresentation();
    void updateLesson();
    void onFrame(const Frame& frame);
    void onProtectionEdited(const Protection& protection, const QString& what);
    void onAttackRequested(int kind, int link, int node);
    void removeAttack(const QString& id);
    void editAttack(const QString& id);
    void showDevices();
    // Asks for a PDU and brings the inspector forward; the inspector fills in when the PDU arrives.
    void inspectPdu(std::uint32_t pdu);
    void openDialog();
    void exportReportDialog();
    bool saveAs();
    bool save();
    void updateRecentMenu();
    void updateTitle();
    void reportError(const QString& message);
    void listLaterErrors();
    std::optional<AttackSpec> findAttack(const std::string& id) const;
    std::string nextAttackId() const;

    SimulationController* controller_;
    QUndoStack* undo_;
    TopologyScene* scene_;
    TopologyView* view_;
    ProtectionPanel* protection_ = nullptr;
    AttackPalette* palette_ = nullptr;
    InspectorPanel* inspector_ = nullptr;
    RequirementsPanel* requirements_ = nullptr;
    EventLogDock* eventLog_ = nullptr;
    ChartsDock* charts_ = nullptr;
    LectureController* lecture_ = nullptr;
    SequenceChartDock* sequenceChart_ = nullptr;
    QMenu* recentMenu_ = nullptr;
    QMenu* viewMenu_ = nullptr;
    QAction* runAction_ = nullptr;
    QAction* stepAction_ = nullptr;
    class TimelineBar* timeline_ = nullptr;
    QAction* resetAction_ = nullptr;
    QComboBox* speed_ = nullptr;
    QSpinBox* seed_ = nullptr;
    QLabel* timeLabel_ = nullptr;
    QLabel* rateLabel_ = nullptr;
    QLabel* stateLabel_ = nullptr;
    QToolBar* simulationBar_ = nullptr;
    QTimer* animation_ = nullptr;
    QAction* presentAction_ = nullptr;
    PresentationCaptions* lessonCaption_ = nullptr;
    PresentationCaptions* verdictCaption_ = nullptr;
    QToolBar* lessonBar_ = nullptr;
    QToolBar* verdictBar_ = nullptr;
    bool presenting_ = false;
    QByteArray normalState_; // the docks and toolbars before presentation mode
    QRect normalGeometry_;
    bool normalMaximized_ = false;
    QString lessonTitle_, lessonDetail_; // set by a lecture script; empty: the default lesson
    // Attackers placed during the run: id -> the simulated time of placement, used as their start.
    std::map<std::string, double> placedAt_;
    Frame frame_;
    std::uint64_t newestGeneration_ = 0;
    QString path_;
    qint64 lastChartRefresh_ = 0;
    std::function<void(const QString&)> errorHandler_;
    // The error box on screen (null: none) and the errors that came while it was up: each distinct message
    // once with how often it came (five at most), and how many more there were.
    QPointer<QMessageBox> errorBox_;
    std::vector<std::pair<QString, int>> laterErrors_;
    int unlistedErrors_ = 0;
    std::function<UnsavedChoice()> unsavedHandler_;
};

} // namespace mtcsec::ui
