#include "previewurls.h"

namespace pw::preview {
namespace {

constexpr char host[] = "app";
constexpr char filePrefix[] = "/_file";

} // namespace

QUrl pageUrl()
{
    QUrl url;
    url.setScheme(QLatin1String(schemeName));
    url.setHost(QLatin1String(host));
    url.setPath(QStringLiteral("/index.html"));
    return url;
}

QUrl fileUrl(const QString &absolutePath)
{
    QUrl url = pageUrl();
    url.setPath(QLatin1String(filePrefix) + absolutePath);
    return url;
}

QString directoryUrl(const QString &absoluteDirectory)
{
    QString url = fileUrl(absoluteDirectory).toString(QUrl::FullyEncoded);
    if (!url.endsWith(u'/'))
        url += u'/';
    return url;
}

bool isPreviewUrl(const QUrl &url)
{
    return url.scheme() == QLatin1String(schemeName) && url.host() == QLatin1String(host);
}

QString localPathOf(const QUrl &url)
{
    if (!isPreviewUrl(url))
        return {};
    const QString path = url.path(QUrl::FullyDecoded);
    if (!path.startsWith(QLatin1String(filePrefix) + u'/'))
        return {};
    return path.mid(int(sizeof(filePrefix)) - 1);
}

} // namespace pw::preview
