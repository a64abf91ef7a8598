// Drawing the message sequence chart (shared by the dock, the exports and the report).
#include "ui/SequenceChartPainter.h"

#include "ui/LocalNumbers.h"

#include <QApplication>
#include <QBuffer>
#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QSvgGenerator>

#include <algorithm>
#include <array>
#include <cmath>

namespace mtcsec::ui {
namespace {

constexpr std::array<const char*, kNodeCount> kColumnNames = {
    QT_TRANSLATE_NOOP("QObject", "device"), "eNB", "MME", "HSS", "S-GW", "P-GW",
    QT_TRANSLATE_NOOP("QObject", "server")};

// What a protection label gives: confidentiality, integrity.
std::pair<bool, bool> levelOf(const QString& protection)
{
    const bool esp = protection.contains(QLatin1String("ESP"));
    const bool conf =
        esp || protection.contains(QLatin1String("EEA")) || protection.contains(QLatin1String("E2E C"));
    const bool integ = esp || protection.contains(QLatin1String("EIA")) ||
                       (protection.contains(QLatin1String("E2E")) && protection.contains(QLatin1String("I")));
    return {conf && !protection.contains(QLatin1String("EEA0")), integ};
}

QColor levelColour(std::pair<bool, bool> level, bool dark)
{
    if (level.first && level.second)
        return dark ? QColor(129, 199, 132) : QColor(46, 125, 50); // green: both
    if (level.second)
        return dark ? QColor(100, 181, 246) : QColor(21, 101, 192); // blue: integrity only
    if (level.first)
        return dark ? QColor(255, 183, 77) : QColor(178, 106, 0); // amber: ciphering without integrity
    return dark ? QColor(170, 170, 170) : QColor(120, 120, 120);  // grey: nothing
}

Qt::PenStyle levelStyle(std::pair<bool, bool> level)
{
    if (level.first && level.second)
        return Qt::SolidLine;
    if (level.second)
        return Qt::DashLine;
    if (level.first)
        return Qt::DashDotLine;
    return Qt::DotLine;
}

QString badgeText(const ChartIntervention& i)
{
    switch (i.kind) {
    case ChartIntervention::Kind::Read:
        return QObject::tr("%1 ◉ %2").arg(i.attack, i.text);
    case ChartIntervention::Kind::Changed:
        return QObject::tr("%1 ✎ %2").arg(i.attack,
                                          i.tampered ? QObject::tr("changed octet %1").arg(i.octet) : i.text);
    case ChartIntervention::Kind::Replayed:
        return QObject::tr("%1 ⟲ replayed").arg(i.attack);
    case ChartIntervention::Kind::Forged:
        return QObject::tr("%1 ✚ forged").arg(i.attack);
    case ChartIntervention::Kind::Insider:
        return QObject::tr("%1 ⌂ %2").arg(i.attack, i.text);
    }
    return {};
}

QColor badgeColour(const ChartIntervention& i)
{
    switch (i.kind) {
    case ChartIntervention::Kind::Read:
    case ChartIntervention::Kind::Insider:
        return i.secret ? QColor(198, 40, 40) : QColor(96, 102, 110);
    case ChartIntervention::Kind::Changed:
    case ChartIntervention::Kind::Replayed:
    case ChartIntervention::Kind::Forged:
        return {123, 31, 162}; // purple: an active attack
    }
    return {};
}

// A rounded box with white text, left edge at x, vertical centre at y; returns its width.
int badge(QPainter& p, double x, double y, const QString& text, const QColor& colour, const QFont& font)
{
    const QFontMetrics m(font);
    const int w = m.horizontalAdvance(text) + 10;
    const QRectF box(x, y - m.height() / 2.0 - 1, w, m.height() + 2);
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    p.drawRoundedRect(box, 4, 4);
    p.setPen(Qt::white);
    p.setFont(font);
    p.drawText(box, Qt::AlignCenter, text);
    return w;
}

QString seconds(engine::SimTime t)
{
    return QStringLiteral("%1 s").arg(localDecimal(engine::toSeconds(t), 3));
}

} // namespace

SequenceChartStyle SequenceChartStyle::light()
{
    SequenceChartStyle s;
    s.font = QFont(QStringLiteral("DejaVu Sans"));
    s.font.setPixelSize(12);
    return s;
}

SequenceChartStyle SequenceChartStyle::fromPalette()
{
    SequenceChartStyle s = light();
    const QPalette pal = QApplication::palette();
    s.font = QApplication::font();
    s.text = pal.color(QPalette::Text);
    s.muted = pal.color(QPalette::PlaceholderText);
    s.background = pal.color(QPalette::Base);
    const bool dark = s.background.lightness() < 128;
    s.dark = dark;
    s.lifeline = dark ? QColor(110, 116, 125) : QColor(160, 166, 175);
    s.highlight = dark ? QColor(40, 70, 110) : QColor(204, 226, 250);
    s.path = dark ? QColor(45, 70, 45) : QColor(236, 244, 229);
    return s;
}

SequenceChartLayout::SequenceChartLayout(int width, double scale)
    : width_(std::max(width, minimumWidth(scale)))
    , header_(static_cast<int>(std::lround(30 * scale)))
    , row_(static_cast<int>(std::lround(42 * scale)))
    , time_(static_cast<int>(std::lround(70 * scale)))
{}

int SequenceChartLayout::minimumWidth(double scale)
{
    return static_cast<int>(std::lround(760 * scale));
}

double SequenceChartLayout::columnX(Node node) const
{
    const double span = static_cast<double>(width_ - time_) / static_cast<double>(kNodeCount);
    return time_ + span * (static_cast<double>(node) + 0.5);
}

void paintSequenceChartHeader(QPainter& p, const SequenceChartLayout& layout, const SequenceChartStyle& style)
{
    p.save();
    p.fillRect(QRect(0, 0, layout.width(), layout.headerHeight()), style.background);
    QFont bold = style.font;
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(style.text);
    const double span = static_cast<double>(layout.width() - layout.timeWidth()) / kNodeCount;
    for (std::size_t n = 0; n < kNodeCount; ++n) {
        const double x = layout.columnX(static_cast<Node>(n));
        p.drawText(QRectF(x - span / 2, 0, span, layout.headerHeight()), Qt::AlignCenter,
                   QObject::tr(kColumnNames.at(n)));
    }
    p.setFont(style.font);
    p.setPen(style.muted);
    p.drawText(QRectF(4, 0, layout.timeWidth() - 4, layout.headerHeight()), Qt::AlignVCenter | Qt::AlignLeft,
               QObject::tr("time"));
    p.setPen(QPen(style.lifeline, 1));
    p.drawLine(0, layout.headerHeight() - 1, layout.width(), layout.headerHeight() - 1);
    p.restore();
}

void paintSequenceChartRows(QPainter& p, const SequenceChartModel& model, int first, int last, int top,
                            const SequenceChartLayout& layout, const SequenceChartStyle& style,
                            int highlighted, const std::vector<int>& path)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    const int h = layout.rowHeight();
    const int bottom = top + (last - first) * h;
    p.fillRect(QRect(0, top, layout.width(), bottom - top), style.background);
    QFont small = style.font;
    small.setPixelSize(std::max(8, style.font.pixelSize() > 0 ? style.font.pixelSize() - 1 : 11));
    if (style.font.pixelSize() <= 0)
        small.setPointSizeF(std::max(6.0, style.font.pointSizeF() - 1.0));
    const QFontMetrics metrics(style.font);
    // Lifelines.
    p.setPen(QPen(style.lifeline, 1, Qt::SolidLine));
    for (std::size_t n = 0; n < kNodeCount; ++n) {
        const double x = layout.columnX(static_cast<Node>(n));
        p.drawLine(QPointF(x, top), QPointF(x, bottom));
    }
    const auto& rows = model.rows();
    for (int i = first; i < last && i < static_cast<int>(rows.size()); ++i) {
        const ChartRow& r = rows[static_cast<std::size_t>(i)];
        const double y0 = top + (i - first) * h;
        const double mid = y0 + h * 0.55;
        if (i == highlighted)
            p.fillRect(QRectF(0, y0, layout.width(), h), style.highlight);
        else if (std::find(path.begin(), path.end(), i) != path.end())
            p.fillRect(QRectF(0, y0, layout.width(), h), style.path);
        p.setFont(small);
        p.setPen(style.muted);
        p.drawText(QRectF(4, y0, layout.timeWidth() - 6, h), Qt::AlignVCenter | Qt::AlignLeft,
                   seconds(r.time));
        if (r.type == ChartRow::Type::Note) {
            const double x = layout.columnX(r.from);
            p.setFont(small);
            const QString text = r.note;
            const int w = QFontMetrics(small).horizontalAdvance(text) + 12;
            const double left = std::clamp(x - w / 2.0, static_cast<double>(layout.timeWidth()),
                                           static_cast<double>(layout.width() - w));
            const QRectF box(left, y0 + h * 0.2, w, h * 0.6);
            p.setPen(QPen(r.alarm ? QColor(198, 40, 40) : style.lifeline, r.alarm ? 2 : 1));
            p.setBrush(style.background);
            p.drawRect(box);
            p.setPen(style.text);
            p.drawText(box, Qt::AlignCenter, text);
            continue;
        }
        const double x1 = layout.columnX(r.from), x2 = layout.columnX(r.to);
        const double dir = x2 > x1 ? 1.0 : -1.0;
        const auto level = levelOf(r.protection);
        const bool known = !r.protection.isEmpty();
        const QColor colour = known ? levelColour(level, style.dark) : style.muted;
        QPen pen(colour, 2, known ? levelStyle(level) : Qt::DotLine);
        pen.setCapStyle(Qt::FlatCap);
        p.setPen(pen);
        const bool dropped = r.outcome == ChartRow::Outcome::Dropped;
        const double end = x2 - dir * 3;
        p.drawLine(QPointF(x1, mid), QPointF(end, mid));
        // Arrowhead.
        QPainterPath head;
        head.moveTo(end, mid);
        head.lineTo(end - dir * 9, mid - 5);
        head.lineTo(end - dir * 9, mid + 5);
        head.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(colour);
        p.drawPath(head);
        // Message above the arrow, protection below, from the sender's side.
        const double textLeft = dir > 0 ? x1 + 6 : x2 + 12;
        p.setFont(style.font);
        p.setPen(style.text);
        p.drawText(QPointF(textLeft, mid - 5), r.message);
        p.setFont(small);
        p.setPen(colour);
        p.drawText(
            QPointF(textLeft, mid + QFontMetrics(small).ascent() + 3),
            known ? r.protection
                  : QObject::tr("%1, %2 octets").arg(QString::fromUtf8(name(r.link).data())).arg(r.octets));
        // Attackers' marks after the message text.
        // After the message text, or, where that would leave the chart, left of the arrow.
        const QFontMetrics smallMetrics(small);
        int badges = 0;
        for (const ChartIntervention& iv : r.interventions)
            badges += smallMetrics.horizontalAdvance(badgeText(iv)) + 14;
        double bx = textLeft + metrics.horizontalAdvance(r.message) + 8;
        if (bx + badges > layout.width() - 2)
            bx = std::max(static_cast<double>(layout.timeWidth()), std::min(x1, x2) - 6 - badges);
        for (const ChartIntervention& iv : r.interventions)
            bx += badge(p, bx, mid - 9, badgeText(iv), badgeColour(iv), small) + 4;
        // The receiver's decision at the arrowhead.
        if (dropped || r.altered) {
            const double cx = x2;
            p.setPen(QPen(dropped ? QColor(198, 40, 40) : QColor(178, 106, 0), 2.5));
            if (dropped) {
                p.drawLine(QPointF(cx - 6, mid - 6), QPointF(cx + 6, mid + 6));
                p.drawLine(QPointF(cx - 6, mid + 6), QPointF(cx + 6, mid - 6));
            }
            const QString text =
                dropped ? QObject::tr("✗ dropped: %1").arg(r.check) : QObject::tr("⚠ accepted, altered");
            p.setFont(small);
            const int w = QFontMetrics(small).horizontalAdvance(text);
            const double tx = dir > 0 ? std::min(cx + 10, static_cast<double>(layout.width() - w - 2))
                                      : std::max(cx - 10 - w, static_cast<double>(layout.timeWidth()));
            const QRectF box(tx - 2, mid + 3, w + 4, QFontMetrics(small).height());
            p.fillRect(box, style.background);
            p.setPen(dropped ? QColor(198, 40, 40) : QColor(178, 106, 0));
            p.drawText(box, Qt::AlignCenter, text);
        }
    }
    p.restore();
}

