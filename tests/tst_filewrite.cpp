// Every file the product writes is complete or absent (io::AtomicFile, io::OutputFolder): a full disk (a
// small tmpfs as root, /dev/full through the test hook without), FIFOs, sockets, folders and symbolic links
// (to /dev/null, to a regular file, dangling) never replaced or followed, read-only and missing folders,
// the previous file kept whole after a failed write; and the CSV cell escaping (RFC 4180, OWASP CSV
// injection).
#include "core/InvalidInput.h"
#include "core/io/AtomicFile.h"
#include "core/report/EventCsv.h"
#include "core/report/ReportWriter.h"
#include "core/scenario/Presets.h"
#include "core/scenario/ScenarioJson.h"
#include "tests/FileTestSupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cstring>
#include <functional>
#include <memory>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace mtcsec;

namespace {

QByteArray contentOf(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("(unreadable)");
}

void put(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

mode_t lmode(const QString& path)
{
    struct stat st {};
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_mode : 0;
}

// A tmpfs of `size` mounted on `dir` (root only); unmounted by the destructor.
struct Tmpfs {
    QString dir;
    bool mounted = false;
    Tmpfs(const QString& where, const char* options)
        : dir(where)
    {
        mounted = ::geteuid() == 0 &&
                  ::mount("tmpfs", QFile::encodeName(dir).constData(), "tmpfs", 0, options) == 0;
    }
    ~Tmpfs()
    {
        if (mounted)
            ::umount2(QFile::encodeName(dir).constData(), MNT_DETACH);
    }
};

const QByteArray kOld = "the previous content\n";

} // namespace

class TestFileWrite : public QObject {
    Q_OBJECT
private slots:
    void init()
    {
        dir_ = std::make_unique<QTemporaryDir>();
        QVERIFY(dir_->isValid());
    }
    void cleanup()
    {
        io::testing::redirectWrites({});
        dir_.reset();
    }
    void writesCompleteFile();
    void keepsPermissionsOfReplacedFile();
    void discardedWithoutCommit();
    void suspendedFileContinues();
    void refusesSpecialTargets_data();
    void refusesSpecialTargets();
    void targetReplacedBeforeRename();
    void folderProblems_data();
    void folderProblems();
    void readOnlyFolder();
    void fullDiskThroughDevFull_data();
    void fullDiskThroughDevFull();
    void fullDiskOnTmpfs();
    void csvCells_data();
    void csvCells();

private:
    QString path(const char* name) const { return dir_->filePath(QLatin1String(name)); }
    std::unique_ptr<QTemporaryDir> dir_; // a fresh one for each test
};

void TestFileWrite::writesCompleteFile()
{
    const QString target = path("out.json");
    const mode_t oldMask = ::umask(022);
    io::writeFileAtomically(target, "{}\n");
    ::umask(oldMask);
    QCOMPARE(contentOf(target), QByteArray("{}\n"));
    QCOMPARE(lmode(target) & 0777, mode_t{0644});             // 0666 & ~umask
    io::writeFileAtomically(target, QByteArray(300000, 'x')); // larger than the buffer: written directly
    QCOMPARE(contentOf(target), QByteArray(300000, 'x'));
    QCOMPARE(test::entries(dir_->path()), QStringList{QStringLiteral("out.json")}); // no temporary file left
}

void TestFileWrite::keepsPermissionsOfReplacedFile()
{
    const QString target = path("private.json");
    put(target, kOld);
    QVERIFY(::chmod(QFile::encodeName(target).constData(), 0600) == 0);
    io::writeFileAtomically(target, "new");
    QCOMPARE(contentOf(target), QByteArray("new"));
    QCOMPARE(lmode(target) & 0777, mode_t{0600});
}

void TestFileWrite::discardedWithoutCommit()
{
    const QString target = path("kept.json");
    put(target, kOld);
    {
        io::AtomicFile f(target);
        QVERIFY(f.replacesExisting());
        f.write("half of it");
        f.finishWriting();
        QCOMPARE(test::entries(dir_->path()).size(), 2); // the target and the temporary file
    }
    QCOMPARE(contentOf(target), kOld);
    QCOMPARE(test::entries(dir_->path()), QStringList{QStringLiteral("kept.json")});
}

void TestFileWrite::suspendedFileContinues()
{
    const QString target = path("resumed.pcap");
    io::AtomicFile f(target);
    QVERIFY(!f.replacesExisting());
    f.write("one,");
    f.suspend();
    QVERIFY(!f.isOpen());
    f.write("two,"); // collected in memory
    QCOMPARE(f.buffered(), qsizetype{4});
    f.flush(); // opened again, in append mode
    QVERIFY(f.isOpen());
    f.suspend();
    f.write("three");
    f.commit();
    QCOMPARE(contentOf(target), QByteArray("one,two,three"));
}

void TestFileWrite::refusesSpecialTargets_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("reason");
    QTest::newRow("FIFO") << "fifo"
                          << "is a FIFO";
    QTest::newRow("symlink to /dev/null") << "devnull"
                                          << "is a symbolic link";
    QTest::newRow("symlink to a regular file") << "link"
                                               << "is a symbolic link";
    QTest::newRow("dangling symlink") << "dangling"
                                      << "is a symbolic link";
    QTest::newRow("folder") << "folder"
                            << "is a folder";
    QTest::newRow("socket") << "socket"
                            << "is a socket";
    QTest::newRow("character device") << "null"
                                      << "is a character device";
}

