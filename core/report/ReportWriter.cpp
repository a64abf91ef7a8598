// Report files by extension (.json, .csv), written with QSaveFile.
#include "core/report/ReportWriter.h"

#include "core/InvalidInput.h"
#include "core/report/EventCsv.h"
#include "core/report/ReportJson.h"

#include <QFileInfo>
#include <QSaveFile>

namespace mtcsec::report {

void checkReportPath(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("json") && suffix != QLatin1String("csv") &&
        suffix != QLatin1String("html") && suffix != QLatin1String("pdf"))
        throw InvalidInput(path.toStdString() + ": unsupported report format '" +
                           (suffix.isEmpty() ? std::string("(no extension)") : "." + suffix.toStdString()) +
                           "' (the formats are .json, .csv, .html and .pdf)");
    const QFileInfo directory(QFileInfo(path).absolutePath());
    if (!directory.isDir())
        throw InvalidInput(path.toStdString() + ": cannot write: the folder " +
                           directory.filePath().toStdString() + " does not exist");
}

void writeFileAtomically(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw InvalidInput(path.toStdString() + ": cannot write: " + file.errorString().toStdString());
    if (file.write(bytes) != bytes.size() || !file.commit())
        throw InvalidInput(path.toStdString() + ": cannot write: " + file.errorString().toStdString());
}

bool isDocumentReport(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("html") || suffix == QLatin1String("pdf");
}

void writeReport(const engine::Engine& engine, const QString& path)
{
    checkReportPath(path);
    if (isDocumentReport(path))
        throw InvalidInput(path.toStdString() + ": HTML and PDF reports are written by the desktop library");
    const QString suffix = QFileInfo(path).suffix().toLower();
    writeFileAtomically(path,
                        suffix == QLatin1String("csv") ? eventCsv(engine) : reportJson(engine.summary()));
}

} // namespace mtcsec::report
