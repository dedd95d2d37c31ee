// PageBlocks: the edit from the blocks the page shows to a new rendering sends only the blocks
// that changed, and the page's first lines follow.

#include "markdown/markdownrenderer.h"
#include "preview/blockedit.h"

#include <QTest>

using namespace pw;
using namespace pw::preview;

class tst_BlockEdit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sendsOnlyWhatChanged_data();
    void sendsOnlyWhatChanged();
    void replaceAllSendsEverything();
};

void tst_BlockEdit::sendsOnlyWhatChanged_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<int>("index");
    QTest::addColumn<int>("removed");
    QTest::addColumn<int>("added");
    QTest::addColumn<int>("lineShift");
    const QString post = "# Title\n\nOne.\n\nTwo.\n\nThree.\n";
    QString text;
    QTest::newRow("nominal: first rendering") << QString() << post << 0 << 0 << 4 << 0;
    QTest::newRow("nominal: nothing changed") << post << post << 4 << 0 << 0 << 0;
    QTest::newRow("nominal: a character typed")
        << post << (text = post).replace("Two.", "Two!") << 2 << 1 << 1 << 0;
    QTest::newRow("nominal: a line typed into a paragraph")
        << post << (text = post).replace("Two.", "Two\nand a half.") << 2 << 1 << 1 << 1;
    QTest::newRow("nominal: a paragraph typed above")
        << post << "New.\n\n" + post << 0 << 0 << 1 << 2;
    QTest::newRow("nominal: a blank line between blocks")
        << post << (text = post).replace("One.\n", "One.\n\n") << 2 << 0 << 0 << 1;
    QTest::newRow("nominal: a paragraph deleted")
        << post << (text = post).replace("Two.\n\n", "") << 2 << 1 << 0 << -2;
    QTest::newRow("nominal: appended at the end") << post << post + "\nFour.\n" << 4 << 0 << 1 << 0;
    QTest::newRow("robustness: everything deleted") << post << QString() << 0 << 4 << 0 << 0;
    QTest::newRow("robustness: two equal paragraphs, one deleted") << "A.\n\nA.\n\nA.\n"
                                                                   << "A.\n\nA.\n"
                                                                   << 2 << 1 << 0 << 0;
}

void tst_BlockEdit::sendsOnlyWhatChanged()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(int, index);
    QFETCH(int, removed);
    QFETCH(int, added);
    QFETCH(int, lineShift);
    PageBlocks page;
    const QList<RenderedBlock> old = renderMarkdown(before).blocks;
    const QList<RenderedBlock> now = renderMarkdown(after).blocks;
    page.update(old);
    const BlockEdit edit = page.update(now);
    QCOMPARE(edit.index, index);
    QCOMPARE(edit.removed, removed);
    QCOMPARE(edit.html.size(), added);
    QCOMPARE(edit.firstLines.size(), added);
    if (added > 0)
        QCOMPARE(edit.firstLines.last(), now[index + added - 1].firstLine);
    if (index + added < now.size())
        QCOMPARE(edit.lineShift, lineShift);
    QCOMPARE(page.size(), now.size());

    // The page applies it to its own copy: it then has the new blocks, on the new lines.
    QStringList html;
    QList<int> lines;
    for (const RenderedBlock &block : old) {
        html.append(block.html);
        lines.append(block.firstLine);
    }
    html.remove(index, removed);
    lines.remove(index, removed);
    for (int i = 0; i < added; ++i) {
        html.insert(index + i, edit.html[i]);
        lines.insert(index + i, edit.firstLines[i]);
    }
    for (qsizetype i = index + added; i < lines.size(); ++i)
        lines[i] += edit.lineShift;
    QCOMPARE(html.size(), now.size());
    for (qsizetype i = 0; i < now.size(); ++i) {
        QCOMPARE(html[i], now[i].html);
        QCOMPARE(lines[i], now[i].firstLine);
    }
    // Nothing changed since: the next edit is empty.
    const BlockEdit none = page.update(now);
    QCOMPARE(none.removed, 0);
    QVERIFY(none.html.isEmpty());
}

void tst_BlockEdit::replaceAllSendsEverything()
{
    PageBlocks page;
    const QList<RenderedBlock> blocks = renderMarkdown("A.\n\nB.\n").blocks;
    page.update(blocks);
    const BlockEdit edit = page.replaceAll(blocks);
    QCOMPARE(edit.index, 0);
    QCOMPARE(edit.removed, 2);
    QCOMPARE(edit.html.size(), 2);
    page.clear();
    QCOMPARE(page.update(blocks).removed, 0);
}

QTEST_GUILESS_MAIN(tst_BlockEdit)
#include "tst_blockedit.moc"
