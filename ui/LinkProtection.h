// What protects each link and the end-to-end path, in the three visual levels of PRODUCT.md section 5
// (confidentiality and integrity: solid with a closed lock; integrity only: dashed with a shield; nothing:
// thin and dotted with an open lock; confidentiality alone: dash-dot with a lock marked "no integrity"), and
// the short label that names what is in force ("Uu: RRC EIA2+EEA2, UP EEA2 (no integrity)"). The Uu segment
// is drawn for its user data, which never has integrity in LTE (TS 33.401 5.1.3.2).
#pragma once

#include "core/scenario/Scenario.h"

#include <QString>

#include <vector>

namespace mtcsec::ui {

enum class ProtectionLevel { None, IntegrityOnly, ConfidentialityOnly, Both };

struct SegmentProtection {
    ProtectionLevel level = ProtectionLevel::None;
    QString label;       // "S1-U: NDS/IP (ESP AES-128-GCM)"
    QString description; // a sentence for tooltips and screen readers
};

// `groups`: the UE security capabilities of each device group (empty: one group with every algorithm). The
// Uu and NAS labels name what the eNB and the MME select for them from their priority lists (TS 33.401
// 7.2.4.2, 7.2.4.3), every distinct choice once ("Uu: RRC EIA2+EEA2 | EIA1+EEA1, UP EEA2 | EEA1"; "none" for
// a group nothing fits); a segment is drawn at the weakest level any group gets.
[[nodiscard]] SegmentProtection linkProtection(Link link, const Protection& protection,
                                               const std::vector<UeCapabilities>& groups = {});
[[nodiscard]] SegmentProtection applicationProtection(const AppProtection& app);
[[nodiscard]] SegmentProtection nasProtection(const NasProtection& nas,
                                              const std::vector<UeCapabilities>& groups = {});
[[nodiscard]] QString levelName(ProtectionLevel level); // "confidentiality and integrity", ...

} // namespace mtcsec::ui
