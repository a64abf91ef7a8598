// Lecture mode on the real window, offscreen: the built-in first lecture loads and every step's change takes
// effect in the engine (preset opened, protection changed through the undo stack, Reset); a question hides
// the verdicts ("?", event log hidden) until Reveal, which marks the predictions against the engine's own
// verdicts (since the change for a live protection change) and keeps a running score; the lecture's keys
// move between steps; a bad script file is refused with its JSON path; End lecture restores the window's
// docks and toolbars; presentation mode scales the lecture bar.
#include "core/engine/RunSummary.h"
#include "core/engine/SimTime.h"
#include "ui/EventLogDock.h"
#include "ui/LectureBar.h"
#include "ui/LectureController.h"
#include "ui/MainWindow.h"
#include "ui/PredictPanel.h"
#include "ui/PresentationCaptions.h"
#include "ui/RequirementsPanel.h"
#include "ui/TopologyScene.h"

#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace mtcsec;
using namespace mtcsec::ui;

namespace {

// 100x in the speed box: 15 simulated seconds in 0.15 s, and the preset's hour lasts longer than a test (at
// "as fast as possible" it would end before a live change could show its effect).
constexpr int kFast = 5;

void fast(MainWindow& w)
{
    w.findChild<QComboBox*>(QStringLiteral("speed"))->setCurrentIndex(kFast);
}

// The mark a guess earns against a verdict.
Mark expectedMark(Guess guess, engine::Verdict verdict)
{
    if (verdict == engine::Verdict::NotExercised)
        return Mark::NotExercised;
    if (guess == Guess::None)
        return Mark::Unanswered;
    return (guess == Guess::Met) == (verdict == engine::Verdict::Met) ? Mark::Right : Mark::Wrong;
}

} // namespace

class TestLecture : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void builtInLectureLoads();
    void everyStepAppliesToTheEngine();
    void predictThenRevealMarksAgainstTheEngine();
    void liveChangeIsMarkedSinceTheChange();
    void keysMoveBetweenSteps();
    void attackersPlacedAndRemovedThroughTheUndoStack();
    void badScriptFileIsRefused();
    void endRestoresTheWindowState();
    void barScalesInPresentationMode();
};

void TestLecture::builtInLectureLoads()
{
    const LectureScript s = LectureController::builtInLecture();
    QVERIFY(s.steps.size() >= 7);
    QCOMPARE(s.steps[1].change.kind, LectureChangeKind::Protection);
}

void TestLecture::everyStepAppliesToTheEngine()
{
    MainWindow w;
    QStringList errors;
    w.setErrorHandler([&errors](const QString& m) { errors << m; });
    fast(w);
    LectureController* lecture = w.lecture();
    const LectureScript script = LectureController::builtInLecture();
    lecture->start(script);
    QVERIFY(lecture->isActive());
    QVERIFY(lecture->dock()->isVisible() || !lecture->dock()->isHidden());
    for (int i = 0; i < static_cast<int>(script.steps.size()); ++i) {
        if (i > 0)
            lecture->goTo(i);
        QCOMPARE(lecture->stepIndex(), i);
        const LectureStep& step = script.steps[static_cast<std::size_t>(i)];
        QCOMPARE(lecture->bar()->titleLabel()->text(), QString::fromStdString(step.title));
        switch (step.change.kind) {
        case LectureChangeKind::OpenPreset:
            QTRY_COMPARE(w.lastFrame().summary.scenarioName, step.change.preset);
            QTRY_VERIFY(w.lastFrame().now > 0);
            break;
        case LectureChangeKind::Protection: {
            const Protection expected = w.controller()->scenario().protection;
            QTRY_COMPARE(w.lastFrame().protection, expected);
            QTRY_VERIFY(w.lastFrame().summary.sinceChangeS.has_value());
            QVERIFY(w.undoStack()->canUndo());
            break;
        }
        case LectureChangeKind::Reset:
            // Reset keeps what is in force and the undo history.
            QTRY_VERIFY(w.lastFrame().generation != 0 && w.lastFrame().summary.changes.empty() &&
                        !w.lastFrame().summary.sinceChangeS);
            QVERIFY(w.lastFrame().protection.app.confidentiality);
            QVERIFY(w.undoStack()->canUndo());
            break;
        default:
            break;
        }
        if (step.question) {
            QVERIFY(lecture->verdictsHidden());
            QTRY_VERIFY_WITH_TIMEOUT(lecture->canReveal(), 30000);
            lecture->reveal();
            QVERIFY(lecture->round().revealed());
            QVERIFY(!lecture->verdictsHidden());
        }
    }
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    lecture->stop();
    QVERIFY(!lecture->isActive());
}

