// `postwright-cli fm get|set|unset` on real files, run as a real process.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString cli = QStringLiteral(POSTWRIGHT_BINARY_DIR "/bin/postwright-cli");

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QStringList &args)
{
    QProcess process;
    process.start(cli, QStringList{QStringLiteral("fm")} + args);
    Run result;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class tst_FmCommand : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void command_data();
    void command();
    void firstBlockInTheBlogsFormat();

private:
    QTemporaryDir m_dir;
};

void tst_FmCommand::command_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QStringList>("args"); // FILE stands for the post's path
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("out");
    QTest::addColumn<QString>("errPart");
    QTest::addColumn<QByteArray>("after");

    const QByteArray post = "---\n# keep\ntitle: Old  # t\ntags: [a]\nweight: 3\n---\nBody\n";
    QTest::newRow("nominal: get a string")
        << post << QStringList{"get", "FILE", "title"} << 0 << "\"Old\"\n"
        << "" << post;
    QTest::newRow("nominal: get a list")
        << post << QStringList{"get", "FILE", "tags"} << 0 << "[\"a\"]\n"
        << "" << post;
    QTest::newRow("nominal: get a number")
        << post << QStringList{"get", "FILE", "weight"} << 0 << "3\n"
        << "" << post;
    const QByteArray bigWeight = "---\nweight: 9007199254740993\n---\n";
    QTest::newRow("nominal: get an integer above 2^53 as written")
        << bigWeight << QStringList{"get", "FILE", "weight"} << 0 << "9007199254740993\n"
        << "" << bigWeight;
    QTest::newRow("nominal: get a negative integer above 2^53 in a list")
        << QByteArray("---\nids: [-9007199254740995, 1]\n---\n")
        << QStringList{"get", "FILE", "ids"} << 0 << "[-9007199254740995, 1]\n"
        << "" << QByteArray("---\nids: [-9007199254740995, 1]\n---\n");
    QTest::newRow("nominal: get a big integer from json front matter")
        << QByteArray("{\"id\": 123456789012345678}\n")
        << QStringList{"get", "FILE", "id"} << 0 << "123456789012345678\n"
        << "" << QByteArray("{\"id\": 123456789012345678}\n");
    QTest::newRow("nominal: set an integer above 2^53")
        << post << QStringList{"set", "FILE", "weight", "9007199254740993"} << 0 << ""
        << "" << QByteArray("---\n# keep\ntitle: Old  # t\ntags: [a]\nweight: 9007199254740993\n---\nBody\n");
    QTest::newRow("nominal: set a big integer in json front matter")
        << QByteArray("{\"id\": 1}\n") << QStringList{"set", "FILE", "id", "123456789012345678"}
        << 0 << "" << "" << QByteArray("{\"id\": 123456789012345678}\n");
    const QByteArray merged = "---\ndefaults: &d\n  draft: true\n  title: From anchor\n<<: *d\ntitle: Own\n---\n";
    QTest::newRow("nominal: get a key given only through a merge key")
        << merged << QStringList{"get", "FILE", "draft"} << 0 << "true\n" << "" << merged;
    QTest::newRow("nominal: get a key given directly wins over the merged one")
        << merged << QStringList{"get", "FILE", "title"} << 0 << "\"Own\"\n" << "" << merged;
    QTest::newRow("nominal: get a big integer from toml front matter")
        << QByteArray("+++\nid = 123456789012345678\n+++\n")
        << QStringList{"get", "FILE", "id"} << 0 << "123456789012345678\n"
        << "" << QByteArray("+++\nid = 123456789012345678\n+++\n");
    QTest::newRow("nominal: set a big integer in toml front matter")
        << QByteArray("+++\nid = 1\nratio = 2.5\n+++\n") << QStringList{"set", "FILE", "id", "123456789012345678"}
        << 0 << "" << "" << QByteArray("+++\nid = 123456789012345678\nratio = 2.5\n+++\n");
    QTest::newRow("nominal: set a string that needs quotes")
        << post << QStringList{"set", "FILE", "title", "\"New: title\""} << 0 << ""
        << ""
        << QByteArray("---\n# keep\ntitle: \"New: title\"  # t\ntags: [a]\nweight: 3\n---\nBody\n");
    QTest::newRow("nominal: set a list")
        << post << QStringList{"set", "FILE", "tags", "[\"a\",\"b\"]"} << 0 << ""
        << "" << QByteArray("---\n# keep\ntitle: Old  # t\ntags: [a, b]\nweight: 3\n---\nBody\n");
    QTest::newRow("nominal: set a bool adds a key")
        << post << QStringList{"set", "FILE", "draft", "true"} << 0 << ""
        << ""
        << QByteArray(
               "---\n# keep\ntitle: Old  # t\ntags: [a]\nweight: 3\ndraft: true\n---\nBody\n");
    QTest::newRow("nominal: unset")
        << post << QStringList{"unset", "FILE", "weight"} << 0 << ""
        << "" << QByteArray("---\n# keep\ntitle: Old  # t\ntags: [a]\n---\nBody\n");
    QTest::newRow("nominal: crlf and bom kept")
        << QByteArray("\xEF\xBB\xBF---\r\ntitle: x\r\n---\r\n")
        << QStringList{"set", "FILE", "title", "\"y2\""} << 0 << ""
        << "" << QByteArray("\xEF\xBB\xBF---\r\ntitle: y2\r\n---\r\n");
    QTest::newRow("nominal: help") << post << QStringList{"--help"} << 0 << ""
                                   << "" << post;
    QTest::newRow("robustness: value that is not JSON")
        << post << QStringList{"set", "FILE", "title", "not json"} << 2 << ""
        << "not a JSON value" << post;
    QTest::newRow("robustness: unknown action")
        << post << QStringList{"frob", "FILE", "title"} << 2 << ""
        << "unknown action" << post;
    QTest::newRow("robustness: missing argument") << post << QStringList{"get", "FILE"} << 2 << ""
                                                  << "expected 3" << post;
    QTest::newRow("robustness: missing key")
        << post << QStringList{"get", "FILE", "nope"} << 1 << ""
        << "no key `nope`" << post;
    const QByteArray broken = "---\ntitle: [x\n---\nBody\n";
    QTest::newRow("robustness: invalid block is never written")
        << broken << QStringList{"set", "FILE", "title", "\"y\""} << 1 << ""
        << ":2:8: error: invalid YAML: flow sequence without a closing bracket" << broken;
    const QByteArray latin1 = "---\ntitle: caf\xE9\n---\n";
    QTest::newRow("robustness: invalid utf-8 is never written")
        << latin1 << QStringList{"set", "FILE", "title", "\"y\""} << 1 << ""
        << ":2:11: the file is not valid UTF-8" << latin1;
    const QByteArray tomlW = "+++\nw = 1\n+++\n";
    const QByteArray yamlW = "---\nw: 1\n---\n";
    QTest::newRow("robustness: an integer of 16 digits stays an integer in toml")
        << tomlW << QStringList{"set", "FILE", "w", "1000000000000000"} << 0 << "" << ""
        << QByteArray("+++\nw = 1000000000000000\n+++\n");
    QTest::newRow("robustness: an integral float argument is written as an integer in yaml")
        << yamlW << QStringList{"set", "FILE", "w", "1e15"} << 0 << "" << ""
        << QByteArray("---\nw: 1000000000000000\n---\n");
    QTest::newRow("robustness: the largest 64-bit integer in toml")
        << tomlW << QStringList{"set", "FILE", "w", "9223372036854775807"} << 0 << "" << ""
        << QByteArray("+++\nw = 9223372036854775807\n+++\n");
    QTest::newRow("robustness: an integer beyond 64 bits is refused in toml")
        << tomlW << QStringList{"set", "FILE", "w", "12345678901234567890"} << 2 << ""
        << "`12345678901234567890` is too large for a 64-bit integer" << tomlW;
    QTest::newRow("robustness: 2^63 is refused in yaml")
        << yamlW << QStringList{"set", "FILE", "w", "9223372036854775808"} << 2 << ""
        << "`9223372036854775808` is too large for a 64-bit integer" << yamlW;
    QTest::newRow("robustness: an integer beyond 64 bits in a list is refused")
        << yamlW << QStringList{"set", "FILE", "w", "[\"12345678901234567890\", -12345678901234567890]"}
        << 2 << "" << "`-12345678901234567890` is too large" << yamlW;
    QTest::newRow("robustness: a huge float keeps a dot before its exponent in yaml")
        << yamlW << QStringList{"set", "FILE", "w", "1e300"} << 0 << "" << ""
        << QByteArray("---\nw: 1.0e+300\n---\n");
    QTest::newRow("robustness: a negative number as value")
        << tomlW << QStringList{"set", "FILE", "w", "-5"} << 0 << "" << ""
        << QByteArray("+++\nw = -5\n+++\n");
    QTest::newRow("robustness: a negative float as value after --")
        << yamlW << QStringList{"set", "--", "FILE", "w", "-2.5"} << 0 << "" << ""
        << QByteArray("---\nw: -2.5\n---\n");
    const QByteArray tomlCommentAfterComma
        = "+++\ntitle = \"T\"\ntags = [\n  \"a\",# c ] x\n  \"b\",\n]\n[params]\nx = 1\n+++\n";
    QTest::newRow("robustness: toml comment straight after a comma")
        << tomlCommentAfterComma << QStringList{"set", "FILE", "description", "\"D\""} << 0 << ""
        << ""
        << QByteArray("+++\ntitle = \"T\"\ntags = [\n  \"a\",# c ] x\n  \"b\",\n]\ndescription = "
                      "\"D\"\n[params]\nx = 1\n+++\n");
    const QByteArray tomlCommentAfterBracket = "+++\ntags = [\"a\",#[\n]\n[params]\nx=1\n+++\n";
    QTest::newRow("robustness: toml comment straight after a comma holding a bracket")
        << tomlCommentAfterBracket << QStringList{"get", "FILE", "tags"} << 0 << "[\"a\"]\n" << ""
        << tomlCommentAfterBracket;
    const QByteArray tomlTwice = "+++\ntitle = \"T\"\n\"title\" = \"U\"\n+++\n";
    QTest::newRow("robustness: toml key defined twice, once quoted")
        << tomlTwice << QStringList{"get", "FILE", "title"} << 1 << ""
        << ":3:1: error: key \"title\" is defined twice (first on line 2)" << tomlTwice;
    const QByteArray tomlTwiceInTable = "+++\n[params]\n  a = 1\n  'a' = 2\n+++\n";
    QTest::newRow("robustness: toml key defined twice in a table")
        << tomlTwiceInTable << QStringList{"get", "FILE", "params"} << 1 << ""
        << ":4:3: error: key \"params.a\" is defined twice (first on line 3)" << tomlTwiceInTable;
    QTest::newRow("robustness: missing file")
        << QByteArray() << QStringList{"get", "NOFILE", "title"} << 1 << ""
        << "cannot read" << QByteArray();
}

