#include "publish/repository_p.h"

#include <QObject>

namespace pw::git {

Result<Commit, PublishError> headCommit(git_repository *repository)
{
    git_oid id;
    const int looked = git_reference_name_to_id(&id, repository, "HEAD");
    if (looked == GIT_ENOTFOUND || looked == GIT_EUNBORNBRANCH)
        return Commit();
    git_commit *raw = nullptr;
    if (looked < 0 || git_commit_lookup(&raw, repository, &id) < 0)
        return failure(error(PublishError::Kind::Other, QObject::tr("Cannot read HEAD's commit")));
    return Commit(raw);
}

static Result<Signature, PublishError> signatureOf(const Identity &identity)
{
    git_signature *raw = nullptr;
    if (git_signature_now(&raw, identity.name.toUtf8().constData(),
                          identity.email.toUtf8().constData())
        < 0)
        return failure(error(PublishError::Kind::NoIdentity,
                             QObject::tr("\"%1 <%2>\" cannot be used as a git author; enter a "
                                         "name and an email without angle brackets")
                                 .arg(identity.name, identity.email)));
    return Signature(raw);
}

Result<CommitOutcome, PublishError> commitTree(git_repository *repository, const git_oid &treeId,
                                               const QString &message, const Identity &author)
{
    auto parent = headCommit(repository);
    if (!parent)
        return failure(parent.error());
    if (parent.value() && git_oid_equal(&treeId, git_commit_tree_id(parent.value().get())))
        return CommitOutcome{toString(*git_commit_id(parent.value().get())), false};

    auto signature = signatureOf(author);
    if (!signature)
        return failure(signature.error());
    git_tree *rawTree = nullptr;
    if (git_tree_lookup(&rawTree, repository, &treeId) < 0)
        return failure(error(PublishError::Kind::Other, QObject::tr("Cannot read the new tree")));
    const Tree tree(rawTree);
    const git_commit *parents[] = {parent.value().get()};
    // git ends every message with a newline; its tools print a missing one oddly.
    const QByteArray text = message.trimmed().toUtf8() + '\n';
    git_oid commitId;
    if (git_commit_create(&commitId, repository, "HEAD", signature.value().get(),
                          signature.value().get(), nullptr, text.constData(), tree.get(),
                          parent.value() ? 1 : 0, parents)
        < 0)
        return failure(error(PublishError::Kind::Other, QObject::tr("Cannot create the commit")));
    return CommitOutcome{toString(commitId), true};
}

QString configString(git_repository *repository, const QString &key)
{
    git_config *raw = nullptr;
    if (git_repository_config_snapshot(&raw, repository) < 0)
        return {};
    const Config snapshot(raw);
    const char *value = nullptr;
    if (git_config_get_string(&value, snapshot.get(), key.toUtf8().constData()) < 0)
        return {};
    return QString::fromUtf8(value);
}

Result<Identity, PublishError> configuredIdentity(git_repository *repository)
{
    const Identity identity{configString(repository, QStringLiteral("user.name")).trimmed(),
                            configString(repository, QStringLiteral("user.email")).trimmed()};
    if (identity.name.isEmpty() || identity.email.isEmpty())
        return failure(PublishError{PublishError::Kind::NoIdentity,
                                    QObject::tr("Git does not know who you are: set your name "
                                                "and email for this repository"),
                                    QObject::tr("user.name or user.email is not set")});
    return identity;
}

} // namespace pw::git
