// The predictions of one lecture step, and their marks after the reveal.
#include "ui/PredictPanel.h"

#include "ui/EvidenceText.h"

#include <QGridLayout>
#include <QLabel>
#include <QPushButton>

namespace mtcsec::ui {
namespace {

const std::array<const char*, 4> kTitles = {
    QT_TRANSLATE_NOOP("mtcsec::ui::PredictPanel", "R1 signalling integrity"),
    QT_TRANSLATE_NOOP("mtcsec::ui::PredictPanel", "R2 signalling confidentiality"),
    QT_TRANSLATE_NOOP("mtcsec::ui::PredictPanel", "R3 application data confidentiality"),
    QT_TRANSLATE_NOOP("mtcsec::ui::PredictPanel", "R4 application data integrity")};

QPushButton* choiceButton(const QString& text, QWidget* parent)
{
    auto* b = new QPushButton(text, parent);
    b->setCheckable(true);
    // The guess must read from the back of the room, before and after the reveal (disabled then).
    b->setStyleSheet(
        QStringLiteral("QPushButton:checked { background: #1f4e79; color: white; border: 2px solid #0b2239; "
                       "border-radius: 3px; }"));
    b->setFocusPolicy(Qt::NoFocus); // the lecture's keys stay with the window
    return b;
}

QString verdictText(engine::Verdict v, bool lteLimit)
{
    switch (v) {
    case engine::Verdict::Met:
        return PredictPanel::tr("MET");
    case engine::Verdict::Violated:
        return lteLimit ? PredictPanel::tr("VIOLATED (LTE limit)") : PredictPanel::tr("VIOLATED");
    case engine::Verdict::NotExercised:
        break;
    }
    return PredictPanel::tr("NOT EXERCISED");
}

// The result column: what the run gave, and whether the guess was right (in words and a sign, not colour
// alone).
void showMark(QLabel* label, Mark mark, const QString& outcome, const QString& guess)
{
    QString text;
    QString style;
    switch (mark) {
    case Mark::Right:
        text = PredictPanel::tr("✔ right: %1").arg(outcome);
        style = QStringLiteral("background:#1e8449;color:white;");
        break;
    case Mark::Wrong:
        text = PredictPanel::tr("✘ wrong: %1 (predicted %2)").arg(outcome, guess);
        style = QStringLiteral("background:#b03a2e;color:white;");
        break;
    case Mark::Unanswered:
        text = PredictPanel::tr("no guess: %1").arg(outcome);
        style = QStringLiteral("background:#7f8c8d;color:white;");
        break;
    case Mark::NotExercised:
        text = PredictPanel::tr("not scored: %1").arg(outcome);
        style = QStringLiteral("background:#7f8c8d;color:white;");
        break;
    }
    label->setText(text);
    label->setStyleSheet(style + QStringLiteral("padding:2px 6px;border-radius:4px;font-weight:bold;"));
    label->setAccessibleName(text);
}

} // namespace

PredictPanel::PredictPanel(QWidget* parent)
    : QWidget(parent)
    , grid_(new QGridLayout(this))
{
    setObjectName(QStringLiteral("predictPanel"));
    grid_->setContentsMargins(0, 0, 0, 0);
    for (std::size_t i = 0; i < 4; ++i) {
        const int row = static_cast<int>(i);
        requirementNames_[i] = new QLabel(tr(kTitles[i]), this);
        requirementButtons_[i][0] = choiceButton(tr("✓ met"), this);
        requirementButtons_[i][1] = choiceButton(tr("✗ violated"), this);
        requirementResults_[i] = new QLabel(this);
        requirementButtons_[i][0]->setObjectName(QStringLiteral("predictR%1met").arg(i + 1));
        requirementButtons_[i][1]->setObjectName(QStringLiteral("predictR%1violated").arg(i + 1));
        requirementResults_[i]->setObjectName(QStringLiteral("resultR%1").arg(i + 1));
        requirementButtons_[i][0]->setToolTip(tr("Predict that R%1 holds (key %1 cycles)").arg(i + 1));
        requirementButtons_[i][1]->setToolTip(tr("Predict that R%1 is violated (key %1 cycles)").arg(i + 1));
        grid_->addWidget(requirementNames_[i], row, 0);
        grid_->addWidget(requirementButtons_[i][0], row, 1);
        grid_->addWidget(requirementButtons_[i][1], row, 2);
        grid_->addWidget(requirementResults_[i], row, 3);
        for (std::size_t c = 0; c < 2; ++c) {
            connect(requirementButtons_[i][c], &QPushButton::clicked, this, [this, i, c](bool on) {
                emit requirementGuessed(static_cast<int>(i), !on      ? Guess::None
                                                             : c == 0 ? Guess::Met
                                                                      : Guess::Violated);
            });
        }
    }
    grid_->setColumnStretch(3, 1);
    grid_->setColumnStretch(8, 1);
    grid_->setColumnMinimumWidth(4, 16);
}

void PredictPanel::setRound(const PredictRound& round, const std::vector<AttackSpec>& attackers)
{
    for (QWidget* w : attackerWidgets_)
        delete w;
    attackerWidgets_.clear();
    attackerRows_.clear();
    const LectureQuestion& q = round.question();
    int asked = 0; // the requirements asked, one under the other from the top
    for (std::size_t i = 0; i < 4; ++i) {
        const std::array<QWidget*, 4> cells = {requirementNames_[i], requirementButtons_[i][0],
                                               requirementButtons_[i][1], requirementResults_[i]};
        for (int c = 0; c < 4; ++c) {
            cells.at(static_cast<std::size_t>(c))->setVisible(q.requirements.at(i));
            if (q.requirements.at(i))
                grid_->addWidget(cells.at(static_cast<std::size_t>(c)), asked, c);
        }
        asked += q.requirements.at(i) ? 1 : 0;
    }
    for (std::size_t i = 0; i < q.attackers.size(); ++i) {
        // Beside the requirements, four rows a column: the panel stays four rows high.
        const int row = static_cast<int>(i % 4);
        const int column = 5 + 5 * static_cast<int>(i / 4);
        const AttackSpec spec = i < attackers.size() ? attackers[i] : AttackSpec{};
        const AttackKind kind = spec.kind;
        AttackerRow r;
        r.choices = choicesFor(kind);
        r.name = new QLabel(tr("%1 %2 %3 %4")
                                .arg(QString::fromStdString(q.attackers[i]), termText(name(kind)),
                                     spec.node ? tr("in") : tr("on"), QString::fromStdString(spec.target())),
                            this);
        r.name->setToolTip(isPassive(kind)
                               ? tr("What will this attacker read? (key %1 cycles)").arg(i + 5)
                               : tr("Will this attacker's messages be accepted? (key %1 cycles)").arg(i + 5));
        for (std::size_t c = 0; c < 2; ++c) {
            r.buttons[c] = choiceButton(termText(name(r.choices[c])), this);
            r.buttons[c]->setObjectName(QStringLiteral("predict-%1-%2")
                                            .arg(QString::fromStdString(q.attackers[i]),
                                                 QString::fromUtf8(name(r.choices[c]).data())));
            connect(r.buttons[c], &QPushButton::clicked, this, [this, i, c](bool on) {
                emit attackerGuessed(static_cast<int>(i), on ? static_cast<int>(c) : -1);
            });
        }
        r.result = new QLabel(this);
        r.result->setObjectName(QStringLiteral("result-%1").arg(QString::fromStdString(q.attackers[i])));
        grid_->addWidget(r.name, row, column);
        grid_->addWidget(r.buttons[0], row, column + 1);
        grid_->addWidget(r.buttons[1], row, column + 2);
        grid_->addWidget(r.result, row, column + 3);
        attackerWidgets_.insert(attackerWidgets_.end(), {r.name, r.buttons[0], r.buttons[1], r.result});
        attackerRows_.push_back(r);
    }
    refresh(round);
}

void PredictPanel::refresh(const PredictRound& round)
{
    for (std::size_t i = 0; i < 4; ++i) {
        const Guess g = round.requirementGuess(i);
        requirementButtons_[i][0]->setChecked(g == Guess::Met);
        requirementButtons_[i][1]->setChecked(g == Guess::Violated);
        for (QPushButton* b : requirementButtons_[i])
            b->setEnabled(!round.revealed());
        if (round.revealed() && round.verdict(i))
            showMark(requirementResults_[i], round.requirementMark(i),
                     verdictText(*round.verdict(i), round.lteLimit(i)),
                     g == Guess::Met ? tr("met") : tr("violated"));
        else {
            requirementResults_[i]->clear();
            requirementResults_[i]->setStyleSheet({});
        }
    }
    for (std::size_t i = 0; i < attackerRows_.size(); ++i) {
        AttackerRow& r = attackerRows_[i];
        const auto g = round.attackerGuess(i);
        for (std::size_t c = 0; c < 2; ++c) {
            r.buttons[c]->setChecked(g == r.choices[c]);
            r.buttons[c]->setEnabled(!round.revealed());
        }
        if (round.revealed()) {
            const auto outcome = round.attackerOutcome(i);
            showMark(r.result, round.attackerMark(i),
                     outcome ? termText(name(*outcome)) : tr("has not acted yet"),
                     g ? termText(name(*g)) : QString());
        } else {
            r.result->clear();
            r.result->setStyleSheet({});
        }
    }
}

QPushButton* PredictPanel::requirementButton(std::size_t index, Guess guess) const
{
    return requirementButtons_.at(index).at(guess == Guess::Violated ? 1 : 0);
}

QPushButton* PredictPanel::attackerButton(std::size_t index, std::size_t choice) const
{
    return attackerRows_.at(index).buttons.at(choice);
}

} // namespace mtcsec::ui
