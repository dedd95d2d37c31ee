#include "publish/repository_p.h"

#include "publish/localtransport_p.h"

#include <QCryptographicHash>
#include <QDir>
#include <QObject>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QStringList>

namespace pw::git {
namespace {

// libgit2 asks again after every refusal; without a bound a wrong password loops forever (B20).
// Two attempts: the stored credential, then one answer from the user.
constexpr int kMaxCredentialAttempts = 2;

// What the callbacks learn during one push; libgit2 hands it back to them as the payload.
struct PushSession
{
    PublishObserver *observer = nullptr;
    int credentialAttempts = 0;
    bool gaveUpOnCredentials = false;
    bool distrustedHost = false;
    QStringList refusals;  // "refs/heads/main: pre-receive hook declined"
    QString serverMessage; // what the server printed on the progress side band
    // Side-band chunks may split a UTF-8 sequence; the decoder carries it over.
    QStringDecoder serverText{QStringDecoder::Utf8};
};

PushSession *sessionOf(void *payload)
{
    return static_cast<PushSession *>(payload);
}

int giveUpOnCredentials(PushSession *session, const char *why)
{
    session->gaveUpOnCredentials = true;
    git_error_set_str(GIT_ERROR_NET, why);
    return GIT_EUSER;
}

int credentials(git_credential **out, const char *url, const char *usernameFromUrl,
                unsigned int allowed, void *payload)
{
    PushSession *session = sessionOf(payload);
    const QString urlUser = usernameFromUrl ? QString::fromUtf8(usernameFromUrl) : QString();
    // A request for the user name alone (ssh without user@) is not a refused credential.
    const bool userNameOnly = allowed == GIT_CREDENTIAL_USERNAME;
    if (!userNameOnly && ++session->credentialAttempts > kMaxCredentialAttempts)
        return giveUpOnCredentials(session, "the server refused the credentials");
    std::optional<PublishObserver::Credential> given;
    if (session->observer)
        given = session->observer->credential(QString::fromUtf8(url), urlUser,
                                              qMax(1, session->credentialAttempts));
    if (!given)
        return giveUpOnCredentials(session, "the server asks for credentials and none were given");

    const QByteArray user = (given->username.isEmpty() ? urlUser : given->username).toUtf8();
    if (allowed & GIT_CREDENTIAL_USERNAME)
        return git_credential_username_new(out, user.constData());
    if ((allowed & GIT_CREDENTIAL_SSH_KEY) && !given->privateKeyPath.isEmpty()) {
        const QByteArray publicKey = toUtf8Path(given->publicKeyPath);
        return git_credential_ssh_key_new(
            out, user.constData(), publicKey.isEmpty() ? nullptr : publicKey.constData(),
            toUtf8Path(given->privateKeyPath).constData(), given->passphrase.toUtf8().constData());
    }
    if (allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT)
        return git_credential_userpass_plaintext_new(out, user.constData(),
                                                     given->password.toUtf8().constData());
    if (allowed & GIT_CREDENTIAL_SSH_KEY)
        return git_credential_ssh_key_from_agent(out, user.constData());
    return giveUpOnCredentials(session, "the server asks for a kind of credential Postwright "
                                        "cannot provide");
}

QString fingerprintOf(git_cert *certificate)
{
    QByteArray sha256;
    if (certificate->cert_type == GIT_CERT_HOSTKEY_LIBSSH2) {
        const auto *key = reinterpret_cast<const git_cert_hostkey *>(certificate);
        if (key->type & GIT_CERT_SSH_SHA256)
            sha256 = QByteArray(reinterpret_cast<const char *>(key->hash_sha256),
                                sizeof key->hash_sha256);
    } else if (certificate->cert_type == GIT_CERT_X509) {
        const auto *x509 = reinterpret_cast<const git_cert_x509 *>(certificate);
        sha256 = QCryptographicHash::hash(
            QByteArray(static_cast<const char *>(x509->data), qsizetype(x509->len)),
            QCryptographicHash::Sha256);
    }
    if (sha256.isEmpty())
        return {};
    return QStringLiteral("SHA256:")
           + QString::fromLatin1(sha256.toBase64(QByteArray::OmitTrailingEquals));
}

// libgit2 has already checked the key or certificate (valid); what it could not vouch for, the
// user decides, seeing the fingerprint.
int certificateCheck(git_cert *certificate, int valid, const char *host, void *payload)
{
    if (valid)
        return 0;
    PushSession *session = sessionOf(payload);
    const QString fingerprint = fingerprintOf(certificate);
    if (session->observer && !fingerprint.isEmpty()
        && session->observer->trustHost(QString::fromUtf8(host), fingerprint))
        return 0;
    session->distrustedHost = true;
    git_error_set(GIT_ERROR_NET, "the identity of %s could not be verified (%s)", host,
                  fingerprint.isEmpty() ? "no fingerprint" : fingerprint.toLatin1().constData());
    return GIT_ECERTIFICATE;
}

int sidebandProgress(const char *text, int length, void *payload)
{
    PushSession *session = sessionOf(payload);
    const QString chunk = session->serverText.decode(QByteArrayView(text, length));
    session->serverMessage += chunk;
    if (session->observer)
        session->observer->remoteMessage(chunk);
    return 0;
}

int pushTransferProgress(unsigned int current, unsigned int total, size_t, void *payload)
{
    if (PublishObserver *observer = sessionOf(payload)->observer)
        observer->transferProgress(current, total);
    return 0;
}

// The server's verdict per reference: libgit2's push returns 0 even when a hook declined (B19).
int pushUpdateReference(const char *reference, const char *status, void *payload)
{
    if (status)
        sessionOf(payload)->refusals.append(QString::fromUtf8(reference) + QStringLiteral(": ")
                                            + QString::fromUtf8(status));
    return 0;
}

// Server output arrives as "remote: ..." progress lines with carriage returns; keep the words.
QString plainServerMessage(const QString &text)
{
    QStringList lines;
    for (const QString &line : text.split(QRegularExpression(QStringLiteral("[\r\n]+")))) {
        if (!line.trimmed().isEmpty())
            lines.append(line.trimmed());
    }
    return lines.join(QLatin1Char('\n'));
}

enum class Step { Connecting, Sending };

// Reads libgit2's error first: it is per thread and the next call may replace it.
PublishError pushFailure(const PushSession &session, int code, Step step, const QString &remote,
                         const QString &url)
{
    PublishError failure = error(PublishError::Kind::Other, {});
    const QString server = plainServerMessage(session.serverMessage);
    if (!server.isEmpty())
        failure.detail += QStringLiteral("\n") + server;
    if (session.gaveUpOnCredentials || code == GIT_EAUTH) {
        failure.kind = PublishError::Kind::AuthFailed;
        failure.message = QObject::tr("authentication failed for %1: check the user name and "
                                      "password (or key) for %2")
                              .arg(remote, url);
    } else if (session.distrustedHost || code == GIT_ECERTIFICATE) {
        failure.kind = PublishError::Kind::UntrustedHost;
        failure.message = QObject::tr("The identity of %1 (%2) could not be verified: check its "
                                      "fingerprint, then trust it. Your commit is kept here.")
                              .arg(remote, url);
    } else if (code == GIT_ENONFASTFORWARD) {
        failure.kind = PublishError::Kind::NonFastForward;
        failure.message = QObject::tr("%1 has newer commits than this computer: pull first, then "
                                      "publish again. Your commit is kept here.")
                              .arg(remote);
    } else if (step == Step::Connecting) {
        failure.kind = PublishError::Kind::Unreachable;
        failure.message = QObject::tr("Cannot reach %1 (%2): check the address and your "
                                      "connection. Your commit is kept here.")
                              .arg(remote, url);
    } else {
        failure.message
            = QObject::tr("Sending to %1 failed. Your commit is kept here.").arg(remote);
    }
    return failure;
}

PublishError refusal(const PushSession &session, const QString &remote)
{
    const QString server = plainServerMessage(session.serverMessage);
    QString message = QObject::tr("%1 refused the publish (%2).")
                          .arg(remote, session.refusals.join(QStringLiteral("; ")));
    if (!server.isEmpty())
        message += QObject::tr(" The server said: %1").arg(server);
    message += QObject::tr(" Your commit is kept here.");
    return {PublishError::Kind::Rejected, message, session.refusals.join(QLatin1Char('\n'))};
}

Result<void, PublishError> recordUpstream(git_repository *repository, const QString &branch,
                                          const QString &remote, const QString &remoteRef)
{
    auto config = localConfig(repository);
    if (!config)
        return failure(config.error());
    const QByteArray section = QStringLiteral("branch.%1.").arg(branch).toUtf8();
    if (git_config_set_string(config.value().get(), (section + "remote").constData(),
                              remote.toUtf8().constData())
            < 0
        || git_config_set_string(config.value().get(), (section + "merge").constData(),
                                 remoteRef.toUtf8().constData())
               < 0)
        return failure(error(
            PublishError::Kind::Other,
            QObject::tr("Published, but the upstream of %1 could not be recorded").arg(branch)));
    return {};
}

// A remote given as a relative path ("../origin.git") is relative to the work tree, as git
// resolves it; made absolute it reaches the same repository from wherever Postwright runs, and
// goes through receive-pack like any local path, so the remote's hooks run. URLs with a scheme
// and scp-like "host:path" addresses are returned as they are.
QString resolvedLocalUrl(git_repository *repository, const QString &url)
{
    const qsizetype colon = url.indexOf(QLatin1Char(':'));
    const qsizetype slash = url.indexOf(QLatin1Char('/'));
    const bool hostAddress = colon >= 0 && (slash < 0 || colon < slash);
    if (url.isEmpty() || QDir::isAbsolutePath(url) || hostAddress)
        return url;
    const char *workdir = git_repository_workdir(repository);
    const QString base = QString::fromUtf8(workdir ? workdir : git_repository_path(repository));
    return QDir::cleanPath(QDir(base).absoluteFilePath(url));
}

Result<Remote, PublishError> lookupRemote(git_repository *repository, const QString &name)
{
    git_remote *raw = nullptr;
    if (git_remote_lookup(&raw, repository, name.toUtf8().constData()) < 0)
        return failure(
            error(PublishError::Kind::NoRemote,
                  QObject::tr("There is no remote named %1: add it or choose another").arg(name)));
    return Remote(raw);
}

Result<QString, PublishError> existingRemote(git_repository *repository, const QString &name)
{
    auto remote = lookupRemote(repository, name);
    if (!remote)
        return failure(remote.error());
    return name;
}

} // namespace

Result<QString, PublishError> chooseRemote(git_repository *repository, const QString &branch,
                                           const QString &requested)
{
    if (!requested.isEmpty())
        return existingRemote(repository, requested);
    const QString upstream
        = configString(repository, QStringLiteral("branch.%1.remote").arg(branch));
    if (!upstream.isEmpty() && upstream != QLatin1String("."))
        return existingRemote(repository, upstream);

    StrArray names;
    if (git_remote_list(&names.value, repository) < 0)
        return failure(error(PublishError::Kind::Other, QObject::tr("Cannot list the remotes")));
    QStringList remotes;
    for (size_t i = 0; i < names.value.count; ++i)
        remotes.append(QString::fromUtf8(names.value.strings[i]));
    if (remotes.isEmpty())
        return failure(PublishError{PublishError::Kind::NoRemote,
                                    QObject::tr("This repository has no remote to publish to: add "
                                                "one named origin (the site's repository)"),
                                    {}});
    if (remotes.contains(QLatin1String("origin")))
        return QStringLiteral("origin");
    if (remotes.size() == 1)
        return remotes.first();
    return failure(PublishError{PublishError::Kind::AmbiguousRemote,
                                QObject::tr("%1 has no upstream and this repository has several "
                                            "remotes (%2): choose which one to publish to")
                                    .arg(branch, remotes.join(QStringLiteral(", "))),
                                remotes.join(QLatin1Char('\n'))});
}

Result<void, PublishError> pushBranch(git_repository *repository, const QString &remoteName,
                                      const QString &branch, PublishObserver *observer)
{
    auto looked = lookupRemote(repository, remoteName);
    if (!looked)
        return failure(looked.error());
    const Remote remote = std::move(looked).value();
    const char *pushUrl = git_remote_pushurl(remote.get());
    const QString configuredUrl = QString::fromUtf8(pushUrl ? pushUrl : git_remote_url(remote.get()));
    const QString url = resolvedLocalUrl(repository, configuredUrl);
    if (url != configuredUrl
        && git_remote_set_instance_pushurl(remote.get(), url.toUtf8().constData()) < 0)
        return failure(error(PublishError::Kind::Other,
                             QObject::tr("Cannot use the remote %1 (%2)").arg(remoteName, configuredUrl)));

    const QString upstreamRemote
        = configString(repository, QStringLiteral("branch.%1.remote").arg(branch));
    const QString upstreamRef
        = configString(repository, QStringLiteral("branch.%1.merge").arg(branch));
    const QString localRef = QStringLiteral("refs/heads/") + branch;
    const QString remoteRef
        = upstreamRemote == remoteName && !upstreamRef.isEmpty() ? upstreamRef : localRef;

    PushSession session;
    session.observer = observer;
    git_push_options options;
    git_push_options_init(&options, GIT_PUSH_OPTIONS_VERSION);
    options.proxy_opts.type = GIT_PROXY_AUTO; // http.proxy and the environment, as git does
    git_remote_callbacks &callbacks = options.callbacks;
    callbacks.credentials = credentials;
    callbacks.certificate_check = certificateCheck;
    callbacks.sideband_progress = sidebandProgress;
    callbacks.push_transfer_progress = pushTransferProgress;
    callbacks.push_update_reference = pushUpdateReference;
    callbacks.payload = &session;
    // file:// URLs reach the transport through its registered prefix; plain paths do not.
    if (isLocalPath(url))
        callbacks.transport = createLocalTransport;

    reportStage(observer, QObject::tr("Connecting to %1").arg(remoteName));
    if (const int code = git_remote_connect(remote.get(), GIT_DIRECTION_PUSH, &callbacks,
                                            &options.proxy_opts, nullptr);
        code < 0)
        return failure(pushFailure(session, code, Step::Connecting, remoteName, url));

    reportStage(observer, QObject::tr("Sending %1 to %2").arg(branch, remoteName));
    QByteArray refspec = (localRef + QLatin1Char(':') + remoteRef).toUtf8();
    char *refspecs[] = {refspec.data()};
    const git_strarray specs{refspecs, 1};
    if (const int code = git_remote_upload(remote.get(), &specs, &options); code < 0)
        return failure(pushFailure(session, code, Step::Sending, remoteName, url));
    if (!session.refusals.isEmpty())
        return failure(refusal(session, remoteName));
    // The push is done; refs/remotes/<remote>/<branch> is only this computer's note of it and a
    // failure to move it is repaired by the next fetch, so it does not fail the publish.
    git_remote_update_tips(remote.get(), &callbacks, 0, GIT_REMOTE_DOWNLOAD_TAGS_UNSPECIFIED,
                           nullptr);
    git_remote_disconnect(remote.get());

    if (upstreamRemote.isEmpty())
        return recordUpstream(repository, branch, remoteName, remoteRef);
    return {};
}

} // namespace pw::git
