// TOML front matter as Hugo sites write it: keys under [tables], dotted keys and inline tables
// edited by path, multi-line arrays whose comments must survive item edits, and the TOML value
// forms (literal strings, multi-line strings, datetimes, quoted keys, CRLF) kept as written.
// Every row is one edit and the exact text expected, so a change of any other byte fails it.

#include "frontmatter/jsonargument.h"
#include "frontmatter/postdocument.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace pw;

Q_DECLARE_METATYPE(pw::Field)

class tst_TomlEditing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setByPath_data();
    void setByPath();
    void newBlockByPath();
    void unsetByPath_data();
    void unsetByPath();
    void getByPath_data();
    void getByPath();
    void refusesPath_data();
    void refusesPath();
    void arrayComments_data();
    void arrayComments();
    void valueForms_data();
    void valueForms();
    void changesOnlyItsLines_data();
    void changesOnlyItsLines();
    void crlfFile_data();
    void crlfFile();
    void invalidValue_data();
    void invalidValue();
    void hugoDocsExamples_data();
    void hugoDocsExamples();
};

namespace {

QJsonValue json(const QString &text)
{
    const Result<QJsonValue> parsed = parseJsonArgument(text);
    if (!parsed)
        qFatal("bad JSON in test data: %s", qPrintable(text));
    return parsed.value();
}

QString failureText(const Result<void> &result)
{
    return result.ok() ? QString() : result.error().toString();
}

// A Hugo post of the kind the hugo-docs corpus and real sites have: root keys, a comment, then
// tables of custom keys, a nested table, a menu entry and an inline table.
const char *const hugoPost = "+++\n"
                             "title = \"Shipping the TOML side\"\n"
                             "date = 2024-01-02T03:04:05Z\n"
                             "# taxonomies\n"
                             "tags = [\"go\", \"testing\"]\n"
                             "\n"
                             "[params]\n"
                             "  author = \"Ann\"  # who wrote it\n"
                             "  toc = true\n"
                             "\n"
                             "# social cards\n"
                             "[params.social]\n"
                             "  card = 'summary'\n"
                             "\n"
                             "[[menu.main]]\n"
                             "  name = \"Docs\"\n"
                             "  weight = 10\n"
                             "\n"
                             "[taxonomies]\n"
                             "  series = { name = \"toml\", part = 2 }\n"
                             "+++\n"
                             "\n"
                             "Body text.\n";

} // namespace

