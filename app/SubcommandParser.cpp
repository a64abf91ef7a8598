// Parsing a subcommand's options the same way for every command: --help (also -h, -?, --help-all) prints the
// help with the command's own name, unknown options and extra arguments are one line and exit 2.
#include "app/SubcommandParser.h"

#include "app/Console.h"

namespace mtcsec::app {

QString parseErrorText(const QCommandLineParser& parser, const QString& command)
{
    const QStringList unknown = parser.unknownOptionNames();
    if (!unknown.isEmpty())
        return QStringLiteral("unknown option %1%2 (%3 --help lists the options)")
            .arg(unknown.constFirst().size() == 1 ? QStringLiteral("-") : QStringLiteral("--"),
                 unknown.constFirst(), command);
    // Qt: "Missing value after '--key'."
    const QString text = parser.errorText();
    const QString missing = QStringLiteral("Missing value after '");
    if (text.startsWith(missing) && text.endsWith(QStringLiteral("'.")))
        return text.mid(missing.size(), text.size() - missing.size() - 2) +
               QStringLiteral(": a value is missing");
    return text;
}

std::optional<int> parseSubcommand(QCommandLineParser& parser, const QString& command,
                                   const QStringList& arguments, const QCommandLineOption& help,
                                   int positionals)
{
    QStringList list{command};
    list += arguments.mid(1);
    // -? and --help-all ask for help too, as at every other level of mtcsec.
    QCommandLineOption otherHelp(QStringList{QStringLiteral("?"), QStringLiteral("help-all")},
                                 QStringLiteral("Show this help."));
    otherHelp.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(otherHelp);
    if (!parser.parse(list)) {
        printError(command + QStringLiteral(": ") + parseErrorText(parser, command));
        return ExitBadInput;
    }
    if (parser.isSet(help) || parser.isSet(otherHelp)) {
        QString text = parser.helpText();
        const qsizetype at = text.indexOf(QLatin1Char(' '), text.indexOf(QStringLiteral("Usage: ")) + 7);
        text.replace(7, at - 7, command);
        printOut(text);
        return ExitOk;
    }
    if (parser.positionalArguments().size() > positionals) {
        printError(command + QStringLiteral(": unexpected argument '") +
                   parser.positionalArguments().value(positionals) + QLatin1Char('\''));
        return ExitBadInput;
    }
    return std::nullopt;
}

} // namespace mtcsec::app
