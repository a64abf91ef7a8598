// What protects each link and the end-to-end path, in the three visual levels of PRODUCT.md section 5
// (confidentiality and integrity: solid with a closed lock; integrity only: dashed with a shield; nothing:
// thin and dotted with an open lock; confidentiality alone: dash-dot with a lock marked "no integrity"), and
// the short label that names what is in force ("Uu: RRC EIA2+EEA2, UP EEA2 (no integrity)"). The Uu segment
// is drawn for its user data, which never has integrity in LTE (TS 33.401 5.1.3.2).
#pragma once

#include "core/scenario/Scenario.h"

#include <QString>

namespace mtcsec::ui {

enum class ProtectionLevel { None, IntegrityOnly, ConfidentialityOnly, Both };

struct SegmentProtection {
    ProtectionLevel level = ProtectionLevel::None;
    QString label;       // "S1-U: NDS/IP (ESP AES-128-GCM)"
    QString description; // a sentence for tooltips and screen readers
};

[[nodiscard]] SegmentProtection linkProtection(Link link, const Protection& protection);
[[nodiscard]] SegmentProtection applicationProtection(const AppProtection& app);
[[nodiscard]] SegmentProtection nasProtection(const NasProtection& nas);
[[nodiscard]] QString levelName(ProtectionLevel level); // "confidentiality and integrity", ...

} // namespace mtcsec::ui
