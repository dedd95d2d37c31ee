#include "previewwidget.h"

#include "previewurls.h"
#include "previewview.h"
#include "renderscheduler.h"

#include <QDir>
#include <QFileInfo>
#include <QVBoxLayout>
#include <QWebEngineUrlScheme>

namespace pw {

void registerPreviewSchemes()
{
    QWebEngineUrlScheme scheme(preview::schemeName);
    scheme.setSyntax(QWebEngineUrlScheme::Syntax::Host);
    // Secure, so the page is a secure context; CorsEnabled, so fonts load from our own origin.
    // Not ContentSecurityPolicyIgnored: the page's policy must hold.
    scheme.setFlags(QWebEngineUrlScheme::SecureScheme | QWebEngineUrlScheme::CorsEnabled);
    QWebEngineUrlScheme::registerScheme(scheme);
}

PreviewWidget::PreviewWidget(QWidget *parent)
    : QWidget(parent)
    , m_view(new PreviewView(this))
    , m_scheduler(new RenderScheduler(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    connect(m_scheduler, &RenderScheduler::rendered, m_view, &PreviewView::showBlocks);
    connect(m_scheduler, &RenderScheduler::paused, this, &PreviewWidget::onPaused);
    connect(m_scheduler, &RenderScheduler::failed, this,
            [this] { showPaused(tr("Live preview paused: the renderer stopped on this text.")); });
    connect(m_view, &PreviewView::patched, this, &PreviewWidget::onPatched);
    connect(m_view, &PreviewView::resumeRequested, this, &PreviewWidget::resumeLivePreview);
    connect(m_view, &PreviewView::linkActivated, this, &PreviewWidget::linkActivated);
    connect(m_view, &PreviewView::notice, this, &PreviewWidget::notice);
    connect(m_view, &PreviewView::userScrolled, this, [this](int line) {
        m_lastLineFromPreview = line;
        Q_EMIT sourceLineScrolled(line);
    });
    updateAppearance(); // the view's defaults are not the widget's (math)
}

PreviewWidget::~PreviewWidget() = default;

void PreviewWidget::setSite(const QString &siteRoot, const QString &staticDir)
{
    m_siteRoot = siteRoot;
    m_staticDir = staticDir;
    updateDirectories();
}

void PreviewWidget::setPostPath(const QString &postFile)
{
    if (postFile != m_postFile) {
        m_scheduler->clearPause(); // a pause belongs to the post whose rendering was slow
        m_firstGenerationOfPost = m_scheduler->latestGeneration() + 1;
    }
    if (!m_scheduler->isPaused())
        m_view->setPaused(false, QString());
    m_postFile = postFile;
    updateDirectories();
}

void PreviewWidget::updateDirectories()
{
    const QString root
        = m_siteRoot.isEmpty() ? QString() : QFileInfo(m_siteRoot).absoluteFilePath();
    // "static" is relative to the site; an empty one means the site serves files from its root.
    QString staticDir = root;
    if (!m_staticDir.isEmpty())
        staticDir = QDir(root).absoluteFilePath(m_staticDir);
    const QString postDir = m_postFile.isEmpty() ? QString() : QFileInfo(m_postFile).absolutePath();
    QStringList roots{root};
    if (!m_customStyleSheet.isEmpty())
        roots.append(QFileInfo(m_customStyleSheet).absolutePath());
    m_view->setReadableRoots(roots);
    m_view->setResourceDirectories(postDir, staticDir);
}

void PreviewWidget::setMarkdown(const QString &body, int bodyFirstLine)
{
    m_scheduler->submit(body, bodyFirstLine);
}

void PreviewWidget::setRemoteContentAllowed(bool allowed)
{
    m_view->setRemoteContentAllowed(allowed);
}

void PreviewWidget::setCustomStyleSheet(const QString &cssFile)
{
    m_customStyleSheet = cssFile;
    updateDirectories();
    updateAppearance();
}

void PreviewWidget::setDarkMode(bool dark)
{
    m_dark = dark;
    updateAppearance();
}

void PreviewWidget::setMathEnabled(bool enabled)
{
    m_math = enabled;
    updateAppearance();
}

void PreviewWidget::updateAppearance()
{
    m_view->setAppearance(m_dark, m_customStyleSheet, m_math);
}

void PreviewWidget::scrollToSourceLine(int line)
{
    // The editor answering our own scroll: the preview is already there.
    if (line == m_lastLineFromPreview)
        return;
    m_lastLineFromPreview = -1;
    m_view->scrollToSourceLine(line);
}

void PreviewWidget::setRenderTimeLimit(int milliseconds)
{
    m_scheduler->setWatchdogInterval(milliseconds);
}

void PreviewWidget::resumeLivePreview()
{
    m_view->setPaused(false, QString());
    m_scheduler->resume();
}

bool PreviewWidget::isLivePreviewPaused() const
{
    return m_scheduler->isPaused();
}

void PreviewWidget::onPatched(int generation)
{
    if (generation != clearedGeneration)
        m_shownGeneration = generation;
    if (generation == m_scheduler->latestGeneration())
        Q_EMIT rendered();
}

void PreviewWidget::onPaused(int milliseconds)
{
    const QString message = tr("Live preview paused: rendering this post took longer than %1 s. "
                               "Typing is not affected.")
                                .arg(milliseconds / 1000.0, 0, 'g', 2);
    showPaused(message);
}

void PreviewWidget::showPaused(const QString &message)
{
    // Under the notice, the page would still show the post opened before this one.
    if (m_shownGeneration < m_firstGenerationOfPost)
        m_view->showBlocks({}, clearedGeneration);
    m_view->setPaused(true, message);
    Q_EMIT notice(message + QLatin1Char(' ') + tr("Resume it from the preview."));
}

} // namespace pw
