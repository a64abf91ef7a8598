// Widgets and helpers shared by the crypto lab's calculators: hex inputs and outputs in the fixed font, the
// published-value check mark beside each output, and the result line under each calculator.
#pragma once

#include "core/crypto/Bytes.h"

#include <QCoreApplication>
#include <QFont>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QString>

class QFormLayout;
class QPushButton;

namespace mtcsec::ui::cryptolab {

// The fixed-width font of hex inputs and outputs.
[[nodiscard]] QFont hexFont();

// The text with all white space removed: hex may be pasted with spaces or line breaks, as the specifications
// print it.
[[nodiscard]] QString withoutSpace(const QString& text);

// The text without white space, as the core's hex parsers take it.
[[nodiscard]] std::string digitsOf(const QString& text);

// The form in which inputs are compared with those of the loaded test set: no space, lowercase, no "0x".
[[nodiscard]] QString canonical(const QString& text);

// Octets as lowercase hex.
[[nodiscard]] QString hexString(ByteView bytes);

// Long hex values are shortened in the result line (the full value is in the tooltips).
[[nodiscard]] QString elideHex(const QString& hex);

// The 1-based number of the first octet in which two hex strings differ.
[[nodiscard]] qsizetype firstDifferentOctet(const QString& a, const QString& b);

// Widths in characters of the monospace font, so that a 128-bit or 256-bit key shows whole.
[[nodiscard]] int textWidth(const QWidget* widget, int characters);

// Green for a match, red for a difference or an error; lighter shades on a dark palette. The words and the
// ✓/✗/⚠ glyphs carry the same meaning for those who do not see the colour.
[[nodiscard]] QString colourStyle(const QWidget* widget, bool good);

// Sets the accessible name and the tooltip.
void describe(QWidget* widget, const QString& name, const QString& tip);

// A single-line monospace hex input sized for `digits` hex digits.
[[nodiscard]] QLineEdit* hexEdit(QWidget* parent, const QString& objectName, const QString& name,
                                 const QString& tip, int digits);

// A short number input (COUNT, LENGTH, PCI, ...).
[[nodiscard]] QLineEdit* numberEdit(QWidget* parent, const QString& objectName, const QString& name,
                                    const QString& tip, int characters);

// A push button with its object name, accessible name (the text without '&') and tooltip.
[[nodiscard]] QPushButton* button(QWidget* parent, const QString& objectName, const QString& text,
                                  const QString& tip);

// A form whose hex fields grow and whose labels are left-aligned.
[[nodiscard]] QFormLayout* formLayout();

// A spin box that shows its value as two hex digits after "0x" (BEARER: 0x00-0x1f, as TS 33.401 Annex C
// prints it).
class HexSpinBox final : public QSpinBox {
public:
    using QSpinBox::QSpinBox;

protected:
    [[nodiscard]] QString textFromValue(int value) const override
    {
        return QStringLiteral("%1").arg(value, 2, 16, QLatin1Char('0'));
    }
};

// ---------------------------------------------------------------------------------------------------------
// A read-only, selectable, monospace result, and a ✓/✗ mark beside it that compares it with the published
// value of the loaded test set (the expected value is in the mark's tooltip).
class OutputField : public QWidget {
    Q_DECLARE_TR_FUNCTIONS(mtcsec::ui::cryptolab::OutputField)

public:
    OutputField(QWidget* parent, const QString& objectName, const QString& name, const QString& tip,
                int digits, bool multiLine = false)
        : QWidget(parent)
        , name_(name)
    {
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        auto* row = new QHBoxLayout(this);
        row->setContentsMargins(0, 0, 0, 0);
        if (multiLine) {
            text_ = new QPlainTextEdit(this);
            text_->setObjectName(objectName);
            text_->setReadOnly(true);
            text_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
            text_->setTabChangesFocus(true);
            text_->setFont(hexFont());
            text_->setWordWrapMode(QTextOption::WrapAnywhere);
            text_->setMinimumWidth(textWidth(text_, digits + 4));
            text_->setFixedHeight(text_->fontMetrics().lineSpacing() * 4 + 12);
            describe(text_, name, tip);
            row->addWidget(text_, 1);
            setFocusProxy(text_);
        } else {
            line_ = hexEdit(this, objectName, name, tip, digits);
            line_->setReadOnly(true);
            row->addWidget(line_, 1);
            setFocusProxy(line_);
        }
        mark_ = new QLabel(this);
        mark_->setObjectName(objectName + QStringLiteral("Check"));
        mark_->setAccessibleName(name + tr(" check"));
        QFont markFont = mark_->font();
        markFont.setBold(true);
        markFont.setPointSizeF(markFont.pointSizeF() * 1.25);
        mark_->setFont(markFont);
        mark_->setMinimumWidth(mark_->fontMetrics().horizontalAdvance(QStringLiteral("✓✗")));
        row->addWidget(mark_);
    }

