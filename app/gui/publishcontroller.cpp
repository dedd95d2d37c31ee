#include "gui/publishcontroller.h"

#include "gui/identitydialog.h"
#include "site/publishpost.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QMetaObject>
#include <QPushButton>
#include <QThread>
#include <QtConcurrent>

namespace pw {

// Lives on the worker thread; hands everything to the controller on the GUI thread.
class GuiPublishObserver : public PublishObserver {
public:
    explicit GuiPublishObserver(PublishController *controller) : m_controller(controller) {}

    void stage(const QString &what) override
    {
        QMetaObject::invokeMethod(m_controller, [c = m_controller, what] { Q_EMIT c->progress(what, -1); });
    }

    void transferProgress(qint64 done, qint64 total) override
    {
        const int percent = total > 0 ? int(done * 100 / total) : -1;
        QMetaObject::invokeMethod(m_controller, [c = m_controller, percent] {
            Q_EMIT c->progress(PublishController::tr("Uploading…"), percent);
        });
    }

    std::optional<Credential> credential(const QString &url, const QString &username, int attempt) override
    {
        std::optional<Credential> answer;
        // The worker waits while the user answers; the GUI thread stays responsive.
        QMetaObject::invokeMethod(
            m_controller,
            [&] { answer = m_controller->askCredential(url, username, attempt); },
            Qt::BlockingQueuedConnection);
        return answer;
    }

    bool trustHost(const QString &host, const QString &fingerprint) override
    {
        bool trusted = false;
        QMetaObject::invokeMethod(
            m_controller, [&] { trusted = m_controller->askTrust(host, fingerprint); },
            Qt::BlockingQueuedConnection);
        return trusted;
    }

private:
    PublishController *m_controller;
};

PublishController::PublishController(QWidget *window) : QObject(window), m_window(window)
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &PublishController::onFinished);
}

void PublishController::publish(const Blog &blog, const QString &postFile)
{
    if (m_running)
        return;
    m_running = true;
    m_blog = blog;
    m_postFile = postFile;
    Q_EMIT started();
    Q_EMIT progress(tr("Publishing…"), -1);
    m_watcher.setFuture(QtConcurrent::run([this, blog, postFile] {
        GuiPublishObserver observer(this);
        return publishPostFile(blog, postFile, &observer);
    }));
}

void PublishController::onFinished()
{
    m_running = false;
    const Outcome outcome = m_watcher.result();
    if (outcome) {
        Q_EMIT published(m_postFile, *outcome);
    } else if (outcome.error().kind == PublishError::Kind::NoIdentity) {
        Q_EMIT failed(m_postFile, outcome.error());
        askIdentity();
    } else {
        Q_EMIT failed(m_postFile, outcome.error());
        showError(outcome.error());
    }
    Q_EMIT finished();
}

void PublishController::askIdentity()
{
    auto *dialog = new IdentityDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Result<void, PublishError> set = setIdentity(m_blog.root, dialog->identity());
        if (!set) {
            showError(set.error());
            return;
        }
        publish(m_blog, m_postFile);
    });
    dialog->open();
}

std::optional<PublishObserver::Credential>
PublishController::askCredential(const QString &url, const QString &username, int attempt)
{
    // One question per publish at most: libgit2 asks again after every refusal.
    if (attempt > 1)
        return std::nullopt;
    bool ok = false;
    PublishObserver::Credential credential;
    credential.username = username;
    if (credential.username.isEmpty()) {
        credential.username = QInputDialog::getText(m_window, tr("Sign in to publish"),
                                                    tr("User name for %1:").arg(url), QLineEdit::Normal,
                                                    QString(), &ok);
        if (!ok)
            return std::nullopt;
    }
    credential.password = QInputDialog::getText(m_window, tr("Sign in to publish"),
                                                tr("Password or token for %1 at %2:")
                                                    .arg(credential.username, url),
                                                QLineEdit::Password, QString(), &ok);
    if (!ok)
        return std::nullopt;
    return credential;
}

bool PublishController::askTrust(const QString &host, const QString &fingerprint)
{
    QMessageBox box(QMessageBox::Warning, tr("Unknown server"),
                    tr("Postwright cannot verify the identity of %1.").arg(host), QMessageBox::NoButton,
                    m_window);
    box.setInformativeText(tr("Its key fingerprint is\n%1\n\nCompare it with the one your hosting "
                              "provider publishes. Connect only if they match.")
                               .arg(fingerprint));
    QPushButton *connectButton = box.addButton(tr("Connect"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == connectButton;
}

void PublishController::showError(const PublishError &error)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Not published"), error.message,
                                QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("publishErrorBox"));
    box->setInformativeText(tr("Your post is saved on this computer; nothing you wrote is lost."));
    if (!error.detail.isEmpty())
        box->setDetailedText(error.detail);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace pw
