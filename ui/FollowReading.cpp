// Follow this reading: one application message hop by hop.
#include "ui/FollowReading.h"

#include "core/engine/Dissector.h"
#include "ui/LocalNumbers.h"

#include <QDialogButtonBox>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

namespace mtcsec::ui {
namespace {

QString esc(const std::string& text)
{
    return QString::fromStdString(text).toHtmlEscaped();
}

// The node's name as the sequence chart's columns show it ("device" and "server" translated).
QString nodeName(Node node)
{
    return QObject::tr(name(node).data());
}

// What a node reads in bytes it decoded inside a hop's protection (an IP packet, or on Uu the PDCP SDU).
engine::Finding inside(ByteView bytes)
{
    return bytes.empty() ? engine::Finding{} : engine::dissectIpPacket(bytes);
}

QString findingText(const engine::Finding& f)
{
    QString text = QString::fromStdString(f.layers).toHtmlEscaped();
    if (!f.content.empty())
        text += QStringLiteral("<br/>%1 <b>%2</b>").arg(QObject::tr("reads:"), esc(f.content));
    if (f.ciphertext)
        text += QStringLiteral("<br/><i>%1</i>").arg(QObject::tr("ciphertext beyond this point"));
    return text.isEmpty() ? QObject::tr("nothing recognisable") : text;
}

std::vector<std::size_t> differences(ByteView a, ByteView b)
{
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i)
        if (i >= a.size() || i >= b.size() || a[i] != b[i])
            out.push_back(i);
    return out;
}

} // namespace

QString markedHexHtml(ByteView bytes, const std::vector<std::size_t>& marked)
{
    QString out = QStringLiteral("<pre style=\"font-family: monospace; margin: 0\">");
    for (std::size_t off = 0; off < bytes.size(); off += 16) {
        out += QStringLiteral("%1  ").arg(off, 4, 16, QLatin1Char('0'));
        for (std::size_t i = off; i < std::min(off + 16, bytes.size()); ++i) {
            const QString octet = QStringLiteral("%1").arg(bytes[i], 2, 16, QLatin1Char('0'));
            if (std::find(marked.begin(), marked.end(), i) != marked.end())
                out += QStringLiteral("<b><u><span style=\"background-color: #f6c7c7\">%1</span></u></b> ")
                           .arg(octet);
            else
                out += octet + QLatin1Char(' ');
            if (i == off + 7)
                out += QLatin1Char(' ');
        }
        out += QLatin1Char('\n');
    }
    return out + QStringLiteral("</pre>");
}

