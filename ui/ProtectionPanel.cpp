// The protection switches.
#include "ui/ProtectionPanel.h"

#include "ui/ElidingComboBox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace mtcsec::ui {
namespace {

QComboBox* integrityCombo(QWidget* parent, const QString& accessible)
{
    auto* c = new ElidingComboBox(parent);
    c->addItem(QObject::tr("EIA0 (none)"), 0);
    c->addItem(QObject::tr("128-EIA1 (SNOW 3G)"), 1);
    c->addItem(QObject::tr("128-EIA2 (AES-CMAC)"), 2);
    c->addItem(QObject::tr("128-EIA3 (ZUC)"), 3);
    c->setAccessibleName(accessible);
    c->setToolTip(accessible);
    // Its minimum may be narrower than its longest item, so that the panel fits a narrow dock; the form puts
    // it under its label (algorithmForm), where it has the dock's whole width, and narrower still it elides.
    c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    c->setMinimumContentsLength(8);
    return c;
}

QComboBox* cipheringCombo(QWidget* parent, const QString& accessible)
{
    auto* c = new ElidingComboBox(parent);
    c->addItem(QObject::tr("EEA0 (none)"), 0);
    c->addItem(QObject::tr("128-EEA1 (SNOW 3G)"), 1);
    c->addItem(QObject::tr("128-EEA2 (AES-CTR)"), 2);
    c->addItem(QObject::tr("128-EEA3 (ZUC)"), 3);
    c->setAccessibleName(accessible);
    c->setToolTip(accessible);
    c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    c->setMinimumContentsLength(8);
    return c;
}

// A form whose fields (the algorithm and mode drop-downs) sit under their labels and take the group's whole
// width: "128-EIA2 (AES-CMAC)" and "aead (AES-GCM + replay window)" read whole in the dock's default width in
// English and in German, whose labels ("RRC-Verschlüsselung") would leave a field beside them too little.
QFormLayout* algorithmForm(QWidget* box)
{
    auto* form = new QFormLayout(box);
    form->setRowWrapPolicy(QFormLayout::WrapAllRows);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    return form;
}

void select(QComboBox* c, int value)
{
    c->setCurrentIndex(std::max(0, c->findData(value)));
}

class WheelGuard : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        auto* w = qobject_cast<QWidget*>(watched);
        if (event->type() != QEvent::Wheel || w == nullptr || w->hasFocus())
            return false;
        // Ignored and filtered: Qt hands the event on to the parent widgets (the scroll area).
        event->ignore();
        return true;
    }
};

} // namespace

void ignoreWheelUnlessFocused(QWidget* widget)
{
    widget->setFocusPolicy(Qt::StrongFocus);
    widget->installEventFilter(new WheelGuard(widget));
}

