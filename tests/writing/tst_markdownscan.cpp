#include "writing/markdownscan.h"

#include <QTest>

using namespace pw;

Q_DECLARE_METATYPE(pw::LineKind)
Q_DECLARE_METATYPE(pw::FrontMatterKind)

class tst_MarkdownScan : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void frontMatter_data();
    void frontMatter();
    void lineKinds_data();
    void lineKinds();
    void statePacking_data();
    void statePacking();
    void codeSpans_data();
    void codeSpans();
    void linePrefix_data();
    void linePrefix();
};

void tst_MarkdownScan::frontMatter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<FrontMatterKind>("kind");
    QTest::addColumn<int>("lastLine");

    QTest::newRow("nominal: yaml") << "---\ntitle: A\n---\nBody" << FrontMatterKind::Yaml << 2;
    QTest::newRow("nominal: yaml closed by ...")
        << "---\ntitle: A\n...\nBody" << FrontMatterKind::Yaml << 2;
    QTest::newRow("nominal: toml") << "+++\ntitle = \"A\"\n+++\n" << FrontMatterKind::Toml << 2;
    QTest::newRow("nominal: json")
        << "{\n  \"title\": \"A\"\n}\nBody" << FrontMatterKind::Json << 2;
    QTest::newRow("nominal: rules in the body are body (B10 A)")
        << "---\ntitle: Test\n---\n\nPart one\n\n---\n\nPart two\n"
        << FrontMatterKind::Yaml << 2;
    QTest::newRow("robustness: unclosed block is body (B10 B)")
        << "---\ntitle: Half typed\n--\n\n# Heading\n\nText" << FrontMatterKind::None << -1;
    QTest::newRow("robustness: toml not closed by ---") << "+++\na = 1\n---\n"
                                                        << FrontMatterKind::None << -1;
    QTest::newRow("robustness: BOM before the opening line")
        << QStringLiteral("\uFEFF---\na: 1\n---\n") << FrontMatterKind::Yaml << 2;
    QTest::newRow("robustness: CRLF line endings")
        << "---\r\na: 1\r\n---\r\nBody" << FrontMatterKind::Yaml << 2;
    QTest::newRow("robustness: --- not on the first line") << "\n---\na: 1\n---\n"
                                                           << FrontMatterKind::None << -1;
    QTest::newRow("robustness: empty text") << "" << FrontMatterKind::None << -1;
}

void tst_MarkdownScan::frontMatter()
{
    QFETCH(QString, text);
    QFETCH(FrontMatterKind, kind);
    QFETCH(int, lastLine);
    const FrontMatterExtent extent = findFrontMatter(text);
    QCOMPARE(extent.kind, kind);
    QCOMPARE(extent.lastLine, lastLine);
}

void tst_MarkdownScan::lineKinds_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<LineKind>>("kinds");
    using K = LineKind;

    QTest::newRow("nominal: front matter then heading")
        << "---\ntitle: A\n---\n# Hello\ntext"
        << QList<K>{K::FrontMatterDelimiter, K::FrontMatter, K::FrontMatterDelimiter, K::Heading,
                    K::Paragraph};
    QTest::newRow("nominal: fence with language keeps # as code")
        << "```cpp\n# not a heading\n```\n# heading"
        << QList<K>{K::FenceOpen, K::Code, K::FenceClose, K::Heading};
    QTest::newRow("nominal: tilde fence closes only with tildes")
        << "~~~\n```\n~~~" << QList<K>{K::FenceOpen, K::Code, K::FenceClose};
    QTest::newRow("nominal: longer fence needs as long a close")
        << "````\n```\n````" << QList<K>{K::FenceOpen, K::Code, K::FenceClose};
    QTest::newRow("nominal: html block until blank line")
        << "<div>\n# inside\n\n# outside" << QList<K>{K::Html, K::Html, K::Blank, K::Heading};
    QTest::newRow("nominal: html comment across lines")
        << "<!--\n# hidden\n-->\n# shown" << QList<K>{K::Html, K::Html, K::Html, K::Heading};
    QTest::newRow("nominal: script block until its end tag")
        << "<script>\n\nx = 1\n</script>\ntext"
        << QList<K>{K::Html, K::Html, K::Html, K::Html, K::Paragraph};
    QTest::newRow("nominal: lists, quote, rule")
        << "- a\n1. b\n> c\n***" << QList<K>{K::ListItem, K::ListItem, K::Quote, K::ThematicBreak};
    QTest::newRow("nominal: setext heading vs rule")
        << "Title\n===\n\n---"
        << QList<K>{K::Paragraph, K::SetextUnderline, K::Blank, K::ThematicBreak};
    QTest::newRow("nominal: table") << "| a | b |\n|---|:-:|\n| 1 | 2 |"
                                    << QList<K>{K::TableRow, K::TableDelimiter, K::TableRow};
    QTest::newRow("robustness: pipe inside code span is no table")
        << "use `a|b` here" << QList<K>{K::Paragraph};
    QTest::newRow("robustness: #hashtag is no heading") << "#hashtag" << QList<K>{K::Paragraph};
    QTest::newRow("robustness: unclosed fence runs to the end")
        << "```\ncode\n# still code" << QList<K>{K::FenceOpen, K::Code, K::Code};
    QTest::newRow("robustness: unclosed front matter is body")
        << "---\ntitle: x\n"
        << QList<K>{K::ThematicBreak, K::Paragraph, K::Blank};
}

