#pragma once

// The live preview of the post being edited: renders the body off the GUI thread (RenderScheduler)
// and patches the result into a page loaded once (PreviewView). Scroll position follows the
// editor by source line, and the editor follows the preview when the user scrolls it.

#include <QUrl>
#include <QWidget>

namespace pw {

class PreviewView;
class RenderScheduler;

// Call in main() before QApplication is constructed (QWebEngineUrlScheme must be registered first).
void registerPreviewSchemes();

class PreviewWidget : public QWidget
{
    Q_OBJECT

public:
    explicit PreviewWidget(QWidget *parent = nullptr);
    ~PreviewWidget() override;

    void setSite(const QString &siteRoot, const QString &staticDir); // where /images/x.png resolves
    void
    setPostPath(const QString &postFile); // relative images and bundle resources resolve next to it
    void setMarkdown(const QString &body, int bodyFirstLine); // rendered off the GUI thread
    void
    setRemoteContentAllowed(bool allowed); // off by default (a remote image is a tracking pixel)
    void setCustomStyleSheet(const QString &cssFile); // the blog's own CSS; empty: ours
    void setDarkMode(bool dark);
    void setMathEnabled(bool enabled); // KaTeX typesets $…$, $$…$$, \(…\), \[…\]; on by default
    void scrollToSourceLine(int line); // editor -> preview

    void setRenderTimeLimit(int milliseconds); // live preview pauses beyond it; 2 s by default
    void resumeLivePreview();                  // after a rendering took too long
    bool isLivePreviewPaused() const;

    PreviewView *view() const { return m_view; }               // for tests and benchmarks
    RenderScheduler *scheduler() const { return m_scheduler; } // for tests

Q_SIGNALS:
    void sourceLineScrolled(int line);   // preview -> editor (user scrolled the preview)
    void linkActivated(const QUrl &url); // http(s)/mailto were opened in the system browser
    void notice(const QString &message); // e.g. refused link scheme, preview paused
    void rendered();                     // the DOM of the latest text is on the page

private:
    void updateDirectories();
    void updateAppearance();
    void onPatched(int generation);
    void onPaused(int milliseconds);
    void showPaused(const QString &message);

    static constexpr int clearedGeneration = -1; // the page emptied, no rendering's

    PreviewView *m_view;
    RenderScheduler *m_scheduler;
    QString m_siteRoot;
    QString m_staticDir;
    QString m_postFile;
    QString m_customStyleSheet;
    bool m_dark = false;
    bool m_math = true; // the renderer always marks math up: typeset it, or the TeX shows as \(…\)
    int m_lastLineFromPreview = -1;
    int m_firstGenerationOfPost = 1; // the scheduler's first generation of the post's text
    int m_shownGeneration = 0;       // the latest patched into the page
};

} // namespace pw
