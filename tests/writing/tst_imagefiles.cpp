#include "writing/imagefiles.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace pw;

class tst_ImageFiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void safeName_data();
    void safeName();
    void uniqueName();
    void placement_data();
    void placement();
    void importFile();
    void importFileErrors_data();
    void importFileErrors();
    void importClipboardImage();
    void link_data();
    void link();
};

void tst_ImageFiles::safeName_data()
{
    QTest::addColumn<QString>("suggested");
    QTest::addColumn<QString>("safe");
    QTest::newRow("nominal: already safe") << "chart.png"
                                           << "chart.png";
    QTest::newRow("nominal: spaces and case") << "My Holiday Photo.JPG"
                                              << "my-holiday-photo.jpg";
    QTest::newRow("nominal: jpeg becomes jpg") << "a.jpeg"
                                               << "a.jpg";
    QTest::newRow("nominal: accents folded") << "Été à Zürich.png"
                                             << "ete-a-zurich.png";
    QTest::newRow("robustness: path parts are not kept")
        << "/tmp/x/../Screen Shot 2024-01-02 at 10.11.12.png"
        << "screen-shot-2024-01-02-at-10-11-12.png";
    QTest::newRow("robustness: nothing left of the stem") << "写真.png"
                                                          << "image.png";
    QTest::newRow("robustness: shell and URL characters") << "a;b&c?d#e%f.gif"
                                                          << "a-b-c-d-e-f.gif";
    QTest::newRow("robustness: dot files") << ".hidden.png"
                                           << "hidden.png";
    QTest::newRow("robustness: very long name")
        << QString(200, QLatin1Char('x')) + QStringLiteral(".webp")
        << QString(59, QLatin1Char('x')) + QStringLiteral(".webp");
}

void tst_ImageFiles::safeName()
{
    QFETCH(QString, suggested);
    QFETCH(QString, safe);
    QCOMPARE(safeImageFileName(suggested), safe);
}

void tst_ImageFiles::uniqueName()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QCOMPARE(uniqueFileName(dir.path(), QStringLiteral("a.png")), QStringLiteral("a.png"));
    for (const char *name : {"a.png", "a-2.png"}) {
        QFile file(dir.filePath(QString::fromLatin1(name)));
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    QCOMPARE(uniqueFileName(dir.path(), QStringLiteral("a.png")), QStringLiteral("a-3.png"));
    QCOMPARE(uniqueFileName(dir.path(), QStringLiteral("b.png")), QStringLiteral("b.png"));
}

void tst_ImageFiles::placement_data()
{
    QTest::addColumn<QString>("post");
    QTest::addColumn<QString>("imageDir");
    QTest::addColumn<bool>("bundle");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("directory");
    QTest::addColumn<QString>("urlPrefix");
    QTest::newRow("nominal: page bundle keeps images next to the post")
        << "/site/content/posts/trip/index.md"
        << "/site/static/images" << true << ""
        << "/site/content/posts/trip"
        << "";
    QTest::newRow("nominal: hugo static folder is served from the root")
        << "/site/content/posts/trip.md"
        << "/site/static/images" << false << ""
        << "/site/static/images"
        << "/images/";
    QTest::newRow("nominal: explicit prefix (Jekyll assets)")
        << "/site/_posts/2024-01-01-trip.md"
        << "/site/assets/img" << false << "/assets/img"
        << "/site/assets/img"
        << "/assets/img/";
    QTest::newRow("nominal: otherwise relative to the post") << "/site/posts/trip.md"
                                                             << "/site/images" << false << ""
                                                             << "/site/images"
                                                             << "../images/";
    QTest::newRow("robustness: no image folder means next to the post") << "/site/content/trip.md"
                                                                        << "" << false << ""
                                                                        << "/site/content"
                                                                        << "";
}

void tst_ImageFiles::placement()
{
    QFETCH(QString, post);
    QFETCH(QString, imageDir);
    QFETCH(bool, bundle);
    QFETCH(QString, prefix);
    QFETCH(QString, directory);
    QFETCH(QString, urlPrefix);
    const ImagePlacement placement = ImagePlacement::forPost(post, imageDir, bundle, prefix);
    QCOMPARE(placement.directory, directory);
    QCOMPARE(placement.urlPrefix, urlPrefix);
}

