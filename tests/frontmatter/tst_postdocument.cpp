// Lossless front-matter editing: each row is an input, one edit, and the exact text expected.
// The cases B01-B13 come from the project's bug catalogue (docs in /work/shared/cases, copied
// here as rows): each says which bytes must change and which must not.

#include "frontmatter/jsonargument.h"
#include "frontmatter/blockformat.h"
#include "frontmatter/postdocument.h"

#include <QJsonArray>
#include <QTest>
#include <QTimeZone>

using namespace pw;

Q_DECLARE_METATYPE(pw::Field)
Q_DECLARE_METATYPE(pw::FrontMatterFormat)

class tst_PostDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noOpKeepsText_data();
    void noOpKeepsText();
    void setTerms_data();
    void setTerms();
    void setValue_data();
    void setValue();
    void unset_data();
    void unset();
    void metadata_data();
    void metadata();
    void diagnostics_data();
    void diagnostics();
    void refusesToEdit_data();
    void refusesToEdit();
    void layout_data();
    void layout();
    void setDraft_data();
    void setDraft();
    void dates_data();
    void dates();
    void setField_data();
    void setField();
    void refusesOneKey_data();
    void refusesOneKey();
    void setAndBack_data();
    void setAndBack();
    void newBlockFormat_data();
    void newBlockFormat();
    void formatForNewBlocks_data();
    void formatForNewBlocks();
    void mergeKeys_data();
    void mergeKeys();
};

static QJsonValue json(const char *text)
{
    const auto parsed = parseJsonArgument(QString::fromUtf8(text));
    if (!parsed)
        qFatal("bad JSON in test data: %s", text);
    return parsed.value();
}

void tst_PostDocument::noOpKeepsText_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("nominal: yaml with comments") << "---\n# c\ntitle: x  # t\n---\nBody\n";
    QTest::newRow("nominal: toml") << "+++\ntitle = \"x\"\n+++\nBody\n";
    QTest::newRow("nominal: json") << "{\n  \"title\": \"x\"\n}\nBody\n";
    QTest::newRow("nominal: no front matter") << "Just text\n";
    QTest::newRow("robustness: empty") << "";
    QTest::newRow("robustness: unclosed") << "---\ntitle: Half typed\n--\n\n# Heading\n";
    QTest::newRow("robustness: invalid yaml") << "---\ntitle: [unclosed\n---\nBody";
    QTest::newRow("robustness: closing delimiter without newline") << "---\ntitle: x\n---";
    QTest::newRow("robustness: mixed line endings") << "---\r\ntitle: x\n---\r\nBody\n";
}

void tst_PostDocument::noOpKeepsText()
{
    QFETCH(QString, input);
    const PostDocument doc(input);
    QCOMPARE(doc.text(), input);
    QCOMPARE(doc.frontMatterBlock() + doc.body(), input);
}

