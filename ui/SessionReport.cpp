// The session report: the pictures it shows (canvas and charts, always light), its HTML (for a browser, with
// the images inline, or for the PDF, with the images as document resources), and atomic writing of both.
#include "ui/SessionReport.h"

#include "core/InvalidInput.h"
#include "core/io/AtomicFile.h"
#include "core/scenario/Presets.h"
#include "mtcsec/Version.h"
#include "ui/ChartsDock.h"
#include "ui/LinkProtection.h"
#include "ui/QtText.h"
#include "ui/TopologyScene.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QBuffer>
#include <QDateTime>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPalette>
#include <QPdfWriter>
#include <QStringList>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextLayout>
#include <QUrl>
#include <QtCharts/QAbstractAxis>
#include <QtCharts/QAbstractBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLegend>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>

namespace mtcsec::ui {
namespace {

using engine::AttackExample;
using engine::AttackTally;
using engine::EventKind;
using engine::LogEvent;
using engine::RequirementResult;
using engine::RunSummary;
using engine::Verdict;

constexpr int kTopologyWidth = 1600;       // pixels of the rendered canvas
constexpr int kChartWidth = 1000;          // pixels of a rendered chart, wide
constexpr int kChartHeight = 500;          // and high
constexpr double kChartScale = 1.25;       // drawn at 800 x 400 and scaled up: text large enough to read
constexpr int kHtmlImageWidth = 960;       // CSS pixels in a browser (shrinks with the window)
constexpr int kPdfChartWidth = 520;        // CSS pixels of a chart in the PDF: three to a page
constexpr int kHtmlChartWidth = 900;       // CSS pixels of a chart in a browser
constexpr int kPdfContentWidth = 650;      // CSS pixels (1/96 in) between the PDF's side margins (174 mm)
constexpr std::size_t kMaxHexOctets = 256; // octets of an example shown in hex
constexpr std::size_t kOctetsPerLine = 16;

// The page of the PDF: A4, margins in millimetres, the footer in the last 10 mm above the bottom margin.
constexpr double kMarginSide = 18;
constexpr double kMarginTop = 16;
constexpr double kMarginBottom = 10;
constexpr double kFooterHeight = 10;
constexpr int kPdfResolution = 300;
constexpr double kHeadingRoom = 0.12; // a heading with less of the page below it starts the next page

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

QString esc(std::string_view text)
{
    return qv(text).toHtmlEscaped();
}

QString num(std::uint64_t value)
{
    return QString::number(value);
}

// "12.5 s": seconds to the millisecond, without trailing zeros, with a non-breaking space.
QString seconds(double value)
{
    QString text = QString::number(value, 'f', 3);
    while (text.endsWith(QLatin1Char('0')))
        text.chop(1);
    if (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    return text + QStringLiteral("\u00a0s");
}

// A light palette for pictures and print, whatever the application's theme.
QPalette lightPalette()
{
    QPalette p;
    const QColor window(239, 240, 242), text(27, 31, 36), button(246, 247, 249);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Link, QColor(31, 58, 95));
    p.setColor(QPalette::Highlight, QColor(47, 127, 214));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::ToolTipBase, Qt::white);
    p.setColor(QPalette::ToolTipText, text);
    return p;
}

// The canvas items paint with the application palette: while a picture is taken in a dark theme, the
// application runs in the light palette, and gets its own back afterwards.
class LightApplicationPalette {
public:
    LightApplicationPalette()
        : saved_(QApplication::palette())
    {
        if (saved_.color(QPalette::Window).lightness() < 128 ||
            saved_.color(QPalette::Base).lightness() < 128) {
            QApplication::setPalette(lightPalette());
            swapped_ = true;
        }
    }
    ~LightApplicationPalette()
    {
        if (swapped_)
            QApplication::setPalette(saved_);
    }
    LightApplicationPalette(const LightApplicationPalette&) = delete;
    LightApplicationPalette& operator=(const LightApplicationPalette&) = delete;

private:
    QPalette saved_;
    bool swapped_ = false;
};

// Renders a part of the scene `width` pixels wide on white.
QImage renderScene(QGraphicsScene& scene, const QRectF& source, int width)
{
    const int height = std::max(1, static_cast<int>(std::lround(width * source.height() / source.width())));
    QImage image(width, height, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                           QPainter::SmoothPixmapTransform);
    scene.render(&painter, QRectF(0, 0, width, height), source, Qt::KeepAspectRatio);
    painter.end();
    return image;
}

// The smallest rectangle holding every pixel that is not white.
QRect inkBounds(const QImage& image)
{
    int left = image.width(), top = image.height(), right = -1, bottom = -1;
    const QRgb white = qRgb(255, 255, 255);
    for (int y = 0; y < image.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            if ((line[x] | 0xff000000u) != white) {
                left = std::min(left, x);
                right = std::max(right, x);
                top = std::min(top, y);
                bottom = std::max(bottom, y);
            }
        }
    }
    return right < 0 ? QRect() : QRect(QPoint(left, top), QPoint(right, bottom));
}

QString pngBase64(const QImage& image)
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return QString::fromLatin1(png.toBase64());
}

// The resource name of a picture in the PDF's document.
QString imageName(int index)
{
    return index == 0 ? QStringLiteral("mtcsec-topology.png")
                      : QStringLiteral("mtcsec-chart-%1.png").arg(index);
}

// "Uu: RRC EIA2+EEA2, UP EEA2" -> "RRC EIA2+EEA2, UP EEA2".
QString afterColon(const QString& label)
{
    const qsizetype colon = label.indexOf(QStringLiteral(": "));
    return colon < 0 ? label : label.mid(colon + 2);
}

QString protectionSentence(const Protection& p)
{
    QStringList on, off;
    for (const Link link : kBackhaulLinks)
        (p.ndsOn(link) ? on : off) << qv(name(link));
    QString nds;
    if (off.isEmpty())
        nds = QStringLiteral("NDS/IP on every backhaul link");
    else if (on.isEmpty())
        nds = QStringLiteral("NDS/IP off on every backhaul link");
    else
        nds = QStringLiteral("NDS/IP on %1, off on %2")
                  .arg(on.join(QStringLiteral(", ")), off.join(QStringLiteral(", ")));
    return QStringLiteral("%1; %2; %3; end to end: %4")
        .arg(nasProtection(p.nas).label, linkProtection(Link::Uu, p).label, nds,
             afterColon(applicationProtection(p.app).label));
}

