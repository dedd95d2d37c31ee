// Typing latency with highlighting on: the time per character typed at the end and in the middle
// of a 1 MB post, in the Markdown editor and, as the peer in the same run, in a plain
// QPlainTextEdit without highlighting. Each keystroke is a real key event followed by a
// synchronous repaint of the viewport, so layout and painting are part of what is measured.
//
// Usage: QT_QPA_PLATFORM=offscreen bench_typing [megabytes=1] [keystrokes=400] [rounds=3]

#include "widgets/markdowneditor.h"
#include "writing/markdownhighlighter.h"

#include <QApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTest>
#include <QTextBlock>

#include <algorithm>
#include <cstdio>

namespace {

// Real posts (Hugo's documentation, in tests/data) one after another behind one front-matter
// block, until the text has the size asked for.
QString corpus(qsizetype bytes)
{
    QStringList bodies;
    qsizetype size = 0;
    const QString root = QStringLiteral(POSTWRIGHT_TEST_DATA_DIR "/hugo-docs/content");
    while (size < bytes) {
        QDirIterator it(root, {QStringLiteral("*.md")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext() && size < bytes) {
            QFile file(it.next());
            if (!file.open(QIODevice::ReadOnly))
                continue;
            QString text = QString::fromUtf8(file.readAll());
            if (text.startsWith(QStringLiteral("---\n"))) {
                const qsizetype end = text.indexOf(QStringLiteral("\n---\n"), 4);
                if (end > 0)
                    text = text.mid(end + 5);
            }
            size += text.toUtf8().size();
            bodies.append(text);
        }
    }
    return QStringLiteral("---\ntitle: \"A very long post\"\nlang: en-US\ntags: [bench]\n---\n\n")
           + bodies.join(QLatin1Char('\n'));
}

struct Timing
{
    double medianMs = 0;
    double p95Ms = 0;
};

// Types `count` characters at `position` (a word, then a space, as a writer does) and returns
// the per-keystroke times.
Timing typeAt(QPlainTextEdit &editor, int position, int count)
{
    QTextCursor cursor(editor.document());
    cursor.setPosition(position);
    editor.setTextCursor(cursor);
    editor.ensureCursorVisible();
    editor.viewport()->repaint();
    static const QString text = QStringLiteral("lorem ipsum dolor sit amet ");
    QList<double> times;
    QElapsedTimer timer;
    for (int i = 0; i < count; ++i) {
        const QChar c = text.at(i % text.size());
        timer.start();
        QTest::keyClick(&editor, c.toLatin1());
        editor.viewport()->repaint();
        times.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    // Undo the typing so every round starts from the same text.
    for (int i = 0; i < count && editor.document()->isUndoAvailable(); ++i)
        editor.undo();
    return {times.at(times.size() / 2), times.at(int(times.size() * 0.95))};
}

double timeOnce(const std::function<void()> &work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const double megabytes = args.size() > 1 ? args.at(1).toDouble() : 1.0;
    const int keystrokes = args.size() > 2 ? args.at(2).toInt() : 400;
    const int rounds = args.size() > 3 ? args.at(3).toInt() : 3;

    const QString text = corpus(qsizetype(megabytes * 1024 * 1024));
    const int lines = int(text.count(QLatin1Char('\n'))) + 1;
    std::printf("document: %.2f MB UTF-8, %d lines, %d keystrokes per position, %d rounds\n",
                double(text.toUtf8().size()) / (1024 * 1024), lines, keystrokes, rounds);

    QPlainTextEdit plain;
    pw::MarkdownEditor bare; // the editor's own work per keystroke, without highlighting
    bare.setSpellCheckingEnabled(false);
    bare.highlighter()->setDocument(nullptr);
    pw::MarkdownEditor highlighted;
    highlighted.setSpellCheckingEnabled(false);
    pw::MarkdownEditor spelled; // highlighting and spell checking (en_US, from the post's lang)
    struct Peer
    {
        const char *name;
        QPlainTextEdit *editor;
        Timing end, middle;
        double loadMs = 0;
    };
    Peer peers[] = {{"plain QPlainTextEdit (peer)", &plain, {}, {}, 0},
                    {"MarkdownEditor, highlighter detached", &bare, {}, {}, 0},
                    {"MarkdownEditor, highlighting", &highlighted, {}, {}, 0},
                    {"MarkdownEditor, highlighting + spelling", &spelled, {}, {}, 0}};
    for (Peer &peer : peers) {
        peer.editor->resize(1000, 800);
        peer.editor->show();
        QCoreApplication::processEvents();
        peer.loadMs = timeOnce([&] {
            peer.editor->setPlainText(text);
            QCoreApplication::processEvents(); // the highlighter's queued first pass
            peer.editor->viewport()->repaint();
        });
        // The spelling language is picked up after the first pause in typing.
        QTest::qWait(400);
        QCoreApplication::processEvents();
    }
    std::printf("spelling dictionary: %s\n", qPrintable(spelled.spellingDictionary()));

    // Interleaved rounds; the fastest round of each is kept (the least disturbed on a shared
    // machine).
    for (int round = 0; round < rounds; ++round) {
        for (Peer &peer : peers) {
            const int end = peer.editor->document()->characterCount() - 1;
            const int middle = peer.editor->document()->findBlockByNumber(lines / 2).position();
            const Timing atEnd = typeAt(*peer.editor, end, keystrokes);
            const Timing atMiddle = typeAt(*peer.editor, middle, keystrokes);
            if (round == 0 || atEnd.medianMs < peer.end.medianMs)
                peer.end = atEnd;
            if (round == 0 || atMiddle.medianMs < peer.middle.medianMs)
                peer.middle = atMiddle;
        }
    }

    // A keystroke that changes block states: opening a code fence in the middle turns the text
    // after it into code up to the next fence line, and every block on the way is re-highlighted.
    const double fenceMs = timeOnce([&] {
        QTextCursor cursor(highlighted.document()->findBlockByNumber(lines / 2));
        cursor.insertText(QStringLiteral("```\n"));
        highlighted.viewport()->repaint();
    });

    std::printf("\n| editor | load (ms) | end: median / p95 (ms) | middle: median / p95 (ms) | "
                "ratio end | ratio middle |\n|---|---|---|---|---|---|\n");
    for (const Peer &peer : peers) {
        std::printf("| %s | %.0f | %.3f / %.3f | %.3f / %.3f | %.2fx | %.2fx |\n", peer.name,
                    peer.loadMs, peer.end.medianMs, peer.end.p95Ms, peer.middle.medianMs,
                    peer.middle.p95Ms, peer.end.medianMs / peers[0].end.medianMs,
                    peer.middle.medianMs / peers[0].middle.medianMs);
    }
    std::printf(
        "\nopening a code fence mid-document (re-highlights up to the next fence): %.1f ms\n",
        fenceMs);
    return 0;
}
