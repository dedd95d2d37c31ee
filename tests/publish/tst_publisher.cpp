// publishPost() against real repositories: a work tree, a bare remote served as a local path,
// file:// URL, git daemon, smart HTTP with basic auth, or sshd, all on 127.0.0.1 and started by
// the tests. Every result is checked with the git CLI, a client independent of libgit2.

#include "publish/gitrepository.h"
#include "publish/publisher.h"
#include "recordingobserver.h"
#include "support/gitsandbox.h"
#include "support/localserver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <thread>

using pw::PublishError;
using pw::test::GitSandbox;
using Kind = PublishError::Kind;

Q_DECLARE_METATYPE(PublishError::Kind)

namespace {

const QByteArray kOriginalPost = "---\ntitle: A\n---\nFirst words.\n";
const QByteArray kEditedPost = "---\ntitle: A\n---\nFirst words, and more.\n";
const QByteArray kOtherPost = "---\ntitle: B\n---\nOther words.\n";

QString describe(const PublishError &error)
{
    return QStringLiteral("kind %1: %2 [%3]").arg(int(error.kind)).arg(error.message, error.detail);
}

template<typename T>
QString describe(const pw::Result<T, PublishError> &result)
{
    return result.ok() ? QStringLiteral("succeeded") : describe(result.error());
}

} // namespace

// Runs the test from another folder, as an app started anywhere would: a relative remote URL must
// still mean the path relative to the work tree, as git reads it.
class CurrentFolder
{
public:
    explicit CurrentFolder(const QString &path) : m_previous(QDir::currentPath())
    {
        QDir().mkpath(path);
        QDir::setCurrent(path);
    }
    ~CurrentFolder() { QDir::setCurrent(m_previous); }
    CurrentFolder(const CurrentFolder &) = delete;
    CurrentFolder &operator=(const CurrentFolder &) = delete;

private:
    QString m_previous;
};

class PublisherTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void publishesOnlyThePost_data();
    void publishesOnlyThePost();
    void unchangedPostPushesExistingCommit();
    void pushRunsTheRemotesHooks_data();
    void pushRunsTheRemotesHooks();
    void reportsProgress();
    void firstPublishRecordsUpstream();
    void firstCommitOfAnEmptyRepository();
    void choosesTheRemote_data();
    void choosesTheRemote();
    void refusesBeforeCommitting_data();
    void refusesBeforeCommitting();
    void identityCanBeSetForTheRepository();
    void detachedHeadRecoversOnANewBranch();
    void nonFastForwardKeepsTheCommit_data();
    void nonFastForwardKeepsTheCommit();
    void serverRefusalIsAFailure_data();
    void serverRefusalIsAFailure();
    void unreachableRemote_data();
    void unreachableRemote();
    void httpAuthentication_data();
    void httpAuthentication();
    void sshAuthentication_data();
    void sshAuthentication();
    void largePushWithChattyHook();
    void publishesFromWorkerThreads();
    void identityFromGlobalConfiguration();
    void pushesToTheUpstreamBranchName();
    void checkedOutBranchOfANonBareRemoteIsRefused();

private:
    struct Site
    {
        QString remote; // the bare repository's path
        QString work;
        QString initialCommit;
    };
    // A bare remote holding posts/a.md, b.md and c.md, and a clone of it with an identity, whose
    // origin points at originUrl (default: the remote's file:// URL).
    Site createSite(const QString &originUrl = {});
    QString git(const QString &dir, const QStringList &args);
    bool setOrigin(const QString &workTree, const QString &url);
    QString remoteHead(const Site &site);
    pw::PublishRequest requestFor(const Site &site,
                                  const QString &file = QStringLiteral("posts/a.md"),
                                  const QString &title = QStringLiteral("A post"));
    // After a failed push: the commit is on the local branch and the post on disk is intact.
    void verifyCommitKeptLocally(const Site &site, const QString &title, const QByteArray &content);
    // After a refusal before committing: nothing changed.
    void verifyUntouched(const Site &site, const QString &head, const QByteArray &content);

    QTemporaryDir m_emptyConfig;
    std::unique_ptr<GitSandbox> m_sandbox;
};

void PublisherTest::initTestCase()
{
    QVERIFY(m_emptyConfig.isValid());
    // libgit2 must never see the machine's ~/.gitconfig (an identity there would hide NoIdentity).
    pw::useGitConfigurationFrom(m_emptyConfig.path());
}

void PublisherTest::init()
{
    m_sandbox = std::make_unique<GitSandbox>();
    QVERIFY(m_sandbox->isValid());
}

void PublisherTest::cleanup()
{
    m_sandbox.reset();
}

QString PublisherTest::git(const QString &dir, const QStringList &args)
{
    return m_sandbox->gitOutput(dir, args);
}

PublisherTest::Site PublisherTest::createSite(const QString &originUrl)
{
    Site site;
    site.remote = m_sandbox->createBareRepository(QStringLiteral("origin.git"));
    const QString seed = m_sandbox->createWorkTree(QStringLiteral("seed"));
    if (site.remote.isEmpty() || seed.isEmpty())
        return {};
    GitSandbox::writeFile(seed + QStringLiteral("/posts/a.md"), kOriginalPost);
    GitSandbox::writeFile(seed + QStringLiteral("/posts/b.md"), kOtherPost);
    GitSandbox::writeFile(seed + QStringLiteral("/posts/c.md"), kOtherPost);
    site.initialCommit = m_sandbox->commitAll(seed, QStringLiteral("Initial posts"));
    if (site.initialCommit.isEmpty()
        || !m_sandbox
                ->git(seed, {QStringLiteral("push"), QStringLiteral("-q"), site.remote,
                             QStringLiteral("main")})
                .ok())
        return {};
    site.work = m_sandbox->clone(site.remote, QStringLiteral("site"));
    if (site.work.isEmpty())
        return {};
    if (!setOrigin(site.work, originUrl.isEmpty() ? pw::localRemoteUrl(site.remote) : originUrl))
        return {};
    for (const QStringList &args :
         {QStringList{QStringLiteral("config"), QStringLiteral("user.name"),
                      QStringLiteral("Ada Writer")},
          QStringList{QStringLiteral("config"), QStringLiteral("user.email"),
                      QStringLiteral("ada@example.org")}}) {
        if (!m_sandbox->git(site.work, args).ok())
            return {};
    }
    return site;
}

bool PublisherTest::setOrigin(const QString &workTree, const QString &url)
{
    return m_sandbox
        ->git(workTree,
              {QStringLiteral("remote"), QStringLiteral("set-url"), QStringLiteral("origin"), url})
        .ok();
}

