// A/B comparison: the same run twice to the same simulated time, A as it is and B with the protection at the
// start changed (the live changes of the timeline apply to both), R1-R4 and the key counts side by side.
#pragma once

#include "core/engine/Replay.h"

#include <QDialog>

#include <array>
#include <atomic>
#include <stop_token>
#include <thread>
#include <vector>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTimer;

namespace mtcsec::ui {

class ProtectionPanel;

class AbCompareDialog : public QDialog {
    Q_OBJECT
public:
    // `scenario`: the run's start; `changes`: its live changes (sorted by time); `until`: simulated time
    // (us) both runs stop at.
    AbCompareDialog(Scenario scenario, std::vector<engine::LiveChange> changes, engine::SimTime until,
                    QWidget* parent = nullptr);
    // Cancels a comparison that runs and waits for its thread (it stops within a tenth of a simulated
    // second of engine work).
    ~AbCompareDialog() override;
    AbCompareDialog(const AbCompareDialog&) = delete;
    AbCompareDialog& operator=(const AbCompareDialog&) = delete;

    // Runs A (`scenario` as it is) and B (with `protectionB` from the start) through `changes` to `until`.
    // Throws InvalidInput as the engine does.
    [[nodiscard]] static std::array<engine::RunSummary, 2>
    runAb(const Scenario& scenario, const std::vector<engine::LiveChange>& changes, engine::SimTime until,
          const Protection& protectionB);
    // As runAb, in steps of 0.1 s of simulated time (the summaries are the same), stopping after the step
    // in which `stop` is requested (the summaries are then of shorter runs, for the caller to drop), and
    // storing the simulated microseconds run so far in `progress` (A's, then until plus B's). Throws
    // InvalidInput as the engine does.
    [[nodiscard]] static std::array<engine::RunSummary, 2>
    runAb(const Scenario& scenario, const std::vector<engine::LiveChange>& changes, engine::SimTime until,
          const Protection& protectionB, std::stop_token stop, std::atomic<engine::SimTime>& progress);
    // The table's rows: a label and the value of A and of B.
    [[nodiscard]] static std::vector<std::array<QString, 3>> rows(const engine::RunSummary& a,
                                                                  const engine::RunSummary& b);

    ProtectionPanel* protectionB() const { return panel_; }
    QTableWidget* table() const { return table_; }
    // Starts both runs on a worker thread (the "Run A and B" button) and returns: meanwhile a progress bar
    // shows how far they are, and the button and protection B are disabled; the table is filled and
    // compared() emitted when they are done. Closing or destroying the dialog cancels them.
    void runBoth();
    // Whether a comparison is running.
    [[nodiscard]] bool isRunning() const { return worker_.joinable(); }

signals:
    // The table (or the note, with the engine's error) shows a comparison's result.
    void compared();

protected:
    void done(int result) override;

private:
    // Back on the GUI thread: fills the table with `result`, or shows `error` (non-empty).
    void showResult(const std::array<engine::RunSummary, 2>& result, const QString& error, qint64 ms);
    void cancel();
    void showProgress();

    Scenario scenario_;
    std::vector<engine::LiveChange> changes_;
    engine::SimTime until_;
    ProtectionPanel* panel_;
    QTableWidget* table_;
    QLabel* note_;
    QPushButton* run_ = nullptr;
    QProgressBar* progressBar_;
    QTimer* progressTimer_;
    std::atomic<engine::SimTime> progress_{0};
    std::uint64_t runNumber_ = 0; // a result from a run cancelled since is dropped
    std::jthread worker_;
};

} // namespace mtcsec::ui