void tst_FmCommand::command()
{
    QFETCH(QByteArray, file);
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, out);
    QFETCH(QString, errPart);
    QFETCH(QByteArray, after);
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("post.md"));
    QVERIFY(writeAll(path, file));
    args.replaceInStrings(QStringLiteral("NOFILE"), m_dir.filePath(QStringLiteral("missing.md")));
    args.replaceInStrings(QStringLiteral("FILE"), path);
    const Run result = run(args);
    QVERIFY2(result.exitCode == exitCode, qPrintable(result.err));
    if (args.first() != QLatin1String("--help"))
        QCOMPARE(result.out, out);
    else
        QVERIFY(result.out.contains(QStringLiteral("get, set or unset")));
    QVERIFY2(result.err.contains(errPart), qPrintable(result.err));
    if (exitCode == 1)
        QVERIFY2(result.err.startsWith(path) || errPart == QLatin1String("cannot read"),
                 qPrintable(result.err));
    QCOMPARE(readAll(path), after);
}

// A post without front matter in a blog of TOML posts gets a TOML block, in a real git work tree.
void tst_FmCommand::firstBlockInTheBlogsFormat()
{
    QTemporaryDir blog;
    QVERIFY(blog.isValid());
    QVERIFY(QProcess::execute(QStringLiteral("git"), {"init", "-q", blog.path()}) == 0);
    QVERIFY(QDir(blog.path()).mkpath(QStringLiteral("content/posts")));
    QVERIFY(writeAll(blog.filePath("hugo.toml"), "title = 'x'\n"));
    QVERIFY(writeAll(blog.filePath("content/posts/a.md"), "+++\ntitle = \"A\"\n+++\nbody\n"));
    QVERIFY(writeAll(blog.filePath("content/posts/b.md"), "+++\ntitle = \"B\"\n+++\nbody\n"));
    const QString bare = blog.filePath("content/posts/new.md");
    QVERIFY(writeAll(bare, "Just text.\n"));

    const Run result = run({"set", bare, "title", "\"New\""});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QCOMPARE(readAll(bare), QByteArray("+++\ntitle = \"New\"\n+++\nJust text.\n"));

    // Outside any blog: YAML, the common default.
    const QString loose = m_dir.filePath(QStringLiteral("loose.md"));
    QVERIFY(writeAll(loose, "Just text.\n"));
    QCOMPARE(run({"set", loose, "title", "\"New\""}).exitCode, 0);
    QCOMPARE(readAll(loose), QByteArray("---\ntitle: New\n---\nJust text.\n"));
}

QTEST_GUILESS_MAIN(tst_FmCommand)
#include "tst_fmcommand.moc"