void tst_PostDocument::setTerms_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<pw::Field>("field");
    QTest::addColumn<QStringList>("terms");
    QTest::addColumn<QString>("expected");

    QTest::newRow("nominal: B01 block list keeps comments and order")
        << "---\n# slug is part of the URL - do not change\nslug: hello-world\ntitle: Hello world\n"
           "permalink: /2024/hello/\ntags:\n  - intro   # first post\n---\nBody.\n"
        << Field::Tags << QStringList{"intro", "meta"}
        << "---\n# slug is part of the URL - do not change\nslug: hello-world\ntitle: Hello world\n"
           "permalink: /2024/hello/\ntags:\n  - intro   # first post\n  - meta\n---\nBody.\n";
    QTest::newRow("nominal: removing the item after a comment keeps the comment")
        << "---\ntags:\n  - alpha\n  # keep this comment\n  - beta\n---\n"
        << Field::Tags << QStringList{"alpha"}
        << "---\ntags:\n  - alpha\n  # keep this comment\n---\n";
    QTest::newRow("nominal: removing the item before a comment keeps the comment")
        << "---\ntags:\n  - one\n  # c\n  - two\nx: 1\n---\n"
        << Field::Tags << QStringList{"two"}
        << "---\ntags:\n  # c\n  - two\nx: 1\n---\n";
    QTest::newRow("nominal: removing a middle item keeps the comments around it")
        << "---\ntags:\n  - a\n  # about b\n  - b\n  - c\n---\n"
        << Field::Tags << QStringList{"a", "c"}
        << "---\ntags:\n  - a\n  # about b\n  - c\n---\n";
    QTest::newRow("nominal: emptying a block list with comments keeps them")
        << "---\ntags: # my tags\n  - one\n  # c\n  - two\nx: 1\n---\n"
        << Field::Tags << QStringList{}
        << "---\ntags: [] # my tags\n# c\nx: 1\n---\n";
    QTest::newRow("robustness: a '#' inside a removed item is no comment")
        << "---\ntags:\n  - a\n  - \"#hashtag\"\n---\n"
        << Field::Tags << QStringList{"a"}
        << "---\ntags:\n  - a\n---\n";
    QTest::newRow("nominal: B03 quoted look-alikes keep their quotes")
        << "---\ntitle: \"Yes\"\nslug: \"2024\"\npublished: \"true\"\nanswer: \"no\"\n"
           "version: \"1.10\"\nzip: \"012345\"\ntags: [a]\n---\n"
        << Field::Tags << QStringList{"a", "b"}
        << "---\ntitle: \"Yes\"\nslug: \"2024\"\npublished: \"true\"\nanswer: \"no\"\n"
           "version: \"1.10\"\nzip: \"012345\"\ntags: [a, b]\n---\n";
    QTest::newRow("nominal: B04 empty values stay bare")
        << "---\ntitle: Draft idea\ndescription:\nimage: \"\"\nseries:\ntags: []\n---\n"
        << Field::Tags << QStringList{"ideas"}
        << "---\ntitle: Draft idea\ndescription:\nimage: \"\"\nseries:\ntags: [ideas]\n---\n";
    QTest::newRow("nominal: B05 unknown keys and nested maps untouched")
        << "---\ntitle: Release notes\ntags: [release]\nlayout: post\naliases:\n"
           "  - /old/release-notes/\nparams:\n  toc: true\n  math: false\nweight: 10\n---\n"
        << Field::Tags << QStringList{"changelog"}
        << "---\ntitle: Release notes\ntags: [changelog]\nlayout: post\naliases:\n"
           "  - /old/release-notes/\nparams:\n  toc: true\n  math: false\nweight: 10\n---\n";
    QTest::newRow("nominal: B06 single string gains a term and becomes a list")
        << "---\ntitle: T\ntags: the-tag\n---\n"
        << Field::Tags << QStringList{"the-tag", "x"} << "---\ntitle: T\ntags: [the-tag, x]\n---\n";
    QTest::newRow("nominal: B06 single string replaced stays a string")
        << "---\ntitle: T\ncategories: the-cat\n---\n"
        << Field::Categories << QStringList{"other"} << "---\ntitle: T\ncategories: other\n---\n";
    QTest::newRow("nominal: B06 quoted single string keeps its quotes in the list")
        << "---\ntags: 'one'\n---\n"
        << Field::Tags << QStringList{"one", "two"} << "---\ntags: ['one', 'two']\n---\n";
    QTest::newRow("nominal: B06 bare tags key gains a list")
        << "---\ntitle: T\ntags:\n---\n"
        << Field::Tags << QStringList{"x"} << "---\ntitle: T\ntags: [x]\n---\n";
    QTest::newRow("nominal: B08 crlf-decoded text edits only the tags line")
        << "---\ntitle: Win\ntags: [a]\n---\n\nBody\n"
        << Field::Tags << QStringList{"a", "b"} << "---\ntitle: Win\ntags: [a, b]\n---\n\nBody\n";
    QTest::newRow("nominal: B10 no front matter gets a block at the top")
        << "Just a body\n"
        << Field::Tags << QStringList{"new"} << "---\ntags: [new]\n---\nJust a body\n";
    QTest::newRow("nominal: B11 toml array keeps quotes and delimiters")
        << "+++\ntitle = \"An example\"\ndate = 2018-12-14\nlastmod = 2019-01-02T10:00:00+01:00\n"
           "tags = [\"hugo\", \"notes\"]\ndraft = false\n# reviewer: pending\n+++\n\nBody\n"
        << Field::Tags << QStringList{"hugo", "notes", "toml"}
        << "+++\ntitle = \"An example\"\ndate = 2018-12-14\nlastmod = 2019-01-02T10:00:00+01:00\n"
           "tags = [\"hugo\", \"notes\", \"toml\"]\ndraft = false\n# reviewer: "
           "pending\n+++\n\nBody\n";
    QTest::newRow("nominal: B13 non-ascii stays raw, quoting follows neighbours")
        << "---\ntitle: Unicode\ntags: [\"車行記憶\", \"Révolution française\", \"🎉 party\"]\n---\n"
        << Field::Tags << QStringList{"車行記憶", "Révolution française", "café ☕"}
        << "---\ntitle: Unicode\ntags: [\"車行記憶\", \"Révolution française\", \"café ☕\"]\n---\n";
    QTest::newRow("nominal: block list removes exactly one item's lines")
        << "---\ntags:\n  - a\n  - b # bee\n  - c\ntitle: x\n---\n"
        << Field::Tags << QStringList{"a", "c"} << "---\ntags:\n  - a\n  - c\ntitle: x\n---\n";
    QTest::newRow("nominal: compact block list at column 0")
        << "---\ntags:\n- a\n- b\n---\n"
        << Field::Tags << QStringList{"a", "b", "c"} << "---\ntags:\n- a\n- b\n- c\n---\n";
    QTest::newRow("nominal: keywords alias used when the file has it")
        << "---\nkeywords: [go]\n---\n"
        << Field::Tags << QStringList{"go", "rust"} << "---\nkeywords: [go, rust]\n---\n";
    QTest::newRow("nominal: new terms needing quotes are quoted")
        << "---\ntags: [a]\n---\n"
        << Field::Tags << QStringList{"a", "yes", "1.0", "x, y", "@me"}
        << "---\ntags: [a, \"yes\", \"1.0\", \"x, y\", \"@me\"]\n---\n";
    QTest::newRow("nominal: block items needing quotes are quoted")
        << "---\ntags:\n  - a\n---\n"
        << Field::Tags << QStringList{"a", "no", "a: b"}
        << "---\ntags:\n  - a\n  - \"no\"\n  - \"a: b\"\n---\n";
    QTest::newRow("nominal: new tags key appended at the end of the block")
        << "---\ntitle: x\n# trailing comment\n---\nBody\n"
        << Field::Tags << QStringList{"t"}
        << "---\ntitle: x\n# trailing comment\ntags: [t]\n---\nBody\n";
    QTest::newRow("nominal: indented block appends in its indentation")
        << "---\n  title: x\n---\n"
        << Field::Tags << QStringList{"t"} << "---\n  title: x\n  tags: [t]\n---\n";
    QTest::newRow("nominal: removing every block item leaves an empty list")
        << "---\ntags:\n  - a\n---\n"
        << Field::Tags << QStringList{} << "---\ntags: []\n---\n";
    QTest::newRow("nominal: reordering a flow list keeps item texts")
        << "---\ntags: [\"b\", 'a']\n---\n"
        << Field::Tags << QStringList{"a", "b"} << "---\ntags: ['a', \"b\"]\n---\n";
    QTest::newRow("nominal: multi-line toml array with trailing comma")
        << "+++\ntags = [\n  \"a\",\n  \"b\",\n]\n+++\n"
        << Field::Tags << QStringList{"a", "b", "c"}
        << "+++\ntags = [\n  \"a\",\n  \"b\",\n  \"c\",\n]\n+++\n";
    QTest::newRow("nominal: toml new key goes before the first table")
        << "+++\ntitle = \"x\"\n\n[params]\ntoc = true\n+++\n"
        << Field::Tags << QStringList{"t"}
        << "+++\ntitle = \"x\"\ntags = [\"t\"]\n\n[params]\ntoc = true\n+++\n";
    QTest::newRow("nominal: json list keeps its layout")
        << "{\n  \"title\": \"x\",\n  \"tags\": [\"a\"]\n}\nBody\n"
        << Field::Tags << QStringList{"a", "b"}
        << "{\n  \"title\": \"x\",\n  \"tags\": [\"a\", \"b\"]\n}\nBody\n";
    QTest::newRow("nominal: json new key follows the last member's layout")
        << "{\n  \"title\": \"x\"\n}\nBody\n"
        << Field::Tags << QStringList{"a"}
        << "{\n  \"title\": \"x\",\n  \"tags\": [\"a\"]\n}\nBody\n";
    QTest::newRow("nominal: a new first item in a block list")
        << "---\ntags:\n  - a  # A\n  - b\n---\n"
        << Field::Tags << QStringList{"c", "a", "b"}
        << "---\ntags:\n  - c\n  - a  # A\n  - b\n---\n";
    QTest::newRow("nominal: a new first item in a flow list")
        << "---\ntags: [a, b]\n---\n"
        << Field::Tags << QStringList{"c", "a", "b"} << "---\ntags: [c, a, b]\n---\n";
    QTest::newRow("nominal: toml single string gains a term")
        << "+++\ntags = 'one'\n+++\n"
        << Field::Tags << QStringList{"one", "two"} << "+++\ntags = ['one', 'two']\n+++\n";
    QTest::newRow("nominal: toml +++ inside a multi-line string is not a delimiter")
        << "+++\ntitle = \"\"\"\nmulti\n+++\n\"\"\"\ntags = [\"a\"]\n+++\nBody" << Field::Tags
        << QStringList{"a", "b"}
        << "+++\ntitle = \"\"\"\nmulti\n+++\n\"\"\"\ntags = [\"a\", \"b\"]\n+++\nBody";
    QTest::newRow("nominal: json nested values untouched")
        << "{\"title\": \"x\",\n \"params\": {\"a\": [1,2]}}\nBody" << Field::Tags
        << QStringList{"a"}
        << "{\"title\": \"x\",\n \"params\": {\"a\": [1,2]},\n \"tags\": [\"a\"]}\nBody";
    QTest::newRow("nominal: jekyll split string stays a string")
        << "---\ntags: a b\n---\n"
        << Field::Tags << QStringList{"a", "b", "c"} << "---\ntags: a b c\n---\n";
    QTest::newRow("robustness: unchanged terms write nothing")
        << "---\ntags:   [ a ,b ]\n---\n"
        << Field::Tags << QStringList{"a", "b"} << "---\ntags:   [ a ,b ]\n---\n";
}

