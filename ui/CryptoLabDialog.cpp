// The crypto lab: three calculators over the core's crypto facade (TS 33.401 Annex A and B, TS 35.206) and
// the published test sets they are checked against (TS 33.401 Annex C, TS 35.207/35.208, kdf.vec).
#include "ui/CryptoLabDialog.h"

#include "core/InvalidInput.h"
#include "core/crypto/Eea2.h"
#include "core/crypto/Eia2.h"
#include "core/crypto/Hex.h"
#include "core/crypto/Kdf.h"
#include "core/crypto/KeyHierarchy.h"
#include "core/crypto/Milenage.h"
#include "core/crypto/SecurityAlgorithms.h"
#include "core/crypto/TestSets.h"
#include "ui/FixedFont.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QShortcut>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <limits>
#include <vector>

namespace mtcsec::ui {
namespace {

// ---------------------------------------------------------------------------------------------------------
// Small helpers

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

// ---------------------------------------------------------------------------------------------------------
// What the three calculators share: the test sets read from the resources, the combo that loads them, the
// result line and the comparison of outputs with the published values.
class LabPage : public QWidget {
public:
    // A published value an output is checked against.
    struct Check {
        OutputField* field;
        QString expected;
    };

    explicit LabPage(QWidget* parent)
        : QWidget(parent)
    {}

    // Computes with the current inputs (the Compute button, Enter).
    virtual void compute() = 0;

protected:
    // The inputs in canonical form, to tell whether they are still those of the loaded test set.
    [[nodiscard]] virtual QStringList inputs() const = 0;
    // Fills the inputs from a test set (throws InvalidInput when it lacks a field).
    virtual void fill(const crypto::TestSet& set) = 0;
    // How the set is cited in the result line, e.g. "TS 33.401 C.1 test set 3".
    [[nodiscard]] virtual QString citation(const crypto::TestSet& set) const = 0;
    // How the set is listed in the combo.
    [[nodiscard]] virtual QString comboText(const crypto::TestSet& set) const
    {
        return QString::fromStdString(set.name);
    }

    // The combo that loads a test set, in a row with its label; call where it belongs in the tab order.
    QHBoxLayout* makeTestSetRow(const QString& objectName, const QString& label, const QString& tip)
    {
        combo_ = new QComboBox(this);
        combo_->setObjectName(objectName);
        combo_->setPlaceholderText(tr("Choose a test set…"));
        combo_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        describe(combo_, label, tip);
        auto* caption = new QLabel(label, this);
        caption->setBuddy(combo_);
        auto* row = new QHBoxLayout;
        row->addWidget(caption);
        row->addWidget(combo_);
        row->addStretch(1);
        return row;
    }

    ResultLine* makeResultLine(const QString& objectName)
    {
        result_ = new ResultLine(this, objectName);
        return result_;
    }

