// A/B comparison: the same run twice to the same simulated time, A as it is and B with the protection at the
// start changed (the live changes of the timeline apply to both), R1-R4 and the key counts side by side.
#pragma once

#include "core/engine/Replay.h"

#include <QDialog>

#include <array>
#include <vector>

class QTableWidget;
class QLabel;

namespace mtcsec::ui {

class ProtectionPanel;

class AbCompareDialog : public QDialog {
    Q_OBJECT
public:
    // `scenario`: the run's start; `changes`: its live changes (sorted by time); `until`: simulated time
    // (us) both runs stop at.
    AbCompareDialog(Scenario scenario, std::vector<engine::LiveChange> changes, engine::SimTime until,
                    QWidget* parent = nullptr);

    // Runs A (`scenario` as it is) and B (with `protectionB` from the start) through `changes` to `until`.
    // Throws InvalidInput as the engine does.
    [[nodiscard]] static std::array<engine::RunSummary, 2>
    runAb(const Scenario& scenario, const std::vector<engine::LiveChange>& changes, engine::SimTime until,
          const Protection& protectionB);
    // The table's rows: a label and the value of A and of B.
    [[nodiscard]] static std::vector<std::array<QString, 3>> rows(const engine::RunSummary& a,
                                                                  const engine::RunSummary& b);

    ProtectionPanel* protectionB() const { return panel_; }
    QTableWidget* table() const { return table_; }
    // Runs both and fills the table (the "Run A and B" button).
    void runBoth();

private:
    Scenario scenario_;
    std::vector<engine::LiveChange> changes_;
    engine::SimTime until_;
    ProtectionPanel* panel_;
    QTableWidget* table_;
    QLabel* note_;
};

} // namespace mtcsec::ui
