// The protection panel: every switch of PRODUCT.md section 3 (NAS, AS, NDS/IP per backhaul link, the three
// end-to-end switches). It shows the protection in force and reports edits; it never applies them itself.
// "3GPP on" and "All off" come first, so that they are in view on a small screen; the wheel over a drop-down
// that does not have the focus scrolls the panel instead of changing the algorithm.
#pragma once

#include "core/scenario/Scenario.h"

#include <QWidget>

#include <array>

class QCheckBox;
class QComboBox;
class QPushButton;

namespace mtcsec::ui {

class ProtectionPanel : public QWidget {
    Q_OBJECT
public:
    explicit ProtectionPanel(QWidget* parent = nullptr);
    // Shows `protection` without emitting protectionEdited.
    void setProtection(const Protection& protection);
    [[nodiscard]] const Protection& protection() const { return shown_; }

    QComboBox* nasIntegrity() const { return nasIntegrity_; }
    QComboBox* nasCiphering() const { return nasCiphering_; }
    QComboBox* rrcIntegrity() const { return rrcIntegrity_; }
    QComboBox* rrcCiphering() const { return rrcCiphering_; }
    QComboBox* upCiphering() const { return upCiphering_; }
    QCheckBox* nds(Link link) const { return nds_[static_cast<std::size_t>(link)]; }
    QComboBox* appPreset() const { return appPreset_; }
    QCheckBox* appConfidentiality() const { return appConfidentiality_; }
    QCheckBox* appIntegrity() const { return appIntegrity_; }
    QCheckBox* appReplay() const { return appReplay_; }
    QPushButton* allOnButton() const { return allOn_; }
    QPushButton* allOffButton() const { return allOff_; }

signals:
    // The user changed a switch: the whole new protection and a short description of the change.
    void protectionEdited(const mtcsec::Protection& protection, const QString& what);

private:
    void edited(const QString& what);
    Protection fromWidgets() const;

    Protection shown_;
    bool updating_ = false;
    QComboBox* nasIntegrity_;
    QComboBox* nasCiphering_;
    QComboBox* rrcIntegrity_;
    QComboBox* rrcCiphering_;
    QComboBox* upCiphering_;
    std::array<QCheckBox*, kLinkCount> nds_{};
    QComboBox* appPreset_;
    QCheckBox* appConfidentiality_;
    QCheckBox* appIntegrity_;
    QCheckBox* appReplay_;
    QPushButton* allOn_;
    QPushButton* allOff_;
};

// Makes the wheel over `widget` (a drop-down, a spin box) do nothing unless it has the keyboard focus: the
// event goes on to the parent, so that a scrolling panel scrolls. Clicking the widget focuses it.
void ignoreWheelUnlessFocused(QWidget* widget);

} // namespace mtcsec::ui
