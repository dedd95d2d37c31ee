#include "cli/commandline.h"

namespace pw::cli {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int reportProblem(const QString &path, Error error)
{
    if (error.file.isEmpty())
        error.file = path;
    err() << error.toString() << '\n';
    err().flush();
    return InputProblem;
}

namespace {

bool isNegativeNumber(const QString &arg)
{
    return arg.size() > 1 && arg.front() == QLatin1Char('-') && arg.at(1).isDigit();
}

// QCommandLineParser takes `-5` for options -5; no command has an option named by a digit, so a
// negative number is a positional argument (a value for `fm set`). Options go first, then `--`.
QStringList withNegativeNumbersPositional(const QStringList &args)
{
    QStringList options;
    QStringList positional;
    bool afterDashes = false;
    for (const QString &arg : args) {
        if (afterDashes)
            positional.append(arg);
        else if (arg == QLatin1String("--"))
            afterDashes = true;
        else if (arg.size() > 1 && arg.front() == QLatin1Char('-') && !isNegativeNumber(arg))
            options.append(arg);
        else
            positional.append(arg);
    }
    return options + QStringList{QStringLiteral("--")} + positional;
}

} // namespace

std::optional<int> parseArguments(QCommandLineParser &parser, const QString &command,
                                  const QString &description, const QStringList &args,
                                  int positionalCount)
{
    parser.setApplicationDescription(description);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    const QStringList argv = QStringList{QStringLiteral("postwright-cli ") + command}
                             + withNegativeNumbersPositional(args);
    const auto usage = [&] {
        return parser.helpText().replace(QLatin1String("[options]"), command + QLatin1String(" [options]"));
    };
    if (!parser.parse(argv)) {
        err() << "postwright-cli " << command << ": " << parser.errorText() << "\n\n" << usage();
        err().flush();
        return UsageError;
    }
    if (parser.isSet(help)) {
        out() << usage();
        out().flush();
        return Success;
    }
    if (parser.positionalArguments().size() != positionalCount) {
        err() << "postwright-cli " << command << ": expected " << positionalCount
              << " argument(s), got " << parser.positionalArguments().size() << "\n\n"
              << usage();
        err().flush();
        return UsageError;
    }
    return std::nullopt;
}

} // namespace pw::cli
