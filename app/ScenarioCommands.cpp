// Headless runs: argument parsing, the run loop, the readable summary and the reports.
#include "app/ScenarioCommands.h"

#include "app/Console.h"
#include "app/RunOptions.h"
#include "core/InvalidInput.h"
#include "core/crypto/Hex.h"
#include "core/engine/Engine.h"
#include "core/engine/ResourceEstimate.h"
#include "core/report/CaptureRecorder.h"
#include "core/report/ReportWriter.h"
#include "core/scenario/Presets.h"
#include "core/scenario/ScenarioJson.h"
#include "ui/QtText.h"
#include "ui/SessionReport.h"

#include <QCommandLineParser>
#include <QElapsedTimer>

#include <cmath>
#include <exception>

namespace mtcsec::app {
namespace {

using ui::qv;

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

// Parses, reports --help, refuses unknown options and positional arguments. Empty on success, else the exit
// code.
std::optional<int> parse(QCommandLineParser& parser, const QString& command, const QStringList& arguments,
                         const QCommandLineOption& help, int positionals)
{
    QStringList list{command};
    list += arguments.mid(1);
    if (!parser.parse(list)) {
        printError(command + QStringLiteral(": ") + parser.errorText());
        return ExitBadInput;
    }
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        const qsizetype at = text.indexOf(QLatin1Char(' '), text.indexOf(QStringLiteral("Usage: ")) + 7);
        text.replace(7, at - 7, command);
        printOut(text);
        return ExitOk;
    }
    if (parser.positionalArguments().size() > positionals) {
        printError(command + QStringLiteral(": unexpected argument '") +
                   parser.positionalArguments().value(positionals) + QLatin1Char('\''));
        return ExitBadInput;
    }
    return std::nullopt;
}

QString protectionLine(const Protection& p)
{
    QString nds;
    for (const Link link : kBackhaulLinks) {
        if (p.ndsOn(link))
            nds += (nds.isEmpty() ? QString() : QStringLiteral(" ")) + qv(name(link));
    }
    return QStringLiteral("NAS %1+%2 | AS RRC %3+%4, UP %5 | NDS/IP %6 | app %7")
        .arg(qv(crypto::name(p.nas.integrity)), qv(crypto::name(p.nas.ciphering)),
             qv(crypto::name(p.as.rrcIntegrity)), qv(crypto::name(p.as.rrcCiphering)),
             qv(crypto::name(p.as.upCiphering)), nds.isEmpty() ? QStringLiteral("off") : nds,
             q(appProtectionName(p.app)));
}

QString summaryText(const engine::RunSummary& s, double wallSeconds)
{
    const engine::TrafficCounters& t = s.traffic;
    QString out;
    out +=
        QStringLiteral("Scenario %1: %2 devices, seed %3, %4 s simulated in %5 s (%6 events, %7 events/s)\n")
            .arg(q(s.scenarioName))
            .arg(s.devices)
            .arg(s.seed)
            .arg(s.durationS, 0, 'f', 1)
            .arg(wallSeconds, 0, 'f', 2)
            .arg(s.eventsTotal)
            .arg(wallSeconds > 0 ? std::llround(static_cast<double>(s.eventsTotal) / wallSeconds) : 0);
    out += QStringLiteral("Protection: %1\n").arg(protectionLine(s.protection));
    out += QStringLiteral("Attach: %1 ok, %2 failed\n").arg(t.attachOk).arg(t.attachFailed);
    out +=
        QStringLiteral("Uplink: %1 sent, %2 delivered, %3 altered and accepted, %4 replayed and accepted\n")
            .arg(t.uplinkSent)
            .arg(t.uplinkDelivered)
            .arg(t.uplinkAlteredAccepted)
            .arg(t.uplinkReplayedAccepted);
    out +=
        QStringLiteral("Downlink: %1 sent, %2 delivered, %3 forged and accepted, %4 altered, %5 replayed\n")
            .arg(t.downlinkSent)
            .arg(t.downlinkDelivered)
            .arg(t.downlinkForgedAccepted)
            .arg(t.downlinkAlteredAccepted)
            .arg(t.downlinkReplayedAccepted);
    out += QStringLiteral("Dropped: %1 integrity, %2 replay, %3 malformed, %4 other\n")
               .arg(t.droppedIntegrity)
               .arg(t.droppedReplay)
               .arg(t.droppedMalformed)
               .arg(t.droppedOther);
    if (s.attacks.empty()) {
        out += QStringLiteral("Attacks: none\n");
    } else {
        out += QStringLiteral("Attacks:\n");
        for (const engine::AttackTally& a : s.attacks)
            out += QStringLiteral("  %1 %2 %3 %4: %5 attempts, %6 blocked, %7 succeeded\n")
                       .arg(q(a.spec.id), qv(name(a.spec.kind)),
                            a.spec.node ? QStringLiteral("in") : QStringLiteral("on"), q(a.spec.target()))
                       .arg(a.attempts)
                       .arg(a.blocked)
                       .arg(a.succeeded);
    }
    out += QStringLiteral("Requirements:\n");
    for (const engine::RequirementResult& r : s.requirements) {
        out +=
            QStringLiteral("  %1 %2%3\n")
                .arg(q(r.id), qv(name(r.verdict)), r.lteLimit ? QStringLiteral(" (LTE limit)") : QString());
        for (const std::string& e : r.evidence)
            out += QStringLiteral("     - %1\n").arg(q(e));
    }
    out += QStringLiteral("Digest: %1\n").arg(q(s.digest));
    out +=
        QStringLiteral("Per-device state: %1 bytes (device, eNB, MME, HSS, gateways and server contexts)\n")
            .arg(engine::Engine::bytesPerDevice());
    return out;
}

} // namespace

