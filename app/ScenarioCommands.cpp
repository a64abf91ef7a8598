// Headless runs: argument parsing, the run loop, the readable summary and the reports.
#include "app/ScenarioCommands.h"

#include "app/CellCaptures.h"
#include "app/Console.h"
#include "app/NullIntegrity.h"
#include "app/Plural.h"
#include "app/RunOptions.h"
#include "app/SubcommandParser.h"
#include "core/InvalidInput.h"
#include "core/crypto/Hex.h"
#include "core/engine/CellPlan.h"
#include "core/engine/CellRun.h"
#include "core/engine/Engine.h"
#include "core/engine/ResourceEstimate.h"
#include "core/io/AtomicFile.h"
#include "core/report/CaptureRecorder.h"
#include "core/report/NegotiationSummary.h"
#include "core/report/ReportWriter.h"
#include "core/scenario/Presets.h"
#include "core/scenario/ScenarioJson.h"
#include "ui/QtText.h"
#include "ui/SessionReport.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <csignal>
#include <exception>
#include <map>
#include <ranges>
#include <sys/stat.h>
#include <unistd.h>

namespace mtcsec::app {
namespace {

volatile std::sig_atomic_t gInterruptedBy = 0;

extern "C" void onInterrupt(int signal)
{
    gInterruptedBy = signal;
    std::signal(signal, SIG_DFL); // a second one ends the process at once
}

struct Interrupted {
    int signal = 0;
};

// While it lives, SIGINT, SIGTERM and SIGHUP are noted instead of ending the process, so that a run stops at
// a point where it can remove what it wrote (POSIX signal(2); the handler only stores the signal number).
class InterruptGuard {
public:
    InterruptGuard()
    {
        gInterruptedBy = 0;
        for (const int s : kSignals)
            previous_[index(s)] = std::signal(s, onInterrupt);
    }
    ~InterruptGuard()
    {
        for (const int s : kSignals)
            std::signal(s, previous_[index(s)]);
    }
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;
    // Throws Interrupted when a signal arrived.
    void throwIfInterrupted() const
    {
        if (gInterruptedBy != 0)
            throw Interrupted{static_cast<int>(gInterruptedBy)};
    }

private:
    static constexpr std::array<int, 3> kSignals = {SIGINT, SIGTERM, SIGHUP};
    static std::size_t index(int s) { return s == SIGINT ? 0 : s == SIGTERM ? 1 : 2; }
    std::array<void (*)(int), 3> previous_{};
};

using ui::qv;

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

QString protectionLine(const Protection& p)
{
    QString nds;
    for (const Link link : kBackhaulLinks) {
        if (p.ndsOn(link))
            nds += (nds.isEmpty() ? QString() : QStringLiteral(" ")) + qv(name(link));
    }
    using report::choiceText; // a single algorithm, or the operator's priority list
    return QStringLiteral("NAS %1+%2 | AS RRC %3+%4, UP %5 | NDS/IP %6 | app %7")
        .arg(q(choiceText(p.nas.integrity, p.nas.integrityList)),
             q(choiceText(p.nas.ciphering, p.nas.cipheringList)),
             q(choiceText(p.as.rrcIntegrity, p.as.rrcIntegrityList)),
             q(choiceText(p.as.rrcCiphering, p.as.rrcCipheringList)),
             q(choiceText(p.as.upCiphering, p.as.upCipheringList)),
             nds.isEmpty() ? QStringLiteral("off") : nds, q(appProtectionName(p.app)));
}

// Text from a scenario as the terminal shows it: control characters (a NUL would cut the output short, an
// escape sequence would drive the terminal), line separators and bidirectional overrides as \xNN or \uNNNN.
QString shown(const std::string& text)
{
    const QString in = QString::fromStdString(text);
    QString out;
    out.reserve(in.size());
    for (const QChar c : in) {
        const char16_t u = c.unicode();
        if (u < 0x20 || (u >= 0x7f && u < 0xa0))
            out += QStringLiteral("\\x") + QString::number(u, 16).rightJustified(2, QLatin1Char('0'));
        else if (u == 0x2028 || u == 0x2029 || (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069))
            out += QStringLiteral("\\u") + QString::number(u, 16);
        else
            out += c;
    }
    return out;
}

template <typename T>
QString num(T value)
{
    return QString::number(value);
}

// Every line is one QString::arg call with all its values: text from the scenario (a name "evil %1 %9") is
// inserted once and never read again as a placeholder.
QString summaryText(const engine::RunSummary& s, double wallSeconds)
{
    const engine::TrafficCounters& t = s.traffic;
    QString out;
    out +=
        QStringLiteral("Scenario %1: %2, seed %3, %4 s simulated in %5 s (%6 events, %7 events/s)\n")
            .arg(shown(s.scenarioName), counted(s.devices, "device", "devices"), num(s.seed),
                 QString::number(s.durationS, 'f', 1), QString::number(wallSeconds, 'f', 2),
                 num(s.eventsTotal),
                 num(wallSeconds > 0 ? std::llround(static_cast<double>(s.eventsTotal) / wallSeconds) : 0));
    if (s.cells > 1)
        out += QStringLiteral("Cells: %1 of at most %2 %3, simulated independently (each its own eNB, "
                              "links, NDS/IP SAs and attackers)\n")
                   .arg(num(s.cells), num(s.devicesPerCell), noun(s.devicesPerCell, "device", "devices"));
    if (s.changes.empty()) {
        out += QStringLiteral("Protection: %1\n").arg(protectionLine(s.protection));
    } else {
        // What was in force changed during the run: say from what, when, and to what.
        out += QStringLiteral("Protection at the start: %1\n").arg(protectionLine(s.initialProtection));
        for (const ProtectionChange& c : s.changes)
            out += QStringLiteral("Protection from %1 s: %2\n")
                       .arg(QString::number(c.atS, 'f', 1), protectionLine(c.protection));
    }
    if (s.ue.acceptsNullIntegrity)
        out += QStringLiteral(
            "Devices: non-compliant: accept null integrity (EIA0), against TS 24.301 5.4.3.3 / "
            "TS 33.401 5.1.4.1\n");
    // TS 36.331 6.3.3: one cipheringAlgorithm for SRBs and DRBs. The lab may select UP ciphering apart; its
    // SecurityModeCommand then carries the lab's deviation (core/protocol/RrcMessage.h).
    std::uint64_t apart = 0;
    for (const engine::AlgorithmSelectionCount& c : s.selections)
        if (c.as && !c.rejected && c.ciphering != c.upCiphering)
            apart += c.count;
    if (apart > 0)
        out +=
            QStringLiteral("RRC: non-compliant: %1 UP ciphering apart from RRC "
                           "ciphering, against TS 36.331 6.3.3 (one cipheringAlgorithm); the UP one travels "
                           "in lateNonCriticalExtension\n")
                .arg(counted(apart, "SecurityModeCommand selects", "SecurityModeCommands select"));
    if (report::negotiationConfigured(s)) {
        // What the MME and the eNB selected for each device group (TS 33.401 7.2.4.2, 7.2.4.3).
        out += QStringLiteral("Algorithms selected (Security Mode Commands per device group):\n");
        for (const std::string& line : report::negotiationLines(s))
            out += QStringLiteral("  %1\n").arg(shown(line));
    }
    out += attachLine(s);
    // Every message sent has one fate, and the line says all of them (sent = the sum of the rest).
    const auto fates = [](const QString& what, const engine::DirectionAccounting& d) {
        return QStringLiteral(
                   "%1: %2 sent = %3 delivered intact + %4 delivered altered + %5 dropped (%6 integrity, "
                   "%7 replay, %8 malformed, %9 lost to an attack, %10 other) + %11 in flight\n")
            .arg(what, num(d.sent), num(d.deliveredIntact), num(d.deliveredAltered), num(d.dropped()),
                 num(d.droppedIntegrity), num(d.droppedReplay), num(d.droppedMalformed),
                 num(d.droppedCollateral), num(d.droppedOther), num(d.inFlight));
    };
    out += fates(QStringLiteral("Readings (uplink)"), s.accounting.uplink);
    out += fates(QStringLiteral("Commands (downlink)"), s.accounting.downlink);
    out += QStringLiteral("Accepted in addition to what the peer sent: %1, %2\n")
               .arg(counted(s.accounting.acceptedReplayed, "replayed copy", "replayed copies"),
                    counted(s.accounting.acceptedForged, "forgery", "forgeries"));
    out +=
        QStringLiteral("PDUs dropped on all links: %1 integrity, %2 replay, %3 malformed, %4 other\n")
            .arg(num(t.droppedIntegrity), num(t.droppedReplay), num(t.droppedMalformed), num(t.droppedOther));
    if (s.attacks.empty()) {
        out += QStringLiteral("Attacks: none\n");
    } else {
        out += QStringLiteral("Attacks:\n");
        for (const engine::AttackTally& a : s.attacks)
            out += QStringLiteral("  %1 %2 %3 %4: %5 = %6 blocked + %7 succeeded + %8 without effect; "
                                  "%9 lost\n")
                       .arg(shown(a.spec.id), qv(name(a.spec.kind)),
                            a.spec.node ? QStringLiteral("in") : QStringLiteral("on"), shown(a.spec.target()),
                            counted(a.attempts, "attempt", "attempts"), num(a.blocked), num(a.succeeded),
                            num(a.noEffect), counted(a.collateral, "genuine message", "genuine messages"));
    }
    out += QStringLiteral("Requirements:\n");
    for (const engine::RequirementResult& r : s.requirements) {
        out += QStringLiteral("  %1 %2%3\n")
                   .arg(shown(r.id), qv(name(r.verdict)),
                        r.lteLimit ? QStringLiteral(" (LTE limit)") : QString());
        for (const std::string& e : r.evidence)
            out += QStringLiteral("     - %1\n").arg(shown(e));
    }
    if (s.sinceChangeS) {
        // The same verdicts over what happened after the last protection change only.
        QString line;
        for (const engine::RequirementResult& r : s.requirementsSinceChange)
            line += QStringLiteral(" %1 %2").arg(shown(r.id), qv(name(r.verdict)));
        out += QStringLiteral("Since the protection change at %1 s:%2\n")
                   .arg(QString::number(*s.sinceChangeS, 'f', 1), line);
    }
    out += QStringLiteral("Digest: %1\n").arg(shown(s.digest));
    out +=
        QStringLiteral("Per-device state: %1 bytes (device, eNB, MME, HSS, gateways and server contexts)\n")
            .arg(num(engine::Engine::bytesPerDevice()));
    return out;
}

// Checks every output of a run before it starts (report::checkReportPath, CaptureRecorder::checkFolder) and
// refuses two --report options naming the same file. Throws InvalidInput "FILE: why".
void checkOutputs(const QStringList& reports, const std::optional<QString>& pcapDir, const Scenario& scenario)
{
    std::map<QString, QString> seen; // the file as the system knows it -> as given
    for (const QString& r : reports) {
        if (r.isEmpty())
            throw InvalidInput("--report: the file name is empty");
        if (const QString name = QFileInfo(r).fileName();
            r.endsWith(QLatin1Char('/')) || name == QLatin1String(".") || name == QLatin1String("..") ||
            (QFileInfo(r).suffix().isEmpty() && QFileInfo(r).isDir()))
            throw InvalidInput(
                r.toStdString() + ": names a folder, not a file (a report is a file, for example " +
                (r.endsWith(QLatin1Char('/')) ? r : r + QLatin1Char('/')).toStdString() + "report.json)");
        if (QFileInfo(r).completeBaseName().isEmpty())
            throw InvalidInput(r.toStdString() + ": no file name before the extension");
        report::checkReportPath(r);
        const QFileInfo info(r);
        const QString key =
            QFileInfo(info.absolutePath()).canonicalFilePath() + QLatin1Char('/') + info.fileName();
        const auto [it, added] = seen.emplace(key, r);
        if (!added)
            throw InvalidInput(
                r.toStdString() + ": named by two --report options" +
                (it->second == r ? std::string() : " (also as " + it->second.toStdString() + ")"));
    }
    if (pcapDir && pcapDir->isEmpty())
        throw InvalidInput("--pcap: the folder name is empty");
    if (pcapDir) {
        std::vector<std::string> ids;
        for (const AttackSpec& a : scenario.attacks)
            ids.push_back(a.id);
        report::CaptureRecorder::checkFolder(*pcapDir, ids);
        // A run of several cells writes into DIR/cell-N: those already there must be writable folders.
        if (const std::uint32_t cells = engine::cellCount(scenario); cells > 1 && QFileInfo::exists(*pcapDir))
            for (std::uint32_t c = 0; c < cells; ++c)
                report::CaptureRecorder::checkFolder(cellFolder(*pcapDir, c), ids);
    }
}

} // namespace

int runRunCommand(const QStringList& arguments)
{
    const QString command = QStringLiteral("mtcsec run");
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Runs a scenario headless (the default preset unless --preset or --scenario names one) and prints\n"
        "a summary. --report writes a report whose format follows the extension (.json, .csv, .html,\n"
        ".pdf); --pcap writes one pcap per link and per attacker, and a key log.\n"
        "Example: mtcsec run --preset 3gpp-only --report out.pdf --report out.json --pcap captures"));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    const QCommandLineOption preset(QStringLiteral("preset"),
                                    QStringLiteral("A built-in scenario (mtcsec presets lists them)."),
                                    QStringLiteral("NAME"));
    const QCommandLineOption scenarioFile(QStringLiteral("scenario"),
                                          QStringLiteral("A scenario file (mtcsec-scenario/1)."),
                                          QStringLiteral("FILE"));
    const QCommandLineOption duration(
        QStringLiteral("duration"),
        QStringLiteral("Simulated seconds (overrides the scenario's duration_s; attackers "
                       "and protection changes that would start at or after the "
                       "end are left out, and the summary says which)."),
        QStringLiteral("SECONDS"));
    const QCommandLineOption seed(
        QStringLiteral("seed"), QStringLiteral("Random seed (overrides the scenario)."), QStringLiteral("N"));
    const QCommandLineOption devices(QStringLiteral("devices"),
                                     QStringLiteral("Number of MTC devices (overrides the scenario)."),
                                     QStringLiteral("N"));
    const QCommandLineOption devicesPerCell = makeDevicesPerCellOption(DevicesPerCellFor::Run);
    const QCommandLineOption reportFile(
        QStringLiteral("report"), QStringLiteral("Write a report (.json, .csv, .html, .pdf); repeatable."),
        QStringLiteral("FILE"));
    const QCommandLineOption pcap(
        QStringLiteral("pcap"),
        QStringLiteral("Write packet captures and the key log into the folder DIR (a run of several cells: "
                       "into DIR/cell-0, DIR/cell-1, ..., one folder per cell)."),
        QStringLiteral("DIR"));
    const QCommandLineOption quiet(
        QStringLiteral("quiet"),
        QStringLiteral("Print nothing but errors and warnings (on standard error)."));
    const QCommandLineOption threads = makeThreadsOption();
    for (const auto* o : {&help, &preset, &scenarioFile, &duration, &seed, &devices, &devicesPerCell,
                          &reportFile, &pcap, &quiet, &threads})
        parser.addOption(*o);
    if (const auto done = parseSubcommand(parser, command, arguments, help, 0))
        return *done;

    // What a failed command removes: the files it created (files there before keep their previous content,
    // or the new one when the failure came after their rename), the temporary files, the capture folder if
    // it made it.
    QStringList reports;
    std::optional<QString> pcapDir;
    std::unique_ptr<report::CaptureRecorder> capture;
    std::unique_ptr<CellCaptures> cellCaptures; // a run of several cells: DIR/cell-N
    bool createdFolder = false;
    QStringList created;
    std::unique_ptr<engine::CellRun> cellRun;
    const auto undo = [&] {
        for (const QString& f : std::as_const(created))
            QFile::remove(f);
        if (capture)
            for (const auto& folder : capture->createdFolders() | std::views::reverse)
                ::rmdir(QFile::encodeName(folder).constData());
        capture.reset();
        cellRun.reset(); // the first cell's engine, kept for a document, reads no capture
        if (cellCaptures)
            cellCaptures->undo();
        if (createdFolder)
            ::rmdir(QFile::encodeName(*pcapDir).constData());
    };
    try {
        // Ctrl+C (or SIGTERM, SIGHUP) from here on stops the command between two simulated seconds, and
        // whatever it created goes again.
        const InterruptGuard interrupts;
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
        applyDevicesPerCellOption(scenario, parser, devicesPerCell);
        const unsigned threadCount = threadsOption(parser, threads);
        // The event log goes to a temporary file as the run goes (the reports read it back in chunks); the
        // PDUs are kept only for an HTML or PDF report (its figure of the first attach shows them).
        const bool keepPdus = std::ranges::any_of(
            parser.values(reportFile), [](const QString& r) { return report::isDocumentReport(r); });
        engine::requireFitsInMemory(scenario,
                                    parser.isSet(scenarioFile) ? parser.value(scenarioFile).toStdString() +
                                                                     ": cannot run on this machine: "
                                                               : std::string("cannot run on this machine: "),
                                    engine::availableMemory(), engine::EventLogIn::File, threadCount,
                                    // an HTML or PDF report keeps the ring of PDUs (of the first cell, kept
                                    // while the others run)
                                    keepPdus ? engine::PduRing::Kept : engine::PduRing::None);
        const std::uint32_t cells = engine::cellCount(scenario);
        const QString leftOut = leaveOutBeyondDuration(scenario);
        reports = parser.values(reportFile);
        if (parser.isSet(pcap))
            pcapDir = parser.value(pcap);
        // Every output is checked before the run: nothing is simulated for a run that cannot be saved.
        checkOutputs(reports, pcapDir, scenario);
        if (pcapDir && !QFileInfo::exists(*pcapDir)) {
            if (::mkdir(QFile::encodeName(*pcapDir).constData(), 0777) != 0)
                io::throwCannotWrite(*pcapDir, "cannot create the folder: " + io::osReason(errno));
            createdFolder = true;
        }
        if (pcapDir && cells > 1)
            cellCaptures = std::make_unique<CellCaptures>(*pcapDir, cells);
        else if (pcapDir)
            capture = std::make_unique<report::CaptureRecorder>(*pcapDir);

        QElapsedTimer timer;
        timer.start();
        // One cell: one engine, as always (its event log's text and digest on a second thread from 2 threads
        // on). Several: CellRun, a cell per thread at a time.
        std::unique_ptr<engine::Engine> engine;
        if (cells > 1) {
            cellRun = std::make_unique<engine::CellRun>(scenario, threadCount);
            // A CSV, HTML or PDF report reads the events back; an HTML or PDF report draws the first
            // device's attach from cell 0's engine.
            cellRun->setKeepEvents(keepPdus || std::ranges::any_of(reports, [](const QString& r) {
                                       return QFileInfo(r).suffix().toLower() == QLatin1String("csv");
                                   }));
            cellRun->setKeepFirstCell(keepPdus);
            if (cellCaptures)
                cellRun->setCaptures([&](const engine::Cell& c) { return cellCaptures->open(c); },
                                     [&](const engine::Cell& c) { cellCaptures->finished(c); });
            if (!cellRun->run([] { return gInterruptedBy != 0; }))
                interrupts.throwIfInterrupted();
        } else {
            engine = std::make_unique<engine::Engine>(scenario);
            engine->setThreads(threadCount);
            engine->setSpillEvents(true);
            // Only a CSV, HTML or PDF report reads the events back: without one the run keeps its counts and
            // digest and drops the events leaving memory (no temporary file).
            engine->setDiscardSpilledEvents(std::ranges::none_of(reports, [](const QString& r) {
                return QFileInfo(r).suffix().toLower() == QLatin1String("csv") || report::isDocumentReport(r);
            }));
            engine->setKeepPdus(keepPdus); // no inspector here
            if (capture)
                engine->setCaptureSink(capture.get());
            while (!engine->finished()) {
                engine->runUntil(engine->now() + engine::kMicrosPerSecond);
                interrupts.throwIfInterrupted();
            }
            engine->setCaptureSink(nullptr);
        }
        const double wall = static_cast<double>(timer.nsecsElapsed()) / 1e9;

        // Every file is written out and synced before any is put in place: a full disk or a quota shows
        // here, with every file there before untouched.
        std::vector<std::unique_ptr<io::AtomicFile>> files;
        std::optional<ui::SessionReportInput> document;
        for (const QString& r : reports) {
            files.push_back(std::make_unique<io::AtomicFile>(r));
            if (report::isDocumentReport(r)) {
                if (!document)
                    document = cellRun ? ui::collectReportInput(*cellRun) : ui::collectReportInput(*engine);
                files.back()->write(r.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)
                                        ? ui::pdfReport(*document)
                                        : ui::reportHtml(*document, false).toUtf8());
            } else if (cellRun) {
                report::writeReportTo(*cellRun, r, *files.back());
            } else {
                report::writeReportTo(*engine, r, *files.back());
            }
            files.back()->finishWriting();
        }
        if (capture)
            capture->prepare();
        interrupts.throwIfInterrupted();
        // Then each is renamed into place; should a rename fail, the files this command created go again.
        if (capture) {
            capture->commit();
            created += capture->createdFiles();
        }
        if (cellCaptures)
            cellCaptures->commit(created);
        for (const auto& f : files) {
            const bool existed = f->replacesExisting();
            f->commit();
            if (!existed)
                created << f->path();
        }
        // The cell-N folders of an earlier run that remain next to this run's captures (a run of one cell
        // writes none: every cell-N folder there is older).
        const QString older = pcapDir ? staleCellFolders(*pcapDir, cellCaptures ? cells : 0) : QString();
        // "cell-3" is one folder; "cell-3 to cell-6" or "cell-2, cell-5" are several.
        const QString olderRemain =
            older.contains(QLatin1Char(' '))
                ? QStringLiteral("older cell folders remain: %1 (not from this run)")
                : QStringLiteral("an older cell folder remains: %1 (not from this run)");
        const QString olderNote = older.isEmpty() ? QString() : QStringLiteral("; ") + olderRemain.arg(older);
        if (!parser.isSet(quiet)) {
            printOut(summaryText(cellRun ? cellRun->summary() : engine->summary(), wall) + leftOut);
            for (const QString& r : reports)
                printOut(QStringLiteral("Report written: %1\n").arg(r));
            if (capture)
                printOut(QStringLiteral("Packet captures and key log written to: %1%2\n")
                             .arg(*pcapDir, olderNote));
            if (cellCaptures)
                printOut(
                    QStringLiteral("Packet captures and key logs written to: %1 (%2/cell-0 to cell-%3, one "
                                   "folder per cell)%4\n")
                        .arg(*pcapDir, *pcapDir, num(cells - 1), olderNote));
        } else if (!older.isEmpty()) {
            // --quiet prints nothing but errors and warnings, on stderr: folders that look like this run's
            // but are not are a warning (the run itself succeeded).
            printError(command + QStringLiteral(": warning: %1: ").arg(*pcapDir) + olderRemain.arg(older));
        }
        return ExitOk;
    } catch (const InvalidInput& e) {
        undo();
        printError(command + QStringLiteral(": ") + q(e.what()));
        return ExitBadInput;
    } catch (const Interrupted& e) {
        undo();
        printError(command + QStringLiteral(": interrupted by signal %1; no file written").arg(e.signal));
        return 128 + e.signal;
    } catch (const std::exception& e) {
        undo();
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
    if (const auto done = parseSubcommand(parser, command, arguments, help, 0))
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
    parser.setApplicationDescription(QStringLiteral(
        "Checks a scenario file without running it: exit 0 with a line of what it holds (and a\n"
        "warning when its standard devices would refuse null integrity, EIA0, and not attach),\n"
        "or exit 2 with 'FILE: json.path: what is wrong'."));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The scenario file."));
    if (const auto done = parseSubcommand(parser, command, arguments, help, 1))
        return *done;
    if (parser.positionalArguments().isEmpty()) {
        printError(command + QStringLiteral(": which file? (mtcsec validate FILE)"));
        return ExitBadInput;
    }
    const QString file = parser.positionalArguments().constFirst();
    try {
        const Scenario s = loadScenarioFile(file);
        engine::requireFitsInMemory(s, file.toStdString() + ": valid, but cannot run on this machine: ");
        printOut(QStringLiteral("%1: valid scenario '%2': %3, %4 s, %5, %6\n")
                     .arg(file, shown(s.name), counted(s.devices, "device", "devices"), num(s.durationS),
                          counted(s.attacks.size(), "attack", "attacks"),
                          counted(s.changes.size(), "protection change", "protection changes")));
        if (const std::uint32_t cells = engine::cellCount(s); cells > 1)
            printOut(QStringLiteral("%1: %2 cells of at most %3 %4 (devices_per_cell), simulated "
                                    "independently\n")
                         .arg(file, num(cells), num(s.devicesPerCell),
                              noun(s.devicesPerCell, "device", "devices")));
        // Valid, but a run would attach none of its standard devices: say so, and how to change it.
        if (const QString warning = nullIntegrityWarning(s); !warning.isEmpty())
            printOut(QStringLiteral("%1: %2\n").arg(file, warning));
        return ExitOk;
    } catch (const InvalidInput& e) {
        printError(q(e.what()));
        return ExitBadInput;
    }
}

} // namespace mtcsec::app
