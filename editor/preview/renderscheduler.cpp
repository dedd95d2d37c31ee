#include "renderscheduler.h"

#include "renderworker.h"

namespace pw {

RenderScheduler::RenderScheduler(QObject *parent)
    : QObject(parent)
    , m_worker(new RenderWorker(this))
{
    m_watchdog.setSingleShot(true);
    m_watchdog.setInterval(2000);
    connect(&m_watchdog, &QTimer::timeout, this, &RenderScheduler::onWatchdog);
    m_stopTimer.setSingleShot(true);
    m_stopTimer.setInterval(30'000);
    connect(&m_stopTimer, &QTimer::timeout, m_worker, &RenderWorker::stop);
    connect(m_worker, &RenderWorker::finished, this, &RenderScheduler::onFinished);
    connect(m_worker, &RenderWorker::crashed, this, &RenderScheduler::onCrashed);
}

RenderScheduler::~RenderScheduler() = default;

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
    stopStuckRendering();
    if (!m_waiting && m_lastSubmitted)
        m_waiting = Job{m_lastSubmitted->markdown, m_lastSubmitted->bodyFirstLine, ++m_latest};
    startNext();
}

void RenderScheduler::clearPause()
{
    if (!m_paused)
        return;
    m_paused = false;
    stopStuckRendering();
    startNext();
}

void RenderScheduler::stopStuckRendering()
{
    m_watchdog.stop();
    m_stopTimer.stop();
    m_worker->stop();
}

void RenderScheduler::startNext()
{
    if (m_paused || m_worker->isRendering() || !m_waiting)
        return;
    const Job job = *m_waiting;
    m_waiting.reset();
    m_worker->render(job.markdown, job.bodyFirstLine, job.generation);
    m_watchdog.start();
}

void RenderScheduler::onFinished(const QList<RenderedBlock> &blocks, int generation)
{
    m_watchdog.stop();
    m_stopTimer.stop();
    // Drop it if newer text is waiting: the next rendering shows that.
    if (generation == m_latest)
        Q_EMIT rendered(blocks, generation);
    startNext();
}

void RenderScheduler::onCrashed()
{
    m_watchdog.stop();
    m_paused = true;
    Q_EMIT failed();
}

void RenderScheduler::onWatchdog()
{
    if (!m_worker->isRendering())
        return;
    m_paused = true;
    m_stopTimer.start();
    Q_EMIT paused(m_watchdog.interval());
}

} // namespace pw
