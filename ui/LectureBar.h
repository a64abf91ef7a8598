// The lecture bar above the canvas: the step's number and title, the text shown to the room, the question,
// the predictions (PredictPanel), Reveal with the simulated time still to wait, and the running score. It
// shows what the LectureController tells it and reports clicks.
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace mtcsec::ui {

class PredictPanel;

class LectureBar : public QWidget {
    Q_OBJECT
public:
    explicit LectureBar(QWidget* parent = nullptr);

    // "Step 3 of 10", the title, the text and the question (empty: no question row).
    void showStep(int index, int count, const QString& title, const QString& text, const QString& question);
    // Reveal's state: `waitS` simulated seconds still to wait (0: ready), or hidden when the step asks
    // nothing or was revealed.
    void setRevealState(bool asked, bool revealed, double waitS);
    // "Score 5 of 7 right"; empty before the first reveal.
    void setScore(int right, int marked);
    // A short line under the text ("press PageDown again..."), or empty.
    void setHint(const QString& hint);
    // Sizes the bar's text and buttons `factor` times their normal size (presentation mode:
    // TopologyScene::kPresentationEmphasis; 1: normal). Widgets added meanwhile follow.
    void setScale(double factor);
    [[nodiscard]] double scale() const { return scale_; }

    [[nodiscard]] PredictPanel* predictPanel() const { return predict_; }
    [[nodiscard]] QPushButton* revealButton() const { return reveal_; }
    [[nodiscard]] QPushButton* nextButton() const { return next_; }
    [[nodiscard]] QPushButton* previousButton() const { return previous_; }
    [[nodiscard]] QLabel* titleLabel() const { return title_; }
    [[nodiscard]] QLabel* scoreLabel() const { return score_; }

signals:
    void nextRequested();
    void previousRequested();
    void revealRequested();
    void notesRequested();

private:
    QLabel* counter_;
    QLabel* title_;
    QLabel* text_;
    QLabel* question_;
    QLabel* hint_;
    QLabel* score_;
    PredictPanel* predict_;
    QPushButton* previous_;
    QPushButton* next_;
    QPushButton* reveal_;
    QPushButton* notes_;
    double scale_ = 1.0;
};

} // namespace mtcsec::ui
