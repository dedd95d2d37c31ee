#pragma once

// Renders one text at a time in the render worker process (postwright-render-worker), so that a
// rendering can really be stopped: stop() kills the process, which frees its core at once, and the
// next rendering starts a new one. The process stays between renderings (a keystroke costs two
// pipe writes, not a process start). When the worker program cannot be started, renderings run
// on a thread of this process instead, and stop() can only abandon them.

#include "markdown/markdownrenderer.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

class QProcess;

namespace pw {

class RenderWorker : public QObject
{
    Q_OBJECT

public:
    explicit RenderWorker(QObject *parent = nullptr);
    ~RenderWorker() override;

    // One rendering at a time: call again only after finished() or stop().
    void render(const QString &markdown, int bodyFirstLine, int generation);
    void stop(); // the rendering running now, if any, ends (its process is killed) unfinished
    bool isRendering() const { return m_rendering; }

    // The worker process's id, 0 when none runs (for tests: is the stuck one gone?).
    qint64 processId() const;
    static QString workerProgram(); // where postwright-render-worker is, or empty
    bool rendersOnThread() const { return m_useThread; }

Q_SIGNALS:
    void finished(const QList<pw::RenderedBlock> &blocks, int generation);
    void crashed(int generation); // the worker died rendering it (it is not tried again)

private:
    void startProcess();
    void onOutput();
    void onProcessGone(bool failedToStart);
    void killProcess();
    void renderOnThread(const QString &markdown, int bodyFirstLine, int generation);

    QProcess *m_process = nullptr;
    QByteArray m_received;
    QList<RenderedBlock> m_blocks; // the process's last rendering (its replies are edits of it)
    bool m_rendering = false;
    bool m_useThread = false;
    int m_generation = 0;
    QString m_markdown; // the text being rendered, in case it must go to the thread
    int m_bodyFirstLine = 1;
    QObject *m_threadJob = nullptr; // the thread rendering now; forgotten to abandon it
};

} // namespace pw
