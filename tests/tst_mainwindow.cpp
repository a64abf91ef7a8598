// The desktop application as a user drives it, offscreen: the window opens on the default scenario with its
// docks and controls; a protection switch changes the engine's configuration and the line on the canvas; an
// attacker placed through the palette (or dropped on the canvas) makes attack events appear and moves a
// verdict; undo restores the previous state; scenarios round-trip through Save and Open, and a bad file is
// refused with its JSON path while the session is kept; the inspector shows a selected message; the window
// stays responsive while the engine runs flat out. Issue 12's defects stay fixed: New/Open/Quit ask before
// unsaved changes are lost; the wheel over an unfocused drop-down scrolls instead of changing it; Space runs
// and pauses from the seed box, while a text field keeps its spaces until Esc; an attacker placed while
// running starts at time 0 after Reset and in a saved file; evidence with "<" or ">" reads as such; while
// paused no frames come from the engine and the animation timer stops. A scenario of several cells given at
// start-up is refused and the default scenario stays paused, as the Run button says, with a suggested command
// whose path is quoted for a POSIX shell.
#include "core/scenario/Presets.h"
#include "core/scenario/ScenarioJson.h"
#include "mtcsec/Version.h"
#include "ui/AboutDialog.h"
#include "ui/AttackPalette.h"
#include "ui/EventLogDock.h"
#include "ui/EventLogModel.h"
#include "ui/InspectorPanel.h"
#include "ui/MainWindow.h"
#include "ui/ProtectionPanel.h"
#include "ui/RequirementsPanel.h"
#include "ui/Settings.h"
#include "ui/TopologyScene.h"
#include "ui/TopologyView.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QGraphicsSceneDragDropEvent>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QTimer>
#include <QUndoStack>
#include <QWheelEvent>
#include <QtTest>

#include <sys/stat.h>

using namespace mtcsec;
using namespace mtcsec::ui;

namespace {

int countEvents(const MainWindow& w, engine::EventKind kind)
{
    const EventLogModel* m = w.eventLog()->model();
    int n = 0;
    for (int r = 0; r < m->rowCount(); ++r)
        n += m->event(r).kind == kind ? 1 : 0;
    return n;
}

// Index 6 of the speed box is "as fast as possible", 5 is 100x.
void runFast(MainWindow& w, const Scenario& s, int speedIndex = 6)
{
    w.startSession(s, QString(), false);
    w.findChild<QComboBox*>(QStringLiteral("speed"))->setCurrentIndex(speedIndex);
    w.controller()->run();
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void opensWithEverything();
    void protectionSwitchChangesEngineAndCanvas();
    void undoRestoresProtection();
    void resetKeepsUndoAndRunning();
    void panelShowsVerdictsSinceChange();
    void metWithLossesSaysSo();
    void paletteAttackerMovesVerdict();
    void dropOnCanvasPlacesAttacker();
    void scenarioRoundTripAndBadFile();
    void inspectorShowsSelectedMessage();
    void inspectorShowsWhatTheReceiverDecoded();
    void staysResponsiveAtFullSpeed();
    void exportsReportsAndCaptures();
    void aboutNamesVersionAndLibraries();
    void unsavedChangesAreAskedAbout();
    void wheelOverUnfocusedComboScrolls();
    void spaceRunsUnlessTyping();
    void attackerPlacedWhileRunningStartsAtZeroAfterReset();
    void evidenceReadsAngleBrackets();
    void idleWhilePaused();
    void smallScreenKeepsControlsInView();
    void cellsRefusedAtStartStayPaused_data();
    void cellsRefusedAtStartStayPaused();
    // guifolders part
    void errorsShareOneWindowModalBox();
    void foldersRememberedOnlyAfterSuccess();
};

void TestMainWindow::opensWithEverything()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.windowTitle().contains(QStringLiteral("MTC Security Lab")));
    QVERIFY(!w.windowIcon().pixmap(64, 64).isNull());
    for (const char* dock :
         {"protectionDock", "attackDock", "requirementsDock", "inspectorDock", "eventLogDock", "chartsDock"})
        QVERIFY2(w.findChild<QDockWidget*>(QLatin1String(dock)) != nullptr, dock);
    QCOMPARE(w.findChild<QAction*>(QStringLiteral("actionRun"))->shortcut(), QKeySequence(Qt::Key_Space));
    QCOMPARE(w.findChild<QAction*>(QStringLiteral("actionStep"))->shortcut(), QKeySequence(Qt::Key_F10));
    QCOMPARE(w.findChild<QAction*>(QStringLiteral("actionUndo"))->shortcut(),
             QKeySequence(QKeySequence::Undo));
    QCOMPARE(w.findChild<QAction*>(QStringLiteral("actionQuit"))->shortcut(),
             QKeySequence(QKeySequence::Quit));
    QVERIFY(w.findChild<QAction*>(QStringLiteral("actionCryptoLab")) != nullptr);
    // The canvas shows every node and link, and the default scenario's devices as one group.
    for (std::size_t i = 0; i < kNodeCount; ++i)
        QVERIFY(w.scene()->nodeItem(static_cast<Node>(i)) != nullptr);
    // default runs with null integrity, so its devices are declared non-compliant, and the canvas says so.
    QCOMPARE(w.scene()->nodeItem(Node::Device)->subtitle(), QStringLiteral("×10, accept EIA0"));
    QVERIFY(w.scene()->nodeItem(Node::Device)->toolTip().contains(QStringLiteral("TS 24.301 5.4.3.3")));
    QCOMPARE(w.scene()->linkItem(Link::Uu)->protection().level, ProtectionLevel::None);
    // Controls are named for screen readers.
    const ProtectionPanel* p = w.protectionPanel();
    for (const QWidget* c : std::initializer_list<const QWidget*>{p->nasIntegrity(), p->upCiphering(),
                                                                  p->nds(Link::S5), p->appPreset()})
        QVERIFY(!c->accessibleName().isEmpty());
    // Stepping processes the scenario's first event.
    w.findChild<QAction*>(QStringLiteral("actionStep"))->trigger();
    QTRY_VERIFY(w.eventLog()->model()->rowCount() > 0);
}

