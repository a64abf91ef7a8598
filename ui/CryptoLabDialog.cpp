// The crypto lab: three calculators over the core's crypto facade (TS 33.401 Annex A and B, TS 35.206) and
// the published test sets they are checked against (TS 33.401 Annex C, TS 35.207/35.208, kdf.vec). Each
// calculator is a tab in its own file (CryptoLab*Page); this file assembles them.
#include "ui/CryptoLabDialog.h"

#include "ui/CryptoLabCipherPage.h"
#include "ui/CryptoLabKdfPage.h"
#include "ui/CryptoLabMilenagePage.h"
#include "ui/CryptoLabPage.h"

#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QPushButton>
#include <QShortcut>
#include <QTabWidget>
#include <QVBoxLayout>

namespace mtcsec::ui {

using namespace cryptolab;

CryptoLabDialog::CryptoLabDialog(QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("cryptoLab"));
    setWindowTitle(tr("Crypto lab"));
    setAccessibleName(tr("Crypto lab"));
    auto* layout = new QVBoxLayout(this);
    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("cryptoLabTabs"));
    describe(tabs_, tr("Calculators"),
             tr("128-EEA1/2/3 / 128-EIA1/2/3, MILENAGE and the TS 33.401 Annex A key derivations (Ctrl+Tab "
                "switches)."));
    tabs_->addTab(makeCipherPage(tabs_), tr("EEA / EIA"));
    tabs_->setTabToolTip(
        0, tr("128-EEA1/2/3 ciphering and 128-EIA1/2/3 integrity: SNOW 3G, AES and ZUC (TS 33.401 Annex B, "
              "their official test sets)"));
    tabs_->addTab(makeMilenagePage(tabs_), tr("Milenage"));
    tabs_->setTabToolTip(1, tr("MILENAGE f1-f5* (TS 35.206, test sets of TS 35.207/35.208)"));
    tabs_->addTab(makeKdfPage(tabs_), tr("Key derivation (TS 33.401 Annex A)"));
    tabs_->setTabToolTip(2, tr("KASME, KeNB, NH, KeNB* and the algorithm keys (TS 33.401 Annex A)"));
    layout->addWidget(tabs_);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* close = buttons->button(QDialogButtonBox::Close);
    describe(close, tr("Close"), tr("Close the crypto lab (Esc)."));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    auto* computeShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    connect(computeShortcut, &QShortcut::activated, this, &CryptoLabDialog::computeCurrentTab);
    auto* computeShortcutKeypad = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Enter), this);
    connect(computeShortcutKeypad, &QShortcut::activated, this, &CryptoLabDialog::computeCurrentTab);
}

void CryptoLabDialog::keyPressEvent(QKeyEvent* event)
{
    // Reached by Enter in a single-line field (which passes it on) or on a control that does not use it:
    // compute, instead of QDialog's default-button handling (which could close the dialog).
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        (event->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier) {
        computeCurrentTab();
        event->accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

void CryptoLabDialog::computeCurrentTab()
{
    if (auto* page = dynamic_cast<LabPage*>(tabs_->currentWidget()))
        page->compute();
}

} // namespace mtcsec::ui
