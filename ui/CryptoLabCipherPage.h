// The crypto lab's EEA / EIA calculator: 128-EEA1/EIA1 (SNOW 3G), 128-EEA2/EIA2 (AES) and 128-EEA3/EIA3 (ZUC)
// (TS 33.401 Annex B.1.2-B.1.4, B.2.2-B.2.4) with their official test sets.
#pragma once

class QWidget;

namespace mtcsec::ui::cryptolab {

class LabPage;

// The tab: the algorithm family, KEY, COUNT, BEARER, DIRECTION, LENGTH and DATA; ciphertext and MAC checked
// against the test sets.
[[nodiscard]] LabPage* makeCipherPage(QWidget* parent);

} // namespace mtcsec::ui::cryptolab
