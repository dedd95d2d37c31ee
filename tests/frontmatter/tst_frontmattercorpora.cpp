// Front matter against real-world inputs: every case of the YAML test suite used as a block, and
// every page of Hugo's documentation (copies in tests/data, see tests/data/README.md).

#include "frontmatter/postdocument.h"
#include "frontmatter/yamlconformance.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

#include <thread>
#include <vector>

using namespace pw;

namespace {

const QString dataDir = QStringLiteral(POSTWRIGHT_TEST_DATA_DIR);

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// A line that would end the block (or start another document) cuts the case short, so what we
// can expect of it depends on whether the case has one.
bool hasDelimiterLine(const QByteArray &yaml)
{
    static const QRegularExpression re(QStringLiteral("^(---|\\.\\.\\.)[ \\t\\r]*$"),
                                       QRegularExpression::MultilineOption);
    return re.match(QString::fromUtf8(yaml)).hasMatch();
}

// What the suite says the document is (in.json), when there is exactly one document.
std::optional<QJsonValue> expectedJson(const QString &caseDir)
{
    const QByteArray json = readBytes(caseDir + QStringLiteral("/in.json"));
    if (json.isEmpty())
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson("[" + json + "]", &error);
    if (error.error != QJsonParseError::NoError || doc.array().size() != 1)
        return std::nullopt; // several documents, or a scalar stream QJsonDocument cannot read
    return doc.array().first();
}

QStringList changedLines(const QStringList &before, const QStringList &after, bool fromBefore)
{
    int prefix = 0;
    while (prefix < before.size() && prefix < after.size() && before.at(prefix) == after.at(prefix))
        ++prefix;
    int suffix = 0;
    while (suffix < before.size() - prefix && suffix < after.size() - prefix
           && before.at(before.size() - 1 - suffix) == after.at(after.size() - 1 - suffix))
        ++suffix;
    const QStringList &lines = fromBefore ? before : after;
    return lines.mid(prefix, lines.size() - prefix - suffix);
}

// The YAML between a block's delimiter lines.
QString yamlContent(const PostDocument &doc)
{
    QString block = doc.frontMatterBlock();
    block = block.mid(block.indexOf(QLatin1Char('\n')) + 1);
    const qsizetype lastLine = block.lastIndexOf(QLatin1Char('\n'), block.size() - 2);
    return lastLine < 0 ? QString() : block.left(lastLine + 1);
}

// The plain-subset shortcut never hides a problem: whenever libfyaml's full check of the block
// finds one, the document has an error, and it says "invalid YAML" only then.
void verifyConformanceVerdict(const PostDocument &doc)
{
    if (doc.format() != FrontMatterFormat::Yaml || !doc.hasFrontMatter())
        return;
    const QString content = yamlContent(doc);
    const bool invalid = frontmatter::checkYaml(content.toUtf8(), false).problem.has_value();
    const bool reported = std::any_of(
        doc.diagnostics().cbegin(), doc.diagnostics().cend(), [](const Diagnostic &d) {
            return d.message.startsWith(QStringLiteral("invalid YAML"));
        });
    QVERIFY2(!invalid || doc.hasErrors(), qPrintable(content));
    QVERIFY2(invalid || !reported, qPrintable(content));
}

// Every file named like `pattern` under `root`, sorted, so rows come in the same order each run.
QStringList filesUnder(const QString &root, const QString &pattern)
{
    QDirIterator it(root, {pattern}, QDir::Files, QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    return files;
}

} // namespace

class tst_FrontMatterCorpora : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void yamlTestSuite_data();
    void yamlTestSuite();
    void jsonFromTestSuite_data();
    void jsonFromTestSuite();
    void hugoDocs_data();
    void hugoDocs();
    void mutatedBlocks_data();
    void mutatedBlocks();
    void plainSubset_data();
    void plainSubset();
    void concurrentReads();
};

void tst_FrontMatterCorpora::yamlTestSuite_data()
{
    QTest::addColumn<QString>("caseDir");
    const QString root = dataDir + QStringLiteral("/yaml-test-suite");
    QStringList dirs;
    for (const QString &file : filesUnder(root, QStringLiteral("in.yaml")))
        dirs.append(QFileInfo(file).path());
    QVERIFY2(dirs.size() > 300, "the yaml-test-suite copy is missing");
    for (const QString &dir : dirs) {
        const QString id = dir.mid(root.size() + 1);
        const bool error = QFile::exists(dir + QStringLiteral("/error"));
        QTest::newRow(qPrintable((error ? QStringLiteral("robustness: error case ")
                                        : QStringLiteral("nominal: valid case "))
                                 + id))
            << dir;
    }
}

