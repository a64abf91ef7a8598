// The crypto lab's EEA / EIA calculator: 128-EEA1/EIA1 (SNOW 3G, TS 33.401 B.1.2/B.2.2), 128-EEA2/EIA2 (AES,
// B.1.3/B.2.3) and 128-EEA3/EIA3 (ZUC, B.1.4/B.2.4), with their official test sets.
#include "ui/CryptoLabCipherPage.h"

#include "core/crypto/Eea1.h"
#include "core/crypto/Eea2.h"
#include "core/crypto/Eea3.h"
#include "core/crypto/Eia1.h"
#include "core/crypto/Eia2.h"
#include "core/crypto/Eia3.h"
#include "core/crypto/Hex.h"
#include "ui/CryptoLabPage.h"

#include <QCoreApplication>
#include <QFormLayout>
#include <QGroupBox>
#include <QPushButton>
#include <QVBoxLayout>

#include <array>
#include <limits>

namespace mtcsec::ui::cryptolab {
namespace {

// One family of EPS algorithms: its ciphering and integrity algorithm and where their test sets are
// published.
struct Family {
    const char* label;     // in the algorithm combo
    const char* eea;       // "128-EEA1"
    const char* eia;       // "128-EIA1"
    const char* eeaDetail; // what the ciphering algorithm is, for the button's tooltip
    const char* eiaDetail;
    const char* eeaSource; // where the ciphering test sets are published
    const char* eiaSource;
    Bytes (*cipher)(ByteView, const crypto::AlgorithmInput&, ByteView, std::size_t);
    crypto::Mac (*mac)(ByteView, const crypto::AlgorithmInput&, ByteView, std::size_t);
};

// In the order of the algorithm identities (TS 33.401 5.1.3.2, 5.1.4.2): index = identity - 1.
const std::array<Family, 3> kFamilies = {{
    {"SNOW 3G: 128-EEA1 / 128-EIA1", "128-EEA1", "128-EIA1", "SNOW 3G, UEA2", "SNOW 3G, UIA2",
     "UEA2 & UIA2 Document 3 clause 4", "TS 33.401 C.4", &crypto::eea1, &crypto::eia1},
    {"AES: 128-EEA2 / 128-EIA2", "128-EEA2", "128-EIA2", "AES-128 in counter mode", "AES-128-CMAC",
     "TS 33.401 C.1", "TS 33.401 C.2", &crypto::eea2, &crypto::eia2},
    {"ZUC: 128-EEA3 / 128-EIA3", "128-EEA3", "128-EIA3", "ZUC", "ZUC", "EEA3 & EIA3 Document 3 clause 4",
     "EEA3 & EIA3 Document 3 clause 5", &crypto::eea3, &crypto::eia3},
}};
constexpr int kAes = 1; // the default family

// The family of a test set, from its name: "128-EEA1 (UEA2) test set 3" -> 0.
int familyOf(const crypto::TestSet& set)
{
    const std::string& name = set.name;
    if (name.size() > 7 && name.starts_with("128-E") && name[7] >= '1' && name[7] <= '3')
        return name[7] - '1';
    throw InvalidInput("test set \"" + name + "\" names no algorithm 128-EEA1-3 or 128-EIA1-3");
}

// "128-EEA1 (UEA2) test set 3" -> "test set 3".
QString setNumber(const crypto::TestSet& set)
{
    const QString name = QString::fromStdString(set.name);
    const qsizetype at = name.indexOf(QLatin1String("test set"));
    return at >= 0 ? name.mid(at) : name;
}

// ---------------------------------------------------------------------------------------------------------
// 128-EEA2 and 128-EIA2 (TS 33.401 Annex B.1.3, B.2.3) over the same inputs.
class CipherPage final : public LabPage {
    Q_DECLARE_TR_FUNCTIONS(mtcsec::ui::cryptolab::CipherPage)

public:
    explicit CipherPage(QWidget* parent)
        : LabPage(parent)
    {
        auto* layout = new QVBoxLayout(this);
        layout->addLayout(makeTestSetRow(
            QStringLiteral("cipherTestSet"), tr("Load official test set:"),
            tr("The official test sets: 128-EEA1 (the UEA2 sets 1-5 of ETSI/SAGE UEA2 & UIA2 Document 3) and "
               "128-EIA1 (TS 33.401 C.4, sets 1-7); 128-EEA2 (C.1, sets 1-6) and 128-EIA2 (C.2, sets 1-8); "
               "128-EEA3 and 128-EIA3 (ETSI/SAGE EEA3 & EIA3 Document 3, sets 1-5 each). Choosing one "
               "selects its algorithm, fills the fields, computes and compares with the published result.")));

        auto* inputs = new QGroupBox(tr("Inputs"), this);
        auto* form = formLayout();
        family_ = new QComboBox(inputs);
        family_->setObjectName(QStringLiteral("cipherAlgorithm"));
        for (const Family& f : kFamilies)
            family_->addItem(QString::fromLatin1(f.label));
        family_->setCurrentIndex(kAes);
        describe(family_, tr("Algorithms"),
                 tr("The algorithm family: SNOW 3G (128-EEA1/EIA1), AES (128-EEA2/EIA2) or ZUC "
                    "(128-EEA3/EIA3)."));
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
                 tr("The plaintext (EEA) or message (EIA) in hex; spaces and line breaks are ignored. "
                    "Ctrl+Enter computes."));
        dataSize_ = new QLabel(inputs);
        dataSize_->setObjectName(QStringLiteral("cipherDataSize"));
        dataSize_->setAccessibleName(tr("DATA size"));