// What a protection change changed, part by part ("S1-U NDS/IP on → off").
QString protectionDiff(const Protection& before, const Protection& after)
{
    QStringList parts;
    const QString arrow = QStringLiteral(" → ");
    if (!(before.nas == after.nas))
        parts << QStringLiteral("NAS ") + afterColon(nasProtection(before.nas).label) + arrow +
                     afterColon(nasProtection(after.nas).label);
    if (!(before.as == after.as))
        parts << QStringLiteral("Uu ") + afterColon(linkProtection(Link::Uu, before).label) + arrow +
                     afterColon(linkProtection(Link::Uu, after).label);
    for (const Link link : kBackhaulLinks) {
        if (before.ndsOn(link) != after.ndsOn(link))
            parts << qv(name(link)) + QStringLiteral(" NDS/IP ") +
                         (before.ndsOn(link) ? QStringLiteral("on") : QStringLiteral("off")) + arrow +
                         (after.ndsOn(link) ? QStringLiteral("on") : QStringLiteral("off"));
    }
    if (!(before.app == after.app))
        parts << QStringLiteral("end to end ") + afterColon(applicationProtection(before.app).label) + arrow +
                     afterColon(applicationProtection(after.app).label);
    return parts.isEmpty() ? QStringLiteral("the same configuration applied again")
                           : parts.join(QStringLiteral("; "));
}

QString attackName(const AttackSpec& spec)
{
    return QStringLiteral("%1 (%2 on %3)")
        .arg(QString::fromStdString(spec.id), qv(name(spec.kind)), QString::fromStdString(spec.target()));
}

QString attackSettings(const AttackSpec& spec)
{
    QStringList parts;
    parts << qv(name(spec.messages)) + QStringLiteral(" messages")
          << (spec.direction == DirectionFilter::Both ? QStringLiteral("both directions")
                                                      : qv(name(spec.direction)) + QStringLiteral(" only"));
    if (spec.kind == AttackKind::Inject)
        parts << QStringLiteral("%1 forgeries/s").arg(spec.rate);
    else
        parts << QStringLiteral("rate %1\u00a0%").arg(spec.rate * 100.0);
    if (spec.kind == AttackKind::Replay)
        parts << QStringLiteral("replays after %1").arg(seconds(spec.replayDelayS));
    return parts.join(QStringLiteral(", "));
}

bool passive(const AttackSpec& spec)
{
    return spec.kind == AttackKind::Eavesdrop || spec.kind == AttackKind::Insider;
}

// What an attack read, or what blocked it, in words.
QString attackOutcome(const AttackTally& t)
{
    QStringList lines;
    if (passive(t.spec)) {
        lines
            << QStringLiteral("Seen: %1 signalling, %2 user-data PDUs").arg(t.signallingSeen).arg(t.dataSeen);
        QStringList read;
        if (t.imsiRead > 0)
            read << (t.imsiInitialAttach > 0 ? QStringLiteral("%1 IMSIs (%2 from initial Attach Requests)")
                                                   .arg(t.imsiRead)
                                                   .arg(t.imsiInitialAttach)
                                             : QStringLiteral("%1 IMSIs").arg(t.imsiRead));
        if (t.nasBodiesRead > 0)
            read << QStringLiteral("%1 NAS bodies").arg(t.nasBodiesRead);
        if (t.keysRead > 0)
            read << QStringLiteral("%1 keys").arg(t.keysRead);
        if (t.readingsRead > 0)
            read << QStringLiteral("%1 readings").arg(t.readingsRead);
        if (t.commandsRead > 0)
            read << QStringLiteral("%1 commands").arg(t.commandsRead);
        lines << QStringLiteral("Read: ") +
                     (read.isEmpty() ? QStringLiteral("nothing secret") : read.join(QStringLiteral(", ")));
        if (t.ciphertextSeen > 0)
            lines << QStringLiteral("Ciphertext only: %1 PDUs").arg(t.ciphertextSeen);
    } else {
        if (t.signallingAttempts > 0)
            lines << QStringLiteral("Signalling: %1 attacked, %2 blocked, %3 accepted")
                         .arg(t.signallingAttempts)
                         .arg(t.signallingBlocked)
                         .arg(t.signallingSucceeded);
        if (t.initialAttachSucceeded > 0)
            lines << QStringLiteral("(%1 of them initial Attach Requests, which LTE cannot protect)")
                         .arg(t.initialAttachSucceeded);
        if (t.dataAttempts > 0)
            lines << QStringLiteral("User data: %1 attacked, %2 blocked, %3 accepted")
                         .arg(t.dataAttempts)
                         .arg(t.dataBlocked)
                         .arg(t.dataSucceeded);
        QStringList by;
        for (std::size_t i = 0; i < t.blockedBy.size(); ++i) {
            if (t.blockedBy[i] > 0)
                by << QStringLiteral("%1 %2")
                          .arg(qv(name(static_cast<engine::DropReason>(i))))
                          .arg(t.blockedBy[i]);
        }
        if (!by.isEmpty())
            lines << QStringLiteral("Blocked by: ") + by.join(QStringLiteral(", "));
        if (lines.isEmpty())
            lines << QStringLiteral("No message acted on");
    }
    QStringList why;
    for (std::size_t i = 0; i < t.noEffectBy.size(); ++i) {
        if (t.noEffectBy[i] > 0)
            why << QStringLiteral("%1 %2")
                       .arg(t.noEffectBy[i])
                       .arg(qv(engine::describe(static_cast<engine::NoEffectReason>(i))));
    }
    if (!why.isEmpty())
        lines << QStringLiteral("No effect: ") + why.join(QStringLiteral(", "));
    QStringList escaped;
    for (const QString& line : lines)
        escaped << esc(line);
    return escaped.join(QStringLiteral("<br/>"));
}

// An attacker's collateral: the genuine messages it caused to be lost, readings and commands apart.
QString collateralCell(const AttackTally& t)
{
    if (t.collateral == 0)
        return num(0);
    return QStringLiteral("%1<br/><span class=\"small\">%2 readings, %3 commands</span>")
        .arg(num(t.collateral), num(t.collateralUplink), num(t.collateral - t.collateralUplink));
}

QString verdictText(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Met:
        return QStringLiteral("✓ met");
    case Verdict::Violated:
        return QStringLiteral("✗ violated");
    case Verdict::NotExercised:
        return QStringLiteral("– not-exercised");
    }
    return {};
}

QString verdictClass(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Met:
        return QStringLiteral("met");
    case Verdict::Violated:
        return QStringLiteral("violated");
    case Verdict::NotExercised:
        return QStringLiteral("unexercised");
    }
    return {};
}

QString levelClass(ProtectionLevel level)
{
    switch (level) {
    case ProtectionLevel::Both:
        return QStringLiteral("met");
    case ProtectionLevel::None:
        return QStringLiteral("violated");
    case ProtectionLevel::IntegrityOnly:
    case ProtectionLevel::ConfidentialityOnly:
        return QStringLiteral("partial");
    }
    return {};
}

QString levelText(ProtectionLevel level)
{
    const QString mark = level == ProtectionLevel::Both   ? QStringLiteral("● ")
                         : level == ProtectionLevel::None ? QStringLiteral("○ ")
                                                          : QStringLiteral("◐ ");
    return mark + levelName(level);
}

