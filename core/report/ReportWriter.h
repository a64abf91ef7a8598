// Writing a run's report to a file whose extension names the format, through io::AtomicFile: the file is
// complete or absent, a previous file stays whole on a failure, and the error says why.
#pragma once

#include "core/engine/CellRun.h"
#include "core/engine/Engine.h"
#include "core/io/AtomicFile.h"

#include <QByteArray>
#include <QString>

namespace mtcsec::report {

// Checks a report path before anything is written: the extension names a format this version writes
// (.json, .csv, .html, .pdf), the folder exists and is writable, and the file is absent or a regular file.
// Throws InvalidInput "FILE: unsupported report format ..." or "FILE: cannot write: why".
void checkReportPath(const QString& path);

// True for .html and .pdf: documents with images, which the ui library renders (SessionReport).
[[nodiscard]] bool isDocumentReport(const QString& path);

// The bytes of a .json (mtcsec-report/1) or .csv (EventCsv.h) report. Throws InvalidInput "FILE: ..." for
// another extension.
[[nodiscard]] QByteArray reportData(const engine::Engine& engine, const QString& path);

// Writes a .json or .csv report; throws InvalidInput "FILE: cannot write: why".
void writeReport(const engine::Engine& engine, const QString& path);

// Writes a .json or .csv report into an open file, the CSV a few thousand rows at a time (a spilled event log
// is never whole in memory); the caller finishes and commits the file. Throws InvalidInput as reportData and
// AtomicFile::write.
void writeReportTo(const engine::Engine& engine, const QString& path, io::AtomicFile& file);
// The same for a run of several cells (CellRun, after its run()): the JSON of its merged summary, the CSV of
// its merged events, with a `cell` column (EventCsv.h). Throws as above, and InvalidInput "FILE: an HTML or
// PDF report is drawn by the ui library (ui::collectReportInput of the CellRun)" for .html and .pdf.
void writeReportTo(const engine::CellRun& run, const QString& path, io::AtomicFile& file);

// Writes bytes to a file atomically (AtomicFile.h); throws InvalidInput "FILE: cannot write: why".
using io::writeFileAtomically;

} // namespace mtcsec::report
