// The live preview as the main window uses it, in a real offscreen QWebEngineView: content is
// patched in place (same DOM nodes, same scroll position, no reload), scroll sync works both ways
// by source line, images resolve as the site serves them, and a slow rendering pauses the live
// preview until it is resumed.

#include "pagescript.h"
#include "stuckrendering.h"

#include "markdown/markdownrenderer.h"
#include "preview/previewview.h"
#include "preview/previewwidget.h"
#include "preview/renderscheduler.h"
#include "preview/renderworker.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace pw;
using namespace pw::test;

namespace {

constexpr int patience = 60'000;

void writeImage(const QString &path, int width)
{
    QImage image(width, 3, QImage::Format_RGB32);
    image.fill(Qt::blue);
    QVERIFY(image.save(path));
}

// text as a JavaScript string literal
QString jsString(const QString &text)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact))
        .chopped(1)
        .mid(1);
}

QString longPost(int paragraphs)
{
    QString text = QStringLiteral("# Title\n\n");
    for (int i = 1; i <= paragraphs; ++i)
        text += QStringLiteral("Paragraph %1 with enough words to wrap once or twice in a narrow "
                               "preview, so that blocks have some height.\n\n")
                    .arg(i);
    return text;
}

} // namespace

class tst_PreviewWidget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void rendersTheBody();
    void patchesInPlace();
    void patchedPageIsWhatTheCliPrints_data();
    void patchedPageIsWhatTheCliPrints();
    void markdownInRawHtmlNestsInIt_data();
    void markdownInRawHtmlNestsInIt();
    void aPageThatLostTrackIsSentEverything();
    void followsTheEditorByLine_data();
    void followsTheEditorByLine();
    void blankLineLandsBetweenItsBlocks();
    void reportsTheLineWhenTheUserScrolls();
    void imagesResolveAsTheSiteServesThem_data();
    void imagesResolveAsTheSiteServesThem();
    void shortcodesShowAsPlaceholders();
    void darkModeAndTheBlogsStyleSheet();
    void codeIsHighlightedAndMathTypeset();
    void mathIsTypesetByKatex_data();
    void mathIsTypesetByKatex();
    void slowRenderingPausesUntilResumed();
    void anotherPostStopsAStuckRendering();
    void thePausedPostIsTheOneShown_data();
    void thePausedPostIsTheOneShown();

private:
    QVariant js(const QString &script) { return evaluate(m_preview->view()->page(), script); }
    void show(const QString &markdown, int firstLine = 1);

    QTemporaryDir m_root;
    QString m_site;
    QString m_post;
    std::unique_ptr<PreviewWidget> m_preview;
};

void tst_PreviewWidget::initTestCase()
{
    QVERIFY(m_root.isValid());
    m_site = m_root.filePath(QStringLiteral("blog"));
    QVERIFY(QDir().mkpath(m_site + QStringLiteral("/content/posts/bundle")));
    QVERIFY(QDir().mkpath(m_site + QStringLiteral("/static/images")));
    QVERIFY(QDir().mkpath(m_site + QStringLiteral("/content/posts/shared")));
    m_post = m_site + QStringLiteral("/content/posts/bundle/index.md");
    writeImage(m_site + QStringLiteral("/content/posts/bundle/cover.png"), 11);
    QVERIFY(QDir().mkpath(m_site + QStringLiteral("/content/posts/bundle/gallery")));
    writeImage(m_site + QStringLiteral("/content/posts/bundle/gallery/one.png"), 12);
    writeImage(m_site + QStringLiteral("/static/images/logo.png"), 13);
    writeImage(m_site + QStringLiteral("/content/posts/shared/up.png"), 14);
    QFile css(m_site + QStringLiteral("/static/blog.css"));
    QVERIFY(css.open(QIODevice::WriteOnly));
    css.write("body { background-color: rgb(1, 2, 3); } p { color: rgb(4, 5, 6); }");
}

void tst_PreviewWidget::init()
{
    m_preview = std::make_unique<PreviewWidget>();
    m_preview->resize(700, 500);
    m_preview->show();
    m_preview->setSite(m_site, QStringLiteral("static"));
    m_preview->setPostPath(m_post);
}

void tst_PreviewWidget::cleanup()
{
    m_preview.reset();
}

void tst_PreviewWidget::show(const QString &markdown, int firstLine)
{
    QSignalSpy rendered(m_preview.get(), &PreviewWidget::rendered);
    m_preview->setMarkdown(markdown, firstLine);
    QVERIFY(rendered.wait(patience));
}

