// The crypto lab (PRODUCT.md section 5): calculators over the core's real 128-EEA1/2/3 and 128-EIA1/2/3
// (SNOW 3G, AES, ZUC: TS 33.401 Annex B), MILENAGE (TS 35.206) and the key derivations of TS 33.401 Annex A,
// with the published test sets (TS 33.401 Annex C, the ETSI/SAGE UEA2/UIA2 and EEA3/EIA3 test data,
// TS 35.207/35.208, tests/data/kdf.vec) compiled in as
// resources under ":/testsets/". Choosing a test set fills the fields, computes, and a result line says,
// with a glyph and in words, whether the result matches the published value.
//
// Object names, for tests and for accessibility tools: the tab widget "cryptoLabTabs"; on each tab a test set
// combo "<tab>TestSet" and a result line "<tab>Result", with <tab> one of "cipher", "milenage", "kdf"; the
// fields and outputs are named after what they hold ("cipherAlgorithm", "cipherKey", "eeaCiphertext",
// "milenageF1star", "kdfOutput", ...; see CryptoLabDialog.cpp), an output's ✓/✗ mark is its name followed by
// "Check".
#pragma once

#include <QDialog>

class QTabWidget;

namespace mtcsec::ui {

class CryptoLabDialog : public QDialog {
    Q_OBJECT
public:
    explicit CryptoLabDialog(QWidget* parent = nullptr);

protected:
    // Enter or Return in any single-line field (Ctrl+Enter anywhere) recomputes on the current tab.
    void keyPressEvent(QKeyEvent* event) override;

private:
    void computeCurrentTab();

    QTabWidget* tabs_ = nullptr;
};

} // namespace mtcsec::ui
