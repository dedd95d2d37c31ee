// A post's bytes: BOM and line endings as found, invalid UTF-8 refused with its position, saves
// atomic and faithful to the file's mode and symlinks. Real files in a temporary directory.

#include "frontmatter/postdocument.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace pw;

class tst_PostFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void addTagKeepsEncoding_data();
    void addTagKeepsEncoding();
    void invalidUtf8_data();
    void invalidUtf8();
    void writeKeepsModeAndSymlink();
    void writeFailsCleanly();

private:
    static QByteArray readAll(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    static bool writeAll(const QString &path, const QByteArray &bytes)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    }
};

void tst_PostFile::roundTrip_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("bom");
    QTest::addColumn<bool>("crlf");
    QTest::newRow("nominal: lf") << QByteArray("---\na: 1\n---\nBody\n") << false << false;
    QTest::newRow("nominal: crlf") << QByteArray("---\r\na: 1\r\n---\r\nBody\r\n") << false << true;
    QTest::newRow("nominal: bom") << QByteArray("\xEF\xBB\xBF---\na: 1\n---\n") << true << false;
    QTest::newRow("nominal: bom and crlf")
        << QByteArray("\xEF\xBB\xBF---\r\na: 1\r\n---\r\n") << true << true;
    QTest::newRow("robustness: mixed endings kept as found")
        << QByteArray("---\r\na: 1\n---\r\nBody\n") << false << false;
    QTest::newRow("robustness: lone cr kept") << QByteArray("a\rb\r\nc\r\n") << false << true;
    QTest::newRow("robustness: empty") << QByteArray() << false << false;
    QTest::newRow("robustness: no final newline")
        << QByteArray("---\r\na: 1\r\n---") << false << true;
    QTest::newRow("robustness: non-ascii")
        << QByteArray("---\ntitle: café 🎉\n---\n") << false << false;
}

void tst_PostFile::roundTrip()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, bom);
    QFETCH(bool, crlf);
    const Result<PostFile> file = PostFile::decode(bytes);
    QVERIFY(file.ok());
    QCOMPARE(file->hasBom, bom);
    QCOMPARE(file->lineEnding, crlf ? PostFile::LineEnding::CrLf : PostFile::LineEnding::Lf);
    QVERIFY(!file->text.startsWith(QChar(0xFEFF)));
    if (crlf)
        QVERIFY(!file->text.contains(QStringLiteral("\r\n")));
    QCOMPARE(file->encode(), bytes);
}

void tst_PostFile::addTagKeepsEncoding_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("expected");
    // B08: files saved on Windows.
    QTest::newRow("nominal: B08 A crlf")
        << QByteArray("---\r\ntitle: Win\r\ntags: [a]\r\n---\r\n\r\nBody\r\n")
        << QByteArray("---\r\ntitle: Win\r\ntags: [a, b]\r\n---\r\n\r\nBody\r\n");
    QTest::newRow("nominal: B08 B bom")
        << QByteArray("\xEF\xBB\xBF---\ntitle: Bom\ntags: [a]\n---\n\nBody\n")
        << QByteArray("\xEF\xBB\xBF---\ntitle: Bom\ntags: [a, b]\n---\n\nBody\n");
    QTest::newRow("nominal: B08 crlf block list gains a crlf line")
        << QByteArray("---\r\ntags:\r\n  - a\r\n---\r\nBody\r\n")
        << QByteArray("---\r\ntags:\r\n  - a\r\n  - b\r\n---\r\nBody\r\n");
    QTest::newRow("nominal: B10 block added after the bom")
        << QByteArray("\xEF\xBB\xBF"
                      "Body\r\n")
        << QByteArray("\xEF\xBB\xBF---\r\ntags: [b]\r\n---\r\nBody\r\n");
}

