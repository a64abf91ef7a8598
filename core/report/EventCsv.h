// The event log as CSV (RFC 4180): a header row, then one row per event, CRLF line ends. Text from the
// scenario (the attack id) is quoted when it holds a comma, a double quote, CR or LF (a double quote
// doubled); the description is always quoted. A text cell that a spreadsheet would read as a formula
// (starting with '=', '+', '-', '@', TAB or CR) gets a leading apostrophe, as the OWASP "CSV Injection"
// guidance recommends: "=HYPERLINK(...)" is written "'=HYPERLINK(...)" and shows as text. Numbers are written
// as they are.
#pragma once

#include "core/engine/Engine.h"

#include <QByteArray>

#include <string>
#include <string_view>

namespace mtcsec::report {

[[nodiscard]] QByteArray eventCsv(const engine::Engine& engine);
// The same from a copy of the log (the GUI's): `attackIds` maps LogEvent::attack to the attack's id.
[[nodiscard]] QByteArray eventCsv(std::span<const engine::LogEvent> events,
                                  const std::vector<std::string>& attackIds);

// One text cell as above: neutralised if formula-like, quoted if needed or if `alwaysQuote`.
[[nodiscard]] std::string csvText(std::string_view text, bool alwaysQuote = false);

} // namespace mtcsec::report
