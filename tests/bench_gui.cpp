// Benchmarks of the desktop application (print JSON figures, assert nothing; offscreen unless
// QT_QPA_PLATFORM says otherwise):
//   responsiveness  the main window runs defence-in-depth as fast as possible for --seconds of wall time
//   while
//                   a 10 ms timer on the GUI thread measures how long the thread was ever kept from it;
//   memory          the main window runs defence-in-depth with --devices for --duration simulated seconds as
//                   fast as possible; resident memory (VmRSS) sampled every 250 ms, peak and end;
//   search          the event log dock holds the events of a real run (--devices, --duration) and searches it
//                   for a few texts: time until the answer is complete, the longest the GUI thread was kept;
//   canvas          the topology view with --dots messages in flight (new dots each frame, as the window
//                   feeds them): frames drawn per second.
//   build/tests/bench_gui [--workload W] [--devices N] [--duration S] [--seconds S] [--dots N]
#include "core/engine/Engine.h"
#include "core/scenario/Presets.h"
#include "ui/EventLogDock.h"
#include "ui/EventLogFilter.h"
#include "ui/EventLogModel.h"
#include "ui/MainWindow.h"
#include "ui/SimulationController.h"
#include "ui/TopologyScene.h"
#include "ui/TopologyView.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <string>

using namespace mtcsec;
using namespace mtcsec::ui;

namespace {

// VmRSS of this process in MiB (proc(5)), 0 where /proc is missing.
double residentMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

// Whether the filter still tests rows (an earlier filter answered synchronously).
template <typename Filter>
bool scanning(const Filter& filter)
{
    if constexpr (requires { filter.isScanning(); })
        return filter.isScanning();
    else
        return false;
}

// The longest the GUI thread was kept from a 5 ms timer while `busy` holds.
template <typename Busy>
qint64 longestGapWhile(QApplication& app, Busy busy)
{
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0, worst = 0;
    QTimer timer;
    QObject::connect(&timer, &QTimer::timeout, [&] {
        worst = std::max(worst, clock.elapsed() - last);
        last = clock.elapsed();
    });
    timer.start(5);
    while (busy()) {
        app.processEvents(QEventLoop::AllEvents, 5);
        worst = std::max(worst, clock.elapsed() - last);
    }
    return worst;
}

int responsiveness(QApplication& app, unsigned devices, double seconds)
{
    MainWindow w;
    w.show();
    Scenario s = presetScenario("defence-in-depth").value();
    s.devices = devices;
    s.durationS = 86400;
    double fastestRate = 0;
    int frames = 0;
    QObject::connect(w.controller(), &SimulationController::frameReady, &w, [&](const Frame& f) {
        fastestRate = std::max(fastestRate, f.eventsPerSecond);
        ++frames;
    });
    w.startSession(s, QString(), false);
    w.findChild<QComboBox*>(QStringLiteral("speed"))->setCurrentIndex(6); // as fast as possible
    w.controller()->run();

    QElapsedTimer clock;
    clock.start();
    qint64 last = 0, worstGap = 0;
    int ticks = 0;
    QTimer timer;
    QObject::connect(&timer, &QTimer::timeout, &w, [&] {
        const qint64 now = clock.elapsed();
        worstGap = std::max(worstGap, now - last);
        last = now;
        ++ticks;
        if (now >= static_cast<qint64>(seconds * 1000))
            app.quit();
    });
    timer.start(10);
    app.exec();
    w.controller()->pause();
    const double wall = static_cast<double>(clock.elapsed()) / 1000.0;
    std::printf("{\"bench\": \"gui-responsiveness\", \"devices\": %u, \"wall_s\": %.2f, \"events\": %lld, "
                "\"fastest_events_per_s\": %.0f, \"frames\": %d, \"frames_per_s\": %.1f, "
                "\"worst_gui_gap_ms\": %lld, \"timer_ticks\": %d}\n",
                devices, wall, static_cast<long long>(w.eventLog()->model()->rowCount()), fastestRate, frames,
                frames / wall, static_cast<long long>(worstGap), ticks);
    return 0;
}

int memory(QApplication& app, unsigned devices, double duration)
{
    const double startMiB = residentMiB();
    MainWindow w;
    w.show();
    Scenario s = presetScenario("defence-in-depth").value();
    s.devices = devices;
    s.durationS = duration;
    long long events = 0;
    double simulated = 0;
    QObject::connect(w.controller(), &SimulationController::frameReady, &w, [&](const Frame& f) {
        events += static_cast<long long>(f.events.size());
        simulated = engine::toSeconds(f.now);
        if (f.finished)
            QTimer::singleShot(500, &app, &QApplication::quit); // a last look at the memory
    });
    w.startSession(s, QString(), false);
    w.findChild<QComboBox*>(QStringLiteral("speed"))->setCurrentIndex(6); // as fast as possible
    w.controller()->run();
    QElapsedTimer clock;
    clock.start();
    double peak = 0;
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, [&] { peak = std::max(peak, residentMiB()); });
    sampler.start(250);
    app.exec();
    const double end = residentMiB();
    peak = std::max(peak, end);
    const double wall = static_cast<double>(clock.elapsed()) / 1000.0;
    // Until the engine streams its log, it keeps every event too (sizeof(LogEvent) octets each).
    std::printf("{\"bench\": \"gui-memory\", \"devices\": %u, \"simulated_s\": %.1f, \"wall_s\": %.1f, "
                "\"events\": %lld, \"rows_kept\": %d, \"rss_start_mib\": %.0f, \"rss_peak_mib\": %.0f, "
                "\"rss_end_mib\": %.0f}\n",
                devices, simulated, wall, events, w.eventLog()->model()->rowCount(), startMiB, peak, end);
    return 0;
}

