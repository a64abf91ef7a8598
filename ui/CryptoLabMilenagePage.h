// The crypto lab's MILENAGE calculator (TS 35.206; test sets of TS 35.207/35.208).
#pragma once

class QWidget;

namespace mtcsec::ui::cryptolab {

class LabPage;

// The tab: K, OP or OPc, RAND, SQN, AMF; the eight outputs checked against the test sets.
[[nodiscard]] LabPage* makeMilenagePage(QWidget* parent);

} // namespace mtcsec::ui::cryptolab