    // Reads the test sets of the given resources, in that order, with a separator between two files; call
    // once the combo and the result line exist.
    void readTestSets(const QStringList& resources)
    {
        for (const QString& resource : resources) {
            QFile file(resource);
            std::vector<crypto::TestSet> sets;
            try {
                if (!file.open(QIODevice::ReadOnly))
                    throw InvalidInput("cannot open the resource");
                const QByteArray text = file.readAll();
                sets = crypto::parseTestSets(
                    std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
            } catch (const InvalidInput& e) {
                result_->setResult(ResultLine::State::Error,
                                   tr("⚠ The test sets could not be read (%1: %2).")
                                       .arg(resource, QString::fromStdString(e.what())));
                continue;
            }
            if (combo_->count() > 0 && !sets.empty())
                combo_->insertSeparator(combo_->count());
            for (crypto::TestSet& set : sets) {
                combo_->addItem(comboText(set), static_cast<int>(sets_.size()));
                sets_.push_back(std::move(set));
            }
        }
        combo_->setEnabled(!sets_.empty());
        combo_->setCurrentIndex(-1);
        // Chosen by the user (mouse, arrow keys, typing); choosing the same set again restores its inputs.
        connect(combo_, &QComboBox::activated, this, [this](int index) { load(index); });
    }

    // The loaded test set, if any.
    [[nodiscard]] const crypto::TestSet* loadedSet() const
    {
        return loaded_ >= 0 ? &sets_[static_cast<std::size_t>(loaded_)] : nullptr;
    }

    // Wires a change of any input to mark the result as stale until the next computation.
    void watch(QLineEdit* edit)
    {
        connect(edit, &QLineEdit::textEdited, this, [this] { stale(); });
    }
    void watch(QPlainTextEdit* edit)
    {
        connect(edit, &QPlainTextEdit::textChanged, this, [this] { stale(); });
    }
    void watch(QSpinBox* box)
    {
        connect(box, &QSpinBox::valueChanged, this, [this] { stale(); });
    }
    void watch(QRadioButton* radio)
    {
        connect(radio, &QRadioButton::toggled, this, [this] { stale(); });
    }
    void watch(QComboBox* box)
    {
        connect(box, &QComboBox::currentIndexChanged, this, [this] { stale(); });
    }

    void showError(const QString& message)
    {
        result_->setResult(ResultLine::State::Error, tr("⚠ Invalid input: %1").arg(message));
    }

    // Reports a computation: `what` says what was computed; `checks` are the outputs that the loaded test
    // set publishes (empty when no set applies).
    void report(const QString& what, const std::vector<Check>& checks)
    {
        marked_.clear();
        for (const Check& c : checks)
            marked_.push_back(c.field);
        const crypto::TestSet* set = loadedSet();
        if (set == nullptr || checks.empty()) {
            result_->setResult(ResultLine::State::Neutral, what);
            return;
        }
        const QString cited = citation(*set);
        QStringList differing;
        QStringList details;
        for (const Check& c : checks) {
            if (c.field->check(c.expected))
                continue;
            QString item = c.field->name();
            if (c.expected.size() > 32)
                item += tr(" from octet %1 on").arg(firstDifferentOctet(c.field->value(), c.expected));
            differing << item + tr(" (expected %1)").arg(elideHex(c.expected));
            details << tr("%1: expected %2").arg(c.field->name(), c.expected);
        }
        if (differing.isEmpty()) {
            QStringList names;
            for (const Check& c : checks)
                names << c.field->name();
            const QString outputs =
                names.size() > 3 ? tr("all %1 outputs").arg(names.size())
                : names.size() == 1
                    ? names.front()
                    : tr("%1 and %2")
                          .arg(names.mid(0, names.size() - 1).join(QStringLiteral(", ")), names.back());
            result_->setResult(ResultLine::State::Match,
                               tr("✓ Matches %1: %2 as published.").arg(cited, outputs));
            return;
        }
        QString text = tr("✗ Differs from the published %1: ").arg(cited);
        if (differing.size() <= 2)
            text += differing.join(QStringLiteral("; "));
        else
            text += tr("%1 of %2 outputs (see the ✗ marks for the expected values)")
                        .arg(differing.size())
                        .arg(checks.size());
        text += QLatin1Char('.');
        if (inputs() != loadedInputs_)
            text += tr(" The inputs were edited after loading; choose the set again to restore them.");
        result_->setResult(ResultLine::State::Differ, text, details.join(QLatin1Char('\n')));
    }

private:
    void load(int comboIndex)
    {
        bool ok = false;
        const int index = combo_->itemData(comboIndex).toInt(&ok);
        if (!ok || index < 0 || static_cast<std::size_t>(index) >= sets_.size())
            return;
        const crypto::TestSet& set = sets_[static_cast<std::size_t>(index)];
        try {
            fill(set);
        } catch (const InvalidInput& e) {
            loaded_ = -1;
            result_->setResult(ResultLine::State::Error,
                               tr("⚠ Cannot load %1: %2")
                                   .arg(QString::fromStdString(set.name), QString::fromStdString(e.what())));
            return;
        }
        loaded_ = index;
        loadedInputs_ = inputs();
        compute();
    }

    void stale()
    {
        for (OutputField* f : marked_)
            f->clearMark(); // the marks were for the inputs before the change
        marked_.clear();
        result_->setResult(ResultLine::State::Neutral,
                           tr("Inputs changed: press Enter or Compute to recompute."));
    }

    std::vector<crypto::TestSet> sets_;
    QComboBox* combo_ = nullptr;
    ResultLine* result_ = nullptr;
    int loaded_ = -1;
    QStringList loadedInputs_;
    std::vector<OutputField*> marked_;
};

// ---------------------------------------------------------------------------------------------------------
// 128-EEA2 and 128-EIA2 (TS 33.401 Annex B.1.3, B.2.3) over the same inputs.
class CipherPage final : public LabPage {
public:
    explicit CipherPage(QWidget* parent)
        : LabPage(parent)
    {
        auto* layout = new QVBoxLayout(this);
        layout->addLayout(makeTestSetRow(
            QStringLiteral("cipherTestSet"), tr("Load official test set:"),
            tr("The test sets of TS 33.401 Annex C.1 (128-EEA2, sets 1-6) and C.2 (128-EIA2, sets 1-8): "
               "choosing one fills the fields, computes and compares with the published result.")));

        auto* inputs = new QGroupBox(tr("Inputs"), this);
        auto* form = formLayout();
        key_ =
            hexEdit(inputs, QStringLiteral("cipherKey"), tr("KEY"),
                    tr("The 128-bit key (KNASenc/KNASint, KRRCenc/KRRCint or KUPenc): 32 hex digits."), 32);
        count_ = numberEdit(inputs, QStringLiteral("cipherCount"), tr("COUNT"),
                            tr("COUNT, 32 bits in hex (NAS COUNT or PDCP COUNT), e.g. 398a59b4."), 8);
        bearer_ = new HexSpinBox(inputs);
        bearer_->setObjectName(QStringLiteral("cipherBearer"));
        bearer_->setRange(0, 0x1f);
        bearer_->setDisplayIntegerBase(16);
        bearer_->setPrefix(QStringLiteral("0x"));
        bearer_->setFont(hexFont());
        describe(bearer_, tr("BEARER"),
                 tr("BEARER, 5 bits in hex (0x00-0x1f): 0 for NAS, the radio bearer identity minus 1 for "
                    "PDCP."));
        direction_ = new QComboBox(inputs);
        direction_->setObjectName(QStringLiteral("cipherDirection"));
        direction_->addItem(tr("0: uplink"));
        direction_->addItem(tr("1: downlink"));
        describe(direction_, tr("DIRECTION"), tr("DIRECTION: 0 for uplink, 1 for downlink."));
        length_ = numberEdit(inputs, QStringLiteral("cipherLength"), tr("LENGTH"),
                             tr("LENGTH in bits (decimal, or hex with 0x): how many bits of DATA are "
                                "processed; DATA must hold at least that many, bits beyond are ignored."),
                             8);
        data_ = new QPlainTextEdit(inputs);
        data_->setObjectName(QStringLiteral("cipherData"));
        data_->setFont(hexFont());
        data_->setTabChangesFocus(true);
        data_->setWordWrapMode(QTextOption::WrapAnywhere);
        data_->setFixedHeight(data_->fontMetrics().lineSpacing() * 4 + 12);
        describe(data_, tr("DATA"),
                 tr("The plaintext (128-EEA2) or message (128-EIA2) in hex; spaces and line breaks are "
                    "ignored. Ctrl+Enter computes."));
        dataSize_ = new QLabel(inputs);
        dataSize_->setObjectName(QStringLiteral("cipherDataSize"));
        dataSize_->setAccessibleName(tr("DATA size"));

        form->addRow(tr("KEY (128 bits, hex):"), key_);
        form->addRow(tr("COUNT (32 bits, hex):"), count_);
        form->addRow(tr("BEARER (5 bits, hex):"), bearer_);
        form->addRow(tr("DIRECTION:"), direction_);
        form->addRow(tr("LENGTH (bits):"), length_);
        form->addRow(tr("DATA (hex):"), data_);
        form->addRow(QString(), dataSize_);
        inputs->setLayout(form);
        layout->addWidget(inputs);

        auto* buttons = new QHBoxLayout;
        eea2Button_ = button(this, QStringLiteral("eea2Compute"), tr("Compute &ciphertext (128-EEA2)"),
                             tr("Cipher the first LENGTH bits of DATA with 128-EEA2 (AES-128 in counter "
                                "mode)."));
        eia2Button_ =
            button(this, QStringLiteral("eia2Compute"), tr("Compute &MAC (128-EIA2)"),
                   tr("The 32-bit MAC of the first LENGTH bits of DATA with 128-EIA2 (AES-128-CMAC)."));
        buttons->addWidget(eea2Button_);
        buttons->addWidget(eia2Button_);
        buttons->addStretch(1);
        layout->addLayout(buttons);

        auto* outputs = new QGroupBox(tr("Results"), this);
        auto* out = formLayout();
        ciphertext_ =
            new OutputField(outputs, QStringLiteral("eea2Ciphertext"), tr("ciphertext"),
                            tr("The 128-EEA2 output: LENGTH bits, the bits beyond LENGTH in the last "
                               "octet set to zero."),
                            64, true);
        mac_ = new OutputField(outputs, QStringLiteral("eia2Mac"), tr("MAC"),
                               tr("The 128-EIA2 MAC (MAC-I, NAS-MAC): 32 bits."), 8);
        out->addRow(tr("Ciphertext:"), ciphertext_);
        mac_->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Preferred); // 8 digits need no full row
        out->addRow(tr("MAC:"), mac_);
        outputs->setLayout(out);
        layout->addWidget(outputs);
        layout->addWidget(makeResultLine(QStringLiteral("cipherResult")));
        layout->addStretch(1);

