#include "widgets/markdowneditor.h"
#include "writing/markdownhighlighter.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QDropEvent>
#include <QImage>
#include <QMenu>
#include <QMimeData>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTimer>
#include <QUrl>

using namespace pw;

Q_DECLARE_METATYPE(pw::TextStatistics)
Q_DECLARE_METATYPE(pw::Error)

static const char samplePost[] = R"(---
title: "Writing posts with Postwright"
date: 2024-05-06
tags: [hugo, writing]
draft: false
---

# Writing posts with Postwright

Some **bold** text, some *emphasis*, `inline code` and a [link](https://gohugo.io/).
A mispeled word is underlined.

## A list

- first item
- [x] a done task
  1. nested number

> A quote with a ~~strike~~.

```go
func main() {
    fmt.Println("hello") // # not a heading
}
```

| Name | Value |
|------|------:|
| a    | 1     |

<div class="note">HTML block</div>

![A chart](/images/chart.png)
)";

// Puts `text` in the editor with the cursor at '|' (removed).
static void setTextWithCursor(MarkdownEditor &editor, QString text)
{
    const qsizetype at = text.indexOf(QLatin1Char('|'));
    text.remove(at, 1);
    editor.setPlainText(text);
    QTextCursor cursor(editor.document());
    cursor.setPosition(int(at));
    editor.setTextCursor(cursor);
}

static QString textWithCursor(const MarkdownEditor &editor)
{
    QString text = editor.toPlainText();
    return text.insert(editor.textCursor().position(), QLatin1Char('|'));
}

static QString longPost(int lines)
{
    QStringList text;
    for (int i = 1; i <= lines; ++i)
        text.append(QStringLiteral("Line %1").arg(i));
    return text.join(QLatin1Char('\n'));
}

class tst_MarkdownEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void typing_data();
    void typing();
    void shortcuts_data();
    void shortcuts();
    void formattingIsOneUndoStep();
    void replaceRangeKeepsUndoAndCursor();
    void dropImageFile_data();
    void dropImageFile();
    void pasteScreenshot();
    void imageWithoutPostContext();
    void pasteHtml();
    void pastePlainTextStaysPlain();
    void scrollSync();
    void statistics();
    void spellingLanguage();
    void spellingStatus();
    void spellingFollowsTheView();
    void typingRepaintsOnlyItsLine_data();
    void typingRepaintsOnlyItsLine();
    void spellingSuggestionsInContextMenu();
    void distractionFree();
    void themesFollowPalette();

private:
    std::unique_ptr<MarkdownEditor> m_editor;
};

void tst_MarkdownEditor::init()
{
    m_editor = std::make_unique<MarkdownEditor>();
    m_editor->resize(700, 500);
    m_editor->show();
    m_editor->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_editor.get()));
    m_editor->setFocus();
}

void tst_MarkdownEditor::cleanup()
{
    m_editor.reset();
}

void tst_MarkdownEditor::typing_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("keys"); // typed; \n is Enter, \t Tab, \b Shift+Tab
    QTest::addColumn<QString>("after");
    QTest::newRow("nominal: plain typing") << "|"
                                           << "Hello"
                                           << "Hello|";
    QTest::newRow("nominal: Enter continues a bullet list") << "|"
                                                            << "- one\ntwo"
                                                            << "- one\n- two|";
    QTest::newRow("nominal: Enter increments a numbered list") << "|"
                                                               << "1. one\ntwo\n"
                                                               << "1. one\n2. two\n3. |";
    QTest::newRow("nominal: Enter on an empty item ends the list") << "|"
                                                                   << "- one\n\nafter"
                                                                   << "- one\nafter|";
    QTest::newRow("nominal: Enter continues a quote") << "|"
                                                      << "> a\nb"
                                                      << "> a\n> b|";
    QTest::newRow("nominal: Enter continues a task list") << "- [x] done|"
                                                          << "\nnext"
                                                          << "- [x] done\n- [ ] next|";
    QTest::newRow("nominal: Tab nests a list item") << "- a\n- b|"
                                                    << "\t"
                                                    << "- a\n  - b|";
    QTest::newRow("nominal: Shift+Tab outdents it") << "- a\n  - b|"
                                                    << "\b"
                                                    << "- a\n- b|";
    QTest::newRow("nominal: Tab then Enter keeps the level") << "- a\n- b|"
                                                             << "\t\nc"
                                                             << "- a\n  - b\n  - c|";
    QTest::newRow("robustness: Enter in a code fence is a plain newline") << "```\n- a|\n```"
                                                                          << "\nb"
                                                                          << "```\n- a\nb|\n```";
    QTest::newRow("robustness: Enter in front matter is a plain newline") << "---\n- a|\n---\n"
                                                                          << "\nb"
                                                                          << "---\n- a\nb|\n---\n";
    QTest::newRow("robustness: Tab outside a list inserts a tab") << "a|"
                                                                  << "\t"
                                                                  << "a\t|";
}

