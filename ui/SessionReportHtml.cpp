// The session report's HTML: one document for a browser (images inline) or for the PDF (images as document
// resources), readable without colour.
#include "core/protocol/E2eOverhead.h"
#include "mtcsec/Version.h"
#include "ui/ChartsDock.h"
#include "ui/EvidenceText.h"
#include "ui/Language.h"
#include "ui/LinkProtection.h"
#include "ui/QtText.h"
#include "ui/SequenceChartPainter.h"
#include "ui/SessionReport.h"
#include "ui/SessionReportPictures.h"
#include "ui/SessionReportText.h"

#include <QDateTime>

#include <algorithm>
#include <array>
#include <cmath>

namespace mtcsec::ui {
namespace {

using engine::AttackExample;
using engine::AttackTally;
using engine::RequirementResult;
using engine::RunSummary;
using engine::Verdict;
using namespace sessionreport;

constexpr int kHtmlImageWidth = 960;  // CSS pixels in a browser (shrinks with the window)
constexpr int kPdfChartWidth = 520;   // CSS pixels of a chart in the PDF: three to a page
constexpr int kHtmlChartWidth = 900;  // CSS pixels of a chart in a browser
constexpr int kPdfContentWidth = 650; // CSS pixels (1/96 in) between the PDF's side margins (174 mm)

} // namespace

QString reportHtml(const SessionReportInput& in, bool forPdf)
{
    const RunSummary& s = in.summary;
    const Scenario& sc = in.scenario;
    const int imageWidth = forPdf ? kPdfContentWidth : kHtmlImageWidth;
    QString h;
    h.reserve(64 * 1024);

    const auto image = [&](const QImage& picture, int index, int width, const QString& alt) {
        if (picture.isNull())
            return ReportText::tr("<p class=\"muted\">(no picture)</p>");
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

    const QString title = ReportText::tr("Session report: ") + qv(s.scenarioName);
    h += QStringLiteral(
             "<!DOCTYPE html>\n<html lang=\"%5\">\n<head>\n<meta charset=\"utf-8\"/>\n"
             "<meta name=\"generator\" content=\"%1 %2\"/>\n<title>%3</title>\n<style>\n%4</style>\n"
             "</head>\n<body>\n")
             .arg(QString::fromUtf8(kApplicationName), QString::fromUtf8(kVersion), esc(title),
                  styleSheet(forPdf), currentLanguage());
    h += ReportText::tr("<p class=\"muted\">%1 · session report</p>\n").arg(QString::fromUtf8(kDisplayName));
    h += QStringLiteral("<h1>%1</h1>\n").arg(esc(sc.name));
    if (!sc.description.empty())
        h += QStringLiteral("<p><i>%1</i></p>\n").arg(esc(sc.description));

    // At a glance: the four verdicts.
    h += QString::fromLatin1(kTable) + QStringLiteral("\n<tr>");
    for (const RequirementResult& r : s.requirements)
        h +=
            QStringLiteral("<td class=\"%1\" width=\"25%\" align=\"center\"><b>%2</b>&#160; %3</td>")
                .arg(verdictClass(r.verdict), esc(r.id),
                     esc(verdictText(r.verdict) + (r.lteLimit ? ReportText::tr(" (LTE limit)") : QString())));
    h += QStringLiteral("</tr>\n</table>\n");
    h += ReportText::tr("<p class=\"small muted\">%1 MTC devices · %2 simulated · seed %3 · %4 attacks · "
                        "%5 events</p>\n")
             .arg(s.devices)
             .arg(seconds(s.durationS))
             .arg(s.seed)
             .arg(s.attacks.size())
             .arg(s.eventsTotal);
    if (!forPdf)
        h += ReportText::tr(
            "<nav class=\"small\">Contents: <a href=\"#scenario\">Scenario</a> · <a "
            "href=\"#requirements\">Requirements</a> · <a href=\"#protection\">Protection</a> · <a "
            "href=\"#timeline\">Timeline</a> · <a href=\"#attacks\">Attacks</a> · <a "
            "href=\"#traffic\">Traffic</a> "
            "· <a href=\"#charts\">Charts</a> · <a href=\"#examples\">Examples</a></nav>\n");

    // 1. The scenario and how to reproduce the run.
    const Reproduction repro = reproduction(in);
    h += heading(QStringLiteral("scenario"), ReportText::tr("Scenario and reproduction"), false);
    h += QString::fromLatin1(kTable) + QLatin1Char('\n');
    const auto fact = [&](const QString& key, const QString& valueHtml) {
        h += QStringLiteral("<tr><td class=\"key\" width=\"24%\">%1</td><td>%2</td></tr>\n")
                 .arg(esc(key), valueHtml);
    };
    fact(ReportText::tr("Scenario"), esc(sc.name));
    if (!sc.description.empty())
        fact(ReportText::tr("Description"), esc(sc.description));
    fact(ReportText::tr("MTC devices"), QString::number(s.devices));
    if (s.cells > 1)
        fact(ReportText::tr("Cells"),
             esc(ReportText::tr("%1 of at most %2 devices (devices_per_cell), simulated independently: each "
                                "its own eNB, links, NDS/IP security associations and attackers. Every count "
                                "in this report is the sum over the cells, and the verdicts are evaluated "
                                "from the sums.")
                     .arg(s.cells)
                     .arg(s.devicesPerCell)));
    fact(ReportText::tr("Simulated time"), s.durationS + 1e-6 < sc.durationS
                                               ? ReportText::tr("%1 of %2 (the run was still going)")
                                                     .arg(seconds(s.durationS), seconds(sc.durationS))
                                               : seconds(s.durationS));
    fact(ReportText::tr("Traffic"),
         esc(ReportText::tr("attach within %1; an uplink reading every %2; %3")
                 .arg(seconds(sc.traffic.attachSpreadS), seconds(sc.traffic.uplinkIntervalS),
                      sc.traffic.downlinkIntervalS > 0 ? ReportText::tr("a downlink command every %1")
                                                             .arg(seconds(sc.traffic.downlinkIntervalS))
                                                       : ReportText::tr("no downlink commands"))));
    fact(ReportText::tr("Network"), esc(ReportText::tr("MCC %1, MNC %2").arg(qv(sc.mcc), qv(sc.mnc))));
    fact(ReportText::tr("Seed"), QStringLiteral("<span class=\"mono\">%1</span>").arg(s.seed));
    fact(ReportText::tr("Events logged"), num(s.eventsTotal));
    fact(s.cells > 1 ? ReportText::tr("Digest (SHA-256 over the cells' event-log digests)")
                     : ReportText::tr("Digest (SHA-256 of the event log)"),
         QStringLiteral("<span class=\"mono\">%1</span>").arg(esc(s.digest)));
    fact(ReportText::tr("Reproduce"), QStringLiteral("<code>%1</code>").arg(esc(repro.command)));
    h += QStringLiteral("</table>\n");
    for (const QString& note : repro.notes)
        h += QStringLiteral("<p class=\"small\">%1</p>\n").arg(esc(note));

    // 2. The requirement verdicts with their evidence.
    h += heading(QStringLiteral("requirements"), ReportText::tr("Security requirements R1–R4"), false);
    h += ReportText::tr("<p>Each verdict comes from what the attacks did to real bytes in this run: "
                        "<b>✓ met</b> (attacked and held), <b>✗ violated</b> (an attack succeeded), "
                        "<b>– not-exercised</b> (no attack touched it).</p>\n");
    h += QString::fromLatin1(kTable) +
         ReportText::tr("\n<thead><tr><th width=\"7%\">Req.</th><th width=\"30%\">Requirement</th>"
                        "<th width=\"15%\">Verdict</th><th>Evidence</th></tr></thead>\n");
    const std::uint64_t lost =
        s.accounting.uplink.droppedCollateral + s.accounting.downlink.droppedCollateral;
    for (std::size_t i = 0; i < s.requirements.size(); ++i) {
        const RequirementResult& r = s.requirements[i];
        QString evidence;
        for (const QString& e : evidenceTexts(r))
            evidence += QStringLiteral("<li>%1</li>").arg(esc(e));
        QString verdict = QStringLiteral("<b>%1</b>").arg(esc(verdictText(r.verdict)));
        if (r.lteLimit)
            verdict += ReportText::tr("<br/><span class=\"small\">LTE limit: only where LTE itself cannot "
                                      "protect</span>");
        if (r.id == "R4" && r.verdict == Verdict::Met && lost > 0)
            verdict += ReportText::tr("<br/><span class=\"small\">but %1 genuine messages lost to attacks "
                                      "(collateral)</span>")
                           .arg(num(lost));
        h += QStringLiteral("<tr id=\"req-%1\"><td><b>%1</b></td><td>%2</td><td class=\"%3\">%4</td>"
                            "<td class=\"small\"><ul>%5</ul></td></tr>\n")
                 .arg(esc(r.id), esc(requirementWording(i)), verdictClass(r.verdict), verdict, evidence);
    }
    h += QStringLiteral("</table>\n");
    if (s.sinceChangeS) {
        // What the last protection change achieved: the same evaluation over what happened after it.
        h += ReportText::tr("<p><b>Since the last protection change, at %1:</b> the verdicts over what "
                            "happened after it only (attempts and losses counted when they happened).</p>\n")
                 .arg(seconds(*s.sinceChangeS));
        h += QString::fromLatin1(kTable) +
             ReportText::tr("\n<thead><tr><th width=\"7%\">Req.</th><th width=\"15%\">Whole run</th>"
                            "<th width=\"15%\">Since the change</th><th>Evidence since the change</th></tr>"
                            "</thead>\n");
        for (std::size_t i = 0; i < s.requirements.size(); ++i) {
            const RequirementResult& whole = s.requirements[i];
            const RequirementResult& since = s.requirementsSinceChange[i];
            QString evidence;
            for (const QString& e : evidenceTexts(since))
                evidence += QStringLiteral("<li>%1</li>").arg(esc(e));
            h += QStringLiteral("<tr id=\"req-since-%1\"><td><b>%1</b></td><td class=\"%2\">%3</td>"
                                "<td class=\"%4\"><b>%5</b></td><td class=\"small\"><ul>%6</ul></td></tr>\n")
                     .arg(esc(since.id), verdictClass(whole.verdict), esc(verdictText(whole.verdict)),
                          verdictClass(since.verdict), esc(verdictText(since.verdict)), evidence);
        }
        h += QStringLiteral("</table>\n");
    }

    // 3. The protection in force and the topology as drawn.
    h += heading(QStringLiteral("protection"), ReportText::tr("Network and protection in force"), false);
    h += ReportText::tr("<p>The configuration in force at the end of the run%1. The red line of the "
                        "contribution is the 3GPP network level (hop by hop), the blue line the application "
                        "level (end to end).</p>\n")
             .arg(s.changes.empty() ? QString()
                                    : ReportText::tr(" (it changed during the run: see the timeline)"));
    h += QString::fromLatin1(kTable) +
         ReportText::tr("\n<thead><tr><th width=\"13%\">Segment</th><th width=\"25%\">Between</th>"
                        "<th width=\"30%\">In force</th><th>Level</th></tr></thead>\n");
    const auto segment = [&](const QString& segmentName, const QString& between, const SegmentProtection& p) {
        h += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td><td>%3</td><td class=\"%4\">%5</td></tr>\n")
                 .arg(esc(segmentName), esc(between), esc(afterColon(p.label)), levelClass(p.level),
                      esc(levelText(p.level)));
    };
    const std::array<const char*, kLinkCount> between = {
        "MTC device – eNB (radio)", "eNB – MME", "eNB – S-GW", "MME – HSS", "S-GW – P-GW",
        "P-GW – MTC server"};
    segment(QStringLiteral("NAS"), ReportText::tr("MTC device – MME (inside Uu and S1-MME)"),
            nasProtection(s.protection.nas));
    for (const Link link : kAllLinks)
        segment(qv(name(link)), QString::fromUtf8(between.at(static_cast<std::size_t>(link))),
                linkProtection(link, s.protection));
    segment(ReportText::tr("End to end"), ReportText::tr("MTC device – MTC server (application)"),
            applicationProtection(s.protection.app));
    h += QStringLiteral("</table>\n");
    h += ReportText::tr("<p class=\"small\">● confidentiality and integrity · ◐ one of the two · ○ no "
                        "protection. LTE has no user-plane integrity on Uu.</p>\n");
    // Issue 15, oscore part: what each end-to-end mode costs on the wire (core/protocol/E2eOverhead.h).
    h +=
        ReportText::tr("<p>End-to-end overhead, octets added to one reading (UDP payload) and per session "
                       "set-up:</p>\n<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">\n<thead><tr>"
                       "<th>Mode</th><th>Per message</th><th>Per handshake</th><th>What</th></tr></thead>\n");
    for (const protocol::E2eOverhead& o : protocol::e2eOverheads()) {
        const auto cell = [](const std::optional<std::size_t>& v) {
            return v ? QString::number(*v) : QStringLiteral("–");
        };
        h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>\n")
                 .arg(qv(o.mode), cell(o.perMessage), cell(o.perHandshake), esc(qv(o.note)));
    }
    h += QStringLiteral("</table>\n");
    h += image(in.topology, 0, imageWidth, ReportText::tr("The topology as drawn on the canvas"));
    h += ReportText::tr("<p class=\"caption\" align=\"center\">The topology as drawn on the canvas at "
                        "the end of the run: protection on each line (solid and lock: confidentiality and "
                        "integrity; dashed and shield: integrity only; dash-dot and struck lock: ciphering "
                        "without integrity, as for user data on Uu; dotted and open lock: nothing) and the "
                        "attackers with their counts.</p>\n");
    if (s.cells > 1)
        h += ReportText::tr("<p class=\"caption\" align=\"center\">Each of the %1 cells has these nodes and "
                            "every attacker; the canvas draws them once, with the counts summed over the "
                            "cells.</p>\n")
                 .arg(s.cells);
    if (!in.sequenceChart.isNull()) {
        h += image(in.sequenceChart, -1, imageWidth, ReportText::tr("The first device's attach"));
        h += ReportText::tr("<p class=\"caption\" align=\"center\">The attach of device 0 as a message "
                            "sequence chart: %1</p>\n")
                 .arg(esc(sequenceChartLegend()));
        if (s.cells > 1)
            h += ReportText::tr("<p class=\"caption\" align=\"center\">Device 0 is in cell 0: this chart "
                                "shows cell 0's PDUs.</p>\n");
    }

    // 4. The timeline.
    h += heading(QStringLiteral("timeline"), ReportText::tr("Timeline of configuration changes and attacks"),
                 false);
    h += QString::fromLatin1(kTable) +
         ReportText::tr("\n<thead><tr><th width=\"12%\" class=\"num\">Time</th><th>What happened</th></tr>"
                        "</thead>\n");
    for (const TimelineEntry& e : timeline(in))
        h += QStringLiteral("<tr><td class=\"num\">%1</td><td>%2</td></tr>\n")
                 .arg(seconds(e.atS), esc(e.what));
    h += QStringLiteral("</table>\n");

    // 5. The attacks.
    h += heading(QStringLiteral("attacks"), ReportText::tr("Attacks"), false);
    if (s.attacks.empty()) {
        h += ReportText::tr("<p>No attack in this run.</p>\n");
    } else {
        h += ReportText::tr(
            "<p>Attempts are the PDUs an attacker acted on (or, for an eavesdropper or insider, "
            "looked at); <i>blocked</i> counts what protection stopped or kept secret, "
            "<i>succeeded</i> what the attacker read or got accepted, <i>no effect</i> the rest "
            "(attempts = blocked + succeeded + no effect). <i>Collateral</i> counts the genuine messages "
            "lost because of what the attacker did (a PDCP COUNT its PDUs advanced, a forged Detach "
            "Request), beyond its own attempts.</p>\n");
        h += QString::fromLatin1(kTable) +
             ReportText::tr(
                 "\n<thead><tr><th width=\"7%\">Attack</th><th width=\"12%\">Kind</th><th "
                 "width=\"15%\">Target</th><th width=\"9%\" class=\"num\">Attempts</th><th width=\"9%\" "
                 "class=\"num\">Blocked</th><th width=\"9%\" class=\"num\">Succeeded</th><th width=\"8%\" "
                 "class=\"num\">No effect</th><th width=\"9%\" class=\"num\">Collateral</th><th>Read, "
                 "or blocked by what</th></tr></thead>\n");
        for (const AttackTally& t : s.attacks) {
            const QString active = seconds(t.spec.startS) + QStringLiteral(" – ") +
                                   (t.spec.stopS ? seconds(*t.spec.stopS) : ReportText::tr("end")) +
                                   (t.removed ? ReportText::tr(" (removed)") : QString());
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
    h += heading(QStringLiteral("traffic"), ReportText::tr("Traffic"), false);
    const engine::TrafficCounters& c = s.traffic;
    h += QString::fromLatin1(kTable) +
         ReportText::tr(
             "\n<thead><tr><th width=\"30%\">Application messages</th><th class=\"num\">Sent</th><th "
             "class=\"num\">Delivered (intact + altered)</th><th class=\"num\">of which altered</th><th "
             "class=\"num\">Replayed copies accepted (in addition)</th><th class=\"num\">Forged "
             "accepted (in addition)</th></tr></thead>\n");
    h += ReportText::tr("<tr><td>Uplink readings (device → server)</td><td class=\"num\">%1</td><td "
                        "class=\"num\">%2</td><td class=\"num\">%3</td><td class=\"num\">%4</td><td "
                        "class=\"num\">–</td></tr>\n")
             .arg(num(c.uplinkSent), num(c.uplinkDelivered), num(c.uplinkAlteredAccepted),
                  num(c.uplinkReplayedAccepted));
    h += ReportText::tr("<tr><td>Downlink commands (server → device)</td><td class=\"num\">%1</td><td "
                        "class=\"num\">%2</td><td class=\"num\">%3</td><td class=\"num\">%4</td><td "
                        "class=\"num\">%5</td></tr>\n")
             .arg(num(c.downlinkSent), num(c.downlinkDelivered), num(c.downlinkAlteredAccepted),
                  num(c.downlinkReplayedAccepted), num(c.downlinkForgedAccepted));
    h += QStringLiteral("</table>\n");
    h += QString::fromLatin1(kTable) +
         ReportText::tr("\n<thead><tr><th width=\"17%\">Dropped: integrity</th><th width=\"17%\">Dropped: "
                        "replay</th><th width=\"17%\">Dropped: malformed</th><th width=\"17%\">Dropped: "
                        "other</th><th width=\"16%\">Attach completed</th><th>Attach failed</th></tr>"
                        "</thead>\n<tr>");
    for (const std::uint64_t v : {c.droppedIntegrity, c.droppedReplay, c.droppedMalformed, c.droppedOther,
                                  c.attachOk, c.attachFailed})
        h += QStringLiteral("<td class=\"num\">%1</td>").arg(num(v));
    h += QStringLiteral("</tr>\n</table>\n");

    // What became of every application message: one fate each, so the fates add up to what was sent.
    const engine::MessageAccounting& a = s.accounting;
    h += ReportText::tr("<p><b>Message accounting.</b> Every application message sent has exactly one fate; "
                        "the fates of a direction add up to what it sent. <i>Collateral</i>: a genuine "
                        "message discarded because an attacker disturbed state (see the attacks' collateral "
                        "column).</p>\n");
    h += QString::fromLatin1(kTable) +
         ReportText::tr("\n<thead><tr><th width=\"19%\">Direction</th><th class=\"num\">Sent</th><th "
                        "class=\"num\">Delivered intact</th><th class=\"num\">Delivered altered</th><th "
                        "class=\"num\">Dropped: integrity</th><th class=\"num\">Dropped: replay</th><th "
                        "class=\"num\">Dropped: malformed</th><th class=\"num\">Lost: collateral</th><th "
                        "class=\"num\">Dropped: other</th><th class=\"num\">In flight</th></tr></thead>\n");
    for (const auto& [direction, d] : {std::pair{ReportText::tr("Uplink readings"), &a.uplink},
                                       std::pair{ReportText::tr("Downlink commands"), &a.downlink}}) {
        h += QStringLiteral("<tr id=\"accounting-%1\"><td>%2</td>")
                 .arg(&a.uplink == d ? QStringLiteral("uplink") : QStringLiteral("downlink"), esc(direction));
        for (const std::uint64_t v :
             {d->sent, d->deliveredIntact, d->deliveredAltered, d->droppedIntegrity, d->droppedReplay,
              d->droppedMalformed, d->droppedCollateral, d->droppedOther, d->inFlight})
            h += QStringLiteral("<td class=\"num\">%1</td>").arg(num(v));
        h += QStringLiteral("</tr>\n");
    }
    h += QStringLiteral("</table>\n");
    h += ReportText::tr("<p>Accepted in addition to what the peer sent (not deliveries): replayed copies %1, "
                        "forged messages %2.</p>\n")
             .arg(num(a.acceptedReplayed), num(a.acceptedForged));

    // 7. The charts.
    h += heading(QStringLiteral("charts"), ReportText::tr("Charts"), true);
    if (in.charts.empty())
        h += ReportText::tr("<p class=\"muted\">(no charts)</p>\n");
    else
        h += ReportText::tr(
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
    if (!in.charts.empty() && s.cells > 1)
        h += ReportText::tr("<p>Each chart counts the PDUs, attempts and messages of all %1 cells "
                            "together.</p>\n")
                 .arg(s.cells);
    for (std::size_t i = 0; i < in.charts.size(); ++i) {
        const auto& [chartTitle, picture] = in.charts[i];
        h += QStringLiteral("<h3>%1</h3>\n").arg(esc(chartTitle));
        h += image(picture, static_cast<int>(i) + 1, forPdf ? kPdfChartWidth : kHtmlChartWidth, chartTitle);
    }

    // 8. One example per attack, before and after.
    h += heading(QStringLiteral("examples"), ReportText::tr("Attack examples"), true);
    h += ReportText::tr(
             "<p>One PDU per attack, in hex as it was captured (before) and as the attacker sent it "
             "on (after), at most %1 octets. Octets that differ between the two are shown "
             "<b><u>bold and underlined</u></b>.</p>\n")
             .arg(kMaxHexOctets);
    for (const AttackTally& t : s.attacks) {
        h += ReportText::tr("<h3>Attack %1: %2 on %3</h3>\n")
                 .arg(esc(t.spec.id), esc(name(t.spec.kind)), esc(t.spec.target()));
        const AttackExample* e = bestExample(t);
        if (e == nullptr) {
            h += t.attempts == 0
                     ? ReportText::tr("<p class=\"muted\">No example: the attack acted on no message.</p>\n")
                     : ReportText::tr("<p class=\"muted\">No example was recorded for this attack.</p>\n");
            continue;
        }
        QString device = e->device == engine::kNoDevice ? ReportText::tr("no device")
                                                        : ReportText::tr("device %1").arg(e->device);
        if (s.cells > 1) // "device 412 in cell 2": the cell's captures and CSV rows hold it
            device = ReportText::tr("%1 in cell %2").arg(device).arg(e->cell);
        h += QStringLiteral("<p>At %1, %2, %3: %4</p>\n")
                 .arg(seconds(engine::toSeconds(e->time)), device,
                      e->signalling ? ReportText::tr("signalling") : ReportText::tr("user data"),
                      esc(e->what));
        const bool hasAfter = !e->after.empty();
        h += ReportText::tr("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\">\n<thead><tr><th>Before "
                            "(%1 octets, as captured)</th>")
                 .arg(e->before.size());
        if (hasAfter)
            h += ReportText::tr("<th>After (%1 octets, as sent on)%2</th>")
                     .arg(e->after.size())
                     .arg(e->after == e->before ? ReportText::tr(": an identical copy") : QString());
        h += QStringLiteral("</tr></thead>\n<tr><td>") + hexDump(e->before, hasAfter ? &e->after : nullptr) +
             QStringLiteral("</td>");
        if (hasAfter)
            h += QStringLiteral("<td>") + hexDump(e->after, &e->before) + QStringLiteral("</td>");
        h += QStringLiteral("</tr>\n</table>\n");
    }

    h += ReportText::tr(
             "<p class=\"small muted\">Written by %1 (%2 %3) on %4. The JSON report (schema "
             "mtcsec-report/1) of the same run holds every count above in machine-readable form.</p>\n")
             .arg(QString::fromUtf8(kDisplayName), QString::fromUtf8(kApplicationName),
                  QString::fromUtf8(kVersion),
                  QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    h += QStringLiteral("</body>\n</html>\n");
    return h;
}

} // namespace mtcsec::ui
