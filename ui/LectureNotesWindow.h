// The speaker's window: the current step's notes in large type, the change it applies and the next step's
// title, for a second screen the room does not see.
#pragma once

#include <QWidget>

class QLabel;

namespace mtcsec::ui {

class LectureNotesWindow : public QWidget {
    Q_OBJECT
public:
    explicit LectureNotesWindow(QWidget* parent = nullptr);
    // `next` is the next step's title, or empty at the last step.
    void showNotes(const QString& title, const QString& notes, const QString& change, const QString& next);
    [[nodiscard]] QLabel* notesLabel() const { return notes_; }

private:
    QLabel* title_;
    QLabel* notes_;
    QLabel* change_;
    QLabel* next_;
};

} // namespace mtcsec::ui