        readTestSets({QStringLiteral(":/testsets/eea2.vec"), QStringLiteral(":/testsets/eia2.vec")});

        connect(eea2Button_, &QPushButton::clicked, this, [this] { compute(Operation::Eea2); });
        connect(eia2Button_, &QPushButton::clicked, this, [this] { compute(Operation::Eia2); });
        connect(data_, &QPlainTextEdit::textChanged, this, [this] { updateDataSize(); });
        for (QLineEdit* e : {key_, count_, length_})
            watch(e);
        watch(data_);
        watch(bearer_);
        watch(direction_);
        updateDataSize();
    }

    void compute() override { compute(operation_); }

protected:
    [[nodiscard]] QStringList inputs() const override
    {
        return {canonical(key_->text()),           canonical(count_->text()),
                QString::number(bearer_->value()), QString::number(direction_->currentIndex()),
                withoutSpace(length_->text()),     canonical(data_->toPlainText())};
    }

    void fill(const crypto::TestSet& set) override
    {
        const bool isEea2 = set.hasField("Ciphertext");
        const QString message = QString::fromStdString(set.field(isEea2 ? "Plaintext" : "Message"));
        const auto bearer = parseHexUnsigned(set.field("Bearer"), "Bearer", 0x1f);
        const auto direction = parseUnsigned(set.field("Direction"), "Direction", 1);
        key_->setText(QString::fromStdString(set.field("Key")));
        count_->setText(QString::fromStdString(set.field("Count")));
        bearer_->setValue(static_cast<int>(bearer));
        direction_->setCurrentIndex(static_cast<int>(direction));
        length_->setText(QString::fromStdString(set.field("Length")));
        data_->setPlainText(message);
        (void)set.field(isEea2 ? "Ciphertext" : "Mac"); // the published result must be there
        operation_ = isEea2 ? Operation::Eea2 : Operation::Eia2;
    }

    [[nodiscard]] QString citation(const crypto::TestSet& set) const override
    {
        // "128-EEA2 test set 3" -> "TS 33.401 C.1 test set 3"
        const QString name = QString::fromStdString(set.name);
        const QString clause = set.hasField("Ciphertext") ? QStringLiteral("C.1") : QStringLiteral("C.2");
        return QStringLiteral("TS 33.401 %1 %2").arg(clause, name.mid(name.indexOf(QLatin1Char(' ')) + 1));
    }

    [[nodiscard]] QString comboText(const crypto::TestSet& set) const override
    {
        return tr("%1 (TS 33.401 %2)")
            .arg(QString::fromStdString(set.name),
                 set.hasField("Ciphertext") ? QStringLiteral("C.1") : QStringLiteral("C.2"));
    }

private:
    enum class Operation { Eea2, Eia2 };

    void compute(Operation operation)
    {
        operation_ = operation;
        ciphertext_->clear();
        mac_->clear();
        try {
            const Bytes key = fromHexExact(digitsOf(key_->text()), "KEY", 16);
            const crypto::AlgorithmInput input{
                static_cast<std::uint32_t>(parseHexUnsigned(digitsOf(count_->text()), "COUNT",
                                                            std::numeric_limits<std::uint32_t>::max())),
                static_cast<std::uint8_t>(bearer_->value()),
                direction_->currentIndex() == 1 ? crypto::Direction::Downlink : crypto::Direction::Uplink};
            const std::size_t length = static_cast<std::size_t>(parseUnsigned(
                digitsOf(length_->text()), "LENGTH", std::numeric_limits<std::uint32_t>::max()));
            const Bytes message = fromHex(digitsOf(data_->toPlainText()), "DATA");
            const crypto::TestSet* set = loadedSet();
            std::vector<Check> checks;
            if (operation == Operation::Eea2) {
                ciphertext_->setValue(hexString(crypto::eea2(key, input, message, length)));
                if (set != nullptr && set->hasField("Ciphertext"))
                    checks.push_back({ciphertext_, QString::fromStdString(set->field("Ciphertext"))});
                report(tr("Computed the 128-EEA2 ciphertext of %1 bits.").arg(length), checks);
            } else {
                mac_->setValue(hexString(crypto::eia2(key, input, message, length)));
                if (set != nullptr && set->hasField("Mac"))
                    checks.push_back({mac_, QString::fromStdString(set->field("Mac"))});
                report(tr("Computed the 128-EIA2 MAC of %1 bits.").arg(length), checks);
            }
        } catch (const InvalidInput& e) {
            showError(QString::fromStdString(e.what()));
        }
    }

    void updateDataSize()
    {
        const QString digits = canonical(data_->toPlainText());
        bool hex = digits.size() % 2 == 0;
        for (const QChar c : digits)
            hex = hex && QStringLiteral("0123456789abcdef").contains(c);
        if (digits.isEmpty())
            dataSize_->setText(tr("no data"));
        else if (hex)
            dataSize_->setText(tr("%1 octets = %2 bits").arg(digits.size() / 2).arg(digits.size() * 4));
        else
            dataSize_->setText(tr("not whole octets of hex digits yet"));
    }

