// Dispatch of the mtcsec command line (PRODUCT.md section 6).
#include "app/CommandLine.h"

#include "app/BenchCommand.h"
#include "app/Console.h"
#include "app/CryptoCommand.h"
#include "app/ScenarioCommands.h"
#include "core/crypto/SelfTest.h"
#include "core/scenario/Presets.h"
#include "mtcsec/Version.h"
#include "ui/Language.h"
#include "ui/MainWindow.h"
#include "ui/Settings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>

#include <cstring>
#include <string_view>

namespace mtcsec::app {
namespace {

constexpr std::string_view kCommands[] = {"crypto", "run", "presets", "validate", "bench"};

bool isCommand(std::string_view word)
{
    for (const std::string_view c : kCommands) {
        if (c == word)
            return true;
    }
    return false;
}

bool isHelpOrVersion(std::string_view a)
{
    return a == "--help" || a == "-h" || a == "-?" || a == "--help-all" || a == "--version" || a == "-v";
}

QString versionLine()
{
    return QStringLiteral("%1 %2\n").arg(QString::fromUtf8(kApplicationName), QString::fromUtf8(kVersion));
}

QString topLevelHelp()
{
    return QStringLiteral(
        "Usage: mtcsec [SCENARIO.json | --preset NAME] [--lang en|de] [--self-test]\n"
        "       mtcsec COMMAND [OPTIONS]\n"
        "\n"
        "MTC Security Lab: the security of Machine-Type Communication over LTE, live and with real\n"
        "cryptography. Without a command it opens the desktop application.\n"
        "\n"
        "Commands:\n"
        "  run         Run a scenario headless, print a summary, write reports\n"
        "              mtcsec run --preset 3gpp-only --report out.pdf --pcap captures\n"
        "  presets     List the built-in scenarios\n"
        "  validate    Check a scenario file without running it: mtcsec validate my.json\n"
        "  crypto      Security functions on hex input: 128-EEA1/2/3, 128-EIA1/2/3, Milenage, the TS 33.401\n"
        "              key derivations and OSCORE (RFC 8613: derive, protect-request, protect-response,\n"
        "              unprotect)\n"
        "              mtcsec crypto eia2 --key 2bd6459f82c5b300952c49104881ff48 --count 38a6f056 \\\n"
        "                  --bearer 0x18 --direction 0 --length 58 --data 3332346263393840\n"
        "  bench       Time fixed workloads against the raw cost of their cryptography (JSON)\n"
        "              mtcsec bench --devices 1000 --duration 30\n"
        "\n"
        "Options:\n"
        "  --preset NAME Open the desktop application on a built-in scenario, running.\n"
        "  --lang en|de  The desktop application's language (default: View > Language, else the system's).\n"
        "  --self-test   Run the known-answer tests of the crypto core and open the main window (offscreen\n"
        "                when there is no display); exit 0 when everything passes, 1 otherwise.\n"
        "  -h, --help    Show this help. Every command has its own: mtcsec crypto --help\n"
        "  -v, --version Show the version.\n"
        "\n"
        "Exit status: 0 success, 2 bad input (one line on stderr says what), 1 internal failure.\n");
}

int runSelfTest()
{
    int failed = 0;
    const auto results = crypto::runSelfTest();
    for (const auto& r : results) {
        printOut(
            QStringLiteral("%1 %2%3\n")
                .arg(r.passed ? QStringLiteral("PASS") : QStringLiteral("FAIL"),
                     QString::fromStdString(r.name),
                     r.detail.empty() ? QString() : QStringLiteral(": ") + QString::fromStdString(r.detail)));
        failed += r.passed ? 0 : 1;
    }
    int total = static_cast<int>(results.size());

    ui::MainWindow window;
    window.show();
    QApplication::processEvents();
    const bool windowOk = window.isVisible() && !window.grab().isNull();
    printOut(
        QStringLiteral("%1 main window opens (platform %2)\n")
            .arg(windowOk ? QStringLiteral("PASS") : QStringLiteral("FAIL"), QApplication::platformName()));
    ++total;
    failed += windowOk ? 0 : 1;
    window.close();

    printOut(QStringLiteral("self-test: %1 passed, %2 failed\n").arg(total - failed).arg(failed));
    return failed == 0 ? ExitOk : ExitInternal;
}

// The GUI's options (PRODUCT.md section 6): --self-test, --preset NAME, --lang en|de and a scenario file.
struct GuiOptions {
    QCommandLineParser parser;
    QCommandLineOption selfTest{QStringLiteral("self-test"),
                                QStringLiteral("Run the known-answer tests and open the main window.")};
    QCommandLineOption preset{QStringLiteral("preset"),
                              QStringLiteral("Start on a built-in scenario, running."),
                              QStringLiteral("NAME")};
    QCommandLineOption lang{QStringLiteral("lang"),
                            QStringLiteral("The interface language, en or de (default: the settings, else "
                                           "the system locale)."),
                            QStringLiteral("en|de")};
    GuiOptions()
    {
        parser.setApplicationDescription(QStringLiteral("MTC Security Lab"));
        parser.addOption(selfTest);
        parser.addOption(preset);
        parser.addOption(lang);
        parser.addPositionalArgument(QStringLiteral("scenario"), QStringLiteral("A scenario file to open."),
                                     QStringLiteral("[SCENARIO.json]"));
    }
};

} // namespace

bool isHeadlessInvocation(int argc, char** argv)
{
    if (argc < 2)
        return false;
    const std::string_view first = argv[1];
    if (isCommand(first))
        return true;
    for (int i = 1; i < argc; ++i) {
        if (isHelpOrVersion(argv[i]))
            return true;
    }
    // A word that is neither an option nor a scenario file is a mistyped command: report it headless. A path
    // (the desktop entry passes one for every file of the scenario MIME type, whatever its name) is a file.
    return !first.starts_with('-') && first.find('/') == std::string_view::npos &&
           !QString::fromLocal8Bit(argv[1]).endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
}

bool needsOffscreenWidgets(int argc, char** argv)
{
    if (argc < 2 || std::string_view(argv[1]) != "run")
        return false;
    for (int i = 2; i < argc; ++i) {
        const QString a = QString::fromLocal8Bit(argv[i]).toLower();
        if (a.endsWith(QLatin1String(".html")) || a.endsWith(QLatin1String(".pdf")))
            return true;
    }
    return false;
}

bool isSelfTestInvocation(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--self-test") == 0)
            return true;
    }
    return false;
}