void TestMainWindow::protectionSwitchChangesEngineAndCanvas()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QCheckBox* s1u = w.protectionPanel()->nds(Link::S1U);
    QTest::mouseClick(s1u, Qt::LeftButton, {}, QPoint(8, s1u->height() / 2));
    QVERIFY(s1u->isChecked());
    QVERIFY(w.controller()->scenario().protection.ndsOn(Link::S1U));
    QCOMPARE(w.scene()->linkItem(Link::S1U)->protection().level, ProtectionLevel::Both);
    QVERIFY(w.scene()->linkItem(Link::S1U)->protection().label.contains(QStringLiteral("NDS/IP")));
    // The engine applies it: the next frame reports it in force.
    w.findChild<QAction*>(QStringLiteral("actionStep"))->trigger();
    QTRY_VERIFY(w.lastFrame().protection.ndsOn(Link::S1U));

    // A combo box, by keyboard: user-plane ciphering to the next algorithm, 128-EEA1 (SNOW 3G).
    QComboBox* up = w.protectionPanel()->upCiphering();
    up->setFocus();
    QTest::keyClick(up, Qt::Key_Down);
    QCOMPARE(up->currentData().toInt(), 1);
    QTRY_COMPARE(w.lastFrame().protection.as.upCiphering, crypto::CipheringAlgorithm::Eea1);
    QVERIFY(w.scene()->linkItem(Link::Uu)->protection().label.contains(QStringLiteral("UP EEA1")));
    QCOMPARE(w.undoStack()->count(), 2);
}

void TestMainWindow::undoRestoresProtection()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QPushButton* on = nullptr;
    for (QPushButton* b : w.protectionPanel()->findChildren<QPushButton*>())
        on = b->text().contains(QStringLiteral("3GPP on")) ? b : on;
    QVERIFY(on != nullptr);
    QTest::mouseClick(on, Qt::LeftButton);
    QTRY_COMPARE(w.lastFrame().protection, threeGppOn());
    QCOMPARE(w.scene()->linkItem(Link::S6a)->protection().level, ProtectionLevel::Both);
    // Uu with RRC integrity and UP ciphering: user data is ciphered without integrity (LTE has none for it),
    // never drawn as "confidentiality and integrity".
    QCOMPARE(w.scene()->linkItem(Link::Uu)->protection().level, ProtectionLevel::ConfidentialityOnly);
    QCOMPARE(w.scene()->linkItem(Link::Uu)->protection().label,
             QStringLiteral("Uu: RRC EIA2+EEA2, UP EEA2 (no integrity)"));
    QVERIFY(w.protectionPanel()->nds(Link::S6a)->isChecked());
    QVERIFY(w.isWindowModified());

    w.findChild<QAction*>(QStringLiteral("actionUndo"))->trigger();
    QTRY_COMPARE(w.lastFrame().protection, Protection{});
    QCOMPARE(w.scene()->linkItem(Link::S6a)->protection().level, ProtectionLevel::None);
    QVERIFY(!w.protectionPanel()->nds(Link::S6a)->isChecked());
    QCOMPARE(w.controller()->scenario().protection, Protection{});

    w.findChild<QAction*>(QStringLiteral("actionRedo"))->trigger();
    QTRY_COMPARE(w.lastFrame().protection, threeGppOn());
}

void TestMainWindow::resetKeepsUndoAndRunning()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    Scenario s = presetScenario("default").value();
    s.durationS = 3600;
    runFast(w, s, 5);
    QTRY_VERIFY(w.lastFrame().running && w.lastFrame().now > engine::fromSeconds(2));
    QPushButton* on = nullptr;
    for (QPushButton* b : w.protectionPanel()->findChildren<QPushButton*>())
        on = b->text().contains(QStringLiteral("3GPP on")) ? b : on;
    QVERIFY(on != nullptr);
    QTest::mouseClick(on, Qt::LeftButton);
    const Protection p = threeGppOn();
    QTRY_COMPARE(w.lastFrame().protection, p);
    QCOMPARE(w.undoStack()->count(), 1);

    // Reset: time 0 again, with the change in force; still running, and the change can still be undone.
    const std::uint64_t before = w.lastFrame().generation;
    w.findChild<QAction*>(QStringLiteral("actionReset"))->trigger();
    QTRY_VERIFY(w.lastFrame().generation > before);
    QCOMPARE(w.undoStack()->count(), 1);
    QTRY_VERIFY(w.lastFrame().running && w.lastFrame().now > 0);
    QCOMPARE(w.lastFrame().protection, p);
    w.undoStack()->undo();
    QTRY_COMPARE(w.lastFrame().protection, Protection{});

    // A paused session stays paused.
    w.controller()->pause();
    QTRY_VERIFY(!w.lastFrame().running);
    const std::uint64_t paused = w.lastFrame().generation;
    w.findChild<QAction*>(QStringLiteral("actionReset"))->trigger();
    QTRY_VERIFY(w.lastFrame().generation > paused);
    QTest::qWait(200);
    QVERIFY(!w.lastFrame().running);
    QCOMPARE(w.lastFrame().now, engine::SimTime{0});
    QCOMPARE(w.undoStack()->count(), 1);
}

void TestMainWindow::panelShowsVerdictsSinceChange()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    Scenario s = presetScenario("3gpp-only").value();
    s.durationS = 3600;
    runFast(w, s, 5);
    QTRY_COMPARE(w.lastFrame().summary.requirements[2].verdict, engine::Verdict::Violated);
    QVERIFY(!w.requirementsPanel()->sinceBadge(2)->isVisibleTo(w.requirementsPanel()));
    Protection p = w.controller()->scenario().protection;
    p.app = appPreset("aead").value();
    w.controller()->setProtection(p);
    // Whole run: still violated; since the change: met once the eavesdroppers have seen new traffic.
    QTRY_VERIFY_WITH_TIMEOUT(w.lastFrame().summary.sinceChangeS.has_value() &&
                                 w.lastFrame().summary.requirementsSinceChange[2].verdict ==
                                     engine::Verdict::Met,
                             20000);
    QTRY_VERIFY(w.requirementsPanel()->sinceBadge(2)->text().contains(QStringLiteral("MET")));
    QVERIFY(w.requirementsPanel()->sinceBadge(2)->text().contains(QStringLiteral("since the change")));
    QVERIFY(w.requirementsPanel()->sinceBadge(2)->isVisibleTo(w.requirementsPanel()));
    QVERIFY(w.requirementsPanel()->badge(2)->text().contains(QStringLiteral("VIOLATED")));
}

