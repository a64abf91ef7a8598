// Writing a run's report to a file whose extension names the format, atomically (QSaveFile): a failure leaves
// no partial file and says why.
#pragma once

#include "core/engine/Engine.h"

#include <QString>

namespace mtcsec::report {

// Throws InvalidInput "FILE: ..." when the extension names no format this version writes.
void checkReportPath(const QString& path);

// True for .html and .pdf: documents with images, which the ui library renders (SessionReport).
[[nodiscard]] bool isDocumentReport(const QString& path);

// Writes a .json or .csv report; throws InvalidInput "FILE: cannot write: why".
void writeReport(const engine::Engine& engine, const QString& path);

// Writes bytes to a file atomically; throws InvalidInput "FILE: cannot write: why".
void writeFileAtomically(const QString& path, const QByteArray& bytes);

} // namespace mtcsec::report
