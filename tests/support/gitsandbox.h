#pragma once

// A temporary folder for tests that use git: work trees, bare remotes and clones, driven with the
// `git` CLI as a second client independent of libgit2. While a sandbox lives, the process's
// environment keeps git away from the machine's own configuration (HOME, XDG_CONFIG_HOME and
// GIT_CONFIG_GLOBAL point into the sandbox, GIT_CONFIG_NOSYSTEM=1), so ~/.gitconfig can never
// make a test pass. libgit2 reads its search paths once; point it at emptyConfigFolder() too
// (pw::useGitConfigurationFrom).

#include "support/process.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <optional>
#include <utility>
#include <vector>

namespace pw::test {

class GitSandbox
{
public:
    GitSandbox();
    ~GitSandbox();
    GitSandbox(const GitSandbox &) = delete;
    GitSandbox &operator=(const GitSandbox &) = delete;

    bool isValid() const { return m_root.isValid(); }
    QString root() const { return m_root.path(); }
    // An absolute path inside the sandbox.
    QString path(const QString &relative) const;
    // An empty folder standing in for the global, XDG and system configuration.
    QString emptyConfigFolder() const;

    // The environment the sandbox's git commands run in: isolated as above, plus an author and
    // committer for commits the CLI makes (they are not in any config file).
    QProcessEnvironment environment() const;

    ProcessResult git(const QString &workingDirectory, const QStringList &arguments,
                      const QByteArray &input = {}) const;
    // git's trimmed stdout when it succeeds, else "<git ... failed: ...>" with what it printed:
    // made to be compared with QCOMPARE, where a failure then explains itself.
    QString gitOutput(const QString &workingDirectory, const QStringList &arguments) const;

    // Each returns the new repository's absolute path, or an empty string (the reason is in
    // lastError()).
    QString createWorkTree(const QString &relative, const QString &branch = QStringLiteral("main"));
    QString createBareRepository(const QString &relative,
                                 const QString &branch = QStringLiteral("main"));
    QString clone(const QString &url, const QString &relative);

    // Stages everything and commits with the CLI; returns the commit id or an empty string.
    QString commitAll(const QString &workTree, const QString &message);

    // Writes an executable hook script (e.g. "post-receive") into a bare repository.
    bool installHook(const QString &bareRepository, const QString &name, const QByteArray &script);

    QString lastError() const { return m_lastError; }

    static bool writeFile(const QString &path, const QByteArray &content);
    static QByteArray readFile(const QString &path);
    // Copies a folder tree, hidden files included, as `cp -r from to` does.
    static bool copyTree(const QString &from, const QString &to);

private:
    QString repositoryOrError(const ProcessResult &result, const QString &path);

    QTemporaryDir m_root;
    std::vector<std::pair<QByteArray, std::optional<QByteArray>>> m_savedEnvironment;
    QString m_lastError;
};

} // namespace pw::test