void TestMainWindow::metWithLossesSaysSo()
{
    // R4 met while genuine messages were lost to an attacker's collateral: the badge says how many.
    RequirementsPanel panel;
    engine::RunSummary s;
    s.requirements[3].verdict = engine::Verdict::Met;
    s.requirements[3].evidence = {"a3 replay on Uu: 15 of 60 readings and 2 of 19 commands lost: ..."};
    s.accounting.uplink.droppedCollateral = 15;
    s.accounting.downlink.droppedCollateral = 2;
    panel.setSummary(s);
    QCOMPARE(panel.badge(3)->text(), QStringLiteral("✓ MET\n17 messages lost"));
    QVERIFY(panel.badge(3)->toolTip().contains(QStringLiteral("17 genuine messages were lost")));
    QVERIFY(panel.evidence(3)->text().contains(QStringLiteral("15 of 60 readings")));
    QVERIFY(!panel.sinceBadge(3)->isVisibleTo(&panel));
    // Without losses, a plain met; R1-R3 never carry the loss.
    s.accounting = {};
    panel.setSummary(s);
    QCOMPARE(panel.badge(3)->text(), QStringLiteral("✓ MET"));
    // After a protection change: the since-change badge, with its own count.
    s.sinceChangeS = 30.0;
    s.requirementsSinceChange[3].verdict = engine::Verdict::Met;
    s.accountingSinceChange.uplink.droppedCollateral = 1;
    panel.setSummary(s);
    QVERIFY(panel.sinceBadge(3)->isVisibleTo(&panel));
    QCOMPARE(panel.sinceBadge(3)->text(),
             QStringLiteral("since the change at 30.0 s: ✓ MET, 1 message lost"));
}

void TestMainWindow::paletteAttackerMovesVerdict()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    Scenario s = presetScenario("default").value();
    s.durationS = 3600; // at 100x, still running when the attacker arrives
    runFast(w, s, 5);
    QTRY_VERIFY(w.lastFrame().summary.traffic.uplinkDelivered > 0);
    QCOMPARE(w.lastFrame().summary.requirements[2].verdict, engine::Verdict::NotExercised);

    AttackPalette* palette = w.attackPalette();
    palette->kinds()->setCurrentRow(0); // eavesdrop
    palette->target()->setCurrentIndex(palette->target()->findText(QStringLiteral("S1-U")));
    QTest::mouseClick(palette->placeButton(), Qt::LeftButton);

    QTRY_VERIFY(w.scene()->attackerItem("a1") != nullptr);
    QCOMPARE(w.controller()->scenario().attacks.at(0).link, std::optional<Link>(Link::S1U));
    QTRY_VERIFY(countEvents(w, engine::EventKind::AttackEavesdrop) > 0);
    QTRY_COMPARE(w.lastFrame().summary.requirements[2].verdict, engine::Verdict::Violated);
    QVERIFY(w.requirementsPanel()->badge(2)->text().contains(QStringLiteral("VIOLATED")));

    w.undoStack()->undo();
    QTRY_VERIFY(w.scene()->attackerItem("a1") == nullptr);
    QVERIFY(w.controller()->scenario().attacks.empty());
    QTRY_VERIFY(w.lastFrame().summary.attacks.at(0).removed);
}

void TestMainWindow::dropOnCanvasPlacesAttacker()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QMimeData mime;
    mime.setData(QLatin1String(kAttackMimeType), "tamper");
    QGraphicsSceneDragDropEvent drop(QEvent::GraphicsSceneDrop);
    drop.setScenePos(w.scene()->linkItem(Link::SGi)->pointAt(0.3));
    drop.setMimeData(&mime);
    drop.setProposedAction(Qt::CopyAction);
    drop.setPossibleActions(Qt::CopyAction);
    QApplication::sendEvent(w.scene(), &drop);
    QCOMPARE(w.controller()->scenario().attacks.size(), std::size_t{1});
    const AttackSpec& a = w.controller()->scenario().attacks.front();
    QCOMPARE(a.kind, AttackKind::Tamper);
    QCOMPARE(a.link, std::optional<Link>(Link::SGi));
    QCOMPARE(a.messages, MessageFilter::Data);
    QTRY_VERIFY(w.scene()->attackerItem("a1") != nullptr);

    // A downgrade does not fit S1-U: the drop is refused.
    mime.setData(QLatin1String(kAttackMimeType), "downgrade");
    QGraphicsSceneDragDropEvent refused(QEvent::GraphicsSceneDrop);
    refused.setScenePos(w.scene()->linkItem(Link::S1U)->pointAt(0.5));
    refused.setMimeData(&mime);
    refused.setProposedAction(Qt::CopyAction);
    QApplication::sendEvent(w.scene(), &refused);
    QCOMPARE(w.controller()->scenario().attacks.size(), std::size_t{1});
}

