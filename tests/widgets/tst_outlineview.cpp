#include "widgets/markdowneditor.h"
#include "widgets/outlineview.h"
#include "writing/outlinemodel.h"

#include <QDir>
#include <QHBoxLayout>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>

using namespace pw;

static QString post()
{
    QStringList lines{QStringLiteral("---"), QStringLiteral("title: T"), QStringLiteral("---"),
                      QStringLiteral("# Intro")};
    for (int i = 0; i < 300; ++i)
        lines.append(QStringLiteral("text %1").arg(i));
    lines.append(QStringLiteral("## Middle"));
    for (int i = 0; i < 300; ++i)
        lines.append(QStringLiteral("more %1").arg(i));
    lines.append(QStringLiteral("```"));
    lines.append(QStringLiteral("# not a heading"));
    lines.append(QStringLiteral("```"));
    lines.append(QStringLiteral("### End"));
    for (int i = 0; i < 100; ++i)
        lines.append(QStringLiteral("end %1").arg(i));
    return lines.join(QLatin1Char('\n'));
}

class tst_OutlineView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void clickJumps_data();
    void clickJumps();
    void followsTyping();
    void marksCurrentHeading();
};

void tst_OutlineView::clickJumps_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("line");
    QTest::newRow("nominal: first heading") << 0 << 4;
    QTest::newRow("nominal: middle") << 1 << 305;
    QTest::newRow("nominal: after a code fence") << 2 << 609;
}

void tst_OutlineView::clickJumps()
{
    QFETCH(int, row);
    QFETCH(int, line);
    QWidget window;
    auto *layout = new QHBoxLayout(&window);
    auto *outline = new OutlineView;
    auto *editor = new MarkdownEditor;
    layout->addWidget(outline);
    layout->addWidget(editor);
    window.resize(900, 500);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    editor->setPlainText(post());
    outline->setEditor(editor);
    QCOMPARE(outline->model()->rowCount(), 3);

    QSignalSpy activated(outline, &OutlineView::headingActivated);
    const QRect rect = outline->visualRect(outline->model()->index(row, 0));
    QTest::mouseClick(outline->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.at(0).at(0).toInt(), line);
    QCOMPARE(editor->textCursor().blockNumber() + 1, line);
    QCOMPARE(editor->topLine(), line);
    QCOMPARE(editor->textCursor().block().text().front(), QLatin1Char('#'));
    // For a person to look at: the outline beside the editor, the clicked heading current.
    const QString shots = QStringLiteral(POSTWRIGHT_BINARY_DIR "/tests/screenshots");
    QDir().mkpath(shots);
    QVERIFY(window.grab().save(shots + QStringLiteral("/outline-%1.png").arg(row)));
}

void tst_OutlineView::followsTyping()
{
    MarkdownEditor editor;
    OutlineView outline;
    outline.setEditor(&editor);
    QCOMPARE(outline.model()->rowCount(), 0);
    editor.setPlainText(QStringLiteral("Intro\n"));
    QTextCursor cursor(editor.document());
    cursor.movePosition(QTextCursor::End);
    editor.setTextCursor(cursor);
    QTest::keyClicks(&editor, QStringLiteral("## New heading"));
    QTRY_COMPARE(outline.model()->rowCount(), 1); // after the typing pause
    QCOMPARE(outline.model()->index(0, 0).data().toString(), QStringLiteral("New heading"));
    QCOMPARE(outline.model()->index(0, 0).data(OutlineModel::LevelRole).toInt(), 2);
}

void tst_OutlineView::marksCurrentHeading()
{
    MarkdownEditor editor;
    OutlineView outline;
    editor.setPlainText(post());
    outline.setEditor(&editor);
    editor.setTextCursor(QTextCursor(editor.document()->findBlockByNumber(400)));
    QCOMPARE(outline.currentIndex().row(), 1);
    editor.setTextCursor(QTextCursor(editor.document()->findBlockByNumber(0)));
    QCOMPARE(outline.currentIndex().row(), -1);
}

QTEST_MAIN(tst_OutlineView)
#include "tst_outlineview.moc"
