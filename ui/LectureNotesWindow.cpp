// The speaker's notes window.
#include "ui/LectureNotesWindow.h"

#include <QLabel>
#include <QVBoxLayout>

namespace mtcsec::ui {

LectureNotesWindow::LectureNotesWindow(QWidget* parent)
    : QWidget(parent, Qt::Window)
    , title_(new QLabel(this))
    , notes_(new QLabel(this))
    , change_(new QLabel(this))
    , next_(new QLabel(this))
{
    setObjectName(QStringLiteral("lectureNotesWindow"));
    setWindowTitle(tr("Speaker notes"));
    QFont big = title_->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    title_->setFont(big);
    QFont text = notes_->font();
    text.setPointSizeF(text.pointSizeF() * 1.4);
    notes_->setFont(text);
    notes_->setObjectName(QStringLiteral("lectureNotes"));
    notes_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    for (QLabel* l : {title_, notes_, change_, next_}) {
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title_);
    layout->addWidget(notes_, 1);
    layout->addWidget(change_);
    layout->addWidget(next_);
    resize(640, 420);
}

void LectureNotesWindow::showNotes(const QString& title, const QString& notes, const QString& change,
                                   const QString& next)
{
    title_->setText(title);
    notes_->setText(notes.isEmpty() ? tr("(no notes for this step)") : notes);
    change_->setText(tr("Change: %1").arg(change));
    next_->setText(next.isEmpty() ? tr("This is the last step.") : tr("Next: %1").arg(next));
}

} // namespace mtcsec::ui
