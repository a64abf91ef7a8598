// The time-travel bar under the canvas: "Next message" stepping and a slider over the run so far, to go back
// to any earlier moment (the engine replays from the seed and the live changes) and forward again.
#pragma once

#include "ui/SimulationController.h"

#include <QToolBar>

class QAction;
class QLabel;
class QSlider;

namespace mtcsec::ui {

class TimelineBar : public QToolBar {
    Q_OBJECT
public:
    // The slider's unit: a tenth of a simulated second.
    static constexpr engine::SimTime kTick = engine::kMicrosPerSecond / 10;

    explicit TimelineBar(SimulationController* controller, QWidget* parent = nullptr);

    // "Next message" (N, Ctrl+Right) and "Compare…" (A/B), for the menus.
    QAction* nextMessageAction() const { return next_; }
    QAction* compareAction() const { return compare_; }
    QSlider* slider() const { return slider_; }

    // Follows the run: the slider spans the time reached so far and shows the current moment.
    void showFrame(const Frame& frame);

signals:
    // A note for the status bar (for example that a change discarded the later part of the run).
    void statusMessage(const QString& text, int timeoutMs);

private:
    void compare();

    SimulationController* controller_;
    QAction* next_;
    QAction* compare_;
    QSlider* slider_;
    QLabel* label_;
    bool updating_ = false;
    Frame last_;
};

} // namespace mtcsec::ui
