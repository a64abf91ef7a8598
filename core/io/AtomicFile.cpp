// Complete-or-absent files: temporary file, checked writes, fsync, checked close, rename (POSIX.1-2008).
#include "core/io/AtomicFile.h"

#include "core/InvalidInput.h"

#include <QFile>
#include <QRandomGenerator>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mtcsec::io {
namespace {

QString& redirectDevice()
{
    static QString device;
    return device;
}

// ".NAME.tmp-XXXXXX": hidden, beside the target, the name cut so that the whole stays under NAME_MAX.
QByteArray temporaryName(const QString& name)
{
    static const char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QByteArray out = "." + QFile::encodeName(name).left(120) + ".tmp-";
    for (int i = 0; i < 6; ++i)
        out += kAlphabet[QRandomGenerator::global()->bounded(static_cast<int>(sizeof kAlphabet - 1))];
    return out;
}

// The rename reaches the disk with the folder (best effort: the file is complete either way).
void syncRename(const OutputFolder& folder)
{
    const int dir = ::openat(folder.fd(), ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

} // namespace

AtomicFile::AtomicFile(const QString& path)
{
    const auto [folder, name] = splitOutputPath(path);
    folder_ = OutputFolder::open(folder, OutputFolder::Links::Follow, path);
    name_ = name;
    path_ = path;
    redirected_ = redirectDevice();
    existingMode_ = folder_->checkTarget(name_, path_);
    folder_->requireWritable(path_);
    open(O_CREAT | O_EXCL);
}

AtomicFile::AtomicFile(std::shared_ptr<const OutputFolder> folder, const QString& name)
    : folder_(std::move(folder))
    , name_(name)
    , path_(folder_->filePath(name))
{
    if (name.isEmpty() || name.contains(QLatin1Char('/')) || name == QLatin1String(".") ||
        name == QLatin1String(".."))
        throwCannotWrite(path_, "not a file name");
    redirected_ = redirectDevice();
    existingMode_ = folder_->checkTarget(name_, path_);
    open(O_CREAT | O_EXCL);
}

AtomicFile::~AtomicFile()
{
    discard();
}

void AtomicFile::open(int extraFlags)
{
    if (!redirected_.isEmpty()) {
        fd_ = ::open(QFile::encodeName(redirected_).constData(), O_WRONLY | O_CLOEXEC);
        if (fd_ < 0)
            fail(errno);
        return;
    }
    const int flags = O_WRONLY | O_CLOEXEC | O_NOFOLLOW | extraFlags;
    if ((extraFlags & O_CREAT) == 0) {
        fd_ = ::openat(folder_->fd(), temp_.constData(), flags | O_APPEND);
        if (fd_ < 0)
            fail(errno);
        return;
    }
    for (int attempt = 0; attempt < 100; ++attempt) {
        const QByteArray name = temporaryName(name_);
        fd_ = ::openat(folder_->fd(), name.constData(), flags, 0666); // the umask applies
        if (fd_ >= 0) {
            temp_ = name;
            return;
        }
        if (errno != EEXIST) {
            // The step that failed is the temporary file's creation in the folder (a folder that passed
            // the checks can still refuse new files: /proc says ENOENT, a full inode table ENOSPC).
            const int error = errno;
            const QString folder = folder_->path().isEmpty() ? QStringLiteral(".") : folder_->path();
            fail("cannot create a file in " + folder.toStdString() + ": " + osReason(error));
        }
    }
    fail(EEXIST);
}

void AtomicFile::fail(int error)
{
    fail(osReason(error));
}

void AtomicFile::fail(const std::string& why)
{
    discard();
    error_ = path_.toStdString() + ": cannot write: " + why;
    throw InvalidInput(error_);
}

void AtomicFile::throwIfFailed() const
{
    if (!error_.empty())
        throw InvalidInput(error_);
    if (temp_.isEmpty() && redirected_.isEmpty() && fd_ < 0)
        throw InvalidInput(path_.toStdString() + ": cannot write: already closed");
}

void AtomicFile::writeOut(const char* data, qsizetype size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd_, data, static_cast<std::size_t>(size));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            fail(n < 0 ? errno : EIO);
        data += n;
        size -= n;
    }
}

void AtomicFile::write(QByteArrayView bytes)
{
    throwIfFailed();
    if (written_)
        fail("written after the file was finished");
    if (fd_ >= 0 && buffer_.isEmpty() && bytes.size() >= kBufferBytes) {
        writeOut(bytes.data(), bytes.size());
        return;
    }
    buffer_.append(bytes);
    if (fd_ >= 0 && buffer_.size() >= kBufferBytes)
        flush();
}

void AtomicFile::flush()
{
    throwIfFailed();
    if (buffer_.isEmpty())
        return;
    if (fd_ < 0)
        open(0);
    writeOut(buffer_.constData(), buffer_.size());
    buffer_.clear();
    if (buffer_.capacity() > kBufferBytes)
        buffer_.squeeze();
}

void AtomicFile::suspend()
{
    flush();
    buffer_.squeeze();
    if (fd_ < 0)
        return;
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0)
        fail(errno);
}

void AtomicFile::finishWriting(Sync sync)
{
    throwIfFailed();
    if (written_)
        return;
    if (fd_ < 0)
        open(0);
    flush();
    // fsync: a file system that allocates late (delayed allocation, NFS, quotas) reports ENOSPC or EDQUOT
    // here rather than on write().
    if (sync == Sync::Each && ::fsync(fd_) != 0)
        fail(errno);
    if (existingMode_ && redirected_.isEmpty() && ::fchmod(fd_, *existingMode_ & 0777) != 0)
        fail(errno);
    const int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0)
        fail(errno);
    written_ = true;
}

void AtomicFile::commit(Sync sync)
{
    finishWriting(sync);
    if (temp_.isEmpty())
        fail("writes were redirected to " + redirected_.toStdString() + " for a test");
    try {
        folder_->checkTarget(name_, path_); // replaced by a FIFO or a link since the file was opened?
    } catch (const InvalidInput& e) {
        discard();
        error_ = e.what();
        throw;
    }
    if (::renameat(folder_->fd(), temp_.constData(), folder_->fd(), QFile::encodeName(name_).constData()) !=
        0)
        fail(errno);
    temp_.clear();
    if (sync == Sync::Each)
        syncRename(*folder_);
}

void AtomicFile::discard() noexcept
{
    if (fd_ >= 0)
        ::close(fd_);
    fd_ = -1;
    if (!temp_.isEmpty()) {
        try {
            ::unlinkat(folder_->fd(), temp_.constData(), 0);
        } catch (const InvalidInput&) {
            // The folder cannot be opened again (replaced since): the temporary file is out of reach.
        }
    }
    temp_.clear();
    buffer_ = QByteArray();
}

int openSyncHandle(const OutputFolder& folder)
{
    return ::openat(folder.fd(), ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

void syncFolder(const OutputFolder& folder, int since)
{
    if (since < 0) {
        ::sync();
        return;
    }
    if (::syncfs(since) != 0)
        throwCannotWrite(folder.path(), osReason(errno));
    syncRename(folder);
}

void writeFileAtomically(const QString& path, QByteArrayView bytes)
{
    AtomicFile file(path);
    file.write(bytes);
    file.commit();
}

namespace testing {

void redirectWrites(const QString& device)
{
    redirectDevice() = device;
}

} // namespace testing

} // namespace mtcsec::io
