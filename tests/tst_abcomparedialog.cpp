// Tests of the A/B comparison dialog: its two runs on a worker thread (the window stays responsive), the
// result the same as two headless replays, and closing or destroying it while the runs go.
#include "core/engine/Replay.h"
#include "core/scenario/Presets.h"
#include "ui/AbCompareDialog.h"
#include "ui/ProtectionPanel.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QtTest>

#include <memory>

using namespace mtcsec;
using namespace mtcsec::engine;

namespace {

constexpr SimTime kSecond = kMicrosPerSecond;

Scenario scenario(std::uint32_t devices, double durationS)
{
    Scenario s = presetScenario("default").value();
    s.devices = devices;
    s.durationS = durationS;
    return s;
}

std::vector<LiveChange> timeline()
{
    AttackSpec tamper;
    tamper.id = "t1";
    tamper.kind = AttackKind::Tamper;
    tamper.link = Link::Uu;
    tamper.messages = MessageFilter::Data;
    tamper.rate = 0.5;
    return {{0, LiveChange::Kind::AddAttack, {}, tamper},
            {10 * kSecond, LiveChange::Kind::SetProtection, threeGppOn(), {}}};
}

QString cell(const QTableWidget* table, int row, int column)
{
    return table->item(row, column)->toolTip(); // the whole value (the text may be cut)
}

} // namespace

class TestAbCompareDialog : public QObject {
    Q_OBJECT
private slots:
    void runsOffTheGuiThread();
    void stepsGiveTheSameSummaries_data();
    void stepsGiveTheSameSummaries();
    void closingWhileRunningIsSafe();
};

void TestAbCompareDialog::runsOffTheGuiThread()
{
    const Scenario s = scenario(10, 60);
    ui::AbCompareDialog dialog(s, timeline(), 30 * kSecond);
    dialog.protectionB()->setProtection(threeGppOn());
    QSignalSpy compared(&dialog, &ui::AbCompareDialog::compared);
    auto* run = dialog.findChild<QPushButton*>(QStringLiteral("runAb"));
    auto* progress = dialog.findChild<QProgressBar*>(QStringLiteral("abProgress"));
    QVERIFY(run != nullptr && progress != nullptr);
    QVERIFY(!progress->isVisibleTo(&dialog));

    run->click();
    // runBoth returned at once: the result comes through the event loop, the controls wait meanwhile.
    QVERIFY(dialog.isRunning());
    QCOMPARE(compared.count(), 0);
    QVERIFY(!run->isEnabled());
    QVERIFY(!dialog.protectionB()->isEnabled());
    QVERIFY(progress->isVisibleTo(&dialog));
    QCOMPARE(dialog.table()->rowCount(), 0);
    run->click();     // disabled: nothing
    dialog.runBoth(); // a second start while running: nothing
    QTRY_COMPARE_WITH_TIMEOUT(compared.count(), 1, 120000);
    QVERIFY(!dialog.isRunning());
    QVERIFY(run->isEnabled());
    QVERIFY(dialog.protectionB()->isEnabled());
    QVERIFY(!progress->isVisibleTo(&dialog));

    const auto [a, b] = ui::AbCompareDialog::runAb(s, timeline(), 30 * kSecond, threeGppOn());
    const auto rows = ui::AbCompareDialog::rows(a, b);
    QCOMPARE(dialog.table()->rowCount(), static_cast<int>(rows.size()));
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (int c = 0; c < 3; ++c)
            QCOMPARE(cell(dialog.table(), static_cast<int>(r), c), rows[r][static_cast<std::size_t>(c)]);
    QVERIFY(a.digest != b.digest);

    // Run again: the same result, emitted once more.
    run->click();
    QTRY_COMPARE_WITH_TIMEOUT(compared.count(), 2, 120000);
    QCOMPARE(cell(dialog.table(), dialog.table()->rowCount() - 1, 2), QString::fromStdString(b.digest));
}

void TestAbCompareDialog::stepsGiveTheSameSummaries_data()
{
    QTest::addColumn<double>("untilS");
    QTest::addColumn<double>("durationS");
    QTest::newRow("at a change") << 10.0 << 60.0;
    QTest::newRow("between steps") << 12.345678 << 60.0;
    QTest::newRow("at time 0") << 0.0 << 60.0;
    QTest::newRow("past the end") << 40.0 << 20.0;
}

void TestAbCompareDialog::stepsGiveTheSameSummaries()
{
    QFETCH(double, untilS);
    QFETCH(double, durationS);
    const Scenario s = scenario(10, durationS);
    const auto until = static_cast<SimTime>(untilS * kSecond);
    std::atomic<SimTime> progress{0};
    const auto stepped =
        ui::AbCompareDialog::runAb(s, timeline(), until, threeGppOn(), std::stop_token{}, progress);
    const auto whole = ui::AbCompareDialog::runAb(s, timeline(), until, threeGppOn());
    QCOMPARE(stepped[0].digest, whole[0].digest);
    QCOMPARE(stepped[1].digest, whole[1].digest);
    QCOMPARE(stepped[1].eventsTotal, whole[1].eventsTotal);
    QVERIFY(progress.load() <= 2 * until);
}

void TestAbCompareDialog::closingWhileRunningIsSafe()
{
    // Large enough to be still running when closed right after the start (not required: the checks hold
    // either way, only the "cancelled" note needs the runs unfinished, and it is checked when they are).
    const Scenario s = scenario(3000, 3600);
    auto dialog = std::make_unique<ui::AbCompareDialog>(s, timeline(), 3000 * kSecond);
    QSignalSpy compared(dialog.get(), &ui::AbCompareDialog::compared);
    dialog->show();
    dialog->runBoth();
    QVERIFY(dialog->isRunning());
    dialog->reject(); // Close (or Esc) while running
    QVERIFY(!dialog->isRunning());
    QVERIFY(!dialog->isVisible());
    QVERIFY(dialog->findChild<QPushButton*>(QStringLiteral("runAb"))->isEnabled());
    QCOMPARE(dialog->findChild<QLabel*>(QStringLiteral("abNote"))->text(),
             QStringLiteral("Comparison cancelled."));
    QCoreApplication::processEvents(); // a result queued before the cancellation is dropped
    QCOMPARE(compared.count(), 0);
    QCOMPARE(dialog->table()->rowCount(), 0);

    // Destroyed while running (the window closed under it): the destructor cancels and waits.
    dialog->runBoth();
    QVERIFY(dialog->isRunning());
    dialog.reset();
    QCoreApplication::processEvents();
    QCOMPARE(compared.count(), 0);
}

QTEST_MAIN(TestAbCompareDialog)
#include "tst_abcomparedialog.moc"
