// mtcsec: the executable. Headless commands run on a QCoreApplication (no display needed); otherwise the GUI.
#include "app/CommandLine.h"
#include "app/DisplayProbe.h"
#include "mtcsec/Version.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QStringList>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>

namespace {

void describeApplication()
{
    QCoreApplication::setApplicationName(QString::fromUtf8(mtcsec::kApplicationName));
    QCoreApplication::setApplicationVersion(QString::fromUtf8(mtcsec::kVersion));
    QCoreApplication::setOrganizationName(QStringLiteral("MTC Security Lab"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("mtcsec.invalid"));
}

// Qt's GUI wants a private runtime directory (XDG Base Directory Specification: owned by the user, mode 0700)
// and warns on stderr, which the command line keeps for errors, when the session has none (a root shell, CI).
// Then this creates one with mkdtemp(3) (POSIX.1-2008) under the temporary directory: an unpredictable name,
// created mode 0700 in one step, so nobody can have prepared it or a link in its place; it is removed at
// exit. A path in /tmp that another user could guess is never used.
class PrivateRuntimeDirectory {
public:
    PrivateRuntimeDirectory()
    {
        if (!qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR"))
            return;
        std::error_code error;
        const std::filesystem::path base = std::filesystem::temp_directory_path(error);
        if (error)
            return;
        std::string name = (base / "mtcsec-runtime-XXXXXX").string();
        if (::mkdtemp(name.data()) == nullptr)
            return; // Qt falls back to its own checked directory, with a warning
        path_ = name;
        qputenv("XDG_RUNTIME_DIR", QByteArray::fromStdString(path_));
    }
    ~PrivateRuntimeDirectory()
    {
        if (path_.empty())
            return;
        std::error_code error;
        std::filesystem::remove_all(path_, error);
    }
    PrivateRuntimeDirectory(const PrivateRuntimeDirectory&) = delete;
    PrivateRuntimeDirectory& operator=(const PrivateRuntimeDirectory&) = delete;

private:
    std::string path_;
};

} // namespace

int main(int argc, char* argv[])
{
    // A file that would pass the size limit (ulimit -f) is a write error to report like a full disk (EFBIG,
    // "File too large": nothing left behind, exit 2), not a signal that kills the process mid-write.
    std::signal(SIGXFSZ, SIG_IGN);
    if (mtcsec::app::isHeadlessInvocation(argc, argv)) {
        // HTML and PDF reports draw the topology and the charts: they need the widgets, offscreen.
        if (mtcsec::app::needsOffscreenWidgets(argc, argv)) {
            const PrivateRuntimeDirectory runtimeDirectory;
            qputenv("QT_QPA_PLATFORM", "offscreen");
            QApplication app(argc, argv);
            describeApplication();
            return mtcsec::app::runHeadless(QCoreApplication::arguments());
        }
        QCoreApplication app(argc, argv);
        describeApplication();
        return mtcsec::app::runHeadless(QCoreApplication::arguments());
    }
    const PrivateRuntimeDirectory runtimeDirectory;
    // The self-test must run on a machine without a display (CI): fall back to the offscreen platform.
    if (mtcsec::app::isSelfTestInvocation(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") &&
        qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Wrong arguments (an unknown option, a wrong --lang or preset) are bad input whatever the display: the
    // same line runGui gives.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    if (const QString error = mtcsec::app::guiArgumentError(arguments); !error.isEmpty()) {
        std::fprintf(stderr, "%s\n", error.toLocal8Bit().constData());
        return 2;
    }
    // Without a display the window cannot open: say so in one line (exit 2) instead of Qt's abort.
    if (const auto problem = mtcsec::app::displayProblem()) {
        std::fprintf(stderr, "mtcsec: %s\n", problem->c_str());
        return 2;
    }
    // The window belongs to org.mtcsec.MtcSecurityLab.desktop (the Wayland app id, the taskbar's icon and
    // name).
    QGuiApplication::setDesktopFileName(QStringLiteral("org.mtcsec.MtcSecurityLab"));
    QApplication app(argc, argv);
    describeApplication();
    return mtcsec::app::runGui(QCoreApplication::arguments());
}
