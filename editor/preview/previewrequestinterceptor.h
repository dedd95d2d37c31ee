#pragma once

// Every request the preview makes passes here. Only our own scheme goes through, and http(s)
// too when the user allowed remote content for the blog; everything else is blocked and recorded.

#include <QList>
#include <QMutex>
#include <QUrl>
#include <QWebEngineUrlRequestInterceptor>

#include <atomic>

namespace pw::preview {

class RequestInterceptor : public QWebEngineUrlRequestInterceptor
{
    Q_OBJECT

public:
    explicit RequestInterceptor(QObject *parent = nullptr);

    void setRemoteContentAllowed(bool allowed) { m_remoteAllowed = allowed; }
    void interceptRequest(QWebEngineUrlRequestInfo &info) override;

    QList<QUrl> blockedRequests() const;

Q_SIGNALS:
    void blocked(const QUrl &url);

private:
    std::atomic<bool> m_remoteAllowed = false;
    mutable QMutex m_mutex; // Qt may call interceptRequest off the GUI thread
    QList<QUrl> m_blocked;
};

} // namespace pw::preview
