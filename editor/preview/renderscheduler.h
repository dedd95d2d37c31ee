#pragma once

// Renders Markdown off the GUI thread, one rendering at a time, always of the newest text: text
// that arrives while a rendering runs waits, and only the newest waiting text is rendered next
// (so a burst of keystrokes costs one rendering, and nothing stale is shown). Renderings run in a
// worker process (RenderWorker). One that runs longer than the watchdog allows pauses the
// scheduler until resume(), but may still finish and be shown; resume() and clearPause() kill it,
// so its core is free again, and so does the stop timer when nobody does (cmark-gfm's quadratic
// cases can run for minutes). Typing never waits on any of it.

#include "markdown/markdownrenderer.h"

#include <QObject>
#include <QTimer>

#include <optional>

namespace pw {

class RenderWorker;

class RenderScheduler : public QObject
{
    Q_OBJECT

public:
    explicit RenderScheduler(QObject *parent = nullptr);
    ~RenderScheduler() override;

    void setWatchdogInterval(int milliseconds) { m_watchdog.setInterval(milliseconds); }
    // How long after the pause a rendering still running is killed; 30 s by default.
    void setStopInterval(int milliseconds) { m_stopTimer.setInterval(milliseconds); }

    // Queues the newest text; bodyFirstLine is the file line the body starts on (1-based).
    void submit(const QString &markdown, int bodyFirstLine);
    void resume();     // after a pause: stop the slow rendering, render the newest text again
    void clearPause(); // another post: stop the slow rendering; its renderings have not been slow
    bool isPaused() const { return m_paused; }
    int latestGeneration() const { return m_latest; }

    RenderWorker *worker() const { return m_worker; } // for tests

Q_SIGNALS:
    void rendered(const QList<pw::RenderedBlock> &blocks, int generation); // the newest text's
    void paused(int milliseconds);                                         // the watchdog fired
    void failed(); // the renderer crashed on this text: paused, resume() tries again

private:
    struct Job
    {
        QString markdown;
        int bodyFirstLine = 1;
        int generation = 0;
    };

    void startNext();
    void onFinished(const QList<RenderedBlock> &blocks, int generation);
    void onCrashed();
    void onWatchdog();
    void stopStuckRendering();

    RenderWorker *m_worker;
    std::optional<Job> m_waiting;
    std::optional<Job> m_lastSubmitted;
    int m_latest = 0;
    bool m_paused = false;
    QTimer m_watchdog;
    QTimer m_stopTimer;
};

} // namespace pw
