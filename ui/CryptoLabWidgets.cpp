// Widgets and helpers shared by the crypto lab's calculators.
#include "ui/CryptoLabWidgets.h"

#include "core/crypto/Hex.h"
#include "ui/FixedFont.h"

#include <QFormLayout>
#include <QPushButton>

#include <algorithm>

namespace mtcsec::ui::cryptolab {

QFont hexFont()
{
    return fixedFont();
}

// The text with all white space removed: hex may be pasted with spaces or line breaks, as the specifications
// print it.
QString withoutSpace(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (!c.isSpace())
            out.append(c);
    }
    return out;
}

std::string digitsOf(const QString& text)
{
    return withoutSpace(text).toStdString();
}

// The form in which inputs are compared with those of the loaded test set: no space, lowercase, no "0x".
QString canonical(const QString& text)
{
    QString out = withoutSpace(text).toLower();
    if (out.startsWith(QLatin1String("0x")))
        out.remove(0, 2);
    return out;
}

QString hexString(ByteView bytes)
{
    return QString::fromStdString(toHex(bytes));
}

// Long hex values are shortened in the result line (the full value is in the tooltips).
QString elideHex(const QString& hex)
{
    constexpr qsizetype kMax = 48;
    if (hex.size() <= kMax)
        return hex;
    return hex.left(20) + QStringLiteral("…") + hex.right(20);
}

// The 1-based number of the first octet in which two hex strings differ.
qsizetype firstDifferentOctet(const QString& a, const QString& b)
{
    const qsizetype common = std::min(a.size(), b.size());
    qsizetype i = 0;
    while (i < common && a[i] == b[i])
        ++i;
    return i / 2 + 1;
}

// Widths in characters of the monospace font, so that a 128-bit or 256-bit key shows whole.
int textWidth(const QWidget* widget, int characters)
{
    return widget->fontMetrics().horizontalAdvance(QString(characters, QLatin1Char('0')));
}

// Green for a match, red for a difference or an error; lighter shades on a dark palette. The words and the
// ✓/✗/⚠ glyphs carry the same meaning for those who do not see the colour.
QString colourStyle(const QWidget* widget, bool good)
{
    const bool dark = widget->palette().color(QPalette::Window).lightness() < 128;
    const char* colour = good ? (dark ? "#7ddc8f" : "#1b7a2f") : (dark ? "#ff8a80" : "#c0262d");
    return QStringLiteral("color: %1;").arg(QLatin1String(colour));
}

void describe(QWidget* widget, const QString& name, const QString& tip)
{
    widget->setAccessibleName(name);
    widget->setToolTip(tip);
}

// A single-line monospace hex input sized for `digits` hex digits.
QLineEdit* hexEdit(QWidget* parent, const QString& objectName, const QString& name, const QString& tip,
                   int digits)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setFont(hexFont());
    edit->setMinimumWidth(textWidth(edit, digits + 3));
    describe(edit, name, tip);
    return edit;
}

// A short number input (COUNT, LENGTH, PCI, ...).
QLineEdit* numberEdit(QWidget* parent, const QString& objectName, const QString& name, const QString& tip,
                      int characters)
{
    QLineEdit* edit = hexEdit(parent, objectName, name, tip, characters);
    edit->setMaximumWidth(textWidth(edit, characters + 6));
    return edit;
}

QPushButton* button(QWidget* parent, const QString& objectName, const QString& text, const QString& tip)
{
    auto* b = new QPushButton(text, parent);
    b->setObjectName(objectName);
    describe(b, QString(text).remove(QLatin1Char('&')), tip);
    return b;
}

QFormLayout* formLayout()
{
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(
        QFormLayout::ExpandingFieldsGrow); // hex fields grow, spin boxes and combos not
    form->setLabelAlignment(Qt::AlignLeft);
    return form;
}

} // namespace mtcsec::ui::cryptolab
