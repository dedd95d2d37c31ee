#include "publish/libgit2_p.h"

#include "publish/localtransport_p.h"

#include <QDir>
#include <QObject>

#include <mutex>

namespace pw::git {

void ensureInitialised()
{
    static std::once_flag once;
    std::call_once(once, [] {
        git_libgit2_init();
        registerLocalTransport();
    });
}

QString lastErrorText()
{
    const git_error *last = git_error_last();
    return last && last->message ? QString::fromUtf8(last->message).trimmed() : QString();
}

PublishError error(PublishError::Kind kind, const QString &message)
{
    return PublishError{kind, message, lastErrorText()};
}

QString toString(const git_oid &oid)
{
    char hex[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(hex, sizeof hex, &oid);
    return QString::fromLatin1(hex);
}

QByteArray toUtf8Path(const QString &path)
{
    return QDir::fromNativeSeparators(path).toUtf8();
}

Result<Repository, PublishError> openRepository(const QString &path)
{
    ensureInitialised();
    git_repository *raw = nullptr;
    if (git_repository_open_ext(&raw, toUtf8Path(path).constData(), 0, nullptr) < 0)
        return failure(error(PublishError::Kind::NotARepository,
                             QObject::tr("%1 is not inside a git repository; create one or "
                                         "open the site's folder")
                                 .arg(QDir::toNativeSeparators(path))));
    return Repository(raw);
}

Result<Repository, PublishError> openWorkTree(const QString &path)
{
    auto opened = openRepository(path);
    if (opened && git_repository_is_bare(opened.value().get()))
        return failure(PublishError{PublishError::Kind::NotARepository,
                                    QObject::tr("%1 is a bare repository: open the site's work "
                                                "tree instead")
                                        .arg(QDir::toNativeSeparators(path)),
                                    {}});
    return opened;
}

Result<Index, PublishError> repositoryIndex(git_repository *repository)
{
    git_index *raw = nullptr;
    if (git_repository_index(&raw, repository) < 0)
        return failure(
            error(PublishError::Kind::Other, QObject::tr("Cannot open the repository's index")));
    return Index(raw);
}

void reportStage(PublishObserver *observer, const QString &stage)
{
    if (observer)
        observer->stage(stage);
}

Result<Config, PublishError> localConfig(git_repository *repository)
{
    git_config *all = nullptr;
    if (git_repository_config(&all, repository) < 0)
        return failure(error(PublishError::Kind::Other,
                             QObject::tr("Cannot read the repository's configuration")));
    const Config allLevels(all);
    git_config *local = nullptr;
    if (git_config_open_level(&local, allLevels.get(), GIT_CONFIG_LEVEL_LOCAL) < 0)
        return failure(error(PublishError::Kind::Other,
                             QObject::tr("Cannot open the repository's own configuration file")));
    return Config(local);
}

static PublishError detachedHead(const QString &detail)
{
    return {PublishError::Kind::DetachedHead,
            QObject::tr("HEAD is detached — switch to or create a branch"), detail};
}

Result<QString, PublishError> headBranch(git_repository *repository)
{
    if (git_repository_head_detached(repository) == 1)
        return failure(detachedHead(QObject::tr("HEAD points at a commit, not a branch")));
    // HEAD itself, not what it resolves to: a branch without commits yet is still the branch.
    git_reference *raw = nullptr;
    if (git_reference_lookup(&raw, repository, "HEAD") < 0)
        return failure(error(PublishError::Kind::Other, QObject::tr("Cannot read HEAD")));
    const Reference head(raw);
    const char *target = git_reference_symbolic_target(head.get());
    const QString prefix = QStringLiteral("refs/heads/");
    const QString name = target ? QString::fromUtf8(target) : QString();
    if (!name.startsWith(prefix))
        return failure(detachedHead(name));
    return name.mid(prefix.size());
}

} // namespace pw::git