QString PublisherTest::remoteHead(const Site &site)
{
    return git(site.remote, {QStringLiteral("rev-parse"), QStringLiteral("refs/heads/main")});
}

pw::PublishRequest PublisherTest::requestFor(const Site &site, const QString &file,
                                             const QString &title)
{
    return {site.work, file, title, {}};
}

void PublisherTest::verifyCommitKeptLocally(const Site &site, const QString &title,
                                            const QByteArray &content)
{
    QCOMPARE(GitSandbox::readFile(site.work + QStringLiteral("/posts/a.md")), content);
    QCOMPARE(git(site.work,
                 {QStringLiteral("log"), QStringLiteral("-1"), QStringLiteral("--format=%s")}),
             QStringLiteral("Publish: ") + title);
    QCOMPARE(git(site.work, {QStringLiteral("show"), QStringLiteral("HEAD:posts/a.md")}),
             QString::fromUtf8(content).trimmed());
}

void PublisherTest::verifyUntouched(const Site &site, const QString &head,
                                    const QByteArray &content)
{
    QCOMPARE(GitSandbox::readFile(site.work + QStringLiteral("/posts/a.md")), content);
    QCOMPARE(git(site.work, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}), head);
    QCOMPARE(remoteHead(site), site.initialCommit);
}

void PublisherTest::publishesOnlyThePost_data()
{
    QTest::addColumn<QString>("originKind"); // "file-url" or "path"
    QTest::addColumn<QString>("file");       // as given to publishPost
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("subject"); // the commit message's first line
    QTest::newRow("nominal: file:// remote, relative path") << "file-url"
                                                            << "posts/a.md"
                                                            << "A post"
                                                            << "Publish: A post";
    QTest::newRow("nominal: plain path remote") << "path"
                                                << "posts/a.md"
                                                << "A post"
                                                << "Publish: A post";
    QTest::newRow("nominal: absolute file path") << "file-url"
                                                 << "<work>/posts/a.md"
                                                 << "Über naïve ünïcode"
                                                 << "Publish: Über naïve ünïcode";
    QTest::newRow("robustness: title with line breaks becomes one line") << "file-url"
                                                                         << "posts/a.md"
                                                                         << "Two\nlines "
                                                                         << "Publish: Two lines";
    QTest::newRow("robustness: empty title uses the file name") << "file-url"
                                                                << "posts/a.md"
                                                                << ""
                                                                << "Publish: a.md";
}

void PublisherTest::publishesOnlyThePost()
{
    QFETCH(QString, originKind);
    QFETCH(QString, file);
    QFETCH(QString, title);
    QFETCH(QString, subject);
    Site site = createSite();
    QVERIFY2(!site.work.isEmpty(), qPrintable(m_sandbox->lastError()));
    if (originKind == QLatin1String("path"))
        QVERIFY(setOrigin(site.work, site.remote));

    // The post, another modified post (unstaged) and a third the user staged on purpose.
    QVERIFY(GitSandbox::writeFile(site.work + QStringLiteral("/posts/a.md"), kEditedPost));
    QVERIFY(GitSandbox::writeFile(site.work + QStringLiteral("/posts/b.md"), "changed b\n"));
    QVERIFY(GitSandbox::writeFile(site.work + QStringLiteral("/posts/c.md"), "staged c\n"));
    QCOMPARE(git(site.work, {QStringLiteral("add"), QStringLiteral("posts/c.md")}), QString());

    pw::PublishRequest request
        = requestFor(site, file.replace(QStringLiteral("<work>"), site.work), title);
    RecordingObserver observer;
    const auto published = pw::publishPost(request, &observer);
    QVERIFY2(published.ok(), qPrintable(describe(published)));
    QVERIFY(published.value().committed);
    QCOMPARE(published.value().branch, QStringLiteral("main"));
    QCOMPARE(published.value().remote, QStringLiteral("origin"));

    // The remote, read by the git CLI: our commit on main, its author and message, the post.
    QCOMPARE(remoteHead(site), published.value().commitId);
    QCOMPARE(
        git(site.remote, {QStringLiteral("log"), QStringLiteral("-1"),
                          QStringLiteral("--format=%an|%ae|%cn|%s|%P"), QStringLiteral("main")}),
        QStringLiteral("Ada Writer|ada@example.org|Ada Writer|%1|%2")
            .arg(subject, site.initialCommit));
    QCOMPARE(git(site.remote, {QStringLiteral("show"), QStringLiteral("main:posts/a.md")}),
             QString::fromUtf8(kEditedPost).trimmed());
    const QByteArray rawCommit
        = m_sandbox
              ->git(site.remote,
                    {QStringLiteral("cat-file"), QStringLiteral("commit"), QStringLiteral("main")})
              .out;
    QVERIFY2(rawCommit.endsWith("\n\n" + subject.toUtf8() + '\n'), rawCommit.constData());
    // Only the post changed in the commit: b's edit and c's staged change stayed out of it.
    QCOMPARE(git(site.remote, {QStringLiteral("diff"), QStringLiteral("--name-only"),
                               site.initialCommit, QStringLiteral("main")}),
             QStringLiteral("posts/a.md"));
    // The work tree and index as the user left them, apart from the post being committed.
    QCOMPARE(git(site.work, {QStringLiteral("diff"), QStringLiteral("--name-only")}),
             QStringLiteral("posts/b.md"));
    QCOMPARE(git(site.work, {QStringLiteral("diff"), QStringLiteral("--cached"),
                             QStringLiteral("--name-only")}),
             QStringLiteral("posts/c.md"));
    QCOMPARE(GitSandbox::readFile(site.work + QStringLiteral("/posts/b.md")),
             QByteArray("changed b\n"));
    QCOMPARE(git(site.work, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}),
             published.value().commitId);
}

void PublisherTest::unchangedPostPushesExistingCommit()
{
    Site site = createSite();
    QVERIFY2(!site.work.isEmpty(), qPrintable(m_sandbox->lastError()));
    // Committed locally (by the CLI) but never pushed: publishing it again must push it, not
    // make an empty commit.
    QVERIFY(GitSandbox::writeFile(site.work + QStringLiteral("/posts/a.md"), kEditedPost));
    const QString local = m_sandbox->commitAll(site.work, QStringLiteral("Edited by hand"));
    QVERIFY(!local.isEmpty());

    const auto published = pw::publishPost(requestFor(site));
    QVERIFY2(published.ok(), qPrintable(describe(published)));
    QVERIFY(!published.value().committed);
    QCOMPARE(published.value().commitId, local);
    QCOMPARE(remoteHead(site), local);
    QCOMPARE(git(site.work,
                 {QStringLiteral("rev-list"), QStringLiteral("--count"), QStringLiteral("HEAD")}),
             QStringLiteral("2"));

    // And once more: still nothing to commit, the push is a no-op that succeeds.
    const auto again = pw::publishPost(requestFor(site));
    QVERIFY2(again.ok(), qPrintable(describe(again)));
    QVERIFY(!again.value().committed);
    QCOMPARE(remoteHead(site), local);
}

