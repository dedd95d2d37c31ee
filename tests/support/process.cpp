#include "support/process.h"

#include <QProcess>

namespace pw::test {

QString ProcessResult::describe() const
{
    const QString status = finished ? QStringLiteral("exit %1").arg(exitCode)
                                    : QStringLiteral("did not run to completion");
    return QStringLiteral("%1\nstdout: %2\nstderr: %3")
        .arg(status, QString::fromUtf8(out), QString::fromUtf8(err));
}

ProcessResult runProcess(const QString &program, const QStringList &arguments,
                         const QString &workingDirectory, const QProcessEnvironment &environment,
                         const QByteArray &input, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start(program, arguments);
    ProcessResult result;
    if (!process.waitForStarted(timeoutMs)) {
        result.err = process.errorString().toUtf8();
        return result;
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(timeoutMs);
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError() + "\n(killed after timeout)";
        return result;
    }
    result.finished = process.exitStatus() == QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

} // namespace pw::test