    QLineEdit* key_ = nullptr;
    QLineEdit* count_ = nullptr;
    QSpinBox* bearer_ = nullptr;
    QComboBox* direction_ = nullptr;
    QLineEdit* length_ = nullptr;
    QPlainTextEdit* data_ = nullptr;
    QLabel* dataSize_ = nullptr;
    QPushButton* eea2Button_ = nullptr;
    QPushButton* eia2Button_ = nullptr;
    OutputField* ciphertext_ = nullptr;
    OutputField* mac_ = nullptr;
    Operation operation_ = Operation::Eea2;
};

// ---------------------------------------------------------------------------------------------------------
// MILENAGE f1-f5* and OPc (TS 35.206 clause 4), checked against TS 35.207/35.208.
class MilenagePage final : public LabPage {
public:
    explicit MilenagePage(QWidget* parent)
        : LabPage(parent)
    {
        auto* layout = new QVBoxLayout(this);
        layout->addLayout(makeTestSetRow(
            QStringLiteral("milenageTestSet"), tr("Load official test set:"),
            tr("The MILENAGE test sets 1-20 of TS 35.207 and TS 35.208: choosing one fills the fields, "
               "computes and compares every output with the published one.")));

        auto* inputs = new QGroupBox(tr("Inputs"), this);
        auto* form = formLayout();
        k_ = hexEdit(inputs, QStringLiteral("milenageK"), tr("K"),
                     tr("The subscriber key K: 128 bits, 32 hex digits."), 32);
        useOp_ = new QRadioButton(tr("OP"), inputs);
        useOp_->setObjectName(QStringLiteral("milenageUseOp"));
        describe(useOp_, tr("Give OP"),
                 tr("The operator variant algorithm configuration field OP: OPc is derived from it."));
        useOpc_ = new QRadioButton(tr("OPc"), inputs);
        useOpc_->setObjectName(QStringLiteral("milenageUseOpc"));
        describe(useOpc_, tr("Give OPc"), tr("OPc directly, as a USIM stores it (OPc = OP xor E_K(OP))."));
        auto* group = new QButtonGroup(this);
        group->addButton(useOp_);
        group->addButton(useOpc_);
        useOp_->setChecked(true);
        op_ = hexEdit(inputs, QStringLiteral("milenageOp"), tr("OP"), {}, 32);
        rand_ = hexEdit(inputs, QStringLiteral("milenageRand"), tr("RAND"),
                        tr("The random challenge RAND: 128 bits, 32 hex digits."), 32);
        sqn_ = numberEdit(inputs, QStringLiteral("milenageSqn"), tr("SQN"),
                          tr("The sequence number SQN: 48 bits, 12 hex digits."), 12);
        amf_ = numberEdit(inputs, QStringLiteral("milenageAmf"), tr("AMF"),
                          tr("The authentication management field AMF: 16 bits, 4 hex digits."), 4);

        auto* choice = new QHBoxLayout;
        choice->addWidget(useOp_);
        choice->addWidget(useOpc_);
        choice->addStretch(1);
        form->addRow(tr("K (128 bits, hex):"), k_);
        form->addRow(tr("Operator key given as:"), choice);
        opLabel_ = new QLabel(inputs);
        opLabel_->setBuddy(op_);
        form->addRow(opLabel_, op_);
        form->addRow(tr("RAND (128 bits, hex):"), rand_);
        form->addRow(tr("SQN (48 bits, hex):"), sqn_);
        form->addRow(tr("AMF (16 bits, hex):"), amf_);
        inputs->setLayout(form);
        layout->addWidget(inputs);

        auto* buttons = new QHBoxLayout;
        compute_ = button(this, QStringLiteral("milenageCompute"), tr("&Compute f1-f5*"),
                          tr("Run MILENAGE: OPc, then f1, f1*, f2, f3, f4, f5 and f5* for this challenge."));
        buttons->addWidget(compute_);
        buttons->addStretch(1);
        layout->addLayout(buttons);

        auto* outputs = new QGroupBox(tr("Results"), this);
        auto* out = formLayout();
        struct Output {
            const char* objectName;
            QString name;
            QString label;
            QString tip;
            int digits;
        };
        const std::array<Output, 8> specs = {{
            {"milenageOpc", tr("OPc"), tr("OPc:"), tr("OPc = OP xor E_K(OP), 128 bits."), 32},
            {"milenageF1", tr("f1"), tr("f1 (MAC-A):"),
             tr("f1: the network authentication code MAC-A (in AUTN)."), 16},
            {"milenageF1star", tr("f1*"), tr("f1* (MAC-S):"), tr("f1*: the re-synchronisation code MAC-S."),
             16},
            {"milenageF2", tr("f2"), tr("f2 (RES):"), tr("f2: the response RES / XRES, 64 bits."), 16},
            {"milenageF3", tr("f3"), tr("f3 (CK):"), tr("f3: the cipher key CK, 128 bits."), 32},
            {"milenageF4", tr("f4"), tr("f4 (IK):"), tr("f4: the integrity key IK, 128 bits."), 32},
            {"milenageF5", tr("f5"), tr("f5 (AK):"), tr("f5: the anonymity key AK, 48 bits."), 12},
            {"milenageF5star", tr("f5*"), tr("f5* (AK for resync):"),
             tr("f5*: the anonymity key for re-synchronisation, 48 bits."), 12},
        }};
        for (std::size_t i = 0; i < specs.size(); ++i) {
            outputs_[i] = new OutputField(outputs, QString::fromLatin1(specs[i].objectName), specs[i].name,
                                          specs[i].tip, specs[i].digits);
            out->addRow(specs[i].label, outputs_[i]);
        }
        outputs->setLayout(out);
        layout->addWidget(outputs);
        layout->addWidget(makeResultLine(QStringLiteral("milenageResult")));
        layout->addStretch(1);

        readTestSets({QStringLiteral(":/testsets/milenage.vec")});

        connect(compute_, &QPushButton::clicked, this, [this] { compute(); });
        connect(useOp_, &QRadioButton::toggled, this, [this] { updateOpField(); });
        for (QLineEdit* e : {k_, op_, rand_, sqn_, amf_})
            watch(e);
        watch(useOp_); // the value field changes meaning
        updateOpField();
    }

