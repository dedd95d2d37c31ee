// The `fm` subcommand as its own process, so tst_fmcommand tests exit codes and output exactly as
// postwright-cli produces them without linking the rest of the CLI.

#include "cli/commands.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    return pw::cli::runFmCommand(QCoreApplication::arguments().mid(1));
}
