#include "writing/markdownhighlighter.h"
#include "writing/spellchecker.h"

#include <QAbstractTextDocumentLayout>
#include <QDirIterator>
#include <QFile>
#include <QGuiApplication>
#include <QRandomGenerator>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextLayout>

using namespace pw;

Q_DECLARE_METATYPE(pw::LineKind)

// The real highlighter, counting the blocks it highlights.
class CountingHighlighter : public MarkdownHighlighter
{
public:
    using MarkdownHighlighter::MarkdownHighlighter;
    int count = 0;

protected:
    void highlightBlock(const QString &text) override
    {
        ++count;
        MarkdownHighlighter::highlightBlock(text);
    }
};

static QString paragraphs(int count)
{
    QStringList lines;
    for (int i = 0; i < count; ++i)
        lines.append(QStringLiteral("Line %1 of plain text.").arg(i));
    return lines.join(QLatin1Char('\n'));
}

// A document reports its changes (and so gets highlighted) only once it has a layout, as every
// document shown in an editor has; the highlighter's own first pass is queued on the event loop.
static void settle(QTextDocument &document)
{
    document.documentLayout();
    QCoreApplication::processEvents();
}

static void setLine(QTextDocument &document, int line, const QString &text)
{
    QTextCursor cursor(document.findBlockByNumber(line));
    cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    cursor.insertText(text);
}

static LineKind kindOf(const QTextDocument &document, int line)
{
    return MarkdownHighlighter::lineKind(document.findBlockByNumber(line));
}

// The format at `column` of a line, as the highlighter left it.
static QTextCharFormat formatAt(const QTextDocument &document, int line, int column)
{
    const QTextBlock block = document.findBlockByNumber(line);
    for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
        if (column >= range.start && column < range.start + range.length)
            return range.format;
    }
    return {};
}

class tst_MarkdownHighlighter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void typingRehighlightsOneBlock();
    void fenceStatePropagates();
    void frontMatterFollowsItsClosingLine_data();
    void frontMatterFollowsItsClosingLine();
    void incrementalMatchesAFreshScan();
    void formats();
    void spelling();
    void spellingOnlyInTheWindow();
    void themes();
};

void tst_MarkdownHighlighter::typingRehighlightsOneBlock()
{
    QTextDocument document;
    CountingHighlighter highlighter(&document);
    settle(document);
    document.setPlainText(QStringLiteral("---\ntitle: x\n---\n") + paragraphs(2000));
    QVERIFY(highlighter.count >= 2003); // setPlainText reports the clearing and the insertion
    QCOMPARE(kindOf(document, 2), LineKind::FrontMatterDelimiter);
    QCOMPARE(kindOf(document, 2002), LineKind::Paragraph);

    highlighter.count = 0;
    QTextCursor cursor(document.findBlockByNumber(1000));
    cursor.insertText(QStringLiteral("x"));
    QCOMPARE(highlighter.count, 1);

    highlighter.count = 0;
    // A new line: the split block, the new one and, as the new block had no state before, the
    // one after it to see whether its state holds. Not the 1000 blocks below.
    cursor.insertText(QStringLiteral("\n"));
    QVERIFY2(highlighter.count <= 3, qPrintable(QString::number(highlighter.count)));

    highlighter.count = 0;
    QTextCursor inFrontMatter(document.findBlockByNumber(1));
    inFrontMatter.movePosition(QTextCursor::EndOfBlock);
    inFrontMatter.insertText(QStringLiteral("yz"));
    QCOMPARE(highlighter.count, 1);
    QCOMPARE(kindOf(document, 1), LineKind::FrontMatter);
}

