// Runs the real mtcsec binary for command-line tests: exit status, standard output and standard error.
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

namespace mtcsec::test {

struct Run {
    int exitCode = -1; // -1: did not finish normally within the time limit
    QString out;
    QString err;
};

inline Run runMtcsec(const QStringList& args, int timeoutMs = 120000)
{
    QProcess p;
    p.start(QStringLiteral(MTCSEC_BINARY), args);
    if (!p.waitForFinished(timeoutMs) || p.exitStatus() != QProcess::NormalExit)
        return {};
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace mtcsec::test