void TestLecture::predictThenRevealMarksAgainstTheEngine()
{
    MainWindow w;
    w.resize(1900, 1000); // room for the event log beside the lecture bar
    w.setErrorHandler([](const QString& m) { QFAIL(qPrintable(m)); });
    fast(w);
    LectureController* lecture = w.lecture();
    lecture->start(LectureController::builtInLecture()); // step 1: unprotected, asks R2-R4 and a1-a3
    QVERIFY(lecture->verdictsHidden());
    QCOMPARE(w.requirementsPanel()->badge(2)->text(), QStringLiteral("?"));
    QVERIFY(w.eventLog()->isHidden());
    // Presentation mode's captions keep the secret too, and carry the step.
    QVERIFY(w.verdictCaption()->verdict(2)->text().startsWith(QStringLiteral("R3 ?")));
    QVERIFY(w.lessonCaption()->lessonLabel()->text().contains(QStringLiteral("Step 1 of 10")));

    // The room's guesses, clicked: R2 violated, R3 met (wrong in an unprotected network), R4 no guess; a1
    // (eavesdrop on Uu) readable, a3 (tamper) blocked.
    PredictPanel* panel = lecture->bar()->predictPanel();
    panel->requirementButton(1, Guess::Violated)->click();
    panel->requirementButton(2, Guess::Met)->click();
    panel->attackerButton(0, 0)->click();
    panel->attackerButton(2, 1)->click();
    QCOMPARE(lecture->round().requirementGuess(1), Guess::Violated);
    QCOMPARE(lecture->round().requirementGuess(2), Guess::Met);
    QCOMPARE(lecture->round().attackerGuess(0), std::optional(AttackerOutcome::Readable));
    QCOMPARE(lecture->round().attackerGuess(2), std::optional(AttackerOutcome::Blocked));

    QTRY_VERIFY_WITH_TIMEOUT(lecture->canReveal(), 30000);
    QCOMPARE(w.requirementsPanel()->badge(2)->text(), QStringLiteral("?")); // still hidden while running
    lecture->reveal();
    const engine::RunSummary& s = w.lastFrame().summary; // the frame the reveal read
    const PredictRound& round = lecture->round();
    QVERIFY(!round.sinceChange());
    QCOMPARE(round.verdict(1), std::optional(s.requirements[1].verdict));
    QCOMPARE(round.requirementMark(1), expectedMark(Guess::Violated, s.requirements[1].verdict));
    QCOMPARE(round.requirementMark(2), expectedMark(Guess::Met, s.requirements[2].verdict));
    QCOMPARE(round.requirementMark(3), expectedMark(Guess::None, s.requirements[3].verdict));
    QCOMPARE(round.requirementMark(2), Mark::Wrong); // the readings are read in the clear
    const auto tally = [&s](const std::string& id) {
        for (const engine::AttackTally& t : s.attacks)
            if (t.spec.id == id)
                return t;
        return engine::AttackTally{};
    };
    QCOMPARE(round.attackerOutcome(0), outcomeOf(tally("a1")));
    QCOMPARE(round.attackerOutcome(0), std::optional(AttackerOutcome::Readable));
    QCOMPARE(round.attackerMark(0), Mark::Right);
    QCOMPARE(round.attackerOutcome(2), std::optional(AttackerOutcome::Accepted));
    QCOMPARE(round.attackerMark(2), Mark::Wrong);
    QCOMPARE(round.attackerMark(1), Mark::Unanswered);
    QCOMPARE(lecture->scoreRight(), round.right());
    QCOMPARE(lecture->scoreMarked(), round.marked());
    QCOMPARE(lecture->scoreMarked(), 4);
    QCOMPARE(lecture->scoreRight(), 2);
    // Shown: verdicts back, each row marked in words, the score.
    QVERIFY(w.requirementsPanel()->badge(2)->text().contains(QStringLiteral("VIOLATED")));
    QVERIFY(!w.verdictCaption()->verdict(2)->text().startsWith(QStringLiteral("R3 ?")));
    QVERIFY(!w.eventLog()->isHidden());
    QVERIFY(panel->requirementResult(2)->text().startsWith(QStringLiteral("✘ wrong")));
    QVERIFY(panel->requirementResult(1)->text().startsWith(QStringLiteral("✔ right")));
    QCOMPARE(lecture->bar()->scoreLabel()->text(), QStringLiteral("Score: 2 of 4 right"));
    // Guesses are frozen after the reveal.
    panel->requirementButton(3, Guess::Met)->click();
    QCOMPARE(lecture->round().requirementGuess(3), Guess::None);
}

