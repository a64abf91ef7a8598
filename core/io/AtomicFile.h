// Writing a file so that it is complete or absent (POSIX.1-2008 openat O_CREAT|O_EXCL, write, fsync, close,
// renameat): every file the product writes goes through here. The bytes go to a temporary file in the
// target's folder (".NAME.tmp-XXXXXX", mode 0666 & ~umask, or the replaced file's permissions), every write
// is checked, fsync makes the file system report a full disk or quota (ENOSPC, EDQUOT) before anything is
// replaced, and only then does a rename put the file in place. On any failure the temporary file is removed,
// a previous file stays untouched and InvalidInput "PATH: cannot write: REASON" is thrown, REASON being the
// operating system's ("No space left on device"). The target must be absent or a regular file, checked when
// the file is opened and again just before the rename: a symbolic link (to anything), FIFO, device, socket or
// folder is never replaced or followed.
#pragma once

#include "core/io/OutputFolder.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>
#include <optional>
#include <string>

namespace mtcsec::io {

class AtomicFile {
public:
    // Bytes kept in memory before a write to the file.
    static constexpr qsizetype kBufferBytes = 64 * 1024;

    // Opens the temporary file for `path` (its folder may be reached through symbolic links; `path` itself
    // may not be one). Throws InvalidInput "PATH: cannot write: why" (see OutputFolder::open, checkTarget),
    // or "PATH: cannot write: cannot create a file in FOLDER: REASON" when the folder refuses the temporary
    // file (REASON the operating system's, e.g. "No such file or directory" in /proc).
    explicit AtomicFile(const QString& path);
    // The same for the file `name` (one path component) in an open folder.
    AtomicFile(std::shared_ptr<const OutputFolder> folder, const QString& name);
    // Without commit(): removes the temporary file; the target is left as it was.
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    // Appends bytes: kept in memory up to kBufferBytes, then written out while the file is open (a suspended
    // file only collects them until flush()). Throws InvalidInput "PATH: cannot write: why" (then the file
    // is discarded).
    void write(QByteArrayView bytes);
    // Writes what is in memory, opening a suspended file again (in append mode). Throws as write().
    void flush();
    // Flushes and closes the descriptor; the temporary file stays for a later flush() or commit(). Bounds the
    // open files of a writer with many outputs. Throws as write().
    void suspend();
    [[nodiscard]] bool isOpen() const { return fd_ >= 0; }
    [[nodiscard]] qsizetype buffered() const { return buffer_.size(); }

    // Whether finishWriting() calls fsync on the file and commit() on its folder. A writer of many files in
    // one folder (the captures) says None and calls syncFolder() once for all of them.
    enum class Sync { Each, None };

    // First half of commit(): flushes, fsyncs and closes the temporary file, so that every error the file
    // system reports late (a full disk, a quota, an I/O error) surfaces here, before any file is replaced.
    // Throws as write().
    void finishWriting(Sync sync = Sync::Each);
    // finishWriting() if not done, checks the target again, then renames the temporary file over it.
    // Throws as write(); afterwards the object holds nothing.
    void commit(Sync sync = Sync::Each);
    // Removes the temporary file (nothing thrown); the object holds nothing afterwards.
    void discard() noexcept;

    // The target as named in messages.
    [[nodiscard]] const QString& path() const { return path_; }
    // Whether the target existed (as a regular file) when this file was opened.
    [[nodiscard]] bool replacesExisting() const { return existingMode_.has_value(); }

private:
    [[noreturn]] void fail(int error);
    [[noreturn]] void fail(const std::string& why);
    void open(int extraFlags);
    void writeOut(const char* data, qsizetype size);
    void throwIfFailed() const;

    std::shared_ptr<const OutputFolder> folder_;
    QString name_;         // the target in folder_
    QString path_;         // the target as shown in messages
    QByteArray temp_;      // the temporary file's name in folder_ (native encoding); empty once gone
    int fd_ = -1;          // the temporary file while open
    bool written_ = false; // finishWriting() done
    std::optional<mode_t> existingMode_;
    QString redirected_; // testing::redirectWrites() in force when opened
    std::string error_;  // the first failure, thrown again by later calls
    QByteArray buffer_;
};

// Flushes every file of the file system holding `folder` to disk (Linux syncfs), reporting a write error
// the file system met since `since` was opened (Linux 5.8 and later): the check for files written with
// Sync::None. `since` is a descriptor opened with openSyncHandle(). Throws InvalidInput
// "FOLDER: cannot write: why".
void syncFolder(const OutputFolder& folder, int since);
// A descriptor of `folder` for syncFolder(), opened before the files are written; -1 if it cannot be opened
// (then syncFolder falls back to sync()).
[[nodiscard]] int openSyncHandle(const OutputFolder& folder);

// Writes `bytes` to `path` through an AtomicFile. Throws InvalidInput "PATH: cannot write: why".
void writeFileAtomically(const QString& path, QByteArrayView bytes);

namespace testing {
// For tests only (not thread-safe): while `device` is not empty, every AtomicFile opened afterwards writes
// to that existing file (for example /dev/full, which fails every write with ENOSPC) instead of a temporary
// file, and never renames anything.
void redirectWrites(const QString& device);
} // namespace testing

} // namespace mtcsec::io