int search(QApplication& app, unsigned devices, double duration)
{
    Scenario s = presetScenario("defence-in-depth").value();
    s.devices = devices;
    s.durationS = duration;
    EventLogDock dock;
    dock.resize(1400, 400);
    dock.show();
    std::vector<std::string> ids;
    {
        engine::Engine e(s);
        const double end = s.durationS * engine::kMicrosPerSecond;
        const engine::SimTime slice = 10 * engine::kMicrosPerSecond;
        std::size_t given = 0;
        for (engine::SimTime t = slice;; t += slice) {
            e.runUntil(std::min<engine::SimTime>(t, static_cast<engine::SimTime>(end)));
            ids.clear();
            for (const engine::AttackTally& a : e.summary().attacks)
                ids.push_back(a.spec.id);
            const auto& all = e.events();
            dock.appendEvents(std::span(all).subspan(given), ids); // as the frames would
            given = all.size();
            app.processEvents();
            if (e.finished())
                break;
        }
    }
    EventLogFilter& filter = *dock.filter();
    while (scanning(filter))
        app.processEvents();
    const auto total = static_cast<long long>(dock.model()->rowCount());
    std::printf("{\"bench\": \"gui-search\", \"devices\": %u, \"simulated_s\": %.0f, \"rows\": %lld, "
                "\"rss_mib\": %.0f, \"queries\": [",
                devices, duration, total, residentMiB());
    const char* queries[] = {"integrity", "a7", "1234", "eavesdrop", "no such text"};
    bool first = true;
    for (const char* q : queries) {
        QElapsedTimer clock;
        clock.start();
        qint64 answered = -1;
        filter.setSearch(QString::fromUtf8(q)); // synchronous in the first slice
        const qint64 firstSlice = clock.elapsed();
        const qint64 gap = longestGapWhile(app, [&] { return scanning(filter); });
        answered = clock.elapsed();
        std::printf("%s{\"search\": \"%s\", \"matches\": %d, \"answer_ms\": %lld, \"first_slice_ms\": %lld, "
                    "\"longest_gui_block_ms\": %lld}",
                    first ? "" : ", ", q, filter.rowCount(), static_cast<long long>(answered),
                    static_cast<long long>(firstSlice), static_cast<long long>(std::max(gap, firstSlice)));
        first = false;
        filter.setSearch(QString());
        while (scanning(filter))
            app.processEvents();
    }
    std::printf("]}\n");
    return 0;
}

// Counts the paint events of a widget.
class PaintCounter : public QObject {
public:
    explicit PaintCounter(int& paints)
        : paints_(paints)
    {}

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints_;
        return QObject::eventFilter(watched, event);
    }

private:
    int& paints_;
};