void TestMainWindow::scenarioRoundTripAndBadFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    MainWindow w;
    QStringList errors;
    w.setErrorHandler([&errors](const QString& e) { errors << e; });
    w.startSession(presetScenario("replay-command").value(), QString(), false);
    w.protectionPanel()->nds(Link::SGi)->click();
    const QString path = dir.filePath(QStringLiteral("saved.json"));
    QVERIFY(w.saveScenarioFile(path));
    QVERIFY(!w.isWindowModified());
    const Scenario saved = loadScenarioFile(path);
    QCOMPARE(saved, w.controller()->scenario());
    QVERIFY(saved.protection.ndsOn(Link::SGi));
    QCOMPARE(saved.attacks.size(), std::size_t{1});

    w.startSession(presetScenario("default").value(), QString(), false);
    QVERIFY(w.openScenarioFile(path));
    QCOMPARE(w.controller()->scenario(), saved);
    QCOMPARE(w.scenarioPath(), path);
    QVERIFY(w.windowTitle().startsWith(QStringLiteral("saved.json")));

    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"schema": "mtcsec-scenario/1", "devices": "many"})");
    f.close();
    QVERIFY(!w.openScenarioFile(bad));
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors[0].startsWith(bad + QStringLiteral(": devices: ")), qPrintable(errors[0]));
    QCOMPARE(w.controller()->scenario(), saved); // the session is kept
    QCOMPARE(w.scenarioPath(), path);

    QVERIFY(!w.saveScenarioFile(dir.filePath(QStringLiteral("no/such/dir/x.json"))));
    QCOMPARE(errors.size(), 2);
    QVERIFY(errors[1].contains(QStringLiteral("cannot write")));

    // A FIFO (the open dialog, the command line or a recent file may name one) is refused at once with an
    // error dialog, never waited on.
    const QString fifo = dir.filePath(QStringLiteral("fifo.json"));
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0644) == 0);
    QVERIFY(!w.openScenarioFile(fifo));
    QCOMPARE(errors.size(), 3);
    QCOMPARE(errors[2], fifo + QStringLiteral(": cannot read: it is a FIFO, not a regular file"));
    QCOMPARE(w.scenarioPath(), path);
}

void TestMainWindow::inspectorShowsSelectedMessage()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    Scenario s = presetScenario("default").value();
    s.protection.as.upCiphering = crypto::CipheringAlgorithm::Eea2;
    runFast(w, s);
    // Find an uplink data PDU on Uu in the log and open it as a user would: activate its row.
    std::uint32_t pdu = 0;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const EventLogModel* m = w.eventLog()->model();
            for (int r = 0; r < m->rowCount(); ++r) {
                const engine::LogEvent& e = m->event(r);
                if (e.kind == engine::EventKind::PduSent && e.place == engine::placeOf(Link::Uu) &&
                    e.value > 40 && e.time > engine::fromSeconds(8)) {
                    pdu = e.pdu;
                    return true;
                }
            }
            return false;
        }(),
        20000);
    w.controller()->pause();
    emit w.eventLog()->pduActivated(pdu);
    QTRY_VERIFY(w.inspector()->header()->text().contains(QStringLiteral("PDU %1").arg(pdu)));
    QVERIFY(w.inspector()->header()->text().contains(QStringLiteral("Uu")));
    // The attacker meets ciphertext; the eNB reads IPv4, UDP and CoAP inside PDCP, and the reading itself.
    QVERIFY2(w.inspector()->attackerView()->text().contains(QStringLiteral("Ciphertext")),
             qPrintable(w.inspector()->attackerView()->text()));
    QVERIFY2(w.inspector()->endpointView()->text().contains(QStringLiteral("IPv4")),
             qPrintable(w.inspector()->endpointView()->text()));
    QVERIFY(w.inspector()->endpointView()->text().contains(QStringLiteral("t=")));
    QVERIFY(w.inspector()->wireHex()->toPlainText().startsWith(QStringLiteral("0000  03 ")));
    QVERIFY(w.inspector()->plainHex()->toPlainText().startsWith(QStringLiteral("0000  45 00")));
}

void TestMainWindow::inspectorShowsWhatTheReceiverDecoded()
{
    // malleable-ciphertext: the eNB deciphers a tampered reading without noticing; the inspector shows the
    // changed bytes it decoded and accepted, with the sender's bytes beside them.
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    Scenario s = presetScenario("malleable-ciphertext").value();
    runFast(w, s);
    std::vector<std::uint32_t> touched;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const EventLogModel* m = w.eventLog()->model();
            touched.clear();
            for (int r = 0; r < m->rowCount(); ++r) {
                const engine::LogEvent& e = m->event(r);
                if (e.kind == engine::EventKind::PduSent && e.place == engine::placeOf(Link::Uu) &&
                    e.attack >= 0 && e.time > engine::fromSeconds(5))
                    touched.push_back(e.pdu);
            }
            return touched.size() >= 5;
        }(),
        20000);
    w.controller()->pause();
    bool seen = false;
    for (const std::uint32_t pdu : touched) {
        emit w.eventLog()->pduActivated(pdu);
        QTRY_VERIFY(w.inspector()->header()->text().contains(QStringLiteral("PDU %1").arg(pdu)));
        if (!w.inspector()->decision()->text().contains(QStringLiteral("Accepted")))
            continue;
        QVERIFY2(w.inspector()->decision()->text().contains(QStringLiteral("other than what the sender")),
                 qPrintable(w.inspector()->decision()->text()));
        QVERIFY(w.inspector()->sentHex()->isVisibleTo(w.inspector()));
        QVERIFY(w.inspector()->plainHex()->toPlainText() != w.inspector()->sentHex()->toPlainText());
        QVERIFY(w.inspector()->endpointView()->text().contains(QStringLiteral("The sender put in")));
        seen = true;
        break;
    }
    QVERIFY(seen);
}

void TestMainWindow::staysResponsiveAtFullSpeed()
{
    // What this checks holds on any machine, busy or idle: while the engine runs flat out in its thread, the
    // GUI thread keeps serving its own timer, frames keep arriving, and the log fills. How fast each of these
    // happens is measured by tests/bench_gui (it prints the figures), never asserted here.
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    Scenario s = presetScenario("defence-in-depth").value();
    s.devices = 3000;
    s.durationS = 600;
    int frames = 0;
    double fastestRate = 0;
    connect(w.controller(), &SimulationController::frameReady, this, [&frames, &fastestRate](const Frame& f) {
        ++frames;
        fastestRate = std::max(fastestRate, f.eventsPerSecond);
    });
    runFast(w, s);
    int ticks = 0;
    QTimer timer;
    connect(&timer, &QTimer::timeout, this, [&ticks] { ++ticks; });
    timer.start(10);
    constexpr int kPatience = 120'000; // ms: only a limit for a machine that has stalled, never a rate
    QTRY_VERIFY_WITH_TIMEOUT(ticks >= 20 && frames >= 3 && w.eventLog()->model()->rowCount() > 1000,
                             kPatience);
    timer.stop();
    w.controller()->pause();
    QVERIFY(w.lastFrame().now > 0);
    QVERIFY(fastestRate > 0); // what the status bar shows
}