void tst_TomlEditing::setByPath_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");

    QTest::newRow("nominal: a new top-level key goes before the first table, after its comment")
        << "+++\ntitle = \"x\"\n# tables follow\n[params]\ntoc = true\n+++\n"
        << "slug"
        << "\"s\""
        << "+++\ntitle = \"x\"\nslug = \"s\"\n# tables follow\n[params]\ntoc = true\n+++\n";
    QTest::newRow("nominal: a new top-level key in a block of tables only goes above them")
        << "+++\n[params]\ntoc = true\n+++\n"
        << "title"
        << "\"x\""
        << "+++\ntitle = \"x\"\n[params]\ntoc = true\n+++\n";
    QTest::newRow("nominal: a new top-level key after dotted keys spread over lines")
        << "+++\nparams.a = 1\nparams.b = 2\n[x]\ny = 1\n+++\n"
        << "title"
        << "\"t\""
        << "+++\nparams.a = 1\nparams.b = 2\ntitle = \"t\"\n[x]\ny = 1\n+++\n";
    QTest::newRow("nominal: a key under its [table] keeps quotes and the comment")
        << "+++\n[params]\n  author = \"Ann\"  # who\n  toc = true\n+++\n"
        << "params.author"
        << "\"Bob\""
        << "+++\n[params]\n  author = \"Bob\"  # who\n  toc = true\n+++\n";
    QTest::newRow("nominal: a new key goes after the table's last key, in its indentation")
        << "+++\n[params]\n  toc = true\n\n# next\n[other]\nx = 1\n+++\n"
        << "params.author"
        << "\"Ann\""
        << "+++\n[params]\n  toc = true\n  author = \"Ann\"\n\n# next\n[other]\nx = 1\n+++\n";
    QTest::newRow("nominal: a new key in an empty [table] goes under its header")
        << "+++\n[params]\n[other]\nx = 1\n+++\n"
        << "params.a"
        << "1"
        << "+++\n[params]\na = 1\n[other]\nx = 1\n+++\n";
    QTest::newRow("nominal: a sub-table's key under its own header")
        << QString::fromUtf8(hugoPost) << "params.social.card"
        << "\"large\"" << QString::fromUtf8(hugoPost).replace("'summary'", "'large'");
    QTest::newRow("nominal: a dotted key at the root")
        << "+++\ntitle = \"x\"\nparams.author = \"Ann\"\n+++\n"
        << "params.author"
        << "\"Bob\""
        << "+++\ntitle = \"x\"\nparams.author = \"Bob\"\n+++\n";
    QTest::newRow("nominal: a new key of a dotted table follows its dotted keys")
        << "+++\nparams.a = 1\ntitle = \"x\"\n+++\n"
        << "params.b"
        << "2"
        << "+++\nparams.a = 1\nparams.b = 2\ntitle = \"x\"\n+++\n";
    QTest::newRow("nominal: a dotted key inside a [table]")
        << "+++\n[params]\nsocial.card = \"a\"\n+++\n"
        << "params.social.card"
        << "\"b\""
        << "+++\n[params]\nsocial.card = \"b\"\n+++\n";
    QTest::newRow("nominal: a new sub-key goes into the table that is written, dotted")
        << "+++\n[params]\ntoc = true\n+++\n"
        << "params.social.card"
        << "\"a\""
        << "+++\n[params]\ntoc = true\nsocial.card = \"a\"\n+++\n";
    QTest::newRow("nominal: an inline table's member keeps its neighbours")
        << "+++\nparams = { author = \"Ann\", toc = true }\n+++\n"
        << "params.author"
        << "\"Bob\""
        << "+++\nparams = { author = \"Bob\", toc = true }\n+++\n";
    QTest::newRow("nominal: a new member of an inline table")
        << "+++\nparams = { toc = true }\n+++\n"
        << "params.author"
        << "\"Ann\""
        << "+++\nparams = { toc = true, author = \"Ann\" }\n+++\n";
    QTest::newRow("nominal: a first member of an empty inline table")
        << "+++\nparams = {}\n+++\n"
        << "params.author"
        << "\"Ann\""
        << "+++\nparams = { author = \"Ann\" }\n+++\n";
    QTest::newRow("nominal: an inline table under a [table]")
        << QString::fromUtf8(hugoPost) << "taxonomies.series.part"
        << "3" << QString::fromUtf8(hugoPost).replace("part = 2", "part = 3");
    QTest::newRow("nominal: no such table: a new [table] at the end of the block")
        << "+++\ntitle = \"x\"\n+++\nBody\n"
        << "params.author"
        << "\"Ann\""
        << "+++\ntitle = \"x\"\n\n[params]\nauthor = \"Ann\"\n+++\nBody\n";
    QTest::newRow("nominal: a new [table] after a blank last line adds no second blank")
        << "+++\ntitle = \"x\"\n\n+++\n"
        << "params.a"
        << "true"
        << "+++\ntitle = \"x\"\n\n[params]\na = true\n+++\n";
    QTest::newRow("nominal: only a sub-table is written: the table gets its own header")
        << "+++\n[params.social]\ncard = \"a\"\n+++\n"
        << "params.author"
        << "\"Ann\""
        << "+++\n[params.social]\ncard = \"a\"\n\n[params]\nauthor = \"Ann\"\n+++\n";
    QTest::newRow("nominal: a quoted key in the path") << "+++\n[params]\n\"my key\" = 1\n+++\n"
                                                       << "params.\"my key\""
                                                       << "2"
                                                       << "+++\n[params]\n\"my key\" = 2\n+++\n";
    QTest::newRow("nominal: a new key that needs quotes is quoted")
        << "+++\n[params]\n+++\n"
        << "params.\"my key\""
        << "\"v\""
        << "+++\n[params]\n\"my key\" = \"v\"\n+++\n";
    QTest::newRow("nominal: a top-level key with a dot in its name is that key")
        << "+++\n\"a.b\" = 1\n+++\n"
        << "a.b"
        << "2"
        << "+++\n\"a.b\" = 2\n+++\n";
    QTest::newRow("nominal: a list under a table keeps its style")
        << "+++\n[params]\nkeywords = ['a']\n+++\n"
        << "params.keywords"
        << "[\"a\", \"b\"]"
        << "+++\n[params]\nkeywords = ['a', 'b']\n+++\n";
    QTest::newRow("nominal: a nested datetime stays a datetime")
        << "+++\n[params]\nreviewed = 2024-01-02\n+++\n"
        << "params.reviewed"
        << "\"2024-02-03\""
        << "+++\n[params]\nreviewed = 2024-02-03\n+++\n";
    QTest::newRow("robustness: an unchanged value writes nothing")
        << "+++\n[params]\n  author   =   'Ann'\n+++\n"
        << "params.author"
        << "\"Ann\""
        << "+++\n[params]\n  author   =   'Ann'\n+++\n";
}

void tst_TomlEditing::setByPath()
{
    QFETCH(QString, input);
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    PostDocument doc(input);
    QVERIFY2(doc.diagnostics().isEmpty(), qPrintable(doc.diagnostics().value(0).message));
    const Result<void> result = doc.setValue(key, json(value));
    QVERIFY2(result.ok(), qPrintable(failureText(result)));
    QCOMPARE(doc.text(), expected);
    QCOMPARE(doc.value(key), std::optional<QJsonValue>(json(value)));
    QVERIFY(doc.diagnostics().isEmpty());
}

