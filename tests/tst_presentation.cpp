// Presentation mode and the canvas's drawing (issue 12): F11 shows the canvas alone, larger, with R1-R4 and
// the lesson as captions, and Esc brings the window back as it was; attacker badges keep clear of the links
// and grow with their counts; the end-to-end arc keeps out of the core network's box; no colour on the canvas
// has two meanings, and messages differ by shape as well as colour.
#include "core/scenario/Presets.h"
#include "ui/MainWindow.h"
#include "ui/PresentationCaptions.h"
#include "ui/TopologyScene.h"

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QStandardPaths>
#include <QToolBar>
#include <QUndoStack>
#include <QtTest>

using namespace mtcsec;
using namespace mtcsec::ui;

class TestPresentation : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void entersAndLeaves();
    void captionsShowVerdictsAndLesson();
    void badgesKeepClearOfLinks_data();
    void badgesKeepClearOfLinks();
    void largeCountsWidenTheBadge();
    void arcKeepsOutOfTheCore();
    void coloursHaveOneMeaning();
};

void TestPresentation::entersAndLeaves()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto* present = w.findChild<QAction*>(QStringLiteral("actionPresentation"));
    QVERIFY(present != nullptr);
    QCOMPARE(present->shortcut(), QKeySequence(Qt::Key_F11));
    QVERIFY(w.actions().contains(present)); // works while the menus are hidden
    auto* protections = w.findChild<QDockWidget*>(QStringLiteral("protectionDock"));
    QVERIFY(protections->isVisible());

    present->trigger();
    QVERIFY(w.isPresentationMode());
    QVERIFY(!protections->isVisible());
    QVERIFY(!w.menuBar()->isVisible());
    QCOMPARE(w.scene()->emphasis(), TopologyScene::kPresentationEmphasis);
    QVERIFY(!w.scene()->legend()->isVisible());
    QVERIFY(w.verdictCaption()->isVisible());
    QVERIFY(w.lessonCaption()->isVisible());
    // Larger type on the canvas: the scene's font and a node's box grow.
    QVERIFY(w.scene()->font().pointSizeF() >= 14.5 * 1.5);
    QVERIFY(w.scene()->nodeItem(Node::MME)->boundingRect().width() > 144);

    // Esc leaves it, and the window is as it was.
    auto* leave = w.findChild<QAction*>(QStringLiteral("actionLeavePresentation"));
    QCOMPARE(leave->shortcut(), QKeySequence(Qt::Key_Escape));
    QVERIFY(leave->isEnabled());
    leave->trigger();
    QVERIFY(!w.isPresentationMode());
    QVERIFY(!leave->isEnabled());
    QVERIFY(!present->isChecked());
    QTRY_VERIFY(protections->isVisible());
    QVERIFY(w.menuBar()->isVisible());
    QCOMPARE(w.scene()->emphasis(), 1.0);
    QVERIFY(w.scene()->legend()->isVisible());
    QVERIFY(!w.verdictCaption()->isVisible());
}

void TestPresentation::captionsShowVerdictsAndLesson()
{
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.startSession(presetScenario("3gpp-only").value(), QString(), false);
    w.setPresentationMode(true);
    QVERIFY(w.lessonCaption()->lessonLabel()->text().contains(QStringLiteral("3gpp-only")));
    engine::RunSummary s;
    s.requirements[1].verdict = engine::Verdict::Violated;
    s.requirements[1].lteLimit = true;
    s.requirements[3].verdict = engine::Verdict::Met;
    w.verdictCaption()->setSummary(s);
    QVERIFY(w.verdictCaption()->verdict(0)->text().startsWith(QStringLiteral("R1")));
    QVERIFY(w.verdictCaption()->verdict(1)->text().contains(QStringLiteral("R2 ✗ VIOLATED")));
    QVERIFY(w.verdictCaption()->verdict(1)->text().contains(QStringLiteral("LTE limit")));
    QVERIFY(w.verdictCaption()->verdict(2)->text().contains(QStringLiteral("R3 – NOT EXERCISED")));
    QVERIFY(w.verdictCaption()->verdict(3)->text().contains(QStringLiteral("✓ MET")));
    // The type is sized for the screen: 1/40 of its height.
    w.verdictCaption()->scaleTo(1080);
    QCOMPARE(w.verdictCaption()->verdict(0)->font().pixelSize(), 27);
    w.verdictCaption()->scaleTo(768);
    QCOMPARE(w.verdictCaption()->verdict(0)->font().pixelSize(), 19);
    // A change shows as the lesson's second line; a lecture script can set its own.
    w.protectionPanel();
    w.setLesson(QStringLiteral("Step 4"), QStringLiteral("Which requirement turns green?"));
    QCOMPARE(w.lessonCaption()->lessonLabel()->text(), QStringLiteral("Step 4"));
    QCOMPARE(w.lessonCaption()->detailLabel()->text(), QStringLiteral("Which requirement turns green?"));
    w.setLesson(QString(), QString());
    QVERIFY(w.lessonCaption()->lessonLabel()->text().contains(QStringLiteral("3gpp-only")));
    w.setPresentationMode(false);
}

