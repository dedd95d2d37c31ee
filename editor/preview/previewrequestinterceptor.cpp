#include "previewrequestinterceptor.h"

#include "previewurls.h"

#include <QMutexLocker>

namespace pw::preview {

RequestInterceptor::RequestInterceptor(QObject *parent)
    : QWebEngineUrlRequestInterceptor(parent)
{
}

void RequestInterceptor::interceptRequest(QWebEngineUrlRequestInfo &info)
{
    const QUrl url = info.requestUrl();
    if (isPreviewUrl(url))
        return;
    const QString scheme = url.scheme();
    if (m_remoteAllowed && (scheme == u"https" || scheme == u"http"))
        return;
    info.block(true);
    {
        const QMutexLocker locker(&m_mutex);
        m_blocked.append(url);
    }
    Q_EMIT blocked(url);
}

QList<QUrl> RequestInterceptor::blockedRequests() const
{
    const QMutexLocker locker(&m_mutex);
    return m_blocked;
}

} // namespace pw::preview