void TestFileWrite::refusesSpecialTargets()
{
    QFETCH(QString, kind);
    QFETCH(QString, reason);
    QString target = path("target.json");
    const QByteArray native = QFile::encodeName(target);
    const QString regular = path("regular.json");
    put(regular, kOld);
    if (kind == QLatin1String("fifo")) {
        QVERIFY(::mkfifo(native.constData(), 0644) == 0);
    } else if (kind == QLatin1String("devnull")) {
        QVERIFY(QFile::link(QStringLiteral("/dev/null"), target));
    } else if (kind == QLatin1String("link")) {
        QVERIFY(QFile::link(regular, target));
    } else if (kind == QLatin1String("dangling")) {
        QVERIFY(QFile::link(path("nowhere.json"), target));
    } else if (kind == QLatin1String("folder")) {
        QVERIFY(QDir().mkdir(target));
    } else if (kind == QLatin1String("socket")) {
        const int s = ::socket(AF_UNIX, SOCK_STREAM, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        QVERIFY(static_cast<std::size_t>(native.size()) < sizeof address.sun_path);
        std::memcpy(address.sun_path, native.constData(), static_cast<std::size_t>(native.size()));
        QVERIFY(::bind(s, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0);
        ::close(s);
    } else {
        target = QStringLiteral("/dev/null");
    }
    const mode_t before = lmode(target);
    const QString expected = target + QStringLiteral(": cannot write: ") + reason;
    // The same refusal from every writer: the raw facility, a report, a scenario.
    QVERIFY(test::errorText([&] { io::writeFileAtomically(target, "x"); }).startsWith(expected));
    QVERIFY(test::errorText([&] { io::checkOutputPath(target); }).startsWith(expected));
    QVERIFY(test::errorText([&] { saveScenarioFile(Scenario{}, target); }).startsWith(expected));
    QCOMPARE(lmode(target), before); // neither replaced nor written through
    QCOMPARE(contentOf(regular), kOld);
    QVERIFY(S_ISCHR(lmode(QStringLiteral("/dev/null"))));
    if (target != QLatin1String("/dev/null"))
        QCOMPARE(test::entries(dir_->path()),
                 (QStringList{QStringLiteral("regular.json"), QStringLiteral("target.json")}));
}

void TestFileWrite::targetReplacedBeforeRename()
{
    // Between the checks at opening and the rename, the target became a FIFO: the rename does not happen.
    const QString target = path("late.json");
    io::AtomicFile f(target);
    f.write("content");
    QVERIFY(::mkfifo(QFile::encodeName(target).constData(), 0644) == 0);
    const QString error = test::errorText([&] { f.commit(); });
    QVERIFY2(error.startsWith(target + QStringLiteral(": cannot write: is a FIFO")), qPrintable(error));
    QVERIFY(S_ISFIFO(lmode(target)));
    QCOMPARE(test::entries(dir_->path()), QStringList{QStringLiteral("late.json")});
}

void TestFileWrite::folderProblems_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("reason");
    QTest::newRow("missing folder") << QStringLiteral("no/such/folder/r.json")
                                    << QStringLiteral("the folder %1/no/such/folder does not exist");
    QTest::newRow("a file as folder")
        << QStringLiteral("file/r.json") << QStringLiteral("%1/file is a file, not a folder");
    QTest::newRow("no file name") << QStringLiteral("sub/") << QStringLiteral("is a folder");
}

void TestFileWrite::folderProblems()
{
    QFETCH(QString, target);
    QFETCH(QString, reason);
    put(path("file"), kOld);
    QVERIFY(QDir().mkpath(path("sub")));
    const QString full = dir_->filePath(target);
    const QString error = test::errorText([&] { io::writeFileAtomically(full, "x"); });
    QVERIFY2(error.startsWith(full + QStringLiteral(": cannot write: ") +
                              (reason.contains(QLatin1String("%1")) ? reason.arg(dir_->path()) : reason)),
             qPrintable(error));
    QCOMPARE(test::entries(dir_->path()), (QStringList{QStringLiteral("file"), QStringLiteral("sub")}));
}

void TestFileWrite::readOnlyFolder()
{
    // Root ignores permission bits, but not a read-only file system: as root a read-only tmpfs, otherwise a
    // folder without write permission.
    const QString folder = path("ro");
    QVERIFY(QDir().mkdir(folder));
    Tmpfs tmpfs(folder, "size=64k,mode=0755");
    const QString target = folder + QStringLiteral("/r.json");
    if (tmpfs.mounted) {
        put(target, kOld);
        QVERIFY(::mount("tmpfs", QFile::encodeName(folder).constData(), "tmpfs", MS_REMOUNT | MS_RDONLY,
                        nullptr) == 0);
    } else {
        if (::geteuid() == 0)
            QSKIP("running as root where tmpfs cannot be mounted: permission bits would not stop root");
        put(target, kOld);
        QVERIFY(::chmod(QFile::encodeName(folder).constData(), 0555) == 0);
    }
    const QString error = test::errorText([&] { io::writeFileAtomically(target, "new"); });
    const QString reason =
        tmpfs.mounted ? QStringLiteral("Read-only file system") : QStringLiteral("Permission denied");
    QCOMPARE(error, target + QStringLiteral(": cannot write: the folder ") + folder +
                        QStringLiteral(" is not writable: ") + reason);
    QCOMPARE(contentOf(target), kOld);
    QCOMPARE(test::entries(folder), QStringList{QStringLiteral("r.json")});
    if (!tmpfs.mounted)
        QVERIFY(::chmod(QFile::encodeName(folder).constData(), 0755) == 0);
}

void TestFileWrite::fullDiskThroughDevFull_data()
{
    QTest::addColumn<int>("size");
    QTest::newRow("small (fails on the final flush)") << 10;
    QTest::newRow("large (fails on a write)") << 200000;
}

void TestFileWrite::fullDiskThroughDevFull()
{
    // Without root: the hook sends every write to /dev/full, which fails with ENOSPC like a full disk.
    QFETCH(int, size);
    if (!QFile::exists(QStringLiteral("/dev/full")))
        QSKIP("no /dev/full on this system");
    const QString target = path("full.json");
    put(target, kOld);
    io::testing::redirectWrites(QStringLiteral("/dev/full"));
    const QString expected = target + QStringLiteral(": cannot write: No space left on device");
    QCOMPARE(test::errorText([&] { io::writeFileAtomically(target, QByteArray(size, 'x')); }), expected);
    QCOMPARE(test::errorText([&] { saveScenarioFile(presetScenario("default").value(), target); }), expected);
    QCOMPARE(contentOf(target), kOld); // the previous file is kept whole
    QCOMPARE(test::entries(dir_->path()), QStringList{QStringLiteral("full.json")});
}

void TestFileWrite::fullDiskOnTmpfs()
{
    const QString folder = path("small");
    QVERIFY(QDir().mkdir(folder));
    Tmpfs tmpfs(folder, "size=64k");
    if (!tmpfs.mounted)
        QSKIP("mounting a 64 KiB tmpfs needs root (the /dev/full case covers a full disk without)");
    const QString target = folder + QStringLiteral("/scenario.json");
    put(target, kOld);
    const QString error = test::errorText([&] { io::writeFileAtomically(target, QByteArray(200000, 'x')); });
    QCOMPARE(error, target + QStringLiteral(": cannot write: No space left on device"));
    QCOMPARE(contentOf(target), kOld);
    QCOMPARE(test::entries(folder), QStringList{QStringLiteral("scenario.json")});
    // What fits is written.
    io::writeFileAtomically(target, QByteArray(1000, 'y'));
    QCOMPARE(contentOf(target), QByteArray(1000, 'y'));
}

void TestFileWrite::csvCells_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("cell");
    QTest::newRow("plain") << "a1"
                           << "a1";
    QTest::newRow("comma") << "x,y"
                           << "\"x,y\"";
    QTest::newRow("quote") << "say \"hi\""
                           << "\"say \"\"hi\"\"\"";
    QTest::newRow("line feed") << "a\nb"
                               << "\"a\nb\"";
    QTest::newRow("carriage return inside") << "a\rb"
                                            << "\"a\rb\"";
    QTest::newRow("formula") << "=HYPERLINK(\"http://x\",\"y\")"
                             << "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"";
    QTest::newRow("plus") << "+1"
                          << "'+1";
    QTest::newRow("minus") << "-1+2"
                           << "'-1+2";
    QTest::newRow("at") << "@SUM(A1)"
                        << "'@SUM(A1)";
    QTest::newRow("tab") << "\tx"
                         << "'\tx";
    QTest::newRow("leading carriage return") << "\rx"
                                             << "\"'\rx\"";
    QTest::newRow("formula later is text") << "a=b"
                                           << "a=b";
    QTest::newRow("empty") << ""
                           << "";
}

void TestFileWrite::csvCells()
{
    QFETCH(QString, text);
    QFETCH(QString, cell);
    QCOMPARE(QString::fromStdString(report::csvText(text.toStdString())), cell);
}

QTEST_GUILESS_MAIN(TestFileWrite)
#include "tst_filewrite.moc"
