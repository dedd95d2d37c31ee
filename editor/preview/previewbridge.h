#pragma once

// The object the page's script talks to over QWebChannel. Signals carry what the page should show;
// the invokable methods are the page's replies. The post itself cannot reach it: no script of the
// post runs.

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QUrl>

namespace pw::preview {

class Bridge : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Called by the page's script.
    Q_INVOKABLE void pageReady() { Q_EMIT ready(); }
    Q_INVOKABLE void contentPatched(int generation) { Q_EMIT patched(generation); }
    Q_INVOKABLE void contentLost() { Q_EMIT lost(); } // an edit failed: the page is empty
    Q_INVOKABLE void userScrolled(int line) { Q_EMIT scrolled(line); }
    Q_INVOKABLE void resumeRequested() { Q_EMIT resume(); }
    Q_INVOKABLE void linkClicked(const QString &url) { Q_EMIT link(QUrl(url)); }

Q_SIGNALS:
    // To the page. edit: a BlockEdit (blockedit.h), the blocks that changed since the last one.
    void contentChanged(const QJsonObject &edit, int generation, const QString &postBase,
                        const QString &siteBase);
    void scrollRequested(int line);
    void appearanceChanged(bool dark, const QString &customStyleUrl, bool math);
    void pauseChanged(bool paused, const QString &message);

    // From the page, for C++.
    void ready();
    void patched(int generation);
    void lost();
    void scrolled(int line);
    void resume();
    void link(const QUrl &url);
};

} // namespace pw::preview