// Octets as hex, 16 to a line with the offset, at most kMaxHexOctets; octets that differ from `other` (when
// given) are bold and underlined, so that a change reads without colour.
QString hexDump(const Bytes& bytes, const Bytes* other)
{
    if (bytes.empty())
        return QStringLiteral("<p class=\"muted\">(no octets)</p>");
    const std::size_t shown = std::min(bytes.size(), kMaxHexOctets);
    QString out;
    for (std::size_t line = 0; line < shown; line += kOctetsPerLine) {
        if (line > 0)
            out += QLatin1Char('\n');
        out += QStringLiteral("%1 ").arg(line, 4, 16, QLatin1Char('0'));
        for (std::size_t i = line; i < std::min(line + kOctetsPerLine, shown); ++i) {
            out += i - line == kOctetsPerLine / 2 ? QStringLiteral("  ") : QStringLiteral(" ");
            const QString octet = QStringLiteral("%1").arg(bytes[i], 2, 16, QLatin1Char('0'));
            const bool changed = other != nullptr && (i >= other->size() || (*other)[i] != bytes[i]);
            out += changed ? QStringLiteral("<b><u>") + octet + QStringLiteral("</u></b>") : octet;
        }
    }
    if (bytes.size() > shown)
        out += QStringLiteral("\n… %1 more octets not shown").arg(bytes.size() - shown);
    return QStringLiteral("<pre>") + out + QStringLiteral("</pre>");
}

// The example that shows an attack best: one with bytes sent on, else one with captured bytes.
const AttackExample* bestExample(const AttackTally& t)
{
    for (const AttackExample& e : t.examples)
        if (!e.before.empty() && !e.after.empty())
            return &e;
    for (const AttackExample& e : t.examples)
        if (!e.before.empty())
            return &e;
    return t.examples.empty() ? nullptr : &t.examples.front();
}

struct Reproduction {
    QString command;
    QStringList notes;
};

Reproduction reproduction(const SessionReportInput& in)
{
    Reproduction r;
    const Scenario& s = in.scenario;
    const QString seed = QString::number(s.seed);
    if (auto preset = presetScenario(s.name)) {
        QStringList args{QStringLiteral("mtcsec"),       QStringLiteral("run"),    QStringLiteral("--preset"),
                         QString::fromStdString(s.name), QStringLiteral("--seed"), seed};
        preset->seed = s.seed;
        if (preset->durationS != s.durationS) {
            preset->durationS = s.durationS;
            std::erase_if(preset->changes,
                          [&](const ProtectionChange& c) { return c.atS >= preset->durationS; });
            args << QStringLiteral("--duration") << QString::number(s.durationS);
        }
        if (preset->devices != s.devices) {
            preset->devices = s.devices;
            args << QStringLiteral("--devices") << QString::number(s.devices);
        }
        if (*preset == s)
            r.command = args.join(QLatin1Char(' '));
    }
    if (r.command.isEmpty()) {
        r.command = QStringLiteral("mtcsec run --scenario SCENARIO.json --seed ") + seed;
        r.notes << QStringLiteral(
            "SCENARIO.json is this scenario saved from the application (File, Save "
            "As); it holds the devices, traffic, protection, attacks and timeline above.");
    }
    std::size_t liveEdits = 0;
    for (const LogEvent& e : in.events) {
        if ((e.kind == EventKind::ProtectionChanged && e.value == 0) || e.kind == EventKind::AttackAdded ||
            e.kind == EventKind::AttackRemoved)
            ++liveEdits;
    }
    if (liveEdits > 0)
        r.notes << QStringLiteral(
                       "This run was changed %1 time(s) while it ran (see the timeline); the command "
                       "replays the scenario as configured, without those changes, so its digest "
                       "differs.")
                       .arg(liveEdits);
    if (in.summary.durationS + 1e-6 < s.durationS)
        r.notes << QStringLiteral(
                       "The report was taken at %1 of the %2 the scenario runs for; a complete run "
                       "has more events and another digest.")
                       .arg(seconds(in.summary.durationS), seconds(s.durationS));
    else
        r.notes << QStringLiteral("The same scenario and seed give the same digest on any machine.");
    return r;
}

struct TimelineEntry {
    double atS = 0;
    int order = 0; // among entries at the same time
    QString what;
};

std::vector<TimelineEntry> timeline(const SessionReportInput& in)
{
    const RunSummary& s = in.summary;
    std::vector<TimelineEntry> entries;
    entries.push_back(
        {0, 0, QStringLiteral("Run starts with: ") + protectionSentence(in.scenario.protection)});

    std::vector<const LogEvent*> changeEvents;
    for (const LogEvent& e : in.events)
        if (e.kind == EventKind::ProtectionChanged)
            changeEvents.push_back(&e);
    for (std::size_t i = 0; i < s.changes.size(); ++i) {
        const Protection& before = i == 0 ? in.scenario.protection : s.changes[i - 1].protection;
        QString source = QStringLiteral("Protection changed: ");
        if (changeEvents.size() == s.changes.size())
            source = changeEvents[i]->value != 0 ? QStringLiteral("Protection changed (scenario timeline): ")
                                                 : QStringLiteral("Protection changed by the user: ");
        entries.push_back({s.changes[i].atS, 1, source + protectionDiff(before, s.changes[i].protection)});
    }

    for (std::size_t k = 0; k < s.attacks.size(); ++k) {
        const AttackSpec& spec = s.attacks[k].spec;
        for (const LogEvent& e : in.events) {
            if (e.attack != static_cast<std::int16_t>(k))
                continue;
            if (e.kind == EventKind::AttackAdded)
                entries.push_back({engine::toSeconds(e.time), 2,
                                   QStringLiteral("Attacker %1 placed by the user").arg(attackName(spec))});
            else if (e.kind == EventKind::AttackRemoved)
                entries.push_back({engine::toSeconds(e.time), 5,
                                   QStringLiteral("Attacker %1 removed by the user").arg(attackName(spec))});
        }
        if (spec.startS <= s.durationS)
            entries.push_back(
                {spec.startS, 3,
                 QStringLiteral("Attack %1 starts: %2").arg(attackName(spec), attackSettings(spec))});
        if (spec.stopS && *spec.stopS <= s.durationS)
            entries.push_back({*spec.stopS, 4, QStringLiteral("Attack %1 stops").arg(attackName(spec))});
    }
    entries.push_back(
        {s.durationS, 9,
         s.durationS + 1e-6 < in.scenario.durationS
             ? QStringLiteral("Report taken (the run goes on to %1)").arg(seconds(in.scenario.durationS))
             : QStringLiteral("Run ends")});
    std::stable_sort(entries.begin(), entries.end(), [](const TimelineEntry& a, const TimelineEntry& b) {
        return a.atS != b.atS ? a.atS < b.atS : a.order < b.order;
    });
    return entries;
}