void TestMainWindow::exportsReportsAndCaptures()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    MainWindow w;
    QStringList errors;
    w.setErrorHandler([&errors](const QString& e) { errors << e; });
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    Scenario s = presetScenario("unprotected").value();
    s.durationS = 3600;
    runFast(w, s, 5); // 100x
    QSignalSpy captured(w.controller(), &SimulationController::captureFinished);
    w.controller()->startCapture(dir.path());
    QTRY_VERIFY(w.lastFrame().now > engine::fromSeconds(60));
    w.controller()->pause();
    w.controller()->stopCapture();
    QTRY_VERIFY2(captured.count() == 1, qPrintable(errors.join(QLatin1Char('|'))));
    QCOMPARE(captured.at(0).at(0).toString(), dir.path());
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("SGi.pcap"))));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("keys.log"))));

    for (const char* name : {"r.json", "r.csv", "r.html", "r.pdf"})
        QVERIFY2(w.exportReport(dir.filePath(QLatin1String(name))), name);
    QCOMPARE(errors, QStringList());
    const QJsonObject j = QJsonDocument::fromJson([&] {
                              QFile f(dir.filePath(QStringLiteral("r.json")));
                              return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
                          }())
                              .object();
    QCOMPARE(j.value(QStringLiteral("schema")).toString(), QStringLiteral("mtcsec-report/1"));
    QCOMPARE(j.value(QStringLiteral("digest")).toString(),
             QString::fromStdString(w.lastFrame().summary.digest));
    QFile csv(dir.filePath(QStringLiteral("r.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(csv.readAll().count('\n'), static_cast<qsizetype>(w.lastFrame().summary.eventsTotal) + 1);
    QFile html(dir.filePath(QStringLiteral("r.html")));
    QVERIFY(html.open(QIODevice::ReadOnly));
    QVERIFY(html.readAll().contains("data:image/png;base64,"));

    QVERIFY(!w.exportReport(dir.filePath(QStringLiteral("missing/r.pdf"))));
    QCOMPARE(errors.size(), 1);
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("missing/r.pdf"))));
}

void TestMainWindow::aboutNamesVersionAndLibraries()
{
    const QString text = AboutDialog::aboutText();
    QVERIFY(text.contains(QString::fromUtf8(kVersion)));
    QVERIFY(text.contains(QStringLiteral("Qt ") + QString::fromUtf8(qVersion())));
    QVERIFY(text.contains(QStringLiteral("Botan 2.")));
}

void TestMainWindow::unsavedChangesAreAskedAbout()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    MainWindow w;
    int asked = 0;
    MainWindow::UnsavedChoice answer = MainWindow::UnsavedChoice::Cancel;
    w.setUnsavedChangesHandler([&] {
        ++asked;
        return answer;
    });
    w.startSession(presetScenario("default").value(), QString(), false);
    QAction* newAction = w.findChild<QAction*>(QStringLiteral("actionNew"));
    QVERIFY(newAction != nullptr);
    // Nothing changed: no question.
    newAction->trigger();
    QCOMPARE(asked, 0);

    // Changed, then Cancel: the session stays, change and all.
    w.protectionPanel()->nds(Link::S5)->click();
    QVERIFY(w.isWindowModified());
    newAction->trigger();
    QCOMPARE(asked, 1);
    QVERIFY(w.controller()->scenario().protection.ndsOn(Link::S5));
    QCOMPARE(w.undoStack()->count(), 1);
    // Quit asks the same way; Cancel keeps the window open.
    QCloseEvent close;
    QApplication::sendEvent(&w, &close);
    QCOMPARE(asked, 2);
    QVERIFY(!close.isAccepted());

    // Save: written to the scenario's file, then replaced.
    const QString path = dir.filePath(QStringLiteral("kept.json"));
    QVERIFY(w.saveScenarioFile(path));
    w.protectionPanel()->nds(Link::S6a)->click();
    answer = MainWindow::UnsavedChoice::Save;
    newAction->trigger();
    QCOMPARE(asked, 3);
    QVERIFY(loadScenarioFile(path).protection.ndsOn(Link::S6a));
    QVERIFY(!w.controller()->scenario().protection.ndsOn(Link::S6a));
    QCOMPARE(w.undoStack()->count(), 0);

    // Discard: replaced without saving.
    w.protectionPanel()->nds(Link::S1U)->click();
    answer = MainWindow::UnsavedChoice::Discard;
    newAction->trigger();
    QCOMPARE(asked, 4);
    QVERIFY(!w.controller()->scenario().protection.ndsOn(Link::S1U));
    QVERIFY(!loadScenarioFile(path).protection.ndsOn(Link::S1U));
}

void TestMainWindow::wheelOverUnfocusedComboScrolls()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QComboBox* combo = w.protectionPanel()->nasIntegrity();
    w.view()->setFocus();
    QVERIFY(!combo->hasFocus());
    const int before = combo->currentIndex();
    const QPointF at(combo->width() / 2.0, combo->height() / 2.0);
    QWheelEvent down(at, combo->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier,
                     Qt::NoScrollPhase, false);
    QApplication::sendEvent(combo, &down);
    QCOMPARE(combo->currentIndex(), before);
    QCOMPARE(w.undoStack()->count(), 0);
    // Focused (clicked or tabbed to), the wheel chooses as usual.
    combo->setFocus();
    QTRY_VERIFY(combo->hasFocus());
    QWheelEvent again(at, combo->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(combo, &again);
    QVERIFY(combo->currentIndex() != before);
}

