#pragma once

// Private: a libgit2 transport for local repositories that runs git's own `git receive-pack` /
// `git upload-pack` as child processes and speaks the smart protocol with them over a socket
// pair, the way libgit2's ssh transport does over an ssh channel. libgit2's built-in local
// transport writes into the other repository itself and so never runs its hooks; the sample
// blog's origin builds the site in a post-receive hook, which must run as with `git push`.

#include <git2.h>

#include <QString>

namespace pw::git {

// Registers the transport for "file://" URLs. Custom transports are matched by URL prefix before
// libgit2's built-in ones, so it replaces the built-in local transport for file:// URLs.
// Called once, by ensureInitialised().
void registerLocalTransport();

// A git_transport_cb creating the transport, for git_remote_callbacks::transport: plain
// absolute paths never reach the prefix table, so pushes to them select it explicitly.
int createLocalTransport(git_transport **out, git_remote *owner, void *param);

// True for a remote URL that is a plain path to a local folder (not a URL, not scp-like).
bool isLocalPath(const QString &url);

} // namespace pw::git