void PublisherTest::pushRunsTheRemotesHooks_data()
{
    QTest::addColumn<QString>("originKind");
    QTest::newRow("nominal: file:// URL runs post-receive") << "file-url";
    QTest::newRow("nominal: plain path runs post-receive") << "path";
    QTest::newRow("nominal: relative path, run from elsewhere, runs post-receive") << "relative";
}

void PublisherTest::pushRunsTheRemotesHooks()
{
    QFETCH(QString, originKind);
    Site site = createSite();
    QVERIFY2(!site.work.isEmpty(), qPrintable(m_sandbox->lastError()));
    if (originKind == QLatin1String("path"))
        QVERIFY(setOrigin(site.work, site.remote));
    const CurrentFolder elsewhere(m_sandbox->path(QStringLiteral("elsewhere/deeper")));
    if (originKind == QLatin1String("relative"))
        QVERIFY(setOrigin(site.work, QDir(site.work).relativeFilePath(site.remote)));
    const QString marker = m_sandbox->path(QStringLiteral("post-receive-ran"));
    // The hook reads "<old> <new> <ref>" lines on stdin, like the sample blog's builder.
    QVERIFY(m_sandbox->installHook(
        site.remote, QStringLiteral("post-receive"),
        QStringLiteral("#!/bin/sh\ncat > '%1'\necho built the site\n").arg(marker).toUtf8()));
    QVERIFY(GitSandbox::writeFile(site.work + QStringLiteral("/posts/a.md"), kEditedPost));
    RecordingObserver observer;
    const auto published = pw::publishPost(requestFor(site), &observer);
    QVERIFY2(published.ok(), qPrintable(describe(published)));
    const QString received = QString::fromUtf8(GitSandbox::readFile(marker)).trimmed();
    QCOMPARE(received, QStringLiteral("%1 %2 refs/heads/main")
                           .arg(site.initialCommit, published.value().commitId));
    QVERIFY2(observer.remoteText.contains(QStringLiteral("built the site")),
             qPrintable(observer.remoteText));
}

void PublisherTest::reportsProgress()
{
    Site site = createSite();
    QVERIFY2(!site.work.isEmpty(), qPrintable(m_sandbox->lastError()));
    QVERIFY(GitSandbox::writeFile(site.work + QStringLiteral("/posts/a.md"), kEditedPost));
    RecordingObserver observer;
    const auto published = pw::publishPost(requestFor(site), &observer);
    QVERIFY2(published.ok(), qPrintable(describe(published)));
    QVERIFY(observer.stages.size() >= 3);
    QVERIFY(observer.stages.first().contains(QStringLiteral("posts/a.md")));
    QVERIFY(observer.stages.last().contains(QStringLiteral("origin")));
    QVERIFY(observer.progressCalls > 0);
    QVERIFY(observer.credentialAttempts.isEmpty());
}

void PublisherTest::firstPublishRecordsUpstream()
{
    // B21 A: a fresh content repository, origin added, a commit on main, no upstream.
    const QString remote = m_sandbox->createBareRepository(QStringLiteral("origin.git"));
    const QString work = m_sandbox->createWorkTree(QStringLiteral("site"));
    QVERIFY2(!remote.isEmpty() && !work.isEmpty(), qPrintable(m_sandbox->lastError()));
    QVERIFY(GitSandbox::writeFile(work + QStringLiteral("/posts/a.md"), kOriginalPost));
    QVERIFY(!m_sandbox->commitAll(work, QStringLiteral("Start")).isEmpty());
    QCOMPARE(git(work, {QStringLiteral("remote"), QStringLiteral("add"), QStringLiteral("origin"),
                        pw::localRemoteUrl(remote)}),
             QString());
    QVERIFY(!m_sandbox->git(work, {QStringLiteral("config"), QStringLiteral("branch.main.remote")})
                 .ok());
    QVERIFY(pw::setIdentity(work, {QStringLiteral("Ada Writer"), QStringLiteral("ada@example.org")})
                .ok());

    QVERIFY(GitSandbox::writeFile(work + QStringLiteral("/posts/a.md"), kEditedPost));
    const auto published
        = pw::publishPost({work, QStringLiteral("posts/a.md"), QStringLiteral("First"), {}});
    QVERIFY2(published.ok(), qPrintable(describe(published)));
    QCOMPARE(git(remote, {QStringLiteral("rev-parse"), QStringLiteral("main")}),
             published.value().commitId);
    QCOMPARE(git(work, {QStringLiteral("config"), QStringLiteral("branch.main.remote")}),
             QStringLiteral("origin"));
    QCOMPARE(git(work, {QStringLiteral("config"), QStringLiteral("branch.main.merge")}),
             QStringLiteral("refs/heads/main"));
    // The CLI now agrees that main tracks origin/main and is up to date with it.
    QCOMPARE(git(work, {QStringLiteral("rev-parse"), QStringLiteral("--abbrev-ref"),
                        QStringLiteral("main@{upstream}")}),
             QStringLiteral("origin/main"));
    QCOMPARE(git(work, {QStringLiteral("rev-parse"), QStringLiteral("origin/main")}),
             published.value().commitId);
}

