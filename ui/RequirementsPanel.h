// R1-R4 live: a verdict badge (met / violated / not exercised, readable without colour), the evidence, and
// the requirement's wording from the contribution as a tooltip.
#pragma once

#include "core/engine/RunSummary.h"

#include <QWidget>

#include <array>

class QLabel;

namespace mtcsec::ui {

class RequirementsPanel : public QWidget {
    Q_OBJECT
public:
    explicit RequirementsPanel(QWidget* parent = nullptr);
    void setRequirements(const std::array<engine::RequirementResult, 4>& requirements);
    [[nodiscard]] QLabel* badge(int index) const { return badges_[static_cast<std::size_t>(index)]; }
    [[nodiscard]] QLabel* evidence(int index) const { return evidence_[static_cast<std::size_t>(index)]; }

private:
    std::array<QLabel*, 4> badges_{};
    std::array<QLabel*, 4> evidence_{};
    std::array<std::string, 4> shown_{};
};

} // namespace mtcsec::ui