QImage renderSequenceChart(const SequenceChartModel& model, int width, int maxRows)
{
    const SequenceChartStyle style = SequenceChartStyle::light();
    const SequenceChartLayout layout(width);
    const int count = static_cast<int>(model.rows().size());
    const int first = std::max(0, count - maxRows);
    QImage image(layout.width(), layout.headerHeight() + (count - first) * layout.rowHeight() + 4,
                 QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    paintSequenceChartHeader(p, layout, style);
    paintSequenceChartRows(p, model, first, count, layout.headerHeight(), layout, style);
    p.end();
    return image;
}

QByteArray sequenceChartSvg(const SequenceChartModel& model, int width)
{
    const SequenceChartStyle style = SequenceChartStyle::light();
    const SequenceChartLayout layout(width);
    const int count = static_cast<int>(model.rows().size());
    const QSize size(layout.width(), layout.headerHeight() + count * layout.rowHeight() + 4);
    QByteArray svg;
    QBuffer buffer(&svg);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setTitle(QObject::tr("Message sequence chart of device %1").arg(model.device()));
    generator.setDescription(sequenceChartLegend());
    QPainter p(&generator);
    p.fillRect(QRect(QPoint(0, 0), size), Qt::white);
    paintSequenceChartHeader(p, layout, style);
    paintSequenceChartRows(p, model, 0, count, layout.headerHeight(), layout, style);
    p.end();
    return svg;
}

QString sequenceChartLegend()
{
    return QObject::tr(
        "Each arrow is one PDU on one hop, labelled with its message (above) and the protection it "
        "travelled under on that hop (below). Line: solid green, confidentiality and integrity; "
        "dashed blue, integrity only; dash-dot amber, ciphering without integrity; dotted grey, "
        "nothing. Marks: ◉ read by an eavesdropper (red: a secret), ✎ changed, ⟲ replayed copy, ✚ "
        "forged, ⌂ insider in a node; ✗ dropped by the check named; ⚠ accepted with content "
        "other than what the sender put in.");
}

} // namespace mtcsec::ui