void tst_TomlEditing::newBlockByPath()
{
    PostDocument doc(QStringLiteral("Just a body\n"));
    doc.setNewBlockFormat(FrontMatterFormat::Toml);
    const Result<void> result
        = doc.setValue(QStringLiteral("params.author"), QStringLiteral("Ann"));
    QVERIFY2(result.ok(), qPrintable(failureText(result)));
    QCOMPARE(doc.text(), QStringLiteral("+++\nparams = { author = \"Ann\" }\n+++\nJust a body\n"));
    QCOMPARE(doc.value(QStringLiteral("params.author")),
             std::optional<QJsonValue>(QStringLiteral("Ann")));
}

void tst_TomlEditing::unsetByPath_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expected");

    QTest::newRow("nominal: a key under a [table] goes with exactly its line")
        << "+++\n[params]\n# the author\nauthor = \"Ann\"  # who\ntoc = true\n+++\n"
        << "params.author"
        << "+++\n[params]\n# the author\ntoc = true\n+++\n";
    QTest::newRow("nominal: a multi-line value goes with all its lines")
        << "+++\n[params]\nlist = [\n  1,\n  2,\n]\ntoc = true\n+++\n"
        << "params.list"
        << "+++\n[params]\ntoc = true\n+++\n";
    QTest::newRow("nominal: a dotted key at the root") << "+++\nparams.a = 1\nparams.b = 2\n+++\n"
                                                       << "params.a"
                                                       << "+++\nparams.b = 2\n+++\n";
    QTest::newRow("nominal: the last key of a table leaves the table, empty")
        << "+++\n[params]\na = 1\n[x]\ny = 2\n+++\n"
        << "params.a"
        << "+++\n[params]\n[x]\ny = 2\n+++\n";
    QTest::newRow("nominal: an inline table's first member and its comma")
        << "+++\np = { a = 1, b = 2, c = 3 }\n+++\n"
        << "p.a"
        << "+++\np = { b = 2, c = 3 }\n+++\n";
    QTest::newRow("nominal: an inline table's middle member")
        << "+++\np = { a = 1, b = 2, c = 3 }\n+++\n"
        << "p.b"
        << "+++\np = { a = 1, c = 3 }\n+++\n";
    QTest::newRow("nominal: an inline table's last member") << "+++\np = { a = 1, b = 2 }\n+++\n"
                                                            << "p.b"
                                                            << "+++\np = { a = 1 }\n+++\n";
    QTest::newRow("nominal: an inline table's only member") << "+++\np = { a = 1 }\n+++\n"
                                                            << "p.a"
                                                            << "+++\np = {}\n+++\n";
    QTest::newRow("robustness: a key that is not there changes nothing")
        << "+++\n[params]\na = 1\n+++\n"
        << "params.b"
        << "+++\n[params]\na = 1\n+++\n";
}

void tst_TomlEditing::unsetByPath()
{
    QFETCH(QString, input);
    QFETCH(QString, key);
    QFETCH(QString, expected);
    PostDocument doc(input);
    const Result<void> result = doc.unset(key);
    QVERIFY2(result.ok(), qPrintable(failureText(result)));
    QCOMPARE(doc.text(), expected);
    QVERIFY(!doc.value(key).has_value());
    QVERIFY(doc.diagnostics().isEmpty());
}

void tst_TomlEditing::getByPath_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expected"); // JSON; empty: no such key

    const QString post = QString::fromUtf8(hugoPost);
    QTest::newRow("nominal: under a [table]") << post << "params.author"
                                              << "\"Ann\"";
    QTest::newRow("nominal: under a sub-table") << post << "params.social.card"
                                                << "\"summary\"";
    QTest::newRow("nominal: in an inline table") << post << "taxonomies.series.name"
                                                 << "\"toml\"";
    QTest::newRow("nominal: a whole table") << post << "params.social"
                                            << "{\"card\": \"summary\"}";
    QTest::newRow("nominal: a dotted key") << "+++\nparams.author = \"Ann\"\n+++\n"
                                           << "params.author"
                                           << "\"Ann\"";
    QTest::newRow("nominal: a yaml nested map reads by the same path")
        << "---\nparams:\n  author: Ann\n---\n"
        << "params.author"
        << "\"Ann\"";
    QTest::newRow("nominal: a json nested object reads by the same path")
        << "{\"params\": {\"author\": \"Ann\"}}\n"
        << "params.author"
        << "\"Ann\"";
    QTest::newRow("robustness: a key inside an array of tables is not a path")
        << post << "menu.main.name"
        << "";
    QTest::newRow("robustness: a path through a string") << post << "title.x"
                                                         << "";
    QTest::newRow("robustness: a missing key") << post << "params.nope"
                                               << "";
}

