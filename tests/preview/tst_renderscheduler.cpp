// RenderScheduler: renders off the GUI thread, coalesces bursts to the newest text, never shows a
// stale result, and pauses (without blocking the GUI thread) when a rendering runs too long.

#include "stuckrendering.h"

#include "markdown/markdownrenderer.h"
#include "preview/renderscheduler.h"
#include "preview/renderworker.h"

#include <signal.h>

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace pw;
using namespace pw::test;

namespace {

constexpr int patience = 60'000;

// The document a rendered() signal carried, as `postwright-cli render` prints it.
QString shownHtml(const QList<QVariant> &signalArguments)
{
    return joinBlocks(signalArguments.at(0).value<QList<RenderedBlock>>());
}

QString bigPost(qsizetype bytes)
{
    QString text;
    while (text.size() < bytes)
        text += QStringLiteral("## Part\n\nText with *emphasis*, `code` and a [link](x.html).\n\n");
    return text;
}

} // namespace

class tst_RenderScheduler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rendersWithLineOffset();
    void burstIsCoalescedToTheNewestText();
    void neverShowsAStaleResult();
    void slowRenderingPausesWithoutBlockingTheGuiThread();
    void resumeRendersTheNewestText();
    void anotherPostClearsThePause();
    void stuckRenderingIsStopped_data();
    void stuckRenderingIsStopped();
    void stuckRenderingIsStoppedWhenNobodyResumes();
    void crashedWorkerPausesAndRecovers();
    void withoutTheWorkerRendersOnAThread();
};

void tst_RenderScheduler::rendersWithLineOffset()
{
    RenderScheduler scheduler;
    QSignalSpy rendered(&scheduler, &RenderScheduler::rendered);
    scheduler.submit(QStringLiteral("# Title\n"), 7);
    QVERIFY(rendered.wait(patience));
    RenderOptions options;
    options.lineOffset = 6;
    QCOMPARE(shownHtml(rendered.first()),
             renderMarkdown(QStringLiteral("# Title\n"), options).html);
    QCOMPARE(rendered.first().at(1).toInt(), scheduler.latestGeneration());
}

void tst_RenderScheduler::burstIsCoalescedToTheNewestText()
{
    RenderScheduler scheduler;
    QSignalSpy rendered(&scheduler, &RenderScheduler::rendered);
    // 200 keystrokes arrive while the first rendering (of a large text) runs.
    const QString base = bigPost(512 * 1024);
    QString text = base;
    for (int i = 0; i < 200; ++i) {
        text += QLatin1Char('x');
        scheduler.submit(text, 1);
    }
    QTRY_VERIFY_WITH_TIMEOUT(!rendered.isEmpty()
                                 && rendered.last().at(1).toInt() == scheduler.latestGeneration(),
                             patience);
    QCOMPARE(shownHtml(rendered.last()), renderMarkdown(text).html);
    // The first text was running, the newest waited: nothing in between was rendered and shown.
    QVERIFY2(rendered.size() <= 2, qPrintable(QString::number(rendered.size())));
}

void tst_RenderScheduler::neverShowsAStaleResult()
{
    RenderScheduler scheduler;
    QList<int> shown;
    QList<int> latestWhenShown;
    connect(&scheduler, &RenderScheduler::rendered, this,
            [&](const QList<RenderedBlock> &, int generation) {
                shown.append(generation);
                latestWhenShown.append(scheduler.latestGeneration());
            });
    const QString base = bigPost(128 * 1024);
    for (int round = 0; round < 20; ++round) {
        scheduler.submit(base + QString::number(round), 1);
        QTest::qWait(round % 3); // keystrokes at irregular intervals
    }
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty() && shown.last() == scheduler.latestGeneration(),
                             patience);
    QCOMPARE(shown, latestWhenShown); // each result was the newest text at the time it arrived
}