void tst_PostDocument::setTerms()
{
    QFETCH(QString, input);
    QFETCH(pw::Field, field);
    QFETCH(QStringList, terms);
    QFETCH(QString, expected);
    const bool jekyll = QByteArray(QTest::currentDataTag()).contains("jekyll");
    PostDocument doc(input, jekyll ? TermStringRule::SplitOnSpaces : TermStringRule::WholeString);
    const Result<void> result = doc.setTerms(field, terms);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(doc.text(), expected);
    const PostMetadata m = doc.metadata();
    QCOMPARE(field == Field::Tags ? m.tags : m.categories, terms);
    QVERIFY(!doc.hasErrors());
}

void tst_PostDocument::setValue_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");

    QTest::newRow("nominal: plain title stays plain")
        << "---\ntitle: Old  # keep\ntags: [a]\n---\n"
        << "title"
        << "\"New title\""
        << "---\ntitle: New title  # keep\ntags: [a]\n---\n";
    QTest::newRow("nominal: double-quoted title stays double-quoted")
        << "---\ntitle: \"Old\"\n---\n"
        << "title"
        << "\"New\""
        << "---\ntitle: \"New\"\n---\n";
    QTest::newRow("nominal: single-quoted title stays single-quoted")
        << "---\ntitle: 'Old'\n---\n"
        << "title"
        << "\"It's new\""
        << "---\ntitle: 'It''s new'\n---\n";
    QTest::newRow("nominal: a title with colon-space is quoted")
        << "---\ntitle: Old\n---\n"
        << "title"
        << "\"Hugo: the guide\""
        << "---\ntitle: \"Hugo: the guide\"\n---\n";
    QTest::newRow("nominal: a title with a leading @ is quoted") << "---\ntitle: Old\n---\n"
                                                                 << "title"
                                                                 << "\"@home\""
                                                                 << "---\ntitle: \"@home\"\n---\n";
    QTest::newRow("nominal: a string that looks like a number is quoted")
        << "---\nversion: 1\n---\n"
        << "version"
        << "\"1.0\""
        << "---\nversion: \"1.0\"\n---\n";
    QTest::newRow("nominal: a number stays bare") << "---\nweight: 1\n---\n"
                                                  << "weight"
                                                  << "20"
                                                  << "---\nweight: 20\n---\n";
    QTest::newRow("nominal: an integer above 2^53 is written exactly")
        << "---\nweight: 1\n---\n"
        << "weight"
        << "9007199254740993"
        << "---\nweight: 9007199254740993\n---\n";
    QTest::newRow("nominal: a date stays bare") << "---\ndate: 2024-01-01\n---\n"
                                                << "date"
                                                << "\"2024-02-03T10:00:00+01:00\""
                                                << "---\ndate: 2024-02-03T10:00:00+01:00\n---\n";
    QTest::newRow("nominal: a new key is appended") << "---\ntitle: x\n---\nBody\n"
                                                    << "series"
                                                    << "\"Go\""
                                                    << "---\ntitle: x\nseries: Go\n---\nBody\n";
    QTest::newRow("nominal: a new key in a mixed-ending block uses its line ending")
        << "---\r\ntitle: x\r\n---\nBody\n"
        << "draft"
        << "true"
        << "---\r\ntitle: x\r\ndraft: true\r\n---\nBody\n";
    QTest::newRow("nominal: null empties the value") << "---\ndescription: old\n---\n"
                                                     << "description"
                                                     << "null"
                                                     << "---\ndescription:\n---\n";
    QTest::newRow("nominal: a value for a bare key") << "---\ndescription:\nseries:\n---\n"
                                                     << "description"
                                                     << "\"Now\""
                                                     << "---\ndescription: Now\nseries:\n---\n";
    QTest::newRow("nominal: a block scalar keeps its style")
        << "---\ndescription: |\n  line one\n  line two\ntitle: x\n---\n"
        << "description"
        << "\"first\\nsecond\\n\""
        << "---\ndescription: |\n  first\n  second\ntitle: x\n---\n";
    QTest::newRow("nominal: a map value replaced by a string")
        << "---\nparams:\n  a: 1\ntitle: x\n---\n"
        << "params"
        << "\"none\""
        << "---\nparams: none\ntitle: x\n---\n";
    QTest::newRow("nominal: a list replaced by a string") << "---\ntags:\n  - a\ntitle: x\n---\n"
                                                          << "tags"
                                                          << "\"solo\""
                                                          << "---\ntags: solo\ntitle: x\n---\n";
    QTest::newRow("nominal: a new map value is written in flow style")
        << "---\ntitle: x\n---\n"
        << "params"
        << "{\"toc\": true}"
        << "---\ntitle: x\nparams: {toc: true}\n---\n";
    QTest::newRow("nominal: non-ascii stays raw") << "---\ntitle: x\n---\n"
                                                  << "title"
                                                  << "\"Café ☕ 🎉\""
                                                  << "---\ntitle: Café ☕ 🎉\n---\n";
    QTest::newRow("nominal: toml string keeps basic quotes")
        << "+++\ntitle = \"x\" # c\n+++\n"
        << "title"
        << "\"New \\\"one\\\"\""
        << "+++\ntitle = \"New \\\"one\\\"\" # c\n+++\n";
    QTest::newRow("nominal: toml literal string stays literal") << "+++\ntitle = 'x'\n+++\n"
                                                                << "title"
                                                                << "\"C:\\\\path\""
                                                                << "+++\ntitle = 'C:\\path'\n+++\n";
    QTest::newRow("nominal: toml date stays bare") << "+++\ndate = 2018-12-14\n+++\n"
                                                   << "date"
                                                   << "\"2019-01-01\""
                                                   << "+++\ndate = 2019-01-01\n+++\n";
    QTest::newRow("nominal: toml bool") << "+++\ndraft = false\n+++\n"
                                        << "draft"
                                        << "true"
                                        << "+++\ndraft = true\n+++\n";
    QTest::newRow("nominal: json string") << "{\"title\": \"x\", \"a\": 1}\n"
                                          << "title"
                                          << "\"y\""
                                          << "{\"title\": \"y\", \"a\": 1}\n";
    QTest::newRow("nominal: json new key on one line") << "{\"title\": \"x\"}\n"
                                                       << "draft"
                                                       << "false"
                                                       << "{\"title\": \"x\", \"draft\": false}\n";
    QTest::newRow("nominal: a file with no block gets one at the top")
        << "Body\n"
        << "title"
        << "\"T\""
        << "---\ntitle: T\n---\nBody\n";
    QTest::newRow("nominal: a block after a BOM character")
        << QString(QChar(0xFEFF)) + "Body\n"
        << "title"
        << "\"T\"" << QString(QChar(0xFEFF)) + "---\ntitle: T\n---\nBody\n";
    QTest::newRow("nominal: yaml escapes controls, keeps non-ascii")
        << "---\ntitle: x\n---\n"
        << "title"
        << "\"a\\tb\\u0001 é\\u2028\""
        << "---\ntitle: \"a\\tb\\u0001 é\\u2028\"\n---\n";
    QTest::newRow("nominal: toml escapes controls") << "+++\ntitle = 'x'\n+++\n"
                                                    << "title"
                                                    << "\"a'b\\u0001\""
                                                    << "+++\ntitle = \"a'b\\u0001\"\n+++\n";
    QTest::newRow("nominal: json escapes quotes and controls")
        << "{\"title\": \"x\"}\n"
        << "title"
        << "\"say \\\"hi\\\"\\n\""
        << "{\"title\": \"say \\\"hi\\\"\\n\"}\n";
    QTest::newRow("robustness: same value writes nothing") << "---\ntitle:    'Same'\n---\n"
                                                           << "title"
                                                           << "\"Same\""
                                                           << "---\ntitle:    'Same'\n---\n";
    QTest::newRow("robustness: aligned values keep their column")
        << "---\ntitle:   Old\nslug:    s\n---\n"
        << "title"
        << "\"New\""
        << "---\ntitle:   New\nslug:    s\n---\n";
}

