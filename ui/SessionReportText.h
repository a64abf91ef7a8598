// The session report's words (internal to the report): escaping, numbers and seconds, the sentences about
// protections, attacks and verdicts, the reproduction command, the timeline, the hex dump of an example and
// the style sheet.
#pragma once

#include "core/engine/RunSummary.h"
#include "ui/LinkProtection.h"
#include "ui/SessionReport.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace mtcsec::ui::sessionreport {

// The report's words in the interface's language: ReportText::tr("..."). Without an installed translation
// (mtcsec run --report x.html) they are the English source text, byte for byte.
class ReportText {
    Q_DECLARE_TR_FUNCTIONS(mtcsec::ui::sessionreport::ReportText)
};

inline constexpr std::size_t kMaxHexOctets = 256; // octets of an example shown in hex
inline constexpr std::size_t kOctetsPerLine = 16;
inline constexpr const char* kTable =
    "<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" width=\"100%\">";

// HTML-escaped text.
[[nodiscard]] QString esc(const QString& text);
[[nodiscard]] QString esc(std::string_view text);
[[nodiscard]] QString num(std::uint64_t value);
// "12.5 s": seconds to the millisecond, without trailing zeros, with a non-breaking space.
[[nodiscard]] QString seconds(double value);
// "Uu: RRC EIA2+EEA2, UP EEA2" -> "RRC EIA2+EEA2, UP EEA2".
[[nodiscard]] QString afterColon(const QString& label);
// An attack's settings in words ("all messages, both directions, rate 1").
[[nodiscard]] QString attackSettings(const AttackSpec& spec);
// What an attack read, or what blocked it, in words (HTML).
[[nodiscard]] QString attackOutcome(const engine::AttackTally& t);
// An attacker's collateral: the genuine messages it caused to be lost, readings and commands apart (HTML).
[[nodiscard]] QString collateralCell(const engine::AttackTally& t);
[[nodiscard]] QString verdictText(engine::Verdict verdict);
[[nodiscard]] QString verdictClass(engine::Verdict verdict); // the CSS class of a verdict's cell
[[nodiscard]] QString levelClass(ProtectionLevel level);
[[nodiscard]] QString levelText(ProtectionLevel level);
// Octets as hex, 16 to a line with the offset, at most kMaxHexOctets; octets that differ from `other` (when
// given) are bold and underlined, so that a change reads without colour.
[[nodiscard]] QString hexDump(const Bytes& bytes, const Bytes* other);
// The example that shows an attack best: one with bytes sent on, else one with captured bytes; or none.
[[nodiscard]] const engine::AttackExample* bestExample(const engine::AttackTally& t);

// The command that reproduces the run, and notes on how far it does.
struct Reproduction {
    QString command;
    QStringList notes;
};
[[nodiscard]] Reproduction reproduction(const SessionReportInput& in);

// One line of the timeline of configuration changes and attacks.
struct TimelineEntry {
    double atS = 0;
    int order = 0; // among entries at the same time
    QString what;
};
[[nodiscard]] std::vector<TimelineEntry> timeline(const SessionReportInput& in);

// The CSS of the report, for a browser or for the PDF.
[[nodiscard]] QString styleSheet(bool forPdf);

} // namespace mtcsec::ui::sessionreport
