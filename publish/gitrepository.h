#pragma once

// A small repository API on libgit2 for the parts of Postwright that create repositories (the
// sample blog) rather than publish into them. No libgit2 type appears in this header.

#include "base/result.h"
#include "publish/publisher.h"

#include <QString>

namespace pw {

// Creates a repository at path (and the folders leading to it) whose HEAD points at
// initialBranch (e.g. "main"); bare repositories have no work tree.
Result<void, PublishError> initRepository(const QString &path, bool bare,
                                          const QString &initialBranch);

// Stages every file of the work tree (new, modified and deleted, like `git add -A`) and commits
// it on the current branch. Returns the new commit's id, or HEAD's id when nothing changed (no
// empty commit is made).
Result<QString, PublishError> commitAll(const QString &workTree, const QString &message,
                                        const Identity &author);

Result<void, PublishError> addRemote(const QString &workTree, const QString &name,
                                     const QString &url);

// Pushes refs/heads/<branch> to the same name on remote and records the remote as the branch's
// upstream (branch.<branch>.remote / .merge). Never forces.
Result<void, PublishError> pushBranch(const QString &workTree, const QString &remote,
                                      const QString &branch, PublishObserver *observer = nullptr);

// The branch HEAD points at (also when it has no commit yet); DetachedHead when HEAD is detached.
Result<QString, PublishError> currentBranch(const QString &workTree);

// Creates branch `name` at the current commit and points HEAD at it, leaving the work tree and
// index as they are: the way out of a detached HEAD that Publish offers. Fails if it exists.
Result<void, PublishError> switchToNewBranch(const QString &workTree, const QString &name);

// The file:// URL of a local bare repository. Pushes to it run git's own receive-pack, so the
// repository's hooks (e.g. a post-receive that builds the site) run as with `git push`. A remote
// given as a plain absolute path takes the same route (hooks run too); only relative paths are
// left to libgit2's built-in local transport, which never runs hooks.
QString localRemoteUrl(const QString &bareRepositoryPath);

// Makes libgit2 look for global, XDG and system configuration only in folder. Tests point it at
// an empty folder so the machine's own ~/.gitconfig cannot make them pass. Process-wide.
void useGitConfigurationFrom(const QString &folder);

} // namespace pw
