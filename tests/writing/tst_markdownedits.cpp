#include "writing/markdownedits.h"

#include <QTest>

using namespace pw;

// Text with a selection marked by [ and ] (or a cursor by |), to keep the tables readable.
struct Marked
{
    QString text;
    int start = 0;
    int end = 0;
};

static Marked parseMarked(const QString &marked)
{
    Marked m;
    m.text = marked;
    const qsizetype cursor = m.text.indexOf(QLatin1Char('|'));
    if (cursor >= 0) {
        m.text.remove(cursor, 1);
        m.start = m.end = int(cursor);
        return m;
    }
    m.start = int(m.text.indexOf(QLatin1Char('[')));
    m.text.remove(m.start, 1);
    m.end = int(m.text.indexOf(QLatin1Char(']')));
    m.text.remove(m.end, 1);
    return m;
}

static QString withMarks(const QString &text, const TextEdit &edit)
{
    QString result = edit.appliedTo(text);
    if (edit.selectionStart == edit.selectionEnd)
        return result.insert(edit.selectionStart, QLatin1Char('|'));
    result.insert(edit.selectionEnd, QLatin1Char(']'));
    return result.insert(edit.selectionStart, QLatin1Char('['));
}

class tst_MarkdownEdits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void enter_data();
    void enter();
    void wrap_data();
    void wrap();
    void link_data();
    void link();
    void heading_data();
    void heading();
    void list_data();
    void list();
    void indent_data();
    void indent();
};

void tst_MarkdownEdits::enter_data()
{
    QTest::addColumn<QString>("before"); // one line, | is the cursor
    QTest::addColumn<QString>("after");
    QTest::newRow("nominal: bullet continues") << "- apples|"
                                               << "- apples\n- |";
    QTest::newRow("nominal: star bullet keeps its star") << "* apples|"
                                                         << "* apples\n* |";
    QTest::newRow("nominal: number increments") << "9. nine|"
                                                << "9. nine\n10. |";
    QTest::newRow("nominal: paren delimiter kept") << "3) c|"
                                                   << "3) c\n4) |";
    QTest::newRow("nominal: nested item keeps indent") << "    - deep|"
                                                       << "    - deep\n    - |";
    QTest::newRow("nominal: task gets an unchecked box") << "- [x] done|"
                                                         << "- [x] done\n- [ ] |";
    QTest::newRow("nominal: quote continues") << "> quoted|"
                                              << "> quoted\n> |";
    QTest::newRow("nominal: list in quote") << "> - a|"
                                            << "> - a\n> - |";
    QTest::newRow("nominal: empty item ends the list") << "- |"
                                                       << "|";
    QTest::newRow("nominal: empty numbered item ends the list") << "2. |"
                                                                << "|";
    QTest::newRow("nominal: empty item in a quote keeps the quote") << "> - |"
                                                                    << "> |";
    QTest::newRow("nominal: empty quote line ends the quote") << "> |"
                                                              << "|";
    QTest::newRow("nominal: split an item in the middle") << "- one two|three"
                                                          << "- one two\n- |three";
    QTest::newRow("nominal: split drops the separating space") << "- one| two"
                                                               << "- one\n- |two";
    QTest::newRow("nominal: plain line keeps its indentation") << "  text|"
                                                               << "  text\n  |";
    QTest::newRow("nominal: plain line") << "text|"
                                         << "text\n|";
    QTest::newRow("robustness: cursor inside the marker") << "-| a"
                                                          << "-\n| a";
    QTest::newRow("robustness: cursor at line start of an item") << "|- a"
                                                                 << "\n|- a";
    QTest::newRow("robustness: emphasis line is not a list") << "*em*|"
                                                             << "*em*\n|";
}

void tst_MarkdownEdits::enter()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    const Marked m = parseMarked(before);
    QCOMPARE(withMarks(m.text, enterEdit(m.text, m.start)), after);
}

void tst_MarkdownEdits::wrap_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("marker");
    QTest::addColumn<QString>("after");
    QTest::newRow("nominal: bold a selection") << "a [word] b"
                                               << "**"
                                               << "a **[word]** b";
    QTest::newRow("nominal: unbold a selection inside markers") << "a **[word]** b"
                                                                << "**"
                                                                << "a [word] b";
    QTest::newRow("nominal: unbold a selection with markers") << "a [**word**] b"
                                                              << "**"
                                                              << "a [word] b";
    QTest::newRow("nominal: italic inside bold adds") << "**[word]**"
                                                      << "*"
                                                      << "***[word]***";
    QTest::newRow("nominal: italic off inside bold italic") << "***[word]***"
                                                            << "*"
                                                            << "**[word]**";
    QTest::newRow("nominal: bold around italic adds") << "*[word]*"
                                                      << "**"
                                                      << "***[word]***";
    QTest::newRow("nominal: cursor in a word wraps the word") << "one tw|o three"
                                                              << "**"
                                                              << "one **[two]** three";
    QTest::newRow("nominal: cursor in a bold word unwraps") << "**tw|o**"
                                                            << "**"
                                                            << "[two]";
    QTest::newRow("nominal: no word inserts a pair") << "a | b"
                                                     << "*"
                                                     << "a *|* b";
    QTest::newRow("nominal: inline code") << "run [make]"
                                          << "`"
                                          << "run `[make]`";
    QTest::newRow("nominal: strikethrough") << "[old]"
                                            << "~~"
                                            << "~~[old]~~";
    QTest::newRow("robustness: spaces stay outside the markers") << "a[ word ]b"
                                                                 << "**"
                                                                 << "a **[word]** b";
    QTest::newRow("robustness: apostrophe word") << "do|n't"
                                                 << "*"
                                                 << "*[don't]*";
}