void tst_PreviewWidget::rendersTheBody()
{
    show(QStringLiteral("# Hello\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n"), 5);
    QCOMPARE(js(QStringLiteral("document.querySelector('#pw-content h1').textContent")).toString(),
             QStringLiteral("Hello"));
    // Lines count in the file (the body starts on line 5); inside a block, from its first line.
    QCOMPARE(js(QStringLiteral("pwContentInFileLines().querySelector('h1').dataset.sourcepos"))
                 .toString(),
             QStringLiteral("5:1-5:7"));
    QCOMPARE(js(QStringLiteral("document.querySelectorAll('#pw-content td').length")).toInt(), 2);
    QVERIFY(js(QStringLiteral("document.querySelector('#pw-content input[type=checkbox]').checked"))
                .toBool());
}

// Typing changes one paragraph: the other nodes are the very same DOM nodes, the scroll position
// stays, and the page was not loaded again.
void tst_PreviewWidget::patchesInPlace()
{
    show(longPost(60));
    js(QStringLiteral("window.__loadMark = 1;"
                      "document.querySelectorAll('#pw-content p')[2].__mark = 'kept';"
                      "window.scrollTo(0, 900);"));
    QTRY_COMPARE_WITH_TIMEOUT(js(QStringLiteral("Math.round(window.scrollY)")).toInt(), 900,
                              patience);
    QString edited = longPost(60);
    edited.replace(QStringLiteral("Paragraph 40 with"),
                   QStringLiteral("Paragraph 40, edited, with"));
    show(edited);
    QVERIFY(
        js(QStringLiteral("document.body.textContent.includes('Paragraph 40, edited')")).toBool());
    QCOMPARE(js(QStringLiteral("window.__loadMark")).toInt(), 1);
    QCOMPARE(js(QStringLiteral("document.querySelectorAll('#pw-content p')[2].__mark")).toString(),
             QStringLiteral("kept"));
    QCOMPARE(js(QStringLiteral("Math.round(window.scrollY)")).toInt(), 900);

    // A paragraph inserted at the top shifts every line below; the nodes still stay.
    show(QStringLiteral("New first paragraph.\n\n") + edited);
    QCOMPARE(js(QStringLiteral("window.__loadMark")).toInt(), 1);
    QCOMPARE(
        js(QStringLiteral("document.querySelectorAll('#pw-content p')[1].textContent")).toString(),
        QStringLiteral("Paragraph 1 with enough words to wrap once or twice in a narrow "
                       "preview, so that blocks have some height."));
}

void tst_PreviewWidget::patchedPageIsWhatTheCliPrints_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<int>("kept"); // top-level elements that are still the same DOM nodes
    const QString post
        = QStringLiteral("# Title\n\nFirst paragraph.\n\n- one\n- two\n\nLast paragraph.\n");
    auto edited = [&](const QString &from, const QString &to) {
        QString text = post;
        return text.replace(from, to);
    };
    QTest::newRow("nominal: a character typed in a paragraph")
        << post << edited("First paragraph.", "First paragraph!") << 4;
    QTest::newRow("nominal: a paragraph typed above") << post << "New.\n\n" + post << 4;
    QTest::newRow("nominal: a block deleted") << post << edited("First paragraph.\n\n", "") << 3;
    QTest::newRow("nominal: blank lines added between blocks")
        << post << edited("# Title\n", "# Title\n\n\n") << 4;
    QTest::newRow("nominal: a footnote added")
        << post << post.chopped(2) + "[^1].\n\n[^1]: The note.\n"
        << 4;
    QTest::newRow("nominal: a list item added")
        << post << edited("- two\n", "- two\n- three\n") << 4;
    QTest::newRow("nominal: a paragraph split in two")
        << post << edited("First paragraph.", "First\n\nparagraph.") << 4;
    QTest::newRow("nominal: raw HTML added")
        << post << edited("Last", "<div class=\"note\">\nhi\n</div>\n\nLast") << 4;
    QTest::newRow("robustness: everything deleted") << post << QString() << 0;
    QTest::newRow("robustness: from nothing") << QString() << post << 0;
    QTest::newRow("robustness: blocks reordered")
        << post << "Last paragraph.\n\n- one\n- two\n\nFirst paragraph.\n\n# Title\n"
        << 0;
    const QString details = edited("First paragraph.\n\n- one\n- two\n",
                                   "<details>\n<summary>Sum</summary>\n\nhidden text here\n\n"
                                   "- one\n- two\n\n</details>\n");
    QTest::newRow("robustness: Markdown wrapped in <details>") << post << details << 2;
    QTest::newRow("robustness: an edit inside <details>")
        << details << QString(details).replace("hidden text here", "hidden *text* edited") << 3;
    QTest::newRow("robustness: <details> closed, then opened again")
        << details << QString(details).replace("</details>\n", "") << 1;
}