void tst_PostDocument::setValue()
{
    QFETCH(QString, input);
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    PostDocument doc(input);
    const QJsonValue wanted = json(value.toUtf8().constData());
    const Result<void> result = doc.setValue(key, wanted);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(doc.text(), expected);
    QCOMPARE(doc.value(key), std::optional<QJsonValue>(wanted));
}

void tst_PostDocument::unset_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expected");
    QTest::newRow("nominal: one line") << "---\na: 1\nb: 2  # two\nc: 3\n---\n"
                                       << "b"
                                       << "---\na: 1\nc: 3\n---\n";
    QTest::newRow("nominal: a block list with its items")
        << "---\na: 1\ntags:\n  - x\n  - y\n\nc: 3\n---\n"
        << "tags"
        << "---\na: 1\n\nc: 3\n---\n";
    QTest::newRow("nominal: a comment above the next key stays")
        << "---\na: 1\n# about c\nc: 3\n---\n"
        << "a"
        << "---\n# about c\nc: 3\n---\n";
    QTest::newRow("nominal: the last key") << "---\na: 1\nb: 2\n---\nBody"
                                           << "b"
                                           << "---\na: 1\n---\nBody";
    QTest::newRow("nominal: toml") << "+++\na = 1\nb = [\n  1,\n]\n+++\n"
                                   << "b"
                                   << "+++\na = 1\n+++\n";
    QTest::newRow("nominal: json middle") << "{\n  \"a\": 1,\n  \"b\": 2,\n  \"c\": 3\n}\n"
                                          << "b"
                                          << "{\n  \"a\": 1,\n  \"c\": 3\n}\n";
    QTest::newRow("nominal: json first") << "{\"a\": 1, \"b\": 2}\n"
                                         << "a"
                                         << "{\"b\": 2}\n";
    QTest::newRow("nominal: json only") << "{\n  \"a\": 1\n}\n"
                                        << "a"
                                        << "{\n}\n";
    QTest::newRow("robustness: a missing key is a no-op") << "---\na: 1\n---\n"
                                                          << "zzz"
                                                          << "---\na: 1\n---\n";
}

void tst_PostDocument::unset()
{
    QFETCH(QString, input);
    QFETCH(QString, key);
    QFETCH(QString, expected);
    PostDocument doc(input);
    const Result<void> result = doc.unset(key);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(doc.text(), expected);
    QVERIFY(!doc.value(key));
}

void tst_PostDocument::metadata_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("rule");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QStringList>("tags");
    QTest::addColumn<bool>("draft");
    QTest::addColumn<QString>("dateText");

    const int whole = int(TermStringRule::WholeString);
    const int split = int(TermStringRule::SplitOnSpaces);
    QTest::newRow("nominal: B06 A single tag")
        << "---\ntitle: T\ntags: the-tag\n---\n"
        << whole << "T" << QStringList{"the-tag"} << false << "";
    QTest::newRow("nominal: B06 B comma string is one term")
        << "---\ntitle: T\ntags: Stack Overflow, votes\n---\n"
        << whole << "T" << QStringList{"Stack Overflow, votes"} << false << "";
    QTest::newRow("nominal: B06 B jekyll splits on spaces, never on commas")
        << "---\ntitle: T\ntags: Stack Overflow, votes\n---\n"
        << split << "T" << QStringList{"Stack", "Overflow,", "votes"} << false << "";
    QTest::newRow("nominal: B06 C empty list") << "---\ntitle: T\ntags: []\n---\n"
                                               << whole << "T" << QStringList{} << false << "";
    QTest::newRow("nominal: B06 D bare key") << "---\ntitle: T\ntags:\n---\n"
                                             << whole << "T" << QStringList{} << false << "";
    QTest::newRow("nominal: B13 tags as written")
        << "---\ntitle: Unicode\ntags: [\"車行記憶\", \"Révolution française\", \"🎉 party\"]\n---\n"
        << whole << "Unicode" << QStringList{"車行記憶", "Révolution française", "🎉 party"} << false
        << "";
    QTest::newRow("nominal: B11 toml")
        << "+++\ntitle = \"An example\"\ndate = 2018-12-14\n"
           "tags = [\"hugo\", \"notes\"]\ndraft = false\n+++\n"
        << whole << "An example" << QStringList{"hugo", "notes"} << false << "2018-12-14";
    QTest::newRow("nominal: json") << "{\"title\": \"J\", \"draft\": true, \"tags\": [\"a\"]}\n"
                                   << whole << "J" << QStringList{"a"} << true << "";
    QTest::newRow("nominal: published false is a draft")
        << "---\ntitle: P\npublished: false\n---\n"
        << whole << "P" << QStringList{} << true << "";
    QTest::newRow("nominal: numbers in a tag list keep their text")
        << "---\ntags: [1.10, 2024]\ndate: 2024-05-01 10:00:00 +02:00\n---\n"
        << whole << "" << QStringList{"1.10", "2024"} << false << "2024-05-01 10:00:00 +02:00";
    QTest::newRow("nominal: B10 A later rules stay in the body")
        << "---\ntitle: Test\n---\n\nPart one\n\n---\n\nPart two\n"
        << whole << "Test" << QStringList{} << false << "";
    QTest::newRow("nominal: --- inside a quoted value is not a delimiter")
        << "---\ntitle: \"a\n  ---\n  b\"\n---\nBody\n"
        << whole << "a --- b" << QStringList{} << false << "";
    QTest::newRow("nominal: --- inside a block value")
        << "---\ndescription: |\n  ---\ntitle: x\n---\n"
        << whole << "x" << QStringList{} << false << "";
    QTest::newRow("nominal: hugo reads keys case-insensitively")
        << "---\nTitle: Big\nDraft: yes\n---\n"
        << whole << "Big" << QStringList{} << true << "";
}

