// Keystroke to preview updated: the time from PreviewWidget::setMarkdown() (one character typed in
// the middle of the post) to rendered() (the page's DOM patched), for a 5 KB post, a 100 KB post
// and a 1 MB document, against the time cmark-gfm's own render of the same text takes in the same
// run (cmark_parser + extensions + cmark_render_html, nothing else). Also, per keystroke: our
// renderer alone as the preview runs it (blocks only, in this process), and the page's own time
// to apply the edit (window.pwLastPatchMs). The rest is the worker process and QWebChannel.
//
//   QT_QPA_PLATFORM=offscreen build-preview/bin/bench_preview [keystrokes=60]
//
// The posts are Hugo's documentation pages (tests/data/hugo-docs) put end to end: real Markdown
// with code, tables, lists and shortcodes.

#include "markdown/markdownrenderer.h"
#include "preview/previewview.h"
#include "preview/previewwidget.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <QApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <QTextStream>
#include <QWebEnginePage>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace {

QString corpusText(qsizetype bytes)
{
    QStringList files;
    QDirIterator it(QStringLiteral(POSTWRIGHT_SOURCE_DIR "/tests/data/hugo-docs/content"),
                    {QStringLiteral("*.md")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    QString text;
    while (text.toUtf8().size() < bytes) {
        for (const QString &name : std::as_const(files)) {
            QFile file(name);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            QString page = QString::fromUtf8(file.readAll());
            if (page.startsWith(QLatin1String("---"))) // the body only, as the preview gets it
                page = page.mid(page.indexOf(QLatin1String("\n---"), 3) + 4);
            text += page + QLatin1Char('\n');
            if (text.toUtf8().size() >= bytes)
                break;
        }
    }
    return text.left(bytes);
}

double bareCmarkRenderMs(const QByteArray &utf8)
{
    cmark_gfm_core_extensions_ensure_registered();
    QElapsedTimer timer;
    timer.start();
    const int options = CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES | CMARK_OPT_UNSAFE;
    cmark_parser *parser = cmark_parser_new(options);
    for (const char *name : {"table", "strikethrough", "autolink", "tagfilter", "tasklist"})
        cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(name));
    cmark_parser_feed(parser, utf8.constData(), size_t(utf8.size()));
    cmark_node *document = cmark_parser_finish(parser);
    char *html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser));
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    cmark_get_default_mem_allocator()->free(html);
    cmark_node_free(document);
    cmark_parser_free(parser);
    return ms;
}

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const qsizetype index
        = std::min(values.size() - 1, qsizetype(p * double(values.size() - 1) + 0.5));
    return values[index];
}

double pagePatchMs(pw::PreviewWidget &preview)
{
    double ms = -1;
    bool done = false;
    preview.view()->page()->runJavaScript(QStringLiteral("window.pwLastPatchMs"),
                                          [&](const QVariant &value) {
                                              ms = value.toDouble();
                                              done = true;
                                          });
    if (!QTest::qWaitFor([&] { return done; }, 30'000))
        qWarning("the page did not answer");
    return ms;
}

struct Result
{
    double preview50, preview95, wrapper50, page50, page95, bare50, bare95, submit95;
};

Result measure(pw::PreviewWidget &preview, qsizetype bytes, int keystrokes)
{
    QString text = corpusText(bytes);
    QSignalSpy rendered(&preview, &pw::PreviewWidget::rendered);
    preview.setMarkdown(text, 1); // the post as opened
    rendered.wait(120'000);
    QList<double> previewMs, wrapperMs, pageMs, bareMs, submitMs;
    const qsizetype middle = text.size() / 2;
    for (int i = 0; i < keystrokes; ++i) {
        text.insert(middle + i, QLatin1Char('x')); // typing in the middle of the post
        rendered.clear();
        QElapsedTimer timer;
        timer.start();
        preview.setMarkdown(text, 1);
        submitMs.append(double(timer.nsecsElapsed()) / 1e6); // what the keystroke itself waits
        if (!rendered.wait(120'000))
            qFatal("the preview did not update");
        previewMs.append(double(timer.nsecsElapsed()) / 1e6);
        pageMs.append(pagePatchMs(preview));
        // The peers, interleaved with the keystrokes so all see the same machine load.
        bareMs.append(bareCmarkRenderMs(text.toUtf8()));
        QElapsedTimer wrapperTimer;
        wrapperTimer.start();
        pw::RenderOptions options = pw::postRenderOptions(1);
        options.documentHtml = false; // as the preview renders: blocks only
        const pw::RenderedPost post = pw::renderMarkdown(text, options);
        wrapperMs.append(double(wrapperTimer.nsecsElapsed()) / 1e6);
        Q_UNUSED(post)
    }
    return {percentile(previewMs, 0.5), percentile(previewMs, 0.95), percentile(wrapperMs, 0.5),
            percentile(pageMs, 0.5),    percentile(pageMs, 0.95),    percentile(bareMs, 0.5),
            percentile(bareMs, 0.95),   percentile(submitMs, 0.95)};
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    pw::registerPreviewSchemes();
    QApplication app(argc, argv);
    const int keystrokes = argc > 1 ? std::atoi(argv[1]) : 60;

    pw::PreviewWidget preview;
    preview.resize(900, 1000);
    preview.show();
    preview.setRenderTimeLimit(60'000); // measure, do not pause

    std::printf("| size | keystrokes | preview p50 | preview p95 | renderMarkdown p50 | "
                "page patch p50 | page patch p95 | cmark-gfm p50 | cmark-gfm p95 | "
                "p95 / cmark p50 | setMarkdown() p95 |\n");
    std::printf("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (const auto &[label, bytes] :
         {std::pair{"5 KB", qsizetype(5 * 1024)}, std::pair{"100 KB", qsizetype(100 * 1024)},
          std::pair{"1 MB", qsizetype(1024 * 1024)}}) {
        const Result r = measure(preview, bytes, keystrokes);
        std::printf("| %s | %d | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.2f ms | "
                    "%.2f ms | %.2fx | %.2f ms |\n",
                    label, keystrokes, r.preview50, r.preview95, r.wrapper50, r.page50, r.page95,
                    r.bare50, r.bare95, r.preview95 / r.bare50, r.submit95);
        std::fflush(stdout);
    }
    return 0;
}