void tst_MarkdownEditor::typing()
{
    QFETCH(QString, before);
    QFETCH(QString, keys);
    QFETCH(QString, after);
    setTextWithCursor(*m_editor, before);
    for (QChar c : keys) {
        if (c == QLatin1Char('\n'))
            QTest::keyClick(m_editor.get(), Qt::Key_Return);
        else if (c == QLatin1Char('\t'))
            QTest::keyClick(m_editor.get(), Qt::Key_Tab);
        else if (c == QLatin1Char('\b'))
            QTest::keyClick(m_editor.get(), Qt::Key_Backtab, Qt::ShiftModifier);
        else
            QTest::keyClicks(m_editor.get(), QString(c));
    }
    QCOMPARE(textWithCursor(*m_editor), after);
}

void tst_MarkdownEditor::shortcuts_data()
{
    QTest::addColumn<QString>("before"); // [selection] or |cursor
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("modifiers");
    QTest::addColumn<QString>("after");
    const int ctrl = int(Qt::ControlModifier);
    const int ctrlShift = int(Qt::ControlModifier | Qt::ShiftModifier);
    QTest::newRow("nominal: Ctrl+B bolds the word")
        << "a wo|rd b" << int(Qt::Key_B) << ctrl << "a **word** b";
    QTest::newRow("nominal: Ctrl+I italicises")
        << "a wo|rd b" << int(Qt::Key_I) << ctrl << "a *word* b";
    QTest::newRow("nominal: Ctrl+E inline code")
        << "run ma|ke" << int(Qt::Key_E) << ctrl << "run `make`";
    QTest::newRow("nominal: Ctrl+K link")
        << "see do|cs" << int(Qt::Key_K) << ctrl << "see [docs](https://)";
    QTest::newRow("nominal: Ctrl+2 heading") << "Tit|le" << int(Qt::Key_2) << ctrl << "## Title";
    QTest::newRow("nominal: Ctrl+0 paragraph") << "### Tit|le" << int(Qt::Key_0) << ctrl << "Title";
    QTest::newRow("nominal: Ctrl+Shift+8 bullet list")
        << "it|em" << int(Qt::Key_8) << ctrlShift << "- item";
    QTest::newRow("nominal: Ctrl+Shift+7 numbered list")
        << "it|em" << int(Qt::Key_7) << ctrlShift << "1. item";
}

void tst_MarkdownEditor::shortcuts()
{
    QFETCH(QString, before);
    QFETCH(int, key);
    QFETCH(int, modifiers);
    QFETCH(QString, after);
    setTextWithCursor(*m_editor, before);
    QTest::keyClick(m_editor.get(), Qt::Key(key), Qt::KeyboardModifiers(modifiers));
    QCOMPARE(m_editor->toPlainText(), after);
}

void tst_MarkdownEditor::formattingIsOneUndoStep()
{
    setTextWithCursor(*m_editor, QStringLiteral("one tw|o"));
    m_editor->toggleBold();
    QCOMPARE(m_editor->textCursor().selectedText(), QStringLiteral("two"));
    QCOMPARE(m_editor->toPlainText(), QStringLiteral("one **two**"));
    m_editor->undo();
    QCOMPARE(m_editor->toPlainText(), QStringLiteral("one two"));
}