void tst_PostDocument::metadata()
{
    QFETCH(QString, input);
    QFETCH(int, rule);
    QFETCH(QString, title);
    QFETCH(QStringList, tags);
    QFETCH(bool, draft);
    QFETCH(QString, dateText);
    const PostDocument doc(input, TermStringRule(rule));
    const PostMetadata m = doc.metadata();
    QCOMPARE(m.title, title);
    QCOMPARE(m.tags, tags);
    QCOMPARE(m.draft, draft);
    QCOMPARE(m.dateText, dateText);
    QCOMPARE(m.date.isValid(), !dateText.isEmpty());
    QVERIFY2(doc.diagnostics().isEmpty(), qPrintable(doc.diagnostics().value(0).message));
}

void tst_PostDocument::diagnostics_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("error");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("robustness: tags 5") << "---\ntitle: x\ntags: 5\n---\n"
                                        << false << 3 << 7 << "tags";
    QTest::newRow("robustness: date tomorrow") << "---\ndate: tomorrow\n---\n"
                                               << false << 2 << 7 << "not a date";
    QTest::newRow("robustness: draft maybe") << "---\ndraft: \"maybe\"\n---\n"
                                             << false << 2 << 8 << "true or false";
    QTest::newRow("robustness: weight as text") << "---\nweight: heavy\n---\n"
                                                << false << 2 << 9 << "number";
    QTest::newRow("robustness: title as a list") << "---\ntitle: [a]\n---\n"
                                                 << false << 2 << 8 << "text";
    QTest::newRow("robustness: duplicate YAML key") << "---\ntitle: a\ntags: [x]\ntitle: b\n---\n"
                                                    << true << 4 << 1 << "duplicate key `title` (first on line 2)";
    QTest::newRow("robustness: duplicate JSON key") << "{\n\"title\": \"a\",\n\"title\": \"b\"\n}\nBody\n"
                                                    << true << 3 << 1 << "duplicate key `title`";
    QTest::newRow("robustness: duplicate key in a nested YAML map")
        << "---\ntitle: T\nparams:\n  a: 1\n  a: 2\n---\n"
        << true << 5 << 3 << "duplicate key `a` (first on line 4)";
    QTest::newRow("robustness: duplicate key in a nested YAML flow map")
        << "---\ntitle: T\nparams: {a: 1, a: 2}\n---\n"
        << true << 3 << 16 << "duplicate key `a` (first on line 3)";
    QTest::newRow("robustness: duplicate key in a YAML map inside a list")
        << "---\nitems:\n  - name: x\n    deep:\n      k: 1\n      k: 2\n---\n"
        << true << 6 << 7 << "duplicate key `k` (first on line 5)";
    QTest::newRow("robustness: duplicate key in a nested JSON object")
        << "{\"params\": {\"a\": 1, \"a\": 2}}\n"
        << true << 1 << 21 << "duplicate key `a` (first on line 1)";
    QTest::newRow("robustness: duplicate key in a JSON object inside a list")
        << "{\n\"list\": [1, {\"b\": {\"x\": 1,\n \"x\": 2}}]\n}\n"
        << true << 3 << 2 << "duplicate key `x` (first on line 2)";
    QTest::newRow("robustness: toml key defined twice, once quoted")
        << "+++\ntitle = \"T\"\n\"title\" = \"U\"\n+++\n"
        << true << 3 << 1 << "key \"title\" is defined twice (first on line 2)";
    QTest::newRow("robustness: B10 B unclosed")
        << "---\ntitle: Half typed\n--\n\n# Heading\n\nText\n"
        << true << 1 << 1 << "front matter is not closed";
    QTest::newRow("robustness: invalid yaml: an unclosed [ is reported at the bracket")
        << "---\ntitle: ok\nbad: [x\n---\n"
        << true << 3 << 6 << "flow sequence without a closing bracket";
    QTest::newRow("robustness: an unclosed { in a nested map names the brace's line")
        << "---\ntitle: ok\nparams:\n  x: {a: 1\nz: 2\n---\n"
        << true << 5 << 2 << "the [ or { opened on line 4 is still open";
    QTest::newRow("robustness: a tab as indentation (yaml-cpp accepts it)")
        << "---\nfoo: \"bar\n\tbaz\"\n---\n"
        << true << 3 << 1 << "tab";
    QTest::newRow("robustness: an alias without its anchor")
        << "---\ntitle: x\ntags: *t\n---\n"
        << true << 3 << 7 << "no anchor";
    QTest::newRow("robustness: a directive without a document (yaml-cpp accepts it)")
        << "---\n%YAML 1.2\n---\n"
        << true << 2 << 1 << "directives without content";
    QTest::newRow("robustness: yaml that is not a map") << "---\n- a\n- b\n---\n"
                                                        << true << 2 << 1 << "key: value";
    QTest::newRow("robustness: invalid toml") << "+++\ntitle = \n+++\n"
                                              << true << 2 << 9 << "invalid TOML";
    QTest::newRow("robustness: invalid json") << "{\n  \"title\": x\n}\n"
                                              << true << 2 << 12 << "invalid JSON";
    QTest::newRow("robustness: json word it cannot read is reported where it starts")
        << "{\n  \"a\": tru\n}\n"
        << true << 2 << 8 << "invalid JSON: illegal value";
    QTest::newRow("robustness: json missing comma is reported where it is missing")
        << "{\n  \"a\": 1\n  \"b\": 2\n}\n"
        << true << 3 << 3 << "is a ',' missing";
    QTest::newRow("robustness: json unterminated string is reported at its quote")
        << "{\n  \"a\": \"x\n}\n"
        << true << 2 << 8 << "unterminated string";
    QTest::newRow("robustness: json comma after the last member is reported at the comma")
        << "{\n  \"a\": 1,\n}\n"
        << true << 2 << 9 << "no ',' after the last member";
    QTest::newRow("robustness: json error column counts UTF-16 units")
        << "{\n  \"é😀\": tru\n}\n"
        << true << 2 << 10 << "illegal value";
    QTest::newRow("robustness: --- at column 0 inside a quoted value")
        << "---\ntitle: \"a\n---\nb\"\n---\nBody\n"
        << true << 3 << 1 << "document-start marker";
    QTest::newRow("robustness: a key without its colon") << "---\ntitle: x\ntags\n---\n"
                                                         << true << 3 << 1 << "is a ':' missing";
    QTest::newRow("robustness: a line folded into the value above")
        << "---\nparams:\n  toc: true\nsummary\n---\n"
        << true << 4 << 1 << "is a ':' missing";
    QTest::newRow("robustness: comment glued to a quoted value")
        << "---\ntitle: \"x\"# c\n---\n"
        << true << 2 << 11 << "space before";
    QTest::newRow("robustness: comment glued to a block scalar header")
        << "---\ntext: >#c\n  x\n---\n"
        << true << 2 << 8 << "invalid comment without whitespace";
    QTest::newRow("robustness: a quote left open does not swallow the closing line")
        << "---\ntitle: 'Tis the season\n---\nBody: it's here\n"
        << true << 2 << 8 << "invalid YAML";
    QTest::newRow("robustness: column counts characters, not bytes")
        << "---\ntitle: café\ntags: 5\nx: é\n---\n"
        << false << 3 << 7 << "tags";
}

