#pragma once

// Renders Markdown off the GUI thread, one rendering at a time, always of the newest text: text
// that arrives while a rendering runs waits, and only the newest waiting text is rendered next
// (so a burst of keystrokes costs one rendering, and nothing stale is shown). A rendering that
// runs longer than the watchdog allows pauses the scheduler until resume(): cmark-gfm cannot be
// interrupted, but typing never waits on it, and no new rendering piles up behind it.

#include "markdown/markdownrenderer.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

#include <optional>

namespace pw {

class RenderScheduler : public QObject
{
    Q_OBJECT

public:
    explicit RenderScheduler(QObject *parent = nullptr);
    ~RenderScheduler() override;

    void setWatchdogInterval(int milliseconds) { m_watchdog.setInterval(milliseconds); }

    // Queues the newest text; bodyFirstLine is the file line the body starts on (1-based).
    void submit(const QString &markdown, int bodyFirstLine);
    void resume();     // after a pause: render the newest text again
    void clearPause(); // another post: its renderings have not been slow
    bool isPaused() const { return m_paused; }
    int latestGeneration() const { return m_latest; }

Q_SIGNALS:
    void rendered(const QList<pw::RenderedBlock> &blocks, int generation); // the newest text's
    void paused(int milliseconds);                      // the watchdog fired

private:
    struct Job
    {
        QString markdown;
        int bodyFirstLine = 1;
        int generation = 0;
    };

    void startNext();
    void onFinished();
    void onWatchdog();

    std::optional<Job> m_waiting;
    std::optional<Job> m_lastSubmitted;
    QFutureWatcher<RenderedPost> *m_watcher = nullptr; // the rendering running now, if any
    int m_runningGeneration = 0;
    int m_latest = 0;
    bool m_paused = false;
    QTimer m_watchdog;
};

} // namespace pw