// Only the blocks that changed are sent and patched; whatever the edit, the page ends up showing
// exactly what `postwright-cli render` prints for the text, and untouched blocks keep their nodes.
void tst_PreviewWidget::patchedPageIsWhatTheCliPrints()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(int, kept);
    show(before, 3);
    js(QStringLiteral(
        "for (const e of document.getElementById('pw-content').children) e.__mark = 1;"));
    show(after, 3);
    const QString cliHtml = renderPostBody(after, 3).html;
    const QString same
        = QStringLiteral("(function(){const t=document.createElement('template');t.innerHTML=%1;"
                         "return t.content.isEqualNode(pwContentInFileLines());})()");
    QVERIFY2(js(same.arg(jsString(cliHtml))).toBool(), qPrintable(cliHtml));
    QCOMPARE(js(QStringLiteral("Array.from(document.getElementById('pw-content').children)"
                               ".filter(e => e.__mark === 1).length"))
                 .toInt(),
             kept);
}

void tst_PreviewWidget::markdownInRawHtmlNestsInIt_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("selector"); // of the Markdown's element in the page
    QTest::addColumn<QString>("text");
    QTest::newRow("robustness: a paragraph inside <details>")
        << "<details>\n<summary>Sum</summary>\n\nhidden text here\n\n</details>\n\nAfter\n"
        << "details > p"
        << "hidden text here";
    QTest::newRow("robustness: Markdown inside <div class>")
        << "<div class=\"note\">\n\n**bold** words\n\n</div>\n"
        << "div.note > p > strong"
        << "bold";
}

// Raw HTML around Markdown wraps it in the page as in a browser reading the whole document.
void tst_PreviewWidget::markdownInRawHtmlNestsInIt()
{
    QFETCH(QString, markdown);
    QFETCH(QString, selector);
    QFETCH(QString, text);
    show(markdown);
    QCOMPARE(js(QStringLiteral("(document.querySelector('#pw-content %1') || {}).textContent")
                    .arg(selector))
                 .toString(),
             text);
}

// Something removed a block behind the page's back: the next edit cannot apply, so the page
// starts again from nothing and the host sends every block.
void tst_PreviewWidget::aPageThatLostTrackIsSentEverything()
{
    show(QStringLiteral("A.\n\nB.\n"));
    js(QStringLiteral("document.getElementById('pw-content').firstElementChild.remove()"));
    const QString after = QStringLiteral("New.\n\nA.\n\nB.\n");
    show(after);
    const QString same
        = QStringLiteral("(function(){const t=document.createElement('template');t.innerHTML=%1;"
                         "return t.content.isEqualNode(pwContentInFileLines()) &&"
                         " document.getElementById('pw-content').children.length === 3;})()");
    QTRY_VERIFY_WITH_TIMEOUT(js(same.arg(jsString(renderPostBody(after, 1).html))).toBool(),
                             patience);
}

void tst_PreviewWidget::followsTheEditorByLine_data()
{
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("expectedTopText");
    // longPost: line 1 "# Title", paragraph n on line 2n + 1.
    QTest::newRow("nominal: a paragraph's first line") << 61 << "Paragraph 30 ";
    QTest::newRow("nominal: the title") << 1 << "Title";
    QTest::newRow("robustness: past the end") << 5000 << "Paragraph 80 ";
}

void tst_PreviewWidget::followsTheEditorByLine()
{
    QFETCH(int, line);
    QFETCH(QString, expectedTopText);
    show(longPost(80));
    m_preview->scrollToSourceLine(line);
    // The block at the top of the view (just below its upper edge) is the one for that line.
    const QString topBlock = QStringLiteral(
        "(function(){const r=document.getElementById('pw-content').getBoundingClientRect();"
        "let e=document.elementFromPoint(r.left+r.width/2,8);"
        "while(e&&!e.dataset.sourcepos)e=e.parentElement;return e?e.textContent:'';})()");
    if (line >= 5000) { // the page cannot scroll past its end: the last paragraph is in view
        QTRY_VERIFY_WITH_TIMEOUT(
            js(QStringLiteral("window.scrollY+innerHeight>=document.body.scrollHeight-2")).toBool(),
            patience);
        return;
    }
    QTRY_VERIFY_WITH_TIMEOUT(js(topBlock).toString().startsWith(expectedTopText), patience);
}