QString styleSheet(bool forPdf)
{
    QString css = QStringLiteral(
        "body { font-family: 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif; color: #1b1f24; }\n"
        "h1 { font-size: 20pt; color: #1f3a5f; margin-top: 0; margin-bottom: 2px; }\n"
        "h2 { font-size: 14pt; color: #1f3a5f; margin-top: 20px; margin-bottom: 6px; }\n"
        "h3 { font-size: 11pt; margin-top: 12px; margin-bottom: 4px; }\n"
        "p { margin-top: 3px; margin-bottom: 6px; }\n"
        "table { border-collapse: collapse; border-style: solid; border-color: #8a9099; margin-top: 4px; "
        "margin-bottom: 10px; }\n"
        "th, td { border: 1px solid #8a9099; padding: 3px 6px; vertical-align: top; text-align: left; }\n"
        "th { background-color: #e4e9f0; font-weight: bold; }\n"
        "td.num, th.num { text-align: right; }\n"
        "td.key { background-color: #f3f5f8; font-weight: bold; }\n"
        ".met { background-color: #dcefdc; }\n"
        ".violated { background-color: #f6d5d5; }\n"
        ".partial { background-color: #fbeccd; }\n"
        ".unexercised { background-color: #ececec; }\n"
        "pre, code, .mono { font-family: 'DejaVu Sans Mono', Consolas, monospace; }\n"
        ".muted { color: #555b63; }\n"
        ".caption { color: #3b4048; font-style: italic; margin-bottom: 14px; }\n");
    if (forPdf) {
        css += QStringLiteral("body { font-size: 9pt; }\n"
                              "th { font-size: 8.5pt; }\n"
                              "th, td { padding: 3px 4px; }\n"
                              "pre { font-size: 7pt; margin: 0; }\n"
                              "code, .mono { font-size: 8pt; }\n"
                              ".small { font-size: 8pt; }\n");
    } else {
        css += QStringLiteral(
            "body { font-size: 10.5pt; max-width: 1000px; margin: 24px auto; padding: 0 18px; line-height: "
            "1.4; }\n"
            "h2 { border-bottom: 2px solid #1f3a5f; padding-bottom: 2px; }\n"
            "table { width: 100%; }\n"
            "pre { font-size: 9pt; margin: 0; line-height: 1.3; }\n"
            ".small { font-size: 9pt; }\n"
            "img { max-width: 100%; height: auto; border: 1px solid #d0d4da; }\n"
            "nav a { color: #1f3a5f; }\n"
            "td ul { margin: 0; padding-left: 18px; }\n"
            "@media print { body { max-width: none; margin: 0; } h2, h3 { page-break-after: avoid; } "
            "tr, img { page-break-inside: avoid; } }\n");
    }
    return css;
}

constexpr const char* kTable = "<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\">";

} // namespace

QImage renderTopology(TopologyScene& scene)
{
    const LightApplicationPalette light;
    // A first, small rendering finds where the drawing is; the second renders just that, sharp.
    const QRectF everything = scene.sceneRect().united(scene.itemsBoundingRect());
    if (everything.isEmpty())
        return {};
    const QImage draft = renderScene(scene, everything, 800);
    const QRect ink = inkBounds(draft);
    QRectF source = everything;
    if (!ink.isEmpty()) {
        const double scale = everything.width() / draft.width();
        source = QRectF(everything.left() + ink.left() * scale, everything.top() + ink.top() * scale,
                        ink.width() * scale, ink.height() * scale)
                     .adjusted(-16, -16, 16, 16);
    }
    return renderScene(scene, source, kTopologyWidth).convertToFormat(QImage::Format_RGB32);
}

std::vector<std::pair<QString, QImage>> renderCharts(std::span<const LogEvent> events, engine::SimTime now)
{
    ChartsDock dock;
    dock.setPalette(lightPalette());
    dock.addEvents(events);
    dock.refresh(now);
    std::vector<std::pair<QString, QImage>> charts;
    for (const char* objectName : {"trafficChartView", "attackChartView", "overheadChartView"}) {
        auto* view = dock.findChild<QChartView*>(QLatin1String(objectName));
        if (view == nullptr)
            continue;
        // Out of the dock's tabs, so that no layout decides its size; it keeps the colours it was given.
        const std::unique_ptr<QChartView> alone(view);
        const QPalette palette = view->palette();
        view->setParent(nullptr);
        view->setPalette(palette);
        // Larger text than on screen: the picture is shown smaller than its pixels, in print and in a
        // browser.
        QChart* chart = view->chart();
        const auto enlarge = [](QFont font) {
            font.setPointSizeF(font.pointSizeF() * 1.2);
            return font;
        };
        for (QAbstractAxis* axis : chart->axes()) {
            axis->setLabelsFont(enlarge(axis->labelsFont()));
            axis->setTitleFont(enlarge(axis->titleFont()));
        }
        chart->legend()->setFont(enlarge(chart->legend()->font()));
        for (QAbstractSeries* series : chart->series()) {
            if (auto* bars = qobject_cast<QAbstractBarSeries*>(series))
                for (QBarSet* set : bars->barSets())
                    set->setLabelFont(enlarge(set->labelFont()));
        }
        view->resize(static_cast<int>(std::lround(kChartWidth / kChartScale)),
                     static_cast<int>(std::lround(kChartHeight / kChartScale)));
        QImage image(kChartWidth, kChartHeight, QImage::Format_RGB32);
        image.setDevicePixelRatio(kChartScale);
        image.fill(Qt::white);
        view->QWidget::render(&image); // the whole view, as grab() would, at the image's scale
        image.setDevicePixelRatio(1.0);
        charts.emplace_back(view->accessibleName(), image);
    }
    return charts;
}

SessionReportInput collectReportInput(const engine::Engine& engine)
{
    SessionReportInput in;
    in.summary = engine.summary();
    in.scenario = engine.scenario();
    // The report reads protection changes and the attackers placed or removed by hand; the charts, which read
    // the rest, are rendered here from the engine's own log, so a long run's log is not copied.
    for (const LogEvent& e : engine.events()) {
        if (e.kind == EventKind::ProtectionChanged || e.kind == EventKind::AttackAdded ||
            e.kind == EventKind::AttackRemoved)
            in.events.push_back(e);
    }
    {
        TopologyScene scene;
        scene.setDeviceCount(in.summary.devices, in.summary.ue.acceptsNullIntegrity);
        scene.setDeviceGroups(in.summary.devices, in.summary.ue, in.summary.deviceGroups);
        scene.setProtection(in.summary.protection);
        scene.setAttacks(in.summary.attacks);
        scene.advance(1.0); // the attackers' flashes of a fresh count fade out
        in.topology = renderTopology(scene);
    }
    in.charts = renderCharts(engine.events(), engine.now());
    return in;
}

