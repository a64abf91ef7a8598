// The session report's words: escaping, sentences about protections, attacks and verdicts, the reproduction
// command, the timeline and the style sheet.
#include "ui/SessionReportText.h"

#include "core/scenario/Presets.h"
#include "ui/QtText.h"

#include <algorithm>

namespace mtcsec::ui::sessionreport {

using engine::AttackExample;
using engine::AttackTally;
using engine::EventKind;
using engine::LogEvent;
using engine::RunSummary;
using engine::Verdict;

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

// "Uu: RRC EIA2+EEA2, UP EEA2" -> "RRC EIA2+EEA2, UP EEA2".
QString afterColon(const QString& label)
{
    const qsizetype colon = label.indexOf(QStringLiteral(": "));
    return colon < 0 ? label : label.mid(colon + 2);
}

static QString protectionSentence(const Protection& p)
{
    QStringList on, off;
    for (const Link link : kBackhaulLinks)
        (p.ndsOn(link) ? on : off) << qv(name(link));
    QString nds;
    if (off.isEmpty())
        nds = ReportText::tr("NDS/IP on every backhaul link");
    else if (on.isEmpty())
        nds = ReportText::tr("NDS/IP off on every backhaul link");
    else
        nds = ReportText::tr("NDS/IP on %1, off on %2")
                  .arg(on.join(QStringLiteral(", ")), off.join(QStringLiteral(", ")));
    return QStringLiteral("%1; %2; %3; end to end: %4")
        .arg(nasProtection(p.nas).label, linkProtection(Link::Uu, p).label, nds,
             afterColon(applicationProtection(p.app).label));
}

// What a protection change changed, part by part ("S1-U NDS/IP on → off").
static QString protectionDiff(const Protection& before, const Protection& after)
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
                         (before.ndsOn(link) ? ReportText::tr("on") : ReportText::tr("off")) + arrow +
                         (after.ndsOn(link) ? ReportText::tr("on") : ReportText::tr("off"));
    }
    if (!(before.app == after.app))
        parts << ReportText::tr("end to end ") + afterColon(applicationProtection(before.app).label) + arrow +
                     afterColon(applicationProtection(after.app).label);
    return parts.isEmpty() ? ReportText::tr("the same configuration applied again")
                           : parts.join(QStringLiteral("; "));
}

static QString attackName(const AttackSpec& spec)
{
    return QStringLiteral("%1 (%2 on %3)")
        .arg(QString::fromStdString(spec.id), qv(name(spec.kind)), QString::fromStdString(spec.target()));
}

QString attackSettings(const AttackSpec& spec)
{
    QStringList parts;
    parts << qv(name(spec.messages)) + ReportText::tr(" messages")
          << (spec.direction == DirectionFilter::Both ? ReportText::tr("both directions")
                                                      : qv(name(spec.direction)) + ReportText::tr(" only"));
    if (spec.kind == AttackKind::Inject)
        parts << ReportText::tr("%1 forgeries/s").arg(spec.rate);
    else
        parts << ReportText::tr("rate %1 %").arg(spec.rate * 100.0);
    if (spec.kind == AttackKind::Replay)
        parts << ReportText::tr("replays after %1").arg(seconds(spec.replayDelayS));
    return parts.join(QStringLiteral(", "));
}

static bool passive(const AttackSpec& spec)
{
    return spec.kind == AttackKind::Eavesdrop || spec.kind == AttackKind::Insider;
}

// What an attack read, or what blocked it, in words.
QString attackOutcome(const AttackTally& t)
{
    QStringList lines;
    if (passive(t.spec)) {
        lines
            << ReportText::tr("Seen: %1 signalling, %2 user-data PDUs").arg(t.signallingSeen).arg(t.dataSeen);
        QStringList read;
        if (t.imsiRead > 0)
            read << (t.imsiInitialAttach > 0 ? ReportText::tr("%1 IMSIs (%2 from initial Attach Requests)")
                                                   .arg(t.imsiRead)
                                                   .arg(t.imsiInitialAttach)
                                             : ReportText::tr("%1 IMSIs").arg(t.imsiRead));
        if (t.nasBodiesRead > 0)
            read << ReportText::tr("%1 NAS bodies").arg(t.nasBodiesRead);
        if (t.keysRead > 0)
            read << ReportText::tr("%1 keys").arg(t.keysRead);
        if (t.readingsRead > 0)
            read << ReportText::tr("%1 readings").arg(t.readingsRead);
        if (t.commandsRead > 0)
            read << ReportText::tr("%1 commands").arg(t.commandsRead);
        lines << ReportText::tr("Read: ") +
                     (read.isEmpty() ? ReportText::tr("nothing secret") : read.join(QStringLiteral(", ")));
        if (t.ciphertextSeen > 0)
            lines << ReportText::tr("Ciphertext only: %1 PDUs").arg(t.ciphertextSeen);
    } else {
        if (t.signallingAttempts > 0)
            lines << ReportText::tr("Signalling: %1 attacked, %2 blocked, %3 accepted")
                         .arg(t.signallingAttempts)
                         .arg(t.signallingBlocked)
                         .arg(t.signallingSucceeded);
        if (t.initialAttachSucceeded > 0)
            lines << ReportText::tr("(%1 of them initial Attach Requests, which LTE cannot protect)")
                         .arg(t.initialAttachSucceeded);
        if (t.dataAttempts > 0)
            lines << ReportText::tr("User data: %1 attacked, %2 blocked, %3 accepted")
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
            lines << ReportText::tr("Blocked by: ") + by.join(QStringLiteral(", "));
        if (lines.isEmpty())
            lines << ReportText::tr("No message acted on");
    }
    QStringList why;
    for (std::size_t i = 0; i < t.noEffectBy.size(); ++i) {
        if (t.noEffectBy[i] > 0)
            why << QStringLiteral("%1 %2")
                       .arg(t.noEffectBy[i])
                       .arg(qv(engine::describe(static_cast<engine::NoEffectReason>(i))));
    }
    if (!why.isEmpty())
        lines << ReportText::tr("No effect: ") + why.join(QStringLiteral(", "));
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
    return ReportText::tr("%1<br/><span class=\"small\">%2 readings, %3 commands</span>")
        .arg(num(t.collateral), num(t.collateralUplink), num(t.collateral - t.collateralUplink));
}