void tst_PreviewWidget::blankLineLandsBetweenItsBlocks()
{
    show(longPost(80));
    m_preview->scrollToSourceLine(62); // the blank line between paragraphs 30 and 31
    const QString between = QStringLiteral(
        "(function(){const p=document.querySelectorAll('#pw-content p');"
        "const end=p[29].getBoundingClientRect().bottom, next=p[30].getBoundingClientRect().top;"
        "return end<=4&&next>=0;})()");
    QTRY_VERIFY_WITH_TIMEOUT(js(between).toBool(), patience);
}

void tst_PreviewWidget::reportsTheLineWhenTheUserScrolls()
{
    show(longPost(80));
    QSignalSpy lines(m_preview.get(), &PreviewWidget::sourceLineScrolled);
    // Scroll so that paragraph 50 (line 101) is at the top.
    js(QStringLiteral("const p=document.querySelectorAll('#pw-content p')[49];"
                      "window.scrollTo(0,p.getBoundingClientRect().top+window.scrollY-2)"));
    QTRY_VERIFY_WITH_TIMEOUT(!lines.isEmpty(), patience);
    QCOMPARE(lines.last().first().toInt(), 101);
    // The editor answering with that line does not move the preview again.
    const int y = js(QStringLiteral("Math.round(window.scrollY)")).toInt();
    m_preview->scrollToSourceLine(101);
    QTest::qWait(300);
    QCOMPARE(js(QStringLiteral("Math.round(window.scrollY)")).toInt(), y);
}

void tst_PreviewWidget::imagesResolveAsTheSiteServesThem_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("width");
    QTest::newRow("nominal: next to the post (page bundle)") << "cover.png" << 11;
    QTest::newRow("nominal: a bundle's subfolder") << "gallery/one.png" << 12;
    QTest::newRow("nominal: from the site's static folder") << "/images/logo.png" << 13;
    QTest::newRow("nominal: elsewhere in the blog") << "../shared/up.png" << 14;
    QTest::newRow("robustness: missing file") << "nothere.png" << 0;
    QTest::newRow("robustness: outside the blog") << "../../../../../../etc/hostname" << 0;
}

void tst_PreviewWidget::imagesResolveAsTheSiteServesThem()
{
    QFETCH(QString, source);
    QFETCH(int, width);
    show(QStringLiteral("![picture](%1)\n").arg(source));
    QTRY_COMPARE_WITH_TIMEOUT(
        js(QStringLiteral("(function(){const i=document.querySelector('#pw-content img');"
                          "return i.complete?i.naturalWidth:-1;})()"))
            .toInt(),
        width, patience);
}

void tst_PreviewWidget::shortcodesShowAsPlaceholders()
{
    show(QStringLiteral("Before {{< youtube abc >}} after\n"));
    QCOMPARE(js(QStringLiteral("document.querySelector('#pw-content .pw-shortcode').textContent"))
                 .toString(),
             QStringLiteral("youtube abc"));
    QCOMPARE(js(QStringLiteral("getComputedStyle(document.querySelector('.pw-shortcode'))"
                               ".borderTopStyle"))
                 .toString(),
             QStringLiteral("dashed"));
}

void tst_PreviewWidget::darkModeAndTheBlogsStyleSheet()
{
    show(QStringLiteral("Some text.\n"));
    const QString background = QStringLiteral("getComputedStyle(document.body).backgroundColor");
    const QString light = js(QStringLiteral("getComputedStyle(document.documentElement)"
                                            ".backgroundColor"))
                              .toString();
    m_preview->setDarkMode(true);
    QTRY_VERIFY_WITH_TIMEOUT(js(QStringLiteral("document.documentElement.classList.contains("
                                               "'pw-dark')"))
                                 .toBool(),
                             patience);
    QTRY_VERIFY_WITH_TIMEOUT(js(QStringLiteral("getComputedStyle(document.documentElement)"
                                               ".backgroundColor"))
                                     .toString()
                                 != light,
                             patience);
    m_preview->setCustomStyleSheet(m_site + QStringLiteral("/static/blog.css"));
    QTRY_COMPARE_WITH_TIMEOUT(js(background).toString(), QStringLiteral("rgb(1, 2, 3)"), patience);
    QCOMPARE(js(QStringLiteral("getComputedStyle(document.querySelector('#pw-content p')).color"))
                 .toString(),
             QStringLiteral("rgb(4, 5, 6)"));
    m_preview->setCustomStyleSheet(QString());
    QTRY_VERIFY_WITH_TIMEOUT(js(background).toString() != u"rgb(1, 2, 3)", patience);
}

