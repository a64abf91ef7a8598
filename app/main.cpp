// mtcsec: the executable. Headless commands run on a QCoreApplication (no display needed); otherwise the GUI.
#include "app/CommandLine.h"
#include "mtcsec/Version.h"

#include <QApplication>
#include <QCoreApplication>

namespace {

void describeApplication()
{
    QCoreApplication::setApplicationName(QString::fromUtf8(mtcsec::kApplicationName));
    QCoreApplication::setApplicationVersion(QString::fromUtf8(mtcsec::kVersion));
    QCoreApplication::setOrganizationName(QStringLiteral("MTC Security Lab"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("mtcsec.invalid"));
}

} // namespace

int main(int argc, char* argv[])
{
    if (mtcsec::app::isHeadlessInvocation(argc, argv)) {
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