void tst_RenderScheduler::slowRenderingPausesWithoutBlockingTheGuiThread()
{
    RenderScheduler scheduler;
    scheduler.setWatchdogInterval(1); // no 4 MB post renders in 1 ms
    QSignalSpy paused(&scheduler, &RenderScheduler::paused);
    QSignalSpy rendered(&scheduler, &RenderScheduler::rendered);
    const QString huge = bigPost(4 * 1024 * 1024);
    QElapsedTimer clock;
    clock.start();
    scheduler.submit(huge, 1);
    QVERIFY2(clock.elapsed() < 200, "submit() must not wait for the rendering");
    QVERIFY(paused.wait(patience));
    QVERIFY(scheduler.isPaused());
    // The GUI thread keeps turning while the rendering runs on: timers fire on time.
    qint64 longestGap = 0;
    qint64 last = clock.elapsed();
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&] {
        longestGap = qMax(longestGap, clock.elapsed() - last);
        last = clock.elapsed();
    });
    ticker.start(5);
    scheduler.submit(huge + QStringLiteral("more"), 1); // waits: paused
    QTest::qWait(300);
    QVERIFY2(longestGap < 200, qPrintable(QString::number(longestGap)));
    // The text that came while paused is not rendered.
    QVERIFY(scheduler.isPaused());
    for (const QList<QVariant> &result : std::as_const(rendered))
        QVERIFY(result.at(1).toInt() != scheduler.latestGeneration());
}