void tst_PreviewWidget::codeIsHighlightedAndMathTypeset()
{
    m_preview->setMathEnabled(true);
    show(QStringLiteral("```cpp\nint main() { return 0; }\n```\n\nEnergy: $$E = mc^2$$\n"));
    QTRY_VERIFY_WITH_TIMEOUT(
        js(QStringLiteral("document.querySelectorAll('#pw-content pre code.hljs .hljs-keyword')"
                          ".length"))
                .toInt()
            >= 1,
        patience);
    QTRY_VERIFY_WITH_TIMEOUT(
        js(QStringLiteral("!!document.querySelector('#pw-content .katex')")).toBool(), patience);
    // An edit elsewhere keeps the highlighted block as it is (same node).
    js(QStringLiteral("document.querySelector('#pw-content pre').__mark='same'"));
    show(
        QStringLiteral("```cpp\nint main() { return 0; }\n```\n\nEnergy: $$E = mc^2$$ and more\n"));
    QCOMPARE(js(QStringLiteral("document.querySelector('#pw-content pre').__mark")).toString(),
             QStringLiteral("same"));
    QVERIFY(js(QStringLiteral("!!document.querySelector('#pw-content .katex')")).toBool());
}

void tst_PreviewWidget::mathIsTypesetByKatex_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QStringList>("tex"); // what KaTeX was given, formula by formula
    QTest::addColumn<int>("displayed");
    QTest::newRow("nominal: inline math, untouched by Markdown")
        << "Here $a_b * c_d$ and $x*y*z$.\n"
        << QStringList{"a_b * c_d", "x*y*z"} << 0;
    QTest::newRow("nominal: display math") << "$$\n\\frac{a}{b} \\\\ c\n$$\n"
                                           << QStringList{"\n\\frac{a}{b} \\\\ c\n"} << 1;
    QTest::newRow("nominal: \\( \\) and \\[ \\] with single backslashes")
        << "Inline \\(a_b * c_d\\) and\n\\[\\sum_i x_i\\]\n"
        << QStringList{"a_b * c_d", "\\sum_i x_i"} << 1;
    QTest::newRow("nominal: in a list and a table") << "- $x_1$\n\n| a |\n|---|\n| $y_2$ |\n"
                                                    << QStringList{"x_1", "y_2"} << 0;
    QTest::newRow("robustness: amounts of money are not math") << "$5 and $10\n"
                                                               << QStringList{} << 0;
    QTest::newRow("robustness: code is not math") << "`$a$`\n\n```\n$$b$$\n```\n"
                                                  << QStringList{} << 0;
    QTest::newRow("robustness: typeset with the widget's defaults, as the app uses it")
        << "Math $x^2$ and $5.\n"
        << QStringList{"x^2"} << 0;
}

// The formulas reach KaTeX as the author wrote them, in the real page.
void tst_PreviewWidget::mathIsTypesetByKatex()
{
    QFETCH(QString, markdown);
    QFETCH(QStringList, tex);
    QFETCH(int, displayed);
    show(markdown); // the widget's defaults: the app never calls setMathEnabled()
    const QString given
        = QStringLiteral("Array.from(document.querySelectorAll('#pw-content .katex "
                         "annotation[encoding=\"application/x-tex\"]')).map(a => a.textContent)");
    QTRY_COMPARE_WITH_TIMEOUT(js(given).toStringList(), tex, patience);
    QCOMPARE(js(QStringLiteral("document.querySelectorAll('#pw-content .katex-display').length"))
                 .toInt(),
             displayed);
    QCOMPARE(js(QStringLiteral("document.querySelectorAll('#pw-content em').length")).toInt(), 0);
}

