#pragma once

// Private: RAII handles for libgit2 objects, one-time initialisation, and errors captured where
// libgit2 raises them. Only publish/*.cpp include this.

#include "publish/publisher.h"

#include <git2.h>

#include <QString>

#include <memory>

namespace pw::git {

// Initialises libgit2 and registers Postwright's file:// transport, once per process, from
// whichever thread gets here first. Every entry point of pw_publish calls it.
void ensureInitialised();

template<typename T, void (*Free)(T *)>
struct Deleter
{
    void operator()(T *handle) const { Free(handle); }
};
template<typename T, void (*Free)(T *)>
using Handle = std::unique_ptr<T, Deleter<T, Free>>;

using Repository = Handle<git_repository, git_repository_free>;
using Index = Handle<git_index, git_index_free>;
using Tree = Handle<git_tree, git_tree_free>;
using Commit = Handle<git_commit, git_commit_free>;
using Signature = Handle<git_signature, git_signature_free>;
using Remote = Handle<git_remote, git_remote_free>;
using Reference = Handle<git_reference, git_reference_free>;
using Config = Handle<git_config, git_config_free>;

// A git_strarray is owned by value and released with git_strarray_dispose.
struct StrArray
{
    git_strarray value{};
    StrArray() = default;
    StrArray(const StrArray &) = delete;
    StrArray &operator=(const StrArray &) = delete;
    ~StrArray() { git_strarray_dispose(&value); }
};

// libgit2 keeps the last error per thread and the next call may replace it: read it right after
// the call that failed.
QString lastErrorText();
PublishError error(PublishError::Kind kind, const QString &message);

QString toString(const git_oid &oid);
void reportStage(PublishObserver *observer, const QString &stage);
QByteArray toUtf8Path(const QString &path);

Result<Repository, PublishError> openRepository(const QString &path);
// As openRepository, but a bare repository (no files to publish) is an error.
Result<Repository, PublishError> openWorkTree(const QString &path);
Result<Index, PublishError> repositoryIndex(git_repository *repository);
// The repository's own configuration file (.git/config), for writes that belong to it alone.
Result<Config, PublishError> localConfig(git_repository *repository);
Result<QString, PublishError> headBranch(git_repository *repository);

} // namespace pw::git