QString verdictText(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Met:
        return ReportText::tr("✓ met");
    case Verdict::Violated:
        return ReportText::tr("✗ violated");
    case Verdict::NotExercised:
        return ReportText::tr("– not-exercised");
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
        return ReportText::tr("<p class=\"muted\">(no octets)</p>");
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
        out += ReportText::tr("\n… %1 more octets not shown").arg(bytes.size() - shown);
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
        if (preset->devicesPerCell != s.devicesPerCell) {
            preset->devicesPerCell = s.devicesPerCell;
            args << QStringLiteral("--devices-per-cell") << QString::number(s.devicesPerCell);
        }
        if (*preset == s)
            r.command = args.join(QLatin1Char(' '));
    }
    if (r.command.isEmpty()) {
        // The options as run, so that a scenario file run with --duration, --devices or --devices-per-cell is
        // reproduced from the file itself.
        QStringList args{QStringLiteral("mtcsec run --scenario SCENARIO.json --seed ") + seed,
                         QStringLiteral("--duration"), QString::number(s.durationS),
                         QStringLiteral("--devices"), QString::number(s.devices)};
        if (s.devicesPerCell != Scenario{}.devicesPerCell)
            args << QStringLiteral("--devices-per-cell") << QString::number(s.devicesPerCell);
        r.command = args.join(QLatin1Char(' '));
        r.notes << ReportText::tr("SCENARIO.json is this scenario's file: the one given to mtcsec run, or "
                                  "saved from the application "
                                  "(File, Save As); it holds the traffic, protection, attacks and timeline "
                                  "above, and the options give "
                                  "the duration, devices and cells as they were run.");
    }
    std::size_t liveEdits = 0;
    for (const LogEvent& e : in.events) {
        if ((e.kind == EventKind::ProtectionChanged && e.value == 0) || e.kind == EventKind::AttackAdded ||
            e.kind == EventKind::AttackRemoved)
            ++liveEdits;
    }
    if (liveEdits > 0)
        r.notes << ReportText::tr(
                       "This run was changed %1 time(s) while it ran (see the timeline); the command "
                       "replays the scenario as configured, without those changes, so its digest "
                       "differs.")
                       .arg(liveEdits);
    if (in.summary.durationS + 1e-6 < s.durationS)
        r.notes << ReportText::tr(
                       "The report was taken at %1 of the %2 the scenario runs for; a complete run "
                       "has more events and another digest.")
                       .arg(seconds(in.summary.durationS), seconds(s.durationS));
    else
        r.notes << ReportText::tr("The same scenario and seed give the same digest on any machine.");
    return r;
}

std::vector<TimelineEntry> timeline(const SessionReportInput& in)
{
    const RunSummary& s = in.summary;
    std::vector<TimelineEntry> entries;
    entries.push_back(
        {0, 0, ReportText::tr("Run starts with: ") + protectionSentence(in.scenario.protection)});

    std::vector<const LogEvent*> changeEvents;
    for (const LogEvent& e : in.events)
        if (e.kind == EventKind::ProtectionChanged)
            changeEvents.push_back(&e);
    for (std::size_t i = 0; i < s.changes.size(); ++i) {
        const Protection& before = i == 0 ? in.scenario.protection : s.changes[i - 1].protection;
        QString source = ReportText::tr("Protection changed: ");
        if (changeEvents.size() == s.changes.size())
            source = changeEvents[i]->value != 0 ? ReportText::tr("Protection changed (scenario timeline): ")
                                                 : ReportText::tr("Protection changed by the user: ");
        entries.push_back({s.changes[i].atS, 1, source + protectionDiff(before, s.changes[i].protection)});
    }

    for (std::size_t k = 0; k < s.attacks.size(); ++k) {
        const AttackSpec& spec = s.attacks[k].spec;
        for (const LogEvent& e : in.events) {
            if (e.attack != static_cast<std::int16_t>(k))
                continue;
            if (e.kind == EventKind::AttackAdded)
                entries.push_back({engine::toSeconds(e.time), 2,
                                   ReportText::tr("Attacker %1 placed by the user").arg(attackName(spec))});
            else if (e.kind == EventKind::AttackRemoved)
                entries.push_back({engine::toSeconds(e.time), 5,
                                   ReportText::tr("Attacker %1 removed by the user").arg(attackName(spec))});
        }
        if (spec.startS <= s.durationS)
            entries.push_back(
                {spec.startS, 3,
                 ReportText::tr("Attack %1 starts: %2").arg(attackName(spec), attackSettings(spec))});
        if (spec.stopS && *spec.stopS <= s.durationS)
            entries.push_back({*spec.stopS, 4, ReportText::tr("Attack %1 stops").arg(attackName(spec))});
    }
    entries.push_back(
        {s.durationS, 9,
         s.durationS + 1e-6 < in.scenario.durationS
             ? ReportText::tr("Report taken (the run goes on to %1)").arg(seconds(in.scenario.durationS))
             : ReportText::tr("Run ends")});
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

} // namespace mtcsec::ui::sessionreport
