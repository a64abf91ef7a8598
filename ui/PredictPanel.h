// The predictions of one lecture step: for each requirement asked, "met" or "violated"; for each attacker
// asked, its two possible outcomes (readable or ciphertext; accepted or blocked). After the reveal each row
// shows the run's outcome and whether the guess was right. It shows a PredictRound and reports clicks; the
// lecture controller owns the round.
#pragma once

#include "ui/PredictRound.h"

#include <QWidget>

#include <array>
#include <vector>

class QGridLayout;
class QLabel;
class QPushButton;

namespace mtcsec::ui {

class PredictPanel : public QWidget {
    Q_OBJECT
public:
    explicit PredictPanel(QWidget* parent = nullptr);

    // Rebuilds the rows for `round`'s question; `attackers` gives each attacker asked (same order).
    void setRound(const PredictRound& round, const std::vector<AttackSpec>& attackers);
    // Shows the guesses and, once revealed, the outcome and marks of `round`.
    void refresh(const PredictRound& round);

    // For tests: the buttons of requirement `index` (0..3: met, violated) and of attacker `index`.
    [[nodiscard]] QPushButton* requirementButton(std::size_t index, Guess guess) const;
    [[nodiscard]] QPushButton* attackerButton(std::size_t index, std::size_t choice) const;
    [[nodiscard]] QLabel* requirementResult(std::size_t index) const { return requirementResults_.at(index); }
    [[nodiscard]] QLabel* attackerResult(std::size_t index) const { return attackerRows_.at(index).result; }

signals:
    void requirementGuessed(int index, mtcsec::ui::Guess guess);
    // `choice` is 0 or 1 (choicesFor's order), or -1 for no guess.
    void attackerGuessed(int index, int choice);

private:
    struct AttackerRow {
        QLabel* name = nullptr;
        std::array<QPushButton*, 2> buttons{};
        QLabel* result = nullptr;
        std::array<AttackerOutcome, 2> choices{};
    };

    QGridLayout* grid_;
    std::array<QLabel*, 4> requirementNames_{};
    std::array<std::array<QPushButton*, 2>, 4> requirementButtons_{};
    std::array<QLabel*, 4> requirementResults_{};
    std::vector<AttackerRow> attackerRows_;
    std::vector<QWidget*> attackerWidgets_;
};

} // namespace mtcsec::ui
