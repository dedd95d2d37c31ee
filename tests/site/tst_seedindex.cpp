// The sample blog is made from the blog's own index page: every post, with its category, title,
// description and tags, must come through whole.

#include "site/seedindex.h"

#include <QFile>
#include <QTest>

class TestSeedIndex : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parsesTheShippedIndexPage()
    {
        QFile file(QStringLiteral(POSTWRIGHT_SOURCE_DIR "/resources/sample/system-and-design-index.txt"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const pw::SeedIndex index = pw::parseSeedIndex(QString::fromUtf8(file.readAll()));
        QCOMPARE(index.title, QStringLiteral("System & Design"));
        QCOMPARE(index.tagline, QStringLiteral("Exploring the intersection of heuristics and software craftsmanship"));
        QCOMPARE(index.posts.size(), 7);
        for (const pw::SeedPost &post : index.posts) {
            QCOMPARE(post.category, QStringLiteral("system"));
            QVERIFY(!post.description.isEmpty());
            QVERIFY2(!post.tags.contains(QStringLiteral("system")), qPrintable(post.title));
        }
        QCOMPARE(index.posts.first().title, QStringLiteral("Distributed Transactions: An Intuitive Deep Dive"));
        QCOMPARE(index.posts.first().tags.size(), 8);
        QCOMPARE(index.posts.first().tags.last(), QStringLiteral("atomicity consistency isolation durability"));
        QCOMPARE(index.posts[2].title,
                 QStringLiteral("Designing a High-Performance Static+Dynamic Web Architecture with CDN and Next.js"));
        QCOMPARE(index.posts[2].tags.size(), 12);
        QCOMPARE(index.posts.last().title, QStringLiteral("Building a Robust, Extensible Kubernetes Ingress Architecture"));
        QCOMPARE(index.posts.last().tags.last(), QStringLiteral("cert-manager letsencrypt"));
    }

    void paragraphsWithWindowsLineEndings()
    {
        const QString text = QStringLiteral("Blog\r\n\r\nTag line\r\n\r\ncat\r\n\r\nT1\r\n\r\nD1\r\n\r\na\r\nb\r\ncat2\r\n\r\nT2\r\n\r\nD2\r\n\r\nc\r\n");
        const pw::SeedIndex index = pw::parseSeedIndex(text);
        QCOMPARE(index.posts.size(), 2);
        QCOMPARE(index.posts[0].tags, QStringList({"a", "b"}));
        QCOMPARE(index.posts[1].category, QStringLiteral("cat2"));
        QCOMPARE(index.posts[1].tags, QStringList({"c"}));
    }

    void slugify_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("slug");
        QTest::newRow("nominal: words and punctuation")
            << "Distributed Transactions: An Intuitive Deep Dive" << "distributed-transactions-an-intuitive-deep-dive";
        QTest::newRow("nominal: dots and plus") << "Static+Dynamic with Next.js" << "static-dynamic-with-next-js";
        QTest::newRow("nominal: accents keep their letter") << "Révolution française" << "revolution-francaise";
        QTest::newRow("robustness: nothing usable") << "車行記憶 🎉" << "post";
        QTest::newRow("robustness: leading and trailing junk") << "  --Hello--  " << "hello";
    }

    void slugify()
    {
        QFETCH(QString, title);
        QFETCH(QString, slug);
        QCOMPARE(pw::slugify(title), slug);
    }
};

QTEST_GUILESS_MAIN(TestSeedIndex)
#include "tst_seedindex.moc"