QString reportHtml(const SessionReportInput& in, bool forPdf)
{
    const RunSummary& s = in.summary;
    const Scenario& sc = in.scenario;
    const int imageWidth = forPdf ? kPdfContentWidth : kHtmlImageWidth;
    QString h;
    h.reserve(64 * 1024);

    const auto image = [&](const QImage& picture, int index, int width, const QString& alt) {
        if (picture.isNull())
            return QStringLiteral("<p class=\"muted\">(no picture)</p>");
        const int w = std::min(width, picture.width());
        const int ht =
            static_cast<int>(std::lround(w * static_cast<double>(picture.height()) / picture.width()));
        const QString source =
            forPdf ? imageName(index) : QStringLiteral("data:image/png;base64,") + pngBase64(picture);
        return QStringLiteral(
                   "<p align=\"center\"><img src=\"%1\" width=\"%2\" height=\"%3\" alt=\"%4\"/></p>")
            .arg(source)
            .arg(w)
            .arg(ht)
            .arg(esc(alt));
    };
    int section = 0;
    const auto heading = [&](const QString& id, const QString& title, bool newPage) {
        ++section;
        const QString style =
            forPdf && newPage ? QStringLiteral(" style=\"page-break-before: always;\"") : QString();
        return QStringLiteral("<h2 id=\"%1\"%2>%3.&#160;%4</h2>\n")
            .arg(id, style)
            .arg(section)
            .arg(esc(title));
    };

    const QString title = QStringLiteral("Session report: ") + qv(s.scenarioName);
    h += QStringLiteral(
             "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
             "<meta name=\"generator\" content=\"%1 %2\"/>\n<title>%3</title>\n<style>\n%4</style>\n"
             "</head>\n<body>\n")
             .arg(QString::fromUtf8(kApplicationName), QString::fromUtf8(kVersion), esc(title),
                  styleSheet(forPdf));
    h += QStringLiteral("<p class=\"muted\">%1 · session report</p>\n").arg(QString::fromUtf8(kDisplayName));
    h += QStringLiteral("<h1>%1</h1>\n").arg(esc(sc.name));
    if (!sc.description.empty())
        h += QStringLiteral("<p><i>%1</i></p>\n").arg(esc(sc.description));

    // At a glance: the four verdicts.
    h += QString::fromLatin1(kTable) + QStringLiteral("\n<tr>");
    for (const RequirementResult& r : s.requirements)
        h +=
            QStringLiteral("<td class=\"%1\" width=\"25%\" align=\"center\"><b>%2</b>&#160; %3</td>")
                .arg(verdictClass(r.verdict), esc(r.id),
                     esc(verdictText(r.verdict) + (r.lteLimit ? QStringLiteral(" (LTE limit)") : QString())));
    h += QStringLiteral("</tr>\n</table>\n");
    h += QStringLiteral("<p class=\"small muted\">%1 MTC devices · %2 simulated · seed %3 · %4 attacks · "
                        "%5 events</p>\n")
             .arg(s.devices)
             .arg(seconds(s.durationS))
             .arg(s.seed)
             .arg(s.attacks.size())
             .arg(s.eventsTotal);
    if (!forPdf)
        h += QStringLiteral(
            "<nav class=\"small\">Contents: <a href=\"#scenario\">Scenario</a> · <a "
            "href=\"#requirements\">Requirements</a> · <a href=\"#protection\">Protection</a> · <a "
            "href=\"#timeline\">Timeline</a> · <a href=\"#attacks\">Attacks</a> · <a "
            "href=\"#traffic\">Traffic</a> "
            "· <a href=\"#charts\">Charts</a> · <a href=\"#examples\">Examples</a></nav>\n");

    // 1. The scenario and how to reproduce the run.
    const Reproduction repro = reproduction(in);
    h += heading(QStringLiteral("scenario"), QStringLiteral("Scenario and reproduction"), false);
    h += QString::fromLatin1(kTable) + QLatin1Char('\n');
    const auto fact = [&](const QString& key, const QString& valueHtml) {
        h += QStringLiteral("<tr><td class=\"key\" width=\"24%\">%1</td><td>%2</td></tr>\n")
                 .arg(esc(key), valueHtml);
    };
    fact(QStringLiteral("Scenario"), esc(sc.name));
    if (!sc.description.empty())
        fact(QStringLiteral("Description"), esc(sc.description));
    fact(QStringLiteral("MTC devices"), QString::number(s.devices));
    fact(QStringLiteral("Simulated time"), s.durationS + 1e-6 < sc.durationS
                                               ? QStringLiteral("%1 of %2 (the run was still going)")
                                                     .arg(seconds(s.durationS), seconds(sc.durationS))
                                               : seconds(s.durationS));
    fact(QStringLiteral("Traffic"),
         esc(QStringLiteral("attach within %1; an uplink reading every %2; %3")
                 .arg(seconds(sc.traffic.attachSpreadS), seconds(sc.traffic.uplinkIntervalS),
                      sc.traffic.downlinkIntervalS > 0 ? QStringLiteral("a downlink command every %1")
                                                             .arg(seconds(sc.traffic.downlinkIntervalS))
                                                       : QStringLiteral("no downlink commands"))));
    fact(QStringLiteral("Network"), esc(QStringLiteral("MCC %1, MNC %2").arg(qv(sc.mcc), qv(sc.mnc))));
    fact(QStringLiteral("Seed"), QStringLiteral("<span class=\"mono\">%1</span>").arg(s.seed));
    fact(QStringLiteral("Events logged"), num(s.eventsTotal));
    fact(QStringLiteral("Digest (SHA-256 of the event log)"),
         QStringLiteral("<span class=\"mono\">%1</span>").arg(esc(s.digest)));
    fact(QStringLiteral("Reproduce"), QStringLiteral("<code>%1</code>").arg(esc(repro.command)));
    h += QStringLiteral("</table>\n");
    for (const QString& note : repro.notes)
        h += QStringLiteral("<p class=\"small\">%1</p>\n").arg(esc(note));

    // 2. The requirement verdicts with their evidence.
    h += heading(QStringLiteral("requirements"), QStringLiteral("Security requirements R1–R4"), false);
    h += QStringLiteral("<p>Each verdict comes from what the attacks did to real bytes in this run: "
                        "<b>✓ met</b> (attacked and held), <b>✗ violated</b> (an attack succeeded), "
                        "<b>– not-exercised</b> (no attack touched it).</p>\n");
    h += QString::fromLatin1(kTable) +
         QStringLiteral("\n<thead><tr><th width=\"7%\">Req.</th><th width=\"30%\">Requirement</th>"
                        "<th width=\"15%\">Verdict</th><th>Evidence</th></tr></thead>\n");
    const std::uint64_t lost =
        s.accounting.uplink.droppedCollateral + s.accounting.downlink.droppedCollateral;
    for (const RequirementResult& r : s.requirements) {
        QString evidence;
        for (const std::string& e : r.evidence)
            evidence += QStringLiteral("<li>%1</li>").arg(esc(e));
        QString verdict = QStringLiteral("<b>%1</b>").arg(esc(verdictText(r.verdict)));
        if (r.lteLimit)
            verdict += QStringLiteral("<br/><span class=\"small\">LTE limit: only where LTE itself cannot "
                                      "protect</span>");
        if (r.id == "R4" && r.verdict == Verdict::Met && lost > 0)
            verdict += QStringLiteral("<br/><span class=\"small\">but %1 genuine messages lost to attacks "
                                      "(collateral)</span>")
                           .arg(num(lost));
        h += QStringLiteral("<tr id=\"req-%1\"><td><b>%1</b></td><td>%2</td><td class=\"%3\">%4</td>"
                            "<td class=\"small\"><ul>%5</ul></td></tr>\n")
                 .arg(esc(r.id), esc(r.title), verdictClass(r.verdict), verdict, evidence);
    }
    h += QStringLiteral("</table>\n");
    if (s.sinceChangeS) {
        // What the last protection change achieved: the same evaluation over what happened after it.
        h += QStringLiteral("<p><b>Since the last protection change, at %1:</b> the verdicts over what "
                            "happened after it only (attempts and losses counted when they happened).</p>\n")
                 .arg(seconds(*s.sinceChangeS));
        h += QString::fromLatin1(kTable) +
             QStringLiteral("\n<thead><tr><th width=\"7%\">Req.</th><th width=\"15%\">Whole run</th>"
                            "<th width=\"15%\">Since the change</th><th>Evidence since the change</th></tr>"
                            "</thead>\n");
        for (std::size_t i = 0; i < s.requirements.size(); ++i) {
            const RequirementResult& whole = s.requirements[i];
            const RequirementResult& since = s.requirementsSinceChange[i];
            QString evidence;
            for (const std::string& e : since.evidence)
                evidence += QStringLiteral("<li>%1</li>").arg(esc(e));
            h += QStringLiteral("<tr id=\"req-since-%1\"><td><b>%1</b></td><td class=\"%2\">%3</td>"
                                "<td class=\"%4\"><b>%5</b></td><td class=\"small\"><ul>%6</ul></td></tr>\n")
                     .arg(esc(since.id), verdictClass(whole.verdict), esc(verdictText(whole.verdict)),
                          verdictClass(since.verdict), esc(verdictText(since.verdict)), evidence);
        }
        h += QStringLiteral("</table>\n");
    }

    // 3. The protection in force and the topology as drawn.
    h += heading(QStringLiteral("protection"), QStringLiteral("Network and protection in force"), false);
    h += QStringLiteral("<p>The configuration in force at the end of the run%1. The red line of the "
                        "contribution is the 3GPP network level (hop by hop), the blue line the application "
                        "level (end to end).</p>\n")
             .arg(s.changes.empty() ? QString()
                                    : QStringLiteral(" (it changed during the run: see the timeline)"));
    h += QString::fromLatin1(kTable) +
         QStringLiteral("\n<thead><tr><th width=\"13%\">Segment</th><th width=\"25%\">Between</th>"
                        "<th width=\"30%\">In force</th><th>Level</th></tr></thead>\n");
    const auto segment = [&](const QString& segmentName, const QString& between, const SegmentProtection& p) {
        h += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td><td>%3</td><td class=\"%4\">%5</td></tr>\n")
                 .arg(esc(segmentName), esc(between), esc(afterColon(p.label)), levelClass(p.level),
                      esc(levelText(p.level)));
    };
    const std::array<const char*, kLinkCount> between = {
        "MTC device – eNB (radio)", "eNB – MME", "eNB – S-GW", "MME – HSS", "S-GW – P-GW",
        "P-GW – MTC server"};
    segment(QStringLiteral("NAS"), QStringLiteral("MTC device – MME (inside Uu and S1-MME)"),
            nasProtection(s.protection.nas));
    for (const Link link : kAllLinks)
        segment(qv(name(link)), QString::fromUtf8(between.at(static_cast<std::size_t>(link))),
                linkProtection(link, s.protection));
    segment(QStringLiteral("End to end"), QStringLiteral("MTC device – MTC server (application)"),
            applicationProtection(s.protection.app));
    h += QStringLiteral("</table>\n");
    h += QStringLiteral("<p class=\"small\">● confidentiality and integrity · ◐ one of the two · ○ no "
                        "protection. LTE has no user-plane integrity on Uu.</p>\n");
    h += image(in.topology, 0, imageWidth, QStringLiteral("The topology as drawn on the canvas"));
    h += QStringLiteral("<p class=\"caption\" align=\"center\">The topology as drawn on the canvas at "
                        "the end of the run: protection on each line (solid and lock: confidentiality and "
                        "integrity; dashed and shield: integrity only; dash-dot and struck lock: ciphering "
                        "without integrity, as for user data on Uu; dotted and open lock: nothing) and the "
                        "attackers with their counts.</p>\n");

    // 4. The timeline.
    h += heading(QStringLiteral("timeline"), QStringLiteral("Timeline of configuration changes and attacks"),
                 false);
    h += QString::fromLatin1(kTable) +
         QStringLiteral("\n<thead><tr><th width=\"12%\" class=\"num\">Time</th><th>What happened</th></tr>"
                        "</thead>\n");
    for (const TimelineEntry& e : timeline(in))
        h += QStringLiteral("<tr><td class=\"num\">%1</td><td>%2</td></tr>\n")
                 .arg(seconds(e.atS), esc(e.what));
    h += QStringLiteral("</table>\n");

    // 5. The attacks.
    h += heading(QStringLiteral("attacks"), QStringLiteral("Attacks"), false);
    if (s.attacks.empty()) {
        h += QStringLiteral("<p>No attack in this run.</p>\n");
    } else {
        h += QStringLiteral(
            "<p>Attempts are the PDUs an attacker acted on (or, for an eavesdropper or insider, "
            "looked at); <i>blocked</i> counts what protection stopped or kept secret, "
            "<i>succeeded</i> what the attacker read or got accepted, <i>no effect</i> the rest "
            "(attempts = blocked + succeeded + no effect). <i>Collateral</i> counts the genuine messages "
            "lost because of what the attacker did (a PDCP COUNT its PDUs advanced, a forged Detach "
            "Request), beyond its own attempts.</p>\n");
        h += QString::fromLatin1(kTable) +
             QStringLiteral(
                 "\n<thead><tr><th width=\"7%\">Attack</th><th width=\"12%\">Kind</th><th "
                 "width=\"15%\">Target</th><th width=\"9%\" class=\"num\">Attempts</th><th width=\"9%\" "
                 "class=\"num\">Blocked</th><th width=\"9%\" class=\"num\">Succeeded</th><th width=\"8%\" "
                 "class=\"num\">No effect</th><th width=\"9%\" class=\"num\">Collateral</th><th>Read, "
                 "or blocked by what</th></tr></thead>\n");
        for (const AttackTally& t : s.attacks) {
            const QString active = seconds(t.spec.startS) + QStringLiteral(" – ") +
                                   (t.spec.stopS ? seconds(*t.spec.stopS) : QStringLiteral("end")) +
                                   (t.removed ? QStringLiteral(" (removed)") : QString());
            h += QStringLiteral("<tr id=\"attack-%1\"><td><b>%1</b></td><td>%2</td><td>%3<br/><span "
                                "class=\"small muted\">%4; %5</span></td><td class=\"num\">%6</td><td "
                                "class=\"num\">%7</td><td class=\"num\">%8</td><td class=\"num\">%9</td><td "
                                "class=\"num\">%10</td><td class=\"small\">%11</td></tr>\n")
                     .arg(esc(t.spec.id), esc(name(t.spec.kind)), esc(t.spec.target()), esc(active),
                          esc(attackSettings(t.spec)), num(t.attempts), num(t.blocked), num(t.succeeded),
                          num(t.noEffect))
                     .arg(collateralCell(t), attackOutcome(t));
        }
        h += QStringLiteral("</table>\n");
    }

    // 6. Traffic.
    h += heading(QStringLiteral("traffic"), QStringLiteral("Traffic"), false);
    const engine::TrafficCounters& c = s.traffic;
    h += QString::fromLatin1(kTable) +
         QStringLiteral(
             "\n<thead><tr><th width=\"30%\">Application messages</th><th class=\"num\">Sent</th><th "
             "class=\"num\">Delivered</th><th class=\"num\">Altered, accepted</th><th "
             "class=\"num\">Replayed, accepted</th><th class=\"num\">Forged, accepted</th></tr>"
             "</thead>\n");
    h += QStringLiteral("<tr><td>Uplink readings (device → server)</td><td class=\"num\">%1</td><td "
                        "class=\"num\">%2</td><td class=\"num\">%3</td><td class=\"num\">%4</td><td "
                        "class=\"num\">–</td></tr>\n")
             .arg(num(c.uplinkSent), num(c.uplinkDelivered), num(c.uplinkAlteredAccepted),
                  num(c.uplinkReplayedAccepted));
    h += QStringLiteral("<tr><td>Downlink commands (server → device)</td><td class=\"num\">%1</td><td "
                        "class=\"num\">%2</td><td class=\"num\">%3</td><td class=\"num\">%4</td><td "
                        "class=\"num\">%5</td></tr>\n")
             .arg(num(c.downlinkSent), num(c.downlinkDelivered), num(c.downlinkAlteredAccepted),
                  num(c.downlinkReplayedAccepted), num(c.downlinkForgedAccepted));
    h += QStringLiteral("</table>\n");
    h += QString::fromLatin1(kTable) +
         QStringLiteral("\n<thead><tr><th width=\"17%\">Dropped: integrity</th><th width=\"17%\">Dropped: "
                        "replay</th><th width=\"17%\">Dropped: malformed</th><th width=\"17%\">Dropped: "
                        "other</th><th width=\"16%\">Attach completed</th><th>Attach failed</th></tr>"
                        "</thead>\n<tr>");
    for (const std::uint64_t v : {c.droppedIntegrity, c.droppedReplay, c.droppedMalformed, c.droppedOther,
                                  c.attachOk, c.attachFailed})
        h += QStringLiteral("<td class=\"num\">%1</td>").arg(num(v));
    h += QStringLiteral("</tr>\n</table>\n");

    // What became of every application message: one fate each, so the fates add up to what was sent.
    const engine::MessageAccounting& a = s.accounting;
    h += QStringLiteral("<p><b>Message accounting.</b> Every application message sent has exactly one fate; "
                        "the fates of a direction add up to what it sent. <i>Collateral</i>: a genuine "
                        "message discarded because an attacker disturbed state (see the attacks' collateral "
                        "column).</p>\n");
    h += QString::fromLatin1(kTable) +
         QStringLiteral("\n<thead><tr><th width=\"19%\">Direction</th><th class=\"num\">Sent</th><th "
                        "class=\"num\">Delivered intact</th><th class=\"num\">Delivered altered</th><th "
                        "class=\"num\">Dropped: integrity</th><th class=\"num\">Dropped: replay</th><th "
                        "class=\"num\">Dropped: malformed</th><th class=\"num\">Lost: collateral</th><th "
                        "class=\"num\">Dropped: other</th><th class=\"num\">In flight</th></tr></thead>\n");
    for (const auto& [direction, d] : {std::pair{QStringLiteral("Uplink readings"), &a.uplink},
                                       std::pair{QStringLiteral("Downlink commands"), &a.downlink}}) {
        h += QStringLiteral("<tr id=\"accounting-%1\"><td>%2</td>")
                 .arg(&a.uplink == d ? QStringLiteral("uplink") : QStringLiteral("downlink"), esc(direction));
        for (const std::uint64_t v :
             {d->sent, d->deliveredIntact, d->deliveredAltered, d->droppedIntegrity, d->droppedReplay,
              d->droppedMalformed, d->droppedCollateral, d->droppedOther, d->inFlight})
            h += QStringLiteral("<td class=\"num\">%1</td>").arg(num(v));
        h += QStringLiteral("</tr>\n");
    }
    h += QStringLiteral("</table>\n");
    h += QStringLiteral("<p>Accepted but never sent by the peer (not deliveries): replayed copies %1, "
                        "forged messages %2.</p>\n")
             .arg(num(a.acceptedReplayed), num(a.acceptedForged));

    // 7. The charts.
    h += heading(QStringLiteral("charts"), QStringLiteral("Charts"), true);
    if (in.charts.empty())
        h += QStringLiteral("<p class=\"muted\">(no charts)</p>\n");
    else
        h += QStringLiteral(
                 "<p>Traffic per link: PDUs per simulated second on each link, each link with its own line "
                 "pattern. "
                 "Attack outcomes: attempts blocked (solid), succeeded (dashed) and without effect (dotted), "
                 "and genuine messages lost as collateral of attacks (dash-dot), cumulative; an eavesdropper "
                 "or insider that reads a secret counts as succeeded, one that reads only ciphertext as "
                 "blocked, one that reads nothing secret as without effect. "
                 "PDU size: mean octets per PDU on the wire on each link over the last %1 (solid bars) and "
                 "the whole run (hatched bars); what protection adds shows as the difference after it is "
                 "switched on.</p>\n")
                 .arg(seconds(engine::toSeconds(ChartsDock::kOverheadWindow)));
    for (std::size_t i = 0; i < in.charts.size(); ++i) {
        const auto& [chartTitle, picture] = in.charts[i];
        h += QStringLiteral("<h3>%1</h3>\n").arg(esc(chartTitle));
        h += image(picture, static_cast<int>(i) + 1, forPdf ? kPdfChartWidth : kHtmlChartWidth, chartTitle);
    }

    // 8. One example per attack, before and after.
    h += heading(QStringLiteral("examples"), QStringLiteral("Attack examples"), true);
    h += QStringLiteral(
             "<p>One PDU per attack, in hex as it was captured (before) and as the attacker sent it "
             "on (after), at most %1 octets. Octets that differ between the two are shown "
             "<b><u>bold and underlined</u></b>.</p>\n")
             .arg(kMaxHexOctets);
    for (const AttackTally& t : s.attacks) {
        h += QStringLiteral("<h3>Attack %1: %2 on %3</h3>\n")
                 .arg(esc(t.spec.id), esc(name(t.spec.kind)), esc(t.spec.target()));
        const AttackExample* e = bestExample(t);
        if (e == nullptr) {
            h += t.attempts == 0
                     ? QStringLiteral("<p class=\"muted\">No example: the attack acted on no message.</p>\n")
                     : QStringLiteral("<p class=\"muted\">No example was recorded for this attack.</p>\n");
            continue;
        }
        const QString device = e->device == engine::kNoDevice ? QStringLiteral("no device")
                                                              : QStringLiteral("device %1").arg(e->device);
        h += QStringLiteral("<p>At %1, %2, %3: %4</p>\n")
                 .arg(seconds(engine::toSeconds(e->time)), device,
                      e->signalling ? QStringLiteral("signalling") : QStringLiteral("user data"),
                      esc(e->what));
        const bool hasAfter = !e->after.empty();
        h += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">\n<thead><tr><th>Before "
                            "(%1 octets, as captured)</th>")
                 .arg(e->before.size());
        if (hasAfter)
            h += QStringLiteral("<th>After (%1 octets, as sent on)%2</th>")
                     .arg(e->after.size())
                     .arg(e->after == e->before ? QStringLiteral(": an identical copy") : QString());
        h += QStringLiteral("</tr></thead>\n<tr><td>") + hexDump(e->before, hasAfter ? &e->after : nullptr) +
             QStringLiteral("</td>");
        if (hasAfter)
            h += QStringLiteral("<td>") + hexDump(e->after, &e->before) + QStringLiteral("</td>");
        h += QStringLiteral("</tr>\n</table>\n");
    }

    h += QStringLiteral(
             "<p class=\"small muted\">Written by %1 (%2 %3) on %4. The JSON report (schema "
             "mtcsec-report/1) of the same run holds every count above in machine-readable form.</p>\n")
             .arg(QString::fromUtf8(kDisplayName), QString::fromUtf8(kApplicationName),
                  QString::fromUtf8(kVersion),
                  QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    h += QStringLiteral("</body>\n</html>\n");
    return h;
}