    void compute() override
    {
        for (OutputField* f : outputs_)
            f->clear();
        try {
            const bool isOp = useOp_->isChecked();
            const SecureBytes k = secretFromHexExact(digitsOf(k_->text()), "K", 16);
            const SecureBytes op = secretFromHexExact(digitsOf(op_->text()), isOp ? "OP" : "OPc", 16);
            const Bytes rand = fromHexExact(digitsOf(rand_->text()), "RAND", 16);
            const Bytes sqn = fromHexExact(digitsOf(sqn_->text()), "SQN", 6);
            const Bytes amf = fromHexExact(digitsOf(amf_->text()), "AMF", 2);
            const SecureBytes opc = isOp ? crypto::Milenage::computeOpc(k, op) : op;
            const crypto::MilenageOutput o = crypto::Milenage(k, opc).compute(rand, sqn, amf);
            const std::array<QString, 8> values = {hexString(opc),  hexString(o.f1),    hexString(o.f1star),
                                                   hexString(o.f2), hexString(o.f3),    hexString(o.f4),
                                                   hexString(o.f5), hexString(o.f5star)};
            for (std::size_t i = 0; i < values.size(); ++i)
                outputs_[i]->setValue(values[i]);
            std::vector<Check> checks;
            if (const crypto::TestSet* set = loadedSet()) {
                constexpr std::array<const char*, 8> kFields = {"OPc", "f1", "f1star", "f2",
                                                                "f3",  "f4", "f5",     "f5star"};
                for (std::size_t i = 0; i < kFields.size(); ++i)
                    checks.push_back({outputs_[i], QString::fromStdString(set->field(kFields[i]))});
            }
            report(tr("Computed OPc and f1-f5*."), checks);
        } catch (const InvalidInput& e) {
            showError(QString::fromStdString(e.what()));
        }
    }

protected:
    [[nodiscard]] QStringList inputs() const override
    {
        return {canonical(k_->text()),   useOp_->isChecked() ? QStringLiteral("OP") : QStringLiteral("OPc"),
                canonical(op_->text()),  canonical(rand_->text()),
                canonical(sqn_->text()), canonical(amf_->text())};
    }

    void fill(const crypto::TestSet& set) override
    {
        const QString k = QString::fromStdString(set.field("K"));
        const QString op = QString::fromStdString(set.field("OP"));
        const QString rand = QString::fromStdString(set.field("RAND"));
        const QString sqn = QString::fromStdString(set.field("SQN"));
        const QString amf = QString::fromStdString(set.field("AMF"));
        useOp_->setChecked(true);
        k_->setText(k);
        op_->setText(op);
        rand_->setText(rand);
        sqn_->setText(sqn);
        amf_->setText(amf);
    }

    [[nodiscard]] QString citation(const crypto::TestSet& set) const override
    {
        // "Milenage test set 7" -> "TS 35.207/35.208 test set 7"
        const QString name = QString::fromStdString(set.name);
        return QStringLiteral("TS 35.207/35.208 %1").arg(name.mid(name.indexOf(QLatin1Char(' ')) + 1));
    }

    [[nodiscard]] QString comboText(const crypto::TestSet& set) const override
    {
        return tr("%1 (TS 35.207/35.208)").arg(QString::fromStdString(set.name));
    }

private:
    void updateOpField()
    {
        const bool isOp = useOp_->isChecked();
        opLabel_->setText(isOp ? tr("OP (128 bits, hex):") : tr("OPc (128 bits, hex):"));
        describe(op_, isOp ? tr("OP") : tr("OPc"),
                 isOp ? tr("The operator variant algorithm configuration field OP: 128 bits, 32 hex digits.")
                      : tr("OPc, as stored on the USIM: 128 bits, 32 hex digits."));
    }

