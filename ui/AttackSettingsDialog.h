// The settings of one placed attacker: which messages, which direction, rate, start and stop, replay delay.
#pragma once

#include "core/scenario/Scenario.h"

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QCheckBox;

namespace mtcsec::ui {

class AttackSettingsDialog : public QDialog {
    Q_OBJECT
public:
    AttackSettingsDialog(const AttackSpec& spec, QWidget* parent = nullptr);
    [[nodiscard]] AttackSpec spec() const;

private:
    AttackSpec spec_;
    QComboBox* messages_;
    QComboBox* direction_;
    QDoubleSpinBox* rate_;
    QDoubleSpinBox* start_;
    QCheckBox* hasStop_;
    QDoubleSpinBox* stop_;
    QDoubleSpinBox* delay_;
};

} // namespace mtcsec::ui