void tst_TomlEditing::getByPath()
{
    QFETCH(QString, input);
    QFETCH(QString, key);
    QFETCH(QString, expected);
    const PostDocument doc(input);
    QVERIFY(doc.diagnostics().isEmpty());
    const std::optional<QJsonValue> value = doc.value(key);
    if (expected.isEmpty())
        QVERIFY(!value.has_value());
    else
        QCOMPARE(value, std::optional<QJsonValue>(json(expected)));
}

void tst_TomlEditing::refusesPath_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value"); // JSON; empty: unset
    QTest::addColumn<QString>("messagePart");

    const QString post = QString::fromUtf8(hugoPost);
    QTest::newRow("robustness: a key inside an array of tables") << post << "menu.main.name"
                                                                 << "\"x\""
                                                                 << "not keys";
    QTest::newRow("robustness: a key inside a string") << post << "title.x"
                                                       << "1"
                                                       << "not keys";
    QTest::newRow("robustness: a whole [table] set at once") << post << "params.social"
                                                             << "{\"card\": \"x\"}"
                                                             << "one by one";
    QTest::newRow("robustness: a whole [table] removed at once") << post << "params.social"
                                                                 << ""
                                                                 << "one by one";
    QTest::newRow("robustness: no null in toml") << post << "params.author"
                                                 << "null"
                                                 << "null";
    QTest::newRow("robustness: yaml nested maps are read-only")
        << "---\nparams:\n  author: Ann\n---\n"
        << "params.author"
        << "\"Bob\""
        << "TOML front matter only";
    QTest::newRow("robustness: removing from a yaml nested map")
        << "---\nparams:\n  author: Ann\n---\n"
        << "params.author"
        << ""
        << "TOML front matter only";
}

void tst_TomlEditing::refusesPath()
{
    QFETCH(QString, input);
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, messagePart);
    PostDocument doc(input);
    const Result<void> result = value.isEmpty() ? doc.unset(key) : doc.setValue(key, json(value));
    QVERIFY(!result.ok());
    QVERIFY2(result.error().toString().contains(messagePart), qPrintable(failureText(result)));
    QCOMPARE(doc.text(), input);
}

void tst_TomlEditing::arrayComments_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("terms");
    QTest::addColumn<QString>("expected");

    const QString commented = "+++\ntags = [\n  \"go\",      # the language\n  # \"rust\",\n"
                              "  \"testing\",\n]\n+++\n";
    QTest::newRow("nominal: removing the first item keeps the comment line")
        << commented << QStringList{"testing"}
        << "+++\ntags = [\n  # \"rust\",\n  \"testing\",\n]\n+++\n";
    QTest::newRow("nominal: removing the last item keeps the comments of the kept one")
        << commented << QStringList{"go"}
        << "+++\ntags = [\n  \"go\",      # the language\n  # \"rust\",\n]\n+++\n";
    QTest::newRow("nominal: adding an item keeps the comments, commas and indentation")
        << commented << QStringList{"go", "testing", "toml"}
        << "+++\ntags = [\n  \"go\",      # the language\n  # \"rust\",\n  \"testing\",\n"
           "  \"toml\",\n]\n+++\n";
    QTest::newRow("nominal: a new first item gets a row of its own")
        << commented << QStringList{"toml", "go", "testing"}
        << "+++\ntags = [\n  \"toml\",\n  \"go\",      # the language\n  # \"rust\",\n"
           "  \"testing\",\n]\n+++\n";
    QTest::newRow("nominal: removing a middle item keeps the comment lines around it")
        << "+++\ntags = [\n  \"a\",  # A\n  # before b\n  \"b\",  # B\n  # after b\n  "
           "\"c\",\n]\n+++\n"
        << QStringList{"a", "c"}
        << "+++\ntags = [\n  \"a\",  # A\n  # before b\n  # after b\n  \"c\",\n]\n+++\n";
    QTest::newRow("nominal: reordering moves rows with their comments")
        << "+++\ntags = [\n  \"a\",  # A\n  \"b\",  # B\n]\n+++\n"
        << QStringList{"b", "a"} << "+++\ntags = [\n  \"b\",  # B\n  \"a\",  # A\n]\n+++\n";
    QTest::newRow("nominal: no trailing comma: the new last item has none either")
        << "+++\ntags = [\n  \"a\",  # A\n  \"b\"  # B\n]\n+++\n"
        << QStringList{"a", "b", "c"}
        << "+++\ntags = [\n  \"a\",  # A\n  \"b\",  # B\n  \"c\"\n]\n+++\n";
    QTest::newRow("nominal: no trailing comma: the new last item loses its comma")
        << "+++\ntags = [\n  \"a\",  # A\n  \"b\"  # B\n]\n+++\n"
        << QStringList{"a"} << "+++\ntags = [\n  \"a\"  # A\n]\n+++\n";
    QTest::newRow("nominal: emptying the array keeps its comment lines")
        << commented << QStringList{} << "+++\ntags = [\n  # \"rust\",\n]\n+++\n";
    QTest::newRow("nominal: emptying an array without comments leaves no blank line")
        << "+++\ntags = [\n    'a',\n    'b',\n]\n+++\n"
        << QStringList{} << "+++\ntags = [\n]\n+++\n";
    QTest::newRow("nominal: literal items stay literal, in the array's indentation")
        << "+++\ntags = [\n    'a',\n]\n+++\n"
        << QStringList{"a", "b"} << "+++\ntags = [\n    'a',\n    'b',\n]\n+++\n";
    QTest::newRow("nominal: an array under a [table] by its path keeps its comments")
        << "+++\n[params]\nkeywords = [\n  \"a\",  # A\n  \"b\",\n]\n+++\n"
        << QStringList{"a"} << "+++\n[params]\nkeywords = [\n  \"a\",  # A\n]\n+++\n";
    QTest::newRow("robustness: two items on a line stay a plain list")
        << "+++\ntags = [\n  \"a\", \"b\",\n]\n+++\n"
        << QStringList{"a", "b", "c"} << "+++\ntags = [\n  \"a\", \"b\", \"c\",\n]\n+++\n";
    QTest::newRow("robustness: a '#' inside an item is no comment")
        << "+++\ntags = [\n  \"c#\",  # lang\n  \"f#\",\n]\n+++\n"
        << QStringList{"f#"} << "+++\ntags = [\n  \"f#\",\n]\n+++\n";
}