namespace {

[[noreturn]] void cannotWrite(const QString& path, const QString& why)
{
    io::throwCannotWrite(path, why.toStdString());
}

// A heading stays with what follows it: one in the last part of a page, or whose next line starts on a later
// page, moves to the next page. One heading at a time, each followed by a complete new layout (the layout
// after a format change is incremental, and does not place the blocks that follow it again).
void keepHeadingsWithNext(QTextDocument& document, double pageHeight)
{
    const QAbstractTextDocumentLayout* layout = document.documentLayout();
    const auto pageOf = [&](const QTextBlock& block) {
        double bottom = layout->blockBoundingRect(block).top();
        if (block.layout() != nullptr && block.layout()->lineCount() > 0)
            bottom += block.layout()->lineAt(0).rect().bottom();
        return static_cast<int>(bottom / pageHeight);
    };
    const auto needsBreak = [&](const QTextBlock& block) {
        const QTextBlock next = block.next();
        if (block.blockFormat().headingLevel() == 0 || !next.isValid() ||
            (block.blockFormat().pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore) != 0)
            return false;
        const double top = layout->blockBoundingRect(block).top();
        const double room = (std::floor(top / pageHeight) + 1) * pageHeight - top;
        return pageOf(next) > pageOf(block) || room < kHeadingRoom * pageHeight;
    };
    for (;;) {
        QTextBlock block = document.begin();
        while (block.isValid() && !needsBreak(block))
            block = block.next();
        if (!block.isValid())
            return;
        QTextBlockFormat format = block.blockFormat();
        format.setPageBreakPolicy(format.pageBreakPolicy() | QTextFormat::PageBreak_AlwaysBefore);
        QTextCursor(block).setBlockFormat(format);
        document.markContentsDirty(0, document.characterCount());
    }
}

} // namespace