void tst_MarkdownHighlighter::fenceStatePropagates()
{
    QTextDocument document;
    CountingHighlighter highlighter(&document);
    settle(document);
    document.setPlainText(paragraphs(100)
                          + QStringLiteral("\n```go\nx := 1\n# not a heading\n```\n# Heading\n")
                          + paragraphs(100));
    QCOMPARE(kindOf(document, 100), LineKind::FenceOpen);
    QCOMPARE(kindOf(document, 102), LineKind::Code);
    QCOMPARE(kindOf(document, 104), LineKind::Heading);

    // Typing inside the fence touches that block only.
    highlighter.count = 0;
    QTextCursor(document.findBlockByNumber(102)).insertText(QStringLiteral("## "));
    QCOMPARE(highlighter.count, 1);
    QCOMPARE(kindOf(document, 102), LineKind::Code);

    // Breaking the opening fence turns its closing line into an opening one: everything after
    // it is code now, and was re-highlighted because each block's state changed.
    highlighter.count = 0;
    setLine(document, 100, QStringLiteral("``go"));
    QCOMPARE(kindOf(document, 102), LineKind::Heading);
    QCOMPARE(kindOf(document, 103), LineKind::FenceOpen);
    QCOMPARE(kindOf(document, 104), LineKind::Code);
    QCOMPARE(kindOf(document, 204), LineKind::Code);
    QCOMPARE(highlighter.count, 105); // blocks 100..204

    // Mending it re-highlights the same stretch back, and no more.
    highlighter.count = 0;
    setLine(document, 100, QStringLiteral("```go"));
    QCOMPARE(kindOf(document, 104), LineKind::Heading);
    QCOMPARE(kindOf(document, 105), LineKind::Paragraph);
    QCOMPARE(highlighter.count, 105);
}

void tst_MarkdownHighlighter::frontMatterFollowsItsClosingLine_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("newText");
    QTest::addColumn<QList<LineKind>>("kinds"); // of the first four lines afterwards
    using K = LineKind;
    QTest::newRow("nominal: typing the closing line makes the block")
        << "---\ntitle: x\n--\nBody" << 2 << "---"
        << QList<K>{K::FrontMatterDelimiter, K::FrontMatter, K::FrontMatterDelimiter, K::Paragraph};
    QTest::newRow("robustness: breaking the closing line unmakes it (B10 B)")
        << "---\ntitle: x\n---\nBody" << 2 << "--"
        << QList<K>{K::ThematicBreak, K::Paragraph, K::SetextUnderline, K::Paragraph};
    QTest::newRow("robustness: breaking the opening line")
        << "---\ntitle: x\n---\nBody" << 0 << "--"
        << QList<K>{K::Paragraph, K::Paragraph, K::SetextUnderline, K::Paragraph};
    QTest::newRow("nominal: toml")
        << "+++\ntitle = 'x'\n++\nBody" << 2 << "+++"
        << QList<K>{K::FrontMatterDelimiter, K::FrontMatter, K::FrontMatterDelimiter, K::Paragraph};
}

void tst_MarkdownHighlighter::frontMatterFollowsItsClosingLine()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(QString, newText);
    QFETCH(QList<LineKind>, kinds);
    QTextDocument document;
    MarkdownHighlighter highlighter(&document);
    settle(document);
    document.setPlainText(text + QLatin1Char('\n') + paragraphs(50));
    setLine(document, line, newText);
    // Blocks above the edited one are redone right after the edit's own pass.
    for (int i = 0; i < kinds.size(); ++i)
        QTRY_COMPARE(kindOf(document, i), kinds.at(i));
    QCOMPARE(kindOf(document, 53), LineKind::Paragraph);
}

// After every edit, the kinds the highlighter left on the blocks (incrementally) are those a
// fresh scan of the whole text gives. Real pages of Hugo's documentation, edited by inserting and
// removing the lines that change block states: fences, front-matter delimiters, HTML openings.
void tst_MarkdownHighlighter::incrementalMatchesAFreshScan()
{
    QStringList pages;
    QDirIterator it(
        QStringLiteral(POSTWRIGHT_TEST_DATA_DIR "/hugo-docs/content/en/content-management"),
        {QStringLiteral("*.md")}, QDir::Files);
    while (it.hasNext() && pages.size() < 12) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        pages.append(QString::fromUtf8(file.readAll()));
    }
    QVERIFY(pages.size() >= 5);
    QTextDocument document;
    MarkdownHighlighter highlighter(&document);
    settle(document);
    document.setPlainText(pages.join(QLatin1Char('\n'))); // starts with a real front-matter block

    const QStringList edits{QStringLiteral("```"),   QStringLiteral("~~~~"), QStringLiteral("---"),
                            QStringLiteral("<div>"), QStringLiteral("<!--"), QStringLiteral("-->"),
                            QStringLiteral(""),      QStringLiteral("text")};
    QRandomGenerator random(4); // fixed: the same edits on every run
    for (int step = 0; step < 60; ++step) {
        // Mostly near the top, where the front matter is, and anywhere else.
        const int blocks = document.blockCount();
        const int line = step % 3 == 0 ? int(random.bounded(12)) : int(random.bounded(blocks));
        QTextCursor cursor(document.findBlockByNumber(line));
        if (random.bounded(3) == 0 && blocks > 20) {
            cursor.movePosition(QTextCursor::NextBlock, QTextCursor::KeepAnchor);
            cursor.removeSelectedText();
        } else {
            cursor.insertText(edits.at(int(random.bounded(int(edits.size())))) + QLatin1Char('\n'));
        }
        const QList<ScannedLine> fresh = scanText(document.toPlainText());
        QCOMPARE(fresh.size(), document.blockCount());
        const auto mismatch = [&] {
            for (const ScannedLine &scanned : fresh) {
                if (kindOf(document, scanned.number) != scanned.info.kind)
                    return scanned.number;
            }
            return -1;
        };
        // Blocks above an edit that moved the front matter's end are redone right after it.
        QTRY_COMPARE_WITH_TIMEOUT(mismatch(), -1, 10000);
        QCOMPARE(highlighter.statistics(), TextStatistics::of(document.toPlainText()));
    }
}