    void setValue(const QString& hex)
    {
        if (text_ != nullptr)
            text_->setPlainText(hex);
        else
            line_->setText(hex);
        clearMark();
    }
    [[nodiscard]] QString value() const { return text_ != nullptr ? text_->toPlainText() : line_->text(); }
    void clear() { setValue({}); }

    // Marks the value as equal to `expected` or not.
    [[nodiscard]] bool check(const QString& expected)
    {
        const bool same = value() == expected;
        mark_->setText(same ? QStringLiteral("✓") : QStringLiteral("✗"));
        mark_->setStyleSheet(colourStyle(this, same));
        const QString tip = same ? tr("%1 equals the published value").arg(name_)
                                 : tr("%1 differs from the published value %2").arg(name_, expected);
        mark_->setToolTip(tip);
        mark_->setAccessibleDescription(tip);
        return same;
    }
    void clearMark()
    {
        mark_->clear();
        mark_->setToolTip({});
        mark_->setAccessibleDescription({});
    }
    [[nodiscard]] const QString& name() const { return name_; }
    void setName(const QString& name)
    {
        name_ = name;
        focusProxy()->setAccessibleName(name);
        mark_->setAccessibleName(name + tr(" check"));
    }

private:
    QString name_;
    QLineEdit* line_ = nullptr;
    QPlainTextEdit* text_ = nullptr;
    QLabel* mark_ = nullptr;
};

// ---------------------------------------------------------------------------------------------------------
// The line under each calculator: what was computed, whether it matches the published test set, or what is
// wrong with the input. Readable without colour: a glyph and words.
class ResultLine : public QLabel {
    Q_DECLARE_TR_FUNCTIONS(mtcsec::ui::cryptolab::ResultLine)

public:
    enum class State { Neutral, Match, Differ, Error };

    ResultLine(QWidget* parent, const QString& objectName)
        : QLabel(parent)
    {
        setObjectName(objectName);
        setTextFormat(Qt::PlainText); // error messages quote user input, which may contain '<'
        setWordWrap(true);
        // Selectable by keyboard too: it is then a tab stop, so that the message can be reached and copied.
        setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        setFocusPolicy(Qt::StrongFocus); // QLabel gives selectable text click focus only
        setMinimumHeight(fontMetrics().lineSpacing() * 2);
        setAlignment(Qt::AlignLeft | Qt::AlignTop);
        describe(this, tr("Result"),
                 tr("What was computed, and whether it matches the published test set; or what is wrong "
                    "with the input."));
        setResult(State::Neutral, tr("Choose a test set, or enter values and press Enter."));
    }

    void setResult(State state, const QString& text, const QString& detail = {})
    {
        setStyleSheet(state == State::Neutral ? QString() : colourStyle(this, state == State::Match));
        QFont f = font();
        f.setBold(state != State::Neutral);
        setFont(f);
        setText(text);
        setToolTip(detail.isEmpty() ? text : detail);
        setAccessibleDescription(text);
    }
};

} // namespace mtcsec::ui::cryptolab
