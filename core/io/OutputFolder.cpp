// Output folders and target checks (POSIX.1-2008: openat with O_PATH, fstatat with AT_SYMLINK_NOFOLLOW,
// faccessat).
#include "core/io/OutputFolder.h"

#include "core/InvalidInput.h"

#include <QFile>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace mtcsec::io {

std::string osReason(int error)
{
    return std::generic_category().message(error);
}

void throwCannotWrite(const QString& path, const std::string& why)
{
    throw InvalidInput(path.toStdString() + ": cannot write: " + why);
}

std::string notRegularReason(mode_t mode)
{
    const char* what = S_ISREG(mode)    ? nullptr
                       : S_ISLNK(mode)  ? "a symbolic link"
                       : S_ISFIFO(mode) ? "a FIFO"
                       : S_ISCHR(mode)  ? "a character device"
                       : S_ISBLK(mode)  ? "a block device"
                       : S_ISSOCK(mode) ? "a socket"
                       : S_ISDIR(mode)  ? "a folder"
                                        : "not a regular file";
    if (what == nullptr)
        return {};
    return std::string("is ") + what + " (only regular files are replaced)";
}

std::pair<QString, QString> splitOutputPath(const QString& path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    const QString name = path.mid(slash + 1);
    const QString folder = slash < 0 ? QString() : slash == 0 ? QStringLiteral("/") : path.left(slash);
    if (name.isEmpty() || name == QLatin1String(".") || name == QLatin1String(".."))
        throwCannotWrite(path,
                         path.isEmpty() ? "no file name" : "is a folder (only regular files are replaced)");
    return {folder, name};
}

OutputFolder::OutputFolder(int fd, QString path, Links links)
    : fd_(fd)
    , path_(std::move(path))
    , links_(links)
{
    struct stat st {};
    if (::fstat(fd_, &st) == 0) {
        device_ = st.st_dev;
        inode_ = st.st_ino;
    }
}

OutputFolder::~OutputFolder()
{
    release();
}

void OutputFolder::release() const noexcept
{
    if (fd_ >= 0)
        ::close(fd_);
    fd_ = -1;
}

int OutputFolder::fd() const
{
    if (fd_ >= 0)
        return fd_;
    const auto again = open(path_, links_);
    struct stat st {};
    if (::fstat(again->fd_, &st) != 0 || st.st_dev != device_ || st.st_ino != inode_)
        throwCannotWrite(path_.isEmpty() ? QStringLiteral(".") : path_,
                         "the folder was replaced since it was opened");
    fd_ = again->fd_;
    again->fd_ = -1;
    return fd_;
}

std::shared_ptr<const OutputFolder> OutputFolder::open(const QString& path, Links links,
                                                       const QString& subject)
{
    const QString shown = path.isEmpty() ? QStringLiteral(".") : path;
    const auto fail = [&](const std::string& why) {
        if (subject.isEmpty())
            throwCannotWrite(shown, "the folder " + why);
        throwCannotWrite(subject, "the folder " + shown.toStdString() + " " + why);
    };
    const QByteArray native = QFile::encodeName(shown);
    struct stat st {};
    if (::lstat(native.constData(), &st) != 0)
        fail(errno == ENOENT ? std::string("does not exist") : "cannot be opened: " + osReason(errno));
    if (links == Links::Refuse && S_ISLNK(st.st_mode))
        fail("is a symbolic link (not followed)");
    const int flags = O_PATH | O_DIRECTORY | O_CLOEXEC | (links == Links::Refuse ? O_NOFOLLOW : 0);
    const int fd = ::open(native.constData(), flags);
    if (fd < 0) {
        const int error = errno;
        if (error == ENOTDIR && (links == Links::Refuse || ::stat(native.constData(), &st) == 0)) {
            // Say what is there: "f: cannot write: it is a file, not a folder".
            const std::string what = S_ISREG(st.st_mode)    ? "a file"
                                     : S_ISFIFO(st.st_mode) ? "a FIFO"
                                     : S_ISCHR(st.st_mode)  ? "a character device"
                                     : S_ISBLK(st.st_mode)  ? "a block device"
                                     : S_ISSOCK(st.st_mode) ? "a socket"
                                     : S_ISLNK(st.st_mode)  ? "a symbolic link"
                                                            : "not a regular file";
            if (subject.isEmpty())
                throwCannotWrite(shown, "it is " + what + ", not a folder");
            throwCannotWrite(subject, shown.toStdString() + " is " + what + ", not a folder");
        }
        fail(error == ENOENT    ? std::string("does not exist")
             : error == ENOTDIR ? std::string("is not a folder")
             : error == ELOOP   ? std::string("is a symbolic link (not followed)")
                                : "cannot be opened: " + osReason(error));
    }
    return std::shared_ptr<const OutputFolder>(new OutputFolder(fd, path, links));
}

void OutputFolder::requireWritable(const QString& subject) const
{
    if (::faccessat(fd(), ".", W_OK | X_OK, 0) == 0)
        return;
    const QString shown = path_.isEmpty() ? QStringLiteral(".") : path_;
    if (subject.isEmpty())
        throwCannotWrite(shown, "the folder is not writable: " + osReason(errno));
    throwCannotWrite(subject, "the folder " + shown.toStdString() + " is not writable: " + osReason(errno));
}

QString OutputFolder::filePath(const QString& name) const
{
    if (path_.isEmpty())
        return name;
    return path_.endsWith(QLatin1Char('/')) ? path_ + name : path_ + QLatin1Char('/') + name;
}

std::optional<mode_t> OutputFolder::checkTarget(const QString& name, const QString& shown) const
{
    const QString path = shown.isEmpty() ? filePath(name) : shown;
    struct stat st {};
    if (::fstatat(fd(), QFile::encodeName(name).constData(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
        if (errno == ENOENT)
            return std::nullopt;
        throwCannotWrite(path, osReason(errno));
    }
    const std::string reason = notRegularReason(st.st_mode);
    if (!reason.empty())
        throwCannotWrite(path, reason);
    return st.st_mode & 07777;
}

void checkOutputPath(const QString& path)
{
    const auto [folder, name] = splitOutputPath(path);
    const auto handle = OutputFolder::open(folder, OutputFolder::Links::Follow, path);
    handle->checkTarget(name, path);
    handle->requireWritable(path);
}

} // namespace mtcsec::io
