// The attack palette: one entry per attack kind, dragged onto a link or node of the canvas; for the keyboard,
// a target list and a Place button do the same.
#pragma once

#include "core/scenario/Scenario.h"

#include <QListWidget>
#include <QWidget>

class QComboBox;
class QPushButton;

namespace mtcsec::ui {

class AttackKindList : public QListWidget {
    Q_OBJECT
public:
    explicit AttackKindList(QWidget* parent = nullptr);
    [[nodiscard]] std::optional<AttackKind> currentKind() const;

protected:
    void startDrag(Qt::DropActions supportedActions) override;
};

class AttackPalette : public QWidget {
    Q_OBJECT
public:
    explicit AttackPalette(QWidget* parent = nullptr);
    AttackKindList* kinds() const { return kinds_; }
    QComboBox* target() const { return target_; }
    QPushButton* placeButton() const { return place_; }

signals:
    // link or node is -1 when absent (the same convention as TopologyScene::attackRequested).
    void placeRequested(int kind, int link, int node);

private:
    void refreshTargets();

    AttackKindList* kinds_;
    QComboBox* target_;
    QPushButton* place_;
};

// What an attack kind does, in one sentence (tooltips, the palette).
[[nodiscard]] QString attackKindDescription(AttackKind kind);

} // namespace mtcsec::ui