        form->addRow(tr("&Algorithms:"), family_);
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
        eeaButton_ = button(this, QStringLiteral("eeaCompute"), QString(), QString());
        eiaButton_ = button(this, QStringLiteral("eiaCompute"), QString(), QString());
        buttons->addWidget(eeaButton_);
        buttons->addWidget(eiaButton_);
        buttons->addStretch(1);
        layout->addLayout(buttons);

        auto* outputs = new QGroupBox(tr("Results"), this);
        auto* out = formLayout();
        ciphertext_ =
            new OutputField(outputs, QStringLiteral("eeaCiphertext"), tr("ciphertext"),
                            tr("The ciphering output: LENGTH bits, the bits beyond LENGTH in the last "
                               "octet set to zero."),
                            64, true);
        mac_ = new OutputField(outputs, QStringLiteral("eiaMac"), tr("MAC"),
                               tr("The integrity output (MAC-I, NAS-MAC): 32 bits."), 8);
        out->addRow(tr("Ciphertext:"), ciphertext_);
        mac_->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Preferred); // 8 digits need no full row
        out->addRow(tr("MAC:"), mac_);
        outputs->setLayout(out);
        layout->addWidget(outputs);
        layout->addWidget(makeResultLine(QStringLiteral("cipherResult")));
        layout->addStretch(1);

        readTestSets({QStringLiteral(":/testsets/eea1.vec"), QStringLiteral(":/testsets/eia1.vec"),
                      QStringLiteral(":/testsets/eea2.vec"), QStringLiteral(":/testsets/eia2.vec"),
                      QStringLiteral(":/testsets/eea3.vec"), QStringLiteral(":/testsets/eia3.vec")});

        connect(eeaButton_, &QPushButton::clicked, this, [this] { compute(Operation::Eea); });
        connect(eiaButton_, &QPushButton::clicked, this, [this] { compute(Operation::Eia); });
        connect(family_, &QComboBox::currentIndexChanged, this, [this] { updateButtons(); });
        connect(data_, &QPlainTextEdit::textChanged, this, [this] { updateDataSize(); });
        for (QLineEdit* e : {key_, count_, length_})
            watch(e);
        watch(data_);
        watch(bearer_);
        watch(direction_);
        watch(family_);
        updateDataSize();
        updateButtons();
    }

    void compute() override { compute(operation_); }

protected:
    [[nodiscard]] QStringList inputs() const override
    {
        return {QString::number(family_->currentIndex()),
                canonical(key_->text()),
                canonical(count_->text()),
                QString::number(bearer_->value()),
                QString::number(direction_->currentIndex()),
                withoutSpace(length_->text()),
                canonical(data_->toPlainText())};
    }

