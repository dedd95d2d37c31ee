#include "widgets/findreplacebar.h"
#include "widgets/markdowneditor.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QTest>
#include <QVBoxLayout>

using namespace pw;

Q_DECLARE_METATYPE(pw::SearchOptions)

static const QString text = QStringLiteral("Cat cat concat\nThe cat sat. cat!\n2024-05-06");

class tst_FindReplaceBar : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void modes_data();
    void modes();
    void nextAndPreviousWrap();
    void highlightsAllMatches();
    void replaceOne();
    void replaceAllIsOneUndoStep_data();
    void replaceAllIsOneUndoStep();
    void invalidRegex();
    void shortcutOpensAndEscapeCloses();
    void followsEdits();

private:
    std::unique_ptr<QWidget> m_window;
    MarkdownEditor *m_editor = nullptr;
    FindReplaceBar *m_bar = nullptr;
};

void tst_FindReplaceBar::init()
{
    m_window = std::make_unique<QWidget>();
    auto *layout = new QVBoxLayout(m_window.get());
    m_editor = new MarkdownEditor;
    m_bar = new FindReplaceBar(m_editor);
    layout->addWidget(m_editor);
    layout->addWidget(m_bar);
    m_window->resize(700, 400);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_editor->setPlainText(text);
    m_editor->setFocus();
}

void tst_FindReplaceBar::cleanup()
{
    m_window.reset();
}

void tst_FindReplaceBar::modes_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<SearchOptions>("options");
    QTest::addColumn<int>("count");
    QTest::newRow("nominal: plain") << "cat" << SearchOptions{} << 5;
    QTest::newRow("nominal: case") << "Cat" << SearchOptions{true, false, false} << 1;
    QTest::newRow("nominal: whole word") << "cat" << SearchOptions{false, true, false} << 4;
    QTest::newRow("nominal: regex") << "\\d{4}-\\d\\d" << SearchOptions{false, false, true} << 1;
    QTest::newRow("nominal: regex with whole word and case")
        << "[Cc]at" << SearchOptions{true, true, true} << 4;
    QTest::newRow("robustness: plain dot is literal") << "." << SearchOptions{} << 1;
    QTest::newRow("robustness: nothing found") << "dog" << SearchOptions{} << 0;
}

void tst_FindReplaceBar::modes()
{
    QFETCH(QString, query);
    QFETCH(SearchOptions, options);
    QFETCH(int, count);
    m_bar->showFind();
    m_bar->setOptions(options);
    m_bar->setFindText(query);
    QCOMPARE(m_bar->matchCount(), count);
    if (count > 0) {
        QCOMPARE(m_bar->currentMatch(), 0); // the first match is selected as you type
        QVERIFY(m_bar->statusText().endsWith(QStringLiteral("of %1").arg(count)));
    } else {
        QCOMPARE(m_bar->statusText(), QStringLiteral("No matches"));
    }
}

void tst_FindReplaceBar::nextAndPreviousWrap()
{
    m_bar->showFind();
    m_bar->setOptions({false, true, false});
    m_bar->setFindText(QStringLiteral("cat"));
    QCOMPARE(m_editor->textCursor().selectionStart(), 0);
    m_bar->findNext();
    QCOMPARE(m_editor->textCursor().selectionStart(), 4);
    QCOMPARE(m_editor->textCursor().selectedText(), QStringLiteral("cat"));
    m_bar->findPrevious();
    m_bar->findPrevious(); // wraps to the last one
    QCOMPARE(m_bar->currentMatch(), 3);
    QCOMPARE(m_editor->textCursor().selectionStart(),
             int(text.lastIndexOf(QStringLiteral("cat!"))));
    m_bar->findNext(); // and back to the first
    QCOMPARE(m_bar->currentMatch(), 0);
    QCOMPARE(m_bar->statusText(), QStringLiteral("1 of 4"));
}

void tst_FindReplaceBar::highlightsAllMatches()
{
    m_bar->showFind();
    m_bar->setFindText(QStringLiteral("cat"));
    const QList<QTextEdit::ExtraSelection> selections = m_editor->extraSelections();
    QCOMPARE(selections.size(), 5);
    for (const QTextEdit::ExtraSelection &selection : selections)
        QCOMPARE(selection.cursor.selectedText().toLower(), QStringLiteral("cat"));
    // For a person to look at: the bar under the editor, the matches highlighted.
    const QString shots = QStringLiteral(POSTWRIGHT_BINARY_DIR "/tests/screenshots");
    QDir().mkpath(shots);
    QVERIFY(m_window->grab().save(shots + QStringLiteral("/find-bar.png")));
    m_bar->closeBar();
    QVERIFY(m_editor->extraSelections().isEmpty());
}

