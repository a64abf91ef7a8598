// The crypto lab's key derivation calculator (TS 33.401 Annex A on the KDF of TS 33.220 B.2.0; kdf.vec).
#pragma once

class QWidget;

namespace mtcsec::ui::cryptolab {

class LabPage;

// The tab: the derivation, its inputs, the KDF input string S and the output, checked against kdf.vec.
[[nodiscard]] LabPage* makeKdfPage(QWidget* parent);

} // namespace mtcsec::ui::cryptolab