void tst_FrontMatterCorpora::yamlTestSuite()
{
    QFETCH(QString, caseDir);
    QByteArray yaml = readBytes(caseDir + QStringLiteral("/in.yaml"));
    if (!yaml.isEmpty() && !yaml.endsWith('\n'))
        yaml += '\n';
    const QByteArray bytes = "---\n" + yaml + "---\nBody\n";
    const bool errorCase = QFile::exists(caseDir + QStringLiteral("/error"));
    const bool wholeBlock = !hasDelimiterLine(yaml);

    const Result<PostFile> file = PostFile::decode(bytes);
    if (!file) {
        // Only a suite case that is not UTF-8 could fail here; it must say where.
        QVERIFY(file.error().line > 0);
        return;
    }
    PostDocument doc(file->text);
    QCOMPARE(doc.text(), file->text);
    QCOMPARE(file->encode(), bytes);
    verifyConformanceVerdict(doc);
    for (const Diagnostic &d : doc.diagnostics()) {
        QVERIFY2(d.line >= 1 && d.column >= 1, qPrintable(d.message));
        QVERIFY2(d.line <= doc.text().count(QLatin1Char('\n')) + 1, qPrintable(d.message));
    }

    if (!wholeBlock)
        return; // the block is the case's first lines only; round trip and no crash is the rule

    if (errorCase) {
        QVERIFY(doc.hasErrors());
        QVERIFY(!doc.isEditable());
        QVERIFY(!doc.setValue(QStringLiteral("title"), QStringLiteral("x")).ok());
        QCOMPARE(doc.text(), file->text);
        return;
    }

    const std::optional<QJsonValue> expected = expectedJson(caseDir);
    const bool isMap = expected && expected->isObject();
    if (expected && !isMap && !expected->isNull()) {
        // Valid YAML that is not `key: value` lines: an error with a position, never an edit.
        QVERIFY(doc.hasErrors());
        QVERIFY(!doc.isEditable());
        return;
    }
    const bool notAMap = std::any_of(
        doc.diagnostics().cbegin(), doc.diagnostics().cend(), [](const Diagnostic &d) {
            return d.message.startsWith(QStringLiteral("front matter must be `key: value`"));
        });
    if (notAMap && !expected) {
        // No in.json to say what the document is, and it is not a map: our rule, not a failure.
        QVERIFY(!doc.isEditable());
        return;
    }
    // Valid YAML parses, also where yaml-cpp 0.7 alone cannot read it.
    QVERIFY2(!doc.hasErrors(), qPrintable(doc.diagnostics().value(0).message));
    if (!isMap)
        return;
    const QJsonObject object = expected->toObject();
    QStringList keys = doc.keys();
    keys.sort();
    QStringList expectedKeys = object.keys();
    expectedKeys.sort();
    if (keys != expectedKeys)
        return; // complex or duplicate keys: JSON cannot say what the map is
    // The suite's JSON uses YAML 1.2 core types, as value() does.
    for (const QString &key : expectedKeys)
        QCOMPARE(doc.value(key).value_or(QJsonValue()), object.value(key));

    // An edit of a suite document must parse again and keep every other key.
    const QString newKey = QStringLiteral("postwright_added");
    if (doc.isEditable() && !object.contains(newKey)) {
        const Result<void> added = doc.setValue(newKey, QStringLiteral("yes: no"));
        if (added.ok()) {
            QVERIFY(!doc.hasErrors());
            QCOMPARE(doc.value(newKey).value_or(QJsonValue()),
                     QJsonValue(QStringLiteral("yes: no")));
            QVERIFY(doc.unset(newKey).ok());
            QCOMPARE(doc.text(), file->text);
        }
    }
}