QString followReadingHtml(const SequenceChartModel& model, int row)
{
    const std::vector<int> path = model.messagePath(row);
    if (path.empty())
        return QObject::tr("<p>This PDU carries no application message (or its record is no longer kept): "
                           "choose the arrow of a reading or a command.</p>");
    const auto& rows = model.rows();
    const ChartRow& first = rows[static_cast<std::size_t>(path.front())];
    const bool downlink = first.downlink;
    QString h;
    h += QStringLiteral("<h2>%1</h2>")
             .arg((downlink ? QObject::tr("Command “%1” from the server to device %2")
                            : QObject::tr("Reading “%1” from device %2 to the server"))
                      .arg(esc(first.record->applicationPayload))
                      .arg(model.device()));
    h +=
        QObject::tr("<p>Sent at %1 s. Each hop below: the protection on it, what an eavesdropper on the link "
                    "reads, what attackers did, what the receiving node decoded inside the hop's protection "
                    "and what it decided. Changed octets are <b><u>bold and underlined</u></b>.</p>")
            .arg(localDecimal(engine::toSeconds(first.time), 3));
    for (const int index : path) {
        const ChartRow& r = rows[static_cast<std::size_t>(index)];
        const engine::PduRecord& rec = *r.record;
        h += QStringLiteral("<h3>%1 s · %2 · %3 → %4 · PDU %5</h3>")
                 .arg(localDecimal(engine::toSeconds(r.time), 3))
                 .arg(QString::fromUtf8(name(r.link).data()), nodeName(r.from), nodeName(r.to))
                 .arg(r.pdu);
        h += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\">");
        const auto line = [&](const QString& key, const QString& value) {
            h += QStringLiteral("<tr><td width=\"200\"><b>%1</b></td><td>%2</td></tr>").arg(key, value);
        };
        // A hex dump across the whole table, under its caption.
        const auto dump = [&](const QString& caption, const QString& hex) {
            h += QStringLiteral("<tr><td colspan=\"2\"><b>%1</b>%2</td></tr>").arg(caption, hex);
        };
        line(QObject::tr("Protection on this hop"), r.protection.toHtmlEscaped());
        line(QObject::tr("An eavesdropper on %1 reads").arg(QString::fromUtf8(name(r.link).data())),
             findingText(engine::dissectLink(r.link, rec.bytes)));
        std::vector<std::size_t> flipped;
        for (const ChartIntervention& i : r.interventions) {
            QString text =
                QStringLiteral("<b>%1</b>: %2").arg(i.attack.toHtmlEscaped(), i.text.toHtmlEscaped());
            if (i.tampered && i.octet < rec.bytes.size()) {
                const std::uint8_t after = rec.bytes[i.octet];
                text += QObject::tr(" — on the wire 0x%1 → <b><u>0x%2</u></b>")
                            .arg(after ^ 0x01, 2, 16, QLatin1Char('0'))
                            .arg(after, 2, 16, QLatin1Char('0'));
                flipped.push_back(i.octet);
            }
            line(QObject::tr("Attacker"), text);
        }
        if (!flipped.empty())
            dump(QObject::tr("On the wire, as changed:"), markedHexHtml(rec.bytes, flipped));
        const bool arrived = rec.reception != engine::Reception::Pending;
        if (!rec.received.empty()) {
            const engine::Finding got = inside(rec.received);
            line(QObject::tr("%1 decoded").arg(nodeName(r.to)), findingText(got));
            if (!rec.plain.empty() && rec.received != rec.plain) {
                dump(QObject::tr("Decoded by the %1, octets that differ from what the sender put in marked:")
                         .arg(nodeName(r.to)),
                     markedHexHtml(rec.received, differences(rec.received, rec.plain)));
                line(QObject::tr("The sender put in"), findingText(inside(rec.plain)));
            }
        } else if (arrived) {
            line(QObject::tr("%1 decoded").arg(nodeName(r.to)),
                 QObject::tr("nothing: refused before or while removing the hop's protection"));
        }
        QString decision;
        switch (r.outcome) {
        case ChartRow::Outcome::Accepted:
            decision = r.altered
                           ? QObject::tr("<b>⚠ accepted, with content other than what the sender put in</b>")
                           : QObject::tr("✓ accepted");
            break;
        case ChartRow::Outcome::Dropped:
            decision = QObject::tr("<b>✗ dropped</b> by the %1").arg(r.check.toHtmlEscaped());
            break;
        case ChartRow::Outcome::Pending:
            decision = QObject::tr("<i>still on its way</i>");
            break;
        case ChartRow::Outcome::Unknown:
            decision = QObject::tr("<i>no longer kept</i>");
            break;
        }
        line(QObject::tr("%1 decided").arg(nodeName(r.to)), decision);
        h += QStringLiteral("</table>");
    }
    // The far end.
    const Node farEnd = downlink ? Node::Device : Node::Server;
    h += QStringLiteral("<h3>%1</h3>").arg(QObject::tr("What the %1 accepted").arg(nodeName(farEnd)));
    const ChartRow* genuineLast = nullptr;
    for (const int index : path) {
        const ChartRow& r = rows[static_cast<std::size_t>(index)];
        if (r.to == farEnd)
            genuineLast = &r;
    }
    if (genuineLast == nullptr) {
        h += QObject::tr("<p>It has not reached the %1 (dropped on the way, or still travelling).</p>")
                 .arg(nodeName(farEnd));
    } else {
        for (const int index : path) {
            const ChartRow& r = rows[static_cast<std::size_t>(index)];
            if (r.to != farEnd)
                continue;
            const bool copy =
                std::any_of(r.interventions.begin(), r.interventions.end(), [](const ChartIntervention& i) {
                    return i.kind == ChartIntervention::Kind::Replayed ||
                           i.kind == ChartIntervention::Kind::Forged;
                });
            const QString what = copy ? QObject::tr("A replayed copy") : QObject::tr("The message");
            if (r.outcome == ChartRow::Outcome::Accepted)
                h += QObject::tr("<p>%1 was <b>accepted</b>: %2%3</p>")
                         .arg(what, findingText(inside(r.record->received)),
                              r.altered ? QObject::tr(" — <b>altered on the way</b>") : QString());
            else if (r.outcome == ChartRow::Outcome::Dropped)
                h +=
                    QObject::tr("<p>%1 was <b>refused</b> by the %2.</p>").arg(what, r.check.toHtmlEscaped());
            else
                h += QObject::tr("<p>%1 is still on its way.</p>").arg(what);
        }
    }
    return h;
}

FollowReadingDialog::FollowReadingDialog(const SequenceChartModel& model, int row, QWidget* parent)
    : QDialog(parent)
    , browser_(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("followReadingDialog"));
    setWindowTitle(tr("Follow this message"));
    browser_->setObjectName(QStringLiteral("followReadingText"));
    browser_->setAccessibleName(tr("The message's path, hop by hop"));
    browser_->setHtml(followReadingHtml(model, row));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(browser_, 1);
    layout->addWidget(buttons);
    resize(900, 760);
}

} // namespace mtcsec::ui
