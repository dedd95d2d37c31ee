// postwright-cli as scripts and CI use it: the real executable, real files, real git.

#include "frontmatter/postdocument.h"
#include "markdown/markdownrenderer.h"
#include "publish/gitrepository.h"
#include "support/gitsandbox.h"

#include <QDirIterator>
#include <QTest>

using pw::test::GitSandbox;
using pw::test::ProcessResult;

namespace {

const QString cli = QStringLiteral(POSTWRIGHT_BINARY_DIR "/bin/postwright-cli");

ProcessResult run(const GitSandbox &sandbox, const QStringList &args, const QString &dir = {})
{
    return pw::test::runProcess(cli, args, dir, sandbox.environment());
}


} // namespace

class TestCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_sandbox.isValid());
        QVERIFY2(QFileInfo(cli).isExecutable(), qPrintable(cli));
    }

    void usage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("robustness: no command") << QStringList{} << 2;
        QTest::newRow("robustness: unknown command") << QStringList{"frobnicate"} << 2;
        QTest::newRow("robustness: unknown option") << QStringList{"render", "--bogus", "x.md"} << 2;
        QTest::newRow("robustness: missing argument") << QStringList{"check"} << 2;
        QTest::newRow("robustness: extra argument") << QStringList{"render", "a.md", "b.md"} << 2;
        QTest::newRow("robustness: publish needs two") << QStringList{"publish", "dir"} << 2;
        QTest::newRow("nominal: help") << QStringList{"--help"} << 0;
        QTest::newRow("nominal: render help") << QStringList{"render", "--help"} << 0;
        QTest::newRow("nominal: check help") << QStringList{"check", "--help"} << 0;
        QTest::newRow("nominal: publish help") << QStringList{"publish", "--help"} << 0;
        QTest::newRow("nominal: fm help") << QStringList{"fm", "--help"} << 0;
    }

    void usage()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        const ProcessResult r = run(m_sandbox, args);
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY(!(exitCode == 0 ? r.out : r.err).isEmpty());
    }

    void renderPrintsTheBodyOnly()
    {
        const QString post = m_sandbox.path("render/post.md");
        QVERIFY(GitSandbox::writeFile(post, "---\ntitle: Hello\ntags: [a, b]\n---\n\n"
                                            "| A | B |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n\n~~old~~ "
                                            "https://example.org\n\n<script>alert(1)</script>\n"));
        const ProcessResult r = run(m_sandbox, {"render", post});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        const QString html = QString::fromUtf8(r.out);
        QVERIFY(!html.contains(QLatin1String("title:")));
        QVERIFY(!html.contains(QLatin1String("<hr")));
        QVERIFY(html.contains(QLatin1String("<table")));
        QVERIFY(html.contains(QLatin1String("checkbox")));
        QVERIFY(html.contains(QLatin1String("<del>old</del>")));
        QVERIFY(html.contains(QLatin1String("href=\"https://example.org\"")));
        QVERIFY2(!html.contains(QLatin1String("<script")), qPrintable(html));
        // Source positions count in the whole file: the table starts on line 6.
        QVERIFY2(html.contains(QLatin1String("data-sourcepos=\"6:")), qPrintable(html));
        // Exactly what the preview is given for the same text (its RenderScheduler calls this).
        const pw::PostDocument doc(QString::fromUtf8(GitSandbox::readFile(post)));
        QCOMPARE(html, pw::renderPostBody(doc.body(), doc.bodyFirstLine()).html);
    }

    void renderOfAMissingFileFails()
    {
        const ProcessResult r = run(m_sandbox, {"render", m_sandbox.path("nope.md")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("nope.md"));
    }

    void checkReportsPositions()
    {
        const QString blog = m_sandbox.createWorkTree("check-blog");
        QVERIFY(!blog.isEmpty());
        QVERIFY(GitSandbox::writeFile(blog + "/hugo.toml", "title = 'x'\n"));
        QVERIFY(GitSandbox::writeFile(blog + "/content/posts/good.md", "---\ntitle: Good\n---\nText\n"));
        QVERIFY(GitSandbox::writeFile(blog + "/content/posts/bad.md",
                                      "---\ntitle: Bad\ntags: [a, b\n---\nText\n"));
        const ProcessResult r = run(m_sandbox, {"check", blog});
        QCOMPARE(r.exitCode, 1);
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.startsWith(QLatin1String("content/posts/bad.md:")), qPrintable(out));
        static const QRegularExpression position(QStringLiteral(R"(^content/posts/bad\.md:(\d+):(\d+): error: )"));
        const auto m = position.match(out);
        QVERIFY2(m.hasMatch(), qPrintable(out));
        QVERIFY(m.captured(1).toInt() >= 3);
        QVERIFY(!out.contains(QLatin1String("good.md")));

        QVERIFY(QFile::remove(blog + "/content/posts/bad.md"));
        const ProcessResult clean = run(m_sandbox, {"check", blog});
        QCOMPARE(clean.exitCode, 0);
        QCOMPARE(clean.out, QByteArray());
    }

    void checkOnHugoDocsReportsOnlyRealProblems()
    {
        const QString root = m_sandbox.path("hugo-docs");
        QVERIFY(GitSandbox::copyTree(QStringLiteral(POSTWRIGHT_TEST_DATA_DIR "/hugo-docs"), root));
        QVERIFY(m_sandbox.git(root, {"init", "-q", "-b", "main"}).ok());
        const ProcessResult r = run(m_sandbox, {"check", root});
        QVERIFY(r.finished);
        // Every line is a diagnostic in the compiler form, about a file that exists.
        const QStringList lines = QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        static const QRegularExpression form(QStringLiteral(R"(^(content/[^:]+\.md):(\d+):(\d+): (error|warning): .+$)"));
        for (const QString &line : lines) {
            const auto m = form.match(line);
            QVERIFY2(m.hasMatch(), qPrintable(line));
            QVERIFY2(QFile::exists(root + "/" + m.captured(1)), qPrintable(line));
            QVERIFY2(m.captured(4) == QLatin1String("warning"), qPrintable(line)); // hugo-docs builds: no errors
        }
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(" posts checked"), r.err.constData());
    }

    void publishPrintsTheCommit()
    {
        pw::useGitConfigurationFrom(m_sandbox.emptyConfigFolder());
        const QString origin = m_sandbox.createBareRepository("pub/origin.git");
        const QString blog = m_sandbox.createWorkTree("pub/blog");
        QVERIFY(!origin.isEmpty() && !blog.isEmpty());
        QVERIFY(GitSandbox::writeFile(blog + "/hugo.toml", "title = 'x'\n"));
        QVERIFY(!m_sandbox.commitAll(blog, "start").isEmpty());
        QVERIFY(m_sandbox.git(blog, {"remote", "add", "origin", origin}).ok());
        QVERIFY(m_sandbox.git(blog, {"config", "user.name", "Ada Writer"}).ok());
        QVERIFY(m_sandbox.git(blog, {"config", "user.email", "ada@example.org"}).ok());
        QVERIFY(GitSandbox::writeFile(blog + "/content/posts/new.md",
                                      "---\ntitle: \"Fresh: post\"\ntags: [x]\n---\nHello\n"));
        QVERIFY(GitSandbox::writeFile(blog + "/content/posts/other.md", "---\ntitle: Other\n---\n"));

        const ProcessResult r = run(m_sandbox, {"publish", blog, "content/posts/new.md"});
        QVERIFY2(r.ok(), qPrintable(r.describe()));
        const QString id = r.text();
        QCOMPARE(id.size(), 40);
        QCOMPARE(m_sandbox.git(origin, {"rev-parse", "main"}).text(), id);
        QCOMPARE(m_sandbox.git(origin, {"log", "-1", "--format=%an <%ae>|%s", "main"}).text(),
                 QStringLiteral("Ada Writer <ada@example.org>|Publish: Fresh: post"));
        QCOMPARE(m_sandbox.git(origin, {"show", "main:content/posts/new.md"}).out,
                 QByteArray("---\ntitle: \"Fresh: post\"\ntags: [x]\n---\nHello\n"));
        // Only that file: the other new post is still untracked.
        QVERIFY(!m_sandbox.git(origin, {"cat-file", "-e", "main:content/posts/other.md"}).ok());
    }

    void publishRefusesBrokenFrontMatter()
    {
        const QString blog = m_sandbox.createWorkTree("broken/blog");
        QVERIFY(GitSandbox::writeFile(blog + "/hugo.toml", "title = 'x'\n"));
        QVERIFY(!m_sandbox.commitAll(blog, "start").isEmpty());
        QVERIFY(GitSandbox::writeFile(blog + "/content/posts/bad.md", "---\ntitle: [unclosed\n---\nBody\n"));
        const ProcessResult r = run(m_sandbox, {"publish", blog, "content/posts/bad.md"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("content/posts/bad.md:"), r.err.constData());
        QCOMPARE(m_sandbox.git(blog, {"rev-list", "--count", "HEAD"}).text(), QStringLiteral("1"));
    }

private:
    GitSandbox m_sandbox;
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
