// The file:// transport pw_publish registers with libgit2: fetches and clones through it must
// run git's own upload-pack (which honours the remote's configuration, as `git fetch` does),
// not libgit2's built-in local transport. Driven with libgit2 directly, checked with the CLI.

#include "publish/gitrepository.h"
#include "support/gitsandbox.h"

#include <git2.h>

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using pw::test::GitSandbox;

namespace {

struct RepositoryDeleter
{
    void operator()(git_repository *repository) const { git_repository_free(repository); }
};
struct RemoteDeleter
{
    void operator()(git_remote *remote) const { git_remote_free(remote); }
};
using RepositoryHandle = std::unique_ptr<git_repository, RepositoryDeleter>;
using RemoteHandle = std::unique_ptr<git_remote, RemoteDeleter>;

QString lastError()
{
    const git_error *error = git_error_last();
    return error ? QString::fromUtf8(error->message) : QString();
}

} // namespace

class LocalTransportTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void remoteSeenThroughUploadPack_data();
    void remoteSeenThroughUploadPack();
    void cloneAndFetch();
    void missingRepository();

private:
    // A bare remote with one commit on main and a ref upload-pack is configured to hide.
    QString createRemote(const QString &relative = QStringLiteral("origin.git"));

    QTemporaryDir m_emptyConfig;
    std::unique_ptr<GitSandbox> m_sandbox;
};

void LocalTransportTest::initTestCase()
{
    QVERIFY(m_emptyConfig.isValid());
    pw::useGitConfigurationFrom(m_emptyConfig.path()); // also initialises libgit2 and the transport
}

void LocalTransportTest::init()
{
    m_sandbox = std::make_unique<GitSandbox>();
}

void LocalTransportTest::cleanup()
{
    m_sandbox.reset();
}

QString LocalTransportTest::createRemote(const QString &relative)
{
    const QString remote = m_sandbox->createBareRepository(relative);
    const QString seed = m_sandbox->createWorkTree(QStringLiteral("seed"));
    GitSandbox::writeFile(seed + QStringLiteral("/a.md"), "a\n");
    const QString commit = m_sandbox->commitAll(seed, QStringLiteral("one"));
    const bool ready
        = !commit.isEmpty()
          && m_sandbox
                 ->git(seed, {QStringLiteral("push"), QStringLiteral("-q"), remote,
                              QStringLiteral("main"), QStringLiteral("main:refs/hidden/x")})
                 .ok()
          && m_sandbox
                 ->git(remote, {QStringLiteral("config"), QStringLiteral("uploadpack.hideRefs"),
                                QStringLiteral("refs/hidden")})
                 .ok();
    return ready ? remote : QString();
}

void LocalTransportTest::remoteSeenThroughUploadPack_data()
{
    QTest::addColumn<QString>("relative");
    QTest::newRow("nominal: file:// URL") << QStringLiteral("origin.git");
    QTest::newRow("nominal: file:// URL of a path with a space and ü")
        << QStringLiteral("a folder/süß.git");
}

void LocalTransportTest::remoteSeenThroughUploadPack()
{
    QFETCH(QString, relative);
    const QString remote = createRemote(relative);
    QVERIFY2(!remote.isEmpty(), qPrintable(m_sandbox->lastError()));
    const QByteArray url = pw::localRemoteUrl(remote).toUtf8();
    git_remote *raw = nullptr;
    QCOMPARE(git_remote_create_detached(&raw, url.constData()), 0);
    const RemoteHandle remoteHandle(raw);
    QVERIFY2(git_remote_connect(remoteHandle.get(), GIT_DIRECTION_FETCH, nullptr, nullptr, nullptr)
                 == 0,
             qPrintable(lastError()));
    const git_remote_head **heads = nullptr;
    size_t count = 0;
    QCOMPARE(git_remote_ls(&heads, &count, remoteHandle.get()), 0);
    QStringList names;
    for (size_t i = 0; i < count; ++i)
        names.append(QString::fromUtf8(heads[i]->name));
    // upload-pack applied uploadpack.hideRefs; libgit2's own local transport would list it.
    QVERIFY2(names.contains(QStringLiteral("refs/heads/main")), qPrintable(names.join(' ')));
    QVERIFY2(!names.contains(QStringLiteral("refs/hidden/x")), qPrintable(names.join(' ')));
}

void LocalTransportTest::cloneAndFetch()
{
    const QString remote = createRemote();
    QVERIFY2(!remote.isEmpty(), qPrintable(m_sandbox->lastError()));
    const QString target = m_sandbox->path(QStringLiteral("cloned"));
    git_repository *raw = nullptr;
    QVERIFY2(git_clone(&raw, pw::localRemoteUrl(remote).toUtf8().constData(),
                       target.toUtf8().constData(), nullptr)
                 == 0,
             qPrintable(lastError()));
    const RepositoryHandle cloned(raw);
    const auto remoteMain
        = m_sandbox->git(remote, {QStringLiteral("rev-parse"), QStringLiteral("main")});
    QCOMPARE(m_sandbox->git(target, {QStringLiteral("rev-parse"), QStringLiteral("HEAD")}).text(),
             remoteMain.text());
    QCOMPARE(GitSandbox::readFile(target + QStringLiteral("/a.md")), QByteArray("a\n"));

    // A new commit on the remote arrives with a fetch through the same transport.
    const QString seed = m_sandbox->path(QStringLiteral("seed"));
    GitSandbox::writeFile(seed + QStringLiteral("/b.md"), "b\n");
    const QString second = m_sandbox->commitAll(seed, QStringLiteral("two"));
    QVERIFY(m_sandbox
                ->git(seed, {QStringLiteral("push"), QStringLiteral("-q"), remote,
                             QStringLiteral("main")})
                .ok());
    git_remote *rawRemote = nullptr;
    QCOMPARE(git_remote_lookup(&rawRemote, cloned.get(), "origin"), 0);
    const RemoteHandle origin(rawRemote);
    QVERIFY2(git_remote_fetch(origin.get(), nullptr, nullptr, nullptr) == 0,
             qPrintable(lastError()));
    QCOMPARE(
        m_sandbox->git(target, {QStringLiteral("rev-parse"), QStringLiteral("origin/main")}).text(),
        second);
}

void LocalTransportTest::missingRepository()
{
    const QByteArray url
        = pw::localRemoteUrl(m_sandbox->path(QStringLiteral("nothing.git"))).toUtf8();
    git_repository *raw = nullptr;
    QVERIFY(git_clone(&raw, url.constData(),
                      m_sandbox->path(QStringLiteral("x")).toUtf8().constData(), nullptr)
            < 0);
    QVERIFY2(lastError().contains(QStringLiteral("nothing.git")), qPrintable(lastError()));
    git_repository_free(raw);
}

QTEST_GUILESS_MAIN(LocalTransportTest)
#include "tst_localtransport.moc"
