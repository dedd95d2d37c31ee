// What the preview may read from disk: files inside the blog only, whatever the URL says.

#include "preview/previewfiles.h"
#include "preview/previewurls.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace pw::preview;

class tst_PreviewFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void resolve_data();
    void resolve();
    void fileUrlsRoundTrip_data();
    void fileUrlsRoundTrip();
    void otherUrlsNameNoFile();

private:
    QTemporaryDir m_root;
};

void tst_PreviewFiles::initTestCase()
{
    QVERIFY(m_root.isValid());
    QVERIFY(QDir(m_root.path()).mkpath(QStringLiteral("blog/static")));
    QVERIFY(QDir(m_root.path()).mkpath(QStringLiteral("blog-other")));
    QVERIFY(QDir(m_root.path()).mkpath(QStringLiteral("outside")));
    for (const char *name :
         {"blog/static/a.png", "blog-other/b.png", "outside/secret.txt", "blog/with space é.png"}) {
        QFile file(m_root.filePath(QString::fromUtf8(name)));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("x");
    }
    QVERIFY(QFile::link(m_root.filePath(QStringLiteral("outside/secret.txt")),
                        m_root.filePath(QStringLiteral("blog/link-out.txt"))));
    QVERIFY(QFile::link(m_root.filePath(QStringLiteral("outside")),
                        m_root.filePath(QStringLiteral("blog/dir-out"))));
}

void tst_PreviewFiles::resolve_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("readable");
    const QString root = m_root.path();
    QTest::newRow("nominal: a file in the blog") << root + "/blog/static/a.png" << true;
    QTest::newRow("nominal: spaces and accents") << root + "/blog/with space é.png" << true;
    QTest::newRow("robustness: dot-dot out of the blog")
        << root + "/blog/static/../../outside/secret.txt" << false;
    QTest::newRow("robustness: a sibling folder sharing the prefix")
        << root + "/blog-other/b.png" << false;
    QTest::newRow("robustness: a symbolic link to a file outside")
        << root + "/blog/link-out.txt" << false;
    QTest::newRow("robustness: through a linked folder outside")
        << root + "/blog/dir-out/secret.txt" << false;
    QTest::newRow("robustness: a folder, not a file") << root + "/blog/static" << false;
    QTest::newRow("robustness: missing") << root + "/blog/nothing.png" << false;
    QTest::newRow("robustness: relative path") << "blog/static/a.png" << false;
    QTest::newRow("robustness: system file") << "/etc/passwd" << false;
    QTest::newRow("robustness: empty") << "" << false;
}

void tst_PreviewFiles::resolve()
{
    QFETCH(QString, path);
    QFETCH(bool, readable);
    ReadableFiles files;
    files.setRoots({m_root.filePath(QStringLiteral("blog")), QString(),
                    m_root.filePath(QStringLiteral("does-not-exist"))});
    QCOMPARE(files.roots().size(), 1);
    QCOMPARE(!files.resolve(path).isEmpty(), readable);
}

void tst_PreviewFiles::fileUrlsRoundTrip_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("nominal: plain") << "/home/me/blog/static/a.png";
    QTest::newRow("nominal: spaces, accents, hash and percent") << "/home/me/my blog/é #1 100%.png";
}

void tst_PreviewFiles::fileUrlsRoundTrip()
{
    QFETCH(QString, path);
    const QUrl url = fileUrl(path);
    QVERIFY(isPreviewUrl(url));
    QCOMPARE(localPathOf(url), path);
    QCOMPARE(localPathOf(QUrl(url.toString(QUrl::FullyEncoded))), path);
}

void tst_PreviewFiles::otherUrlsNameNoFile()
{
    QVERIFY(localPathOf(QUrl(QStringLiteral("file:///etc/passwd"))).isEmpty());
    QVERIFY(localPathOf(QUrl(QStringLiteral("pw-preview://other/_file/etc/passwd"))).isEmpty());
    QVERIFY(localPathOf(QUrl(QStringLiteral("pw-preview://app/assets/preview.js"))).isEmpty());
    QVERIFY(localPathOf(QUrl(QStringLiteral("pw-preview://app/_filex/etc/passwd"))).isEmpty());
}

QTEST_GUILESS_MAIN(tst_PreviewFiles)
#include "tst_previewfiles.moc"