void TestPresentation::badgesKeepClearOfLinks_data()
{
    QTest::addColumn<double>("emphasis");
    QTest::newRow("normal") << 1.0;
    QTest::newRow("presentation") << TopologyScene::kPresentationEmphasis;
}

void TestPresentation::badgesKeepClearOfLinks()
{
    QFETCH(double, emphasis);
    TopologyScene scene;
    scene.setEmphasis(emphasis);
    // defence-in-depth's attackers: three on Uu, S1-U and SGi each.
    const Scenario s = presetScenario("defence-in-depth").value();
    std::vector<engine::AttackTally> tallies;
    for (const AttackSpec& a : s.attacks) {
        engine::AttackTally t;
        t.spec = a;
        t.attempts = 1234;
        t.blocked = 1200;
        t.succeeded = 34;
        tallies.push_back(t);
    }
    scene.setAttacks(tallies, 10);
    QVERIFY(!s.attacks.empty());
    for (const AttackSpec& a : s.attacks) {
        const QRectF box = scene.attackerItem(a.id)->sceneBoundingRect();
        for (const Link link : kAllLinks) {
            // No badge covers a link's line.
            const QLineF line = scene.linkItem(link)->line();
            QPainterPath path(line.p1());
            path.lineTo(line.p2());
            QVERIFY2(!path.intersects(box), qPrintable(QStringLiteral("%1 covers %2")
                                                           .arg(QString::fromStdString(a.id),
                                                                QString::fromUtf8(name(link).data()))));
        }
        for (std::size_t n = 0; n < kNodeCount; ++n)
            QVERIFY2(!scene.nodeItem(static_cast<Node>(n))->sceneBoundingRect().intersects(box),
                     qPrintable(QStringLiteral("%1 covers %2")
                                    .arg(QString::fromStdString(a.id),
                                         QString::fromUtf8(name(static_cast<Node>(n)).data()))));
        // Nor another badge.
        for (const AttackSpec& b : s.attacks) {
            if (b.id != a.id)
                QVERIFY(!scene.attackerItem(b.id)->sceneBoundingRect().intersects(box));
        }
    }
}

void TestPresentation::largeCountsWidenTheBadge()
{
    TopologyScene scene;
    engine::AttackTally t;
    t.spec.id = "a1";
    t.spec.kind = AttackKind::Tamper;
    t.spec.link = Link::S1U;
    t.attempts = 1;
    scene.setAttacks({t});
    const qreal narrow = scene.attackerItem("a1")->boundingRect().width();
    t.attempts = 2'000'000'000;
    t.blocked = 1'234'567'890;
    t.succeeded = 765'432'110;
    scene.setAttacks({t});
    AttackerItem* item = scene.attackerItem("a1");
    QVERIFY(item->boundingRect().width() > narrow);
    QFont f = scene.font();
    f.setPointSizeF(f.pointSizeF() * 0.8);
    QVERIFY(item->boundingRect().width() >= QFontMetricsF(f).horizontalAdvance(item->countsText()));
}

void TestPresentation::arcKeepsOutOfTheCore()
{
    TopologyScene scene;
    QPainterPathStroker stroker;
    stroker.setWidth(5);
    const QPainterPath arc =
        stroker.createStroke(scene.endToEndItem()->mapToScene(scene.endToEndItem()->path()));
    for (const Node n : {Node::ENB, Node::MME, Node::HSS, Node::SGW, Node::PGW})
        QVERIFY2(!arc.intersects(scene.nodeItem(n)->sceneBoundingRect()), name(n).data());
    // Nowhere between the devices and the server does it dip below the core network's top edge.
    const double coreTop = scene.nodeItem(Node::MME)->sceneBoundingRect().top() - 20;
    for (double t = 0.2; t <= 0.8; t += 0.05)
        QVERIFY(scene.endToEndItem()->pointAt(t).y() < coreTop ||
                scene.endToEndItem()->pointAt(t).x() >
                    scene.nodeItem(Node::PGW)->sceneBoundingRect().right());
}

void TestPresentation::coloursHaveOneMeaning()
{
    const QList<QColor> colours = {
        networkLineColour(), endToEndColour(), readingColour(engine::Reading::Secret),
        readingColour(engine::Reading::Ciphertext), readingColour(engine::Reading::NothingSecret)};
    for (qsizetype i = 0; i < colours.size(); ++i) {
        for (qsizetype j = i + 1; j < colours.size(); ++j) {
            // Clearly different hues or lightness, not two shades of one colour.
            const int hue = std::abs(colours[i].hslHue() - colours[j].hslHue());
            const int dh = std::min(hue, 360 - hue);
            const int dl = std::abs(colours[i].lightness() - colours[j].lightness());
            QVERIFY2(dh >= 25 || dl >= 60, qPrintable(QStringLiteral("%1 and %2").arg(i).arg(j)));
        }
    }
    // Messages differ by shape too: the item knows what it read and draws it by that.
    const MessageItem secret(1, engine::Reading::Secret, true);
    QCOMPARE(secret.reading(), engine::Reading::Secret);
    QVERIFY(secret.attacked());
}

QTEST_MAIN(TestPresentation)
#include "tst_presentation.moc"
