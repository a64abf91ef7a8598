// The command-line contract of PRODUCT.md section 6: which invocations are headless, their dispatch, and the
// GUI start-up options.
#pragma once

#include <QStringList>

namespace mtcsec::app {

// True when argv asks for a headless command (a subcommand, --help or --version) rather than the GUI.
[[nodiscard]] bool isHeadlessInvocation(int argc, char** argv);

// True when a headless command must draw (an HTML or PDF report): it then runs on offscreen widgets.
[[nodiscard]] bool needsOffscreenWidgets(int argc, char** argv);

// True when argv asks for the self-test (which runs the GUI offscreen when there is no display).
[[nodiscard]] bool isSelfTestInvocation(int argc, char** argv);

// Runs a headless invocation; a QCoreApplication must exist. Returns the process exit code.
[[nodiscard]] int runHeadless(const QStringList& arguments);

// The one line ("mtcsec: ...", no newline) saying what is wrong with the GUI's arguments (an unknown option,
// a missing value, --lang not en or de, an unknown preset), or an empty string. Needs no application object:
// main() asks before it probes the display.
[[nodiscard]] QString guiArgumentError(const QStringList& arguments);

// Starts the GUI; a QApplication must exist. Returns the process exit code.
[[nodiscard]] int runGui(const QStringList& arguments);

} // namespace mtcsec::app
