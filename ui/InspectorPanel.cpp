// The message inspector.
#include "ui/InspectorPanel.h"

#include "ui/FixedFont.h"
#include "ui/LocalNumbers.h"
#include "ui/QtText.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
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

// Engine::deviceSecurity's words ("group snow3g-only; NAS 128-EIA1+128-EEA1; AS none") in the interface's
// language: "group" and "none" translated; the group's name (the scenario's data), the layers (NAS, AS, RRC,
// UP) and the algorithms' names stay as they are. Text of another shape is shown unchanged.
QString deviceSecurityText(const std::string& words)
{
    const QString text = QString::fromStdString(words);
    const QString groupPrefix = QStringLiteral("group ");
    const QString nasPrefix = QStringLiteral("; NAS ");
    const qsizetype nas = text.indexOf(nasPrefix);
    if (!text.startsWith(groupPrefix) || nas < 0)
        return text;
    QStringList parts = text.mid(nas + 2).split(QStringLiteral("; "));
    for (QString& part : parts) {
        const qsizetype space = part.indexOf(QLatin1Char(' '));
        if (space > 0 && part.mid(space + 1) == QLatin1String("none"))
            part =
                part.left(space + 1) + QObject::tr("none", "no security context set up (NAS none, AS none)");
    }
    return QObject::tr("group %1", "the device's group in a scenario, then its name")
               .arg(text.mid(groupPrefix.size(), nas - groupPrefix.size())) +
           QStringLiteral("; ") + parts.join(QStringLiteral("; "));
}

// Which of the receiver's checks refused a PDU, as a phrase.
QString refusedBy(engine::DropReason reason)
{
    switch (reason) {
    case engine::DropReason::Integrity:
        return QObject::tr("integrity check failed (MAC, MAC-I, ICV or tag)");
    case engine::DropReason::Replay:
        return QObject::tr("replay check (counter or replay window)");
    case engine::DropReason::Malformed:
        return QObject::tr("did not parse (malformed, for example deciphered with the wrong COUNT)");
    case engine::DropReason::Policy:
        return QObject::tr("policy: protection required but absent");
    case engine::DropReason::Duplicate:
        return QObject::tr("duplicate PDCP COUNT, discarded before deciphering");
    case engine::DropReason::NoContext:
        return QObject::tr("no context for it");
    case engine::DropReason::Mismatch:
        return QObject::tr("security capability mismatch");
    case engine::DropReason::NoEffect:
        return QObject::tr("ignored, without effect");
    }
    return {};
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
    follow_ = new QPushButton(tr("&Follow this message…"), this);
    follow_->setObjectName(QStringLiteral("inspectorFollow"));
    follow_->setToolTip(tr("This reading or command along its whole path, in the sequence chart"));
    connect(follow_, &QPushButton::clicked, this, [this] { emit followRequested(shownPdu_, shownDevice_); });
    auto* top = new QHBoxLayout;
    top->addWidget(header_, 1);
    top->addWidget(follow_, 0, Qt::AlignTop);
    layout->addLayout(top);
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
    plainHex_ = hexBox(right, tr("Bytes the receiver decoded inside the hop's protection"));
    sentHex_ = hexBox(right, tr("Bytes the sender put inside the hop's protection"));
    decision_ = new QLabel(right);
    decision_->setWordWrap(true);
    decision_->setTextFormat(Qt::RichText);
    decision_->setAccessibleName(tr("Receiver's decision"));
    plainCaption_ = new QLabel(tr("Inside the hop's protection:"), right);
    sentCaption_ = new QLabel(tr("As the sender put it in:"), right);
    auto* l1 = new QVBoxLayout(left);
    l1->addWidget(attacker_);
    l1->addWidget(new QLabel(tr("On the wire:"), left));
    l1->addWidget(wireHex_, 1);
    auto* l2 = new QVBoxLayout(right);
    l2->addWidget(decision_);
    l2->addWidget(endpoint_);
    l2->addWidget(plainCaption_);
    l2->addWidget(plainHex_, 1);
    l2->addWidget(sentCaption_);
    l2->addWidget(sentHex_, 1);
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
    decision_->clear();
    wireHex_->clear();
    plainHex_->clear();
    sentHex_->clear();
    sentCaption_->setVisible(false);
    sentHex_->setVisible(false);
    follow_->setVisible(false);
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
            .arg(qv(name(r.link)), r.downlink ? tr("downlink") : tr("uplink"), localTime(r.time))
            .arg(r.device == engine::kNoDevice ? QStringLiteral("-") : QString::number(r.device))
            .arg(r.bytes.size())
            .arg(r.attack.empty()
                     ? QString()
                     : tr(", <b>touched by attacker %1</b>").arg(QString::fromStdString(r.attack))) +
        (view.deviceSecurity.empty() ? QString()
                                     : tr("<br>Device %1 negotiated: %2")
                                           .arg(r.device)
                                           .arg(deviceSecurityText(view.deviceSecurity).toHtmlEscaped())));
    attacker_->setText(findingHtml(view.attacker, true));
    const bool arrived = r.reception != engine::Reception::Pending;
    const bool altered = view.altered();
    QString decision;
    switch (r.reception) {
    case engine::Reception::Pending:
        decision = tr("<p><i>Still on its way: below is what the sender put in.</i></p>");
        break;
    case engine::Reception::Accepted:
        decision =
            tr("<p><b>✓ Accepted</b> by the receiver%1</p>")
                .arg(altered ? tr(", <b>with content other than what the sender put in</b>") : QString());
        break;
    case engine::Reception::Dropped:
        decision = tr("<p><b>✗ Dropped</b> by the receiver: %1</p>").arg(refusedBy(r.dropReason));
        break;
    }
    decision_->setText(decision);
    if (arrived && r.received.empty())
        endpoint_->setText(
            tr("<p>Nothing decoded: refused before or while removing the hop's protection.</p>"));
    else if (!arrived && r.plain.empty())
        endpoint_->setText(tr("<p>Forged by an attacker: no sender's view.</p>"));
    else
        endpoint_->setText(findingHtml(view.endpoint, false));
    if (altered && !r.plain.empty())
        endpoint_->setText(
            endpoint_->text() +
            QStringLiteral("<p><b>%1</b> %2</p>")
                .arg(tr("The sender put in:"), QString::fromStdString(view.sent.content).toHtmlEscaped()));
    wireHex_->setPlainText(hexDump(r.bytes));
    const ByteView shown = arrived && !r.received.empty() ? ByteView(r.received) : ByteView(r.plain);
    plainCaption_->setText(arrived && !r.received.empty() ? tr("Decoded by the receiver:")
                                                          : tr("Inside the hop's protection, as sent:"));
    plainHex_->setPlainText(hexDump(shown));
    const bool showSent = altered && !r.plain.empty();
    sentCaption_->setVisible(showSent);
    sentHex_->setVisible(showSent);
    sentHex_->setPlainText(showSent ? hexDump(r.plain) : QString());
    shownPdu_ = r.id;
    shownDevice_ = r.device;
    follow_->setVisible(!r.applicationPayload.empty() && r.device != engine::kNoDevice);
}

} // namespace mtcsec::ui
