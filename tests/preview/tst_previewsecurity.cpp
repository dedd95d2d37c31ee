// No post can attack its author: hostile HTML is shown in a real QWebEngineView (offscreen) and a
// canary script must never run, no request may reach a server on 127.0.0.1, the page must never
// navigate away, and files outside the blog must stay unreadable. Two layers are tested apart:
// the page's own defences (CSP, settings, request filter, navigation policy) with the HTML
// pushed in unsanitized, and the whole pipeline from Markdown with the sanitizer in front.
// A control loads the same payloads into an unprotected page, to show they are live.

#include "hostileposts.h"
#include "pagescript.h"
#include "requestrecorder.h"

#include "markdown/markdownrenderer.h"
#include "preview/previewrequestinterceptor.h"
#include "preview/previewurls.h"
#include "preview/previewview.h"
#include "preview/previewwidget.h"

#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEngineProfile>

using namespace pw;
using namespace pw::test;

namespace {

constexpr int patience = 60'000; // a loaded 2-core machine starts Chromium slowly

void writeImage(const QString &path)
{
    QImage image(4, 4, QImage::Format_RGB32);
    image.fill(Qt::red);
    QVERIFY(image.save(path));
}

// What the Content Security Policy stops never becomes a request: record it in the page.
void installViolationRecorder(QWebEnginePage *page)
{
    evaluate(page, QStringLiteral("window.__violations=[];document.addEventListener("
                                  "'securitypolicyviolation',e=>window.__violations.push("
                                  "e.blockedURI))"));
}

// Records what was handed to the system browser instead of starting one.
class BrowserCatcher : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> opened;

public Q_SLOTS:
    void open(const QUrl &url) { opened.append(url); }
};

} // namespace

class tst_PreviewSecurity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void pageDefencesHoldWithoutTheSanitizer_data();
    void pageDefencesHoldWithoutTheSanitizer();
    void payloadsRunInAnUnprotectedPage();
    void hostilePostThroughTheWholePipeline();
    void remoteContentLoadsOnlyWhenAllowed();
    void requestFilterBlocksWithoutThePolicy();
    void filesOutsideTheBlogAreNotReadable();
    void linksOpenOnlyInTheSystemBrowser_data();
    void linksOpenOnlyInTheSystemBrowser();

private:
    // Shows html in view and waits until the page has patched it and loads have settled.
    void showAndSettle(PreviewView &view, const QString &html);
    void verifyNothingHappened(PreviewView &view, const char *what);
    static QStringList policyViolations(PreviewView &view);

    std::unique_ptr<PreviewView> m_view; // one page for the rows: starting Chromium is slow
    QTemporaryDir m_root;
    QString m_site;
    QString m_post;
    QString m_outside;
    RequestRecorder m_recorder;
    BrowserCatcher m_browser;
    int m_generation = 0;
};

void tst_PreviewSecurity::initTestCase()
{
    QVERIFY(m_root.isValid());
    QVERIFY(m_recorder.listen());
    m_site = m_root.filePath(QStringLiteral("blog"));
    QVERIFY(QDir().mkpath(m_site + QStringLiteral("/content/posts/p")));
    QVERIFY(QDir().mkpath(m_site + QStringLiteral("/static/images")));
    m_outside = m_root.filePath(QStringLiteral("outside"));
    QVERIFY(QDir().mkpath(m_outside));
    m_post = m_site + QStringLiteral("/content/posts/p/index.md");
    writeImage(m_site + QStringLiteral("/content/posts/p/here.png"));
    writeImage(m_site + QStringLiteral("/static/images/site.png"));
    writeImage(m_outside + QStringLiteral("/secret.png"));
    QVERIFY(QFile::link(m_outside + QStringLiteral("/secret.png"),
                        m_site + QStringLiteral("/content/posts/p/link-out.png")));
    for (const char *scheme : {"http", "https", "mailto"})
        QDesktopServices::setUrlHandler(QString::fromLatin1(scheme), &m_browser, "open");
    m_view = std::make_unique<PreviewView>();
    m_view->resize(800, 600);
    m_view->show();
    m_view->setReadableRoots({m_site});
    m_view->setResourceDirectories(QFileInfo(m_post).absolutePath(),
                                   m_site + QStringLiteral("/static"));
}

void tst_PreviewSecurity::cleanupTestCase()
{
    m_view.reset();
    for (const char *scheme : {"http", "https", "mailto"})
        QDesktopServices::unsetUrlHandler(QString::fromLatin1(scheme));
}

