// Benchmark of the desktop application's responsiveness (prints figures, asserts nothing): the main window,
// offscreen, runs defence-in-depth with 3000 devices as fast as possible for 2.5 s of wall time while a 10 ms
// timer on the GUI thread measures how long the thread was ever kept from it.
//   build/bin/bench_gui [--devices N] [--seconds S]
#include "core/scenario/Presets.h"
#include "ui/EventLogDock.h"
#include "ui/EventLogModel.h"
#include "ui/MainWindow.h"
#include "ui/SimulationController.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace mtcsec;
using namespace mtcsec::ui;

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption devicesOption(QStringLiteral("devices"),
                                           QStringLiteral("Devices (default 3000)."), QStringLiteral("N"),
                                           QStringLiteral("3000"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"),
                                           QStringLiteral("Wall seconds to run (default 2.5)."),
                                           QStringLiteral("S"), QStringLiteral("2.5"));
    parser.addOption(devicesOption);
    parser.addOption(secondsOption);
    parser.process(app);
    const uint devices = std::clamp(parser.value(devicesOption).toUInt(), 1U, 100'000U);
    const double seconds = std::clamp(parser.value(secondsOption).toDouble(), 0.1, 600.0);

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
