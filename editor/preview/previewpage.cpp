#include "previewpage.h"

#include "previewurls.h"

#include <QLoggingCategory>

namespace pw::preview {
namespace {

Q_LOGGING_CATEGORY(pageLog, "postwright.preview.page", QtWarningMsg)

bool opensInBrowser(const QUrl &url)
{
    const QString scheme = url.scheme();
    return scheme == u"https" || scheme == u"http" || scheme == u"mailto";
}

} // namespace

Page::Page(QWebEngineProfile *profile, QObject *parent)
    : QWebEnginePage(profile, parent)
{
}

bool Page::acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame)
{
    // Our page, loaded by us (typed) or reloaded. Nothing else is ever shown in the view.
    if (isMainFrame && url == pageUrl()
        && (type == NavigationTypeTyped || type == NavigationTypeReload))
        return true;
    if (type == NavigationTypeLinkClicked) {
        handleLinkClick(url);
        return false;
    }
    Q_EMIT navigationRefused(
        url,
        tr("The preview blocked the post's attempt to navigate to %1.").arg(url.toDisplayString()));
    return false;
}

void Page::handleLinkClick(const QUrl &url)
{
    if (opensInBrowser(url)) {
        Q_EMIT externalLinkClicked(url);
    } else if (isPreviewUrl(url)) {
        Q_EMIT navigationRefused(url, tr("Links to other pages of the blog are not followed in "
                                         "the preview."));
    } else {
        Q_EMIT navigationRefused(url, tr("The preview does not open %1: links.").arg(url.scheme()));
    }
}

QWebEnginePage *Page::createWindow(WebWindowType)
{
    return nullptr; // no pop-ups, whatever asks
}

void Page::javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level, const QString &message,
                                    int lineNumber, const QString &sourceID)
{
    // Policy violations and script errors, for whoever debugs the page; never shown to users.
    if (level == ErrorMessageLevel)
        qCWarning(pageLog) << sourceID << lineNumber << message;
    else
        qCDebug(pageLog) << sourceID << lineNumber << message;
}

} // namespace pw::preview
