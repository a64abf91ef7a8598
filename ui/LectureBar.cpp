// The lecture bar.
#include "ui/LectureBar.h"

#include "ui/LocalNumbers.h"
#include "ui/PredictPanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <cmath>
#include <vector>

namespace mtcsec::ui {
namespace {

QPushButton* button(const QString& text, const QString& tip, const QString& name, QWidget* parent)
{
    auto* b = new QPushButton(text, parent);
    b->setToolTip(tip);
    b->setObjectName(name);
    b->setFocusPolicy(Qt::NoFocus); // PageUp/PageDown and the arrows stay the lecture's keys
    return b;
}

} // namespace

LectureBar::LectureBar(QWidget* parent)
    : QWidget(parent)
    , counter_(new QLabel(this))
    , title_(new QLabel(this))
    , text_(new QLabel(this))
    , question_(new QLabel(this))
    , hint_(new QLabel(this))
    , score_(new QLabel(this))
    , predict_(new PredictPanel(this))
    , previous_(button(tr("◀ Previous"), tr("The previous step (PageUp or Left)"),
                       QStringLiteral("lecturePrevious"), this))
    , next_(button(tr("Next ▶"), tr("Reveal the answer, or go to the next step (PageDown or Right)"),
                   QStringLiteral("lectureNext"), this))
    , reveal_(button(tr("Reveal"), tr("Show the outcome of the run and mark the predictions (R)"),
                     QStringLiteral("lectureReveal"), this))
    , notes_(button(tr("Notes"), tr("Speaker notes in their own window (N)"), QStringLiteral("lectureNotes"),
                    this))
{
    setObjectName(QStringLiteral("lectureBar"));
    QFont big = title_->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    title_->setFont(big);
    title_->setObjectName(QStringLiteral("lectureTitle"));
    title_->setWordWrap(true);
    QFont larger = text_->font();
    larger.setPointSizeF(larger.pointSizeF() * 1.25);
    text_->setFont(larger);
    text_->setWordWrap(true);
    text_->setObjectName(QStringLiteral("lectureText"));
    larger.setBold(true);
    question_->setFont(larger);
    question_->setWordWrap(true);
    hint_->setWordWrap(true);
    score_->setObjectName(QStringLiteral("lectureScore"));
    score_->setFont(larger);

    // One line of title, buttons and score; the text and question; the predictions. The buttons stay at the
    // top, visible even when a small screen makes the bar scroll.
    auto* top = new QHBoxLayout;
    top->addWidget(counter_);
    top->addWidget(title_, 1);
    top->addWidget(previous_);
    top->addWidget(next_);
    top->addWidget(reveal_);
    top->addWidget(notes_);
    top->addSpacing(12);
    top->addWidget(score_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(text_);
    layout->addWidget(question_);
    layout->addWidget(predict_);
    layout->addWidget(hint_);
    layout->addStretch(1);

    connect(previous_, &QPushButton::clicked, this, &LectureBar::previousRequested);
    connect(next_, &QPushButton::clicked, this, &LectureBar::nextRequested);
    connect(reveal_, &QPushButton::clicked, this, &LectureBar::revealRequested);
    connect(notes_, &QPushButton::clicked, this, &LectureBar::notesRequested);
}

void LectureBar::showStep(int index, int count, const QString& title, const QString& text,
                          const QString& question)
{
    counter_->setText(tr("Step %1 of %2").arg(index + 1).arg(count));
    title_->setText(title);
    text_->setText(text);
    text_->setVisible(!text.isEmpty());
    question_->setText(question);
    question_->setVisible(!question.isEmpty());
    previous_->setEnabled(index > 0);
    next_->setEnabled(index + 1 < count);
    hint_->clear();
}

void LectureBar::setRevealState(bool asked, bool revealed, double waitS)
{
    predict_->setVisible(asked);
    reveal_->setVisible(asked && !revealed);
    reveal_->setEnabled(waitS <= 0);
    reveal_->setText(waitS <= 0 ? tr("Reveal") : tr("Reveal in %1 s").arg(localDecimal(std::ceil(waitS), 0)));
}

void LectureBar::setScore(int right, int marked)
{
    score_->setText(marked == 0 ? QString() : tr("Score: %1 of %2 right").arg(right).arg(marked));
}

void LectureBar::setHint(const QString& hint)
{
    hint_->setText(hint);
}

void LectureBar::setScale(double factor)
{
    if (factor <= 0 || factor == scale_)
        return;
    // Every font of the bar is set explicitly, each from its own size at the current scale (the title and
    // the text are larger than the rest): a later child inherits the scaled size from its parent.
    const auto rescaled = [this, factor](QFont f) {
        f.setPointSizeF(f.pointSizeF() / scale_ * factor);
        return f;
    };
    const QList<QWidget*> children = findChildren<QWidget*>();
    std::vector<QFont> fonts;
    fonts.reserve(static_cast<std::size_t>(children.size()));
    for (const QWidget* w : children)
        fonts.push_back(rescaled(w->font()));
    setFont(rescaled(font()));
    for (qsizetype i = 0; i < children.size(); ++i)
        children[i]->setFont(fonts[static_cast<std::size_t>(i)]);
    scale_ = factor;
}

} // namespace mtcsec::ui
