// The base of the crypto lab's calculators: the test sets read from the resources, the combo that loads them,
// the result line and the comparison of outputs with the published values.
#pragma once

#include "core/InvalidInput.h"
#include "core/crypto/TestSets.h"
#include "ui/CryptoLabWidgets.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFile>
#include <QRadioButton>

#include <vector>

namespace mtcsec::ui::cryptolab {

// ---------------------------------------------------------------------------------------------------------
// What the three calculators share: the test sets read from the resources, the combo that loads them, the
// result line and the comparison of outputs with the published values.
class LabPage : public QWidget {
    Q_DECLARE_TR_FUNCTIONS(mtcsec::ui::cryptolab::LabPage)

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

} // namespace mtcsec::ui::cryptolab