void TestMainWindow::spaceRunsUnlessTyping()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QApplication::setActiveWindow(&w);
    w.startSession(presetScenario("default").value(), QString(), false);
    // From the seed box (digits only), Space runs.
    auto* seed = w.findChild<QSpinBox*>(QStringLiteral("seed"));
    seed->setFocus();
    QTRY_VERIFY(seed->hasFocus());
    QTest::keyClick(seed, Qt::Key_Space);
    QTRY_VERIFY(w.lastFrame().running);
    QTest::keyClick(seed, Qt::Key_Space);
    QTRY_VERIFY(!w.lastFrame().running);

    // In a text field Space is a space; Esc hands the keys back, and the next Space runs.
    QLineEdit* search = nullptr;
    for (QLineEdit* e : w.eventLog()->findChildren<QLineEdit*>())
        search = e->isReadOnly() ? search : e;
    QVERIFY(search != nullptr);
    search->setFocus();
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, QStringLiteral("S1 U"));
    QCOMPARE(search->text(), QStringLiteral("S1 U"));
    QTest::qWait(100);
    QVERIFY(!w.lastFrame().running);
    QTest::keyClick(search, Qt::Key_Escape);
    QVERIFY(!search->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    QTRY_VERIFY(w.lastFrame().running);
    // F5 runs and pauses from anywhere, text fields included.
    search->setFocus();
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClick(search, Qt::Key_F5);
    QTRY_VERIFY(!w.lastFrame().running);
}

void TestMainWindow::attackerPlacedWhileRunningStartsAtZeroAfterReset()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    Scenario s = presetScenario("default").value();
    s.durationS = 3600;
    runFast(w, s, 5);
    QTRY_VERIFY(w.lastFrame().now > engine::fromSeconds(2));
    AttackPalette* palette = w.attackPalette();
    palette->kinds()->setCurrentRow(0); // eavesdrop
    palette->target()->setCurrentIndex(palette->target()->findText(QStringLiteral("Uu")));
    QTest::mouseClick(palette->placeButton(), Qt::LeftButton);
    // In this run it acts from its placement on.
    const double placed = w.controller()->scenario().attacks.at(0).startS;
    QVERIFY(placed > 2);
    QCOMPARE(w.scenarioForRestart().attacks.at(0).startS, 0.0);

    // Saved: from time 0.
    const QString path = dir.filePath(QStringLiteral("placed.json"));
    QVERIFY(w.saveScenarioFile(path));
    QCOMPARE(loadScenarioFile(path).attacks.at(0).startS, 0.0);

    // Reset: from time 0, so it is at work at once.
    w.findChild<QAction*>(QStringLiteral("actionReset"))->trigger();
    QCOMPARE(w.controller()->scenario().attacks.at(0).startS, 0.0);
    QTRY_VERIFY(countEvents(w, engine::EventKind::AttackEavesdrop) > 0);
    QVERIFY(w.lastFrame().summary.attacks.at(0).attempts > 0);

    // A start time chosen on purpose (here: in the file) is kept, and the badge says when it starts.
    Scenario later = s;
    AttackSpec a;
    a.id = "a1";
    a.kind = AttackKind::Eavesdrop;
    a.link = Link::Uu;
    a.startS = 600;
    later.attacks = {a};
    w.startSession(later, QString(), false);
    QCOMPARE(w.scenarioForRestart().attacks.at(0).startS, 600.0);
    w.findChild<QAction*>(QStringLiteral("actionStep"))->trigger();
    // (frames of the previous session may still arrive first)
    QTRY_VERIFY(w.scene()->attackerItem("a1") != nullptr &&
                w.scene()->attackerItem("a1")->countsText().contains(QStringLiteral("starts at 600")));
}

void TestMainWindow::evidenceReadsAngleBrackets()
{
    RequirementsPanel panel;
    engine::RunSummary s;
    s.requirements[0].verdict = engine::Verdict::Violated;
    s.requirements[0].evidence = {"a1 saw IPv4 10.0.0.1>10.0.0.4 <ESP>"};
    panel.setSummary(s);
    QLabel* evidence = panel.evidence(0);
    QCOMPARE(evidence->textFormat(), Qt::RichText);
    QTextDocument shown;
    shown.setHtml(evidence->text());
    QVERIFY2(shown.toPlainText().contains(QStringLiteral("10.0.0.1>10.0.0.4 <ESP>")),
             qPrintable(shown.toPlainText()));
    QVERIFY(!shown.toPlainText().contains(QStringLiteral("&gt;")));
}

void TestMainWindow::idleWhilePaused()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    Scenario s = presetScenario("default").value();
    s.durationS = 3600;
    runFast(w, s, 5);
    QTRY_VERIFY(w.lastFrame().running && w.lastFrame().now > engine::fromSeconds(1));
    QVERIFY(w.animationTimer()->isActive());
    w.controller()->pause();
    QTRY_VERIFY(!w.lastFrame().running);
    // Paused: the dots already on their way arrive, then the animation timer stops...
    QTRY_VERIFY(!w.animationTimer()->isActive());
    // ...and the engine sends nothing more (it used to answer every frame taken with another one).
    QSignalSpy frames(w.controller(), &SimulationController::frameReady);
    QTest::qWait(400);
    QCOMPARE(frames.count(), 0);
    QVERIFY(!w.animationTimer()->isActive());
    // A change while paused still shows: one frame, then quiet again.
    w.protectionPanel()->nds(Link::S5)->click();
    QTRY_VERIFY(w.lastFrame().protection.ndsOn(Link::S5));
    const int afterChange = static_cast<int>(frames.count());
    QTest::qWait(300);
    QCOMPARE(frames.count(), afterChange);

    // Finished: the same.
    Scenario shortRun = presetScenario("default").value();
    shortRun.durationS = 2;
    runFast(w, shortRun, 6);
    QTRY_VERIFY(w.lastFrame().finished);
    QTRY_VERIFY(!w.animationTimer()->isActive());
    frames.clear();
    QTest::qWait(300);
    QCOMPARE(frames.count(), 0);
}

