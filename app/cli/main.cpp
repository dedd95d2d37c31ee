// postwright-cli: Postwright's core without a window, for scripts, CI and our own checks.

#include "cli/commandline.h"
#include "cli/commands.h"

#include <QCoreApplication>

#include <functional>
#include <map>

namespace {

const char usage[] = "Usage: postwright-cli <command> [options] [arguments]\n"
                     "\n"
                     "Commands:\n"
                     "  render FILE          print the preview's HTML for the post's body\n"
                     "  check DIR            report every front-matter problem in the blog\n"
                     "  publish DIR FILE     commit the post and push it, print the commit id\n"
                     "  fm get FILE KEY      print a front-matter value as JSON\n"
                     "  fm set FILE KEY JSON set a value, changing nothing else in the file\n"
                     "  fm unset FILE KEY    remove a key and exactly its lines\n"
                     "\n"
                     "Run `postwright-cli <command> --help` for a command's options.\n";

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("postwright-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(POSTWRIGHT_VERSION));

    using namespace pw::cli;
    const std::map<QString, std::function<int(const QStringList &)>> commands = {
        {QStringLiteral("render"), runRender},
        {QStringLiteral("check"), runCheck},
        {QStringLiteral("publish"), runPublish},
        {QStringLiteral("fm"), runFmCommand},
    };

    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty()) {
        err() << usage;
        return UsageError;
    }
    const QString command = args.takeFirst();
    if (command == QLatin1String("--help") || command == QLatin1String("-h")) {
        out() << usage;
        return Success;
    }
    if (command == QLatin1String("--version")) {
        out() << "postwright-cli " << POSTWRIGHT_VERSION << '\n';
        return Success;
    }
    const auto it = commands.find(command);
    if (it == commands.end()) {
        err() << "postwright-cli: unknown command '" << command << "'\n\n" << usage;
        return UsageError;
    }
    return it->second(args);
}