void tst_MarkdownEditor::replaceRangeKeepsUndoAndCursor()
{
    m_editor->setPlainText(QStringLiteral("---\ntitle: Old\n---\nBody text"));
    QTextCursor cursor = m_editor->textCursor();
    cursor.movePosition(QTextCursor::End);
    m_editor->setTextCursor(cursor);
    QTest::keyClicks(m_editor.get(), QStringLiteral(" typed"));
    const int cursorBefore = m_editor->textCursor().position();

    const QString text = m_editor->toPlainText();
    const int from = int(text.indexOf(QStringLiteral("Old")));
    m_editor->replaceRange(from, from + 3, QStringLiteral("New and longer"));
    QCOMPARE(m_editor->toPlainText(),
             QStringLiteral("---\ntitle: New and longer\n---\nBody text typed"));
    QCOMPARE(m_editor->textCursor().position(), cursorBefore + 11); // moved with its text
    QVERIFY(m_editor->document()->isUndoAvailable());

    m_editor->undo(); // the replacement, in one step
    QCOMPARE(m_editor->toPlainText(), QStringLiteral("---\ntitle: Old\n---\nBody text typed"));
    m_editor->undo(); // the typing before it is still on the stack
    QCOMPARE(m_editor->toPlainText(), QStringLiteral("---\ntitle: Old\n---\nBody text"));
}

void tst_MarkdownEditor::dropImageFile_data()
{
    QTest::addColumn<bool>("bundle");
    QTest::addColumn<QString>("copiedTo");
    QTest::addColumn<QString>("link");
    QTest::newRow("nominal: into the site's static images")
        << false << "static/images/holiday-photo.png"
        << "![Holiday Photo](/images/holiday-photo.png)";
    QTest::newRow("nominal: next to a page bundle's post")
        << true << "content/posts/trip/holiday-photo.png"
        << "![Holiday Photo](holiday-photo.png)";
}

void tst_MarkdownEditor::dropImageFile()
{
    QFETCH(bool, bundle);
    QFETCH(QString, copiedTo);
    QFETCH(QString, link);
    QTemporaryDir site;
    QVERIFY(QDir(site.path()).mkpath(QStringLiteral("content/posts/trip")));
    const QString post = site.filePath(bundle ? QStringLiteral("content/posts/trip/index.md")
                                              : QStringLiteral("content/posts/trip.md"));
    QTemporaryDir elsewhere;
    const QString source = elsewhere.filePath(QStringLiteral("Holiday Photo.png"));
    QImage image(20, 10, QImage::Format_RGB32);
    image.fill(Qt::green);
    QVERIFY(image.save(source));

    m_editor->setPostContext(post, site.filePath(QStringLiteral("static/images")), bundle);
    m_editor->setPlainText(QStringLiteral("Before\n\nAfter"));

    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(source)});
    // Drop on the empty middle line.
    const QTextBlock middle = m_editor->document()->findBlockByNumber(1);
    const QPoint at = m_editor->cursorRect(QTextCursor(middle)).center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_editor->viewport(), &enter);
    QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_editor->viewport(), &drop);

    QCOMPARE(m_editor->toPlainText(), QStringLiteral("Before\n%1\nAfter").arg(link));
    const QImage copied(site.filePath(copiedTo));
    QCOMPARE(copied.size(), image.size());
}

void tst_MarkdownEditor::pasteScreenshot()
{
    QTemporaryDir site;
    m_editor->setPostContext(site.filePath(QStringLiteral("content/post.md")),
                             site.filePath(QStringLiteral("static/images")), false);
    QImage screenshot(40, 30, QImage::Format_ARGB32);
    screenshot.fill(Qt::magenta);
    auto *mime = new QMimeData;
    mime->setImageData(screenshot);
    QApplication::clipboard()->setMimeData(mime);
    m_editor->paste();

    const QString text = m_editor->toPlainText();
    QVERIFY2(text.startsWith(QStringLiteral("![Screenshot](/images/pasted-"))
                 && text.endsWith(QStringLiteral(".png)")),
             qPrintable(text));
    const QString name = text.mid(text.lastIndexOf(QLatin1Char('/')) + 1).chopped(1);
    const QImage saved(site.filePath(QStringLiteral("static/images/") + name));
    QCOMPARE(saved.size(), screenshot.size());
}

