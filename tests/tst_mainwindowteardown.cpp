// Closing the desktop application's window after an undoable change (issue 9, fault 2): the undo stack and
// its commands go before the simulation controller they refer to, and nothing reaches the half-destroyed
// window (no title update from the undo stack's last cleanChanged). Under MTCSEC_SANITIZE the old order was a
// heap-use-after-free and a bad downcast.
#include "ui/MainWindow.h"
#include "ui/ProtectionPanel.h"
#include "ui/SimulationController.h"

#include <QCheckBox>
#include <QStandardPaths>
#include <QUndoStack>
#include <QtTest>

using namespace mtcsec;
using namespace mtcsec::ui;

class TestMainWindowTeardown : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void closesAfterAnUndoableChange_data();
    void closesAfterAnUndoableChange();
};

void TestMainWindowTeardown::closesAfterAnUndoableChange_data()
{
    QTest::addColumn<bool>("undone");
    QTest::newRow("change kept (stack not clean)") << false;
    QTest::newRow("change undone (stack clean, commands left)") << true;
}

void TestMainWindowTeardown::closesAfterAnUndoableChange()
{
    QFETCH(bool, undone);
    auto* w = new MainWindow;
    w->show();
    QVERIFY(QTest::qWaitForWindowExposed(w));
    QCheckBox* s1u = w->protectionPanel()->nds(Link::S1U);
    QTest::mouseClick(s1u, Qt::LeftButton, {}, QPoint(8, s1u->height() / 2));
    QVERIFY(s1u->isChecked());
    QCOMPARE(w->undoStack()->count(), 1);
    if (undone)
        w->undoStack()->undo();
    QCOMPARE(w->undoStack()->isClean(), undone);

    QStringList destroyed;
    connect(w->undoStack(), &QObject::destroyed, this, [&] { destroyed << QStringLiteral("undo stack"); });
    connect(w->controller(), &QObject::destroyed, this, [&] { destroyed << QStringLiteral("controller"); });
    int titleChanges = 0;
    connect(w, &QWidget::windowTitleChanged, this, [&] { ++titleChanges; });
    // Closing with unsaved changes asks first (issue 12): discard them.
    w->setUnsavedChangesHandler([] { return MainWindow::UnsavedChoice::Discard; });
    w->close();
    delete w;
    QCOMPARE(destroyed, QStringList({QStringLiteral("undo stack"), QStringLiteral("controller")}));
    QCOMPARE(titleChanges, 0);
}

QTEST_MAIN(TestMainWindowTeardown)
#include "tst_mainwindowteardown.moc"
