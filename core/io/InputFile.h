// Reading an input file the user names (a scenario, a lecture script) without ever blocking on it
// (POSIX.1-2008 open with O_NONBLOCK, fstat, read): only a regular file is read; a FIFO, a device, a socket
// or a folder is refused before a byte is read, so a FIFO with no writer never hangs the command or the
// window.
#pragma once

#include <QByteArray>
#include <QString>

#include <string>
#include <sys/types.h>

namespace mtcsec::io {

// Why a file of mode `mode` (st_mode from fstat) is not read: "it is a FIFO, not a regular file" (a character
// device, a block device, a socket, ...), "it is a folder, not a regular file" for a folder; empty for a
// regular file.
[[nodiscard]] std::string notReadableReason(mode_t mode);

// The whole content of the regular file `path` (symbolic links followed), at most `maxBytes` octets. Throws
// InvalidInput "PATH: cannot read: why": the operating system's reason when it cannot be opened or read ("No
// such file or directory", "Permission denied"), notReadableReason() for anything but a regular file, and
// "larger than LIMIT, too large for WHAT" beyond `maxBytes`, LIMIT and WHAT being `tooLarge` (for example
// "16 MiB, too large for a scenario").
[[nodiscard]] QByteArray readInputFile(const QString& path, qint64 maxBytes, const std::string& tooLarge);

} // namespace mtcsec::io
