// Parsing a subcommand's options the same way for every command (mtcsec run, presets, validate, bench).
#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <optional>

namespace mtcsec::app {

// Parses `arguments` (arguments[0] is the subcommand word) with `parser`, which holds the command's options
// and `help`; adds the hidden -? / --help-all. Prints the help (exit 0), or one line on stderr for an unknown
// option or more than `positionals` positional arguments (exit 2). Returns that exit code, or nothing when
// the command should go on. Never throws.
[[nodiscard]] std::optional<int> parseSubcommand(QCommandLineParser& parser, const QString& command,
                                                 const QStringList& arguments, const QCommandLineOption& help,
                                                 int positionals);

// QCommandLineParser's error after a failed parse(), in the product's words: "unknown option --x (COMMAND
// --help lists the options)", "--key: a value is missing"; any other error as Qt gives it. Never throws.
[[nodiscard]] QString parseErrorText(const QCommandLineParser& parser, const QString& command);

} // namespace mtcsec::app