void tst_TomlEditing::arrayComments()
{
    QFETCH(QString, input);
    QFETCH(QStringList, terms);
    QFETCH(QString, expected);
    PostDocument doc(input);
    // The table case goes by path; top-level tags through the typed field.
    const bool nested = input.contains("[params]");
    const Result<void> result
        = nested ? doc.setValue("params.keywords", QJsonArray::fromStringList(terms))
                 : doc.setTerms(Field::Tags, terms);
    QVERIFY2(result.ok(), qPrintable(failureText(result)));
    QCOMPARE(doc.text(), expected);
    QVERIFY(doc.diagnostics().isEmpty());
    if (!nested)
        QCOMPARE(doc.metadata().tags, terms);
}

void tst_TomlEditing::valueForms_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<pw::Field>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");

    QTest::newRow("nominal: a literal string stays literal") << "+++\ntitle = 'C:\\path'\n+++\n"
                                                             << Field::Title << "\"D:\\\\path\""
                                                             << "+++\ntitle = 'D:\\path'\n+++\n";
    QTest::newRow("nominal: a literal string that cannot hold a quote becomes basic")
        << "+++\ntitle = 'x'\n+++\n"
        << Field::Title << "\"it's\""
        << "+++\ntitle = \"it's\"\n+++\n";
    QTest::newRow("nominal: a multi-line basic string is replaced whole")
        << "+++\ndescription = \"\"\"\nline one\nline two\"\"\"\ntitle = \"t\"\n+++\n"
        << Field::Description << "\"short\""
        << "+++\ndescription = \"short\"\ntitle = \"t\"\n+++\n";
    QTest::newRow("nominal: a multi-line literal string is replaced whole")
        << "+++\ndescription = '''\nraw \\ text\n'''\n+++\n"
        << Field::Description << "\"a\\nb\""
        << "+++\ndescription = \"a\\nb\"\n+++\n";
    QTest::newRow("nominal: a datetime stays an unquoted datetime")
        << "+++\ndate = 2024-01-02T03:04:05Z\ntitle = \"t\"\n+++\n"
        << Field::Date << "\"2025-06-07T08:09:10Z\""
        << "+++\ndate = 2025-06-07T08:09:10Z\ntitle = \"t\"\n+++\n";
    QTest::newRow("nominal: a datetime with an offset stays one")
        << "+++\nlastmod = 2024-01-02T03:04:05+01:00\n+++\n"
        << Field::Lastmod << "\"2024-01-03T00:00:00-05:00\""
        << "+++\nlastmod = 2024-01-03T00:00:00-05:00\n+++\n";
    QTest::newRow("nominal: a local date stays a date") << "+++\ndate = 2024-01-02\n+++\n"
                                                        << Field::Date << "\"2024-12-31\""
                                                        << "+++\ndate = 2024-12-31\n+++\n";
    QTest::newRow("nominal: a quoted date stays a quoted string")
        << "+++\ndate = \"2024-01-02\"\n+++\n"
        << Field::Date << "\"2024-12-31\""
        << "+++\ndate = \"2024-12-31\"\n+++\n";
    QTest::newRow("nominal: a quoted key is found") << "+++\n\"title\" = \"x\"\n+++\n"
                                                    << Field::Title << "\"y\""
                                                    << "+++\n\"title\" = \"y\"\n+++\n";
    QTest::newRow("nominal: a date field set where there is none is a datetime")
        << "+++\ntitle = \"t\"\n[params]\n+++\n"
        << Field::Date << "\"2024-01-02T03:04:05Z\""
        << "+++\ntitle = \"t\"\ndate = 2024-01-02T03:04:05Z\n[params]\n+++\n";
}