// The suite's in.json objects as Hugo JSON front matter: parsed, read and edited losslessly.
void tst_FrontMatterCorpora::jsonFromTestSuite_data()
{
    QTest::addColumn<QString>("caseDir");
    const QString root = dataDir + QStringLiteral("/yaml-test-suite");
    QDirIterator it(root, {QStringLiteral("in.json")}, QDir::Files, QDirIterator::Subdirectories);
    QStringList dirs;
    while (it.hasNext()) {
        const QString dir = QFileInfo(it.next()).path();
        const std::optional<QJsonValue> json = expectedJson(dir);
        if (json && json->isObject())
            dirs.append(dir);
    }
    dirs.sort();
    QVERIFY2(dirs.size() > 100, "the yaml-test-suite copy is missing");
    for (const QString &dir : dirs)
        QTest::newRow(qPrintable(QStringLiteral("nominal: json of ") + dir.mid(root.size() + 1)))
            << dir;
}

void tst_FrontMatterCorpora::jsonFromTestSuite()
{
    QFETCH(QString, caseDir);
    QByteArray json = readBytes(caseDir + QStringLiteral("/in.json")).trimmed();
    const QByteArray bytes = json + "\n\nBody with a } brace\n";
    const Result<PostFile> file = PostFile::decode(bytes);
    QVERIFY(file.ok());
    PostDocument doc(file->text);
    QCOMPARE(doc.format(), FrontMatterFormat::Json);
    QVERIFY2(!doc.hasErrors(), qPrintable(doc.diagnostics().value(0).message));
    QCOMPARE(doc.body(), QStringLiteral("\nBody with a } brace\n"));
    QCOMPARE(file->encode(), bytes);
    const QJsonObject expected = expectedJson(caseDir)->toObject();
    QStringList keys = doc.keys();
    keys.sort();
    QStringList expectedKeys = expected.keys();
    expectedKeys.sort();
    QCOMPARE(keys, expectedKeys);
    for (const QString &key : expectedKeys)
        QCOMPARE(doc.value(key).value_or(QJsonValue()), expected.value(key));

    // Add a key, change it, remove it: back to the original bytes.
    const QString newKey = QStringLiteral("postwright_added");
    if (expected.contains(newKey))
        return;
    QVERIFY(doc.setValue(newKey, QJsonArray{QStringLiteral("a"), 1}).ok());
    QVERIFY(doc.setValue(newKey, QStringLiteral("b \"quoted\" ☕")).ok());
    QCOMPARE(doc.value(newKey).value_or(QJsonValue()),
             QJsonValue(QStringLiteral("b \"quoted\" ☕")));
    for (const QString &key : expectedKeys)
        QCOMPARE(doc.value(key).value_or(QJsonValue()), expected.value(key));
    QVERIFY(doc.unset(newKey).ok());
    QCOMPARE(doc.text(), file->text);
}

void tst_FrontMatterCorpora::hugoDocs_data()
{
    QTest::addColumn<QString>("path");
    const QString root = dataDir + QStringLiteral("/hugo-docs/content");
    const QStringList files = filesUnder(root, QStringLiteral("*.md"));
    QVERIFY2(files.size() > 900, "the hugo-docs copy is missing");
    for (const QString &path : files)
        QTest::newRow(qPrintable(QStringLiteral("nominal: ") + path.mid(root.size() + 1))) << path;
}