void writeHtmlReport(const SessionReportInput& in, const QString& path)
{
    io::checkOutputPath(path);
    io::writeFileAtomically(path, reportHtml(in, false).toUtf8());
}

void writePdfReport(const SessionReportInput& in, const QString& path)
{
    io::checkOutputPath(path); // before the rendering, which takes a while
    io::writeFileAtomically(path, pdfReport(in));
}

QByteArray pdfReport(const SessionReportInput& in)
{
    const QString path = QStringLiteral("PDF report");
    QTextDocument document;
    document.setUndoRedoEnabled(false);
    document.addResource(QTextDocument::ImageResource, QUrl(imageName(0)), in.topology);
    for (std::size_t i = 0; i < in.charts.size(); ++i)
        document.addResource(QTextDocument::ImageResource, QUrl(imageName(static_cast<int>(i) + 1)),
                             in.charts[i].second);

    QByteArray pdf;
    QBuffer file(&pdf);
    if (!file.open(QIODevice::WriteOnly))
        cannotWrite(path, file.errorString());
    {
        QPdfWriter writer(&file);
        writer.setResolution(kPdfResolution);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                         QMarginsF(kMarginSide, kMarginTop, kMarginSide, kMarginBottom),
                                         QPageLayout::Millimeter));
        writer.setTitle(QStringLiteral("Session report: ") + qv(in.summary.scenarioName));
        writer.setCreator(
            QStringLiteral("%1 %2").arg(QString::fromUtf8(kDisplayName), QString::fromUtf8(kVersion)));

        // The layout works in the writer's pixels, so that fonts, rules and pictures keep their print sizes.
        document.documentLayout()->setPaintDevice(&writer);
        document.setDocumentMargin(0);
        document.setHtml(reportHtml(in, true));
        const double footer = kFooterHeight / 25.4 * writer.logicalDpiY();
        const QSizeF page(writer.width(), writer.height() - footer);
        document.setPageSize(page);
        keepHeadingsWithNext(document, page.height());
        const int pages = document.pageCount();

        QPainter painter;
        if (!painter.begin(&writer))
            cannotWrite(path, QStringLiteral("the PDF writer could not start"));
        QAbstractTextDocumentLayout::PaintContext context;
        context.palette = lightPalette();
        QFont footerFont(QStringLiteral("DejaVu Sans"));
        footerFont.setPointSizeF(7.5);
        const QString footerText = QStringLiteral("%1 · session report · %2 · seed %3")
                                       .arg(QString::fromUtf8(kDisplayName), qv(in.summary.scenarioName),
                                            QString::number(in.summary.seed));
        for (int i = 0; i < pages; ++i) {
            if (i > 0 && !writer.newPage())
                cannotWrite(path, QStringLiteral("the PDF writer could not start page %1").arg(i + 1));
            painter.save();
            painter.translate(0, -i * page.height());
            const QRectF view(0, i * page.height(), page.width(), page.height());
            painter.setClipRect(view);
            context.clip = view;
            document.documentLayout()->draw(&painter, context);
            painter.restore();

            const QRectF band(0, page.height() + footer * 0.35, page.width(), footer * 0.65);
            painter.setPen(QPen(QColor(138, 144, 153), writer.logicalDpiY() / 300.0));
            painter.drawLine(band.topLeft(), band.topRight());
            painter.setFont(footerFont);
            painter.setPen(QColor(85, 91, 99));
            painter.drawText(band, Qt::AlignLeft | Qt::AlignVCenter, footerText);
            painter.drawText(band, Qt::AlignRight | Qt::AlignVCenter,
                             QStringLiteral("Page %1 of %2").arg(i + 1).arg(pages));
        }
        if (!painter.end())
            cannotWrite(path, QStringLiteral("the PDF could not be completed"));
    }
    return pdf;
}

} // namespace mtcsec::ui