void TestLecture::liveChangeIsMarkedSinceTheChange()
{
    MainWindow w;
    w.resize(1366, 700);
    w.setErrorHandler([](const QString& m) { QFAIL(qPrintable(m)); });
    fast(w);
    LectureController* lecture = w.lecture();
    lecture->start(LectureController::builtInLecture());
    QTRY_VERIFY_WITH_TIMEOUT(lecture->canReveal(), 30000);
    lecture->next(); // reveals step 1
    QVERIFY(lecture->round().revealed());
    lecture->next(); // step 2: 3GPP on, mid-run
    QCOMPARE(lecture->stepIndex(), 1);
    QVERIFY(lecture->verdictsHidden());
    lecture->round().setRequirementGuess(2, Guess::Met);
    lecture->round().setRequirementGuess(3, Guess::Met);
    QTRY_VERIFY_WITH_TIMEOUT(lecture->canReveal(), 30000);
    lecture->reveal();
    const engine::RunSummary& s = w.lastFrame().summary;
    QVERIFY(s.sinceChangeS.has_value());
    QVERIFY(lecture->round().sinceChange());
    for (std::size_t i = 1; i < 4; ++i)
        QCOMPARE(lecture->round().verdict(i), std::optional(s.requirementsSinceChange[i].verdict));
    // Ciphering on Uu and NDS/IP on S1-U: no reading is read any more; the whole run still says violated.
    QCOMPARE(lecture->round().requirementMark(2), Mark::Right);
    QCOMPARE(s.requirements[2].verdict, engine::Verdict::Violated);
    // The user plane on Uu has no integrity in LTE: flipped ciphertext bits still get through.
    QCOMPARE(lecture->round().requirementMark(3), Mark::Wrong);
    QCOMPARE(lecture->round().attackerOutcome(0), std::optional(AttackerOutcome::Ciphertext));
    QCOMPARE(lecture->round().attackerOutcome(2), std::optional(AttackerOutcome::Accepted));
    // On a small screen the event log stays hidden after the reveal (it would take the marks' room) until
    // the lecture ends.
    QVERIFY(w.height() < 900);
    QVERIFY(w.eventLog()->isHidden());
    lecture->stop();
    QVERIFY(!w.eventLog()->isHidden());
    QCOMPARE(w.requirementsPanel()->badge(2)->text().contains(QStringLiteral("?")), false);
}