void tst_PreviewWidget::slowRenderingPausesUntilResumed()
{
    show(QStringLiteral("First version.\n"));
    QSignalSpy notices(m_preview.get(), &PreviewWidget::notice);
    // No real post renders in 1 ms when it is 4 MB, whatever the machine.
    m_preview->setRenderTimeLimit(1);
    QString huge;
    while (huge.size() < 4 * 1024 * 1024)
        huge += QStringLiteral("A *long* post with [links](https://example.com) and `code`.\n\n");
    m_preview->setMarkdown(huge, 1);
    QTRY_VERIFY_WITH_TIMEOUT(m_preview->isLivePreviewPaused(), patience);
    QVERIFY(!notices.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(
        !js(QStringLiteral("document.getElementById('pw-notice').hidden")).toBool(), patience);

    // While paused, new text waits.
    m_preview->setRenderTimeLimit(60'000);
    m_preview->setMarkdown(QStringLiteral("Second version.\n"), 1);
    QTest::qWait(500);
    QVERIFY(!js(QStringLiteral("document.body.textContent.includes('Second version')")).toBool());

    // The notice's button resumes it, and stops the slow rendering.
    const qint64 slow = m_preview->scheduler()->worker()->processId();
    QVERIFY(slow > 0);
    QSignalSpy rendered(m_preview.get(), &PreviewWidget::rendered);
    js(QStringLiteral("document.getElementById('pw-resume').click()"));
    QTRY_VERIFY_WITH_TIMEOUT(!rendered.isEmpty(), patience);
    QTRY_VERIFY_WITH_TIMEOUT(processIsGone(slow), patience);
    QVERIFY(!m_preview->isLivePreviewPaused());
    QVERIFY(js(QStringLiteral("document.body.textContent.includes('Second version')")).toBool());
    QVERIFY(js(QStringLiteral("document.getElementById('pw-notice').hidden")).toBool());
}

// A post that gets cmark-gfm stuck, then another post is opened: the stuck rendering's process
// is killed at once (its core is free) and the other post shows.
void tst_PreviewWidget::anotherPostStopsAStuckRendering()
{
    show(QStringLiteral("First post.\n"));
    m_preview->setRenderTimeLimit(300);
    m_preview->setMarkdown(pathologicalPost(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(m_preview->isLivePreviewPaused(), patience);
    const qint64 stuck = m_preview->scheduler()->worker()->processId();
    QVERIFY(stuck > 0);
    QVERIFY(!processIsGone(stuck));

    m_preview->setRenderTimeLimit(60'000);
    m_preview->setPostPath(m_site + QStringLiteral("/content/posts/other.md"));
    QVERIFY(!m_preview->isLivePreviewPaused());
    QTRY_VERIFY_WITH_TIMEOUT(processIsGone(stuck), 5000); // not in ten seconds' time
    show(QStringLiteral("Other post.\n"));
    QVERIFY(js(QStringLiteral("document.body.textContent.includes('Other post.')")).toBool());
    QVERIFY(js(QStringLiteral("document.getElementById('pw-notice').hidden")).toBool());
}

void tst_PreviewWidget::thePausedPostIsTheOneShown_data()
{
    QTest::addColumn<bool>("anotherPost"); // the stuck text is another post's
    QTest::addColumn<bool>("firstPostShown");
    QTest::newRow("nominal: paused on the post shown, its last rendering stays") << false << true;
    QTest::newRow("robustness: paused on another post, the first one is not shown under the "
                  "notice")
        << true << false;
}

// The notice says this post's rendering is paused: what is under it is this post's, or nothing.
void tst_PreviewWidget::thePausedPostIsTheOneShown()
{
    QFETCH(bool, anotherPost);
    QFETCH(bool, firstPostShown);
    show(QStringLiteral("First post.\n"));
    if (anotherPost)
        m_preview->setPostPath(m_site + QStringLiteral("/content/posts/other.md"));
    m_preview->setRenderTimeLimit(300);
    m_preview->setMarkdown(pathologicalPost(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(m_preview->isLivePreviewPaused(), patience);
    // The page gets the content before the notice (the channel keeps the order), and the stuck
    // rendering takes seconds more: what is under the notice when it shows is what the pause left.
    QTRY_VERIFY_WITH_TIMEOUT(
        !js(QStringLiteral("document.getElementById('pw-notice').hidden")).toBool(), patience);
    QCOMPARE(js(QStringLiteral(
                    "document.getElementById('pw-content').textContent.includes('First post.')"))
                 .toBool(),
             firstPostShown);
    // Another post stops the stuck rendering at once.
    m_preview->setPostPath(m_site + QStringLiteral("/content/posts/third.md"));
}

int main(int argc, char **argv)
{
    registerPreviewSchemes();
    QApplication app(argc, argv);
    tst_PreviewWidget test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_previewwidget.moc"