ProtectionPanel::ProtectionPanel(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("protectionPanel"));
    auto* layout = new QVBoxLayout(this);
    // Narrow side margins: the scroll bar and the group boxes' frames already set the panel off, and the
    // drop-downs get the width.
    const QMargins margins = layout->contentsMargins();
    layout->setContentsMargins(4, margins.top(), 4, margins.bottom());

    // The two one-click settings first: in view without scrolling.
    auto* buttons = new QHBoxLayout;
    allOn_ = new QPushButton(tr("&3GPP on"), this);
    allOn_->setObjectName(QStringLiteral("allOn"));
    allOn_->setToolTip(tr("NAS and AS with 128-EIA2/128-EEA2, NDS/IP on S1-MME, S1-U, S6a and S5"));
    allOff_ = new QPushButton(tr("All o&ff"), this);
    allOff_->setObjectName(QStringLiteral("allOff"));
    allOff_->setToolTip(tr("Switch every protection off"));
    buttons->addWidget(allOn_);
    buttons->addWidget(allOff_);
    layout->addLayout(buttons);

    auto* nas = new QGroupBox(tr("NAS security (device ↔ MME)"), this);
    auto* nasForm = algorithmForm(nas);
    nasIntegrity_ = integrityCombo(nas, tr("NAS integrity algorithm"));
    nasCiphering_ = cipheringCombo(nas, tr("NAS ciphering algorithm"));
    nasForm->addRow(tr("&Integrity"), nasIntegrity_);
    nasForm->addRow(tr("&Ciphering"), nasCiphering_);
    layout->addWidget(nas);

    auto* as = new QGroupBox(tr("AS security (device ↔ eNB)"), this);
    auto* asForm = algorithmForm(as);
    rrcIntegrity_ = integrityCombo(as, tr("RRC integrity algorithm"));
    rrcCiphering_ = cipheringCombo(as, tr("RRC ciphering algorithm"));
    upCiphering_ = cipheringCombo(as, tr("User-plane ciphering algorithm"));
    asForm->addRow(tr("RRC inte&grity"), rrcIntegrity_);
    asForm->addRow(tr("RRC cip&hering"), rrcCiphering_);
    asForm->addRow(tr("&User plane"), upCiphering_);
    layout->addWidget(as);

    auto* ndsBox = new QGroupBox(tr("NDS/IP per backhaul link"), this);
    ndsBox->setToolTip(tr("NDS/IP: IPsec ESP with AES-GCM, per backhaul link"));
    auto* ndsLayout = new QVBoxLayout(ndsBox);
    for (const Link link : kBackhaulLinks) {
        const QString n = QString::fromUtf8(name(link).data());
        auto* box = new QCheckBox(n, ndsBox);
        box->setAccessibleName(tr("NDS/IP on %1").arg(n));
        box->setToolTip(tr("Protect %1 with IPsec ESP (confidentiality, integrity, anti-replay)").arg(n));
        box->setObjectName(QStringLiteral("nds-") + n);
        nds_[static_cast<std::size_t>(link)] = box;
        ndsLayout->addWidget(box);
        connect(box, &QCheckBox::toggled, this, [this, n](bool on) {
            edited(on ? tr("NDS/IP on %1").arg(n) : tr("NDS/IP off on %1").arg(n));
        });
    }
    layout->addWidget(ndsBox);

    auto* app = new QGroupBox(tr("End-to-end (device ↔ server)"), this);
    auto* appForm = algorithmForm(app);
    appPreset_ = new ElidingComboBox(app);
    appPreset_->addItem(tr("none"), QStringLiteral("none"));
    appPreset_->addItem(tr("integrity (MAC, no freshness)"), QStringLiteral("integrity"));
    appPreset_->addItem(tr("aead (AES-GCM + replay window)"), QStringLiteral("aead"));
    appPreset_->addItem(tr("oscore (RFC 8613, AES-CCM)"), QStringLiteral("oscore"));
    appPreset_->addItem(tr("dtls (DTLS 1.2 PSK, AES-CCM-8)"), QStringLiteral("dtls"));
    appPreset_->addItem(tr("custom"), QStringLiteral("custom"));
    appPreset_->setAccessibleName(tr("End-to-end protection"));
    appPreset_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    appPreset_->setMinimumContentsLength(8);
    // Under its label with the group's whole width (algorithmForm); in a dock narrower still it elides, and
    // the tooltip names the mode whole.
    appPreset_->setToolTip(appPreset_->currentText());
    connect(appPreset_, &QComboBox::currentIndexChanged, appPreset_,
            [box = appPreset_] { box->setToolTip(box->currentText()); });
    appConfidentiality_ = new QCheckBox(tr("C&onfidentiality (encryption)"), app);
    appIntegrity_ = new QCheckBox(tr("I&ntegrity (MAC or AEAD tag)"), app);
    appReplay_ = new QCheckBox(tr("&Replay protection (window)"), app);
    appForm->addRow(tr("&Mode"), appPreset_);
    appForm->addRow(appConfidentiality_);
    appForm->addRow(appIntegrity_);
    appForm->addRow(appReplay_);
    layout->addWidget(app);

    layout->addStretch(1);

    for (QComboBox* c :
         {nasIntegrity_, nasCiphering_, rrcIntegrity_, rrcCiphering_, upCiphering_, appPreset_})
        ignoreWheelUnlessFocused(c);
    for (QComboBox* c : {nasIntegrity_, nasCiphering_, rrcIntegrity_, rrcCiphering_, upCiphering_}) {
        connect(c, &QComboBox::currentIndexChanged, this,
                [this, c] { edited(tr("%1: %2").arg(c->accessibleName(), c->currentText())); });
    }
    connect(appPreset_, &QComboBox::currentIndexChanged, this, [this] {
        if (updating_)
            return;
        const auto preset = mtcsec::appPreset(appPreset_->currentData().toString().toStdString());
        if (!preset)
            return; // "custom" is chosen by the switches, not here
        updating_ = true;
        appConfidentiality_->setChecked(preset->confidentiality);
        appIntegrity_->setChecked(preset->integrity);
        appReplay_->setChecked(preset->replayProtection);
        updating_ = false;
        edited(tr("End-to-end: %1").arg(appPreset_->currentText()));
    });
    for (QCheckBox* b : {appConfidentiality_, appIntegrity_, appReplay_}) {
        connect(b, &QCheckBox::toggled, this, [this, b](bool on) {
            edited(tr("End-to-end %1 %2").arg(b->text().remove(QLatin1Char('&')), on ? tr("on") : tr("off")));
        });
    }
    connect(allOn_, &QPushButton::clicked, this, [this] {
        const Protection p = threeGppOn(shown_);
        if (!(p == shown_))
            emit protectionEdited(p, tr("3GPP on"));
    });
    connect(allOff_, &QPushButton::clicked, this, [this] {
        if (!(Protection{} == shown_))
            emit protectionEdited(Protection{}, tr("All protections off"));
    });
    setProtection(Protection{});
}

