// The post list on a real blog: a copy of Hugo's documentation (about 990 pages) turned into a git
// repository opens as a blog, and every page is listed with its front matter.

#include "publish/gitrepository.h"
#include "site/blog.h"
#include "site/newpost.h"
#include "site/postindex.h"
#include "site/postlistmodel.h"
#include "site/taxonomymodel.h"
#include "support/gitsandbox.h"

#include <QAbstractItemModelTester>
#include <QDirIterator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using pw::test::GitSandbox;

namespace {

int markdownFilesUnder(const QString &dir)
{
    int count = 0;
    QDirIterator it(dir, {QStringLiteral("*.md")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++count;
    }
    return count;
}

} // namespace

class TestPostIndex : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_root = m_dir.path() + "/hugo-docs";
        QVERIFY(GitSandbox::copyTree(QStringLiteral(POSTWRIGHT_TEST_DATA_DIR "/hugo-docs"), m_root));
        const auto init = pw::initRepository(m_root, false, QStringLiteral("main"));
        QVERIFY2(init.ok(), init.ok() ? "" : qPrintable(init.error().message));
    }

    void opensAsAHugoBlog()
    {
        const pw::Result<pw::Blog> blog = pw::openBlog(m_root + "/content/en");
        QVERIFY2(blog.ok(), blog.ok() ? "" : qPrintable(blog.error().toString()));
        QCOMPARE(blog->root, QDir::cleanPath(m_root));
        QCOMPARE(blog->generator, pw::SiteGenerator::Hugo);
        QCOMPARE(blog->contentDir, m_root + "/content");
        QCOMPARE(blog->staticDir, m_root + "/static");
    }

    void listsEveryPage()
    {
        const pw::Blog blog = *pw::openBlog(m_root);
        const QList<pw::PostSummary> posts = pw::scanPosts(blog);
        const int expected = markdownFilesUnder(m_root + "/content");
        QVERIFY(expected > 900);
        QCOMPARE(posts.size(), expected);

        // A section named like a build folder deep in the content is content.
        QVERIFY(std::any_of(posts.begin(), posts.end(), [](const pw::PostSummary &p) {
            return p.path.contains(QLatin1String("/content/en/functions/resources/"));
        }));

        // An independent reading of the simplest form, `title: Plain text` on a line of its own,
        // must agree with the parsed title; every page of Hugo's docs has a title.
        static const QRegularExpression plainTitle(QStringLiteral("^title: ([A-Za-z0-9][^'\"#:\\n]*)$"),
                                                   QRegularExpression::MultilineOption);
        int compared = 0;
        for (const pw::PostSummary &post : posts) {
            QVERIFY2(!post.title.isEmpty(), qPrintable(post.path));
            const QRegularExpressionMatch m = plainTitle.match(QString::fromUtf8(GitSandbox::readFile(post.path)));
            if (m.hasMatch()) {
                QCOMPARE(post.title, m.captured(1).trimmed());
                ++compared;
            }
        }
        QVERIFY2(compared > expected / 2, qPrintable(QString::number(compared)));

        pw::PostListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPosts(posts);
        QCOMPARE(model.rowCount(), expected);
        // Newest first; undated at the end.
        for (int row = 1; row < model.rowCount(); ++row) {
            const QDateTime a = model.posts()[row - 1].date;
            const QDateTime b = model.posts()[row].date;
            QVERIFY(!b.isValid() || (a.isValid() && a >= b));
        }
    }

    void refreshKeepsOrderAndCounts()
    {
        pw::PostListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto post = [](const QString &path, int day, QStringList tags) {
            pw::PostSummary p;
            p.path = path;
            p.title = path;
            p.date = QDateTime(QDate(2024, 1, day), QTime(0, 0));
            p.tags = tags;
            return p;
        };
        model.setPosts({post("a", 1, {"x"}), post("b", 3, {"x", "y"}), post("c", 2, {})});
        QCOMPARE(model.posts()[0].path, QStringLiteral("b"));
        model.updatePost(post("a", 9, {"y", "y"}));
        QCOMPARE(model.posts()[0].path, QStringLiteral("a"));
        QCOMPARE(model.rowCount(), 3);

        pw::TaxonomyModel tags(pw::TaxonomyModel::Tags);
        QAbstractItemModelTester tagTester(&tags, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tags.rebuild(model.posts());
        QCOMPARE(tags.countOf("y"), 2); // a post listing a term twice counts once
        QCOMPARE(tags.countOf("x"), 1);
        QCOMPARE(tags.index(0).data(Qt::EditRole).toString(), QStringLiteral("y"));
        QCOMPARE(tags.index(0).data(Qt::DisplayRole).toString(), QStringLiteral("y (2)"));
    }

    void refusesAFolderOutsideGit()
    {
        QTemporaryDir plain;
        const pw::Result<pw::Blog> blog = pw::openBlog(plain.path());
        QVERIFY(!blog.ok());
        QVERIFY(blog.error().message.contains(QLatin1String("git")));
        QVERIFY(!blog.error().hint.isEmpty());
    }

    void detectsGenerators_data()
    {
        QTest::addColumn<QString>("marker");
        QTest::addColumn<int>("generator");
        QTest::addColumn<QString>("posts");
        QTest::newRow("nominal: hugo.toml") << "hugo.toml" << int(pw::SiteGenerator::Hugo) << "content/posts";
        QTest::newRow("nominal: jekyll") << "_config.yml" << int(pw::SiteGenerator::Jekyll) << "_posts";
        QTest::newRow("nominal: astro") << "astro.config.mjs" << int(pw::SiteGenerator::Astro) << "src/content/blog";
        QTest::newRow("nominal: eleventy") << "eleventy.config.js" << int(pw::SiteGenerator::Eleventy) << "posts";
        QTest::newRow("nominal: next.js") << "next.config.js" << int(pw::SiteGenerator::NextJs) << "posts";
    }

    void detectsGenerators()
    {
        QFETCH(QString, marker);
        QFETCH(int, generator);
        QFETCH(QString, posts);
        QTemporaryDir dir;
        QVERIFY(pw::initRepository(dir.path(), false, QStringLiteral("main")).ok());
        QFile file(dir.filePath(marker));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const pw::Blog blog = *pw::openBlog(dir.path());
        QCOMPARE(int(blog.generator), generator);
        QCOMPARE(blog.postsDir, dir.filePath(posts));
        QCOMPARE(blog.termRule == pw::TermStringRule::SplitOnSpaces, generator == int(pw::SiteGenerator::Jekyll));
    }

    // A new post, and a post without a block that gets a field, are written in the format the
    // blog's own posts use: a Hugo blog of TOML posts does not grow a YAML block.
    void newPostsUseTheBlogsFormat_data()
    {
        QTest::addColumn<QStringList>("existing");
        QTest::addColumn<QString>("opening");
        QTest::newRow("nominal: TOML blog") << QStringList{"+++\ntitle = \"a\"\n+++\n", "+++\ntitle = \"b\"\n+++\n",
                                                           "---\ntitle: c\n---\n", "no front matter\n"}
                                            << "+++\n";
        QTest::newRow("nominal: YAML blog") << QStringList{"---\ntitle: a\n---\n", "+++\ntitle = \"b\"\n+++\n",
                                                           "---\ntitle: c\n---\n"}
                                            << "---\n";
        QTest::newRow("nominal: JSON blog") << QStringList{"{\"title\": \"a\"}\n"} << "{";
        QTest::newRow("robustness: no post has a block") << QStringList{"just text\n"} << "---\n";
        QTest::newRow("robustness: empty blog") << QStringList{} << "---\n";
    }

    void newPostsUseTheBlogsFormat()
    {
        QFETCH(QStringList, existing);
        QFETCH(QString, opening);
        QTemporaryDir dir;
        QVERIFY(pw::initRepository(dir.path(), false, QStringLiteral("main")).ok());
        QVERIFY(GitSandbox::writeFile(dir.filePath("hugo.toml"), "title = 'x'\n"));
        for (qsizetype i = 0; i < existing.size(); ++i)
            QVERIFY(GitSandbox::writeFile(dir.filePath(QStringLiteral("content/posts/p%1.md").arg(i)), existing[i].toUtf8()));
        const pw::Blog blog = *pw::openBlog(dir.path());
        const pw::FrontMatterFormat format = pw::newBlockFormat(pw::scanPosts(blog));

        const auto path = pw::createPost(blog, QStringLiteral("A new post"), QDateTime::currentDateTime(), format);
        QVERIFY2(path.ok(), path.ok() ? "" : qPrintable(path.error().message));
        const QString text = QString::fromUtf8(GitSandbox::readFile(*path));
        QVERIFY2(text.startsWith(opening), qPrintable(text));
        const pw::PostDocument written(text);
        QVERIFY(written.diagnostics().isEmpty());
        QCOMPARE(written.metadata().title, QStringLiteral("A new post"));
        QVERIFY(written.metadata().draft);
    }

private:
    QTemporaryDir m_dir;
    QString m_root;
};

QTEST_GUILESS_MAIN(TestPostIndex)
#include "tst_postindex.moc"
