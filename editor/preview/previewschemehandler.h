#pragma once

// Serves the pw-preview scheme: the page (with its Content Security Policy filled in), its
// embedded assets, Qt's qwebchannel.js, and the blog's files that ReadableFiles allows.

#include "previewfiles.h"

#include <QWebEngineUrlSchemeHandler>

namespace pw::preview {

class SchemeHandler : public QWebEngineUrlSchemeHandler
{
    Q_OBJECT

public:
    explicit SchemeHandler(QObject *parent = nullptr);

    void setReadableRoots(const QStringList &directories) { m_files.setRoots(directories); }
    // Takes effect when the page is next loaded (the policy is part of the page).
    void setRemoteContentAllowed(bool allowed) { m_remoteAllowed = allowed; }

    void requestStarted(QWebEngineUrlRequestJob *job) override;

    static QString contentSecurityPolicy(bool remoteAllowed);

Q_SIGNALS:
    void refused(const QUrl &url); // a file outside the blog, or nothing we serve

private:
    void replyWithResource(QWebEngineUrlRequestJob *job, const QString &resource);
    void replyWithFile(QWebEngineUrlRequestJob *job, const QString &path);
    void replyWithPage(QWebEngineUrlRequestJob *job);

    ReadableFiles m_files;
    bool m_remoteAllowed = false;
};

} // namespace pw::preview