int runHeadless(const QStringList& arguments)
{
    const QString first = arguments.value(1);
    if (first == QLatin1String("crypto"))
        return runCryptoCommand(arguments.mid(1));
    if (first == QLatin1String("run"))
        return runRunCommand(arguments.mid(1));
    if (first == QLatin1String("presets"))
        return runPresetsCommand(arguments.mid(1));
    if (first == QLatin1String("validate"))
        return runValidateCommand(arguments.mid(1));
    if (first == QLatin1String("bench"))
        return runBenchCommand(arguments.mid(1));
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        printOut(versionLine());
        return ExitOk;
    }
    if (first.startsWith(QLatin1Char('-'))) {
        for (const QString& a : arguments.mid(1)) {
            if (a == QLatin1String("--version") || a == QLatin1String("-v")) {
                printOut(versionLine());
                return ExitOk;
            }
        }
        printOut(topLevelHelp());
        return ExitOk;
    }
    printError(QStringLiteral("mtcsec: unknown command '%1' (mtcsec --help lists the commands)").arg(first));
    return ExitBadInput;
}

QString guiArgumentError(const QStringList& arguments)
{
    GuiOptions o;
    if (!o.parser.parse(arguments))
        return QStringLiteral("mtcsec: %1 (mtcsec --help shows the options)").arg(o.parser.errorText());
    if (o.parser.isSet(o.lang) && ui::parseLanguageCode(o.parser.value(o.lang)).isEmpty())
        return QStringLiteral("mtcsec: --lang: unknown language '%1' (en or de)").arg(o.parser.value(o.lang));
    if (o.parser.isSet(o.preset) && !presetScenario(o.parser.value(o.preset).toStdString()))
        return QStringLiteral("mtcsec: unknown preset '%1' (mtcsec presets lists them)")
            .arg(o.parser.value(o.preset));
    return {};
}

int runGui(const QStringList& arguments)
{
    if (const QString error = guiArgumentError(arguments); !error.isEmpty()) {
        printError(error);
        return ExitBadInput;
    }
    GuiOptions o;
    QCommandLineParser& parser = o.parser;
    const QCommandLineOption& selfTest = o.selfTest;
    const QCommandLineOption& preset = o.preset;
    (void)parser.parse(arguments);
    const QString langCode = parser.isSet(o.lang) ? ui::parseLanguageCode(parser.value(o.lang)) : QString();
    ui::installLanguage(ui::resolveLanguage(langCode, ui::Settings().language(), QLocale::system()));
    if (parser.isSet(selfTest))
        return runSelfTest();
    std::optional<Scenario> presetToRun;
    if (parser.isSet(preset))
        presetToRun = presetScenario(parser.value(preset).toStdString());
    ui::MainWindow window;
    window.show();
    // A scenario given on the command line opens paused; otherwise the default scenario starts running, so
    // that the first screen shows traffic. A bad file gets an error dialog and the default scenario stays,
    // paused (MainWindow::startWith).
    const QStringList files = parser.positionalArguments();
    if (presetToRun)
        window.startPreset(parser.value(preset).toStdString(), true);
    else
        window.startWith(files.isEmpty() ? QString() : files.constFirst());
    return QApplication::exec();
}

} // namespace mtcsec::app
