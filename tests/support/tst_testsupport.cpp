// pw_testsupport itself: the sandbox isolates git and restores the environment, servers start on
// free ports and are really gone after stop().

#include "support/gitsandbox.h"
#include "support/localserver.h"

#include <QFileInfo>
#include <QTest>

using namespace pw::test;

class TestSupportTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sandboxIsolatesAndRestoresTheEnvironment();
    void sandboxRepositories();
    void serverStopsForGood_data();
    void serverStopsForGood();
    void processTimeoutIsBounded();
};

void TestSupportTest::sandboxIsolatesAndRestoresTheEnvironment()
{
    const QByteArray home = qgetenv("HOME");
    {
        GitSandbox sandbox;
        QVERIFY(sandbox.isValid());
        QVERIFY(qgetenv("HOME").startsWith(sandbox.root().toUtf8()));
        QCOMPARE(qgetenv("GIT_CONFIG_NOSYSTEM"), QByteArray("1"));
        // The CLI sees no user configuration at all (global and system).
        const ProcessResult global
            = sandbox.git(sandbox.root(), {QStringLiteral("config"), QStringLiteral("--global"),
                                           QStringLiteral("--list")});
        QVERIFY(global.out.isEmpty());
    }
    QCOMPARE(qgetenv("HOME"), home);
}

void TestSupportTest::sandboxRepositories()
{
    GitSandbox sandbox;
    const QString bare = sandbox.createBareRepository(QStringLiteral("r.git"));
    const QString work = sandbox.createWorkTree(QStringLiteral("w"));
    QVERIFY2(!bare.isEmpty() && !work.isEmpty(), qPrintable(sandbox.lastError()));
    QVERIFY(GitSandbox::writeFile(work + QStringLiteral("/a/b.txt"), "x\n"));
    const QString commit = sandbox.commitAll(work, QStringLiteral("one"));
    QCOMPARE(commit.size(), 40);
    QVERIFY(
        sandbox
            .git(work, {QStringLiteral("push"), QStringLiteral("-q"), bare, QStringLiteral("main")})
            .ok());
    const QString clone = sandbox.clone(bare, QStringLiteral("c"));
    QCOMPARE(GitSandbox::readFile(clone + QStringLiteral("/a/b.txt")), QByteArray("x\n"));
    QVERIFY(sandbox.installHook(bare, QStringLiteral("post-receive"), "#!/bin/sh\n"));
    QVERIFY(QFileInfo(bare + QStringLiteral("/hooks/post-receive")).isExecutable());
    QVERIFY(sandbox.clone(QStringLiteral("/nonexistent/repo.git"), QStringLiteral("d")).isEmpty());
    QVERIFY(!sandbox.lastError().isEmpty());
}

void TestSupportTest::serverStopsForGood_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("nominal: git daemon") << QStringLiteral("daemon");
    QTest::newRow("nominal: smart HTTP server") << QStringLiteral("http");
}

void TestSupportTest::serverStopsForGood()
{
    QFETCH(QString, kind);
    GitSandbox sandbox;
    QVERIFY(!sandbox.createBareRepository(QStringLiteral("r.git")).isEmpty());
    ServerProcess server;
    const bool started = kind == QLatin1String("daemon")
                             ? startGitDaemon(server, sandbox.root())
                             : startGitHttpServer(server, sandbox.root(), QStringLiteral("u"),
                                                  QStringLiteral("p"));
    QVERIFY2(started, qPrintable(server.log()));
    QVERIFY(server.isRunning());
    const quint16 port = server.port();
    QVERIFY(port > 0);
    const QString url = kind == QLatin1String("daemon")
                            ? QStringLiteral("git://127.0.0.1:%1/r.git").arg(port)
                            : QStringLiteral("http://u:p@127.0.0.1:%1/r.git").arg(port);
    const ProcessResult listed = sandbox.git(sandbox.root(), {QStringLiteral("ls-remote"), url});
    QVERIFY2(listed.ok(), qPrintable(listed.describe() + server.log()));
    server.stop();
    QVERIFY(!server.isRunning());
    QVERIFY(!waitForTcpPort(port, 500));
}

void TestSupportTest::processTimeoutIsBounded()
{
    const ProcessResult slept = runProcess(QStringLiteral("sleep"), {QStringLiteral("30")}, {},
                                           QProcessEnvironment::systemEnvironment(), {}, 300);
    QVERIFY(!slept.finished);
    QVERIFY(!slept.ok());
    const ProcessResult missing = runProcess(QStringLiteral("/nonexistent/program"), {});
    QVERIFY(!missing.ok());
}

QTEST_GUILESS_MAIN(TestSupportTest)
#include "tst_testsupport.moc"
