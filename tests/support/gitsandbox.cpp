#include "support/gitsandbox.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace pw::test {
namespace {

constexpr const char *kAuthorName = "Sandbox Author";
constexpr const char *kAuthorEmail = "sandbox@example.org";

// Variables from an outer git (a hook, a rebase) that would point the CLI at another repository.
constexpr const char *kRepositoryVariables[]
    = {"GIT_DIR",        "GIT_WORK_TREE",         "GIT_INDEX_FILE",  "GIT_OBJECT_DIRECTORY",
       "GIT_COMMON_DIR", "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT"};

} // namespace

GitSandbox::GitSandbox()
{
    QDir(root()).mkpath(QStringLiteral("home/.config"));
    QDir(root()).mkpath(QStringLiteral("empty-config"));
    const QList<std::pair<QByteArray, std::optional<QByteArray>>> wanted = {
        {"HOME", path(QStringLiteral("home")).toUtf8()},
        {"XDG_CONFIG_HOME", path(QStringLiteral("home/.config")).toUtf8()},
        {"GIT_CONFIG_GLOBAL", path(QStringLiteral("home/.gitconfig")).toUtf8()},
        {"GIT_CONFIG_NOSYSTEM", "1"},
        {"GIT_TERMINAL_PROMPT", "0"},
        {"GIT_ASKPASS", std::nullopt},
        {"SSH_ASKPASS", std::nullopt},
    };
    auto save = [this](const char *name) {
        m_savedEnvironment.emplace_back(
            name, qEnvironmentVariableIsSet(name) ? std::optional(qgetenv(name)) : std::nullopt);
    };
    for (const auto &[name, value] : wanted) {
        save(name.constData());
        if (value)
            qputenv(name.constData(), *value);
        else
            qunsetenv(name.constData());
    }
    for (const char *name : kRepositoryVariables) {
        save(name);
        qunsetenv(name);
    }
}

GitSandbox::~GitSandbox()
{
    for (const auto &[name, value] : m_savedEnvironment) {
        if (value)
            qputenv(name.constData(), *value);
        else
            qunsetenv(name.constData());
    }
}

QString GitSandbox::path(const QString &relative) const
{
    return QDir(root()).filePath(relative);
}

QString GitSandbox::emptyConfigFolder() const
{
    return path(QStringLiteral("empty-config"));
}

QProcessEnvironment GitSandbox::environment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("GIT_AUTHOR_NAME"), QString::fromLatin1(kAuthorName));
    environment.insert(QStringLiteral("GIT_AUTHOR_EMAIL"), QString::fromLatin1(kAuthorEmail));
    environment.insert(QStringLiteral("GIT_COMMITTER_NAME"), QString::fromLatin1(kAuthorName));
    environment.insert(QStringLiteral("GIT_COMMITTER_EMAIL"), QString::fromLatin1(kAuthorEmail));
    return environment;
}

ProcessResult GitSandbox::git(const QString &workingDirectory, const QStringList &arguments,
                              const QByteArray &input) const
{
    return runProcess(QStringLiteral("git"), arguments, workingDirectory, environment(), input);
}

QString GitSandbox::gitOutput(const QString &workingDirectory, const QStringList &arguments) const
{
    const ProcessResult result = git(workingDirectory, arguments);
    return result.ok() ? result.text()
                       : QStringLiteral("<git %1 failed: %2>")
                             .arg(arguments.join(QLatin1Char(' ')), result.describe());
}

QString GitSandbox::repositoryOrError(const ProcessResult &result, const QString &repository)
{
    if (result.ok())
        return repository;
    m_lastError = result.describe();
    return {};
}

QString GitSandbox::createWorkTree(const QString &relative, const QString &branch)
{
    const QString repository = path(relative);
    return repositoryOrError(git(root(), {QStringLiteral("init"), QStringLiteral("-q"),
                                          QStringLiteral("-b"), branch, repository}),
                             repository);
}

QString GitSandbox::createBareRepository(const QString &relative, const QString &branch)
{
    const QString repository = path(relative);
    return repositoryOrError(
        git(root(), {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("--bare"),
                     QStringLiteral("-b"), branch, repository}),
        repository);
}

QString GitSandbox::clone(const QString &url, const QString &relative)
{
    const QString repository = path(relative);
    return repositoryOrError(
        git(root(), {QStringLiteral("clone"), QStringLiteral("-q"), url, repository}), repository);
}

QString GitSandbox::commitAll(const QString &workTree, const QString &message)
{
    const ProcessResult added = git(workTree, {QStringLiteral("add"), QStringLiteral("-A")});
    if (!added.ok()) {
        m_lastError = added.describe();
        return {};
    }
    const ProcessResult committed = git(
        workTree, {QStringLiteral("commit"), QStringLiteral("-q"), QStringLiteral("-m"), message});
    if (!committed.ok()) {
        m_lastError = committed.describe();
        return {};
    }
    const ProcessResult head = git(workTree, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")});
    return repositoryOrError(head, head.text());
}

bool GitSandbox::installHook(const QString &bareRepository, const QString &name,
                             const QByteArray &script)
{
    const QString hook = QDir(bareRepository).filePath(QStringLiteral("hooks/") + name);
    if (!writeFile(hook, script))
        return false;
    return QFile::setPermissions(hook, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                           | QFile::ReadGroup | QFile::ExeGroup);
}

bool GitSandbox::writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
           && file.write(content) == content.size();
}

QByteArray GitSandbox::readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool GitSandbox::copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = to + source.mid(from.size());
        if (!QDir().mkpath(QFileInfo(target).absolutePath()) || !QFile::copy(source, target))
            return false;
    }
    return true;
}

} // namespace pw::test