void tst_MarkdownEdits::wrap()
{
    QFETCH(QString, before);
    QFETCH(QString, marker);
    QFETCH(QString, after);
    const Marked m = parseMarked(before);
    QCOMPARE(withMarks(m.text, toggleWrap(m.text, m.start, m.end, marker)), after);
}

void tst_MarkdownEdits::link_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::newRow("nominal: text becomes a link with the URL selected") << "see [docs]"
                                                                        << "see [docs]([https://])";
    QTest::newRow("nominal: a selected URL becomes the target") << "[https://gohugo.io]"
                                                                << "[|](https://gohugo.io)";
    QTest::newRow("nominal: no selection") << "a |"
                                           << "a [|](https://)";
}

void tst_MarkdownEdits::link()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    const Marked m = parseMarked(before);
    QCOMPARE(withMarks(m.text, insertLink(m.text, m.start, m.end)), after);
}

void tst_MarkdownEdits::heading_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<int>("level");
    QTest::addColumn<QString>("after");
    QTest::newRow("nominal: paragraph to h2") << "Title" << 2 << "## Title";
    QTest::newRow("nominal: h2 to h3") << "## Title" << 3 << "### Title";
    QTest::newRow("nominal: same level removes") << "## Title" << 2 << "Title";
    QTest::newRow("nominal: level 0 removes") << "###### Title" << 0 << "Title";
    QTest::newRow("robustness: hashtag is text") << "#tag" << 1 << "# #tag";
    QTest::newRow("robustness: empty line") << "" << 1 << "# ";
}

void tst_MarkdownEdits::heading()
{
    QFETCH(QString, line);
    QFETCH(int, level);
    QFETCH(QString, after);
    QCOMPARE(setHeadingLevel(line, level).appliedTo(line), after);
}

void tst_MarkdownEdits::list_data()
{
    QTest::addColumn<QString>("lines");
    QTest::addColumn<bool>("ordered");
    QTest::addColumn<QString>("after");
    QTest::newRow("nominal: lines become bullets") << "a\nb" << false << "- a\n- b";
    QTest::newRow("nominal: lines become numbers") << "a\n\nb" << true << "1. a\n\n2. b";
    QTest::newRow("nominal: bullets become plain") << "- a\n- b" << false << "a\nb";
    QTest::newRow("nominal: bullets become numbers") << "- a\n* b" << true << "1. a\n2. b";
    QTest::newRow("nominal: indentation kept") << "  a" << false << "  - a";
    QTest::newRow("nominal: task item loses its box when unlisted") << "- [ ] a" << false << "a";
}

void tst_MarkdownEdits::list()
{
    QFETCH(QString, lines);
    QFETCH(bool, ordered);
    QFETCH(QString, after);
    QCOMPARE(toggleList(lines, ordered).appliedTo(lines), after);
}

void tst_MarkdownEdits::indent_data()
{
    QTest::addColumn<QString>("above");
    QTest::addColumn<QString>("lines");
    QTest::addColumn<bool>("outdent");
    QTest::addColumn<QString>("after");
    QTest::newRow("nominal: nest under a bullet") << "- a"
                                                  << "- b" << false << "  - b";
    QTest::newRow("nominal: nest under a number's text column") << "1. a"
                                                                << "- b" << false << "   - b";
    QTest::newRow("nominal: nest under a wide number") << "10. a"
                                                       << "11. b" << false << "    11. b";
    QTest::newRow("nominal: several lines move together")
        << "- a"
        << "- b\n  more\n- c" << false << "  - b\n    more\n  - c";
    QTest::newRow("nominal: outdent to the parent") << "1. a\n   - b"
                                                    << "   - c" << true << "- c";
    QTest::newRow("nominal: outdent one level of two") << "- a\n  - b\n    - c"
                                                       << "    - d" << true << "  - d";
    QTest::newRow("robustness: not a list item") << ""
                                                 << "text" << false << "text";
    QTest::newRow("robustness: outdent at the left margin") << ""
                                                            << "- a" << true << "- a";
    QTest::newRow("robustness: first item moves by its marker") << ""
                                                                << "- a" << false << "  - a";
}

void tst_MarkdownEdits::indent()
{
    QFETCH(QString, above);
    QFETCH(QString, lines);
    QFETCH(bool, outdent);
    QFETCH(QString, after);
    const TextEdit edit = outdent ? outdentListItems(lines, above) : indentListItems(lines, above);
    QCOMPARE(edit.appliedTo(lines), after);
}

QTEST_GUILESS_MAIN(tst_MarkdownEdits)
#include "tst_markdownedits.moc"
