// The application's main window (PRODUCT.md section 5): the topology canvas in the centre; docks for
// protections, attacks, inspector, event log, requirements and charts; simulation controls; scenario files;
// themes. It wires views to the SimulationController and turns every user edit into an undoable command.
#pragma once

#include "core/scenario/Scenario.h"
#include "ui/SimulationController.h"

#include <QMainWindow>

#include <functional>

class QActionGroup;
class QComboBox;
class QLabel;
class QSpinBox;
class QUndoStack;

namespace mtcsec::ui {

class AttackPalette;
class ChartsDock;
class EventLogDock;
class InspectorPanel;
class ProtectionPanel;
class RequirementsPanel;
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
    // Saves the scenario as it stands (protections and attackers included); reports failures the same way.
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
    // Where errors go: a modal dialog by default (tests replace it).
    void setErrorHandler(std::function<void(const QString&)> handler) { errorHandler_ = std::move(handler); }

    SimulationController* controller() const { return controller_; }
    TopologyScene* scene() const { return scene_; }
    TopologyView* view() const { return view_; }
    ProtectionPanel* protectionPanel() const { return protection_; }
    AttackPalette* attackPalette() const { return palette_; }
    InspectorPanel* inspector() const { return inspector_; }
    RequirementsPanel* requirementsPanel() const { return requirements_; }
    EventLogDock* eventLog() const { return eventLog_; }
    ChartsDock* charts() const { return charts_; }
    QUndoStack* undoStack() const { return undo_; }
    const Frame& lastFrame() const { return frame_; }
    const QString& scenarioPath() const { return path_; }

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createDocks();
    void createActions();
    void createMenus();
    void createToolBar();
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
    Frame frame_;
    std::uint64_t newestGeneration_ = 0;
    QString path_;
    qint64 lastChartRefresh_ = 0;
    std::function<void(const QString&)> errorHandler_;
};

} // namespace mtcsec::ui
