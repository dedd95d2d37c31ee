// The repository API the sample blog is built on, checked with the git CLI as a second client.

#include "publish/gitrepository.h"
#include "recordingobserver.h"
#include "support/gitsandbox.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using pw::test::GitSandbox;

class GitRepositoryTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void initRepository_data();
    void initRepository();
    void initRepositoryOverAFileFails();
    void commitAllStagesEverything();
    void commitAllWithoutChangeReturnsHead();
    void addRemoteAndPushBranchRecordUpstream();
    void currentBranch_data();
    void currentBranch();
    void localRemoteUrlIsUsableByGit();
    void switchToNewBranchLeavesDetachedHead();

private:
    QString git(const QString &dir, const QStringList &args);

    QTemporaryDir m_emptyConfig;
    std::unique_ptr<GitSandbox> m_sandbox;
    const pw::Identity m_author{QStringLiteral("Ada Writer"), QStringLiteral("ada@example.org")};
};

void GitRepositoryTest::initTestCase()
{
    QVERIFY(m_emptyConfig.isValid());
    pw::useGitConfigurationFrom(m_emptyConfig.path());
}

void GitRepositoryTest::init()
{
    m_sandbox = std::make_unique<GitSandbox>();
    QVERIFY(m_sandbox->isValid());
}

void GitRepositoryTest::cleanup()
{
    m_sandbox.reset();
}

QString GitRepositoryTest::git(const QString &dir, const QStringList &args)
{
    return m_sandbox->gitOutput(dir, args);
}

void GitRepositoryTest::initRepository_data()
{
    QTest::addColumn<QString>("relative");
    QTest::addColumn<bool>("bare");
    QTest::addColumn<QString>("branch");
    QTest::newRow("nominal: work tree on main")
        << QStringLiteral("site") << false << QStringLiteral("main");
    QTest::newRow("nominal: bare on main")
        << QStringLiteral("origin.git") << true << QStringLiteral("main");
    QTest::newRow("nominal: work tree on another branch")
        << QStringLiteral("site") << false << QStringLiteral("drafts");
    QTest::newRow("robustness: missing parent folders are created")
        << QStringLiteral("a/b/c/origin.git") << true << QStringLiteral("main");
}

void GitRepositoryTest::initRepository()
{
    QFETCH(QString, relative);
    QFETCH(bool, bare);
    QFETCH(QString, branch);
    const QString path = m_sandbox->path(relative);
    const auto made = pw::initRepository(path, bare, branch);
    QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().message));
    QCOMPARE(git(path, {QStringLiteral("rev-parse"), QStringLiteral("--is-bare-repository")}),
             bare ? QStringLiteral("true") : QStringLiteral("false"));
    QCOMPARE(git(path, {QStringLiteral("symbolic-ref"), QStringLiteral("HEAD")}),
             QStringLiteral("refs/heads/") + branch);
}

void GitRepositoryTest::initRepositoryOverAFileFails()
{
    const QString path = m_sandbox->path(QStringLiteral("taken"));
    QVERIFY(GitSandbox::writeFile(path, "not a folder\n"));
    const auto made = pw::initRepository(path, true, QStringLiteral("main"));
    QVERIFY(!made.ok());
    QVERIFY(made.error().message.contains(QStringLiteral("taken")));
    QCOMPARE(GitSandbox::readFile(path), QByteArray("not a folder\n"));
}

