#include "previewview.h"

#include "previewbridge.h"
#include "previewpage.h"
#include "previewrequestinterceptor.h"
#include "previewschemehandler.h"
#include "previewurls.h"

#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QWebChannel>
#include <QWebEngineProfile>
#include <QWebEngineSettings>

namespace pw {

PreviewView::PreviewView(QWidget *parent)
    : QWebEngineView(parent)
    , m_profile(new QWebEngineProfile(this)) // no storage name: off the record, nothing on disk
    , m_schemeHandler(new preview::SchemeHandler(m_profile))
    , m_interceptor(new preview::RequestInterceptor(m_profile))
    , m_page(nullptr)
    , m_channel(new QWebChannel(this))
    , m_bridge(new preview::Bridge(this))
{
    m_profile->setHttpCacheType(QWebEngineProfile::MemoryHttpCache);
    m_profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
    m_profile->setSpellCheckEnabled(false);
    m_profile->installUrlSchemeHandler(preview::schemeName, m_schemeHandler);
    m_profile->setUrlRequestInterceptor(m_interceptor);

    m_page = new preview::Page(m_profile, this);
    configureSettings();
    m_channel->registerObject(QStringLiteral("bridge"), m_bridge);
    m_page->setWebChannel(m_channel);
    setPage(m_page);
    setContextMenuPolicy(Qt::NoContextMenu); // no "open in new window", "view source"...

    connect(m_bridge, &preview::Bridge::ready, this, &PreviewView::onPageReady);
    connect(m_bridge, &preview::Bridge::patched, this, &PreviewView::onPatched);
    connect(m_bridge, &preview::Bridge::lost, this, [this] {
        m_pageBlocks.clear(); // all of it again, once the page says it has patched
        if (!m_pending && m_shown)
            m_pending = m_shown;
    });
    connect(m_bridge, &preview::Bridge::scrolled, this, &PreviewView::userScrolled);
    connect(m_bridge, &preview::Bridge::resume, this, &PreviewView::resumeRequested);
    connect(m_bridge, &preview::Bridge::link, m_page, &preview::Page::handleLinkClick);
    connect(m_page, &preview::Page::externalLinkClicked, this, [this](const QUrl &url) {
        QDesktopServices::openUrl(url);
        Q_EMIT linkActivated(url);
    });
    connect(m_page, &preview::Page::navigationRefused, this,
            [this](const QUrl &, const QString &reason) { Q_EMIT notice(reason); });
    // A crashed renderer takes the page with it: load it again (the content follows).
    connect(m_page, &QWebEnginePage::renderProcessTerminated, this,
            [this](QWebEnginePage::RenderProcessTerminationStatus, int) { loadPage(); });
    loadPage();
}

PreviewView::~PreviewView()
{
    // The page must go before the profile it uses.
    setPage(nullptr);
    delete m_page;
}

void PreviewView::configureSettings()
{
    QWebEngineSettings *settings = m_page->settings();
    // JavaScript stays on for our page script; the page's CSP decides which scripts may run.
    settings->setAttribute(QWebEngineSettings::JavascriptEnabled, true);
    settings->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows, false);
    settings->setAttribute(QWebEngineSettings::JavascriptCanAccessClipboard, false);
    settings->setAttribute(QWebEngineSettings::JavascriptCanPaste, false);
    settings->setAttribute(QWebEngineSettings::AllowWindowActivationFromJavaScript, false);
    settings->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    settings->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
    settings->setAttribute(QWebEngineSettings::LocalStorageEnabled, false);
    settings->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    settings->setAttribute(QWebEngineSettings::PdfViewerEnabled, false);
    settings->setAttribute(QWebEngineSettings::WebGLEnabled, false);
    settings->setAttribute(QWebEngineSettings::ScreenCaptureEnabled, false);
    settings->setAttribute(QWebEngineSettings::FullScreenSupportEnabled, false);
    settings->setAttribute(QWebEngineSettings::HyperlinkAuditingEnabled, false);
    settings->setAttribute(QWebEngineSettings::DnsPrefetchEnabled, false);
    settings->setAttribute(QWebEngineSettings::AutoLoadIconsForPage, false);
    settings->setAttribute(QWebEngineSettings::AllowRunningInsecureContent, false);
    settings->setAttribute(QWebEngineSettings::AllowGeolocationOnInsecureOrigins, false);
    settings->setAttribute(QWebEngineSettings::ErrorPageEnabled, false);
    settings->setAttribute(QWebEngineSettings::NavigateOnDropEnabled, false);
    settings->setAttribute(QWebEngineSettings::WebRTCPublicInterfacesOnly, true);
    settings->setAttribute(QWebEngineSettings::FocusOnNavigationEnabled, false);
    settings->setUnknownUrlSchemePolicy(QWebEngineSettings::DisallowUnknownUrlSchemes);
}

