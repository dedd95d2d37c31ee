#pragma once

// One-click publishing: stage exactly one post, commit it, push the current branch, with libgit2.
// No libgit2 type appears in this header.

#include "base/result.h"

#include <QString>

#include <optional>

namespace pw {

struct PublishError
{
    enum class Kind {
        NotARepository,
        NoIdentity,      // user.name / user.email missing: ask and call setIdentity()
        DetachedHead,    // "HEAD is detached — switch to or create a branch"
        NoRemote,        // no origin (or no remote at all)
        AmbiguousRemote, // several remotes, no upstream: ask which one
        FileOutsideRepository,
        NonFastForward, // the remote has commits we do not: pull first, never force
        Rejected,       // the server refused (hook declined, protected branch): its message
        Unreachable,    // network / path problems
        AuthFailed,     // credentials refused; never loops
        UntrustedHost,  // the SSH host key or TLS certificate is not trusted: show fingerprint
        Other,
    };
    Kind kind = Kind::Other;
    QString message; // plain words, for the user
    QString detail;  // libgit2's own text, captured where it was raised
};

struct Identity
{
    QString name;
    QString email;
};

// What Publish needs to ask the user while it works; the GUI implements it with dialogs, the CLI
// with environment variables or nothing. Called on the thread that runs publishPost().
class PublishObserver
{
public:
    virtual ~PublishObserver() = default;
    virtual void stage(const QString &what) { (void)what; }
    virtual void transferProgress(qint64 done, qint64 total) { (void)done, (void)total; }
    // Text the server printed while receiving (its hooks' output, a refusal's reason).
    virtual void remoteMessage(const QString &text) { (void)text; }
    struct Credential
    {
        QString username;
        QString password; // for user/password transports; empty with SSH keys
        QString publicKeyPath;
        QString privateKeyPath;
        QString passphrase;
    };
    // The server's SSH host key or TLS certificate could not be verified (not in known_hosts, or
    // not signed by a trusted authority): trust it anyway? fingerprint is "SHA256:<base64>", as
    // `ssh-keygen -l` prints it. Refusing fails the push with UntrustedHost.
    virtual bool trustHost(const QString &host, const QString &fingerprint)
    {
        (void)host, (void)fingerprint;
        return false;
    }
    // attempt counts from 1; return nullopt to give up (the push then fails with AuthFailed).
    // attempt > 1 means the previous answer was refused: do not store it. publishPost asks at
    // most twice per push (e.g. the stored credential, then the user), then fails.
    virtual std::optional<Credential> credential(const QString &url, const QString &usernameFromUrl,
                                                 int attempt)
    {
        (void)url, (void)usernameFromUrl, (void)attempt;
        return std::nullopt;
    }
};

struct PublishRequest
{
    QString repositoryPath; // the work tree (or any folder inside it)
    QString filePath;       // absolute, or relative to the work tree
    QString title;          // for the message "Publish: <title>"
    QString remoteName;     // empty: the branch's upstream, else origin, else the only remote
};

struct PublishOutcome
{
    QString commitId;       // the commit that is now on the remote branch
    bool committed = false; // false when the file had no change and an existing commit was pushed
    QString branch;
    QString remote;
};

Result<PublishOutcome, PublishError> publishPost(const PublishRequest &request,
                                                 PublishObserver *observer = nullptr);

Result<Identity, PublishError> identityFor(const QString &repositoryPath);
Result<void, PublishError> setIdentity(const QString &repositoryPath, const Identity &identity);

} // namespace pw
