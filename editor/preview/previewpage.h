#pragma once

// The preview page's navigation policy: it shows our page and never goes anywhere else. A click on
// an http(s) or mailto link is handed to the host to open in the system browser; any other
// navigation (other schemes, redirects, refreshes, form posts, script) is refused.

#include <QWebEnginePage>

namespace pw::preview {

class Page : public QWebEnginePage
{
    Q_OBJECT

public:
    Page(QWebEngineProfile *profile, QObject *parent);

    // A link the user clicked, from the page's script or from a navigation: decides what happens.
    void handleLinkClick(const QUrl &url);

Q_SIGNALS:
    void externalLinkClicked(const QUrl &url);
    void navigationRefused(const QUrl &url, const QString &reason);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage *createWindow(WebWindowType type) override;
    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level, const QString &message,
                                  int lineNumber, const QString &sourceID) override;
};

} // namespace pw::preview
