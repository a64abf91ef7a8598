// Writing to stdout and stderr from the command-line front-end, and the exit codes of PRODUCT.md section 6.
#pragma once

#include <QString>

namespace mtcsec::app {

enum ExitCode : int { ExitOk = 0, ExitInternal = 1, ExitBadInput = 2 };

void printOut(const QString& text);   // adds nothing: callers end lines themselves
void printError(const QString& line); // one line, a newline is added

} // namespace mtcsec::app
