// The large captions of presentation mode (issue 12): the four requirements R1-R4 with their verdicts, and
// the current lesson (what the scenario shows, and the last change made), in type sized for the back of a
// lecture hall: about 1/40 of the screen's height, so 27 px at 1080 lines and 19 px at 768. Verdicts read
// without colour (✓ MET, ✗ VIOLATED, – NOT EXERCISED) and use the requirements panel's colours.
#pragma once

#include "core/engine/RunSummary.h"

#include <QWidget>

#include <array>

class QLabel;

namespace mtcsec::ui {

class PresentationCaptions : public QWidget {
    Q_OBJECT
public:
    // `verdicts`: the row of R1-R4 (for the bottom of the screen); otherwise the lesson line (for the top).
    enum class Part { Lesson, Verdicts };
    explicit PresentationCaptions(Part part, QWidget* parent = nullptr);

    // Shows the run's verdicts (over the whole run).
    void setSummary(const engine::RunSummary& summary);
    // Predict mode: the verdicts read "?" until the reveal (setSummary keeps the latest summary meanwhile).
    void setVerdictsHidden(bool hidden);
    // The lesson's title and a second line (the last change, or a lecture step's question).
    void setLesson(const QString& title, const QString& detail);
    // Sizes the type for a screen `height` pixels tall.
    void scaleTo(int height);

    // As wide as the screen allows, never wider: the toolbar holding it stretches it.
    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

    [[nodiscard]] QLabel* verdict(int index) const { return verdicts_[static_cast<std::size_t>(index)]; }
    [[nodiscard]] QLabel* lessonLabel() const { return lesson_; }
    [[nodiscard]] QLabel* detailLabel() const { return detail_; }

private:
    Part part_;
    std::array<QLabel*, 4> verdicts_{};
    std::array<QString, 4> styles_{};
    QLabel* lesson_ = nullptr;
    QLabel* detail_ = nullptr;
    QLabel* keys_ = nullptr;
    int pixels_ = 27;
    bool hidden_ = false;
    engine::RunSummary summary_;
};

} // namespace mtcsec::ui