void tst_PreviewSecurity::showAndSettle(PreviewView &view, const QString &html)
{
    if (!view.isPageReady()) {
        QSignalSpy ready(&view, &PreviewView::pageReady);
        QVERIFY(ready.wait(patience));
        installViolationRecorder(view.page());
    }
    const int generation = ++m_generation;
    QSignalSpy patched(&view, &PreviewView::patched);
    // A picture from the blog after the payload: once it has loaded, the page has fetched
    // (or been refused) everything before it.
    view.showHtml(html + QStringLiteral("<p><img id=\"pw-sentinel\" src=\"/images/site.png\"></p>"),
                  generation);
    QTRY_VERIFY_WITH_TIMEOUT(!patched.isEmpty() && patched.last().first().toInt() == generation,
                             patience);
    QTRY_VERIFY_WITH_TIMEOUT(
        evaluate(view.page(), QStringLiteral("(function(){const i=document.getElementById("
                                             "'pw-sentinel');return !!i&&i.complete&&"
                                             "i.naturalWidth>0;})()"))
            .toBool(),
        patience);
}

QStringList tst_PreviewSecurity::policyViolations(PreviewView &view)
{
    return evaluate(view.page(), QStringLiteral("window.__violations||[]")).toStringList();
}

void tst_PreviewSecurity::verifyNothingHappened(PreviewView &view, const char *what)
{
    // Nothing is supposed to happen, so there is no event to wait for: watch for a while.
    QTest::qWait(750);
    QVERIFY2(evaluate(view.page(), QStringLiteral("typeof window.__pwned")).toString()
                 == u"undefined",
             what);
    QCOMPARE(evaluate(view.page(), QStringLiteral("document.title")).toString(),
             QStringLiteral("Preview"));
    QCOMPARE(view.page()->url(), preview::pageUrl());
    // Still the same document: nothing navigated or reloaded it (the recorder set up after
    // loading would be gone).
    QVERIFY(evaluate(view.page(), QStringLiteral("Array.isArray(window.__violations)")).toBool());
    QVERIFY2(m_recorder.requests().isEmpty(), qPrintable(m_recorder.requests().join(u", ")));
    QCOMPARE(m_recorder.connections(), 0);
    QVERIFY(m_browser.opened.isEmpty());
}

void tst_PreviewSecurity::pageDefencesHoldWithoutTheSanitizer_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("clickTarget");
    for (const HostilePost &post : hostilePosts())
        QTest::newRow(qPrintable(QStringLiteral("robustness: ") + QLatin1String(post.name)))
            << armed(post.html, m_recorder.url(QString())) << post.clickTarget;
}

void tst_PreviewSecurity::pageDefencesHoldWithoutTheSanitizer()
{
    QFETCH(QString, html);
    QFETCH(QString, clickTarget);
    PreviewView &view = *m_view;
    showAndSettle(view, html);
    if (QTest::currentTestFailed())
        return;
    if (!clickTarget.isEmpty()) {
        QVERIFY(evaluate(view.page(), QStringLiteral("(function(){const e=document.getElementById("
                                                     "'%1');if(!e)return false;e.click();"
                                                     "return true;})()")
                                          .arg(clickTarget))
                    .toBool());
    }
    verifyNothingHappened(view, QTest::currentDataTag());
}

// The control: without our page's protections the same payloads do run. If this stops being
// true, the rows above have stopped proving anything.
void tst_PreviewSecurity::payloadsRunInAnUnprotectedPage()
{
    RequestRecorder recorder;
    QVERIFY(recorder.listen());
    QWebEngineProfile profile;
    QWebEnginePage page(&profile);
    QSignalSpy loaded(&page, &QWebEnginePage::loadFinished);
    // A script element, an onerror handler and an ontoggle handler.
    page.setHtml(armed(hostilePosts()[0].html + hostilePosts()[2].html + hostilePosts()[4].html,
                       recorder.url(QString())),
                 QUrl(recorder.url(QStringLiteral("/"))));
    QVERIFY(loaded.wait(patience));
    QTRY_COMPARE_WITH_TIMEOUT(evaluate(&page, QStringLiteral("window.__pwned||0")).toInt(), 3,
                              patience);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.requests().contains(QStringLiteral("GET /canary")), patience);
}

