// Report files by extension (.json, .csv), written through io::AtomicFile.
#include "core/report/ReportWriter.h"

#include "core/InvalidInput.h"
#include "core/io/OutputFolder.h"
#include "core/report/EventCsv.h"
#include "core/report/ReportJson.h"

#include <QFileInfo>

namespace mtcsec::report {

void checkReportPath(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("json") && suffix != QLatin1String("csv") &&
        suffix != QLatin1String("html") && suffix != QLatin1String("pdf"))
        throw InvalidInput(path.toStdString() + ": unsupported report format '" +
                           (suffix.isEmpty() ? std::string("(no extension)") : "." + suffix.toStdString()) +
                           "' (the formats are .json, .csv, .html and .pdf)");
    io::checkOutputPath(path);
}

bool isDocumentReport(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("html") || suffix == QLatin1String("pdf");
}

QByteArray reportData(const engine::Engine& engine, const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("csv"))
        return eventCsv(engine);
    if (suffix == QLatin1String("json"))
        return reportJson(engine.summary());
    checkReportPath(path);
    throw InvalidInput(path.toStdString() + ": HTML and PDF reports are written by the desktop library");
}

void writeReport(const engine::Engine& engine, const QString& path)
{
    checkReportPath(path);
    io::AtomicFile file(path);
    writeReportTo(engine, path, file);
    file.finishWriting();
    file.commit();
}

void writeReportTo(const engine::Engine& engine, const QString& path, io::AtomicFile& file)
{
    if (QFileInfo(path).suffix().toLower() == QLatin1String("csv"))
        writeEventCsv(engine, file);
    else
        file.write(reportData(engine, path));
}

void writeReportTo(const engine::CellRun& run, const QString& path, io::AtomicFile& file)
{
    checkReportPath(path);
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("csv"))
        writeEventCsv(run, file);
    else if (suffix == QLatin1String("json"))
        file.write(reportJson(run.summary()));
    else
        throw InvalidInput(path.toStdString() + ": an HTML or PDF report is drawn by the ui library "
                                                "(ui::collectReportInput of the CellRun)");
}

} // namespace mtcsec::report