    QLineEdit* k_ = nullptr;
    QRadioButton* useOp_ = nullptr;
    QRadioButton* useOpc_ = nullptr;
    QLabel* opLabel_ = nullptr;
    QLineEdit* op_ = nullptr;
    QLineEdit* rand_ = nullptr;
    QLineEdit* sqn_ = nullptr;
    QLineEdit* amf_ = nullptr;
    QPushButton* compute_ = nullptr;
    std::array<OutputField*, 8> outputs_{};
};

// ---------------------------------------------------------------------------------------------------------
// The key derivations of TS 33.401 Annex A on the KDF of TS 33.220 B.2.0, checked against kdf.vec.
class KdfPage final : public LabPage {
public:
    explicit KdfPage(QWidget* parent)
        : LabPage(parent)
    {
        auto* layout = new QVBoxLayout(this);
        layout->addLayout(makeTestSetRow(
            QStringLiteral("kdfTestSet"), tr("Load test vector:"),
            tr("The key derivation vectors of tests/data/kdf.vec. 3GPP publishes no KDF test data; these are "
               "the srsRAN unit-test vectors, reproduced by independent code.")));

        auto* derivationRow = new QHBoxLayout;
        derivation_ = new QComboBox(this);
        derivation_->setObjectName(QStringLiteral("kdfDerivation"));
        derivation_->addItem(tr("KASME from CK, IK (A.2)"));
        derivation_->addItem(tr("KeNB from KASME (A.3)"));
        derivation_->addItem(tr("NH from KASME (A.4)"));
        derivation_->addItem(tr("KeNB* for handover (A.5)"));
        derivation_->addItem(tr("Algorithm key (A.7)"));
        describe(derivation_, tr("Derivation"), tr("Which key of TS 33.401 Annex A to derive."));
        auto* derivationLabel = new QLabel(tr("Derivation:"), this);
        derivationLabel->setBuddy(derivation_);
        derivationRow->addWidget(derivationLabel);
        derivationRow->addWidget(derivation_);
        derivationRow->addStretch(1);
        layout->addLayout(derivationRow);

        auto* inputs = new QGroupBox(tr("Inputs"), this);
        auto* inputsLayout = new QVBoxLayout(inputs);
        stack_ = new QStackedWidget(inputs);
        inputsLayout->addWidget(stack_);
        const QString key32 = tr("32 octets, 64 hex digits");

        auto* kasme = addPage();
        ck_ = hexEdit(kasme, QStringLiteral("kasmeCk"), tr("CK"),
                      tr("The cipher key CK (f3): 32 hex digits."), 32);
        ik_ = hexEdit(kasme, QStringLiteral("kasmeIk"), tr("IK"),
                      tr("The integrity key IK (f4): 32 hex digits."), 32);
        snId_ = numberEdit(kasme, QStringLiteral("kasmeSnId"), tr("SN id"),
                           tr("The serving network identity: the PLMN identity (MCC, MNC) coded as in "
                              "TS 24.301, 3 octets, e.g. 00f110 for MCC 001, MNC 01."),
                           6);
        sqnXorAk_ = numberEdit(kasme, QStringLiteral("kasmeSqnXorAk"), tr("SQN xor AK"),
                               tr("SQN xor AK, the first 6 octets of AUTN: 12 hex digits."), 12);
        pageForm(kasme)->addRow(tr("CK (128 bits, hex):"), ck_);
        pageForm(kasme)->addRow(tr("IK (128 bits, hex):"), ik_);
        pageForm(kasme)->addRow(tr("SN id (3 octets, hex):"), snId_);
        pageForm(kasme)->addRow(tr("SQN ⊕ AK (6 octets, hex):"), sqnXorAk_);

        auto* kenb = addPage();
        kenbKasme_ = hexEdit(kenb, QStringLiteral("kenbKasme"), tr("KASME"), tr("KASME: %1.").arg(key32), 64);
        kenbCount_ = numberEdit(kenb, QStringLiteral("kenbCount"), tr("Uplink NAS COUNT"),
                                tr("The uplink NAS COUNT of the Security Mode Complete or the TAU Request "
                                   "(decimal, or hex with 0x)."),
                                10);
        pageForm(kenb)->addRow(tr("KASME (256 bits, hex):"), kenbKasme_);
        pageForm(kenb)->addRow(tr("Uplink NAS COUNT:"), kenbCount_);

        auto* nh = addPage();
        nhKasme_ = hexEdit(nh, QStringLiteral("nhKasme"), tr("KASME"), tr("KASME: %1.").arg(key32), 64);
        nhSync_ = hexEdit(
            nh, QStringLiteral("nhSync"), tr("SYNC-input"),
            tr("SYNC-input: the initial KeNB for the first NH, then the previous NH; %1.").arg(key32), 64);
        pageForm(nh)->addRow(tr("KASME (256 bits, hex):"), nhKasme_);
        pageForm(nh)->addRow(tr("SYNC-input (256 bits, hex):"), nhSync_);

        auto* kenbStar = addPage();
        kenbStarKey_ =
            hexEdit(kenbStar, QStringLiteral("kenbStarKey"), tr("KeNB or NH"),
                    tr("The current KeNB (horizontal derivation) or NH (vertical): %1.").arg(key32), 64);
        pci_ = numberEdit(kenbStar, QStringLiteral("kenbStarPci"), tr("PCI"),
                          tr("The target physical cell identity, 0-503 (decimal, or hex with 0x)."), 6);
        earfcn_ = numberEdit(kenbStar, QStringLiteral("kenbStarEarfcn"), tr("EARFCN-DL"),
                             tr("The target downlink EARFCN, 0-262143 (decimal, or hex with 0x)."), 6);
        pageForm(kenbStar)->addRow(tr("KeNB or NH (256 bits, hex):"), kenbStarKey_);
        pageForm(kenbStar)->addRow(tr("PCI:"), pci_);
        pageForm(kenbStar)->addRow(tr("EARFCN-DL:"), earfcn_);

        auto* alg = addPage();
        algKey_ =
            hexEdit(alg, QStringLiteral("algKey"), tr("KASME or KeNB"),
                    tr("KASME for the NAS keys, KeNB for the RRC and user-plane keys: %1.").arg(key32), 64);
        algType_ = new QComboBox(alg);
        algType_->setObjectName(QStringLiteral("algType"));
        for (const auto type : {crypto::AlgorithmKeyType::NasEnc, crypto::AlgorithmKeyType::NasInt,
                                crypto::AlgorithmKeyType::RrcEnc, crypto::AlgorithmKeyType::RrcInt,
                                crypto::AlgorithmKeyType::UpEnc, crypto::AlgorithmKeyType::UpInt}) {
            algType_->addItem(tr("%1 (0x%2)")
                                  .arg(QString::fromUtf8(crypto::name(type)))
                                  .arg(static_cast<int>(type), 2, 16, QLatin1Char('0')),
                              static_cast<int>(type));
        }
        describe(algType_, tr("Algorithm type distinguisher"),
                 tr("The algorithm type distinguisher of TS 33.401 Table A.7-1."));
        algId_ = new QSpinBox(alg);
        algId_->setObjectName(QStringLiteral("algId"));
        algId_->setRange(0, 15);
        describe(algId_, tr("Algorithm identity"),
                 tr("The 4-bit algorithm identity: 0 EEA0/EIA0, 1 128-EEA1/EIA1, 2 128-EEA2/EIA2, "
                    "3 128-EEA3/EIA3."));
        pageForm(alg)->addRow(tr("KASME or KeNB (256 bits, hex):"), algKey_);
        pageForm(alg)->addRow(tr("Algorithm type:"), algType_);
        algName_ = new QLabel(alg);
        algName_->setObjectName(QStringLiteral("algName"));
        auto* idRow = new QHBoxLayout;
        idRow->addWidget(algId_);
        idRow->addWidget(algName_, 1);
        auto* idLabel = new QLabel(tr("Algorithm identity (0-15):"), alg);
        idLabel->setBuddy(algId_);
        pageForm(alg)->addRow(idLabel, idRow);
        layout->addWidget(inputs);

        auto* buttons = new QHBoxLayout;
        compute_ = button(this, QStringLiteral("kdfCompute"), tr("&Derive"),
                          tr("Run the key derivation function (HMAC-SHA-256) on the inputs above."));
        buttons->addWidget(compute_);
        buttons->addStretch(1);
        layout->addLayout(buttons);

        auto* outputs = new QGroupBox(tr("Results"), this);
        out_ = formLayout();
        inputString_ = new OutputField(outputs, QStringLiteral("kdfInputString"), tr("S"),
                                       tr("The KDF input string S = FC || P0 || L0 || P1 || L1 ..."), 64);
        output_ = new OutputField(outputs, QStringLiteral("kdfOutput"), tr("derived key"),
                                  tr("HMAC-SHA-256(key, S): 256 bits."), 64);
        algorithmKey_ =
            new OutputField(outputs, QStringLiteral("kdfAlgorithmKey"), tr("128-bit algorithm key"),
                            tr("The 128-bit algorithm key: the last 16 octets of the KDF output."), 32);
        outputLabel_ = new QLabel(outputs);
        out_->addRow(tr("Input string S:"), inputString_);
        out_->addRow(outputLabel_, output_);
        out_->addRow(tr("128-bit key:"), algorithmKey_);
        outputs->setLayout(out_);
        layout->addWidget(outputs);
        layout->addWidget(makeResultLine(QStringLiteral("kdfResult")));
        layout->addStretch(1);

        readTestSets({QStringLiteral(":/testsets/kdf.vec")});

        connect(compute_, &QPushButton::clicked, this, [this] { compute(); });
        connect(derivation_, &QComboBox::currentIndexChanged, this,
                [this](int index) { showDerivation(index); });
        for (QLineEdit* e : {ck_, ik_, snId_, sqnXorAk_, kenbKasme_, kenbCount_, nhKasme_, nhSync_,
                             kenbStarKey_, pci_, earfcn_, algKey_})
            watch(e);
        watch(derivation_);
        watch(algType_);
        watch(algId_);
        connect(algType_, &QComboBox::currentIndexChanged, this, [this] { updateAlgorithmName(); });
        connect(algId_, &QSpinBox::valueChanged, this, [this] { updateAlgorithmName(); });
        updateAlgorithmName();
        showDerivation(0);
    }