void tst_MarkdownScan::lineKinds()
{
    QFETCH(QString, text);
    QFETCH(QList<LineKind>, kinds);
    const QList<ScannedLine> lines = scanText(text);
    QList<LineKind> actual;
    for (const ScannedLine &line : lines)
        actual.append(line.info.kind);
    QCOMPARE(actual, kinds);
}

void tst_MarkdownScan::statePacking_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<int>("fenceLength");
    QTest::addColumn<QString>("fenceChar");
    QTest::addColumn<QString>("language");
    QTest::newRow("nominal: backtick fence") << "```python" << 3 << "`"
                                             << "python";
    QTest::newRow("nominal: tilde fence with attributes") << "~~~~~ go {linenos=true}" << 5 << "~"
                                                          << "go";
    QTest::newRow("nominal: indented fence") << "   ```" << 3 << "`"
                                             << "";
    QTest::newRow("robustness: very long fence") << QString(300, QLatin1Char('`')) << 300 << "`"
                                                 << "";
}

void tst_MarkdownScan::statePacking()
{
    QFETCH(QString, line);
    QFETCH(int, fenceLength);
    QFETCH(QString, fenceChar);
    QFETCH(QString, language);
    ScanState state;
    const LineInfo info = scanLine(state, line, 3, {});
    QCOMPARE(info.kind, LineKind::FenceOpen);
    QCOMPARE(info.fenceLanguage, language);
    const int packed = state.pack();
    QVERIFY(packed >= 0); // -1 is QSyntaxHighlighter's "no state"
    const ScanState unpacked = ScanState::unpack(packed);
    QVERIFY(unpacked == state);
    QCOMPARE(unpacked.fenceLength, fenceLength);
    QCOMPARE(QString(unpacked.fenceChar), fenceChar);
}

void tst_MarkdownScan::codeSpans_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QList<TextRange>>("spans");
    QTest::newRow("nominal: one span") << "a `b` c" << QList<TextRange>{{2, 5}};
    QTest::newRow("nominal: double backticks hold one") << "``a`b``" << QList<TextRange>{{0, 7}};
    QTest::newRow("nominal: two spans") << "`a` and `b`" << QList<TextRange>{{0, 3}, {8, 11}};
    QTest::newRow("robustness: unmatched backtick") << "it`s `x`" << QList<TextRange>{{2, 6}};
    QTest::newRow("robustness: lone backtick run") << "a ``` b" << QList<TextRange>{};
    QTest::newRow("robustness: escaped backtick") << "\\`a` b" << QList<TextRange>{};
}

void tst_MarkdownScan::codeSpans()
{
    QFETCH(QString, line);
    QFETCH(QList<TextRange>, spans);
    QCOMPARE(pw::codeSpans(line), spans);
}

void tst_MarkdownScan::linePrefix_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("indent");
    QTest::addColumn<QString>("quote");
    QTest::addColumn<QString>("marker");
    QTest::addColumn<QString>("task");
    QTest::newRow("nominal: bullet") << "- a"
                                     << ""
                                     << ""
                                     << "-"
                                     << "";
    QTest::newRow("nominal: nested ordered") << "   12) a"
                                             << "   "
                                             << ""
                                             << "12)"
                                             << "";
    QTest::newRow("nominal: task") << "* [x] done"
                                   << ""
                                   << ""
                                   << "*"
                                   << "[x] ";
    QTest::newRow("nominal: list in quote") << "> > + a"
                                            << ""
                                            << "> > "
                                            << "+"
                                            << "";
    QTest::newRow("nominal: quote only") << "> text"
                                         << ""
                                         << "> "
                                         << ""
                                         << "";
    QTest::newRow("robustness: emphasis is no bullet") << "*emph*"
                                                       << ""
                                                       << ""
                                                       << ""
                                                       << "";
    QTest::newRow("robustness: number without delimiter") << "2024 was"
                                                          << ""
                                                          << ""
                                                          << ""
                                                          << "";
    QTest::newRow("robustness: empty item") << "-"
                                            << ""
                                            << ""
                                            << "-"
                                            << "";
}

void tst_MarkdownScan::linePrefix()
{
    QFETCH(QString, line);
    QFETCH(QString, indent);
    QFETCH(QString, quote);
    QFETCH(QString, marker);
    QFETCH(QString, task);
    const LinePrefix prefix = pw::linePrefix(line);
    QCOMPARE(prefix.indent, indent);
    QCOMPARE(prefix.quote, quote);
    QCOMPARE(prefix.marker, marker);
    QCOMPARE(prefix.task, task);
}

QTEST_GUILESS_MAIN(tst_MarkdownScan)
#include "tst_markdownscan.moc"
