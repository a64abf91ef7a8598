// The message inspector.
#include "ui/InspectorPanel.h"

#include "ui/FixedFont.h"
#include "ui/QtText.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace mtcsec::ui {
namespace {

QString findingHtml(const engine::Finding& f, bool attacker)
{
    QString html;
    QStringList layers = QString::fromStdString(f.layers).split(QStringLiteral(" / "), Qt::SkipEmptyParts);
    html += QStringLiteral("<b>%1</b><ol style='margin:0'>").arg(QObject::tr("Layers"));
    for (const QString& l : layers)
        html += QStringLiteral("<li>%1</li>").arg(l.toHtmlEscaped());
    html += QStringLiteral("</ol>");
    if (f.secrets != 0)
        html += QStringLiteral("<p><b>%1</b> %2</p>")
                    .arg(attacker ? QObject::tr("✗ Reads:") : QObject::tr("Reads:"),
                         QString::fromStdString(f.content).toHtmlEscaped());
    else if (!f.content.empty())
        html += QStringLiteral("<p>%1 %2</p>")
                    .arg(QObject::tr("Reads:"), QString::fromStdString(f.content).toHtmlEscaped());
    if (f.ciphertext)
        html += QStringLiteral("<p><b>%1</b></p>")
                    .arg(attacker ? QObject::tr("✓ Ciphertext: nothing more to read")
                                  : QObject::tr("Still protected end to end beyond this point"));
    if (layers.isEmpty() && f.content.empty())
        html += QStringLiteral("<p>%1</p>").arg(QObject::tr("Nothing recognisable."));
    return html;
}

QPlainTextEdit* hexBox(QWidget* parent, const QString& accessible)
{
    auto* e = new QPlainTextEdit(parent);
    e->setReadOnly(true);
    e->setFont(fixedFont());
    e->setLineWrapMode(QPlainTextEdit::NoWrap);
    e->setAccessibleName(accessible);
    e->setMinimumHeight(90);
    return e;
}

} // namespace

InspectorPanel::InspectorPanel(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("inspectorPanel"));
    auto* layout = new QVBoxLayout(this);
    header_ = new QLabel(this);
    header_->setWordWrap(true);
    header_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(header_);
    auto* grid = new QGridLayout;
    auto* left = new QGroupBox(tr("What an eavesdropper on the link reads"), this);
    auto* right = new QGroupBox(tr("What the receiving node reads"), this);
    attacker_ = new QLabel(left);
    endpoint_ = new QLabel(right);
    for (QLabel* l : {attacker_, endpoint_}) {
        l->setWordWrap(true);
        l->setTextFormat(Qt::RichText);
        l->setAlignment(Qt::AlignTop | Qt::AlignLeft);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    }
    attacker_->setAccessibleName(tr("Attacker's view"));
    endpoint_->setAccessibleName(tr("Receiver's view"));
    wireHex_ = hexBox(left, tr("Bytes on the wire"));
    plainHex_ = hexBox(right, tr("Bytes inside the hop's protection"));
    auto* l1 = new QVBoxLayout(left);
    l1->addWidget(attacker_);
    l1->addWidget(new QLabel(tr("On the wire:"), left));
    l1->addWidget(wireHex_, 1);
    auto* l2 = new QVBoxLayout(right);
    l2->addWidget(endpoint_);
    l2->addWidget(new QLabel(tr("Inside the hop's protection:"), right));
    l2->addWidget(plainHex_, 1);
    grid->addWidget(left, 0, 0);
    grid->addWidget(right, 0, 1);
    layout->addLayout(grid, 1);
    clear();
}

QString InspectorPanel::hexDump(ByteView bytes)
{
    QString out;
    for (std::size_t off = 0; off < bytes.size(); off += 16) {
        QString hex, ascii;
        for (std::size_t i = off; i < off + 16; ++i) {
            if (i < bytes.size()) {
                hex += QStringLiteral("%1 ").arg(bytes[i], 2, 16, QLatin1Char('0'));
                ascii += bytes[i] >= 0x20 && bytes[i] < 0x7f ? QChar(bytes[i]) : QLatin1Char('.');
            } else {
                hex += QStringLiteral("   ");
            }
            if (i == off + 7)
                hex += QLatin1Char(' ');
        }
        out += QStringLiteral("%1  %2 %3\n").arg(off, 4, 16, QLatin1Char('0')).arg(hex, ascii);
    }
    return out;
}

void InspectorPanel::clear()
{
    header_->setText(tr("Select a message on the canvas or in the event log to inspect it."));
    attacker_->clear();
    endpoint_->clear();
    wireHex_->clear();
    plainHex_->clear();
}

void InspectorPanel::showMissing(std::uint32_t pduId)
{
    clear();
    header_->setText(tr("PDU %1 is no longer kept (only the most recent 65 536 are).").arg(pduId));
}

void InspectorPanel::showPdu(const PduView& view)
{
    if (!view.found) {
        showMissing(view.record.id);
        return;
    }
    const engine::PduRecord& r = view.record;
    header_->setText(
        tr("<b>PDU %1</b> on %2, %3, at %4 s, device %5, %6 octets%7")
            .arg(r.id)
            .arg(qv(name(r.link)), r.downlink ? tr("downlink") : tr("uplink"),
                 QString::fromStdString(engine::formatTime(r.time)))
            .arg(r.device == engine::kNoDevice ? QStringLiteral("-") : QString::number(r.device))
            .arg(r.bytes.size())
            .arg(r.attack.empty()
                     ? QString()
                     : tr(", <b>touched by attacker %1</b>").arg(QString::fromStdString(r.attack))));
    attacker_->setText(findingHtml(view.attacker, true));
    endpoint_->setText(r.plain.empty() ? tr("<p>Forged by an attacker: no sender's view.</p>")
                                       : findingHtml(view.endpoint, false));
    wireHex_->setPlainText(hexDump(r.bytes));
    plainHex_->setPlainText(hexDump(r.plain));
}

} // namespace mtcsec::ui