void tst_PostDocument::diagnostics()
{
    QFETCH(QString, input);
    QFETCH(bool, error);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, messagePart);
    PostDocument doc(input);
    const QList<Diagnostic> diagnostics = doc.diagnostics();
    QCOMPARE(diagnostics.size(), 1);
    const Diagnostic &d = diagnostics.first();
    QCOMPARE(d.severity, error ? Diagnostic::Severity::Error : Diagnostic::Severity::Warning);
    QCOMPARE(d.line, line);
    QCOMPARE(d.column, column);
    QVERIFY2(d.message.contains(messagePart), qPrintable(d.message));
    QCOMPARE(doc.hasErrors(), error);
    QCOMPARE(doc.isEditable(), !error);
    QCOMPARE(doc.text(), input);
}

void tst_PostDocument::refusesToEdit_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("robustness: B10 B unclosed block") << "---\ntitle: Half typed\n--\n\nText\n";
    QTest::newRow("robustness: invalid yaml") << "---\ntitle: [x\n---\nBody\n";
    QTest::newRow("robustness: invalid toml") << "+++\ntitle = = 1\n+++\nBody\n";
    QTest::newRow("robustness: invalid json") << "{\"title\": }\nBody\n";
    QTest::newRow("robustness: a flow map block") << "---\n{title: x, tags: [a]}\n---\n";
    QTest::newRow("robustness: a key twice") << "---\ntitle: a\ntitle: b\n---\nBody\n";
    QTest::newRow("robustness: a JSON key twice") << "{\"a\": 1, \"a\": 2}\n";
}

void tst_PostDocument::refusesToEdit()
{
    QFETCH(QString, input);
    PostDocument doc(input);
    QVERIFY(!doc.isEditable());
    QVERIFY(!doc.setTerms(Field::Tags, {"x"}).ok());
    QVERIFY(!doc.setValue("title", QStringLiteral("y")).ok());
    QVERIFY(!doc.unset("title").ok());
    QVERIFY(!doc.setDraft(true).ok());
    QCOMPARE(doc.text(), input);
}

void tst_PostDocument::layout_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<pw::FrontMatterFormat>("format");
    QTest::addColumn<QString>("body");
    QTest::addColumn<int>("bodyFirstLine");
    QTest::newRow("nominal: yaml") << "---\na: 1\n---\nBody\n"
                                   << FrontMatterFormat::Yaml << "Body\n"
                                   << 4;
    QTest::newRow("nominal: yaml closed by ...") << "---\na: 1\n...\nBody\n"
                                                 << FrontMatterFormat::Yaml << "Body\n"
                                                 << 4;
    QTest::newRow("nominal: toml") << "+++\na = 1\n+++\n\nBody\n"
                                   << FrontMatterFormat::Toml << "\nBody\n"
                                   << 4;
    QTest::newRow("nominal: json") << "{\n\"a\": 1\n}\nBody\n"
                                   << FrontMatterFormat::Json << "Body\n"
                                   << 4;
    QTest::newRow("nominal: none") << "Body\n---\n"
                                   << FrontMatterFormat::None << "Body\n---\n"
                                   << 1;
    QTest::newRow("nominal: closing line without newline")
        << "---\na: 1\n---" << FrontMatterFormat::Yaml << "" << 3;
    QTest::newRow("nominal: delimiter with trailing blanks")
        << "---  \na: 1\n--- \nB" << FrontMatterFormat::Yaml << "B" << 4;
    QTest::newRow("robustness: B10 B unclosed is no front matter")
        << "---\ntitle: Half typed\n--\n\n# Heading\n\nText" << FrontMatterFormat::None
        << "---\ntitle: Half typed\n--\n\n# Heading\n\nText" << 1;
    QTest::newRow("robustness: --- with text is not an opening")
        << "--- x\na: 1\n---\n"
        << FrontMatterFormat::None << "--- x\na: 1\n---\n"
        << 1;
    QTest::newRow("robustness: a leading shortcode is body, not JSON")
        << "{{< figure src=\"a.png\" >}}\nText\n" << FrontMatterFormat::None
        << "{{< figure src=\"a.png\" >}}\nText\n" << 1;
    QTest::newRow("robustness: empty block")
        << "---\n---\nBody" << FrontMatterFormat::Yaml << "Body" << 3;
}

void tst_PostDocument::layout()
{
    QFETCH(QString, input);
    QFETCH(pw::FrontMatterFormat, format);
    QFETCH(QString, body);
    QFETCH(int, bodyFirstLine);
    PostDocument doc(input);
    QCOMPARE(doc.format(), format);
    QCOMPARE(doc.hasFrontMatter(), format != FrontMatterFormat::None);
    QCOMPARE(doc.body(), body);
    QCOMPARE(doc.bodyOffset(), int(input.size() - body.size()));
    QCOMPARE(doc.bodyFirstLine(), bodyFirstLine);
    const QString block = doc.frontMatterBlock();
    doc.setBody(QStringLiteral("New body\n"));
    QCOMPARE(doc.body(), QStringLiteral("New body\n"));
    QCOMPARE(doc.format(), format);
    // The block is kept; only a closing line that ended the file gains its line break.
    QVERIFY(doc.frontMatterBlock() == block || doc.frontMatterBlock() == block + QLatin1Char('\n'));
}

void tst_PostDocument::setDraft_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("draft");
    QTest::addColumn<QString>("expected");
    QTest::newRow("nominal: draft key") << "---\ndraft: false\n---\n"
                                        << true << "---\ndraft: true\n---\n";
    QTest::newRow("nominal: published key is inverted") << "---\npublished: true\n---\n"
                                                        << true << "---\npublished: false\n---\n";
    QTest::newRow("nominal: no key adds draft") << "---\ntitle: x\n---\n"
                                                << true << "---\ntitle: x\ndraft: true\n---\n";
    QTest::newRow("nominal: toml") << "+++\ndraft = true\n+++\n"
                                   << false << "+++\ndraft = false\n+++\n";
}

void tst_PostDocument::setDraft()
{
    QFETCH(QString, input);
    QFETCH(bool, draft);
    QFETCH(QString, expected);
    PostDocument doc(input);
    QVERIFY(doc.setDraft(draft).ok());
    QCOMPARE(doc.text(), expected);
    QCOMPARE(doc.metadata().draft, draft);
}

