#pragma once

// The web view of the preview: loads our page once, in its own off-the-record profile with every
// request filtered, and pushes the rendered blocks into it: only those that changed since the last
// rendering are sent and patched in place. It shows whatever HTML it is given (PreviewWidget gives
// it renderMarkdown()'s sanitized blocks); the page's policy and settings are the second line of
// defence, which is why tests can drive this class with hostile HTML.

#include "blockedit.h"

#include <QList>
#include <QUrl>
#include <QWebEngineView>

#include <optional>

class QWebChannel;
class QWebEngineProfile;

namespace pw {
namespace preview {
class Bridge;
class Page;
class RequestInterceptor;
class SchemeHandler;
} // namespace preview

class PreviewView : public QWebEngineView
{
    Q_OBJECT

public:
    explicit PreviewView(QWidget *parent = nullptr);
    ~PreviewView() override;

    // Latest wins: while the page is patching, only the newest rendering waits.
    void showBlocks(const QList<RenderedBlock> &blocks, int generation);
    void showHtml(const QString &html, int generation); // as one block

    // Relative resources resolve in postDirectory, root-relative ones ("/x.png") in
    // staticDirectory.
    void setResourceDirectories(const QString &postDirectory, const QString &staticDirectory);
    void setReadableRoots(const QStringList &directories);
    void setRemoteContentAllowed(bool allowed); // reloads the page when it changes
    void setAppearance(bool dark, const QString &customStyleSheet, bool math);
    void scrollToSourceLine(int line);
    void setPaused(bool paused, const QString &message);

    bool isPageReady() const { return m_pageReady; }
    QList<QUrl> blockedRequests() const; // what the request filter stopped (for tests)

Q_SIGNALS:
    void pageReady();
    void patched(int generation);
    void userScrolled(int line);
    void resumeRequested();
    void linkActivated(const QUrl &url);
    void notice(const QString &message);

private:
    void configureSettings();
    void loadPage();
    void onPageReady();
    void onPatched(int generation);
    void sendPending();
    void sendAgain(); // the shown blocks, all of them, when nothing newer waits
    void sendAppearance();

    QWebEngineProfile *m_profile;
    preview::SchemeHandler *m_schemeHandler;
    preview::RequestInterceptor *m_interceptor;
    preview::Page *m_page;
    QWebChannel *m_channel;
    preview::Bridge *m_bridge;

    bool m_pageReady = false;
    bool m_patchInFlight = false;
    struct Content
    {
        QList<RenderedBlock> blocks;
        int generation = 0;
    };
    std::optional<Content> m_pending;
    std::optional<Content> m_shown;   // sent again after a reload
    preview::PageBlocks m_pageBlocks; // what the page has (or will have once it has patched)
    bool m_replaceAll = false;        // the next edit replaces every block
    std::optional<int> m_pendingScrollLine;

    QString m_postBase;
    QString m_siteBase;
    bool m_remoteAllowed = false;
    bool m_dark = false;
    QString m_customStyleSheet;
    bool m_math = false;
    bool m_paused = false;
    QString m_pausedMessage;
};

} // namespace pw
