// A folder that output files are written into, held open (POSIX.1-2008 openat, fstatat, renameat), and the
// checks every written file passes: the folder exists and is writable, and the target is a regular file or
// absent, never a symbolic link, FIFO, device, socket or folder (those are never replaced or followed).
#pragma once

#include <QString>

#include <memory>
#include <optional>
#include <string>
#include <sys/types.h>

namespace mtcsec::io {

// The operating system's text for an errno value, e.g. "No space left on device" (never "Unknown error" for
// the errno values POSIX defines).
[[nodiscard]] std::string osReason(int error);

// Throws InvalidInput "PATH: cannot write: WHY", the one form of every write error.
[[noreturn]] void throwCannotWrite(const QString& path, const std::string& why);

// Why a file of mode `mode` (st_mode from lstat) cannot be replaced: "is a symbolic link", "is a FIFO",
// "is a character device", "is a block device", "is a socket", "is a folder"; empty for a regular file.
[[nodiscard]] std::string notRegularReason(mode_t mode);

class OutputFolder {
public:
    // How the folder itself is treated.
    enum class Links {
        Follow, // the folder of a report: symbolic links anywhere in its path are followed
        Refuse, // the capture folder: `path` itself must not be a symbolic link (links above it are followed)
    };

    // Opens the folder `path` (absolute or relative to the current folder; "" is the current folder).
    // Throws InvalidInput "SUBJECT: cannot write: the folder FOLDER does not exist" (or "FOLDER is a file,
    // not a folder", "is a symbolic link (not followed)", "cannot be opened: why"), where SUBJECT is
    // `subject` (the file about to be written) or, when empty, the folder itself (then the text reads
    // "FOLDER: cannot write: the folder does not exist").
    [[nodiscard]] static std::shared_ptr<const OutputFolder> open(const QString& path, Links links,
                                                                  const QString& subject = {});
    ~OutputFolder();
    OutputFolder(const OutputFolder&) = delete;
    OutputFolder& operator=(const OutputFolder&) = delete;

    // Throws InvalidInput "SUBJECT: cannot write: the folder FOLDER is not writable: Permission denied" (or
    // "Read-only file system"), SUBJECT as for open().
    void requireWritable(const QString& subject = {}) const;

    // An O_PATH descriptor, for the *at() calls; after release(), the folder opened again by its path (the
    // same folder: same device and inode, else InvalidInput "FOLDER: cannot write: the folder was replaced
    // since it was opened", or as open()).
    [[nodiscard]] int fd() const;
    // Closes the descriptor until the next fd(): a writer of many folders that waits (a finished cell's
    // captures until the run commits) holds no open file meanwhile. Not thread-safe with fd().
    void release() const noexcept;
    [[nodiscard]] const QString& path() const { return path_; }
    // The path of `name` in this folder as shown in messages ("FOLDER/NAME", or NAME for the current folder).
    [[nodiscard]] QString filePath(const QString& name) const;

    // Checks that `name` (one path component) may be replaced: absent (nullopt) or a regular file (its
    // permission bits are returned). Throws InvalidInput "FOLDER/NAME: cannot write: is a FIFO" (and the
    // other reasons of notRegularReason), or with the OS's reason when lstat fails otherwise; `shown`
    // replaces FOLDER/NAME in the message when given.
    std::optional<mode_t> checkTarget(const QString& name, const QString& shown = {}) const;

private:
    OutputFolder(int fd, QString path, Links links);

    mutable int fd_ = -1; // -1 after release()
    QString path_;
    Links links_;
    dev_t device_ = 0; // the folder's identity, checked when it is opened again
    ino_t inode_ = 0;
};

// Checks, without writing anything, that the file `path` could be written: its folder exists and is writable
// and `path` is absent or a regular file. Throws InvalidInput "PATH: cannot write: why".
void checkOutputPath(const QString& path);

// Splits `path` into its folder (as written, "" for the current folder) and its file name. Throws
// InvalidInput "PATH: cannot write: is a folder" when the path names no file ("", "dir/", ".", "..").
[[nodiscard]] std::pair<QString, QString> splitOutputPath(const QString& path);

} // namespace mtcsec::io