int runRunCommand(const QStringList& arguments)
{
    const QString command = QStringLiteral("mtcsec run");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs a scenario headless and prints a summary. --report writes a report whose format follows the\n"
        "extension (.json, .csv, .html, .pdf); --pcap writes one pcap per link and per attacker, and a key "
        "log.\n"
        "Example: mtcsec run --preset 3gpp-only --report out.pdf --report out.json --pcap captures"));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    const QCommandLineOption preset(QStringLiteral("preset"),
                                    QStringLiteral("A built-in scenario (mtcsec presets lists them)."),
                                    QStringLiteral("NAME"));
    const QCommandLineOption scenarioFile(QStringLiteral("scenario"),
                                          QStringLiteral("A scenario file (mtcsec-scenario/1)."),
                                          QStringLiteral("FILE"));
    const QCommandLineOption duration(QStringLiteral("duration"),
                                      QStringLiteral("Simulated seconds (overrides the scenario)."),
                                      QStringLiteral("SECONDS"));
    const QCommandLineOption seed(
        QStringLiteral("seed"), QStringLiteral("Random seed (overrides the scenario)."), QStringLiteral("N"));
    const QCommandLineOption devices(QStringLiteral("devices"),
                                     QStringLiteral("Number of MTC devices (overrides the scenario)."),
                                     QStringLiteral("N"));
    const QCommandLineOption reportFile(
        QStringLiteral("report"), QStringLiteral("Write a report (.json, .csv, .html, .pdf); repeatable."),
        QStringLiteral("FILE"));
    const QCommandLineOption pcap(
        QStringLiteral("pcap"), QStringLiteral("Write packet captures and the key log into the folder DIR."),
        QStringLiteral("DIR"));
    const QCommandLineOption quiet(QStringLiteral("quiet"), QStringLiteral("Print nothing but errors."));
    for (const auto* o :
         {&help, &preset, &scenarioFile, &duration, &seed, &devices, &reportFile, &pcap, &quiet})
        parser.addOption(*o);
    if (const auto done = parse(parser, command, arguments, help, 0))
        return *done;

    try {
        for (const auto* o : {&preset, &scenarioFile, &duration, &seed, &devices, &pcap}) {
            if (parser.values(*o).size() > 1)
                throw InvalidInput("--" + o->names().constFirst().toStdString() + " given more than once");
        }
        if (parser.isSet(preset) && parser.isSet(scenarioFile))
            throw InvalidInput("give --preset or --scenario, not both");
        Scenario scenario;
        if (parser.isSet(scenarioFile)) {
            scenario = loadScenarioFile(parser.value(scenarioFile));
        } else {
            const QString presetName =
                parser.isSet(preset) ? parser.value(preset) : QStringLiteral("default");
            const auto found = presetScenario(presetName.toStdString());
            if (!found)
                throw InvalidInput("unknown preset '" + presetName.toStdString() +
                                   "' (mtcsec presets lists them)");
            scenario = *found;
        }
        applyNumberOptions(scenario, parser, duration, seed, devices);
        engine::requireFitsInMemory(scenario);
        std::erase_if(scenario.changes,
                      [&](const ProtectionChange& c) { return c.atS >= scenario.durationS; });
        const QStringList reports = parser.values(reportFile);
        for (const QString& r : reports)
            report::checkReportPath(r);

        // The capture folder is checked before the run: nothing is simulated for a run that cannot be saved.
        std::unique_ptr<report::CaptureRecorder> capture;
        if (parser.isSet(pcap))
            capture = std::make_unique<report::CaptureRecorder>(parser.value(pcap));

        QElapsedTimer timer;
        timer.start();
        engine::Engine engine(scenario);
        if (capture)
            engine.setCaptureSink(capture.get());
        engine.runToEnd();
        const double wall = static_cast<double>(timer.nsecsElapsed()) / 1e9;
        if (capture)
            capture->finish();
        std::optional<ui::SessionReportInput> document;
        for (const QString& r : reports) {
            if (report::isDocumentReport(r)) {
                if (!document)
                    document = ui::collectReportInput(engine);
                if (r.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
                    ui::writePdfReport(*document, r);
                else
                    ui::writeHtmlReport(*document, r);
            } else {
                report::writeReport(engine, r);
            }
        }
        if (!parser.isSet(quiet)) {
            printOut(summaryText(engine.summary(), wall));
            for (const QString& r : reports)
                printOut(QStringLiteral("Report written: %1\n").arg(r));
            if (capture)
                printOut(
                    QStringLiteral("Packet captures and key log written to: %1\n").arg(parser.value(pcap)));
        }
        return ExitOk;
    } catch (const InvalidInput& e) {
        printError(command + QStringLiteral(": ") + q(e.what()));
        return ExitBadInput;
    } catch (const std::exception& e) {
        printError(command + QStringLiteral(": internal error: ") + q(e.what()));
        return ExitInternal;
    }
}

