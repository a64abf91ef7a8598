// The devices of the group on the canvas: index, IMSI and IP address, listed lazily so that a million fit.
#pragma once

#include "core/scenario/Scenario.h"

#include <QDialog>

namespace mtcsec::ui {

class DevicesDialog : public QDialog {
    Q_OBJECT
public:
    DevicesDialog(const Scenario& scenario, QWidget* parent = nullptr);
};

} // namespace mtcsec::ui
