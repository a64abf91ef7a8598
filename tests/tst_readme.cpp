// README.md shows real output: every command it shows as `$ command` in a shell block runs here (the `mtcsec`
// it names is the built binary), in one scratch folder shared by the whole README, and the output lines that
// do not vary are compared with the ones shown.
//
// Conventions of the README's examples, which this test reads:
//   - `$ ` starts a command; a line ending in `\` continues it; the lines up to the next `$ ` or the end of
//   the
//     block are the output shown (standard output and standard error together, in order of appearance);
//   - `...` alone on a line stands for any number of lines; a line ending in `...` stands for a line that
//   begins
//     with the text before it;
//   - `# exit status N` after a line says the command exits with N (otherwise 0);
//   - what varies from run to run and machine to machine is not compared: the wall time and the events per
//     second of the summary's first line, the "Scenario ... in N s" line of figures, and a `duration` of a
//     bench.
#include "tests/RunBinary.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Example {
    int line = 0; // where the command starts in README.md
    QString command;
    QStringList expected;
    int exitStatus = 0;
};

QString readmePath()
{
    return QDir(QStringLiteral(MTCSEC_TEST_DATA_DIR)).absoluteFilePath(QStringLiteral("../../README.md"));
}

QList<Example> examples()
{
    QFile file(readmePath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    static const QRegularExpression exitComment(QStringLiteral("\\s+#\\s*exit status (\\d+)\\s*$"));
    QList<Example> out;
    bool inShell = false;
    Example* current = nullptr;
    for (int i = 0; i < lines.size(); ++i) {
        QString line = lines[i];
        if (line.startsWith(QStringLiteral("```"))) {
            inShell = !inShell && (line == QStringLiteral("```sh") || line == QStringLiteral("```console"));
            current = nullptr;
            continue;
        }
        if (!inShell)
            continue;
        int status = -1;
        if (const auto m = exitComment.match(line); m.hasMatch()) {
            status = m.captured(1).toInt();
            line.truncate(m.capturedStart());
        }
        if (line.startsWith(QStringLiteral("$ "))) {
            out.append(Example{i + 1, line.mid(2), {}, 0});
            current = &out.last();
            while (current->command.endsWith(QLatin1Char('\\')) && i + 1 < lines.size())
                current->command = current->command.chopped(1) + QLatin1Char(' ') + lines[++i].trimmed();
            if (status >= 0)
                current->exitStatus = status;
            continue;
        }
        if (current == nullptr)
            continue;
        current->expected.append(line);
        if (status >= 0)
            current->exitStatus = status;
    }
    for (Example& e : out) {
        while (!e.expected.isEmpty() && e.expected.last().trimmed().isEmpty())
            e.expected.removeLast();
    }
    return out;
}

// Replaces what varies from run to run by a fixed mark, in shown and actual lines alike.
QString invariant(QString line)
{
    static const QRegularExpression wall(
        QStringLiteral("simulated in [0-9.]+ s \\(([0-9]+) events, [0-9]+ events/s\\)"));
    line.replace(wall, QStringLiteral("simulated in <wall> s (\\1 events, <rate> events/s)"));
    return line.trimmed();
}

// True when `actual` shows what `expected` shows, with the conventions of the file comment.
bool matches(const QStringList& expected, const QStringList& actual, QString* why)
{
    qsizetype a = 0;
    for (qsizetype e = 0; e < expected.size(); ++e) {
        const QString want = invariant(expected[e]);
        if (want == QStringLiteral("...")) {
            if (e + 1 == expected.size())
                return true;
            const QString next = invariant(expected[e + 1]);
            const QString nextPrefix = next.endsWith(QStringLiteral("...")) ? next.chopped(3) : next;
            while (a < actual.size() &&
                   !(next.endsWith(QStringLiteral("...")) ? invariant(actual[a]).startsWith(nextPrefix)
                                                          : invariant(actual[a]) == next))
                ++a;
            if (a == actual.size()) {
                *why = QStringLiteral("no line shows '%1'").arg(next);
                return false;
            }
            continue;
        }
        if (a >= actual.size()) {
            *why = QStringLiteral("the output ends before '%1'").arg(want);
            return false;
        }
        const QString got = invariant(actual[a]);
        const bool ok = want.endsWith(QStringLiteral("...")) ? got.startsWith(want.chopped(3)) : got == want;
        if (!ok) {
            *why = QStringLiteral("shown '%1', printed '%2'").arg(want, got);
            return false;
        }
        ++a;
    }
    if (a != actual.size()) {
        *why = QStringLiteral("printed more: '%1'").arg(actual[a]);
        return false;
    }
    return true;
}

} // namespace

class TestReadme : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(readmePath()), qPrintable(readmePath()));
        QVERIFY(scratch_.isValid());
    }
    void everyShownCommand_data();
    void everyShownCommand();

private:
    QTemporaryDir scratch_;
};

void TestReadme::everyShownCommand_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<int>("exitStatus");
    const QList<Example> all = examples();
    QVERIFY(all.size() >= 5);
    for (const Example& e : all)
        QTest::addRow("README.md:%d", e.line) << e.command << e.expected << e.exitStatus;
}

void TestReadme::everyShownCommand()
{
    QFETCH(QString, command);
    QFETCH(QStringList, expected);
    QFETCH(int, exitStatus);
    QProcess p;
    p.setWorkingDirectory(scratch_.path());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PATH"), QFileInfo(QStringLiteral(MTCSEC_BINARY)).absolutePath() +
                                           QLatin1Char(':') + env.value(QStringLiteral("PATH")));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("bash"), {QStringLiteral("-c"), command});
    QVERIFY2(p.waitForFinished(600'000), qPrintable(command));
    QString out = QString::fromUtf8(p.readAll());
    if (out.endsWith(QLatin1Char('\n')))
        out.chop(1);
    const QStringList actual = out.isEmpty() ? QStringList() : out.split(QLatin1Char('\n'));
    QCOMPARE(p.exitCode(), exitStatus);
    QString why;
    QVERIFY2(matches(expected, actual, &why), qPrintable(command + QStringLiteral(": ") + why));
}

QTEST_GUILESS_MAIN(TestReadme)
#include "tst_readme.moc"
