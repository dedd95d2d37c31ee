// PageBlocks: the edit from the blocks the page shows to a new rendering sends only the blocks
// that changed, and the page's first lines follow.

#include "markdown/markdownrenderer.h"
#include "preview/blockedit.h"

#include <QJsonArray>
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
    QCOMPARE(edit.added.size(), added);
    if (index + added < now.size())
        QCOMPARE(edit.lineShift, lineShift);
    QCOMPARE(page.size(), now.size());

    // Applied to the blocks the page has, it gives the new blocks, on the new lines.
    QList<RenderedBlock> blocks = old;
    edit.applyTo(blocks);
    QCOMPARE(blocks.size(), now.size());
    for (qsizetype i = 0; i < now.size(); ++i) {
        QCOMPARE(blocks[i].html, now[i].html);
        QCOMPARE(blocks[i].hash, now[i].hash);
        QCOMPARE(blocks[i].firstLine, now[i].firstLine);
        QCOMPARE(blocks[i].lastLine, now[i].lastLine);
    }
    const QJsonObject json = edit.toJson();
    QCOMPARE(json.value("html").toArray().size(), added);
    QCOMPARE(json.value("firstLines").toArray().size(), added);
    // Nothing changed since: the next edit is empty.
    const BlockEdit none = page.update(now);
    QCOMPARE(none.removed, 0);
    QVERIFY(none.added.isEmpty());
}

void tst_BlockEdit::replaceAllSendsEverything()
{
    PageBlocks page;
    const QList<RenderedBlock> blocks = renderMarkdown("A.\n\nB.\n").blocks;
    page.update(blocks);
    const BlockEdit edit = page.replaceAll(blocks);
    QCOMPARE(edit.index, 0);
    QCOMPARE(edit.removed, 2);
    QCOMPARE(edit.added.size(), 2);
    page.clear();
    QCOMPARE(page.update(blocks).removed, 0);
}

QTEST_GUILESS_MAIN(tst_BlockEdit)
#include "tst_blockedit.moc"