void tst_FrontMatterCorpora::hugoDocs()
{
    QFETCH(QString, path);
    const QByteArray bytes = readBytes(path);
    const Result<PostFile> file = PostFile::decode(bytes, path);
    QVERIFY2(file.ok(), qPrintable(file.ok() ? QString() : file.error().toString()));
    QCOMPARE(file->encode(), bytes);
    PostDocument doc(file->text);
    QVERIFY2(!doc.hasErrors(), qPrintable(doc.diagnostics().value(0).message));
    QCOMPARE(doc.text(), file->text);

    // Title to a new value and back: the original bytes.
    const QString titleKey = doc.keyFor(Field::Title);
    const std::optional<QJsonValue> title = doc.value(titleKey);
    QVERIFY(doc.setField(Field::Title, QStringLiteral("A new title from Postwright")).ok());
    QCOMPARE(doc.metadata().title, QStringLiteral("A new title from Postwright"));
    if (title)
        QVERIFY(doc.setValue(titleKey, *title).ok());
    else
        QVERIFY(doc.unset(titleKey).ok());
    // A file without front matter keeps the (now empty) block the edit added at its top.
    const bool hadBlock = PostDocument(file->text).hasFrontMatter();
    QCOMPARE(doc.text(), hadBlock ? file->text : QStringLiteral("---\n---\n") + file->text);
    doc = PostDocument(file->text);

    // Adding a tag changes only the tags lines.
    const QString tagsKey = doc.keyFor(Field::Tags);
    const QStringList tags = doc.metadata().tags + QStringList{QStringLiteral("postwright-test")};
    const Result<void> tagged = doc.setTerms(Field::Tags, tags);
    QVERIFY2(tagged.ok(), qPrintable(tagged.ok() ? QString() : tagged.error().toString()));
    QCOMPARE(doc.metadata().tags, tags);
    const QStringList before = file->text.split(QLatin1Char('\n'));
    const QStringList after = doc.text().split(QLatin1Char('\n'));
    const QStringList removed = changedLines(before, after, true);
    const QStringList added = changedLines(before, after, false);
    QVERIFY(!added.isEmpty());
    const QRegularExpression tagsLine(
        QStringLiteral("^(%1:.*|\\s*- .*)$").arg(QRegularExpression::escape(tagsKey)));
    for (const QString &line : removed + added) {
        const bool newDelimiter = !hadBlock && line == QStringLiteral("---");
        QVERIFY2(tagsLine.match(line).hasMatch() || newDelimiter, qPrintable(line));
    }
    QVERIFY(added.contains(QStringLiteral("postwright-test"))
            || std::any_of(added.cbegin(), added.cend(), [](const QString &line) {
                   return line.contains(QStringLiteral("postwright-test"));
               }));
    QCOMPARE(doc.body(), PostDocument(file->text).body());
}

// Hugo pages with one random typo in their front matter (seeded, so every run is the same): the
// text always survives, positions stay inside the file, and an edit either reads back or is
// refused without touching anything.
void tst_FrontMatterCorpora::mutatedBlocks_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("seed");
    const QString root = dataDir + QStringLiteral("/hugo-docs/content");
    const QStringList files = filesUnder(root, QStringLiteral("*.md"));
    QVERIFY(!files.isEmpty());
    for (int seed = 0; seed < 600; ++seed) {
        const QString &path = files.at((seed * 7) % files.size());
        QTest::newRow(qPrintable(
            QStringLiteral("robustness: typo %1 in %2").arg(seed).arg(path.mid(root.size() + 1))))
            << path << seed;
    }
}

void tst_FrontMatterCorpora::mutatedBlocks()
{
    QFETCH(QString, path);
    QFETCH(int, seed);
    const Result<PostFile> file = PostFile::read(path);
    QVERIFY(file.ok());
    QString text = file->text;
    const int blockEnd = PostDocument(text).bodyOffset();
    if (blockEnd < 8)
        return; // no front matter to damage
    QRandomGenerator random{quint32(seed)};
    static const QString typos = QStringLiteral(":\"'[]{}#-|>&*!?, \t\n%@`\\");
    const int at = 4 + int(random.bounded(blockEnd - 8));
    switch (random.bounded(4)) {
    case 0:
        text.remove(at, 1);
        break;
    case 1:
        text.insert(at, typos.at(int(random.bounded(typos.size()))));
        break;
    case 2:
        text.insert(at, typos.at(int(random.bounded(typos.size())))).insert(at, QLatin1Char(' '));
        break;
    default: {
        const int lineStart = int(text.lastIndexOf(QLatin1Char('\n'), at)) + 1;
        const int lineEnd = int(text.indexOf(QLatin1Char('\n'), at)) + 1;
        text.remove(lineStart, lineEnd - lineStart);
    }
    }

    PostDocument doc(text);
    QCOMPARE(doc.text(), text);
    QCOMPARE(doc.frontMatterBlock() + doc.body(), text);
    verifyConformanceVerdict(doc);
    const int lineCount = int(text.count(QLatin1Char('\n'))) + 1;
    for (const Diagnostic &d : doc.diagnostics()) {
        QVERIFY2(d.line >= 1 && d.line <= lineCount, qPrintable(d.message));
        QVERIFY2(d.column >= 1, qPrintable(d.message));
    }
    const QStringList tags = doc.metadata().tags + QStringList{QStringLiteral("typo-test")};
    const Result<void> tagged = doc.setTerms(Field::Tags, tags);
    if (!tagged.ok()) {
        QCOMPARE(doc.text(), text);
        return;
    }
    QVERIFY(!doc.hasErrors());
    QCOMPARE(doc.metadata().tags, tags);
    QCOMPARE(PostDocument(doc.text()).metadata().tags, tags);
    const Result<void> titled = doc.setField(Field::Title, QStringLiteral("Typo: test"));
    if (titled.ok())
        QCOMPARE(PostDocument(doc.text()).metadata().title, QStringLiteral("Typo: test"));
}