void PublisherTest::firstCommitOfAnEmptyRepository()
{
    // No commit at all yet: the post becomes the root commit, alone; the rest stays untracked.
    const QString remote = m_sandbox->createBareRepository(QStringLiteral("origin.git"));
    const QString work = m_sandbox->createWorkTree(QStringLiteral("site"));
    QVERIFY2(!remote.isEmpty() && !work.isEmpty(), qPrintable(m_sandbox->lastError()));
    QVERIFY(pw::addRemote(work, QStringLiteral("origin"), pw::localRemoteUrl(remote)).ok());
    QVERIFY(pw::setIdentity(work, {QStringLiteral("Ada Writer"), QStringLiteral("ada@example.org")})
                .ok());
    QVERIFY(GitSandbox::writeFile(work + QStringLiteral("/posts/a.md"), kOriginalPost));
    QVERIFY(GitSandbox::writeFile(work + QStringLiteral("/hugo.toml"), "title = 'x'\n"));

    const auto published
        = pw::publishPost({work, QStringLiteral("posts/a.md"), QStringLiteral("First"), {}});
    QVERIFY2(published.ok(), qPrintable(describe(published)));
    QVERIFY(published.value().committed);
    QCOMPARE(git(remote, {QStringLiteral("rev-parse"), QStringLiteral("main")}),
             published.value().commitId);
    QCOMPARE(git(remote,
                 {QStringLiteral("rev-list"), QStringLiteral("--count"), QStringLiteral("main")}),
             QStringLiteral("1"));
    QCOMPARE(git(remote, {QStringLiteral("ls-tree"), QStringLiteral("-r"),
                          QStringLiteral("--name-only"), QStringLiteral("main")}),
             QStringLiteral("posts/a.md"));
    QCOMPARE(git(work, {QStringLiteral("status"), QStringLiteral("--porcelain")}),
             QStringLiteral("?? hugo.toml"));
}

void PublisherTest::choosesTheRemote_data()
{
    QTest::addColumn<QStringList>("remotes"); // names added next to the remote (all point to it)
    QTest::addColumn<bool>("removeOrigin");
    QTest::addColumn<bool>("keepUpstream");
    QTest::addColumn<QString>("requested");
    QTest::addColumn<QString>("expected"); // empty: AmbiguousRemote
    QTest::newRow("nominal: origin among several, no upstream")
        << QStringList{QStringLiteral("backup")} << false << false << QString()
        << QStringLiteral("origin");
    QTest::newRow("nominal: the upstream wins over origin")
        << QStringList{QStringLiteral("site")} << false << true << QString()
        << QStringLiteral("origin");
    QTest::newRow("nominal: the only remote, not named origin")
        << QStringList{QStringLiteral("site")} << true << false << QString()
        << QStringLiteral("site");
    QTest::newRow("nominal: an explicit request")
        << QStringList{QStringLiteral("site")} << false << true << QStringLiteral("site")
        << QStringLiteral("site");
    QTest::newRow("robustness: two remotes, no origin, no upstream")
        << QStringList{QStringLiteral("one"), QStringLiteral("two")} << true << false << QString()
        << QString();
}

void PublisherTest::choosesTheRemote()
{
    QFETCH(QStringList, remotes);
    QFETCH(bool, removeOrigin);
    QFETCH(bool, keepUpstream);
    QFETCH(QString, requested);
    QFETCH(QString, expected);
    Site site = createSite();
    QVERIFY2(!site.work.isEmpty(), qPrintable(m_sandbox->lastError()));
    for (const QString &name : remotes)
        QCOMPARE(git(site.work, {QStringLiteral("remote"), QStringLiteral("add"), name,
                                 pw::localRemoteUrl(site.remote)}),
                 QString());
    if (!keepUpstream)
        QCOMPARE(git(site.work, {QStringLiteral("branch"), QStringLiteral("--unset-upstream")}),
                 QString());
    if (removeOrigin)
        QCOMPARE(git(site.work, {QStringLiteral("remote"), QStringLiteral("remove"),
                                 QStringLiteral("origin")}),
                 QString());
    QVERIFY(GitSandbox::writeFile(site.work + QStringLiteral("/posts/a.md"), kEditedPost));
    pw::PublishRequest request = requestFor(site);
    request.remoteName = requested;
    const auto published = pw::publishPost(request);
    if (expected.isEmpty()) {
        QVERIFY(!published.ok());
        QCOMPARE(published.error().kind, Kind::AmbiguousRemote);
        QVERIFY(published.error().message.contains(QStringLiteral("one, two")));
        verifyUntouched(site, site.initialCommit, kEditedPost);
        return;
    }
    QVERIFY2(published.ok(), qPrintable(describe(published)));
    QCOMPARE(published.value().remote, expected);
    QCOMPARE(remoteHead(site), published.value().commitId);
}

void PublisherTest::refusesBeforeCommitting_data()
{
    QTest::addColumn<QString>("situation");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("words"); // part of the message the user reads
    QTest::newRow("robustness: detached HEAD")
        << "detached" << Kind::DetachedHead << "HEAD is detached — switch to or create a branch";
    QTest::newRow("robustness: no remote at all") << "no-remote" << Kind::NoRemote << "no remote";
    QTest::newRow("robustness: requested remote does not exist")
        << "unknown-remote" << Kind::NoRemote << "no remote named upstream";
    QTest::newRow("robustness: no identity")
        << "no-identity" << Kind::NoIdentity << "set your name and email";
    QTest::newRow("robustness: file outside the repository")
        << "outside" << Kind::FileOutsideRepository << "not inside the site's repository";
    QTest::newRow("robustness: file does not exist")
        << "missing" << Kind::Other << "does not exist";
    QTest::newRow("robustness: index locked by another git")
        << QStringLiteral("index-locked") << Kind::Other << QStringLiteral("Cannot stage");
    QTest::newRow("robustness: not a repository")
        << "not-a-repository" << Kind::NotARepository << "not inside a git repository";
}

void PublisherTest::refusesBeforeCommitting()
{
    QFETCH(QString, situation);
    QFETCH(Kind, kind);
    QFETCH(QString, words);
    Site site = createSite();
    QVERIFY2(!site.work.isEmpty(), qPrintable(m_sandbox->lastError()));
    QVERIFY(GitSandbox::writeFile(site.work + QStringLiteral("/posts/a.md"), kEditedPost));
    pw::PublishRequest request = requestFor(site);
    auto run = [&](const QStringList &args) {
        return git(site.work, args);
    };
    if (situation == QLatin1String("detached")) {
        QCOMPARE(
            run({QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("--detach")}),
            QString());
    } else if (situation == QLatin1String("no-remote")) {
        QCOMPARE(
            run({QStringLiteral("remote"), QStringLiteral("remove"), QStringLiteral("origin")}),
            QString());
    } else if (situation == QLatin1String("unknown-remote")) {
        request.remoteName = QStringLiteral("upstream");
    } else if (situation == QLatin1String("no-identity")) {
        QCOMPARE(
            run({QStringLiteral("config"), QStringLiteral("--unset"), QStringLiteral("user.name")}),
            QString());
    } else if (situation == QLatin1String("outside")) {
        request.filePath = m_sandbox->path(QStringLiteral("elsewhere.md"));
        QVERIFY(GitSandbox::writeFile(request.filePath, kEditedPost));
    } else if (situation == QLatin1String("missing")) {
        request.filePath = QStringLiteral("posts/never-saved.md");
    } else if (situation == QLatin1String("index-locked")) {
        QVERIFY(GitSandbox::writeFile(site.work + QStringLiteral("/.git/index.lock"), {}));
    } else if (situation == QLatin1String("not-a-repository")) {
        request.repositoryPath = m_sandbox->path(QStringLiteral("home"));
    }
    const QString indexBefore
        = run({QStringLiteral("diff"), QStringLiteral("--cached"), QStringLiteral("--stat")});
    const auto published = pw::publishPost(request);
    QVERIFY(!published.ok());
    QCOMPARE(published.error().kind, kind);
    QVERIFY2(published.error().message.contains(words, Qt::CaseInsensitive),
             qPrintable(published.error().message));
    QFile::remove(site.work + QStringLiteral("/.git/index.lock"));
    verifyUntouched(site, site.initialCommit, kEditedPost);
    QCOMPARE(run({QStringLiteral("diff"), QStringLiteral("--cached"), QStringLiteral("--stat")}),
             indexBefore);
}

