// Replays every file of the fuzz targets' seed corpora (tests/fuzz/corpus/TARGET) and every crash input kept
// (tests/fuzz/regressions/TARGET) through the same target functions libFuzzer runs, with any compiler: a
// crash, a sanitizer report or a round-trip mismatch fails the row that names the file.
#include "tests/fuzz/FuzzTarget.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTest>

using namespace mtcsec;

namespace {

const QString kFuzzDir = QStringLiteral(MTCSEC_FUZZ_DIR);

QStringList filesIn(const QString& folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

} // namespace

class TestFuzzRegressions : public QObject {
    Q_OBJECT
private slots:
    void everyTargetHasASeedCorpus();
    void foldersNameKnownTargets();
    void replay_data();
    void replay();
};

void TestFuzzRegressions::everyTargetHasASeedCorpus()
{
    for (const fuzz::NamedTarget& t : fuzz::kTargets) {
        const QString name = QString::fromLatin1(t.name.data(), static_cast<qsizetype>(t.name.size()));
        QVERIFY2(!filesIn(kFuzzDir + QStringLiteral("/corpus/") + name).isEmpty(), qPrintable(name));
    }
}

void TestFuzzRegressions::foldersNameKnownTargets()
{
    QSet<QString> known;
    for (const fuzz::NamedTarget& t : fuzz::kTargets)
        known.insert(QString::fromLatin1(t.name.data(), static_cast<qsizetype>(t.name.size())));
    for (const char* kind : {"corpus", "regressions"}) {
        const QDir dir(kFuzzDir + QLatin1Char('/') + QLatin1String(kind));
        for (const QString& folder : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            QVERIFY2(known.contains(folder), qPrintable(QLatin1String(kind) + QLatin1Char('/') + folder));
    }
}

void TestFuzzRegressions::replay_data()
{
    QTest::addColumn<int>("target");
    QTest::addColumn<QString>("path");
    for (std::size_t i = 0; i < fuzz::kTargets.size(); ++i) {
        const std::string_view n = fuzz::kTargets[i].name;
        const QString name = QString::fromLatin1(n.data(), static_cast<qsizetype>(n.size()));
        for (const char* kind : {"corpus", "regressions"}) {
            const QString folder =
                kFuzzDir + QLatin1Char('/') + QLatin1String(kind) + QLatin1Char('/') + name;
            for (const QString& file : filesIn(folder))
                QTest::addRow("%s/%s/%s", kind, qPrintable(name), qPrintable(file))
                    << static_cast<int>(i) << folder + QLatin1Char('/') + file;
        }
    }
}

void TestFuzzRegressions::replay()
{
    QFETCH(int, target);
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path + QStringLiteral(": ") + file.errorString()));
    const QByteArray bytes = file.readAll();
    // A crash or an abort here ends the test with this row's name, which is the file's.
    fuzz::kTargets[static_cast<std::size_t>(target)].run(ByteView(
        reinterpret_cast<const std::uint8_t*>(bytes.constData()), static_cast<std::size_t>(bytes.size())));
}

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzz_regressions.moc"