void GitRepositoryTest::commitAllStagesEverything()
{
    const QString work = m_sandbox->path(QStringLiteral("site"));
    QVERIFY(pw::initRepository(work, false, QStringLiteral("main")).ok());
    QVERIFY(GitSandbox::writeFile(work + QStringLiteral("/content/posts/first.md"), "# First\n"));
    QVERIFY(GitSandbox::writeFile(work + QStringLiteral("/hugo.toml"), "title = 'Blog'\n"));
    const auto first = pw::commitAll(work, QStringLiteral("Create the blog"), m_author);
    QVERIFY2(first.ok(), qPrintable(first ? QString() : first.error().message));
    QCOMPARE(first.value().size(), 40);
    QCOMPARE(git(work, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}), first.value());
    QCOMPARE(git(work, {QStringLiteral("log"), QStringLiteral("-1"),
                        QStringLiteral("--format=%an <%ae>|%cn <%ce>|%B")}),
             QStringLiteral("Ada Writer <ada@example.org>|Ada Writer <ada@example.org>|Create the "
                            "blog"));
    QCOMPARE(git(work, {QStringLiteral("ls-tree"), QStringLiteral("-r"),
                        QStringLiteral("--name-only"), QStringLiteral("HEAD")}),
             QStringLiteral("content/posts/first.md\nhugo.toml"));

    // A second commit picks up a modification, a deletion and a new file, like `git add -A`.
    QVERIFY(GitSandbox::writeFile(work + QStringLiteral("/content/posts/first.md"), "# First!\n"));
    QVERIFY(QFile::remove(work + QStringLiteral("/hugo.toml")));
    QVERIFY(GitSandbox::writeFile(work + QStringLiteral("/content/posts/second.md"), "# 2\n"));
    const auto second = pw::commitAll(work, QStringLiteral("More"), m_author);
    QVERIFY(second.ok());
    QCOMPARE(git(work, {QStringLiteral("rev-parse"), QStringLiteral("HEAD~1")}), first.value());
    QCOMPARE(git(work, {QStringLiteral("status"), QStringLiteral("--porcelain")}), QString());
    QCOMPARE(git(work, {QStringLiteral("show"), QStringLiteral("HEAD:content/posts/first.md")}),
             QStringLiteral("# First!"));
    QCOMPARE(git(work, {QStringLiteral("ls-tree"), QStringLiteral("-r"),
                        QStringLiteral("--name-only"), QStringLiteral("HEAD")}),
             QStringLiteral("content/posts/first.md\ncontent/posts/second.md"));
}

void GitRepositoryTest::commitAllWithoutChangeReturnsHead()
{
    const QString work = m_sandbox->path(QStringLiteral("site"));
    QVERIFY(pw::initRepository(work, false, QStringLiteral("main")).ok());
    QVERIFY(GitSandbox::writeFile(work + QStringLiteral("/a.md"), "a\n"));
    const auto first = pw::commitAll(work, QStringLiteral("One"), m_author);
    QVERIFY(first.ok());
    const auto again = pw::commitAll(work, QStringLiteral("Two"), m_author);
    QVERIFY(again.ok());
    QCOMPARE(again.value(), first.value());
    QCOMPARE(
        git(work, {QStringLiteral("rev-list"), QStringLiteral("--count"), QStringLiteral("HEAD")}),
        QStringLiteral("1"));
}

void GitRepositoryTest::addRemoteAndPushBranchRecordUpstream()
{
    const QString remote = m_sandbox->path(QStringLiteral("origin.git"));
    const QString work = m_sandbox->path(QStringLiteral("site"));
    QVERIFY(pw::initRepository(remote, true, QStringLiteral("main")).ok());
    QVERIFY(pw::initRepository(work, false, QStringLiteral("main")).ok());
    QVERIFY(GitSandbox::writeFile(work + QStringLiteral("/a.md"), "a\n"));
    const auto commit = pw::commitAll(work, QStringLiteral("One"), m_author);
    QVERIFY(commit.ok());
    QVERIFY(pw::addRemote(work, QStringLiteral("origin"), pw::localRemoteUrl(remote)).ok());
    QCOMPARE(
        git(work, {QStringLiteral("remote"), QStringLiteral("get-url"), QStringLiteral("origin")}),
        pw::localRemoteUrl(remote));
    QVERIFY(!pw::addRemote(work, QStringLiteral("origin"), remote).ok()); // exists already

    RecordingObserver observer;
    const auto pushed
        = pw::pushBranch(work, QStringLiteral("origin"), QStringLiteral("main"), &observer);
    QVERIFY2(pushed.ok(),
             qPrintable(pushed ? QString() : pushed.error().message + pushed.error().detail));
    QCOMPARE(git(remote, {QStringLiteral("rev-parse"), QStringLiteral("main")}), commit.value());
    QCOMPARE(git(work, {QStringLiteral("config"), QStringLiteral("branch.main.remote")}),
             QStringLiteral("origin"));
    QCOMPARE(git(work, {QStringLiteral("config"), QStringLiteral("branch.main.merge")}),
             QStringLiteral("refs/heads/main"));
    QCOMPARE(git(work, {QStringLiteral("rev-parse"), QStringLiteral("origin/main")}),
             commit.value());
    QVERIFY(!observer.stages.isEmpty());

    const auto missing = pw::pushBranch(work, QStringLiteral("nowhere"), QStringLiteral("main"));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().kind, pw::PublishError::Kind::NoRemote);
}