void tst_FindReplaceBar::replaceOne()
{
    m_bar->showReplace();
    m_bar->setOptions({false, true, false});
    m_bar->setFindText(QStringLiteral("cat"));
    m_bar->setReplaceText(QStringLiteral("dog"));
    m_bar->replaceCurrent(); // the selected first match
    QCOMPARE(m_editor->toPlainText(),
             QStringLiteral("dog cat concat\nThe cat sat. cat!\n2024-05-06"));
    QCOMPARE(m_editor->textCursor().selectedText(), QStringLiteral("cat")); // the next is selected
    QCOMPARE(m_editor->textCursor().selectionStart(), 4);
    m_bar->replaceCurrent();
    QCOMPARE(m_editor->toPlainText(),
             QStringLiteral("dog dog concat\nThe cat sat. cat!\n2024-05-06"));
    QCOMPARE(m_bar->matchCount(), 2);
}

void tst_FindReplaceBar::replaceAllIsOneUndoStep_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<SearchOptions>("options");
    QTest::addColumn<QString>("replacement");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("result");
    QTest::newRow("nominal: plain") << "cat" << SearchOptions{} << "dog" << 5
                                    << "dog dog condog\nThe dog sat. dog!\n2024-05-06";
    QTest::newRow("nominal: whole word keeps concat")
        << "cat" << SearchOptions{false, true, false} << "dog" << 4
        << "dog dog concat\nThe dog sat. dog!\n2024-05-06";
    QTest::newRow("nominal: regex groups")
        << "(\\d+)-(\\d+)-(\\d+)" << SearchOptions{false, false, true} << "\\3.\\2.\\1" << 1
        << "Cat cat concat\nThe cat sat. cat!\n06.05.2024";
    QTest::newRow("nominal: replacement longer and containing the query")
        << "cat" << SearchOptions{true, true, false} << "cat cat" << 3
        << "Cat cat cat concat\nThe cat cat sat. cat cat!\n2024-05-06";
}

void tst_FindReplaceBar::replaceAllIsOneUndoStep()
{
    QFETCH(QString, query);
    QFETCH(SearchOptions, options);
    QFETCH(QString, replacement);
    QFETCH(int, count);
    QFETCH(QString, result);
    m_bar->showReplace();
    m_bar->setOptions(options);
    m_bar->setFindText(query);
    m_bar->setReplaceText(replacement);
    QCOMPARE(m_bar->replaceAll(), count);
    QCOMPARE(m_editor->toPlainText(), result);
    m_editor->undo();
    QCOMPARE(m_editor->toPlainText(), text);
}

void tst_FindReplaceBar::invalidRegex()
{
    m_bar->showFind();
    m_bar->setOptions({false, false, true});
    m_bar->setFindText(QStringLiteral("ca(t"));
    QCOMPARE(m_bar->matchCount(), 0);
    QVERIFY(m_bar->statusText().startsWith(QStringLiteral("Invalid regular expression")));
    QCOMPARE(m_bar->replaceAll(), 0);
    QCOMPARE(m_editor->toPlainText(), text);
}

void tst_FindReplaceBar::shortcutOpensAndEscapeCloses()
{
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_editor->setFocus();
    QTextCursor cursor(m_editor->document());
    cursor.setPosition(4);
    cursor.setPosition(7, QTextCursor::KeepAnchor);
    m_editor->setTextCursor(cursor);
    QTest::keySequence(m_editor, QKeySequence::Find);
    QVERIFY(m_bar->isVisible());
    QCOMPARE(m_bar->findText(), QStringLiteral("cat")); // from the selection
    auto *find = m_bar->findChild<QLineEdit *>(QStringLiteral("find"));
    QVERIFY(find && find->hasFocus());
    QTest::keyClick(find, Qt::Key_Return);
    QCOMPARE(m_bar->currentMatch(), 2);
    QTest::keyClick(find, Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(m_bar->currentMatch(), 1);
    QTest::keyClick(find, Qt::Key_Escape);
    QVERIFY(!m_bar->isVisible());
    QVERIFY(m_editor->hasFocus());
}

void tst_FindReplaceBar::followsEdits()
{
    m_bar->showFind();
    m_bar->setFindText(QStringLiteral("sat"));
    QCOMPARE(m_bar->matchCount(), 1);
    QTextCursor cursor(m_editor->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(QStringLiteral(" sat sat"));
    QTRY_COMPARE(m_bar->matchCount(), 3);
    QTRY_COMPARE(m_editor->extraSelections().size(), 3);
}

QTEST_MAIN(tst_FindReplaceBar)
#include "tst_findreplacebar.moc"