    void compute() override
    {
        inputString_->clear();
        output_->clear();
        algorithmKey_->clear();
        try {
            const Derivation d = derivation();
            SecureBytes key;
            Bytes s;
            switch (d) {
            case Derivation::Kasme: {
                const SecureBytes ck = secretFromHexExact(digitsOf(ck_->text()), "CK", 16);
                const SecureBytes ik = secretFromHexExact(digitsOf(ik_->text()), "IK", 16);
                const Bytes snId = fromHexExact(digitsOf(snId_->text()), "SN id", 3);
                const Bytes sqnXorAk = fromHexExact(digitsOf(sqnXorAk_->text()), "SQN xor AK", 6);
                s = crypto::kdfInputString(crypto::KdfFc::Kasme, {snId, sqnXorAk});
                key = crypto::deriveKasme(ck, ik, snId, sqnXorAk);
                break;
            }
            case Derivation::KeNB: {
                const SecureBytes kasme = secretFromHexExact(digitsOf(kenbKasme_->text()), "KASME", 32);
                const auto count =
                    static_cast<std::uint32_t>(parseUnsigned(digitsOf(kenbCount_->text()), "Uplink NAS COUNT",
                                                             std::numeric_limits<std::uint32_t>::max()));
                s = crypto::kdfInputString(crypto::KdfFc::KeNB, {bigEndian(count, 4)});
                key = crypto::deriveKeNB(kasme, count);
                break;
            }
            case Derivation::Nh: {
                const SecureBytes kasme = secretFromHexExact(digitsOf(nhKasme_->text()), "KASME", 32);
                const SecureBytes sync = secretFromHexExact(digitsOf(nhSync_->text()), "SYNC-input", 32);
                s = crypto::kdfInputString(crypto::KdfFc::Nh, {sync});
                key = crypto::deriveNh(kasme, sync);
                break;
            }
            case Derivation::KeNBStar: {
                const SecureBytes base = secretFromHexExact(digitsOf(kenbStarKey_->text()), "KeNB or NH", 32);
                const auto pci =
                    static_cast<std::uint16_t>(parseUnsigned(digitsOf(pci_->text()), "PCI", 503));
                const auto earfcn =
                    static_cast<std::uint32_t>(parseUnsigned(digitsOf(earfcn_->text()), "EARFCN-DL", 262143));
                // A.5: EARFCN-DL in 2 octets, or 3 above 65535 (as deriveKeNBStar codes it).
                s = crypto::kdfInputString(crypto::KdfFc::KeNBStar,
                                           {bigEndian(pci, 2), bigEndian(earfcn, earfcn > 0xffff ? 3 : 2)});
                key = crypto::deriveKeNBStar(base, pci, earfcn);
                break;
            }
            case Derivation::AlgorithmKey: {
                const SecureBytes base = secretFromHexExact(digitsOf(algKey_->text()), "KASME or KeNB", 32);
                const auto type = static_cast<crypto::AlgorithmKeyType>(algType_->currentData().toInt());
                const auto id = static_cast<std::uint8_t>(algId_->value());
                s = crypto::kdfInputString(crypto::KdfFc::AlgorithmKey,
                                           {Bytes{static_cast<std::uint8_t>(type)}, Bytes{id}});
                key = crypto::deriveAlgorithmKey256(base, type, id);
                algorithmKey_->setValue(hexString(crypto::deriveAlgorithmKey(base, type, id)));
                break;
            }
            }
            inputString_->setValue(hexString(s));
            output_->setValue(hexString(key));

            std::vector<Check> checks;
            const crypto::TestSet* set = loadedSet();
            if (set != nullptr && derivationOf(*set) == d) {
                const QString expected = QString::fromStdString(set->field("Expected"));
                checks.push_back({output_, expected});
                if (d == Derivation::AlgorithmKey)
                    checks.push_back({algorithmKey_, expected.right(32)});
                if (set->hasField("S"))
                    checks.push_back({inputString_, QString::fromStdString(set->field("S"))});
            }
            report(tr("Derived %1.").arg(output_->name()), checks);
        } catch (const InvalidInput& e) {
            showError(QString::fromStdString(e.what()));
        }
    }

protected:
    [[nodiscard]] QStringList inputs() const override
    {
        QStringList values{QString::number(derivation_->currentIndex())};
        for (QLineEdit* e : stack_->currentWidget()->findChildren<QLineEdit*>(Qt::FindDirectChildrenOnly))
            values << canonical(e->text());
        if (derivation() == Derivation::AlgorithmKey)
            values << QString::number(algType_->currentIndex()) << QString::number(algId_->value());
        return values;
    }

    void fill(const crypto::TestSet& set) override
    {
        const Derivation d = derivationOf(set);
        const auto text = [&set](const char* field) {
            return QString::fromStdString(set.field(field));
        };
        (void)set.field("Expected");
        switch (d) {
        case Derivation::Kasme:
            ck_->setText(text("CK"));
            ik_->setText(text("IK"));
            snId_->setText(text("SNid"));
            sqnXorAk_->setText(text("SQNxorAK"));
            break;
        case Derivation::KeNB:
            kenbKasme_->setText(text("Key"));
            kenbCount_->setText(text("Count"));
            break;
        case Derivation::Nh:
            nhKasme_->setText(text("Key"));
            nhSync_->setText(text("Sync"));
            break;
        case Derivation::KeNBStar:
            kenbStarKey_->setText(text("Key"));
            pci_->setText(text("PCI"));
            earfcn_->setText(text("EARFCN"));
            break;
        case Derivation::AlgorithmKey: {
            const auto type = crypto::parseAlgorithmKeyType(set.field("Type"));
            if (!type)
                throw InvalidInput("unknown algorithm type " + set.field("Type"));
            const auto id = parseUnsigned(set.field("Alg"), "Alg", 15);
            algKey_->setText(text("Key"));
            algType_->setCurrentIndex(algType_->findData(static_cast<int>(*type)));
            algId_->setValue(static_cast<int>(id));
            break;
        }
        }
        derivation_->setCurrentIndex(static_cast<int>(d));
    }

