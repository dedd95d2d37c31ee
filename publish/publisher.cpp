#include "publish/publisher.h"

#include "publish/repository_p.h"

#include <QDir>
#include <QFileInfo>
#include <QObject>

namespace pw {
namespace {

using Kind = PublishError::Kind;

// The post's path relative to the work tree, with '/' separators, as the index spells it.
Result<QString, PublishError> pathInWorkTree(git_repository *repository, const QString &filePath)
{
    const QDir workTree(
        QFileInfo(QString::fromUtf8(git_repository_workdir(repository))).canonicalFilePath());
    const QFileInfo file(workTree.filePath(filePath));
    if (!file.isFile())
        return failure(PublishError{Kind::Other,
                                    QObject::tr("%1 does not exist: save the post, then publish")
                                        .arg(QDir::toNativeSeparators(file.filePath())),
                                    {}});
    const QString relative = workTree.relativeFilePath(file.canonicalFilePath());
    if (relative.startsWith(QLatin1String("../")) || QDir::isAbsolutePath(relative)
        || relative.startsWith(QLatin1String(".git/")))
        return failure(PublishError{Kind::FileOutsideRepository,
                                    QObject::tr("%1 is not inside the site's repository %2: move "
                                                "the post into it, then publish")
                                        .arg(QDir::toNativeSeparators(file.filePath()),
                                             QDir::toNativeSeparators(workTree.path())),
                                    {}});
    return relative;
}

// Stages exactly this file in the repository's index and commits HEAD's tree with only this
// file changed: whatever else the user staged stays staged and out of the commit.
Result<git::CommitOutcome, PublishError> commitFile(git_repository *repository, const QString &path,
                                                    const QString &message, const Identity &author)
{
    const QByteArray indexPath = path.toUtf8();
    auto openedIndex = git::repositoryIndex(repository);
    if (!openedIndex)
        return failure(openedIndex.error());
    git_index *index = openedIndex.value().get();
    if (git_index_read(index, 0) < 0 || git_index_add_bypath(index, indexPath.constData()) < 0
        || git_index_write(index) < 0)
        return failure(git::error(Kind::Other, QObject::tr("Cannot stage %1").arg(path)));
    const git_index_entry *staged = git_index_get_bypath(index, indexPath.constData(), 0);

    auto parent = git::headCommit(repository);
    if (!parent)
        return failure(parent.error());
    git_index *rawCommitIndex = nullptr;
    if (git_index_new(&rawCommitIndex) < 0)
        return failure(git::error(Kind::Other, QObject::tr("Cannot prepare the commit")));
    const git::Index commitIndex(rawCommitIndex);
    git_tree *rawParentTree = nullptr;
    if (parent.value()) {
        if (git_commit_tree(&rawParentTree, parent.value().get()) < 0)
            return failure(git::error(Kind::Other, QObject::tr("Cannot read HEAD's files")));
    }
    const git::Tree parentTree(rawParentTree);
    git_oid tree;
    if ((parentTree && git_index_read_tree(commitIndex.get(), parentTree.get()) < 0) || !staged
        || git_index_add(commitIndex.get(), staged) < 0
        || git_index_write_tree_to(&tree, commitIndex.get(), repository) < 0)
        return failure(git::error(Kind::Other, QObject::tr("Cannot prepare the commit")));
    return git::commitTree(repository, tree, message, author);
}

QString commitMessage(const PublishRequest &request, const QString &path)
{
    const QString title = request.title.simplified();
    return QStringLiteral("Publish: %1").arg(title.isEmpty() ? QFileInfo(path).fileName() : title);
}

} // namespace

Result<PublishOutcome, PublishError> publishPost(const PublishRequest &request,
                                                 PublishObserver *observer)
{
    auto opened = git::openWorkTree(request.repositoryPath);
    if (!opened)
        return failure(opened.error());
    git_repository *repository = opened.value().get();
    // Everything that can be known before committing is checked first, so a refusal changes
    // nothing in the repository.
    auto path = pathInWorkTree(repository, request.filePath);
    if (!path)
        return failure(path.error());
    auto branch = git::headBranch(repository);
    if (!branch)
        return failure(branch.error());
    auto remote = git::chooseRemote(repository, branch.value(), request.remoteName);
    if (!remote)
        return failure(remote.error());
    auto author = git::configuredIdentity(repository);
    if (!author)
        return failure(author.error());

    git::reportStage(observer, QObject::tr("Committing %1").arg(path.value()));
    auto commit = commitFile(repository, path.value(), commitMessage(request, path.value()),
                             author.value());
    if (!commit)
        return failure(commit.error());

    auto pushed = git::pushBranch(repository, remote.value(), branch.value(), observer);
    if (!pushed)
        return failure(pushed.error());
    git::reportStage(observer, QObject::tr("Published to %1").arg(remote.value()));
    return PublishOutcome{commit.value().id, commit.value().committed, branch.value(),
                          remote.value()};
}

Result<Identity, PublishError> identityFor(const QString &repositoryPath)
{
    auto opened = git::openRepository(repositoryPath);
    if (!opened)
        return failure(opened.error());
    return git::configuredIdentity(opened.value().get());
}

Result<void, PublishError> setIdentity(const QString &repositoryPath, const Identity &identity)
{
    const Identity trimmed{identity.name.trimmed(), identity.email.trimmed()};
    if (trimmed.name.isEmpty() || trimmed.email.isEmpty())
        return failure(
            PublishError{Kind::NoIdentity, QObject::tr("Enter both a name and an email"), {}});
    auto opened = git::openRepository(repositoryPath);
    if (!opened)
        return failure(opened.error());
    auto config = git::localConfig(opened.value().get());
    if (!config)
        return failure(config.error());
    if (git_config_set_string(config.value().get(), "user.name", trimmed.name.toUtf8().constData())
            < 0
        || git_config_set_string(config.value().get(), "user.email",
                                 trimmed.email.toUtf8().constData())
               < 0)
        return failure(
            git::error(Kind::Other, QObject::tr("Cannot write the name and email into the "
                                                "repository's configuration")));
    return {};
}

} // namespace pw
