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

std::optional<int> parseArguments(QCommandLineParser &parser, const QString &command,
                                  const QString &description, const QStringList &args,
                                  int positionalCount)
{
    parser.setApplicationDescription(description);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    const QStringList argv = QStringList{QStringLiteral("postwright-cli ") + command} + args;
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