void TestMainWindow::smallScreenKeepsControlsInView()
{
    MainWindow w;
    // "3GPP on" and "All off" come before the switches, outside any scrolling part of the panel...
    ProtectionPanel* p = w.protectionPanel();
    QVERIFY(p->allOnButton() != nullptr && p->allOffButton() != nullptr);
    w.resize(1366, 768);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(p->allOnButton()->mapTo(p, QPoint(0, 0)).y() < p->nasIntegrity()->mapTo(p, QPoint(0, 0)).y());
    // ...the four verdicts are never inside the evidence's scroll area...
    for (int i = 0; i < 4; ++i) {
        for (QWidget* up = w.requirementsPanel()->badge(i); up != nullptr; up = up->parentWidget())
            QVERIFY(qobject_cast<QScrollArea*>(up) == nullptr);
    }
    // ...and the window fits 1366x768.
    QVERIFY2(w.minimumSizeHint().width() <= 1366 && w.minimumSizeHint().height() <= 768,
             qPrintable(
                 QStringLiteral("%1x%2").arg(w.minimumSizeHint().width()).arg(w.minimumSizeHint().height())));
}

QTEST_MAIN(TestMainWindow)
void TestMainWindow::cellsRefusedAtStartStayPaused_data()
{
    QTest::addColumn<QString>("subdir");
    QTest::addColumn<QString>("quotedTail");
    QTest::newRow("plain") << QStringLiteral("plain") << QStringLiteral("/plain/town.json");
    QTest::newRow("space") << QStringLiteral("my dir") << QStringLiteral("/my dir/town.json'");
    QTest::newRow("quote") << QStringLiteral("it's") << QStringLiteral("/it'\\''s/town.json'");
}

void TestMainWindow::cellsRefusedAtStartStayPaused()
{
    QFETCH(QString, subdir);
    QFETCH(QString, quotedTail);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(subdir));
    const QString path = dir.filePath(subdir + QStringLiteral("/town.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        R"({"schema":"mtcsec-scenario/1","name":"town","devices":600,"devices_per_cell":200,"duration_s":20})");
    file.close();

    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QStringList errors;
    w.setErrorHandler([&errors](const QString& e) { errors << e; });
    w.startWith(path); // as `mtcsec town.json`; the handler returns as the dialog's OK does
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.constFirst().contains(QStringLiteral("runs scenarios of one cell only")),
             qPrintable(errors.constFirst()));
    const QString command = QStringLiteral("mtcsec run --scenario ");
    const QString suggested = errors.constFirst().mid(errors.constFirst().indexOf(command) + command.size());
    QVERIFY2(suggested.endsWith(quotedTail), qPrintable(suggested));
    QCOMPARE(suggested.startsWith(QLatin1Char('\'')), subdir != QStringLiteral("plain"));
    QVERIFY(w.scenarioPath().isEmpty());
    QCOMPARE(w.controller()->scenario().name, presetScenario("default").value().name);

    // The state shown is the real one: paused, Run meaning run, and it stays so.
    auto* run = w.findChild<QAction*>(QStringLiteral("actionRun"));
    QTest::qWait(300);
    QVERIFY(!w.controller()->isRunning());
    QVERIFY(!w.lastFrame().running);
    QVERIFY(!run->isChecked());
    QCOMPARE(run->text(), QStringLiteral("&Run"));
    // Run runs.
    run->trigger();
    QTRY_VERIFY(w.controller()->isRunning());
    QTRY_COMPARE(run->text(), QStringLiteral("&Pause"));
    QVERIFY(run->isChecked());
    run->trigger();
    QTRY_VERIFY(!w.controller()->isRunning());
    QTRY_COMPARE(run->text(), QStringLiteral("&Run"));

    // Without a file the default scenario runs, and says so.
    MainWindow fresh;
    fresh.startWith(QString());
    auto* freshRun = fresh.findChild<QAction*>(QStringLiteral("actionRun"));
    QTRY_VERIFY(fresh.controller()->isRunning());
    QTRY_COMPARE(freshRun->text(), QStringLiteral("&Pause"));
    QVERIFY(freshRun->isChecked());
}

// The error boxes of the window that are open (one closed is deleted later).
QList<QMessageBox*> openErrorBoxes(const MainWindow& w)
{
    QList<QMessageBox*> open;
    for (QMessageBox* box : w.findChildren<QMessageBox*>(QStringLiteral("errorBox")))
        if (box->isVisible())
            open << box;
    return open;
}

void TestMainWindow::errorsShareOneWindowModalBox()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    const QString first = QStringLiteral("/nonexistent/first.json");
    const QString second = QStringLiteral("/nonexistent/second.json");
    // The box opens and the call returns (no event loop of its own).
    QVERIFY(!w.openScenarioFile(first));
    QList<QMessageBox*> boxes = openErrorBoxes(w);
    QCOMPARE(boxes.size(), 1);
    QMessageBox* box = boxes.constFirst();
    QCOMPARE(box->windowModality(), Qt::WindowModal);
    QCOMPARE(box->icon(), QMessageBox::Critical);
    QVERIFY2(box->text().startsWith(first), qPrintable(box->text()));
    QVERIFY(box->informativeText().isEmpty());
    // Further errors are listed in it, each once with how often it came.
    QVERIFY(!w.openScenarioFile(second));
    QVERIFY(!w.openScenarioFile(second));
    QVERIFY(!w.openScenarioFile(first));
    QCOMPARE(openErrorBoxes(w).size(), 1);
    const QString listed = box->informativeText();
    QVERIFY2(listed.startsWith(QStringLiteral("More errors came while this box was open (3):")),
             qPrintable(listed));
    QVERIFY2(listed.contains(QStringLiteral("second.json: cannot read")) &&
                 listed.contains(QStringLiteral("(2 times)")),
             qPrintable(listed));
    QCOMPARE(listed.count(QStringLiteral("second.json")), 1);
    // Beyond five different ones, they are counted.
    for (int i = 0; i < 7; ++i)
        QVERIFY(!w.openScenarioFile(QStringLiteral("/nonexistent/more%1.json").arg(i)));
    QVERIFY2(box->informativeText().contains(QStringLiteral("• further errors, not listed: 4")),
             qPrintable(box->informativeText()));
    QCOMPARE(openErrorBoxes(w).size(), 1);
    // Closed, the next error opens a box of its own.
    box->button(QMessageBox::Ok)->click();
    QTRY_VERIFY(w.findChildren<QMessageBox*>(QStringLiteral("errorBox")).isEmpty());
    QVERIFY(!w.openScenarioFile(second));
    boxes = openErrorBoxes(w);
    QCOMPARE(boxes.size(), 1);
    QVERIFY(boxes.constFirst()->text().startsWith(second));
    QVERIFY(boxes.constFirst()->informativeText().isEmpty());
    boxes.constFirst()->button(QMessageBox::Ok)->click();
}

