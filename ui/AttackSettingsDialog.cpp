// Attacker settings.
#include "ui/AttackSettingsDialog.h"

#include "ui/EvidenceText.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>

namespace mtcsec::ui {

AttackSettingsDialog::AttackSettingsDialog(const AttackSpec& spec, QWidget* parent)
    : QDialog(parent)
    , spec_(spec)
{
    setWindowTitle(tr("Attacker %1").arg(QString::fromStdString(spec.id)));
    auto* form = new QFormLayout(this);
    form->addRow(tr("Kind"), new QLabel(termText(name(spec.kind)), this));
    form->addRow(tr("Target"), new QLabel(QString::fromStdString(spec.target()), this));
    messages_ = new QComboBox(this);
    for (const MessageFilter f : {MessageFilter::All, MessageFilter::Data, MessageFilter::Signalling})
        messages_->addItem(termText(name(f)), static_cast<int>(f));
    messages_->setCurrentIndex(messages_->findData(static_cast<int>(spec.messages)));
    direction_ = new QComboBox(this);
    for (const DirectionFilter f :
         {DirectionFilter::Both, DirectionFilter::Uplink, DirectionFilter::Downlink})
        direction_->addItem(termText(name(f)), static_cast<int>(f));
    direction_->setCurrentIndex(direction_->findData(static_cast<int>(spec.direction)));
    rate_ = new QDoubleSpinBox(this);
    if (spec.kind == AttackKind::Inject) {
        rate_->setRange(0.01, 1000);
        rate_->setSuffix(tr(" per s"));
    } else {
        rate_->setRange(0.01, 1.0);
        rate_->setSingleStep(0.05);
    }
    rate_->setValue(spec.rate);
    start_ = new QDoubleSpinBox(this);
    start_->setRange(0, 86400);
    start_->setSuffix(tr(" s"));
    start_->setValue(spec.startS);
    hasStop_ = new QCheckBox(tr("Stop at"), this);
    stop_ = new QDoubleSpinBox(this);
    stop_->setRange(0.01, 86400);
    stop_->setSuffix(tr(" s"));
    hasStop_->setChecked(spec.stopS.has_value());
    stop_->setValue(spec.stopS.value_or(spec.startS + 30));
    stop_->setEnabled(hasStop_->isChecked());
    connect(hasStop_, &QCheckBox::toggled, stop_, &QWidget::setEnabled);
    delay_ = new QDoubleSpinBox(this);
    delay_->setRange(0.01, 3600);
    delay_->setSuffix(tr(" s"));
    delay_->setValue(spec.replayDelayS);
    delay_->setEnabled(spec.kind == AttackKind::Replay);
    form->addRow(tr("&Messages"), messages_);
    form->addRow(tr("&Direction"), direction_);
    form->addRow(spec.kind == AttackKind::Inject ? tr("&Rate") : tr("&Probability"), rate_);
    form->addRow(tr("S&tart"), start_);
    form->addRow(hasStop_, stop_);
    form->addRow(tr("Replay &delay"), delay_);
    messages_->setAccessibleName(tr("Messages"));
    direction_->setAccessibleName(tr("Direction"));
    rate_->setAccessibleName(spec.kind == AttackKind::Inject ? tr("Rate") : tr("Probability"));
    start_->setAccessibleName(tr("Start"));
    stop_->setAccessibleName(tr("Stop"));
    delay_->setAccessibleName(tr("Replay delay"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (hasStop_->isChecked() && stop_->value() <= start_->value()) {
            stop_->setFocus();
            stop_->setToolTip(tr("The stop time must come after the start"));
            return;
        }
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

AttackSpec AttackSettingsDialog::spec() const
{
    AttackSpec s = spec_;
    s.messages = static_cast<MessageFilter>(messages_->currentData().toInt());
    s.direction = static_cast<DirectionFilter>(direction_->currentData().toInt());
    s.rate = rate_->value();
    s.startS = start_->value();
    s.stopS = hasStop_->isChecked() ? std::optional<double>(stop_->value()) : std::nullopt;
    s.replayDelayS = delay_->value();
    return s;
}

} // namespace mtcsec::ui
