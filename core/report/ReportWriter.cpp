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
    if (suffix != QLatin1String("json") && suffix != QLatin1String("csv"))
        throw InvalidInput(path.toStdString() + ": unsupported report format '" +
                           (suffix.isEmpty() ? std::string("(no extension)") : "." + suffix.toStdString()) +
                           "' (this version writes .json and .csv)");
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

void writeReport(const engine::Engine& engine, const QString& path)
{
    checkReportPath(path);
    const QString suffix = QFileInfo(path).suffix().toLower();
    writeFileAtomically(path,
                        suffix == QLatin1String("csv") ? eventCsv(engine) : reportJson(engine.summary()));
}

} // namespace mtcsec::report