void PublisherTest::identityCanBeSetForTheRepository()
{
    Site site = createSite();
    QVERIFY2(!site.work.isEmpty(), qPrintable(m_sandbox->lastError()));
    for (const QString &key : {QStringLiteral("user.name"), QStringLiteral("user.email")})
        QCOMPARE(git(site.work, {QStringLiteral("config"), QStringLiteral("--unset"), key}),
                 QString());
    const auto missing = pw::identityFor(site.work);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().kind, Kind::NoIdentity);
    QVERIFY(
        !pw::setIdentity(site.work, {QStringLiteral(" "), QStringLiteral("x@example.org")}).ok());

    QVERIFY(pw::setIdentity(site.work,
                            {QStringLiteral("Grace Editor"), QStringLiteral("grace@example.org")})
                .ok());
    QCOMPARE(git(site.work, {QStringLiteral("config"), QStringLiteral("--local"),
                             QStringLiteral("user.name")}),
             QStringLiteral("Grace Editor"));
    QCOMPARE(git(site.work, {QStringLiteral("config"), QStringLiteral("--local"),
                             QStringLiteral("user.email")}),
             QStringLiteral("grace@example.org"));
    const auto found = pw::identityFor(site.work);
    QVERIFY(found.ok());
    QCOMPARE(found.value().name, QStringLiteral("Grace Editor"));

    QVERIFY(GitSandbox::writeFile(site.work + QStringLiteral("/posts/a.md"), kEditedPost));
    const auto published = pw::publishPost(requestFor(site));
    QVERIFY2(published.ok(), qPrintable(describe(published)));
    QCOMPARE(git(site.remote, {QStringLiteral("log"), QStringLiteral("-1"),
                               QStringLiteral("--format=%an <%ae>"), QStringLiteral("main")}),
             QStringLiteral("Grace Editor <grace@example.org>"));
}

void PublisherTest::detachedHeadRecoversOnANewBranch()
{
    // B21 B, the way out Publish offers: create a branch where HEAD is, then publish on it.
    Site site = createSite();
    QVERIFY2(!site.work.isEmpty(), qPrintable(m_sandbox->lastError()));
    QCOMPARE(git(site.work,
                 {QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("--detach")}),
             QString());
    QVERIFY(GitSandbox::writeFile(site.work + QStringLiteral("/posts/a.md"), kEditedPost));
    QCOMPARE(pw::publishPost(requestFor(site)).error().kind, Kind::DetachedHead);

    QVERIFY(pw::switchToNewBranch(site.work, QStringLiteral("rescued")).ok());
    const auto published = pw::publishPost(requestFor(site));
    QVERIFY2(published.ok(), qPrintable(describe(published)));
    QCOMPARE(published.value().branch, QStringLiteral("rescued"));
    QCOMPARE(git(site.remote, {QStringLiteral("rev-parse"), QStringLiteral("rescued")}),
             published.value().commitId);
    QCOMPARE(remoteHead(site), site.initialCommit); // main was not guessed
    QCOMPARE(git(site.work, {QStringLiteral("config"), QStringLiteral("branch.rescued.remote")}),
             QStringLiteral("origin"));
}

void PublisherTest::nonFastForwardKeepsTheCommit_data()
{
    QTest::addColumn<bool>("fetchFirst");
    QTest::newRow("robustness: remote commit not fetched") << false;
    QTest::newRow("robustness: remote commit fetched, not merged") << true;
}

void PublisherTest::nonFastForwardKeepsTheCommit()
{
    QFETCH(bool, fetchFirst);
    Site site = createSite();
    QVERIFY2(!site.work.isEmpty(), qPrintable(m_sandbox->lastError()));
    // B19 A: another clone publishes first.
    const QString other = m_sandbox->clone(site.remote, QStringLiteral("other"));
    QVERIFY(!other.isEmpty());
    QVERIFY(GitSandbox::writeFile(other + QStringLiteral("/posts/a.md"), "from elsewhere\n"));
    const QString theirs = m_sandbox->commitAll(other, QStringLiteral("Their edit"));
    QVERIFY(!theirs.isEmpty());
    QVERIFY(m_sandbox->git(other, {QStringLiteral("push"), QStringLiteral("-q")}).ok());
    if (fetchFirst)
        QVERIFY(m_sandbox->git(site.work, {QStringLiteral("fetch"), QStringLiteral("-q")}).ok());

    QVERIFY(GitSandbox::writeFile(site.work + QStringLiteral("/posts/a.md"), kEditedPost));
    const auto published
        = pw::publishPost(requestFor(site, QStringLiteral("posts/a.md"), QStringLiteral("Mine")));
    QVERIFY(!published.ok());
    QCOMPARE(published.error().kind, Kind::NonFastForward);
    QVERIFY2(published.error().message.contains(QStringLiteral("pull first")),
             qPrintable(describe(published.error())));
    QVERIFY(!published.error().detail.isEmpty());
    QCOMPARE(remoteHead(site), theirs); // never forced
    verifyCommitKeptLocally(site, QStringLiteral("Mine"), kEditedPost);
}

