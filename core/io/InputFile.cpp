// Reading an input file without blocking (POSIX.1-2008 open O_NONBLOCK, fstat, read).
#include "core/io/InputFile.h"

#include "core/InvalidInput.h"
#include "core/io/OutputFolder.h"

#include <QFile>

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mtcsec::io {
namespace {

// Closes the descriptor when it goes.
class Descriptor {
public:
    explicit Descriptor(int fd)
        : fd_(fd)
    {}
    ~Descriptor()
    {
        if (fd_ >= 0)
            ::close(fd_);
    }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    [[nodiscard]] int get() const { return fd_; }

private:
    int fd_;
};

[[noreturn]] void cannotRead(const QString& path, const std::string& why)
{
    throw InvalidInput(path.toStdString() + ": cannot read: " + why);
}

} // namespace

std::string notReadableReason(mode_t mode)
{
    if (S_ISREG(mode))
        return {};
    if (S_ISDIR(mode))
        return "it is a folder, not a regular file";
    const char* what = S_ISFIFO(mode)   ? "it is a FIFO"
                       : S_ISCHR(mode)  ? "it is a character device"
                       : S_ISBLK(mode)  ? "it is a block device"
                       : S_ISSOCK(mode) ? "it is a socket"
                                        : "it is something else";
    return std::string(what) + ", not a regular file";
}

QByteArray readInputFile(const QString& path, qint64 maxBytes, const std::string& tooLarge)
{
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, with no way to interrupt it.
    const Descriptor fd(
        ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
    if (fd.get() < 0)
        cannotRead(path, osReason(errno));
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0)
        cannotRead(path, osReason(errno));
    if (const std::string why = notReadableReason(st.st_mode); !why.empty())
        cannotRead(path, why);
    QByteArray bytes;
    bytes.resize(static_cast<qsizetype>(std::min<qint64>(std::max<qint64>(st.st_size, 0), maxBytes) + 1));
    qsizetype filled = 0;
    for (;;) {
        if (filled == bytes.size()) {
            if (filled > maxBytes)
                break;
            bytes.resize(static_cast<qsizetype>(std::min<qint64>(qint64{2} * filled, maxBytes + 1)));
        }
        const ssize_t got =
            ::read(fd.get(), bytes.data() + filled, static_cast<std::size_t>(bytes.size() - filled));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            cannotRead(path, osReason(errno));
        if (got == 0)
            break;
        filled += static_cast<qsizetype>(got);
    }
    if (filled > maxBytes)
        cannotRead(path, "larger than " + tooLarge);
    bytes.truncate(filled);
    return bytes;
}

} // namespace mtcsec::io
