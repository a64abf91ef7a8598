// The crypto lab's MILENAGE calculator (TS 35.206; test sets of TS 35.207/35.208).
#include "ui/CryptoLabMilenagePage.h"

#include "core/crypto/Hex.h"
#include "core/crypto/Milenage.h"
#include "ui/CryptoLabPage.h"

#include <QButtonGroup>
#include <QCoreApplication>
#include <QFormLayout>
#include <QGroupBox>
#include <QPushButton>
#include <QVBoxLayout>

#include <array>

namespace mtcsec::ui::cryptolab {
namespace {

// ---------------------------------------------------------------------------------------------------------
// MILENAGE f1-f5* and OPc (TS 35.206 clause 4), checked against TS 35.207/35.208.
class MilenagePage final : public LabPage {
    Q_DECLARE_TR_FUNCTIONS(mtcsec::ui::cryptolab::MilenagePage)

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

} // namespace

LabPage* makeMilenagePage(QWidget* parent)
{
    return new MilenagePage(parent);
}

} // namespace mtcsec::ui::cryptolab