void tst_PostFile::addTagKeepsEncoding()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, expected);
    Result<PostFile> file = PostFile::decode(bytes);
    QVERIFY(file.ok());
    PostDocument doc(file->text);
    QVERIFY(!doc.hasErrors());
    QStringList tags = doc.metadata().tags;
    if (!tags.isEmpty())
        QCOMPARE(tags, QStringList{"a"});
    QVERIFY(doc.body().endsWith(QStringLiteral("Body\n")));
    QVERIFY(doc.setTerms(Field::Tags, tags << QStringLiteral("b")).ok());
    file.value().text = doc.text();
    QCOMPARE(file->encode(), expected);
}

void tst_PostFile::invalidUtf8_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("robustness: latin-1 byte")
        << QByteArray("---\ntitle: caf\xE9\n---\n") << 2 << 11;
    QTest::newRow("robustness: truncated sequence at the end")
        << QByteArray("ab\xE2\x82") << 1 << 3;
    QTest::newRow("robustness: overlong encoding") << QByteArray("x\n\xC0\xAF") << 2 << 1;
    QTest::newRow("robustness: surrogate") << QByteArray("\xED\xA0\x80") << 1 << 1;
    QTest::newRow("robustness: after non-ascii counts characters") << QByteArray("é\xFF") << 1 << 2;
}

void tst_PostFile::invalidUtf8()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, line);
    QFETCH(int, column);
    const Result<PostFile> file = PostFile::decode(bytes, QStringLiteral("post.md"));
    QVERIFY(!file.ok());
    QCOMPARE(file.error().file, QStringLiteral("post.md"));
    QCOMPARE(file.error().line, line);
    QCOMPARE(file.error().column, column);
    QVERIFY(file.error().message.contains(QStringLiteral("UTF-8")));
}

void tst_PostFile::writeKeepsModeAndSymlink()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString target = dir.filePath(QStringLiteral("real.md"));
    const QString link = dir.filePath(QStringLiteral("link.md"));
    QVERIFY(writeAll(target, "---\r\ntitle: x\r\n---\r\n"));
    const QFile::Permissions mode = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup;
    QVERIFY(QFile::setPermissions(target, mode));
    QVERIFY(QFile::link(target, dir.filePath(QStringLiteral("middle.md"))));
    QVERIFY(QFile::link(QStringLiteral("middle.md"), link)); // relative, and a chain of two

    Result<PostFile> file = PostFile::read(link);
    QVERIFY(file.ok());
    PostDocument doc(file->text);
    QVERIFY(doc.setValue(QStringLiteral("title"), QStringLiteral("new")).ok());
    file.value().text = doc.text();
    const Result<void> written = file->write(link);
    QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().toString()));

    QVERIFY(QFileInfo(link).isSymLink());
    QVERIFY(QFileInfo(dir.filePath(QStringLiteral("middle.md"))).isSymLink());
    QCOMPARE(readAll(target), QByteArray("---\r\ntitle: new\r\n---\r\n"));
    QCOMPARE(QFile::permissions(target) & 0x7077, mode); // owner, group, other
}

void tst_PostFile::writeFailsCleanly()
{
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("no/such/dir/post.md"));
    PostFile file;
    file.text = QStringLiteral("x");
    const Result<void> written = file.write(missing);
    QVERIFY(!written.ok());
    QCOMPARE(written.error().file, missing);
    QVERIFY(!PostFile::read(missing).ok());

    // A read-only post is refused by its mode (as root, access() would allow the write).
    const QString locked = dir.filePath(QStringLiteral("locked.md"));
    QVERIFY(writeAll(locked, "---\ntitle: x\n---\n"));
    const QFile::Permissions readOnly = QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther;
    QVERIFY(QFile::setPermissions(locked, readOnly));
    file.text = QStringLiteral("---\ntitle: y\n---\n");
    const Result<void> refused = file.write(locked);
    QVERIFY(!refused.ok());
    QVERIFY(refused.error().message.contains(QStringLiteral("read-only")));
    QCOMPARE(readAll(locked), QByteArray("---\ntitle: x\n---\n"));
    QCOMPARE(QFile::permissions(locked) & 0x7077, readOnly); // owner, group, other
}

QTEST_GUILESS_MAIN(tst_PostFile)
#include "tst_postfile.moc"