void tst_TomlEditing::valueForms()
{
    QFETCH(QString, input);
    QFETCH(pw::Field, field);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    PostDocument doc(input);
    QVERIFY(doc.diagnostics().isEmpty());
    const Result<void> result = doc.setField(field, json(value));
    QVERIFY2(result.ok(), qPrintable(failureText(result)));
    QCOMPARE(doc.text(), expected);
    QVERIFY(doc.diagnostics().isEmpty());
}

// The lines an edit changed: the first and last line that differ, as a line diff shows them.
struct LineChange
{
    QStringList removed;
    QStringList added;
};

static LineChange changedLines(const QString &before, const QString &after)
{
    const QStringList a = before.split('\n');
    const QStringList b = after.split('\n');
    qsizetype head = 0;
    while (head < a.size() && head < b.size() && a.at(head) == b.at(head))
        ++head;
    qsizetype tail = 0;
    while (tail < a.size() - head && tail < b.size() - head
           && a.at(a.size() - 1 - tail) == b.at(b.size() - 1 - tail))
        ++tail;
    return {a.mid(head, a.size() - head - tail), b.mid(head, b.size() - head - tail)};
}

void tst_TomlEditing::changesOnlyItsLines_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value"); // JSON; empty: unset
    QTest::addColumn<QStringList>("removed");
    QTest::addColumn<QStringList>("added");

    QTest::newRow("nominal: a key under [params]")
        << "params.author"
        << "\"Bob\"" << QStringList{"  author = \"Ann\"  # who wrote it"}
        << QStringList{"  author = \"Bob\"  # who wrote it"};
    QTest::newRow("nominal: a new key of [params]")
        << "params.series"
        << "\"toml\"" << QStringList{} << QStringList{"  series = \"toml\""};
    QTest::newRow("nominal: a new table")
        << "outputs.home"
        << "[\"html\"]" << QStringList{} << QStringList{"", "[outputs]", "home = [\"html\"]"};
    QTest::newRow("nominal: a new top-level key")
        << "slug"
        << "\"toml\"" << QStringList{} << QStringList{"slug = \"toml\""};
    QTest::newRow("nominal: removing a key under [params]")
        << "params.toc"
        << "" << QStringList{"  toc = true"} << QStringList{};
    QTest::newRow("nominal: an inline table's member")
        << "taxonomies.series.name"
        << "\"TOML\"" << QStringList{"  series = { name = \"toml\", part = 2 }"}
        << QStringList{"  series = { name = \"TOML\", part = 2 }"};
}

void tst_TomlEditing::changesOnlyItsLines()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QStringList, removed);
    QFETCH(QStringList, added);
    const QString post = QString::fromUtf8(hugoPost);
    PostDocument doc(post);
    const Result<void> result = value.isEmpty() ? doc.unset(key) : doc.setValue(key, json(value));
    QVERIFY2(result.ok(), qPrintable(failureText(result)));
    const LineChange change = changedLines(post, doc.text());
    QCOMPARE(change.removed, removed);
    QCOMPARE(change.added, added);
    // And back: the key's old value (or its absence) gives the original bytes for edits in place.
    if (!removed.isEmpty() && !added.isEmpty()) {
        const Result<void> back = doc.setValue(key, PostDocument(post).value(key).value());
        QVERIFY2(back.ok(), qPrintable(failureText(back)));
        QCOMPARE(doc.text(), post);
    }
}

void tst_TomlEditing::crlfFile_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("nominal: a crlf file gets a crlf line under its table")
        << QByteArray("+++\r\ntitle = \"x\"\r\n[params]\r\ntoc = true\r\n+++\r\nBody\r\n")
        << "params.author"
        << "\"Ann\""
        << QByteArray("+++\r\ntitle = \"x\"\r\n[params]\r\ntoc = true\r\nauthor = \"Ann\"\r\n"
                      "+++\r\nBody\r\n");
    QTest::newRow("nominal: a crlf file gets a crlf table")
        << QByteArray("+++\r\ntitle = \"x\"\r\n+++\r\n") << "params.toc"
        << "true" << QByteArray("+++\r\ntitle = \"x\"\r\n\r\n[params]\r\ntoc = true\r\n+++\r\n");
    QTest::newRow("nominal: a crlf array keeps its comment lines")
        << QByteArray("+++\r\ntags = [\r\n  \"a\",  # A\r\n  # old\r\n  \"b\",\r\n]\r\n+++\r\n")
        << "tags"
        << "[\"b\", \"c\"]"
        << QByteArray("+++\r\ntags = [\r\n  # old\r\n  \"b\",\r\n  \"c\",\r\n]\r\n+++\r\n");
    QTest::newRow("robustness: mixed line endings: a new line ends as the block's crlf lines")
        << QByteArray("+++\r\ntitle = \"x\"\n[params]\r\ntoc = true\r\n+++\nBody\n") << "params.a"
        << "1"
        << QByteArray("+++\r\ntitle = \"x\"\n[params]\r\ntoc = true\r\na = 1\r\n+++\nBody\n");
}

