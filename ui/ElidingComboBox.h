// A drop-down that, when its dock is narrower than its current entry, shows the entry cut with "…" at the end
// instead of clipped mid-letter, and names it whole in its tooltip.
#pragma once

#include <QComboBox>

namespace mtcsec::ui {

class ElidingComboBox : public QComboBox {
    Q_OBJECT
public:
    using QComboBox::QComboBox;
    // Whether the current entry is shown cut (the box is narrower than the entry's text).
    [[nodiscard]] bool isElided() const;
    // The text shown: the current entry, elided to the box's text field if it does not fit.
    [[nodiscard]] QString shownText() const;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;

private:
    [[nodiscard]] int textWidth() const;
};

} // namespace mtcsec::ui