void PreviewView::loadPage()
{
    m_pageReady = false;
    m_patchInFlight = false;
    m_pageBlocks.clear();
    m_page->load(preview::pageUrl());
}

void PreviewView::showBlocks(const QList<RenderedBlock> &blocks, int generation)
{
    m_pending = Content{blocks, generation};
    sendPending();
}

void PreviewView::showHtml(const QString &html, int generation)
{
    showBlocks({RenderedBlock{html, 1, 1, qHash(html)}}, generation);
}

void PreviewView::sendPending()
{
    if (!m_pageReady || m_patchInFlight || !m_pending)
        return;
    m_patchInFlight = true;
    m_shown = std::move(m_pending);
    m_pending.reset();
    const preview::BlockEdit edit = m_replaceAll ? m_pageBlocks.replaceAll(m_shown->blocks)
                                                 : m_pageBlocks.update(m_shown->blocks);
    m_replaceAll = false;
    Q_EMIT m_bridge->contentChanged(edit.toJson(), m_shown->generation, m_postBase, m_siteBase);
}

void PreviewView::sendAgain()
{
    if (m_shown && !m_pending)
        m_pending = m_shown;
    sendPending();
}

void PreviewView::onPageReady()
{
    m_pageReady = true;
    m_patchInFlight = false;
    sendAppearance();
    Q_EMIT m_bridge->pauseChanged(m_paused, m_pausedMessage);
    sendAgain(); // after a reload, show again what was shown (the page is empty)
    Q_EMIT pageReady();
}

void PreviewView::onPatched(int generation)
{
    m_patchInFlight = false;
    if (m_pendingScrollLine && !m_pending) {
        Q_EMIT m_bridge->scrollRequested(*m_pendingScrollLine);
        m_pendingScrollLine.reset();
    }
    Q_EMIT patched(generation);
    sendPending();
}

void PreviewView::setResourceDirectories(const QString &postDirectory,
                                         const QString &staticDirectory)
{
    m_postBase = postDirectory.isEmpty() ? QString() : preview::directoryUrl(postDirectory);
    m_siteBase = staticDirectory.isEmpty() ? QString() : preview::directoryUrl(staticDirectory);
    m_replaceAll = true; // resolve the images again against the new folders
    sendAgain();
}

void PreviewView::setReadableRoots(const QStringList &directories)
{
    m_schemeHandler->setReadableRoots(directories);
}

void PreviewView::setRemoteContentAllowed(bool allowed)
{
    if (allowed == m_remoteAllowed)
        return;
    m_remoteAllowed = allowed;
    m_interceptor->setRemoteContentAllowed(allowed);
    m_schemeHandler->setRemoteContentAllowed(allowed);
    loadPage(); // the policy is part of the page; the content is sent again once it is ready
}

void PreviewView::setAppearance(bool dark, const QString &customStyleSheet, bool math)
{
    const bool mathChanged = math != m_math;
    m_dark = dark;
    m_customStyleSheet = customStyleSheet;
    m_math = math;
    sendAppearance();
    if (mathChanged && m_pageReady) {
        m_pageBlocks.clear(); // the page dropped its content to typeset it again
        sendAgain();
    }
}

void PreviewView::sendAppearance()
{
    if (!m_pageReady)
        return;
    QString styleUrl;
    if (!m_customStyleSheet.isEmpty()) {
        const QFileInfo info(m_customStyleSheet);
        QUrl url = preview::fileUrl(info.absoluteFilePath());
        // A new query after each change of the file, so the page loads it again.
        url.setQuery(QStringLiteral("v=%1").arg(info.lastModified().toMSecsSinceEpoch()));
        styleUrl = url.toString(QUrl::FullyEncoded);
    }
    Q_EMIT m_bridge->appearanceChanged(m_dark, styleUrl, m_math);
}

void PreviewView::scrollToSourceLine(int line)
{
    if (!m_pageReady || m_patchInFlight || m_pending) {
        m_pendingScrollLine = line; // after the patch, when the line's block exists
        return;
    }
    Q_EMIT m_bridge->scrollRequested(line);
}

void PreviewView::setPaused(bool paused, const QString &message)
{
    m_paused = paused;
    m_pausedMessage = message;
    if (m_pageReady)
        Q_EMIT m_bridge->pauseChanged(paused, message);
}

QList<QUrl> PreviewView::blockedRequests() const
{
    return m_interceptor->blockedRequests();
}

} // namespace pw
