#include "writing/textsearch.h"

#include <QTest>

using namespace pw;

Q_DECLARE_METATYPE(pw::SearchOptions)

static QString matchedTexts(const QString &text, const QList<TextRange> &ranges)
{
    QStringList parts;
    for (const TextRange &r : ranges)
        parts.append(QStringLiteral("%1:%2").arg(r.start).arg(text.mid(r.start, r.length())));
    return parts.join(QLatin1Char(' '));
}

class tst_TextSearch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void find_data();
    void find();
    void invalidPattern();
    void replacement_data();
    void replacement();
};

void tst_TextSearch::find_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("query");
    QTest::addColumn<SearchOptions>("options");
    QTest::addColumn<QString>("matches");
    const QString text = QStringLiteral("Cat cat concat (cat) a.b axb\ncat");
    QTest::newRow("nominal: plain ignores case")
        << text << "cat" << SearchOptions{} << "0:Cat 4:cat 11:cat 16:cat 29:cat";
    QTest::newRow("nominal: case sensitive")
        << text << "Cat" << SearchOptions{true, false, false} << "0:Cat";
    QTest::newRow("nominal: whole word")
        << text << "cat" << SearchOptions{false, true, false} << "0:Cat 4:cat 16:cat 29:cat";
    QTest::newRow("nominal: plain text is literal") << text << "a.b" << SearchOptions{} << "21:a.b";
    QTest::newRow("nominal: regular expression")
        << text << "a.b" << SearchOptions{false, false, true} << "21:a.b 25:axb";
    QTest::newRow("nominal: regex anchors match per line")
        << text << "^cat" << SearchOptions{true, false, true} << "29:cat";
    QTest::newRow("nominal: whole word with regex alternation")
        << text << "cat|concat" << SearchOptions{false, true, true}
        << "0:Cat 4:cat 8:concat 16:cat 29:cat";
    QTest::newRow("robustness: whole word with punctuation query")
        << "(cat) x(cat)"
        << "(cat)" << SearchOptions{false, true, false} << "0:(cat)";
    QTest::newRow("robustness: empty matches are skipped")
        << "abc"
        << "x*" << SearchOptions{false, false, true} << "";
    QTest::newRow("robustness: unicode case folding") << "Été été"
                                                      << "été" << SearchOptions{} << "0:Été 4:été";
}

void tst_TextSearch::find()
{
    QFETCH(QString, text);
    QFETCH(QString, query);
    QFETCH(SearchOptions, options);
    QFETCH(QString, matches);
    const Result<QRegularExpression> pattern = searchPattern(query, options);
    QVERIFY(pattern.ok());
    QCOMPARE(matchedTexts(text, findAll(text, pattern.value())), matches);
}

void tst_TextSearch::invalidPattern()
{
    const Result<QRegularExpression> pattern
        = searchPattern(QStringLiteral("ab(c"), {false, true, true});
    QVERIFY(!pattern.ok());
    QVERIFY(pattern.error().message.startsWith(QStringLiteral("Invalid regular expression")));
    QVERIFY(pattern.error().column >= 1 && pattern.error().column <= 5);
    QVERIFY(!searchPattern(QString(), {}).ok());
}

void tst_TextSearch::replacement_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("query");
    QTest::addColumn<bool>("regex");
    QTest::addColumn<QString>("replacement");
    QTest::addColumn<QString>("expanded");
    QTest::newRow("nominal: groups") << "2024-05-06"
                                     << "(\\d+)-(\\d+)-(\\d+)" << true << "\\3.\\2.\\1"
                                     << "06.05.2024";
    QTest::newRow("nominal: dollar groups") << "ab"
                                            << "(a)(b)" << true << "$2$1"
                                            << "ba";
    QTest::newRow("nominal: whole match and newline") << "x"
                                                      << "x" << true << "[\\0]\\n"
                                                      << "[x]\n";
    QTest::newRow("nominal: escaped backslash") << "x"
                                                << "x" << true << "\\\\1"
                                                << "\\1";
    QTest::newRow("nominal: plain replacement is literal") << "a"
                                                           << "a" << false << "\\1$1"
                                                           << "\\1$1";
}

void tst_TextSearch::replacement()
{
    QFETCH(QString, text);
    QFETCH(QString, query);
    QFETCH(bool, regex);
    QFETCH(QString, replacement);
    QFETCH(QString, expanded);
    const SearchOptions options{false, false, regex};
    const Result<QRegularExpression> pattern = searchPattern(query, options);
    QVERIFY(pattern.ok());
    const QRegularExpressionMatch match = pattern->match(text);
    QVERIFY(match.hasMatch());
    QCOMPARE(expandReplacement(replacement, match, options), expanded);
}

QTEST_GUILESS_MAIN(tst_TextSearch)
#include "tst_textsearch.moc"