int canvas(QApplication& app, int dots, double seconds)
{
    TopologyScene scene;
    TopologyView view(&scene);
    view.resize(1280, 720);
    view.show();
    view.fit();
    app.processEvents();
    constexpr double kFrame = 1.0 / 30; // the window's animation step
    constexpr double kTravel = 0.8;     // a dot's time on screen
    const auto perFrame = static_cast<std::size_t>(dots * kFrame / kTravel + 0.5);
    std::vector<Frame::Message> batch;
    std::uint32_t pdu = 1;
    auto refill = [&] {
        batch.clear();
        for (std::size_t i = 0; i < perFrame; ++i, ++pdu)
            batch.push_back({pdu, static_cast<Link>(pdu % kLinkCount), pdu % 2 == 0,
                             static_cast<engine::Reading>(pdu % 3), pdu % 7 == 0});
    };
    // Warm up to a full screen of dots.
    for (int i = 0; i < static_cast<int>(kTravel / kFrame) + 2; ++i) {
        refill();
        scene.animate(batch);
        scene.advance(kFrame);
    }
    int paints = 0;
    PaintCounter counter(paints);
    view.viewport()->installEventFilter(&counter);
    QElapsedTimer clock;
    clock.start();
    int frames = 0;
    long long inFlight = 0;
    qint64 worstNs = 0;
    while (clock.elapsed() < static_cast<qint64>(seconds * 1000)) {
        QElapsedTimer one;
        one.start();
        refill();
        scene.animate(batch);
        scene.advance(kFrame);
        // As in the window: the view paints what changed from the event loop, once a frame.
        const int before = paints;
        for (int i = 0; i < 20 && paints == before; ++i)
            app.processEvents();
        worstNs = std::max(worstNs, one.nsecsElapsed());
        inFlight += scene.messagesInFlight();
        ++frames;
    }
    const double wall = static_cast<double>(clock.nsecsElapsed()) / 1e9;
    std::printf("{\"bench\": \"gui-canvas\", \"dots_asked\": %d, \"dots_in_flight\": %.0f, \"frames\": %d, "
                "\"frames_per_s\": %.1f, \"mean_frame_ms\": %.2f, \"worst_frame_ms\": %.2f, "
                "\"view\": \"1280x720\"}\n",
                dots, static_cast<double>(inFlight) / std::max(1, frames), frames, frames / wall,
                wall * 1000 / std::max(1, frames), static_cast<double>(worstNs) / 1e6);
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption workloadOption(
        QStringLiteral("workload"), QStringLiteral("responsiveness (default), memory, search or canvas."),
        QStringLiteral("W"), QStringLiteral("responsiveness"));
    const QCommandLineOption devicesOption(
        QStringLiteral("devices"), QStringLiteral("Devices (default 3000; memory and search: 10000)."),
        QStringLiteral("N"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"),
                                           QStringLiteral("Wall seconds to run (default 2.5)."),
                                           QStringLiteral("S"), QStringLiteral("2.5"));
    const QCommandLineOption durationOption(
        QStringLiteral("duration"),
        QStringLiteral("Simulated seconds (memory: default 3600; search: default 300)."),
        QStringLiteral("S"));
    const QCommandLineOption dotsOption(QStringLiteral("dots"),
                                        QStringLiteral("Messages in flight (canvas; default 2000)."),
                                        QStringLiteral("N"), QStringLiteral("2000"));
    parser.addOptions({workloadOption, devicesOption, secondsOption, durationOption, dotsOption});
    parser.process(app);
    const QString workload = parser.value(workloadOption);
    const bool large = workload == QLatin1String("memory") || workload == QLatin1String("search");
    const uint devices = std::clamp(parser.isSet(devicesOption) ? parser.value(devicesOption).toUInt()
                                                                : (large ? 10'000U : 3000U),
                                    1U, 1'000'000U);
    const double seconds = std::clamp(parser.value(secondsOption).toDouble(), 0.1, 600.0);
    const double duration =
        std::clamp(parser.isSet(durationOption) ? parser.value(durationOption).toDouble()
                                                : (workload == QLatin1String("memory") ? 3600.0 : 300.0),
                   1.0, 86400.0);
    if (workload == QLatin1String("responsiveness"))
        return responsiveness(app, devices, seconds);
    if (workload == QLatin1String("memory"))
        return memory(app, devices, duration);
    if (workload == QLatin1String("search"))
        return search(app, devices, duration);
    if (workload == QLatin1String("canvas"))
        return canvas(app, std::clamp(parser.value(dotsOption).toInt(), 1, 100'000),
                      parser.isSet(secondsOption) ? seconds : 5.0);
    std::fprintf(stderr, "bench_gui: --workload: one of responsiveness, memory, search, canvas\n");
    return 2;
}
