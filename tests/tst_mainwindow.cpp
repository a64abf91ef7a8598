// The desktop application as a user drives it, offscreen: the window opens on the default scenario with its
// docks and controls; a protection switch changes the engine's configuration and the line on the canvas; an
// attacker placed through the palette (or dropped on the canvas) makes attack events appear and moves a
// verdict; undo restores the previous state; scenarios round-trip through Save and Open, and a bad file is
// refused with its JSON path while the session is kept; the inspector shows a selected message; the window
// stays responsive while the engine runs flat out.
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
#include "ui/TopologyScene.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QGraphicsSceneDragDropEvent>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

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

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
