// The About dialog.
#include "ui/AboutDialog.h"

#include "core/crypto/Primitives.h"
#include "mtcsec/Version.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>

namespace mtcsec::ui {

AboutDialog::AboutDialog(QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About %1").arg(QString::fromUtf8(kDisplayName)));
    auto* layout = new QVBoxLayout(this);
    auto* label = new QLabel(aboutText(), this);
    label->setObjectName(QStringLiteral("aboutText"));
    label->setTextFormat(Qt::RichText);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    layout->addWidget(label);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QString AboutDialog::aboutText()
{
    return tr("<h3>%1 %2</h3>"
              "<p>Machine-Type Communication security over LTE, live and with real cryptography:<br>"
              "NAS, AS, NDS/IP and end-to-end application security, attacks and the four requirements.</p>"
              "<p>Licence: GNU General Public License, version 3 or later.</p>"
              "<p>Built with Qt %3 (running %4) and %5.</p>")
        .arg(QString::fromUtf8(kDisplayName), QString::fromUtf8(kVersion), QStringLiteral(QT_VERSION_STR),
             QString::fromUtf8(qVersion()), QString::fromStdString(crypto::backendVersion()));
}

} // namespace mtcsec::ui