void PublisherTest::serverRefusalIsAFailure_data()
{
    QTest::addColumn<QString>("transport"); // "git-daemon" or "file-url"
    QTest::addColumn<bool>("declines");
    QTest::newRow("nominal: git daemon accepts") << "git-daemon" << false;
    QTest::newRow("robustness: git daemon, pre-receive declines") << "git-daemon" << true;
    QTest::newRow("robustness: file://, pre-receive declines") << "file-url" << true;
    QTest::newRow("robustness: relative path, pre-receive declines") << "relative" << true;
}

void PublisherTest::serverRefusalIsAFailure()
{
    QFETCH(QString, transport);
    QFETCH(bool, declines);
    Site site = createSite();
    QVERIFY2(!site.work.isEmpty(), qPrintable(m_sandbox->lastError()));
    pw::test::ServerProcess daemon;
    if (transport == QLatin1String("git-daemon")) {
        QVERIFY2(pw::test::startGitDaemon(daemon, m_sandbox->root()), qPrintable(daemon.log()));
        QVERIFY(setOrigin(site.work,
                          QStringLiteral("git://127.0.0.1:%1/origin.git").arg(daemon.port())));
    }
    const CurrentFolder elsewhere(m_sandbox->path(QStringLiteral("elsewhere/deeper")));
    if (transport == QLatin1String("relative"))
        QVERIFY(setOrigin(site.work, QDir(site.work).relativeFilePath(site.remote)));
    if (declines)
        QVERIFY(m_sandbox->installHook(site.remote, QStringLiteral("pre-receive"),
                                       "#!/bin/sh\necho 'protected branch'\nexit 1\n"));

    QVERIFY(GitSandbox::writeFile(site.work + QStringLiteral("/posts/a.md"), kEditedPost));
    RecordingObserver observer;
    const auto published = pw::publishPost(
        requestFor(site, QStringLiteral("posts/a.md"), QStringLiteral("Guarded")), &observer);
    if (!declines) {
        QVERIFY2(published.ok(), qPrintable(describe(published) + daemon.log()));
        QCOMPARE(remoteHead(site), published.value().commitId);
        return;
    }
    QVERIFY(!published.ok());
    QCOMPARE(published.error().kind, Kind::Rejected);
    QVERIFY2(published.error().message.contains(QStringLiteral("protected branch")),
             qPrintable(describe(published.error())));
    QVERIFY2(published.error().message.contains(QStringLiteral("pre-receive hook declined")),
             qPrintable(describe(published.error())));
    QVERIFY(observer.remoteText.contains(QStringLiteral("protected branch")));
    QCOMPARE(remoteHead(site), site.initialCommit);
    verifyCommitKeptLocally(site, QStringLiteral("Guarded"), kEditedPost);
}

void PublisherTest::unreachableRemote_data()
{
    QTest::addColumn<QString>("url"); // <port>: a free port nobody listens on
    QTest::newRow("robustness: nothing listens on the HTTP port")
        << "http://127.0.0.1:<port>/origin.git";
    QTest::newRow("robustness: nothing listens on the git port")
        << "git://127.0.0.1:<port>/origin.git";
    QTest::newRow("robustness: file:// URL to a missing folder") << "file://<root>/gone.git";
    QTest::newRow("robustness: file:// URL to a folder that is no repository")
        << "file://<root>/home";
}

