#include "renderscheduler.h"

#include <QtConcurrent/QtConcurrentRun>

namespace pw {

RenderScheduler::RenderScheduler(QObject *parent)
    : QObject(parent)
{
    m_watchdog.setSingleShot(true);
    m_watchdog.setInterval(2000);
    connect(&m_watchdog, &QTimer::timeout, this, &RenderScheduler::onWatchdog);
}

RenderScheduler::~RenderScheduler()
{
    // A rendering still running finishes on its pool thread; its result is simply not used.
    if (m_watcher)
        m_watcher->disconnect(this);
}

void RenderScheduler::submit(const QString &markdown, int bodyFirstLine)
{
    m_waiting = Job{markdown, bodyFirstLine, ++m_latest};
    m_lastSubmitted = m_waiting;
    startNext();
}

void RenderScheduler::resume()
{
    if (!m_paused)
        return;
    m_paused = false;
    if (!m_waiting && m_lastSubmitted)
        m_waiting = Job{m_lastSubmitted->markdown, m_lastSubmitted->bodyFirstLine, ++m_latest};
    // The slow rendering may still be running: abandon it, so resuming does not wait for it.
    if (m_watcher) {
        m_watcher->disconnect(this);
        connect(m_watcher, &QFutureWatcherBase::finished, m_watcher, &QObject::deleteLater);
        m_watcher = nullptr;
    }
    startNext();
}

void RenderScheduler::clearPause()
{
    m_paused = false;
}

void RenderScheduler::startNext()
{
    if (m_paused || m_watcher || !m_waiting)
        return;
    const Job job = *m_waiting;
    m_waiting.reset();
    m_runningGeneration = job.generation;
    m_watcher = new QFutureWatcher<RenderedPost>(this);
    connect(m_watcher, &QFutureWatcherBase::finished, this, &RenderScheduler::onFinished);
    m_watcher->setFuture(QtConcurrent::run([markdown = job.markdown, line = job.bodyFirstLine] {
        RenderOptions options = postRenderOptions(line);
        options.documentHtml = false; // the preview takes the blocks
        return renderMarkdown(markdown, options);
    }));
    m_watchdog.start();
}

void RenderScheduler::onFinished()
{
    m_watchdog.stop();
    QFutureWatcher<RenderedPost> *watcher = m_watcher;
    m_watcher = nullptr;
    const RenderedPost post = watcher->result();
    watcher->deleteLater();
    // Drop it if newer text is waiting: the next rendering shows that.
    if (m_runningGeneration == m_latest)
        Q_EMIT rendered(post.blocks, m_runningGeneration);
    startNext();
}

void RenderScheduler::onWatchdog()
{
    if (!m_watcher)
        return;
    m_paused = true;
    Q_EMIT paused(m_watchdog.interval());
}

} // namespace pw