void GitRepositoryTest::currentBranch_data()
{
    QTest::addColumn<QStringList>("setup"); // git commands run in the new work tree
    QTest::addColumn<QString>("branch");    // empty: DetachedHead expected
    QTest::newRow("nominal: unborn main") << QStringList() << QStringLiteral("main");
    QTest::newRow("nominal: after a commit")
        << QStringList{QStringLiteral("commit --allow-empty -q -m one")} << QStringLiteral("main");
    QTest::newRow("nominal: another branch")
        << QStringList{QStringLiteral("commit --allow-empty -q -m one"),
                       QStringLiteral("checkout -q -b drafts")}
        << QStringLiteral("drafts");
    QTest::newRow("robustness: detached HEAD")
        << QStringList{QStringLiteral("commit --allow-empty -q -m one"),
                       QStringLiteral("checkout -q --detach")}
        << QString();
}

void GitRepositoryTest::currentBranch()
{
    QFETCH(QStringList, setup);
    QFETCH(QString, branch);
    const QString work = m_sandbox->createWorkTree(QStringLiteral("site"));
    QVERIFY2(!work.isEmpty(), qPrintable(m_sandbox->lastError()));
    for (const QString &command : setup)
        QVERIFY(m_sandbox->git(work, command.split(QLatin1Char(' '))).ok());
    const auto current = pw::currentBranch(work);
    if (branch.isEmpty()) {
        QVERIFY(!current.ok());
        QCOMPARE(current.error().kind, pw::PublishError::Kind::DetachedHead);
        QVERIFY(current.error().message.contains(QStringLiteral("HEAD is detached")));
    } else {
        QVERIFY(current.ok());
        QCOMPARE(current.value(), branch);
    }
}

void GitRepositoryTest::localRemoteUrlIsUsableByGit()
{
    const QString remote = m_sandbox->path(QStringLiteral("with space/origin.git"));
    QVERIFY(pw::initRepository(remote, true, QStringLiteral("main")).ok());
    const QString url = pw::localRemoteUrl(remote);
    QVERIFY(url.startsWith(QStringLiteral("file:///")));
    const QString clone = m_sandbox->clone(url, QStringLiteral("clone"));
    QVERIFY2(!clone.isEmpty(), qPrintable(m_sandbox->lastError()));
    QVERIFY(QDir(clone + QStringLiteral("/.git")).exists());
}

void GitRepositoryTest::switchToNewBranchLeavesDetachedHead()
{
    const QString work = m_sandbox->createWorkTree(QStringLiteral("site"));
    QVERIFY2(!work.isEmpty(), qPrintable(m_sandbox->lastError()));
    QVERIFY(GitSandbox::writeFile(work + QStringLiteral("/a.md"), "a\n"));
    const QString commit = m_sandbox->commitAll(work, QStringLiteral("one"));
    QVERIFY(!commit.isEmpty());
    QVERIFY(m_sandbox
                ->git(work, {QStringLiteral("checkout"), QStringLiteral("-q"),
                             QStringLiteral("--detach")})
                .ok());
    QVERIFY(GitSandbox::writeFile(work + QStringLiteral("/a.md"), "edited while detached\n"));

    const auto switched = pw::switchToNewBranch(work, QStringLiteral("rescued"));
    QVERIFY2(switched.ok(), qPrintable(switched ? QString() : switched.error().message));
    QCOMPARE(git(work, {QStringLiteral("symbolic-ref"), QStringLiteral("HEAD")}),
             QStringLiteral("refs/heads/rescued"));
    QCOMPARE(git(work, {QStringLiteral("rev-parse"), QStringLiteral("rescued")}), commit);
    QCOMPARE(GitSandbox::readFile(work + QStringLiteral("/a.md")),
             QByteArray("edited while detached\n"));
    QCOMPARE(git(work, {QStringLiteral("status"), QStringLiteral("--porcelain")}),
             QStringLiteral("M a.md")); // still modified, not staged
    QCOMPARE(pw::currentBranch(work).value(), QStringLiteral("rescued"));

    const auto again = pw::switchToNewBranch(work, QStringLiteral("main"));
    QVERIFY(!again.ok()); // exists already
    QCOMPARE(git(work, {QStringLiteral("symbolic-ref"), QStringLiteral("HEAD")}),
             QStringLiteral("refs/heads/rescued"));
}

QTEST_GUILESS_MAIN(GitRepositoryTest)
#include "tst_gitrepository.moc"
