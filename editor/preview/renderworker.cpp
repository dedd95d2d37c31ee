#include "renderworker.h"

#include "blockedit.h"
#include "renderprotocol.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QProcess>
#include <QtConcurrent/QtConcurrentRun>

namespace pw {

namespace {
constexpr char workerName[] = "postwright-render-worker";
}

RenderWorker::RenderWorker(QObject *parent)
    : QObject(parent)
{
}

RenderWorker::~RenderWorker()
{
    // The worker, and any stopped one not yet reaped: killed, and waited for (briefly: SIGKILL).
    for (QProcess *process : findChildren<QProcess *>()) {
        process->disconnect(this);
        process->kill();
        process->waitForFinished(5000);
    }
}

QString RenderWorker::workerProgram()
{
    // POSTWRIGHT_RENDER_WORKER when set (a packager's choice; one that does not exist turns the
    // worker off), else next to the program (installed, or the build's bin/), else where this
    // build put it (tests run from the build's tests/ folder).
    if (qEnvironmentVariableIsSet("POSTWRIGHT_RENDER_WORKER")) {
        const QString chosen = qEnvironmentVariable("POSTWRIGHT_RENDER_WORKER");
        return QFileInfo(chosen).isExecutable() ? chosen : QString();
    }
    QStringList candidates{QCoreApplication::applicationDirPath() + QLatin1Char('/')
                           + QLatin1String(workerName)};
#ifdef POSTWRIGHT_RENDER_WORKER_BUILD_PATH
    candidates.append(QStringLiteral(POSTWRIGHT_RENDER_WORKER_BUILD_PATH));
#endif
    for (const QString &candidate : std::as_const(candidates)) {
        if (QFileInfo(candidate).isExecutable())
            return candidate;
    }
    return {};
}

qint64 RenderWorker::processId() const
{
    return m_process ? m_process->processId() : 0;
}

void RenderWorker::startProcess()
{
    const QString program = workerProgram();
    if (program.isEmpty()) {
        qWarning("%s not found: the preview renders on a thread, and a stuck rendering cannot be "
                 "stopped",
                 workerName);
        m_useThread = true;
        return;
    }
    m_process = new QProcess(this);
    m_blocks.clear(); // a new worker has sent nothing yet
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    connect(m_process, &QProcess::readyReadStandardOutput, this, &RenderWorker::onOutput);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            onProcessGone(true);
    });
    connect(m_process, &QProcess::finished, this, [this] { onProcessGone(false); });
    m_process->start(program, {});
}

void RenderWorker::render(const QString &markdown, int bodyFirstLine, int generation)
{
    m_rendering = true;
    m_generation = generation;
    m_markdown = markdown;
    m_bodyFirstLine = bodyFirstLine;
    if (!m_process && !m_useThread)
        startProcess();
    if (m_useThread) {
        renderOnThread(markdown, bodyFirstLine, generation);
        return;
    }
    m_process->write(renderworker::encodeRequest({generation, bodyFirstLine, markdown}));
}

void RenderWorker::renderOnThread(const QString &markdown, int bodyFirstLine, int generation)
{
    auto *watcher = new QFutureWatcher<RenderedPost>(this);
    m_threadJob = watcher;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (m_threadJob != watcher)
            return; // abandoned
        m_threadJob = nullptr;
        m_rendering = false;
        m_markdown.clear();
        Q_EMIT finished(watcher->result().blocks, generation);
    });
    watcher->setFuture(QtConcurrent::run(
        [markdown, bodyFirstLine] { return renderworker::renderBlocks(markdown, bodyFirstLine); }));
}

void RenderWorker::onOutput()
{
    m_received += m_process->readAllStandardOutput();
    bool malformed = false;
    while (const std::optional<renderworker::Reply> reply
           = renderworker::takeReply(m_received, &malformed)) {
        const preview::BlockEdit &edit = reply->edit;
        if (edit.index < 0 || edit.removed < 0 || edit.index + edit.removed > m_blocks.size()) {
            malformed = true;
            break;
        }
        edit.applyTo(m_blocks);
        if (!m_rendering || reply->generation != m_generation)
            continue;
        m_rendering = false;
        m_markdown.clear();
        Q_EMIT finished(m_blocks, reply->generation);
    }
    if (malformed) {
        qWarning("%s answered with something else than a rendering: restarting it", workerName);
        const bool wasRendering = m_rendering;
        const int generation = m_generation;
        stop();
        if (wasRendering)
            Q_EMIT crashed(generation);
    }
}

// The worker ended without being asked to (it crashed, or was killed by someone else). The next
// rendering starts a new one; if it could not start at all, renderings go to a thread.
void RenderWorker::onProcessGone(bool failedToStart)
{
    if (!m_process)
        return;
    qWarning("%s: %s", workerName, qPrintable(m_process->errorString()));
    m_process->disconnect(this);
    m_process->deleteLater();
    m_process = nullptr;
    m_received.clear();
    if (!m_rendering)
        return;
    if (failedToStart) {
        m_useThread = true;
        renderOnThread(m_markdown, m_bodyFirstLine, m_generation);
        return;
    }
    m_rendering = false; // not again: the same text would crash it again
    m_markdown.clear();
    Q_EMIT crashed(m_generation);
}

void RenderWorker::stop()
{
    if (!m_rendering)
        return;
    m_rendering = false;
    m_markdown.clear();
    m_threadJob = nullptr; // a thread's result is not used (a thread cannot be stopped)
    killProcess();
}

void RenderWorker::killProcess()
{
    if (!m_process)
        return;
    QProcess *process = m_process;
    m_process = nullptr;
    m_received.clear();
    process->disconnect(this);
    // SIGKILL: a rendering stuck in cmark-gfm never reads a polite request.
    connect(process, &QProcess::finished, process, &QObject::deleteLater);
    process->kill();
    if (process->state() == QProcess::NotRunning)
        process->deleteLater();
}

} // namespace pw
