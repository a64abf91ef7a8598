// The main window opens with its menus, and Help > About names the version and the libraries.
#include "mtcsec/Version.h"
#include "ui/AboutDialog.h"
#include "ui/MainWindow.h"

#include <QAction>
#include <QMenuBar>
#include <QtTest>

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void opensWithMenus();
    void aboutNamesVersionAndLibraries();
};

void TestMainWindow::opensWithMenus()
{
    mtcsec::ui::MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QCOMPARE(w.windowTitle(), QStringLiteral("MTC Security Lab"));
    QVERIFY(!w.windowIcon().pixmap(64, 64).isNull()); // the SVG icon loads from the resources
    QVERIFY(w.findChild<QAction*>(QStringLiteral("actionQuit")) != nullptr);
    QVERIFY(w.findChild<QAction*>(QStringLiteral("actionAbout")) != nullptr);
    QCOMPARE(w.findChild<QAction*>(QStringLiteral("actionQuit"))->shortcut(),
             QKeySequence(QKeySequence::Quit));
}

void TestMainWindow::aboutNamesVersionAndLibraries()
{
    const QString text = mtcsec::ui::AboutDialog::aboutText();
    QVERIFY(text.contains(QString::fromUtf8(mtcsec::kVersion)));
    QVERIFY(text.contains(QStringLiteral("Qt ") + QString::fromUtf8(qVersion())));
    QVERIFY(text.contains(QStringLiteral("Botan 2.")));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