void TestLecture::keysMoveBetweenSteps()
{
    MainWindow w;
    w.setErrorHandler([](const QString& m) { QFAIL(qPrintable(m)); });
    w.show();
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    fast(w);
    LectureController* lecture = w.lecture();
    lecture->start(LectureController::builtInLecture());
    // Keys 1-4 cycle the guess of R1-R4 (only asked requirements take one).
    QTest::keyClick(&w, Qt::Key_3);
    QCOMPARE(lecture->round().requirementGuess(2), Guess::Met);
    QTest::keyClick(&w, Qt::Key_3);
    QCOMPARE(lecture->round().requirementGuess(2), Guess::Violated);
    QTest::keyClick(&w, Qt::Key_5);
    QCOMPARE(lecture->round().attackerGuess(0), std::optional(AttackerOutcome::Readable));
    // PageDown before the question waited its time does not leave the step.
    QTest::keyClick(&w, Qt::Key_PageDown);
    QCOMPARE(lecture->stepIndex(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(lecture->canReveal(), 30000);
    QTest::keyClick(&w, Qt::Key_PageDown); // reveals
    QVERIFY(lecture->round().revealed());
    QTest::keyClick(&w, Qt::Key_Right); // next step
    QCOMPARE(lecture->stepIndex(), 1);
    QTest::keyClick(&w, Qt::Key_PageUp); // back: step 1 again, rebuilt from its preset
    QCOMPARE(lecture->stepIndex(), 0);
    QVERIFY(lecture->verdictsHidden());
    QTRY_COMPARE(w.lastFrame().summary.scenarioName, std::string("unprotected"));
    QTRY_VERIFY(w.lastFrame().protection == Protection{});
    lecture->stop();
    QTest::keyClick(&w, Qt::Key_PageDown); // outside lecture mode the keys do nothing of the lecture's
    QCOMPARE(lecture->stepIndex(), -1);
}

void TestLecture::attackersPlacedAndRemovedThroughTheUndoStack()
{
    MainWindow w;
    w.setErrorHandler([](const QString& m) { QFAIL(qPrintable(m)); });
    fast(w);
    LectureController* lecture = w.lecture();
    QVERIFY(lecture->openScriptFile(QStringLiteral(MTCSEC_TEST_DATA_DIR "/lecture-example.json")));
    QTRY_COMPARE(w.lastFrame().summary.scenarioName, std::string("malleable-ciphertext"));
    QTRY_VERIFY_WITH_TIMEOUT(lecture->canReveal(), 30000);
    lecture->next(); // reveal
    lecture->next(); // end-to-end integrity, live
    QTRY_VERIFY(w.lastFrame().protection.app.integrity);
    QTRY_VERIFY_WITH_TIMEOUT(lecture->canReveal(), 30000);
    lecture->reveal();
    // The Uu tamperer's flipped bits now fail the end-to-end MAC.
    QCOMPARE(lecture->round().attackerOutcome(0), std::optional(AttackerOutcome::Blocked));
    QCOMPARE(lecture->round().verdict(3), std::optional(engine::Verdict::Met));
    const double placedAt = engine::toSeconds(w.lastFrame().now);
    lecture->next(); // the spy on SGi, placed now
    const auto spy = [&w]() -> std::optional<engine::AttackTally> {
        for (const engine::AttackTally& t : w.lastFrame().summary.attacks)
            if (t.spec.id == "spy")
                return t;
        return std::nullopt;
    };
    QTRY_VERIFY(spy().has_value());
    QVERIFY(spy()->spec.startS >= placedAt); // its start counts from the step
    QVERIFY(w.undoStack()->canUndo());
    QTRY_VERIFY_WITH_TIMEOUT(lecture->canReveal(), 30000);
    lecture->reveal();
    QCOMPARE(lecture->round().attackerOutcome(0), std::optional(AttackerOutcome::Readable));
    QCOMPARE(lecture->round().verdict(2), std::optional(engine::Verdict::Violated));
    lecture->next(); // the spy leaves
    QTRY_VERIFY(spy().has_value() && spy()->removed);
    lecture->next(); // reset: the spy stays away, integrity stays on
    QTRY_VERIFY(w.lastFrame().generation != 0 && w.lastFrame().now > 0 && !spy().has_value());
    QVERIFY(w.lastFrame().protection.app.integrity);
    lecture->next(); // everything off, live
    QTRY_COMPARE(w.lastFrame().protection, Protection{});
    QTRY_VERIFY_WITH_TIMEOUT(lecture->canReveal(), 30000);
    lecture->reveal();
    QVERIFY(lecture->round().sinceChange());
    QCOMPARE(lecture->stepIndex(), 5);
}

void TestLecture::badScriptFileIsRefused()
{
    MainWindow w;
    QStringList errors;
    w.setErrorHandler([&errors](const QString& m) { errors << m; });
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(
        R"({"schema": "mtcsec-lecture/1", "title": "t", "steps": [{"title": "x", "change": {"open_preset": "nope"}}]})");
    f.close();
    QVERIFY(!w.lecture()->openScriptFile(path));
    QCOMPARE(errors.size(), 1);
    QVERIFY(errors.front().startsWith(
        path + QStringLiteral(": steps[0].change.open_preset: unknown preset 'nope'")));
    QVERIFY(!w.lecture()->isActive());
}

// Lecture > End lecture puts every dock and toolbar back where and as large as it was before the lecture,
// also after a reveal kept the event log hidden on a small window.
void TestLecture::endRestoresTheWindowState()
{
    MainWindow w;
    w.setErrorHandler([](const QString& m) { QFAIL(qPrintable(m)); });
    w.resize(1366, 700);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QTest::qWait(50); // the first start's dock sizes for a small screen
    const QByteArray before = w.saveState();
    const bool logShown = w.eventLog()->isVisible();
    LectureController* lecture = w.lecture();
    lecture->start(LectureController::builtInLecture());
    QVERIFY(lecture->dock()->isVisible());
    QVERIFY(w.eventLog()->isHidden());                             // the question hides it
    QCOMPARE(w.corner(Qt::TopLeftCorner), Qt::LeftDockWidgetArea); // the protections beside the bar
    w.resizeDocks({w.findChild<QDockWidget*>(QStringLiteral("protectionDock"))}, {400}, Qt::Horizontal);
    lecture->stop();
    QCoreApplication::processEvents();
    QVERIFY(lecture->dock()->isHidden());
    QCOMPARE(w.eventLog()->isVisible(), logShown);
    QCOMPARE(w.corner(Qt::TopLeftCorner), Qt::TopDockWidgetArea);
    QTRY_COMPARE(w.saveState(), before); // once the layout has settled
}

// In presentation mode the lecture bar's text and buttons are as much larger as the canvas's, and back to
// their size after it.
void TestLecture::barScalesInPresentationMode()
{
    MainWindow w;
    w.setErrorHandler([](const QString& m) { QFAIL(qPrintable(m)); });
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    LectureController* lecture = w.lecture();
    LectureBar* bar = lecture->bar();
    const double title = bar->titleLabel()->font().pointSizeF();
    const double button = bar->nextButton()->font().pointSizeF();
    const double score = bar->scoreLabel()->font().pointSizeF();
    QVERIFY(title > button); // the title is larger than the rest, and stays so
    w.setPresentationMode(true);
    lecture->start(LectureController::builtInLecture());
    const double k = TopologyScene::kPresentationEmphasis;
    QCOMPARE(bar->scale(), k);
    QCOMPARE(bar->titleLabel()->font().pointSizeF(), title * k);
    QCOMPARE(bar->nextButton()->font().pointSizeF(), button * k);
    QCOMPARE(bar->scoreLabel()->font().pointSizeF(), score * k);
    // The predictions' buttons too.
    QPushButton* met = bar->predictPanel()->requirementButton(std::size_t{2}, Guess::Met);
    QVERIFY(met != nullptr);
    const double metSize = met->font().pointSizeF();
    w.setPresentationMode(false);
    QCOMPARE(bar->scale(), 1.0);
    QCOMPARE(bar->titleLabel()->font().pointSizeF(), title);
    QCOMPARE(bar->nextButton()->font().pointSizeF(), button);
    QCOMPARE(bar->scoreLabel()->font().pointSizeF(), score);
    QCOMPARE(met->font().pointSizeF() * k, metSize);
    // Presentation mode entered during the lecture and left after its end: the bar does not come back.
    w.setPresentationMode(true);
    lecture->stop();
    w.setPresentationMode(false);
    QVERIFY(lecture->dock()->isHidden());
    QCOMPARE(bar->scale(), 1.0);
}

QTEST_MAIN(TestLecture)
#include "tst_lecture.moc"