void tst_MarkdownHighlighter::formats()
{
    QTextDocument document;
    MarkdownHighlighter highlighter(&document);
    settle(document);
    document.setPlainText(QStringLiteral("---\ntitle: Post\n---\n# Title\n"
                                         "Some **bold** and `co*de*` and [link](https://x.org)\n"
                                         "- item\n```sh\nls\n```\n<div>\n"));
    const HighlightTheme &theme = highlighter.theme();
    QCOMPARE(formatAt(document, 1, 0).foreground(), theme.frontMatterKey.foreground());
    QCOMPARE(formatAt(document, 3, 2).fontWeight(), int(QFont::Bold));
    QCOMPARE(formatAt(document, 4, 8).fontWeight(), int(QFont::Bold));             // bold
    QCOMPARE(formatAt(document, 4, 5).foreground(), theme.markup.foreground());    // **
    QCOMPARE(formatAt(document, 4, 21).fontFamilies(), theme.code.fontFamilies()); // code span
    QVERIFY(!formatAt(document, 4, 21).fontItalic());                          // no *em* in code
    QCOMPARE(formatAt(document, 4, 33).foreground(), theme.link.foreground()); // link text
    QCOMPARE(formatAt(document, 4, 40).foreground(), theme.url.foreground());  // link target
    QCOMPARE(formatAt(document, 5, 0).foreground(), theme.listMarker.foreground());
    QCOMPARE(formatAt(document, 6, 3).foreground(), theme.fenceLanguage.foreground()); // sh
    QCOMPARE(formatAt(document, 7, 0).foreground(), theme.code.foreground());
    QCOMPARE(formatAt(document, 9, 1).foreground(), theme.html.foreground());
}

void tst_MarkdownHighlighter::spelling()
{
    Result<std::unique_ptr<SpellChecker>> checker = SpellChecker::open(QStringLiteral("en_US"));
    QVERIFY(checker.ok());
    QTextDocument document;
    MarkdownHighlighter highlighter(&document);
    settle(document);
    document.setPlainText(
        QStringLiteral("---\ntitel: wrng\n---\nA wrng word\n```\nwrng\n```\n`wrng` ok"));
    QCOMPARE(formatAt(document, 3, 3).underlineStyle(), QTextCharFormat::NoUnderline);
    highlighter.setSpellChecker(checker.value().get());
    QCOMPARE(formatAt(document, 3, 3).underlineStyle(), QTextCharFormat::SpellCheckUnderline);
    QCOMPARE(formatAt(document, 3, 0).underlineStyle(), QTextCharFormat::NoUnderline); // "A"
    QCOMPARE(formatAt(document, 3, 8).underlineStyle(), QTextCharFormat::NoUnderline); // "word"
    QCOMPARE(formatAt(document, 1, 8).underlineStyle(),
             QTextCharFormat::NoUnderline); // front matter
    QCOMPARE(formatAt(document, 5, 1).underlineStyle(), QTextCharFormat::NoUnderline); // fence
    QCOMPARE(formatAt(document, 7, 2).underlineStyle(), QTextCharFormat::NoUnderline); // code span
    highlighter.setSpellChecker(nullptr);
    QCOMPARE(formatAt(document, 3, 3).underlineStyle(), QTextCharFormat::NoUnderline);
}

