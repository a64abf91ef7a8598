// "Follow this reading": one application message (a reading or a command) along its whole path, hop by hop:
// the protection on each hop, what an eavesdropper on the link read, what each attacker did (the flipped bit
// marked in the hex), what each receiving node decoded inside the hop's protection and whether it accepted
// it, and what the far end finally accepted.
#pragma once

#include "ui/SequenceChartModel.h"

#include <QDialog>

class QTextBrowser;

namespace mtcsec::ui {

// The story as an HTML document (readable without colour: changes are bold and underlined), from the
// chart's rows of the message carried by the arrow at `row`; a sentence saying why when there is none.
[[nodiscard]] QString followReadingHtml(const SequenceChartModel& model, int row);

// Octets as hex, 16 to a line with the offset; the octets in `marked` bold, underlined and tinted.
[[nodiscard]] QString markedHexHtml(ByteView bytes, const std::vector<std::size_t>& marked);

class FollowReadingDialog : public QDialog {
    Q_OBJECT
public:
    FollowReadingDialog(const SequenceChartModel& model, int row, QWidget* parent = nullptr);
    [[nodiscard]] QTextBrowser* browser() const { return browser_; }

private:
    QTextBrowser* browser_;
};

} // namespace mtcsec::ui
