// The crypto lab's key derivation calculator (TS 33.401 Annex A on the KDF of TS 33.220 B.2.0; kdf.vec).
#include "ui/CryptoLabKdfPage.h"

#include "core/crypto/Hex.h"
#include "core/crypto/Kdf.h"
#include "core/crypto/KeyHierarchy.h"
#include "core/crypto/SecurityAlgorithms.h"
#include "ui/CryptoLabPage.h"

#include <QButtonGroup>
#include <QCoreApplication>
#include <QFormLayout>
#include <QGroupBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <array>
#include <limits>

namespace mtcsec::ui::cryptolab {
namespace {

// ---------------------------------------------------------------------------------------------------------
// The key derivations of TS 33.401 Annex A on the KDF of TS 33.220 B.2.0, checked against kdf.vec.
class KdfPage final : public LabPage {
    Q_DECLARE_TR_FUNCTIONS(mtcsec::ui::cryptolab::KdfPage)

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

LabPage* makeKdfPage(QWidget* parent)
{
    return new KdfPage(parent);
}

} // namespace mtcsec::ui::cryptolab