void tst_TomlEditing::crlfFile()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QByteArray, expected);
    Result<PostFile> file = PostFile::decode(bytes);
    QVERIFY(file.ok());
    PostDocument doc(file->text);
    QVERIFY(doc.diagnostics().isEmpty());
    const Result<void> result = doc.setValue(key, json(value));
    QVERIFY2(result.ok(), qPrintable(failureText(result)));
    file.value().text = doc.text();
    QCOMPARE(file->encode(), expected);
}

void tst_TomlEditing::invalidValue_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value"); // JSON to set; empty: the input itself is invalid
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("robustness: a month 13 in the file")
        << "+++\ntitle = \"x\"\ndate = 2024-13-02\n+++\n"
        << "title"
        << "" << 3 << 15; // toml++ points just past the month
    QTest::newRow("robustness: columns count in UTF-16 units past an emoji")
        << QString::fromUtf8("+++\ntitle = \"\xF0\x9F\x8E\x89\" x\n+++\n") << "title"
        << "" << 2 << 14;
    QTest::newRow("robustness: a bad value under a table") << "+++\n[params]\ntoc = yes\n+++\n"
                                                           << "params.toc"
                                                           << "" << 3 << 7;
    QTest::newRow("robustness: a date set that toml++ rejects is not written")
        << "+++\ntitle = \"x\"\ndate = 2024-01-02\n+++\n"
        << "date"
        << "\"2024-02-30\"" << 3 << 18; // just past the day
    QTest::newRow("robustness: a nested date toml++ rejects is not written")
        << "+++\n[params]\nreviewed = 2024-01-02\n+++\n"
        << "params.reviewed"
        << "\"2024-13-01\"" << 3 << 19;
}

void tst_TomlEditing::invalidValue()
{
    QFETCH(QString, input);
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(int, line);
    QFETCH(int, column);
    PostDocument doc(input);
    if (value.isEmpty()) {
        QCOMPARE(doc.diagnostics().size(), 1);
        QCOMPARE(doc.diagnostics().first().line, line);
        QCOMPARE(doc.diagnostics().first().column, column);
        QVERIFY(doc.diagnostics().first().message.contains("invalid TOML"));
        QVERIFY(!doc.isEditable());
        const Result<void> result = doc.setValue(key, json("\"new\""));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().line, line);
        QCOMPARE(result.error().column, column);
    } else {
        QVERIFY(doc.diagnostics().isEmpty());
        const Result<void> result = doc.setValue(key, json(value));
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.contains("invalid TOML"), qPrintable(failureText(result)));
        QCOMPARE(result.error().line, line);
        QCOMPARE(result.error().column, column);
    }
    QCOMPARE(doc.text(), input);
}

// An example's lines without the indentation they share (examples in a list are indented), up
// to the indentation of the closing shortcode.
static QString dedented(const QString &example)
{
    QStringList lines = example.split(QLatin1Char('\n'));
    lines.removeLast();
    qsizetype indent = -1;
    for (const QString &line : std::as_const(lines)) {
        if (line.trimmed().isEmpty())
            continue;
        qsizetype blanks = 0;
        while (blanks < line.size() && line.at(blanks) == QLatin1Char(' '))
            ++blanks;
        indent = indent < 0 ? blanks : qMin(indent, blanks);
    }
    QString out;
    for (const QString &line : std::as_const(lines))
        out += line.mid(qMax<qsizetype>(0, indent)) + QLatin1Char('\n');
    return out;
}

// The paths of the keys below the top level that hold a value (not a table), in TOML key syntax.
static QStringList leafPaths(const QJsonObject &object, const QString &prefix)
{
    static const QRegularExpression bare(QStringLiteral("^[A-Za-z0-9_-]+$"));
    QStringList paths;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString part = bare.match(it.key()).hasMatch()
                                 ? it.key()
                                 : QLatin1Char('"') + it.key() + QLatin1Char('"');
        const QString path = prefix.isEmpty() ? part : prefix + QLatin1Char('.') + part;
        if (it.value().isObject())
            paths += leafPaths(it.value().toObject(), path);
        else if (!prefix.isEmpty())
            paths.append(path);
    }
    return paths;
}

static QStringList leafPaths(const PostDocument &doc)
{
    QJsonObject root;
    for (const QString &key : doc.keys())
        root.insert(key, doc.value(key).value());
    return leafPaths(root, {});
}