    [[nodiscard]] QString citation(const crypto::TestSet& set) const override
    {
        return tr("test vector “%1” (srsRAN unit tests)").arg(QString::fromStdString(set.name));
    }

private:
    enum class Derivation { Kasme, KeNB, Nh, KeNBStar, AlgorithmKey };

    [[nodiscard]] Derivation derivation() const
    {
        return static_cast<Derivation>(derivation_->currentIndex());
    }

    static Derivation derivationOf(const crypto::TestSet& set)
    {
        const std::string function = set.field("Function");
        if (function == "kasme")
            return Derivation::Kasme;
        if (function == "kenb")
            return Derivation::KeNB;
        if (function == "nh")
            return Derivation::Nh;
        if (function == "kenbstar")
            return Derivation::KeNBStar;
        if (function == "alg")
            return Derivation::AlgorithmKey;
        throw InvalidInput("unknown Function " + function);
    }

    static Bytes bigEndian(std::uint32_t value, std::size_t octets)
    {
        Bytes out(octets);
        for (std::size_t i = 0; i < octets; ++i)
            out[octets - 1 - i] = static_cast<std::uint8_t>(value >> (8 * i));
        return out;
    }

    // The algorithm the identity names for this key type: "128-EEA2" for an encryption key of identity 2.
    void updateAlgorithmName()
    {
        const int id = algId_->value();
        const auto type = static_cast<crypto::AlgorithmKeyType>(algType_->currentData().toInt());
        const bool ciphering = type == crypto::AlgorithmKeyType::NasEnc ||
                               type == crypto::AlgorithmKeyType::RrcEnc ||
                               type == crypto::AlgorithmKeyType::UpEnc;
        if (id > 3) {
            algName_->setText(tr("(reserved identity)"));
            return;
        }
        const auto value = static_cast<std::uint8_t>(id);
        algName_->setText(
            QString::fromUtf8(ciphering ? crypto::name(static_cast<crypto::CipheringAlgorithm>(value))
                                        : crypto::name(static_cast<crypto::IntegrityAlgorithm>(value))));
    }

    QWidget* addPage()
    {
        auto* page = new QWidget(stack_);
        auto* form = formLayout();
        form->setContentsMargins(0, 0, 0, 0);
        page->setLayout(form);
        stack_->addWidget(page);
        return page;
    }
    static QFormLayout* pageForm(QWidget* page) { return static_cast<QFormLayout*>(page->layout()); }

    void showDerivation(int index)
    {
        stack_->setCurrentIndex(index);
        const std::array<QString, 5> kNames = {tr("KASME"), tr("KeNB"), tr("NH"), tr("KeNB*"),
                                               tr("KDF output")};
        const auto i = static_cast<std::size_t>(index);
        outputLabel_->setText(tr("%1 (256 bits):").arg(kNames.at(i)));
        output_->setName(kNames.at(i));
        out_->setRowVisible(algorithmKey_, derivation() == Derivation::AlgorithmKey);
        inputString_->clear();
        output_->clear();
        algorithmKey_->clear();
    }

    QComboBox* derivation_ = nullptr;
    QStackedWidget* stack_ = nullptr;
    QLineEdit* ck_ = nullptr;
    QLineEdit* ik_ = nullptr;
    QLineEdit* snId_ = nullptr;
    QLineEdit* sqnXorAk_ = nullptr;
    QLineEdit* kenbKasme_ = nullptr;
    QLineEdit* kenbCount_ = nullptr;
    QLineEdit* nhKasme_ = nullptr;
    QLineEdit* nhSync_ = nullptr;
    QLineEdit* kenbStarKey_ = nullptr;
    QLineEdit* pci_ = nullptr;
    QLineEdit* earfcn_ = nullptr;
    QLineEdit* algKey_ = nullptr;
    QComboBox* algType_ = nullptr;
    QSpinBox* algId_ = nullptr;
    QLabel* algName_ = nullptr;
    QPushButton* compute_ = nullptr;
    QFormLayout* out_ = nullptr;
    QLabel* outputLabel_ = nullptr;
    OutputField* inputString_ = nullptr;
    OutputField* output_ = nullptr;
    OutputField* algorithmKey_ = nullptr;
};

} // namespace

// ---------------------------------------------------------------------------------------------------------

CryptoLabDialog::CryptoLabDialog(QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("cryptoLab"));
    setWindowTitle(tr("Crypto lab"));
    setAccessibleName(tr("Crypto lab"));
    auto* layout = new QVBoxLayout(this);
    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("cryptoLabTabs"));
    describe(
        tabs_, tr("Calculators"),
        tr("128-EEA2 / 128-EIA2, MILENAGE and the TS 33.401 Annex A key derivations (Ctrl+Tab switches)."));
    tabs_->addTab(new CipherPage(tabs_), tr("EEA2 / EIA2"));
    tabs_->setTabToolTip(
        0, tr("128-EEA2 ciphering and 128-EIA2 integrity (TS 33.401 Annex B, test sets C.1, C.2)"));
    tabs_->addTab(new MilenagePage(tabs_), tr("Milenage"));
    tabs_->setTabToolTip(1, tr("MILENAGE f1-f5* (TS 35.206, test sets of TS 35.207/35.208)"));
    tabs_->addTab(new KdfPage(tabs_), tr("Key derivation (TS 33.401 Annex A)"));
    tabs_->setTabToolTip(2, tr("KASME, KeNB, NH, KeNB* and the algorithm keys (TS 33.401 Annex A)"));
    layout->addWidget(tabs_);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* close = buttons->button(QDialogButtonBox::Close);
    describe(close, tr("Close"), tr("Close the crypto lab (Esc)."));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    auto* computeShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    connect(computeShortcut, &QShortcut::activated, this, &CryptoLabDialog::computeCurrentTab);
    auto* computeShortcutKeypad = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Enter), this);
    connect(computeShortcutKeypad, &QShortcut::activated, this, &CryptoLabDialog::computeCurrentTab);
}

void CryptoLabDialog::keyPressEvent(QKeyEvent* event)
{
    // Reached by Enter in a single-line field (which passes it on) or on a control that does not use it:
    // compute, instead of QDialog's default-button handling (which could close the dialog).
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        (event->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier) {
        computeCurrentTab();
        event->accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

void CryptoLabDialog::computeCurrentTab()
{
    if (auto* page = dynamic_cast<LabPage*>(tabs_->currentWidget()))
        page->compute();
}

} // namespace mtcsec::ui
