// The time-travel bar: next-message stepping, the timeline slider, and the A/B comparison's entry point.
#include "ui/TimelineBar.h"

#include "ui/AbCompareDialog.h"
#include "ui/LocalNumbers.h"

#include <QAction>
#include <QLabel>
#include <QSlider>

namespace mtcsec::ui {

TimelineBar::TimelineBar(SimulationController* controller, QWidget* parent)
    : QToolBar(tr("Timeline"), parent)
    , controller_(controller)
    , next_(new QAction(tr("&Next message"), this))
    , compare_(new QAction(tr("&Compare A/B…"), this))
    , slider_(new QSlider(Qt::Horizontal, this))
    , label_(new QLabel(this))
{
    setObjectName(QStringLiteral("timelineToolBar"));
    next_->setObjectName(QStringLiteral("actionNextMessage"));
    next_->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Right)}); // N is the lecture's speaker notes
    next_->setToolTip(tr("Pause and run until the next message is put on a link (N, Ctrl+Right)"));
    connect(next_, &QAction::triggered, controller_, &SimulationController::nextMessage);
    compare_->setObjectName(QStringLiteral("actionCompare"));
    compare_->setToolTip(tr("Run the scenario twice to the current time, A as it is and B with a protection "
                            "changed, and compare R1-R4 and the key counts"));
    connect(compare_, &QAction::triggered, this, &TimelineBar::compare);

    slider_->setObjectName(QStringLiteral("timelineSlider"));
    slider_->setAccessibleName(tr("Timeline"));
    slider_->setToolTip(tr("Drag back to any earlier moment of the run (replayed from the seed and your "
                           "changes) and forward again"));
    slider_->setTracking(false); // a jump when the handle is released, not on every pixel
    slider_->setRange(0, 0);
    slider_->setPageStep(100); // 10 s
    slider_->setSingleStep(10);
    slider_->setMinimumWidth(300);
    connect(slider_, &QSlider::valueChanged, this, [this](int value) {
        if (!updating_)
            controller_->jumpTo(static_cast<engine::SimTime>(value) * kTick);
    });
    label_->setObjectName(QStringLiteral("timelineLabel"));
    label_->setMinimumWidth(
        label_->fontMetrics().horizontalAdvance(QStringLiteral("00000.0 s of 00000.0 s")));

    addAction(next_);
    addSeparator();
    addWidget(new QLabel(tr(" Timeline "), this));
    addWidget(slider_);
    addWidget(label_);
    addSeparator();
    addAction(compare_);

    connect(controller_, &SimulationController::frameReady, this, &TimelineBar::showFrame);
    connect(controller_, &SimulationController::futureDiscarded, this, [this](double atS) {
        emit statusMessage(
            tr("Changed at t = %1 s, before the furthest moment reached: the later part of the "
               "run was discarded")
                .arg(localDecimal(atS, 2)),
            10000);
    });
    connect(controller_, &SimulationController::rewound, this, [this] {
        emit statusMessage(tr("Replayed from the start to this moment; drag forward to go on"), 5000);
    });
}

void TimelineBar::showFrame(const Frame& frame)
{
    last_ = frame;
    last_.events.clear();
    last_.messages.clear();
    if (slider_->isSliderDown())
        return;
    updating_ = true;
    slider_->setMaximum(static_cast<int>(frame.horizon / kTick));
    slider_->setValue(static_cast<int>(frame.now / kTick));
    updating_ = false;
    label_->setText(tr("%1 s of %2 s")
                        .arg(localDecimal(engine::toSeconds(frame.now), 1))
                        .arg(localDecimal(engine::toSeconds(frame.horizon), 1)));
}

void TimelineBar::compare()
{
    controller_->pause();
    const engine::SimTime until = last_.now > 0 ? last_.now : 60 * engine::kMicrosPerSecond;
    AbCompareDialog dialog(controller_->loadedScenario(), last_.changes, until, parentWidget());
    dialog.exec();
}

} // namespace mtcsec::ui