    void fill(const crypto::TestSet& set) override
    {
        const bool isEea = set.hasField("Ciphertext");
        const int family = familyOf(set);
        const QString message = QString::fromStdString(set.field(isEea ? "Plaintext" : "Message"));
        const auto bearer = parseHexUnsigned(set.field("Bearer"), "Bearer", 0x1f);
        const auto direction = parseUnsigned(set.field("Direction"), "Direction", 1);
        family_->setCurrentIndex(family);
        key_->setText(QString::fromStdString(set.field("Key")));
        count_->setText(QString::fromStdString(set.field("Count")));
        bearer_->setValue(static_cast<int>(bearer));
        direction_->setCurrentIndex(static_cast<int>(direction));
        length_->setText(QString::fromStdString(set.field("Length")));
        data_->setPlainText(message);
        (void)set.field(isEea ? "Ciphertext" : "Mac"); // the published result must be there
        operation_ = isEea ? Operation::Eea : Operation::Eia;
    }

    [[nodiscard]] QString citation(const crypto::TestSet& set) const override
    {
        // "128-EEA2 test set 3" -> "TS 33.401 C.1 test set 3"
        return QStringLiteral("%1 %2").arg(source(set), setNumber(set));
    }

    [[nodiscard]] QString comboText(const crypto::TestSet& set) const override
    {
        return tr("%1 (%2)").arg(QString::fromStdString(set.name), source(set));
    }

private:
    enum class Operation { Eea, Eia };

    // Where a set is published: "TS 33.401 C.1", "EEA3 & EIA3 Document 3 clause 5", ...
    [[nodiscard]] static QString source(const crypto::TestSet& set)
    {
        const Family& f = kFamilies.at(static_cast<std::size_t>(familyOf(set)));
        return QString::fromLatin1(set.hasField("Ciphertext") ? f.eeaSource : f.eiaSource);
    }

    [[nodiscard]] const Family& family() const
    {
        return kFamilies.at(static_cast<std::size_t>(std::max(0, family_->currentIndex())));
    }

    // The buttons name the algorithms of the chosen family.
    void updateButtons()
    {
        const Family& f = family();
        const QString eea = QString::fromLatin1(f.eea);
        const QString eia = QString::fromLatin1(f.eia);
        eeaButton_->setText(tr("Compute &ciphertext (%1)").arg(eea));
        describe(eeaButton_, tr("Compute ciphertext (%1)").arg(eea),
                 tr("Cipher the first LENGTH bits of DATA with %1 (%2).")
                     .arg(eea, QString::fromLatin1(f.eeaDetail)));
        eiaButton_->setText(tr("Compute &MAC (%1)").arg(eia));
        describe(eiaButton_, tr("Compute MAC (%1)").arg(eia),
                 tr("The 32-bit MAC of the first LENGTH bits of DATA with %1 (%2).")
                     .arg(eia, QString::fromLatin1(f.eiaDetail)));
    }

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
            const Family& f = family();
            // A loaded set is checked only while its own algorithm is chosen.
            const bool sameFamily =
                set != nullptr && &kFamilies.at(static_cast<std::size_t>(familyOf(*set))) == &f;
            if (operation == Operation::Eea) {
                ciphertext_->setValue(hexString(f.cipher(key, input, message, length)));
                if (sameFamily && set->hasField("Ciphertext"))
                    checks.push_back({ciphertext_, QString::fromStdString(set->field("Ciphertext"))});
                report(
                    tr("Computed the %1 ciphertext of %2 bits.").arg(QString::fromLatin1(f.eea)).arg(length),
                    checks);
            } else {
                mac_->setValue(hexString(f.mac(key, input, message, length)));
                if (sameFamily && set->hasField("Mac"))
                    checks.push_back({mac_, QString::fromStdString(set->field("Mac"))});
                report(tr("Computed the %1 MAC of %2 bits.").arg(QString::fromLatin1(f.eia)).arg(length),
                       checks);
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

    QComboBox* family_ = nullptr;
    QLineEdit* key_ = nullptr;
    QLineEdit* count_ = nullptr;
    QSpinBox* bearer_ = nullptr;
    QComboBox* direction_ = nullptr;
    QLineEdit* length_ = nullptr;
    QPlainTextEdit* data_ = nullptr;
    QLabel* dataSize_ = nullptr;
    QPushButton* eeaButton_ = nullptr;
    QPushButton* eiaButton_ = nullptr;
    OutputField* ciphertext_ = nullptr;
    OutputField* mac_ = nullptr;
    Operation operation_ = Operation::Eea;
};

} // namespace

LabPage* makeCipherPage(QWidget* parent)
{
    return new CipherPage(parent);
}

} // namespace mtcsec::ui::cryptolab