void tst_PostDocument::dates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected"); // invalid: not a date, and a warning
    const QDateTime utc(QDate(2024, 5, 1), QTime(7, 30), Qt::UTC);
    QTest::newRow("nominal: date only is local midnight")
        << "2024-05-01" << QDateTime(QDate(2024, 5, 1), QTime(0, 0), QTimeZone::systemTimeZone());
    QTest::newRow("nominal: offset") << "2024-05-01T09:30:00+02:00" << utc;
    QTest::newRow("nominal: zulu") << "2024-05-01T07:30:00Z" << utc;
    QTest::newRow("nominal: yaml spaced form") << "2024-05-01 09:30:00 +02:00" << utc;
    QTest::newRow("nominal: offset without colon") << "2024-05-01T05:30:00-0200" << utc;
    QTest::newRow("nominal: fraction")
        << "2024-05-01T07:30:00.25Z" << QDateTime(QDate(2024, 5, 1), QTime(7, 30, 0, 250), Qt::UTC);
    QTest::newRow("nominal: no seconds, no zone is local")
        << "2024-05-01T07:30"
        << QDateTime(QDate(2024, 5, 1), QTime(7, 30), QTimeZone::systemTimeZone());
    QTest::newRow("nominal: hour-only offset") << "2024-05-01T09:30:00+02" << utc;
    QTest::newRow("robustness: one-digit month") << "2024-5-1" << QDateTime();
    QTest::newRow("robustness: trailing text") << "2024-05-01 or so" << QDateTime();
    QTest::newRow("robustness: month 13") << "2024-13-01" << QDateTime();
    QTest::newRow("robustness: hour 25") << "2024-01-01T25:00:00Z" << QDateTime();
    QTest::newRow("robustness: words") << "next tuesday" << QDateTime();
}

void tst_PostDocument::dates()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    const PostDocument doc(QStringLiteral("---\ndate: %1\n---\n").arg(text));
    const PostMetadata m = doc.metadata();
    QCOMPARE(m.dateText, text);
    QCOMPARE(m.date.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(m.date.toUTC(), expected.toUTC());
        QCOMPARE(m.date.timeZone(), QTimeZone::systemTimeZone()); // shown in local time
    }
    QCOMPARE(doc.diagnostics().size(), expected.isValid() ? 0 : 1);
}

void tst_PostDocument::setField_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<pw::Field>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("nominal: description under its alias") << "---\nsummary: old\n---\n"
                                                          << Field::Description << "\"new\""
                                                          << "---\nsummary: new\n---\n";
    QTest::newRow("nominal: image under its alias") << "---\ncover: a.png\n---\n"
                                                    << Field::Image << "\"b.png\""
                                                    << "---\ncover: b.png\n---\n";
    QTest::newRow("nominal: new date is bare") << "---\ntitle: x\n---\n"
                                               << Field::PublishDate << "\"2024-06-01\""
                                               << "---\ntitle: x\npublishDate: 2024-06-01\n---\n";
    QTest::newRow("nominal: weight") << "---\nweight: 1\n---\n"
                                     << Field::Weight << "2.5"
                                     << "---\nweight: 2.5\n---\n";
    QTest::newRow("nominal: draft through published") << "---\npublished: true\n---\n"
                                                      << Field::Draft << "true"
                                                      << "---\npublished: false\n---\n";
    QTest::newRow("nominal: aliases list") << "---\naliases:\n  - /a/\n---\n"
                                           << Field::Aliases << "[\"/a/\", \"/b/\"]"
                                           << "---\naliases:\n  - /a/\n  - /b/\n---\n";
    QTest::newRow("nominal: toml title") << "+++\ntitle = \"x\"\n+++\n"
                                         << Field::Title << "\"y\""
                                         << "+++\ntitle = \"y\"\n+++\n";
    QTest::newRow("nominal: toml new date is a toml date")
        << "+++\ntitle = \"x\"\n+++\n"
        << Field::Lastmod << "\"2024-06-01T10:00:00+02:00\""
        << "+++\ntitle = \"x\"\nlastmod = 2024-06-01T10:00:00+02:00\n+++\n";
}

void tst_PostDocument::setField()
{
    QFETCH(QString, input);
    QFETCH(pw::Field, field);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    PostDocument doc(input);
    const Result<void> result = doc.setField(field, json(value.toUtf8().constData()));
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    QCOMPARE(doc.text(), expected);
    QVERIFY(doc.diagnostics().isEmpty());
}

void tst_PostDocument::refusesOneKey_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("robustness: an anchored list another key refers to")
        << "---\ntags: &t [a, b]\nx: *t\n---\n"
        << "tags"
        << "[\"a\"]"
        << "invalid";
    QTest::newRow("robustness: a toml dotted key") << "+++\nparams.x = 1\n+++\n"
                                                   << "params"
                                                   << "{\"x\": 2}"
                                                   << "cannot edit";
    QTest::newRow("robustness: a toml table") << "+++\n[params]\nx = 1\n+++\n"
                                              << "params"
                                              << "{\"x\": 2}"
                                              << "cannot edit";
    QTest::newRow("robustness: toml has no null") << "+++\ntitle = \"a\"\n+++\n"
                                                  << "draft"
                                                  << "null"
                                                  << "null";
    QTest::newRow("robustness: an empty key") << "---\na: 1\n---\n"
                                              << ""
                                              << "3"
                                              << "empty";
}

void tst_PostDocument::refusesOneKey()
{
    QFETCH(QString, input);
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, messagePart);
    PostDocument doc(input);
    QVERIFY(doc.isEditable());
    const Result<void> result = doc.setValue(key, json(value.toUtf8().constData()));
    QVERIFY(!result.ok());
    QVERIFY2(result.error().toString().contains(messagePart),
             qPrintable(result.error().toString()));
    QCOMPARE(doc.text(), input);
}

// A value set to something else and back gives the author's text back, quotes included.
void tst_PostDocument::setAndBack_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("other");       // JSON
    QTest::addColumn<QString>("changedText"); // the value's text in between
    QTest::newRow("nominal: double-quoted title through a value that needs quotes")
        << "---\ntitle: \"Hello\"  # t\n---\n" << "title" << "\"New: x\"" << "\"New: x\"";
    QTest::newRow("nominal: single-quoted title through a value that needs quotes")
        << "---\ntitle: 'Hello'\n---\n" << "title" << "\"New: x\"" << "'New: x'";
    QTest::newRow("nominal: a quoted value that needed its quotes, through one that does not")
        << "---\ntitle: 'Hugo: a guide'\n---\n" << "title" << "\"Plain\"" << "'Plain'";
    QTest::newRow("nominal: plain title through a plain value")
        << "---\ntitle: Hello\n---\n" << "title" << "\"World\"" << "World";
    QTest::newRow("nominal: double-quoted slug through a number-like string")
        << "---\nslug: \"abc\"\n---\n" << "slug" << "\"1.0\"" << "\"1.0\"";
    QTest::newRow("nominal: quoted date through another date")
        << "---\ndate: \"2024-01-01\"\n---\n" << "date" << "\"2024-02-02\"" << "\"2024-02-02\"";
    QTest::newRow("nominal: quoted flow items through items that need quotes")
        << "---\ntags: [\"a\", \"b\"]\n---\n" << "tags" << "[\"x: y\"]" << "[\"x: y\"]";
    QTest::newRow("nominal: single-quoted block items through an item that needs quotes")
        << "---\ntags:\n  - 'a'\n---\n" << "tags" << "[\"x: y\"]" << "'x: y'";
    QTest::newRow("nominal: a quoted single term through a term that needs quotes")
        << "---\ncategories: \"news\"\n---\n" << "categories" << "\"a: b\"" << "\"a: b\"";
}

