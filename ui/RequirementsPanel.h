// R1-R4 live: a verdict badge for the whole run (met / violated / not exercised, readable without colour; a
// "met" that cost genuine messages says how many were lost), a second badge for what happened since the last
// protection change (so the effect of a fix shows without a Reset), the evidence, and the requirement's
// wording from the contribution as a tooltip.
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
    // Shows the summary's verdicts: whole run, and since its last protection change if there was one.
    void setSummary(const engine::RunSummary& summary);
    // Predict mode: while hidden every badge reads "?" in neutral grey and the evidence is empty; showing
    // again brings back the verdicts of the latest summary.
    void setVerdictsHidden(bool hidden);
    [[nodiscard]] QLabel* badge(int index) const { return badges_[static_cast<std::size_t>(index)]; }
    // The verdict since the last protection change (hidden while the protection never changed).
    [[nodiscard]] QLabel* sinceBadge(int index) const { return since_[static_cast<std::size_t>(index)]; }
    [[nodiscard]] QLabel* evidence(int index) const { return evidence_[static_cast<std::size_t>(index)]; }

private:
    std::array<QLabel*, 4> badges_{};
    std::array<QLabel*, 4> evidence_{};
    std::array<QLabel*, 4> since_{};
    std::array<std::string, 4> shown_{};
    engine::RunSummary latest_;
    bool hidden_ = false;
};

} // namespace mtcsec::ui
