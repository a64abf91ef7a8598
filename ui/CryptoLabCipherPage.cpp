// The crypto lab's 128-EEA2 / 128-EIA2 calculator (TS 33.401 Annex B.1.3, B.2.3; test sets of Annex C.1,
// C.2).
#include "ui/CryptoLabCipherPage.h"

#include "core/crypto/Eea2.h"
#include "core/crypto/Eia2.h"
#include "core/crypto/Hex.h"
#include "ui/CryptoLabPage.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QPushButton>
#include <QVBoxLayout>

#include <limits>

namespace mtcsec::ui::cryptolab {
namespace {

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

} // namespace

LabPage* makeCipherPage(QWidget* parent)
{
    return new CipherPage(parent);
}

} // namespace mtcsec::ui::cryptolab