namespace {

// Answers the next file dialog with `path` as a user typing it would, and keeps the folder it opened in.
void answerNextFileDialog(const QString& path, QString* openedIn)
{
    auto* poll = new QTimer;
    poll->setInterval(10);
    QObject::connect(poll, &QTimer::timeout, [poll, path, openedIn] {
        auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
        if (dialog == nullptr)
            return;
        poll->stop();
        poll->deleteLater();
        *openedIn = dialog->directory().absolutePath();
        // Typed into the name field (selectFile would also select in the list, which fills asynchronously).
        auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
        if (name != nullptr)
            name->setText(path);
        QMetaObject::invokeMethod(dialog, "accept"); // as Save or Open does (a protected slot)
        if (dialog->isVisible())
            dialog->reject(); // not taken: the test fails on what follows, rather than hanging
    });
    poll->start();
}

} // namespace

void TestMainWindow::foldersRememberedOnlyAfterSuccess()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QDir root(dir.path());
    for (const char* sub : {"start", "reports", "scenarios", "broken"})
        QVERIFY(root.mkpath(QLatin1String(sub)));
    QFile notAFolder(root.filePath(QStringLiteral("file")));
    QVERIFY(notAFolder.open(QIODevice::WriteOnly));
    notAFolder.close();
    QFile broken(root.filePath(QStringLiteral("broken/bad.json")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{");
    broken.close();

    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QStringList errors;
    w.setErrorHandler([&errors](const QString& e) { errors << e; });
    w.setUnsavedChangesHandler([] { return MainWindow::UnsavedChoice::Discard; });
    const QString start = root.filePath(QStringLiteral("start"));
    Settings().setLastDirectory(start);
    QString openedIn;

    // A report that cannot be written: the folder stays, the next dialog opens where the last one did.
    const QString badReport = root.filePath(QStringLiteral("file/report.json"));
    answerNextFileDialog(badReport, &openedIn);
    w.findChild<QAction*>(QStringLiteral("actionExportReport"))->trigger();
    QCOMPARE(openedIn, start);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.constLast().startsWith(badReport), qPrintable(errors.constLast()));
    QCOMPARE(Settings().lastDirectory(), start);
    // Written: its folder is remembered.
    const QString report = root.filePath(QStringLiteral("reports/report.json"));
    answerNextFileDialog(report, &openedIn);
    w.findChild<QAction*>(QStringLiteral("actionExportReport"))->trigger();
    QCOMPARE(openedIn, start);
    QVERIFY2(QFileInfo::exists(report),
             qPrintable(errors.join(QLatin1Char('|')) + QLatin1Char(' ') + Settings().lastDirectory()));
    QCOMPARE(Settings().lastDirectory(), root.filePath(QStringLiteral("reports")));

    // Save (as, the session has no file yet): the same.
    const QString badScenario = root.filePath(QStringLiteral("file/s.json"));
    answerNextFileDialog(badScenario, &openedIn);
    w.findChild<QAction*>(QStringLiteral("actionSave"))->trigger();
    QCOMPARE(openedIn, root.filePath(QStringLiteral("reports")));
    QCOMPARE(errors.size(), 2);
    QVERIFY2(errors.constLast().startsWith(badScenario), qPrintable(errors.constLast()));
    QCOMPARE(Settings().lastDirectory(), root.filePath(QStringLiteral("reports")));
    const QString scenario = root.filePath(QStringLiteral("scenarios/s.json"));
    answerNextFileDialog(scenario, &openedIn);
    w.findChild<QAction*>(QStringLiteral("actionSave"))->trigger();
    QVERIFY(QFileInfo::exists(scenario));
    QCOMPARE(Settings().lastDirectory(), root.filePath(QStringLiteral("scenarios")));

    // Open: a file refused leaves the folder; one opened is remembered.
    answerNextFileDialog(broken.fileName(), &openedIn);
    w.findChild<QAction*>(QStringLiteral("actionOpen"))->trigger();
    QCOMPARE(openedIn, root.filePath(QStringLiteral("scenarios")));
    QCOMPARE(errors.size(), 3);
    QVERIFY2(errors.constLast().startsWith(broken.fileName()), qPrintable(errors.constLast()));
    QCOMPARE(Settings().lastDirectory(), root.filePath(QStringLiteral("scenarios")));
    QVERIFY(QFile::copy(scenario, root.filePath(QStringLiteral("start/again.json"))));
    answerNextFileDialog(root.filePath(QStringLiteral("start/again.json")), &openedIn);
    w.findChild<QAction*>(QStringLiteral("actionOpen"))->trigger();
    QCOMPARE(errors.size(), 3);
    QCOMPARE(w.scenarioPath(), root.filePath(QStringLiteral("start/again.json")));
    QCOMPARE(Settings().lastDirectory(), start);

    // A remembered folder that became unusable: the dialog opens in the home folder.
    Settings().setLastDirectory(QStringLiteral("/proc"));
    answerNextFileDialog(root.filePath(QStringLiteral("reports/second.json")), &openedIn);
    w.findChild<QAction*>(QStringLiteral("actionExportReport"))->trigger();
    QCOMPARE(openedIn, QDir::homePath());
    QCOMPARE(Settings().lastDirectory(), root.filePath(QStringLiteral("reports")));
}

#include "tst_mainwindow.moc"