void tst_ImageFiles::importFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QImage image(8, 8, QImage::Format_RGB32);
    image.fill(Qt::red);
    const QString source = dir.filePath(QStringLiteral("Team Photo.PNG"));
    QVERIFY(image.save(source, "PNG"));

    const ImagePlacement placement{dir.filePath(QStringLiteral("site/static/images")),
                                   QStringLiteral("/images/")};
    const Result<QString> first = importImageFile(source, placement);
    QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().toString()));
    QCOMPARE(first.value(), QStringLiteral("![Team Photo](/images/team-photo.png)"));
    QVERIFY(QFile::exists(placement.directory + QStringLiteral("/team-photo.png")));

    const Result<QString> second = importImageFile(source, placement);
    QVERIFY(second.ok());
    QCOMPARE(second.value(), QStringLiteral("![Team Photo](/images/team-photo-2.png)"));
    // The copy is the same bytes, and the first one was not overwritten.
    QFile original(source), copy(placement.directory + QStringLiteral("/team-photo-2.png"));
    QVERIFY(original.open(QIODevice::ReadOnly) && copy.open(QIODevice::ReadOnly));
    QCOMPARE(copy.readAll(), original.readAll());
}

void tst_ImageFiles::importFileErrors_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("create");
    QTest::newRow("robustness: missing file") << "gone.png" << false;
    QTest::newRow("robustness: not an image") << "notes.txt" << true;
}

void tst_ImageFiles::importFileErrors()
{
    QFETCH(QString, name);
    QFETCH(bool, create);
    QTemporaryDir dir;
    const QString source = dir.filePath(name);
    if (create) {
        QFile file(source);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("text");
    }
    const ImagePlacement placement{dir.filePath(QStringLiteral("images")), QString()};
    const Result<QString> link = importImageFile(source, placement);
    QVERIFY(!link.ok());
    QCOMPARE(link.error().file, source);
    QVERIFY(!link.error().hint.isEmpty());
    QVERIFY(!QDir(placement.directory).exists() || QDir(placement.directory).isEmpty());
}

void tst_ImageFiles::importClipboardImage()
{
    QTemporaryDir dir;
    QImage image(16, 10, QImage::Format_ARGB32);
    image.fill(Qt::blue);
    const ImagePlacement placement{dir.path(), QString()};
    const QDateTime when(QDate(2024, 5, 6), QTime(7, 8, 9));
    const Result<QString> link = importImage(image, placement, when);
    QVERIFY(link.ok());
    QCOMPARE(link.value(), QStringLiteral("![Screenshot](pasted-20240506-070809.png)"));
    const QImage saved(dir.filePath(QStringLiteral("pasted-20240506-070809.png")));
    QCOMPARE(saved.size(), image.size());
    QCOMPARE(saved.pixelColor(3, 3), QColor(Qt::blue));
    QCOMPARE(importImage(image, placement, when).value(),
             QStringLiteral("![Screenshot](pasted-20240506-070809-2.png)"));
    QVERIFY(!importImage(QImage(), placement, when).ok());
}

void tst_ImageFiles::link_data()
{
    QTest::addColumn<QString>("alt");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("markdown");
    QTest::newRow("nominal: plain") << "A cat"
                                    << "cat.png"
                                    << "![A cat](cat.png)";
    QTest::newRow("robustness: brackets in alt are escaped") << "a [b]"
                                                             << "x.png"
                                                             << "![a \\[b\\]](x.png)";
    QTest::newRow("robustness: spaces in url") << "x"
                                               << "my pic.png"
                                               << "![x](<my pic.png>)";
}

void tst_ImageFiles::link()
{
    QFETCH(QString, alt);
    QFETCH(QString, url);
    QFETCH(QString, markdown);
    QCOMPARE(markdownImageLink(alt, url), markdown);
}

QTEST_MAIN(tst_ImageFiles)
#include "tst_imagefiles.moc"
