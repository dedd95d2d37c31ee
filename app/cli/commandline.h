#pragma once

// Argument handling every subcommand shares: --help, positional arguments, usage errors (exit 2).

#include "base/result.h"

#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>

#include <optional>

namespace pw::cli {

enum ExitCode { Success = 0, InputProblem = 1, UsageError = 2 };

QTextStream &out();
QTextStream &err();

// Prints a problem as path:line:column: message on stderr (naming `path` when the error names no
// file) and returns the exit status for it.
int reportProblem(const QString &path, Error error);

// Parses `args` (the subcommand's own, its name first). Returns an exit code when the command must
// stop here: after printing --help (0) or a usage error (2); nullopt when the arguments are fine.
std::optional<int> parseArguments(QCommandLineParser &parser, const QString &command,
                                  const QString &description, const QStringList &args,
                                  int positionalCount);

} // namespace pw::cli
