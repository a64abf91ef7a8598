// Tests of the application's settings: the folder file dialogs start in (the remembered one only when it is
// usable, otherwise the home folder).
#include "ui/Settings.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using mtcsec::ui::Settings;

class TestSettings : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void lastDirectoryOnlyWhenUsable_data();
    void lastDirectoryOnlyWhenUsable();

private:
    QTemporaryDir dir_;
};

void TestSettings::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(dir_.isValid());
    QVERIFY(QDir(dir_.path()).mkpath(QStringLiteral("folder")));
    QFile file(dir_.filePath(QStringLiteral("file.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(QFile::link(QStringLiteral("/proc"), dir_.filePath(QStringLiteral("proc-link"))));
    QVERIFY(
        QFile::link(dir_.filePath(QStringLiteral("folder")), dir_.filePath(QStringLiteral("folder-link"))));
}

void TestSettings::lastDirectoryOnlyWhenUsable_data()
{
    QTest::addColumn<QString>("remembered"); // relative: in the test's temporary folder
    QTest::addColumn<bool>("usable");
    QTest::newRow("folder") << QStringLiteral("folder") << true;
    QTest::newRow("link to a folder") << QStringLiteral("folder-link") << true;
    QTest::newRow("missing") << QStringLiteral("gone") << false;
    QTest::newRow("a file") << QStringLiteral("file.json") << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("/proc") << QStringLiteral("/proc") << false;
    QTest::newRow("/proc/self") << QStringLiteral("/proc/self") << false;
    QTest::newRow("/proc/sys/kernel") << QStringLiteral("/proc/sys/kernel") << false;
    QTest::newRow("link to /proc") << QStringLiteral("proc-link") << false;
    QTest::newRow("/sys") << QStringLiteral("/sys") << false;
    QTest::newRow("/sys/kernel") << QStringLiteral("/sys/kernel") << false;
    QTest::newRow("/dev") << QStringLiteral("/dev") << false;
    QTest::newRow("/dev/shm") << QStringLiteral("/dev/shm") << false;
    QTest::newRow("/") << QStringLiteral("/") << true;
}

void TestSettings::lastDirectoryOnlyWhenUsable()
{
    QFETCH(QString, remembered);
    QFETCH(bool, usable);
    const QString path = remembered.isEmpty() || remembered.startsWith(QLatin1Char('/'))
                             ? remembered
                             : dir_.filePath(remembered);
    QCOMPARE(Settings::isUsableDirectory(path), usable);
    Settings settings;
    settings.setLastDirectory(path);
    QCOMPARE(settings.lastDirectory(), usable ? path : QDir::homePath());
}

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
