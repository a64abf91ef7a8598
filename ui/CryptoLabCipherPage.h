// The crypto lab's 128-EEA2 / 128-EIA2 calculator (TS 33.401 Annex B.1.3, B.2.3; test sets of Annex C.1,
// C.2).
#pragma once

class QWidget;

namespace mtcsec::ui::cryptolab {

class LabPage;

// The tab: KEY, COUNT, BEARER, DIRECTION, LENGTH and DATA; ciphertext and MAC checked against the test sets.
[[nodiscard]] LabPage* makeCipherPage(QWidget* parent);

} // namespace mtcsec::ui::cryptolab