void tst_MarkdownEditor::imageWithoutPostContext()
{
    QSignalSpy problems(m_editor.get(), &MarkdownEditor::problem);
    QImage screenshot(4, 4, QImage::Format_RGB32);
    QMimeData mime;
    mime.setImageData(screenshot);
    QApplication::clipboard()->setMimeData(new QMimeData); // nothing stale from another test
    auto *copy = new QMimeData;
    copy->setImageData(screenshot);
    QApplication::clipboard()->setMimeData(copy);
    m_editor->paste();
    QCOMPARE(m_editor->toPlainText(), QString());
    QCOMPARE(problems.size(), 1);
    QVERIFY(!problems.at(0).at(0).value<Error>().hint.isEmpty());
}

void tst_MarkdownEditor::pasteHtml()
{
    setTextWithCursor(*m_editor, QStringLiteral("Intro: |"));
    auto *mime = new QMimeData;
    mime->setHtml(
        QStringLiteral("<meta charset=\"utf-8\"><span style=\"color:#333;font-family:Arial\">"
                       "Read <b>the</b> <a href=\"https://gohugo.io/\">Hugo docs</a></span>"));
    mime->setText(QStringLiteral("Read the Hugo docs"));
    QApplication::clipboard()->setMimeData(mime);
    m_editor->paste();
    QCOMPARE(m_editor->toPlainText(),
             QStringLiteral("Intro: Read **the** [Hugo docs](https://gohugo.io/)"));
}

void tst_MarkdownEditor::pastePlainTextStaysPlain()
{
    auto *mime = new QMimeData;
    mime->setText(QStringLiteral("*literal*\n- text"));
    QApplication::clipboard()->setMimeData(mime);
    m_editor->paste();
    QCOMPARE(m_editor->toPlainText(), QStringLiteral("*literal*\n- text"));
}

void tst_MarkdownEditor::scrollSync()
{
    m_editor->setPlainText(longPost(3000));
    QSignalSpy topLines(m_editor.get(), &MarkdownEditor::topLineChanged);
    m_editor->scrollToLine(1200);
    QCOMPARE(m_editor->topLine(), 1200);
    QVERIFY(!topLines.isEmpty());
    QCOMPARE(topLines.last().at(0).toInt(), 1200);

    // With long, wrapped lines above, the line still lands on top.
    QString wrapped;
    for (int i = 0; i < 200; ++i)
        wrapped += QString(300, QLatin1Char('w'))
                       .replace(QStringLiteral("wwww"), QStringLiteral("www "))
                   + QLatin1Char('\n');
    m_editor->setPlainText(wrapped + longPost(500));
    m_editor->scrollToLine(250);
    QCOMPARE(m_editor->topLine(), 250);

    m_editor->verticalScrollBar()->setValue(0);
    QCOMPARE(m_editor->topLine(), 1);
    QCOMPARE(topLines.last().at(0).toInt(), 1);

    m_editor->jumpToLine(300);
    QCOMPARE(m_editor->textCursor().blockNumber(), 299);
    QCOMPARE(m_editor->topLine(), 300);
}

void tst_MarkdownEditor::statistics()
{
    QSignalSpy spy(m_editor.get(), &MarkdownEditor::statisticsChanged);
    m_editor->setPlainText(QStringLiteral("---\ntitle: Not counted here\n---\nThree short words"));
    QTRY_VERIFY_WITH_TIMEOUT(!spy.isEmpty(), 10000);
    const TextStatistics stats = spy.last().at(0).value<TextStatistics>();
    QCOMPARE(stats.words, 3);
    QCOMPARE(stats.characters, 17);
    QCOMPARE(stats.readingMinutes, 1);
}

void tst_MarkdownEditor::spellingLanguage()
{
    QSignalSpy problems(m_editor.get(), &MarkdownEditor::problem);
    m_editor->setBlogLanguage(QStringLiteral("en"));
    QCOMPARE(m_editor->spellingDictionary(), QStringLiteral("en_US"));

    m_editor->setPlainText(QStringLiteral("---\nlang: xx-YY\n---\nText"));
    QTRY_COMPARE_WITH_TIMEOUT(problems.size(), 1, 10000);
    QCOMPARE(m_editor->spellingDictionary(), QString());

    m_editor->setPlainText(QStringLiteral("---\nlang: en-US\n---\nA wrng word"));
    QTRY_COMPARE_WITH_TIMEOUT(m_editor->spellingDictionary(), QStringLiteral("en_US"), 10000);
    const QTextBlock body = m_editor->document()->findBlockByNumber(3);
    bool underlined = false;
    for (const QTextLayout::FormatRange &range : body.layout()->formats())
        underlined = underlined
                     || (range.start == 2
                         && range.format.underlineStyle() == QTextCharFormat::SpellCheckUnderline);
    QVERIFY(underlined);

    m_editor->setSpellCheckingEnabled(false);
    QCOMPARE(m_editor->spellingDictionary(), QString());
}

