// mtcsec: the executable. Headless commands run on a QCoreApplication (no display needed); otherwise the GUI.
#include "app/CommandLine.h"
#include "mtcsec/Version.h"

#include <QApplication>
#include <QCoreApplication>

#include <filesystem>
#include <string>
#include <unistd.h>

namespace {

void describeApplication()
{
    QCoreApplication::setApplicationName(QString::fromUtf8(mtcsec::kApplicationName));
    QCoreApplication::setApplicationVersion(QString::fromUtf8(mtcsec::kVersion));
    QCoreApplication::setOrganizationName(QStringLiteral("MTC Security Lab"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("mtcsec.invalid"));
}

// Qt wants a private runtime directory; where the session has none (a root shell, CI), give it one rather
// than have it warn on stderr, which the command line keeps for errors.
void ensureRuntimeDirectory()
{
    if (!qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR"))
        return;
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("mtcsec-runtime-" + std::to_string(::getuid()));
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    std::filesystem::permissions(dir, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::replace, error);
    if (!error)
        qputenv("XDG_RUNTIME_DIR", QByteArray::fromStdString(dir.string()));
}

} // namespace

int main(int argc, char* argv[])
{
    ensureRuntimeDirectory();
    if (mtcsec::app::isHeadlessInvocation(argc, argv)) {
        // HTML and PDF reports draw the topology and the charts: they need the widgets, offscreen.
        if (mtcsec::app::needsOffscreenWidgets(argc, argv)) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
            QApplication app(argc, argv);
            describeApplication();
            return mtcsec::app::runHeadless(QCoreApplication::arguments());
        }
        QCoreApplication app(argc, argv);
        describeApplication();
        return mtcsec::app::runHeadless(QCoreApplication::arguments());
    }
    // The self-test must run on a machine without a display (CI): fall back to the offscreen platform.
    if (mtcsec::app::isSelfTestInvocation(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") &&
        qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    describeApplication();
    return mtcsec::app::runGui(QCoreApplication::arguments());
}