// With a window set, only its blocks are checked; a block checked once stays checked while it is
// edited; a new checker removes every old underline and checks the window again.
void tst_MarkdownHighlighter::spellingOnlyInTheWindow()
{
    Result<std::unique_ptr<SpellChecker>> checker = SpellChecker::open(QStringLiteral("en_US"));
    QVERIFY(checker.ok());
    QTextDocument document;
    MarkdownHighlighter highlighter(&document);
    settle(document);
    highlighter.setSpellCheckWindow(0, 9);
    QStringList lines;
    for (int i = 0; i < 1000; ++i)
        lines.append(QStringLiteral("A wrng word"));
    lines[1] = QStringLiteral("```");
    lines[2] = QStringLiteral("wrng in code");
    lines[3] = QStringLiteral("```");
    document.setPlainText(lines.join(QLatin1Char('\n')));
    const auto underlined = [&](int line) {
        for (const QTextLayout::FormatRange &range :
             document.findBlockByNumber(line).layout()->formats()) {
            if (range.format.underlineStyle() == QTextCharFormat::SpellCheckUnderline)
                return true;
        }
        return false;
    };
    const auto checked = [&](int line) {
        return MarkdownHighlighter::isSpellChecked(document.findBlockByNumber(line));
    };
    QVERIFY(!underlined(0)); // no checker yet
    highlighter.setSpellChecker(checker.value().get());
    QVERIFY(underlined(0));
    QVERIFY(underlined(9));
    QVERIFY(!checked(2)); // code is never checked
    QVERIFY(!underlined(2));
    QVERIFY(!underlined(10));
    QVERIFY(!checked(500));
    QVERIFY(!underlined(999));

    // The view moves: what comes into view is checked, what was checked keeps its underlines.
    highlighter.setSpellCheckWindow(495, 505);
    QVERIFY(underlined(495) && underlined(500) && underlined(505));
    QVERIFY(!underlined(494) && !underlined(506));
    QVERIFY(underlined(0));
    // Edited outside the window (e.g. replace all), a checked block is checked again.
    setLine(document, 0, QStringLiteral("Another wrng word"));
    QVERIFY(checked(0));
    QCOMPARE(formatAt(document, 0, 8).underlineStyle(), QTextCharFormat::SpellCheckUnderline);
    // An unchecked block edited outside the window stays unchecked.
    setLine(document, 700, QStringLiteral("Still a wrng word"));
    QVERIFY(!checked(700));
    // Typing in the window checks the new text.
    setLine(document, 500, QStringLiteral("Now wrnger"));
    QCOMPARE(formatAt(document, 500, 5).underlineStyle(), QTextCharFormat::SpellCheckUnderline);

    // Off: every underline goes, inside the window and out.
    highlighter.setSpellChecker(nullptr);
    for (int line : {0, 9, 495, 500, 505})
        QVERIFY2(!underlined(line) && !checked(line), qPrintable(QString::number(line)));
    // On again: the window only.
    highlighter.setSpellChecker(checker.value().get());
    QVERIFY(underlined(500));
    QVERIFY(!checked(0) && !underlined(0));
}

void tst_MarkdownHighlighter::themes()
{
    QPalette light;
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Text, Qt::black);
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(0x20, 0x20, 0x24));
    dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Link, QColor(0x20, 0x40, 0xa0)); // a dark link colour gets lightened
    const HighlightTheme l = HighlightTheme::fromPalette(light);
    const HighlightTheme d = HighlightTheme::fromPalette(dark);
    QVERIFY(!l.dark);
    QVERIFY(d.dark);
    // Every coloured part stays readable on its background.
    for (const auto &[theme, base] :
         {std::pair{l, QColor(Qt::white)}, std::pair{d, QColor(0x20, 0x20, 0x24)}}) {
        for (const QTextCharFormat &format :
             {theme.heading, theme.code, theme.link, theme.listMarker, theme.html,
              theme.frontMatterKey, theme.markup}) {
            const int difference
                = std::abs(format.foreground().color().lightness() - base.lightness());
            QVERIFY2(difference > 60, qPrintable(format.foreground().color().name()));
        }
    }
    QVERIFY(d.codeBackground.lightness() > QColor(0x20, 0x20, 0x24).lightness());
    QVERIFY(l.codeBackground.lightness() < 255);
}

QTEST_MAIN(tst_MarkdownHighlighter)
#include "tst_markdownhighlighter.moc"