// Where the language came from, and a language without a dictionary checked in none (not English).
void tst_MarkdownEditor::spellingStatus()
{
    using Source = SpellingLanguage::Source;
    m_editor->setSpellCheckingEnabled(true);
    m_editor->setPlainText(QStringLiteral("---\ntitle: No language here\n---\nA wrng word"));
    QSignalSpy changed(m_editor.get(), &MarkdownEditor::spellingChanged);
    QSignalSpy problems(m_editor.get(), &MarkdownEditor::problem);
    m_editor->setBlogLanguage(QStringLiteral("xx-yy"));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(problems.size(), 1);
    SpellingStatus status = m_editor->spellingStatus();
    QCOMPARE(status.language.language, QStringLiteral("xx_YY"));
    QCOMPARE(status.language.source, Source::Blog);
    QCOMPARE(status.dictionary, QString());
    const QTextBlock body = m_editor->document()->findBlockByNumber(3);
    for (const QTextLayout::FormatRange &range : body.layout()->formats())
        QVERIFY(range.format.underlineStyle() != QTextCharFormat::SpellCheckUnderline);

    m_editor->setBlogLanguage(QStringLiteral("en-us"));
    status = m_editor->spellingStatus();
    QCOMPARE(status.language, (SpellingLanguage{QStringLiteral("en_US"), Source::Blog}));
    QCOMPARE(status.dictionary, QStringLiteral("en_US"));

    // The post's own language wins, once typing pauses.
    QTextCursor cursor(m_editor->document()->findBlockByNumber(1));
    cursor.insertText(QStringLiteral("lang: en-US\n"));
    QTRY_COMPARE_WITH_TIMEOUT(m_editor->spellingStatus().language.source, Source::Post, 10000);
    QCOMPARE(m_editor->spellingStatus().dictionary, QStringLiteral("en_US"));
    QVERIFY(changed.size() >= 3);
    m_editor->setBlogLanguage(QString());
}

// A long post is spell checked where the user looks, not all at once when it is loaded.
void tst_MarkdownEditor::spellingFollowsTheView()
{
    m_editor->setBlogLanguage(QStringLiteral("en_US"));
    QStringList lines;
    for (int i = 0; i < 5000; ++i)
        lines.append(QStringLiteral("Line %1 has a wrng word.").arg(i));
    m_editor->setPlainText(lines.join(QLatin1Char('\n')));
    QCOMPARE(m_editor->spellingDictionary(), QStringLiteral("en_US"));
    const auto block = [&](int number) {
        return m_editor->document()->findBlockByNumber(number);
    };
    const auto underlined = [&](int number) {
        for (const QTextLayout::FormatRange &range : block(number).layout()->formats()) {
            if (range.format.underlineStyle() == QTextCharFormat::SpellCheckUnderline)
                return true;
        }
        return false;
    };
    QTRY_VERIFY(underlined(0));
    QVERIFY(!MarkdownHighlighter::isSpellChecked(block(2500)));
    QVERIFY(!MarkdownHighlighter::isSpellChecked(block(4999)));

    m_editor->scrollToLine(2501);
    QTRY_VERIFY_WITH_TIMEOUT(underlined(2500), 10000);
    QVERIFY(underlined(2510));
    QVERIFY(!MarkdownHighlighter::isSpellChecked(block(4999)));
    int checked = 0;
    for (QTextBlock b = m_editor->document()->firstBlock(); b.isValid(); b = b.next())
        checked += MarkdownHighlighter::isSpellChecked(b);
    QVERIFY2(checked < 1000, qPrintable(QString::number(checked))); // a few screens, not 5000 lines

    m_editor->moveCursor(QTextCursor::End);
    QTRY_VERIFY_WITH_TIMEOUT(underlined(4999), 10000);
}