// What most front matter is written in skips the second parse; anything else gets it.
void tst_FrontMatterCorpora::plainSubset_data()
{
    QTest::addColumn<QString>("content");
    QTest::addColumn<bool>("plain");
    QTest::newRow("nominal: keys, quotes, flow and block lists, comments")
        << "# c\ntitle: \"A: b\"  # x\nslug: 'it''s'\ntags: [a, \"b c\"]\nlist:\n  - x\n  - 'y'\n"
        << true;
    QTest::newRow("nominal: a folded block scalar and a nested map")
        << "description: >\n  Two\n\n  lines.\nparams:\n  toc: true\n" << true;
    QTest::newRow("nominal: list of maps") << "menu:\n  - name: a\n    weight: 2\n" << true;
    QTest::newRow("robustness: a tab") << "a:\tb\n" << false;
    QTest::newRow("robustness: a line folded into the value above") << "a: b\nc\n" << false;
    QTest::newRow("robustness: anchors and aliases") << "a: &x 1\nb: *x\n" << false;
    QTest::newRow("robustness: a quote closed on a later line") << "a: \"b\n  c\"\n" << false;
    QTest::newRow("robustness: a comment glued to a quote") << "a: \"b\"#c\n" << false;
    QTest::newRow("robustness: a flow list over lines") << "a: [b,\n  c]\n" << false;
    QTest::newRow("robustness: a flow map") << "a: {b: c}\n" << false;
    QTest::newRow("robustness: a directive") << "%YAML 1.2\n" << false;
    QTest::newRow("robustness: spaces-only line in a block scalar") << "a: |\n  x\n \n" << false;
    QTest::newRow("robustness: a nested mapping on one line") << "a: b: c\n" << false;
    QTest::newRow("robustness: a quoted key") << "\"a\": b\n" << false;
    QTest::newRow("nominal: a list at the margin under its key") << "tags:\n- a\n- b\nx: 1\n"
                                                                  << true;
    QTest::newRow("robustness: a list item at the margin after a value") << "a: 1\n- b\n" << false;
    QTest::newRow("robustness: a list as the whole block") << "- a\nb: 1\n" << false;
}

void tst_FrontMatterCorpora::plainSubset()
{
    QFETCH(QString, content);
    QFETCH(bool, plain);
    QCOMPARE(frontmatter::isPlainSubset(content), plain);
}

// Posts are read on the GUI thread and on publishing threads at once: the same results either way.
void tst_FrontMatterCorpora::concurrentReads()
{
    const QString root = dataDir + QStringLiteral("/hugo-docs/content");
    QDirIterator it(root, {QStringLiteral("*.md")}, QDir::Files, QDirIterator::Subdirectories);
    QStringList texts;
    while (it.hasNext() && texts.size() < 300)
        texts.append(PostFile::read(it.next()).value().text);
    QVERIFY(texts.size() > 100);
    auto summarize = [&texts] {
        QStringList out;
        for (const QString &text : texts) {
            const PostDocument doc(text);
            const PostMetadata m = doc.metadata();
            out.append(m.title + m.tags.join(u'|') + m.date.toString(Qt::ISODate) + m.expiryDateText
                       + QString::number(doc.diagnostics().size()));
        }
        return out;
    };
    const QStringList expected = summarize();
    std::vector<QStringList> results(4);
    std::vector<std::thread> threads;
    for (QStringList &result : results)
        threads.emplace_back([&result, &summarize] { result = summarize(); });
    for (std::thread &thread : threads)
        thread.join();
    for (const QStringList &result : results)
        QCOMPARE(result, expected);
}

QTEST_GUILESS_MAIN(tst_FrontMatterCorpora)
#include "tst_frontmattercorpora.moc"
