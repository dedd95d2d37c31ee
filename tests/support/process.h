#pragma once

// Running a program to completion with a bounded wait, for tests that drive the `git` CLI (a
// second client, independent of libgit2) and other tools.

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace pw::test {

struct ProcessResult
{
    bool finished = false; // false: it could not start or did not end in time (then killed)
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    bool ok() const { return finished && exitCode == 0; }
    // stdout without the trailing newline, as shells' $(...) gives it.
    QString text() const { return QString::fromUtf8(out).trimmed(); }
    // For failure messages: the command's exit and what it printed.
    QString describe() const;
};

// A generous default: the test machine may be a loaded 2-core box.
constexpr int kDefaultProcessTimeoutMs = 120'000;

ProcessResult runProcess(const QString &program, const QStringList &arguments,
                         const QString &workingDirectory = {},
                         const QProcessEnvironment &environment
                         = QProcessEnvironment::systemEnvironment(),
                         const QByteArray &input = {}, int timeoutMs = kDefaultProcessTimeoutMs);

} // namespace pw::test
