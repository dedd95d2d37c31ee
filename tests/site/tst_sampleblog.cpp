// The embedded sample blog, as a new user gets it on first start: seven posts from the blog's own
// index page, committed by "Postwright Sample", pushed to a local bare origin whose post-receive
// hook checks the site out and builds it with the real Hugo.

#include "frontmatter/postdocument.h"
#include "publish/gitrepository.h"
#include "site/sampleblog.h"
#include "site/seedindex.h"
#include "support/gitsandbox.h"

#include <QDir>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using pw::test::GitSandbox;

namespace {

// Hugo writes "+" as "&#43;" and quotes as "&rsquo;"-style entities; compare text, not markup.
QString decodeEntities(QString html)
{
    static const QRegularExpression numeric(QStringLiteral("&#(x?)([0-9a-fA-F]+);"));
    QString out;
    qsizetype last = 0;
    for (auto it = numeric.globalMatch(html); it.hasNext();) {
        const auto m = it.next();
        out += html.mid(last, m.capturedStart() - last);
        const uint code = m.captured(2).toUInt(nullptr, m.captured(1).isEmpty() ? 10 : 16);
        out += QString::fromUcs4(reinterpret_cast<const char32_t *>(&code), 1);
        last = m.capturedEnd();
    }
    out += html.mid(last);
    return out.replace(QLatin1String("&amp;"), QLatin1String("&"))
        .replace(QLatin1String("&lt;"), QLatin1String("<"))
        .replace(QLatin1String("&gt;"), QLatin1String(">"))
        .replace(QLatin1String("&quot;"), QLatin1String("\""))
        .replace(QLatin1String("&rsquo;"), QStringLiteral("\u2019"))
        .replace(QLatin1String("&mdash;"), QStringLiteral("\u2014"));
}

} // namespace

class TestSampleBlog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_sandbox.isValid());
        pw::useGitConfigurationFrom(m_sandbox.emptyConfigFolder());
        const auto made = pw::ensureSampleBlog(m_sandbox.path("data"));
        QVERIFY2(made.ok(), made.ok() ? "" : qPrintable(made.error().toString()));
        m_paths = *made;
    }

    void postsComeFromTheIndexPage()
    {
        QFile seedFile(QStringLiteral(POSTWRIGHT_SOURCE_DIR "/resources/sample/system-and-design-index.txt"));
        QVERIFY(seedFile.open(QIODevice::ReadOnly));
        const pw::SeedIndex seed = pw::parseSeedIndex(QString::fromUtf8(seedFile.readAll()));
        QCOMPARE(seed.posts.size(), 7);

        const QStringList files = QDir(m_paths.site + "/content/posts").entryList({"*.md"}, QDir::Files);
        QCOMPARE(files.size(), 7);
        QDateTime previous;
        for (const pw::SeedPost &expected : seed.posts) {
            const QString path = m_paths.site + "/content/posts/" + pw::slugify(expected.title) + ".md";
            const auto file = pw::PostFile::read(path);
            QVERIFY2(file.ok(), qPrintable(path));
            const pw::PostDocument doc(file->text);
            QVERIFY2(doc.diagnostics().isEmpty(), qPrintable(path));
            const pw::PostMetadata meta = doc.metadata();
            QCOMPARE(meta.title, expected.title);
            QCOMPARE(meta.description, expected.description);
            QCOMPARE(meta.categories, QStringList{QStringLiteral("system")});
            QCOMPARE(meta.tags, expected.tags);
            QCOMPARE(meta.draft, false);
            QVERIFY(meta.date.isValid());
            if (previous.isValid())
                QVERIFY2(meta.date < previous, "the index page lists the newest post first");
            previous = meta.date;
            QVERIFY2(doc.body().contains(QLatin1String("\n## ")), "each body has a section heading");
        }
    }

    void committedBySampleAuthorAndPushed()
    {
        const auto log = m_sandbox.git(m_paths.site, {"log", "--format=%an <%ae>|%s", "main"});
        QVERIFY2(log.ok(), qPrintable(log.describe()));
        QCOMPARE(log.text(), QStringLiteral("Postwright Sample <sample@postwright.invalid>|Sample blog: System & Design"));
        const auto local = m_sandbox.git(m_paths.site, {"rev-parse", "main"});
        const auto remote = m_sandbox.git(m_paths.origin, {"rev-parse", "main"});
        QVERIFY2(remote.ok(), qPrintable(remote.describe()));
        QCOMPARE(remote.text(), local.text());
        const auto upstream = m_sandbox.git(m_paths.site, {"rev-parse", "--abbrev-ref", "main@{upstream}"});
        QCOMPARE(upstream.text(), QStringLiteral("origin/main"));
        const auto status = m_sandbox.git(m_paths.site, {"status", "--porcelain"});
        QCOMPARE(status.text(), QString()); // nothing left out of the commit, .gitignore included
        QVERIFY(QFile::exists(m_paths.site + "/.gitignore"));
    }

    void hookBuiltTheSiteWithHugo()
    {
        QVERIFY2(!QStandardPaths::findExecutable("hugo").isEmpty(),
                 "hugo is installed by scripts/install-deps.sh; the publish loop needs it");
        const QByteArray log = GitSandbox::readFile(m_paths.publishLog);
        QVERIFY2(!log.isEmpty(), qPrintable(m_paths.publishLog));
        const QByteArray index = GitSandbox::readFile(m_paths.published + "/public/index.html");
        QVERIFY2(!index.isEmpty(), log.constData());
        const QString html = decodeEntities(QString::fromUtf8(index));
        QFile seedFile(QStringLiteral(POSTWRIGHT_SOURCE_DIR "/resources/sample/system-and-design-index.txt"));
        QVERIFY(seedFile.open(QIODevice::ReadOnly));
        for (const pw::SeedPost &post : pw::parseSeedIndex(QString::fromUtf8(seedFile.readAll())).posts) {
            QVERIFY2(html.contains(post.title), qPrintable(post.title));
            QVERIFY2(html.contains(post.description), qPrintable(post.description));
            for (const QString &tag : post.tags)
                QVERIFY2(html.contains(tag), qPrintable(tag));
        }
    }

    void secondStartReusesTheBlog()
    {
        const auto head = m_sandbox.git(m_paths.site, {"rev-parse", "HEAD"}).text();
        const auto again = pw::ensureSampleBlog(m_sandbox.path("data"));
        QVERIFY(again.ok());
        QCOMPARE(again->site, m_paths.site);
        QCOMPARE(m_sandbox.git(m_paths.site, {"rev-parse", "HEAD"}).text(), head);
    }

    void aFolderInTheWayIsNotTouched()
    {
        const QString data = m_sandbox.path("other-data");
        QVERIFY(GitSandbox::writeFile(data + "/sample-blog/notes.txt", "mine"));
        const auto made = pw::ensureSampleBlog(data);
        QVERIFY(!made.ok());
        QCOMPARE(GitSandbox::readFile(data + "/sample-blog/notes.txt"), QByteArray("mine"));
    }

private:
    GitSandbox m_sandbox;
    pw::SampleBlogPaths m_paths;
};

QTEST_GUILESS_MAIN(TestSampleBlog)
#include "tst_sampleblog.moc"