// The TOML front matter Hugo's own documentation shows (its `code-toggle ... fm=true` examples,
// from the hugo-docs copy in tests/data), each as a post's block: a custom key added under
// params changes only the lines it needs, keeps every other value, and removing it again gives
// the original bytes back.
void tst_TomlEditing::hugoDocsExamples_data()
{
    QTest::addColumn<QString>("block");
    const QString root = QStringLiteral(POSTWRIGHT_TEST_DATA_DIR "/hugo-docs/content");
    QStringList files;
    QDirIterator it(root, {QStringLiteral("*.md")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    static const QRegularExpression example(
        QStringLiteral("\\{\\{<\\s*code-toggle[^>]*fm=true[^>]*>\\}\\}\n(.*?)"
                       "\\{\\{<\\s*/\\s*code-toggle\\s*>\\}\\}"),
        QRegularExpression::DotMatchesEverythingOption);
    int count = 0;
    for (const QString &path : std::as_const(files)) {
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        const QString text = QString::fromUtf8(file.readAll());
        for (auto match = example.globalMatch(text); match.hasNext();) {
            const QRegularExpressionMatch m = match.next();
            const QString content = dedented(m.captured(1));
            // The examples are written in any format (Hugo's toggle converts them): the TOML ones.
            if (content.contains(QRegularExpression(QStringLiteral("^\\w+:"),
                                                    QRegularExpression::MultilineOption))
                || content.trimmed().startsWith(QLatin1Char('{')))
                continue;
            const QString block = QStringLiteral("+++\n") + content + QStringLiteral("+++\nBody\n");
            const int line = int(QStringView(text).left(m.capturedStart(1)).count(u'\n')) + 1;
            const QString name
                = QStringLiteral("nominal: %1:%2").arg(path.mid(root.size() + 1)).arg(line);
            QTest::newRow(qPrintable(name)) << block;
            ++count;
        }
    }
    QVERIFY2(count >= 50, "the hugo-docs copy has lost its TOML front-matter examples");
}

void tst_TomlEditing::hugoDocsExamples()
{
    QFETCH(QString, block);
    PostDocument doc(block);
    QVERIFY2(!doc.hasErrors(), qPrintable(doc.diagnostics().value(0).message));
    QCOMPARE(doc.text(), block);
    const std::optional<QJsonValue> params = doc.value(QStringLiteral("params"));

    const Result<void> added
        = doc.setValue(QStringLiteral("params.postwright"), QStringLiteral("x"));
    QVERIFY2(added.ok(), qPrintable(failureText(added)));
    const LineChange change = changedLines(block, doc.text());
    QVERIFY2(change.removed.isEmpty(), qPrintable(change.removed.join('\n')));
    static const QRegularExpression keyLine(QStringLiteral("^\\s*(params\\.)?postwright = \"x\"$"));
    QCOMPARE(int(std::count_if(change.added.cbegin(), change.added.cend(),
                               [](const QString &line) { return keyLine.match(line).hasMatch(); })),
             1);
    for (const QString &line : change.added)
        QVERIFY2(keyLine.match(line).hasMatch() || line.isEmpty() || line == "[params]",
                 qPrintable(line));
    QJsonObject expected = params.value_or(QJsonObject()).toObject();
    expected.insert(QStringLiteral("postwright"), QStringLiteral("x"));
    QCOMPARE(doc.value(QStringLiteral("params")), std::optional<QJsonValue>(expected));
    for (const QString &key : PostDocument(block).keys()) {
        if (key != QStringLiteral("params"))
            QCOMPARE(doc.value(key), PostDocument(block).value(key));
    }

    const Result<void> removed = doc.unset(QStringLiteral("params.postwright"));
    QVERIFY2(removed.ok(), qPrintable(failureText(removed)));
    // The key goes with its line; a [params] table the edit had to make stays, empty.
    if (change.added.contains(QStringLiteral("[params]"))) {
        const LineChange left = changedLines(block, doc.text());
        QVERIFY(left.removed.isEmpty());
        QCOMPARE(left.added.last(), QStringLiteral("[params]"));
        QCOMPARE(doc.value(QStringLiteral("params")),
                 std::optional<QJsonValue>(params.value_or(QJsonObject())));
    } else {
        QCOMPARE(doc.text(), block);
    }

    // Every key below the top level, to a new value and back: the original bytes.
    const PostDocument original(block);
    for (const QString &key : leafPaths(original)) {
        PostDocument edited(block);
        const QJsonValue before = edited.value(key).value();
        QJsonArray longer = before.toArray(); // a list gains an item
        longer.append(QStringLiteral("postwright"));
        QJsonValue changed = longer;
        if (before.isBool())
            changed = !before.toBool();
        else if (before.isDouble())
            changed = before.toDouble() + 1;
        else if (before.isString())
            changed = before.toString() + "!";
        const Result<void> set = edited.setValue(key, changed);
        QVERIFY2(set.ok(), qPrintable(key + ": " + failureText(set)));
        QCOMPARE(edited.value(key), std::optional<QJsonValue>(changed));
        const Result<void> back = edited.setValue(key, before);
        QVERIFY2(back.ok(), qPrintable(key + ": " + failureText(back)));
        QCOMPARE(edited.text(), block);
    }
}

QTEST_GUILESS_MAIN(tst_TomlEditing)
#include "tst_tomlediting.moc"
