#pragma once

#include "publish/publisher.h"
#include "site/blog.h"

#include <QFutureWatcher>
#include <QObject>

class QWidget;

namespace pw {

// Runs Publish off the GUI thread and speaks for it: progress, the questions it must ask (who you
// are, a password), and its outcome in plain words.
class PublishController : public QObject {
    Q_OBJECT
public:
    explicit PublishController(QWidget *window);

    bool isRunning() const { return m_running; }
    void publish(const Blog &blog, const QString &postFile);

Q_SIGNALS:
    void started();
    void progress(const QString &stage, int percent); // percent -1: unknown
    void published(const QString &postFile, const pw::PublishOutcome &outcome);
    void failed(const QString &postFile, const pw::PublishError &error);
    void finished();

private:
    using Outcome = Result<PublishOutcome, PublishError>;
    void onFinished();
    void askIdentity();
    std::optional<PublishObserver::Credential> askCredential(const QString &url,
                                                             const QString &username, int attempt);
    bool askTrust(const QString &host, const QString &fingerprint);
    void showError(const PublishError &error);

    friend class GuiPublishObserver;
    QWidget *m_window;
    QFutureWatcher<Outcome> m_watcher;
    Blog m_blog;
    QString m_postFile;
    bool m_running = false;
};

} // namespace pw