// A keystroke in a highlighted line repaints that line; one that changes what the following lines
// are (a fence opened) repaints them too, with their new highlighting.
void tst_MarkdownEditor::typingRepaintsOnlyItsLine_data()
{
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("keys");
    QTest::addColumn<bool>("wholeView");
    QTest::newRow("nominal: in a code line") << 3 << 8 << "abc" << false;
    QTest::newRow("nominal: at the start of a heading") << 0 << 0 << "x" << false;
    QTest::newRow("nominal: a link in a paragraph") << 6 << 0 << "see [a](b) " << false;
    QTest::newRow("nominal: at the end of the text") << 7 << 11 << " more" << false;
    QTest::newRow("robustness: a fence opened turns what follows into code")
        << 5 << 2 << "`" << true;
    QTest::newRow("robustness: a new line") << 6 << 4 << "\n" << true;
}

void tst_MarkdownEditor::typingRepaintsOnlyItsLine()
{
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, keys);
    QFETCH(bool, wholeView);
    m_editor->setSpellCheckingEnabled(false);
    m_editor->setPlainText(QStringLiteral("# Title\n\n```cpp\nint main() {}\n```\n``\n"
                                          "Some *text* here.\nLast line."));
    QCoreApplication::processEvents();
    QAbstractTextDocumentLayout *layout = m_editor->document()->documentLayout();
    QSignalSpy wholeUpdates(layout, &QAbstractTextDocumentLayout::update);
    QSignalSpy blockUpdates(layout, &QAbstractTextDocumentLayout::updateBlock);
    QTextCursor cursor(m_editor->document()->findBlockByNumber(line));
    cursor.setPosition(cursor.position() + column);
    m_editor->setTextCursor(cursor);
    wholeUpdates.clear();
    blockUpdates.clear();
    for (const QChar key : std::as_const(keys)) {
        if (key == QLatin1Char('\n'))
            QTest::keyClick(m_editor.get(), Qt::Key_Return);
        else
            QTest::keyClick(m_editor.get(), key.toLatin1());
    }
    QCOMPARE(!wholeUpdates.isEmpty(), wholeView);
    if (!wholeView)
        QCOMPARE(blockUpdates.size(), int(keys.size()));

    // Whatever was repainted, the highlighting is the one of the new text.
    const QString text = m_editor->toPlainText();
    MarkdownEditor fresh;
    fresh.setSpellCheckingEnabled(false);
    fresh.setPlainText(text);
    QCoreApplication::processEvents();
    for (QTextBlock a = m_editor->document()->firstBlock(), b = fresh.document()->firstBlock();
         a.isValid() && b.isValid(); a = a.next(), b = b.next()) {
        QCOMPARE(MarkdownHighlighter::lineKind(a), MarkdownHighlighter::lineKind(b));
        QCOMPARE(a.layout()->formats(), b.layout()->formats());
    }
}