void tst_RenderScheduler::resumeRendersTheNewestText()
{
    RenderScheduler scheduler;
    scheduler.setWatchdogInterval(1);
    QSignalSpy paused(&scheduler, &RenderScheduler::paused);
    QSignalSpy rendered(&scheduler, &RenderScheduler::rendered);
    scheduler.submit(bigPost(4 * 1024 * 1024), 1);
    QVERIFY(paused.wait(patience));
    scheduler.submit(QStringLiteral("small *text*\n"), 1);
    scheduler.setWatchdogInterval(60'000);
    scheduler.resume();
    QVERIFY(!scheduler.isPaused());
    QTRY_VERIFY_WITH_TIMEOUT(!rendered.isEmpty()
                                 && rendered.last().at(1).toInt() == scheduler.latestGeneration(),
                             patience);
    QCOMPARE(shownHtml(rendered.last()), renderMarkdown(QStringLiteral("small *text*\n")).html);
}

void tst_RenderScheduler::anotherPostClearsThePause()
{
    RenderScheduler scheduler;
    scheduler.setWatchdogInterval(1);
    QSignalSpy paused(&scheduler, &RenderScheduler::paused);
    scheduler.submit(bigPost(4 * 1024 * 1024), 1);
    QVERIFY(paused.wait(patience));
    scheduler.clearPause();
    QVERIFY(!scheduler.isPaused());
}

void tst_RenderScheduler::stuckRenderingIsStopped_data()
{
    QTest::addColumn<bool>("anotherPost");
    QTest::newRow("nominal: resumed") << false;
    QTest::newRow("nominal: another post opened") << true;
}

// The stuck rendering's process is killed, so its core is free again, and the newest text renders
// in a new worker right away.
void tst_RenderScheduler::stuckRenderingIsStopped()
{
    QFETCH(bool, anotherPost);
    RenderScheduler scheduler;
    scheduler.setWatchdogInterval(300);
    QSignalSpy paused(&scheduler, &RenderScheduler::paused);
    QSignalSpy rendered(&scheduler, &RenderScheduler::rendered);
    QElapsedTimer clock;
    clock.start();
    scheduler.submit(pathologicalPost(), 1);
    QVERIFY2(clock.elapsed() < 200, "submit() must not wait for the rendering");
    QVERIFY(paused.wait(patience));
    const qint64 stuck = scheduler.worker()->processId();
    QVERIFY(stuck > 0);
    QVERIFY(!processIsGone(stuck)); // still rendering, burning its core

    scheduler.submit(QStringLiteral("Fixed *text*\n"), 1);
    scheduler.setWatchdogInterval(60'000);
    if (anotherPost)
        scheduler.clearPause();
    else
        scheduler.resume();
    QVERIFY(!scheduler.isPaused());
    // At once, not when the rendering would have finished (over ten seconds later).
    QTRY_VERIFY_WITH_TIMEOUT(processIsGone(stuck), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!rendered.isEmpty(), patience);
    QCOMPARE(shownHtml(rendered.last()), renderMarkdown(QStringLiteral("Fixed *text*\n")).html);
    QCOMPARE(rendered.last().at(1).toInt(), scheduler.latestGeneration());
    QVERIFY(scheduler.worker()->processId() != stuck);
}

// Paused and left alone: the stuck rendering does not burn a core for minutes; resuming later
// still renders the newest text.
void tst_RenderScheduler::stuckRenderingIsStoppedWhenNobodyResumes()
{
    RenderScheduler scheduler;
    scheduler.setWatchdogInterval(300);
    scheduler.setStopInterval(500);
    QSignalSpy paused(&scheduler, &RenderScheduler::paused);
    QSignalSpy rendered(&scheduler, &RenderScheduler::rendered);
    scheduler.submit(pathologicalPost(), 1);
    QVERIFY(paused.wait(patience));
    const qint64 stuck = scheduler.worker()->processId();
    QVERIFY(stuck > 0);
    QTRY_VERIFY_WITH_TIMEOUT(processIsGone(stuck), 5000); // not in ten seconds' time
    QVERIFY(scheduler.isPaused());
    QVERIFY(!scheduler.worker()->isRendering());
    scheduler.submit(QStringLiteral("later\n"), 1);
    scheduler.resume();
    QTRY_VERIFY_WITH_TIMEOUT(!rendered.isEmpty(), patience);
    QCOMPARE(shownHtml(rendered.last()), renderMarkdown(QStringLiteral("later\n")).html);
}

// Something else kills the worker mid-rendering: the preview pauses instead of trying the same
// text again, and resuming renders with a new worker.
void tst_RenderScheduler::crashedWorkerPausesAndRecovers()
{
    RenderScheduler scheduler;
    scheduler.setWatchdogInterval(60'000);
    QSignalSpy failed(&scheduler, &RenderScheduler::failed);
    QSignalSpy rendered(&scheduler, &RenderScheduler::rendered);
    scheduler.submit(pathologicalPost(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(scheduler.worker()->processId() > 0, patience);
    QVERIFY(::kill(pid_t(scheduler.worker()->processId()), SIGKILL) == 0);
    QVERIFY(failed.wait(patience));
    QVERIFY(scheduler.isPaused());
    QVERIFY(rendered.isEmpty());
    scheduler.submit(QStringLiteral("after\n"), 1);
    scheduler.resume();
    QTRY_VERIFY_WITH_TIMEOUT(!rendered.isEmpty(), patience);
    QCOMPARE(shownHtml(rendered.last()), renderMarkdown(QStringLiteral("after\n")).html);
}

// No worker program (a broken installation): the preview still works, on a thread of the app.
void tst_RenderScheduler::withoutTheWorkerRendersOnAThread()
{
    qputenv("POSTWRIGHT_RENDER_WORKER", QByteArray(POSTWRIGHT_BINARY_DIR "/no-such-worker"));
    RenderScheduler scheduler;
    QSignalSpy rendered(&scheduler, &RenderScheduler::rendered);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("postwright-render-worker not found"));
    scheduler.submit(QStringLiteral("# Title\n\nText\n"), 4);
    QVERIFY(rendered.wait(patience));
    qunsetenv("POSTWRIGHT_RENDER_WORKER");
    QVERIFY(scheduler.worker()->rendersOnThread());
    QCOMPARE(scheduler.worker()->processId(), 0);
    QCOMPARE(shownHtml(rendered.last()),
             renderPostBody(QStringLiteral("# Title\n\nText\n"), 4).html);
}

QTEST_GUILESS_MAIN(tst_RenderScheduler)
#include "tst_renderscheduler.moc"
