#include "previewschemehandler.h"

#include "previewurls.h"

#include <QBuffer>
#include <QFile>
#include <QMimeDatabase>
#include <QWebEngineUrlRequestJob>

namespace pw::preview {
namespace {

QByteArray mimeTypeFor(const QString &fileName)
{
    // Chromium checks script and style types strictly; say exactly what they are.
    if (fileName.endsWith(QLatin1String(".js")))
        return "text/javascript";
    if (fileName.endsWith(QLatin1String(".css")))
        return "text/css";
    if (fileName.endsWith(QLatin1String(".html")))
        return "text/html";
    static const QMimeDatabase database;
    return database.mimeTypeForFile(fileName, QMimeDatabase::MatchExtension).name().toLatin1();
}

// The device lives as long as the job that reads it.
void reply(QWebEngineUrlRequestJob *job, const QByteArray &mimeType, QIODevice *device)
{
    device->setParent(job);
    job->reply(mimeType, device);
}

} // namespace

SchemeHandler::SchemeHandler(QObject *parent)
    : QWebEngineUrlSchemeHandler(parent)
{
}

QString SchemeHandler::contentSecurityPolicy(bool remoteAllowed)
{
    const QString remote = remoteAllowed ? QStringLiteral(" https: http:") : QString();
    // Scripts: our files only, no inline script, no event-handler attributes, no eval, so a
    // script the sanitizer missed still cannot run. Styles may be inline (posts use style=""),
    // but they, like images and fonts, can only load from us unless remote content is on.
    return QStringLiteral("default-src 'none'; script-src pw-preview:; style-src pw-preview: "
                          "'unsafe-inline'; img-src pw-preview: data:%1; media-src pw-preview:%1; "
                          "font-src pw-preview:%1; connect-src 'none'; object-src 'none'; "
                          "frame-src 'none'; child-src 'none'; worker-src 'none'; "
                          "manifest-src 'none'; base-uri 'none'; form-action 'none'")
        .arg(remote);
}

void SchemeHandler::requestStarted(QWebEngineUrlRequestJob *job)
{
    const QUrl url = job->requestUrl();
    const QString path = url.path();
    if (!isPreviewUrl(url) || job->requestMethod() != "GET") {
        Q_EMIT refused(url);
        job->fail(QWebEngineUrlRequestJob::RequestDenied);
    } else if (path == u"/index.html") {
        replyWithPage(job);
    } else if (path == u"/qwebchannel.js") {
        replyWithResource(job, QStringLiteral(":/qtwebchannel/qwebchannel.js"));
    } else if (path.startsWith(QLatin1String("/assets/"))) {
        replyWithResource(job, QStringLiteral(":/preview") + path);
    } else if (const QString local = localPathOf(url); !local.isEmpty()) {
        replyWithFile(job, local);
    } else {
        Q_EMIT refused(url);
        job->fail(QWebEngineUrlRequestJob::UrlNotFound);
    }
}

void SchemeHandler::replyWithResource(QWebEngineUrlRequestJob *job, const QString &resource)
{
    if (resource.contains(QLatin1String("/../")) || !QFile::exists(resource)) {
        Q_EMIT refused(job->requestUrl());
        job->fail(QWebEngineUrlRequestJob::UrlNotFound);
        return;
    }
    reply(job, mimeTypeFor(resource), new QFile(resource));
}

void SchemeHandler::replyWithFile(QWebEngineUrlRequestJob *job, const QString &path)
{
    const QString allowed = m_files.resolve(path);
    if (allowed.isEmpty()) {
        Q_EMIT refused(job->requestUrl());
        job->fail(QWebEngineUrlRequestJob::RequestDenied);
        return;
    }
    reply(job, mimeTypeFor(allowed), new QFile(allowed));
}

void SchemeHandler::replyWithPage(QWebEngineUrlRequestJob *job)
{
    QFile page(QStringLiteral(":/preview/index.html"));
    if (!page.open(QIODevice::ReadOnly)) {
        job->fail(QWebEngineUrlRequestJob::RequestFailed);
        return;
    }
    QByteArray html = page.readAll();
    html.replace("@CONTENT_SECURITY_POLICY@", contentSecurityPolicy(m_remoteAllowed).toUtf8());
    auto *buffer = new QBuffer;
    buffer->setData(html);
    reply(job, "text/html", buffer);
}

} // namespace pw::preview