// Right-clicking a misspelled word offers suggestions first; choosing one replaces the word as
// one undoable edit.
void tst_MarkdownEditor::spellingSuggestionsInContextMenu()
{
    m_editor->setBlogLanguage(QStringLiteral("en_US"));
    m_editor->setPlainText(QStringLiteral("A wrng word"));
    QCOMPARE(m_editor->spellingDictionary(), QStringLiteral("en_US"));

    QStringList offered;
    QTimer poll;
    connect(&poll, &QTimer::timeout, this, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        poll.stop();
        for (QAction *action : menu->actions())
            offered.append(action->text());
        for (QAction *action : menu->actions()) {
            if (action->text() == QLatin1String("wrong")) {
                action->trigger();
                break;
            }
        }
        menu->close();
    });
    poll.start(20);
    QTextCursor onWord(m_editor->document());
    onWord.setPosition(3);
    const QPoint at = m_editor->cursorRect(onWord).center();
    QContextMenuEvent event(QContextMenuEvent::Mouse, at, m_editor->viewport()->mapToGlobal(at));
    QApplication::sendEvent(m_editor->viewport(), &event);

    QVERIFY2(offered.contains(QStringLiteral("wrong")), qPrintable(offered.join(QLatin1Char(','))));
    QVERIFY(offered.contains(QStringLiteral("Ignore \"wrng\"")));
    QVERIFY(offered.indexOf(QStringLiteral("wrong")) < 9); // before the standard entries
    QVERIFY(!offered.contains(QStringLiteral("Add \"wrng\" to Dictionary"))); // no file set
    QCOMPARE(m_editor->toPlainText(), QStringLiteral("A wrong word"));
    m_editor->undo();
    QCOMPARE(m_editor->toPlainText(), QStringLiteral("A wrng word"));

    // With a personal dictionary, "Add to Dictionary" keeps the word and the underline goes.
    QTemporaryDir dir;
    const QString words = dir.filePath(QStringLiteral("words.txt"));
    m_editor->setPersonalDictionary(words);
    poll.disconnect();
    connect(&poll, &QTimer::timeout, this, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        poll.stop();
        for (QAction *action : menu->actions()) {
            if (action->text() == QLatin1String("Add \"wrng\" to Dictionary"))
                action->trigger();
        }
        menu->close();
    });
    poll.start(20);
    QContextMenuEvent again(QContextMenuEvent::Mouse, at, m_editor->viewport()->mapToGlobal(at));
    QApplication::sendEvent(m_editor->viewport(), &again);
    QFile file(words);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("wrng\n"));
    const QTextBlock block = m_editor->document()->firstBlock();
    for (const QTextLayout::FormatRange &range : block.layout()->formats())
        QVERIFY(range.format.underlineStyle() != QTextCharFormat::SpellCheckUnderline);
}

void tst_MarkdownEditor::distractionFree()
{
    m_editor->resize(1400, 600);
    m_editor->setMaximumTextWidth(600);
    m_editor->setDistractionFree(true);
    QCOMPARE(m_editor->verticalScrollBarPolicy(), Qt::ScrollBarAlwaysOff);
    QTRY_VERIFY(std::abs(m_editor->viewport()->width() - 600) <= 2);
    QVERIFY(m_editor->viewport()->geometry().left() >= 390); // centred
    m_editor->setDistractionFree(false);
    QCOMPARE(m_editor->verticalScrollBarPolicy(), Qt::ScrollBarAsNeeded);
    QTRY_VERIFY(m_editor->viewport()->width() > 1300);
}

// Renders the sample post in a light and a dark palette, checks the page colour and the
// highlighting colours on screen, and saves the pictures for a person to look at.
void tst_MarkdownEditor::themesFollowPalette()
{
    m_editor->setPlainText(QString::fromUtf8(samplePost));
    m_editor->resize(760, 820);
    const QString outDir = QStringLiteral(POSTWRIGHT_BINARY_DIR "/tests/screenshots");
    QDir().mkpath(outDir);
    for (const bool dark : {false, true}) {
        QPalette palette = QApplication::palette();
        if (dark) {
            palette.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
            palette.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
            palette.setColor(QPalette::Text, QColor(0xdf, 0xe1, 0xe5));
            palette.setColor(QPalette::WindowText, QColor(0xdf, 0xe1, 0xe5));
            palette.setColor(QPalette::Link, QColor(0x2a, 0x82, 0xda));
        }
        m_editor->setPalette(palette);
        QCOMPARE(m_editor->highlighter()->theme().dark, dark);
        QTest::qWait(50);
        const QImage shot = m_editor->grab().toImage();
        QVERIFY(shot.save(
            outDir
            + (dark ? QStringLiteral("/editor-dark.png") : QStringLiteral("/editor-light.png"))));

        const QColor base = palette.color(QPalette::Base);
        const QColor page = shot.pixelColor(shot.width() - 30, shot.height() - 10);
        QVERIFY2(std::abs(page.lightness() - base.lightness()) < 8, qPrintable(page.name()));
        // The front-matter block's tint covers its whole first line.
        const QRect firstLine
            = m_editor->cursorRect(QTextCursor(m_editor->document()->firstBlock()));
        const QColor tint = shot.pixelColor(shot.width() - 40,
                                            firstLine.center().y() + m_editor->viewport()->y());
        QCOMPARE(tint.name(), m_editor->highlighter()->theme().frontMatterBackground.name());
    }
}

QTEST_MAIN(tst_MarkdownEditor)
#include "tst_markdowneditor.moc"
