#include "publish/gitrepository.h"

#include "publish/repository_p.h"

#include <QDir>
#include <QFileInfo>
#include <QObject>
#include <QUrl>

namespace pw {

using Kind = PublishError::Kind;

Result<void, PublishError> initRepository(const QString &path, bool bare,
                                          const QString &initialBranch)
{
    git::ensureInitialised();
    const QByteArray branch = initialBranch.toUtf8();
    git_repository_init_options options;
    git_repository_init_options_init(&options, GIT_REPOSITORY_INIT_OPTIONS_VERSION);
    options.flags = GIT_REPOSITORY_INIT_MKPATH;
    if (bare)
        options.flags |= GIT_REPOSITORY_INIT_BARE;
    options.initial_head = branch.isEmpty() ? nullptr : branch.constData();
    git_repository *raw = nullptr;
    if (git_repository_init_ext(&raw, git::toUtf8Path(path).constData(), &options) < 0)
        return failure(git::error(
            Kind::Other,
            QObject::tr("Cannot create a repository at %1").arg(QDir::toNativeSeparators(path))));
    git::Repository repository(raw); // only the folder was wanted: free the handle
    return {};
}

Result<QString, PublishError> commitAll(const QString &workTree, const QString &message,
                                        const Identity &author)
{
    auto opened = git::openWorkTree(workTree);
    if (!opened)
        return failure(opened.error());
    git_repository *repository = opened.value().get();
    auto openedIndex = git::repositoryIndex(repository);
    if (!openedIndex)
        return failure(openedIndex.error());
    git_index *index = openedIndex.value().get();
    const git_strarray everything{nullptr, 0};
    git_oid tree;
    if (git_index_read(index, 0) < 0
        || git_index_add_all(index, &everything, GIT_INDEX_ADD_DEFAULT, nullptr, nullptr) < 0
        || git_index_update_all(index, &everything, nullptr, nullptr) < 0
        || git_index_write(index) < 0 || git_index_write_tree(&tree, index) < 0)
        return failure(git::error(
            Kind::Other,
            QObject::tr("Cannot stage the files of %1").arg(QDir::toNativeSeparators(workTree))));
    auto commit = git::commitTree(repository, tree, message, author);
    if (!commit)
        return failure(commit.error());
    return commit.value().id;
}

Result<void, PublishError> addRemote(const QString &workTree, const QString &name,
                                     const QString &url)
{
    auto opened = git::openRepository(workTree);
    if (!opened)
        return failure(opened.error());
    git_remote *raw = nullptr;
    if (git_remote_create(&raw, opened.value().get(), name.toUtf8().constData(),
                          url.toUtf8().constData())
        < 0)
        return failure(
            git::error(Kind::Other, QObject::tr("Cannot add the remote %1 (%2)").arg(name, url)));
    git::Remote remote(raw); // written to the configuration; free the handle
    return {};
}

Result<void, PublishError> pushBranch(const QString &workTree, const QString &remote,
                                      const QString &branch, PublishObserver *observer)
{
    auto opened = git::openWorkTree(workTree);
    if (!opened)
        return failure(opened.error());
    return git::pushBranch(opened.value().get(), remote, branch, observer);
}

Result<QString, PublishError> currentBranch(const QString &workTree)
{
    auto opened = git::openRepository(workTree);
    if (!opened)
        return failure(opened.error());
    return git::headBranch(opened.value().get());
}

Result<void, PublishError> switchToNewBranch(const QString &workTree, const QString &name)
{
    auto opened = git::openWorkTree(workTree);
    if (!opened)
        return failure(opened.error());
    git_repository *repository = opened.value().get();
    auto head = git::headCommit(repository);
    if (!head)
        return failure(head.error());
    if (!head.value())
        return failure(PublishError{
            Kind::Other, QObject::tr("There is no commit yet to start %1 from").arg(name), {}});
    const QByteArray branch = name.toUtf8();
    git_reference *raw = nullptr;
    if (git_branch_create(&raw, repository, branch.constData(), head.value().get(), 0) < 0)
        return failure(
            git::error(Kind::Other,
                       QObject::tr("Cannot create the branch %1: choose another name").arg(name)));
    const git::Reference created(raw);
    if (git_repository_set_head(repository, git_reference_name(created.get())) < 0)
        return failure(git::error(Kind::Other, QObject::tr("Cannot switch to %1").arg(name)));
    return {};
}

QString localRemoteUrl(const QString &bareRepositoryPath)
{
    return QUrl::fromLocalFile(QFileInfo(bareRepositoryPath).absoluteFilePath()).toString();
}

void useGitConfigurationFrom(const QString &folder)
{
    git::ensureInitialised();
    const QByteArray path = git::toUtf8Path(folder);
    for (const int level : {GIT_CONFIG_LEVEL_SYSTEM, GIT_CONFIG_LEVEL_XDG, GIT_CONFIG_LEVEL_GLOBAL,
                            GIT_CONFIG_LEVEL_PROGRAMDATA})
        git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, level, path.constData());
}

} // namespace pw