void PublisherTest::unreachableRemote()
{
    QFETCH(QString, url);
    Site site = createSite();
    QVERIFY2(!site.work.isEmpty(), qPrintable(m_sandbox->lastError()));
    url.replace(QStringLiteral("<port>"), QString::number(pw::test::freeTcpPort()))
        .replace(QStringLiteral("<root>"), m_sandbox->root());
    QVERIFY(setOrigin(site.work, url));
    QVERIFY(GitSandbox::writeFile(site.work + QStringLiteral("/posts/a.md"), kEditedPost));
    QElapsedTimer timer;
    timer.start();
    const auto published = pw::publishPost(requestFor(site));
    QVERIFY(!published.ok());
    QCOMPARE(published.error().kind, Kind::Unreachable);
    QVERIFY2(published.error().message.contains(QStringLiteral("Cannot reach origin")),
             qPrintable(describe(published.error())));
    QVERIFY2(!published.error().detail.isEmpty(), qPrintable(describe(published.error())));
    QVERIFY(timer.elapsed() < 60'000);
    verifyCommitKeptLocally(site, QStringLiteral("A post"), kEditedPost);
}

void PublisherTest::httpAuthentication_data()
{
    QTest::addColumn<QStringList>("passwords"); // the observer's answer per attempt; "" = none
    QTest::addColumn<bool>("succeeds");
    QTest::addColumn<int>("attempts"); // how often the observer is asked
    QTest::newRow("nominal: right password pushes") << QStringList{"s3cret"} << true << 1;
    QTest::newRow("nominal: wrong stored password, right answer next")
        << QStringList{"wrong", "s3cret"} << true << 2;
    QTest::newRow("robustness: wrong password fails instead of looping")
        << QStringList{"wrong"} << false << 2;
    QTest::newRow("robustness: no credentials given") << QStringList{""} << false << 1;
}

void PublisherTest::httpAuthentication()
{
    QFETCH(QStringList, passwords);
    QFETCH(bool, succeeds);
    QFETCH(int, attempts);
    Site site = createSite();
    QVERIFY2(!site.work.isEmpty(), qPrintable(m_sandbox->lastError()));
    pw::test::ServerProcess server;
    QVERIFY2(pw::test::startGitHttpServer(server, m_sandbox->root(), QStringLiteral("writer"),
                                          QStringLiteral("s3cret")),
             qPrintable(server.log()));
    QVERIFY(
        setOrigin(site.work, QStringLiteral("http://127.0.0.1:%1/origin.git").arg(server.port())));

    RecordingObserver observer;
    for (const QString &password : passwords) {
        if (password.isEmpty())
            observer.answers.append(std::nullopt);
        else
            observer.answers.append(
                pw::PublishObserver::Credential{QStringLiteral("writer"), password, {}, {}, {}});
    }
    QVERIFY(GitSandbox::writeFile(site.work + QStringLiteral("/posts/a.md"), kEditedPost));
    QElapsedTimer timer;
    timer.start();
    const auto published = pw::publishPost(requestFor(site), &observer);
    QVERIFY2(timer.elapsed() < 60'000, "publishing must fail within seconds, not loop");
    QCOMPARE(observer.credentialAttempts.size(), attempts);
    if (succeeds) {
        QVERIFY2(published.ok(), qPrintable(describe(published) + server.log()));
        QCOMPARE(remoteHead(site), published.value().commitId);
        return;
    }
    QVERIFY(!published.ok());
    QCOMPARE(published.error().kind, Kind::AuthFailed);
    QVERIFY2(published.error().message.contains(QStringLiteral("authentication failed for origin")),
             qPrintable(describe(published.error())));
    QCOMPARE(remoteHead(site), site.initialCommit);
    verifyCommitKeptLocally(site, QStringLiteral("A post"), kEditedPost);
}

void PublisherTest::sshAuthentication_data()
{
    QTest::addColumn<bool>("authorized");
    QTest::addColumn<bool>("trusted");
    QTest::newRow("nominal: authorized key pushes") << true << true;
    QTest::newRow("robustness: unauthorized key fails instead of looping") << false << true;
    QTest::newRow("robustness: unknown host key is not trusted") << true << false;
    QTest::newRow("nominal: host in known_hosts needs no question") << true << true;
}

void PublisherTest::sshAuthentication()
{
    QFETCH(bool, authorized);
    QFETCH(bool, trusted);
    Site site = createSite();
    QVERIFY2(!site.work.isEmpty(), qPrintable(m_sandbox->lastError()));
    const QString keys = m_sandbox->path(QStringLiteral("ssh"));
    QVERIFY(QDir().mkpath(keys));
    // PEM ECDSA keys: what libssh2 1.10 reads and OpenSSH 9 accepts.
    for (const QString &name : {QStringLiteral("good"), QStringLiteral("bad")}) {
        const auto made = pw::test::runProcess(
            QStringLiteral("ssh-keygen"),
            {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ecdsa"),
             QStringLiteral("-m"), QStringLiteral("PEM"), QStringLiteral("-N"), QString(),
             QStringLiteral("-f"), keys + QLatin1Char('/') + name});
        QVERIFY2(made.ok(), qPrintable(made.describe()));
    }
    pw::test::ServerProcess sshd;
    if (!pw::test::startSshServer(sshd, keys,
                                  QString::fromUtf8(GitSandbox::readFile(keys + "/good.pub"))))
        QSKIP(qPrintable(QStringLiteral("sshd cannot start here: ") + sshd.log()));
    const QString user = qEnvironmentVariable("USER", QStringLiteral("root"));
    QVERIFY(setOrigin(
        site.work,
        QStringLiteral("ssh://%1@127.0.0.1:%2%3").arg(user).arg(sshd.port()).arg(site.remote)));

    const QString key = keys + (authorized ? QStringLiteral("/good") : QStringLiteral("/bad"));
    RecordingObserver observer;
    // The fingerprint as OpenSSH prints it: "256 SHA256:<base64> comment (ECDSA)".
    const auto fingerprint = pw::test::runProcess(QStringLiteral("ssh-keygen"),
                                                  {QStringLiteral("-l"), QStringLiteral("-E"),
                                                   QStringLiteral("sha256"), QStringLiteral("-f"),
                                                   keys + QStringLiteral("/host_key.pub")});
    QVERIFY2(fingerprint.ok(), qPrintable(fingerprint.describe()));
    const QString hostFingerprint = fingerprint.text().section(QLatin1Char(' '), 1, 1);
    QVERIFY(hostFingerprint.startsWith(QStringLiteral("SHA256:")));
    // libgit2 reads $HOME/.ssh/known_hosts; HOME is the sandbox's while it lives.
    const QString knownHosts = m_sandbox->path(QStringLiteral("home/.ssh/known_hosts"));
    const bool known = QByteArray(QTest::currentDataTag()).contains("known_hosts");
    if (known) {
        const QByteArray hostKey = GitSandbox::readFile(keys + QStringLiteral("/host_key.pub"));
        QVERIFY(GitSandbox::writeFile(knownHosts,
                                      QStringLiteral("[127.0.0.1]:%1 ").arg(sshd.port()).toUtf8()
                                          + hostKey.left(hostKey.lastIndexOf(' ')) + '\n'));
    } else if (trusted) {
        observer.trustedFingerprint = hostFingerprint;
    }
    observer.answers.append(
        pw::PublishObserver::Credential{user, {}, key + QStringLiteral(".pub"), key, {}});
    QVERIFY(GitSandbox::writeFile(site.work + QStringLiteral("/posts/a.md"), kEditedPost));
    QElapsedTimer timer;
    timer.start();
    const auto published = pw::publishPost(requestFor(site), &observer);
    QFile::remove(knownHosts);
    QVERIFY(timer.elapsed() < 60'000);
    if (known)
        QCOMPARE(observer.fingerprintsSeen, QStringList()); // libgit2 vouched for it
    // The key is offered once when it works; a refused one once more, then publishing stops.
    QCOMPARE(observer.credentialAttempts.size(), !trusted ? 0 : authorized ? 1 : 2);
    if (authorized && trusted) {
        QVERIFY2(published.ok(), qPrintable(describe(published) + sshd.log()));
        QCOMPARE(remoteHead(site), published.value().commitId);
        return;
    }
    QVERIFY(!published.ok());
    if (!trusted) {
        QCOMPARE(published.error().kind, Kind::UntrustedHost);
        QCOMPARE(observer.fingerprintsSeen, QStringList{hostFingerprint});
        QVERIFY(observer.credentialAttempts.isEmpty()); // no key offered to an unknown host
    } else {
        QCOMPARE(published.error().kind, Kind::AuthFailed);
        QVERIFY(
            published.error().message.contains(QStringLiteral("authentication failed for origin")));
    }
    QCOMPARE(remoteHead(site), site.initialCommit);
    verifyCommitKeptLocally(site, QStringLiteral("A post"), kEditedPost);
}

void PublisherTest::largePushWithChattyHook()
{
    // Several megabytes one way and a hook printing far more than a pipe buffer the other way:
    // the local transport must keep both moving instead of deadlocking.
    Site site = createSite();
    QVERIFY2(!site.work.isEmpty(), qPrintable(m_sandbox->lastError()));
    QVERIFY(m_sandbox->installHook(site.remote, QStringLiteral("post-receive"),
                                   "#!/bin/sh\ni=0\nwhile [ $i -lt 4000 ]; do\n"
                                   "  echo \"building page $i of the site: Über, naïve, 日本語\"\n"
                                   "  echo \"warning $i\" >&2\n  i=$((i+1))\ndone\n"));
    QByteArray post = "---\ntitle: Big\n---\n";
    QRandomGenerator random(20261203);
    while (post.size() < 6 * 1024 * 1024)
        post += QByteArray::number(random.generate64(), 36) + ' ';
    QVERIFY(GitSandbox::writeFile(site.work + QStringLiteral("/posts/a.md"), post));
    RecordingObserver observer;
    const auto published = pw::publishPost(requestFor(site), &observer);
    QVERIFY2(published.ok(), qPrintable(describe(published)));
    QCOMPARE(remoteHead(site), published.value().commitId);
    QVERIFY(observer.remoteText.contains(QStringLiteral("building page 3999 of the site: Über, "
                                                        "naïve, 日本語")));
    QVERIFY(!observer.remoteText.contains(QChar::ReplacementCharacter));
    QVERIFY(observer.remoteText.contains(QStringLiteral("warning 3999")));
    const auto size = m_sandbox->git(site.remote, {QStringLiteral("cat-file"), QStringLiteral("-s"),
                                                   QStringLiteral("main:posts/a.md")});
    QCOMPARE(size.text(), QString::number(post.size()));
}

void PublisherTest::publishesFromWorkerThreads()
{
    // The GUI publishes on a worker thread; two sites at once must not disturb each other
    // (libgit2's errors are per thread, its initialisation happens once).
    Site first = createSite();
    QVERIFY2(!first.work.isEmpty(), qPrintable(m_sandbox->lastError()));
    const QString secondRemote = m_sandbox->createBareRepository(QStringLiteral("second.git"));
    const QString secondWork = m_sandbox->clone(first.remote, QStringLiteral("second"));
    QVERIFY(!secondRemote.isEmpty() && !secondWork.isEmpty());
    QVERIFY(setOrigin(secondWork, pw::localRemoteUrl(secondRemote)));
    QVERIFY(
        pw::setIdentity(secondWork, {QStringLiteral("Bo"), QStringLiteral("bo@example.org")}).ok());
    QVERIFY(GitSandbox::writeFile(first.work + QStringLiteral("/posts/a.md"), kEditedPost));
    QVERIFY(GitSandbox::writeFile(secondWork + QStringLiteral("/posts/b.md"), kEditedPost));

    std::optional<pw::Result<pw::PublishOutcome, PublishError>> results[2];
    std::thread one([&] { results[0].emplace(pw::publishPost(requestFor(first))); });
    std::thread two([&] {
        results[1].emplace(
            pw::publishPost({secondWork, QStringLiteral("posts/b.md"), QStringLiteral("B"), {}}));
    });
    one.join();
    two.join();
    QVERIFY2(results[0]->ok(), qPrintable(describe(*results[0])));
    QVERIFY2(results[1]->ok(), qPrintable(describe(*results[1])));
    QCOMPARE(remoteHead(first), results[0]->value().commitId);
    QCOMPARE(git(secondRemote, {QStringLiteral("rev-parse"), QStringLiteral("main")}),
             results[1]->value().commitId);
}

void PublisherTest::identityFromGlobalConfiguration()
{
    Site site = createSite();
    QVERIFY2(!site.work.isEmpty(), qPrintable(m_sandbox->lastError()));
    for (const QString &key : {QStringLiteral("user.name"), QStringLiteral("user.email")})
        QCOMPARE(git(site.work, {QStringLiteral("config"), QStringLiteral("--unset"), key}),
                 QString());
    // The folder libgit2 takes global configuration from (see initTestCase), for this test only.
    const QString global = m_emptyConfig.filePath(QStringLiteral(".gitconfig"));
    QVERIFY(
        GitSandbox::writeFile(global, "[user]\n\tname = Global Gil\n\temail = gil@example.org\n"));
    const auto identity = pw::identityFor(site.work);
    QFile::remove(global);
    QVERIFY2(identity.ok(), qPrintable(describe(identity)));
    QCOMPARE(identity.value().name, QStringLiteral("Global Gil"));
    QCOMPARE(identity.value().email, QStringLiteral("gil@example.org"));
    QVERIFY(!pw::identityFor(site.work).ok()); // gone again with the file
}

void PublisherTest::pushesToTheUpstreamBranchName()
{
    // main tracks origin/live (git branch -u): publishing updates live, not a new "main".
    Site site = createSite();
    QVERIFY2(!site.work.isEmpty(), qPrintable(m_sandbox->lastError()));
    QVERIFY(m_sandbox
                ->git(site.remote,
                      {QStringLiteral("branch"), QStringLiteral("live"), QStringLiteral("main")})
                .ok());
    QVERIFY(m_sandbox->git(site.work, {QStringLiteral("fetch"), QStringLiteral("-q")}).ok());
    QCOMPARE(git(site.work, {QStringLiteral("branch"), QStringLiteral("-q"), QStringLiteral("-u"),
                             QStringLiteral("origin/live")}),
             QString());
    QVERIFY(GitSandbox::writeFile(site.work + QStringLiteral("/posts/a.md"), kEditedPost));
    const auto published = pw::publishPost(requestFor(site));
    QVERIFY2(published.ok(), qPrintable(describe(published)));
    QCOMPARE(git(site.remote, {QStringLiteral("rev-parse"), QStringLiteral("live")}),
             published.value().commitId);
    QCOMPARE(remoteHead(site), site.initialCommit);
    QCOMPARE(git(site.work, {QStringLiteral("config"), QStringLiteral("branch.main.merge")}),
             QStringLiteral("refs/heads/live"));
}

void PublisherTest::checkedOutBranchOfANonBareRemoteIsRefused()
{
    // git's receive-pack refuses to move the branch checked out in the remote's work tree
    // (receive.denyCurrentBranch); that refusal must reach the user, not a false "published".
    Site site = createSite();
    QVERIFY2(!site.work.isEmpty(), qPrintable(m_sandbox->lastError()));
    const QString other = m_sandbox->clone(site.remote, QStringLiteral("other"));
    QVERIFY(!other.isEmpty());
    QVERIFY(setOrigin(site.work, pw::localRemoteUrl(other)));
    const QString before = git(other, {QStringLiteral("rev-parse"), QStringLiteral("main")});
    QVERIFY(GitSandbox::writeFile(site.work + QStringLiteral("/posts/a.md"), kEditedPost));
    const auto published = pw::publishPost(requestFor(site));
    QVERIFY(!published.ok());
    QCOMPARE(published.error().kind, Kind::Rejected);
    QVERIFY2(published.error().message.contains(QStringLiteral("checked out")),
             qPrintable(describe(published.error())));
    QCOMPARE(git(other, {QStringLiteral("rev-parse"), QStringLiteral("main")}), before);
    verifyCommitKeptLocally(site, QStringLiteral("A post"), kEditedPost);
}

QTEST_GUILESS_MAIN(PublisherTest)
#include "tst_publisher.moc"
