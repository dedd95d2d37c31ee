#pragma once

// The subcommands of postwright-cli. Each takes the arguments after its name and returns the exit
// status: 0 success, 1 a problem in the input (reported as path:line:column: message), 2 usage.

#include <QStringList>

namespace pw::cli {

int runRender(const QStringList &args);
int runCheck(const QStringList &args);
int runPublish(const QStringList &args);
int runFmCommand(const QStringList &args);

} // namespace pw::cli
