// The event log as CSV (RFC 4180): a header row, then one row per event, CRLF line ends. Text from the
// scenario (the attack id) is quoted when it holds a comma, a double quote, CR or LF (a double quote
// doubled); the description is always quoted. A text cell that a spreadsheet would read as a formula
// (starting with '=', '+', '-', '@', TAB or CR) gets a leading apostrophe, as the OWASP "CSV Injection"
// guidance recommends: "=HYPERLINK(...)" is written "'=HYPERLINK(...)" and shows as text. Numbers are written
// as they are.
#pragma once

#include "core/engine/CellRun.h"
#include "core/engine/Engine.h"
#include "core/io/AtomicFile.h"

#include <QByteArray>

#include <string>
#include <string_view>

namespace mtcsec::report {

// The whole log of `engine` (spilled events included) as one text.
[[nodiscard]] QByteArray eventCsv(const engine::Engine& engine);
// The same written to `file` a few thousand rows at a time (a spilled log of many devices never whole in
// memory). Throws InvalidInput as AtomicFile::write and Engine::forEachEvent.
void writeEventCsv(const engine::Engine& engine, io::AtomicFile& file);
// The same for a run of several cells (CellRun::forEachEvent: every cell's events merged by time, then cell;
// device numbers global, PDU ids unique across cells), with one column more, last: `cell`, the cell number
// (from 0) of each event, since each cell logs its own events, node events such as protection-changed once
// per cell. A CellRun of one cell writes the one-engine columns. Throws as writeEventCsv and
// CellRun::forEachEvent.
// From a row to its packet capture frame (--pcap DIR): captures hold no PDU ids, but each PDU put on a link
// is one pdu-sent row and one frame of that link's capture, in the same order. So the k-th pdu-sent row with
// place LINK (and cell N) is frame k of DIR/LINK.pcap (DIR/cell-N/LINK.pcap), at the row's time_s; any other
// row with a pdu names the PDU of the pdu-sent row with that pdu (of the same cell).
[[nodiscard]] QByteArray eventCsv(const engine::CellRun& run);
void writeEventCsv(const engine::CellRun& run, io::AtomicFile& file);
// The same from a copy of the log (the GUI's): `attackIds` maps LogEvent::attack to the attack's id.
[[nodiscard]] QByteArray eventCsv(std::span<const engine::LogEvent> events,
                                  const std::vector<std::string>& attackIds);

// One text cell as above: neutralised if formula-like, quoted if needed or if `alwaysQuote`.
[[nodiscard]] std::string csvText(std::string_view text, bool alwaysQuote = false);

} // namespace mtcsec::report