int runPresetsCommand(const QStringList& arguments)
{
    const QString command = QStringLiteral("mtcsec presets");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Lists the built-in scenarios, one line each."));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    if (const auto done = parse(parser, command, arguments, help, 0))
        return *done;
    QString out;
    for (const Preset& p : presets())
        out += QStringLiteral("%1  %2\n").arg(q(p.name).leftJustified(22), q(p.description));
    printOut(out);
    return ExitOk;
}

int runValidateCommand(const QStringList& arguments)
{
    const QString command = QStringLiteral("mtcsec validate");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Checks a scenario file: exit 0, or 2 with 'FILE: json.path: what is wrong'."));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The scenario file."));
    if (const auto done = parse(parser, command, arguments, help, 1))
        return *done;
    if (parser.positionalArguments().isEmpty()) {
        printError(command + QStringLiteral(": which file? (mtcsec validate FILE)"));
        return ExitBadInput;
    }
    const QString file = parser.positionalArguments().constFirst();
    try {
        const Scenario s = loadScenarioFile(file);
        engine::requireFitsInMemory(s, file.toStdString() + ": valid, but cannot run on this machine: ");
        printOut(
            QStringLiteral("%1: valid scenario '%2': %3 devices, %4 s, %5 attacks, %6 protection changes\n")
                .arg(file, q(s.name))
                .arg(s.devices)
                .arg(s.durationS)
                .arg(s.attacks.size())
                .arg(s.changes.size()));
        return ExitOk;
    } catch (const InvalidInput& e) {
        printError(q(e.what()));
        return ExitBadInput;
    }
}

} // namespace mtcsec::app