// B17's post and the hostile set as Markdown, through renderMarkdown and the live preview.
void tst_PreviewSecurity::hostilePostThroughTheWholePipeline()
{
    QString markdown = QStringLiteral(
        "[click](javascript:@CANARY@)\n\n<a href=\"javascript:@CANARY@\">two</a>\n\n"
        "<img src=\"x\" onerror=\"@CANARY@\">\n\n<div onclick=\"@CANARY@\">box</div>\n\n"
        "<iframe srcdoc=\"<script>@CANARY@</script>\"></iframe>\n\n"
        // (a tilde fence: the canary's backticks cannot be in a backtick fence's info string)
        "~~~\"><img src=x onerror=@CANARY@>\ncode\n~~~\n\n"
        "![pixel](@SERVER@/markdown-pixel.png)\n\n");
    for (const HostilePost &post : hostilePosts())
        markdown += post.html + QStringLiteral("\n\n");
    markdown = armed(markdown, m_recorder.url(QString()));

    PreviewWidget preview;
    preview.resize(800, 600);
    preview.show();
    preview.setSite(m_site, QStringLiteral("static"));
    preview.setPostPath(m_post);
    QSignalSpy rendered(&preview, &PreviewWidget::rendered);
    preview.setMarkdown(markdown + QStringLiteral("![s](/images/site.png)\n"), 1);
    QVERIFY(rendered.wait(patience));
    // The sanitizer already removed every active part: no handler attribute, no script URL, no
    // element that runs, frames, submits or redirects.
    const QStringList active
        = evaluate(preview.view()->page(),
                   QStringLiteral(
                       "[...document.querySelectorAll('#pw-content *')].filter(e=>e.matches("
                       "'script,iframe,frame,object,embed,base,meta,link,form,svg,math,noscript,"
                       "template,style')||[...e.attributes].some(a=>/^on/i.test(a.name)||"
                       "/^\\s*(javascript|vbscript|data:text)/i.test(a.value)))"
                       ".map(e=>e.outerHTML)"))
              .toStringList();
    QVERIFY2(active.isEmpty(), qPrintable(active.join(u'\n')));
    installViolationRecorder(preview.view()->page());
    // Clicking every link in the post opens nothing and runs nothing.
    evaluate(preview.view()->page(),
             QStringLiteral("document.querySelectorAll('#pw-content a').forEach(a=>a.click())"));
    verifyNothingHappened(*preview.view(), "pipeline");
    // The remote image is on the page, and it stays empty.
    const QString pixelState
        = QStringLiteral("(function(){const i=document.querySelector('img[alt=pixel]');"
                         "return i?i.complete+'/'+i.naturalWidth:'missing';})()");
    QTRY_COMPARE_WITH_TIMEOUT(evaluate(preview.view()->page(), pixelState).toString(),
                              QStringLiteral("true/0"), patience);
}

void tst_PreviewSecurity::remoteContentLoadsOnlyWhenAllowed()
{
    RequestRecorder recorder;
    QVERIFY(recorder.listen());
    PreviewView view;
    view.resize(800, 600);
    view.show();
    view.setReadableRoots({m_site});
    view.setResourceDirectories(QFileInfo(m_post).absolutePath(),
                                m_site + QStringLiteral("/static"));
    const QString image = QStringLiteral("<img id=\"remote\" src=\"%1\">")
                              .arg(recorder.url(QStringLiteral("/allowed.png")));
    showAndSettle(view, image);
    const QString url = recorder.url(QStringLiteral("/allowed.png"));
    QTRY_VERIFY_WITH_TIMEOUT(policyViolations(view).contains(url), patience);
    QVERIFY(recorder.requests().isEmpty());

    QSignalSpy ready(&view, &PreviewView::pageReady);
    view.setRemoteContentAllowed(true); // reloads the page with a policy that allows http(s)
    QVERIFY(ready.wait(patience));
    QTRY_VERIFY_WITH_TIMEOUT(recorder.requests().contains(QStringLiteral("GET /allowed.png")),
                             patience);
    QTRY_VERIFY_WITH_TIMEOUT(
        evaluate(view.page(), QStringLiteral("document.getElementById('remote').naturalWidth"))
                .toInt()
            == 1,
        patience);
}

