#pragma once

// Private: the repository operations publishPost() and the public repository API share.

#include "publish/libgit2_p.h"

namespace pw::git {

struct CommitOutcome
{
    QString id;
    bool committed = false; // false: the tree equalled HEAD's, HEAD's id is returned
};

// HEAD's commit, or an empty handle while the branch has no commit yet.
Result<Commit, PublishError> headCommit(git_repository *repository);

// Commits tree on the branch HEAD points at, with author as author and committer, unless the
// tree equals HEAD's (no empty commits). The message is trimmed and ends with a newline.
Result<CommitOutcome, PublishError> commitTree(git_repository *repository, const git_oid &tree,
                                               const QString &message, const Identity &author);

// user.name and user.email as git resolves them (repository, then global and system files).
Result<Identity, PublishError> configuredIdentity(git_repository *repository);

// A configuration value, empty when it is not set.
QString configString(git_repository *repository, const QString &key);

// Which remote the branch publishes to: requested if given, else the branch's upstream remote,
// else origin, else the only remote.
Result<QString, PublishError> chooseRemote(git_repository *repository, const QString &branch,
                                           const QString &requested);

// Pushes refs/heads/<branch> to remote (to its upstream ref when the branch tracks one there,
// else the same name), never forcing, and records remote as the upstream when the branch had
// none. A refusal reported per reference counts as failure.
Result<void, PublishError> pushBranch(git_repository *repository, const QString &remote,
                                      const QString &branch, PublishObserver *observer);

} // namespace pw::git