Protection ProtectionPanel::fromWidgets() const
{
    // Over what is shown: the scenario's priority lists stay in force while their first choice does
    // (isPriorityListOf, Scenario.h).
    Protection p = shown_;
    p.nas.integrity = static_cast<crypto::IntegrityAlgorithm>(nasIntegrity_->currentData().toInt());
    p.nas.ciphering = static_cast<crypto::CipheringAlgorithm>(nasCiphering_->currentData().toInt());
    p.as.rrcIntegrity = static_cast<crypto::IntegrityAlgorithm>(rrcIntegrity_->currentData().toInt());
    p.as.rrcCiphering = static_cast<crypto::CipheringAlgorithm>(rrcCiphering_->currentData().toInt());
    p.as.upCiphering = static_cast<crypto::CipheringAlgorithm>(upCiphering_->currentData().toInt());
    for (const Link link : kBackhaulLinks)
        p.setNds(link, nds(link)->isChecked());
    p.app = {appConfidentiality_->isChecked(), appIntegrity_->isChecked(), appReplay_->isChecked()};
    // OSCORE is chosen in the mode box and needs all three switches (unchecking one leaves it: custom).
    p.app.oscore = appPreset_->currentData().toString() == QLatin1String("oscore") && p.app.confidentiality &&
                   p.app.integrity && p.app.replayProtection;
    // dtls is chosen in the mode list (it gives all three); a switch turned off leaves it.
    p.app.dtls =
        appPreset_->currentData().toString() == QLatin1String("dtls") && p.app == mtcsec::appPreset("aead");
    return p;
}

void ProtectionPanel::edited(const QString& what)
{
    if (updating_)
        return;
    const Protection p = fromWidgets();
    if (p == shown_)
        return;
    // Show the state in force until the change comes back from the engine.
    emit protectionEdited(p, what);
}

void ProtectionPanel::setProtection(const Protection& p)
{
    updating_ = true;
    shown_ = p;
    select(nasIntegrity_, static_cast<int>(p.nas.integrity));
    select(nasCiphering_, static_cast<int>(p.nas.ciphering));
    select(rrcIntegrity_, static_cast<int>(p.as.rrcIntegrity));
    select(rrcCiphering_, static_cast<int>(p.as.rrcCiphering));
    select(upCiphering_, static_cast<int>(p.as.upCiphering));
    for (const Link link : kBackhaulLinks)
        nds(link)->setChecked(p.ndsOn(link));
    appConfidentiality_->setChecked(p.app.confidentiality);
    appIntegrity_->setChecked(p.app.integrity);
    appReplay_->setChecked(p.app.replayProtection);
    appPreset_->setCurrentIndex(
        std::max(0, appPreset_->findData(QString::fromStdString(appProtectionName(p.app)))));
    updating_ = false;
}

} // namespace mtcsec::ui