// The request filter on its own, in a page with no policy at all: remote requests stop there.
void tst_PreviewSecurity::requestFilterBlocksWithoutThePolicy()
{
    RequestRecorder recorder;
    QVERIFY(recorder.listen());
    QWebEngineProfile profile;
    preview::RequestInterceptor interceptor;
    profile.setUrlRequestInterceptor(&interceptor);
    QWebEnginePage page(&profile);
    QSignalSpy loaded(&page, &QWebEnginePage::loadFinished);
    page.setHtml(QStringLiteral("<p>empty</p>")); // loaded before the filter, which refuses data:
    QVERIFY(loaded.wait(patience));
    profile.setUrlRequestInterceptor(&interceptor);
    const QString image = recorder.url(QStringLiteral("/unfiltered.png"));
    const QString addImage = QStringLiteral("document.body.appendChild(new Image()).src='%1'");
    evaluate(&page, addImage.arg(image));
    QTRY_VERIFY_WITH_TIMEOUT(interceptor.blockedRequests().contains(QUrl(image)), patience);
    QVERIFY(recorder.requests().isEmpty());

    interceptor.setRemoteContentAllowed(true);
    evaluate(&page, addImage.arg(image + QStringLiteral("?again")));
    QTRY_VERIFY_WITH_TIMEOUT(!recorder.requests().isEmpty(), patience);
    profile.setUrlRequestInterceptor(nullptr);
}

void tst_PreviewSecurity::filesOutsideTheBlogAreNotReadable()
{
    PreviewView &view = *m_view;
    const QString outsideUrl
        = preview::fileUrl(m_outside + QStringLiteral("/secret.png")).toString(QUrl::FullyEncoded);
    showAndSettle(view, QStringLiteral("<img id=\"inside\" src=\"here.png\">"
                                       "<img id=\"dotdot\" src=\"../../../../outside/secret.png\">"
                                       "<img id=\"link\" src=\"link-out.png\">"
                                       "<img id=\"direct\" src=\"%1\">"
                                       "<img id=\"file\" src=\"file://%2/secret.png\">")
                            .arg(outsideUrl, m_outside));
    if (QTest::currentTestFailed())
        return;
    const auto state = [&](const char *id) {
        return evaluate(view.page(),
                        QStringLiteral("(function(){const i=document.getElementById("
                                       "'%1');return i.complete+'/'+i.naturalWidth;})()")
                            .arg(QLatin1String(id)))
            .toString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(state("inside"), QStringLiteral("true/4"), patience);
    for (const char *id : {"dotdot", "link", "direct", "file"})
        QTRY_COMPARE_WITH_TIMEOUT(state(id), QStringLiteral("true/0"), patience);
}

void tst_PreviewSecurity::linksOpenOnlyInTheSystemBrowser_data()
{
    QTest::addColumn<QString>("href");
    QTest::addColumn<bool>("opensInBrowser");
    QTest::newRow("nominal: https") << "https://example.com/a?b=c" << true;
    QTest::newRow("nominal: http") << "http://example.com/" << true;
    QTest::newRow("nominal: mailto") << "mailto:me@example.com" << true;
    QTest::newRow("robustness: another page of the blog") << "../other/" << false;
    QTest::newRow("robustness: file URL") << "file:///etc/passwd" << false;
    QTest::newRow("robustness: ftp") << "ftp://example.com/x" << false;
    QTest::newRow("robustness: custom scheme") << "vscode://file/etc/passwd" << false;
}

void tst_PreviewSecurity::linksOpenOnlyInTheSystemBrowser()
{
    QFETCH(QString, href);
    QFETCH(bool, opensInBrowser);
    m_browser.opened.clear();
    PreviewView &view = *m_view;
    QSignalSpy activated(&view, &PreviewView::linkActivated);
    QSignalSpy notices(&view, &PreviewView::notice);
    showAndSettle(view, QStringLiteral("<p><a id=\"l\" href=\"%1\">link</a></p>").arg(href));
    if (QTest::currentTestFailed())
        return;
    evaluate(view.page(), QStringLiteral("document.getElementById('l').click()"));
    if (opensInBrowser) {
        QTRY_COMPARE_WITH_TIMEOUT(activated.size(), 1, patience);
        QCOMPARE(activated.first().first().toUrl(), QUrl(href));
        QCOMPARE(m_browser.opened, QList<QUrl>{QUrl(href)});
    } else {
        QTRY_VERIFY_WITH_TIMEOUT(!notices.isEmpty(), patience);
        QVERIFY(activated.isEmpty());
        QVERIFY(m_browser.opened.isEmpty());
    }
    QCOMPARE(view.page()->url(), preview::pageUrl());
    m_browser.opened.clear();
}

int main(int argc, char **argv)
{
    registerPreviewSchemes(); // before the application, as WebEngine requires
    QApplication app(argc, argv);
    tst_PreviewSecurity test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_previewsecurity.moc"