void tst_PostDocument::setAndBack()
{
    QFETCH(QString, input);
    QFETCH(QString, key);
    QFETCH(QString, other);
    QFETCH(QString, changedText);
    PostDocument doc(input);
    const std::optional<QJsonValue> original = doc.value(key);
    QVERIFY(original);
    const QJsonValue otherValue = json(other.toUtf8().constData());
    QVERIFY(doc.setValue(key, otherValue).ok());
    QCOMPARE(doc.value(key), std::optional<QJsonValue>(otherValue));
    QVERIFY2(doc.text().contains(changedText), qPrintable(doc.text()));
    QVERIFY(doc.setValue(key, *original).ok());
    QCOMPARE(doc.text(), input);
}

// A post without front matter gets its first block in the format it is told.
void tst_PostDocument::newBlockFormat_data()
{
    QTest::addColumn<pw::FrontMatterFormat>("format");
    QTest::addColumn<QString>("expected");
    QTest::newRow("nominal: yaml by default") << FrontMatterFormat::None
                                              << "---\ntitle: \"A: b\"\ndraft: true\n---\nBody\n";
    QTest::newRow("nominal: toml between +++ lines")
        << FrontMatterFormat::Toml << "+++\ntitle = \"A: b\"\ndraft = true\n+++\nBody\n";
    QTest::newRow("nominal: json") << FrontMatterFormat::Json
                                   << "{\n  \"title\": \"A: b\",\n  \"draft\": true\n}\nBody\n";
}

void tst_PostDocument::newBlockFormat()
{
    QFETCH(pw::FrontMatterFormat, format);
    QFETCH(QString, expected);
    PostDocument doc(QStringLiteral("Body\n"));
    doc.setNewBlockFormat(format);
    QVERIFY(doc.setField(Field::Title, QStringLiteral("A: b")).ok());
    QVERIFY(doc.setDraft(true).ok()); // the second edit goes into the block the first made
    QCOMPARE(doc.text(), expected);
    QCOMPARE(doc.format(), format == FrontMatterFormat::None ? FrontMatterFormat::Yaml : format);
    QCOMPARE(doc.metadata().title, QStringLiteral("A: b"));
    QVERIFY(doc.diagnostics().isEmpty());

    // A post that has a block keeps its format whatever the blog's is.
    PostDocument yaml(QStringLiteral("---\nslug: x\n---\n"));
    yaml.setNewBlockFormat(format);
    QVERIFY(yaml.setField(Field::Title, QStringLiteral("t")).ok());
    QCOMPARE(yaml.text(), QStringLiteral("---\nslug: x\ntitle: t\n---\n"));
}

void tst_PostDocument::formatForNewBlocks_data()
{
    using F = FrontMatterFormat;
    QTest::addColumn<QList<pw::FrontMatterFormat>>("formats");
    QTest::addColumn<pw::FrontMatterFormat>("expected");
    QTest::newRow("nominal: a hugo blog of toml posts") << QList<F>{F::Toml, F::Toml, F::None, F::Yaml}
                                                        << F::Toml;
    QTest::newRow("nominal: json posts") << QList<F>{F::Json, F::None, F::Json} << F::Json;
    QTest::newRow("nominal: yaml majority") << QList<F>{F::Yaml, F::Yaml, F::Toml} << F::Yaml;
    QTest::newRow("robustness: no post has a block") << QList<F>{F::None, F::None} << F::Yaml;
    QTest::newRow("robustness: an empty blog") << QList<F>{} << F::Yaml;
    QTest::newRow("robustness: a tie goes to yaml") << QList<F>{F::Toml, F::Yaml} << F::Yaml;
    QTest::newRow("robustness: a tie without yaml goes to toml") << QList<F>{F::Json, F::Toml}
                                                                 << F::Toml;
}

void tst_PostDocument::formatForNewBlocks()
{
    QFETCH(QList<pw::FrontMatterFormat>, formats);
    QFETCH(pw::FrontMatterFormat, expected);
    QCOMPARE(pw::formatForNewBlocks(formats), expected);
}

// YAML merge keys and aliases read the way Hugo's and Jekyll's parsers read them; an edit of a
// merged field adds the key to the post's own map and never touches the anchored one.
void tst_PostDocument::mergeKeys_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QStringList>("tags");
    QTest::addColumn<bool>("draft");
    QTest::addColumn<QString>("afterTitleEdit"); // after setField(Title, "New")

    const QString defaults = QStringLiteral("defaults: &d\n  title: Base\n  tags: [x, y]\n  draft: true\n");
    QTest::newRow("nominal: merged fields")
        << defaults + "<<: *d\nslug: s\n" << "Base" << QStringList{"x", "y"} << true
        << defaults + "<<: *d\nslug: s\ntitle: New\n";
    QTest::newRow("nominal: a key given directly wins over the merged one")
        << defaults + "<<: *d\ntitle: Own\ndraft: false\n" << "Own" << QStringList{"x", "y"}
        << false << defaults + "<<: *d\ntitle: New\ndraft: false\n";
    QTest::newRow("nominal: a list of merges, the first one wins")
        << "a: &a\n  title: A\nb: &b\n  title: B\n  tags: [t]\n<<: [*a, *b]\n" << "A"
        << QStringList{"t"} << false
        << "a: &a\n  title: A\nb: &b\n  title: B\n  tags: [t]\n<<: [*a, *b]\ntitle: New\n";
    QTest::newRow("nominal: aliases as values are read through")
        << "base: &t Shared title\nlist: &l [p, q]\ntitle: *t\ntags: *l\n" << "Shared title"
        << QStringList{"p", "q"} << false
        << "base: &t Shared title\nlist: &l [p, q]\ntitle: New\ntags: *l\n";
    QTest::newRow("robustness: a merge of something that is not a map")
        << "x: &x 5\n<<: *x\ntitle: T\n" << "T" << QStringList{} << false
        << "x: &x 5\n<<: *x\ntitle: New\n";
}

void tst_PostDocument::mergeKeys()
{
    QFETCH(QString, input);
    QFETCH(QString, title);
    QFETCH(QStringList, tags);
    QFETCH(bool, draft);
    QFETCH(QString, afterTitleEdit);
    const QString text = QStringLiteral("---\n") + input + QStringLiteral("---\nBody\n");
    PostDocument doc(text);
    const PostMetadata m = doc.metadata();
    QCOMPARE(m.title, title);
    QCOMPARE(m.tags, tags);
    QCOMPARE(m.draft, draft);
    const Result<void> edited = doc.setField(Field::Title, QStringLiteral("New"));
    QVERIFY2(edited.ok(), qPrintable(edited.ok() ? QString() : edited.error().toString()));
    QCOMPARE(doc.text(), QStringLiteral("---\n") + afterTitleEdit + QStringLiteral("---\nBody\n"));
    QCOMPARE(doc.metadata().title, QStringLiteral("New"));
    QCOMPARE(doc.metadata().tags, tags);
}

QTEST_GUILESS_MAIN(tst_PostDocument)
#include "tst_postdocument.moc"
