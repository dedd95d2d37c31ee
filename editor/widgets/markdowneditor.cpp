#include "markdowneditor.h"

#include "editordocumentlayout.h"

#include "writing/htmltomarkdown.h"
#include "writing/markdownedits.h"
#include "writing/markdownhighlighter.h"
#include "writing/spellchecker.h"
#include "writing/spellscope.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QImage>
#include <QLocale>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>
#include <QUrl>

#include <algorithm>

namespace pw {

namespace {

bool isCodeOrMetadata(LineKind kind)
{
    switch (kind) {
    case LineKind::FrontMatter:
    case LineKind::FrontMatterDelimiter:
    case LineKind::FenceOpen:
    case LineKind::FenceClose:
    case LineKind::Code:
    case LineKind::Html:
        return true;
    default:
        return false;
    }
}

QStringList localImageFiles(const QMimeData *source)
{
    QStringList files;
    if (!source->hasUrls())
        return files;
    for (const QUrl &url : source->urls()) {
        if (url.isLocalFile() && isImageFileName(url.toLocalFile()))
            files.append(url.toLocalFile());
    }
    return files;
}

} // namespace

namespace {

QTextDocument *editorDocument(QObject *parent)
{
    auto *document = new QTextDocument(parent);
    document->setDocumentLayout(new EditorDocumentLayout(document));
    return document;
}

} // namespace

MarkdownEditor::MarkdownEditor(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setDocument(editorDocument(this)); // before anything connects to the document
    m_highlighter = new MarkdownHighlighter(document());
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 4);
    setMaximumTextWidth(fontMetrics().averageCharWidth() * 80);
    createActions();
    applyTheme();

    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(300);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        updateSpellChecker();
        Q_EMIT statisticsChanged(m_highlighter->statistics());
    });
    connect(document(), &QTextDocument::contentsChanged, &m_idleTimer, qOverload<>(&QTimer::start));
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this,
            &MarkdownEditor::emitTopLineIfChanged);
    connect(this, &QPlainTextEdit::updateRequest, this, [this] {
        emitTopLineIfChanged();
        updateSearchSelections();
        m_spellWindowTimer.start();
    });
    // Spell checking follows the view, not the whole text (a 1 MB post loads as fast as
    // without it); until the view has been laid out, the first screens are checked as they load.
    m_highlighter->setSpellCheckWindow(0, 200);
    m_spellWindowTimer.setSingleShot(true);
    m_spellWindowTimer.setInterval(0);
    connect(&m_spellWindowTimer, &QTimer::timeout, this, &MarkdownEditor::updateSpellCheckWindow);
    updateSpellChecker();
}

MarkdownEditor::~MarkdownEditor() = default;

void MarkdownEditor::createActions()
{
    const auto add = [this](const QString &text, const QKeySequence &shortcut, auto slot) {
        auto *action = new QAction(text, this);
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WidgetShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        m_formattingActions.append(action);
        return action;
    };
    add(tr("Bold"), QKeySequence::Bold, &MarkdownEditor::toggleBold);
    add(tr("Italic"), QKeySequence::Italic, &MarkdownEditor::toggleItalic);
    add(tr("Inline Code"), QKeySequence(Qt::CTRL | Qt::Key_E), &MarkdownEditor::toggleInlineCode);
    add(tr("Strikethrough"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X),
        &MarkdownEditor::toggleStrikethrough);
    add(tr("Link"), QKeySequence(Qt::CTRL | Qt::Key_K), &MarkdownEditor::insertLink);
    for (int level = 0; level <= 6; ++level) {
        const QString text = level == 0 ? tr("Paragraph") : tr("Heading %1").arg(level);
        add(text, QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + level)),
            [this, level] { setHeadingLevel(level); });
    }
    add(tr("Bulleted List"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_8),
        &MarkdownEditor::toggleBulletList);
    add(tr("Numbered List"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_7),
        &MarkdownEditor::toggleNumberedList);
}

// --- public API -----------------------------------------------------------------------------

void MarkdownEditor::setPostContext(const QString &postFile, const QString &imageDir,
                                    bool pageBundle, const QString &imageUrlPrefix)
{
    m_imagePlacement = ImagePlacement::forPost(postFile, imageDir, pageBundle, imageUrlPrefix);
}

void MarkdownEditor::setSpellCheckingEnabled(bool enabled)
{
    if (enabled == m_spellCheckingEnabled)
        return;
    m_spellCheckingEnabled = enabled;
    updateSpellChecker();
}

void MarkdownEditor::setBlogLanguage(const QString &language)
{
    m_blogLanguage = language;
    updateSpellChecker();
}

void MarkdownEditor::setPersonalDictionary(const QString &path)
{
    m_personalDictionary = path;
    if (m_spellChecker && !path.isEmpty()) {
        const Result<void> used = m_spellChecker->usePersonalDictionary(path);
        if (!used)
            Q_EMIT problem(used.error());
        m_highlighter->rehighlight();
    }
}

QString MarkdownEditor::spellingDictionary() const
{
    return m_spellChecker ? m_spellChecker->dictionaryName() : QString();
}

SpellingStatus MarkdownEditor::spellingStatus() const
{
    return {m_spellingLanguage, spellingDictionary()};
}

void MarkdownEditor::replaceRange(int from, int to, const QString &text)
{
    const int end = document()->characterCount() - 1;
    QTextCursor cursor(document());
    cursor.setPosition(qBound(0, from, end));
    cursor.setPosition(qBound(0, to, end), QTextCursor::KeepAnchor);
    cursor.insertText(text); // one undo step; other cursors, ours included, shift with the text
}

int MarkdownEditor::topLine() const
{
    return firstVisibleBlock().blockNumber() + 1;
}

void MarkdownEditor::scrollToLine(int line)
{
    const QTextBlock block = document()->findBlockByNumber(qMax(0, line - 1));
    if (block.isValid())
        verticalScrollBar()->setValue(block.firstLineNumber());
}

void MarkdownEditor::jumpToLine(int line)
{
    const QTextBlock block = document()->findBlockByNumber(qMax(0, line - 1));
    if (!block.isValid())
        return;
    setTextCursor(QTextCursor(block));
    scrollToLine(line);
    setFocus(Qt::OtherFocusReason);
}

void MarkdownEditor::setDistractionFree(bool enabled)
{
    m_distractionFree = enabled;
    setVerticalScrollBarPolicy(enabled ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded);
    setHorizontalScrollBarPolicy(enabled ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded);
    setFrameShape(enabled ? QFrame::NoFrame : QFrame::StyledPanel);
    // The margins beside the column look like the page, not like the window around it.
    setBackgroundRole(enabled ? QPalette::Base : QPalette::Window);
    setAutoFillBackground(enabled);
    updateTextColumn();
}

void MarkdownEditor::setMaximumTextWidth(int pixels)
{
    m_maximumTextWidth = pixels;
    updateTextColumn();
}

void MarkdownEditor::setSearchMatches(const QList<TextRange> &matches, int current)
{
    m_searchMatches = matches;
    m_currentSearchMatch = current;
    m_searchSelectionWindow = {-1, -1};
    updateSearchSelections();
}

// --- formatting commands --------------------------------------------------------------------

MarkdownEditor::Lines MarkdownEditor::selectedLines() const
{
    const QTextCursor cursor = textCursor();
    const QTextBlock first = document()->findBlock(cursor.selectionStart());
    const QTextBlock last = document()->findBlock(cursor.selectionEnd());
    Lines lines;
    lines.base = first.position();
    for (QTextBlock block = first; block.isValid(); block = block.next()) {
        if (block != first)
            lines.text += QLatin1Char('\n');
        lines.text += block.text();
        if (block == last)
            break;
    }
    lines.selectionStart = cursor.selectionStart() - lines.base;
    lines.selectionEnd = cursor.selectionEnd() - lines.base;
    return lines;
}

QString MarkdownEditor::linesAbove(const QTextBlock &block, int count) const
{
    QStringList lines;
    for (QTextBlock above = block.previous(); above.isValid() && lines.size() < count;
         above = above.previous())
        lines.prepend(above.text());
    return lines.join(QLatin1Char('\n'));
}

void MarkdownEditor::applyEdit(int base, const QString &original, const TextEdit &edit, bool select)
{
    // Only the characters that change are replaced, so the cursor and marks elsewhere stay put.
    int from = edit.from;
    int to = edit.to;
    QStringView replacement(edit.text);
    while (from < to && !replacement.isEmpty() && original[from] == replacement.front()) {
        ++from;
        replacement = replacement.mid(1);
    }
    while (to > from && !replacement.isEmpty() && original[to - 1] == replacement.back()) {
        --to;
        replacement.chop(1);
    }
    QTextCursor cursor(document());
    cursor.setPosition(base + from);
    cursor.setPosition(base + to, QTextCursor::KeepAnchor);
    cursor.insertText(replacement.toString());
    if (select) {
        QTextCursor selection(document());
        selection.setPosition(base + edit.selectionStart);
        selection.setPosition(base + edit.selectionEnd, QTextCursor::KeepAnchor);
        setTextCursor(selection);
    }
}

void MarkdownEditor::wrapSelection(QStringView marker)
{
    const Lines lines = selectedLines();
    applyEdit(lines.base, lines.text,
              toggleWrap(lines.text, lines.selectionStart, lines.selectionEnd, marker), true);
}

void MarkdownEditor::toggleBold()
{
    wrapSelection(u"**");
}

void MarkdownEditor::toggleItalic()
{
    wrapSelection(u"*");
}

void MarkdownEditor::toggleInlineCode()
{
    wrapSelection(u"`");
}

void MarkdownEditor::toggleStrikethrough()
{
    wrapSelection(u"~~");
}

void MarkdownEditor::insertLink()
{
    const Lines lines = selectedLines();
    applyEdit(lines.base, lines.text,
              pw::insertLink(lines.text, lines.selectionStart, lines.selectionEnd), true);
}

void MarkdownEditor::setHeadingLevel(int level)
{
    const QTextBlock block = textCursor().block();
    applyEdit(block.position(), block.text(), pw::setHeadingLevel(block.text(), level), false);
}

void MarkdownEditor::toggleBulletList()
{
    const Lines lines = selectedLines();
    applyEdit(lines.base, lines.text, toggleList(lines.text, false), textCursor().hasSelection());
}

void MarkdownEditor::toggleNumberedList()
{
    const Lines lines = selectedLines();
    applyEdit(lines.base, lines.text, toggleList(lines.text, true), textCursor().hasSelection());
}

bool MarkdownEditor::handleListIndent(bool outdent)
{
    const Lines lines = selectedLines();
    const QString above = linesAbove(document()->findBlock(lines.base), 40);
    const TextEdit edit = outdent ? pw::outdentListItems(lines.text, above)
                                  : pw::indentListItems(lines.text, above);
    if (edit.isNoOp() && !linePrefix(lines.text).isListItem())
        return false;
    applyEdit(lines.base, lines.text, edit, textCursor().hasSelection());
    return true;
}

void MarkdownEditor::indentListItems()
{
    handleListIndent(false);
}

void MarkdownEditor::outdentListItems()
{
    handleListIndent(true);
}

bool MarkdownEditor::handleEnter()
{
    QTextCursor cursor = textCursor();
    if (cursor.hasSelection() || isCodeOrMetadata(MarkdownHighlighter::lineKind(cursor.block())))
        return false;
    const QTextBlock block = cursor.block();
    const TextEdit edit = enterEdit(block.text(), cursor.positionInBlock());
    applyEdit(block.position(), block.text(), edit, false);
    cursor.setPosition(block.position() + edit.selectionStart);
    setTextCursor(cursor);
    ensureCursorVisible();
    return true;
}

// --- events ---------------------------------------------------------------------------------

bool MarkdownEditor::event(QEvent *event)
{
    // QPlainTextEdit claims some keys our actions use (Ctrl+K deletes to the end of the line on
    // X11): leave those to the shortcut system.
    if (event->type() == QEvent::ShortcutOverride) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const QKeySequence pressed(key->modifiers() | key->key());
        for (const QAction *action : std::as_const(m_formattingActions)) {
            if (action->shortcut().matches(pressed) == QKeySequence::ExactMatch) {
                event->ignore();
                return false;
            }
        }
    }
    return QPlainTextEdit::event(event);
}

void MarkdownEditor::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    if (enter && modifiers == Qt::NoModifier && handleEnter())
        return;
    if (enter && modifiers == Qt::ShiftModifier) {
        // A plain newline, never the Unicode line separator QPlainTextEdit would insert.
        textCursor().insertText(QStringLiteral("\n"));
        return;
    }
    if (event->key() == Qt::Key_Tab && modifiers == Qt::NoModifier && handleListIndent(false))
        return;
    if (event->key() == Qt::Key_Backtab && handleListIndent(true))
        return;
    QPlainTextEdit::keyPressEvent(event);
}

void MarkdownEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
    if (event->type() == QEvent::FontChange) {
        setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 4);
        updateTextColumn();
    }
}

void MarkdownEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    updateTextColumn();
}

void MarkdownEditor::paintEvent(QPaintEvent *event)
{
    // Code and front matter get a background across the whole line, not only behind the glyphs.
    {
        QPainter painter(viewport());
        const HighlightTheme &theme = m_highlighter->theme();
        const QPointF offset = contentOffset();
        for (QTextBlock block = firstVisibleBlock(); block.isValid(); block = block.next()) {
            const QRectF rect = blockBoundingGeometry(block).translated(offset);
            if (rect.top() > event->rect().bottom())
                break;
            const LineKind kind = MarkdownHighlighter::lineKind(block);
            const bool frontMatter
                = kind == LineKind::FrontMatter || kind == LineKind::FrontMatterDelimiter;
            const bool code = kind == LineKind::Code || kind == LineKind::FenceOpen
                              || kind == LineKind::FenceClose;
            if (frontMatter || code)
                painter.fillRect(QRectF(0, rect.top(), viewport()->width(), rect.height()),
                                 frontMatter ? theme.frontMatterBackground : theme.codeBackground);
        }
    }
    QPlainTextEdit::paintEvent(event);
}

void MarkdownEditor::contextMenuEvent(QContextMenuEvent *event)
{
    std::unique_ptr<QMenu> menu(createStandardContextMenu(event->pos()));
    const QTextCursor at = cursorForPosition(event->pos());
    const QTextBlock block = at.block();
    if (m_spellChecker && isProse(MarkdownHighlighter::lineKind(block))) {
        const QString text = block.text();
        for (const TextRange &word : m_spellChecker->misspelledWords(text)) {
            if (at.positionInBlock() < word.start || at.positionInBlock() > word.end)
                continue;
            const QString misspelled = text.mid(word.start, word.length());
            const int from = block.position() + word.start;
            QAction *first = menu->actions().value(0);
            const QStringList suggestions = m_spellChecker->suggestions(misspelled).mid(0, 8);
            for (const QString &suggestion : suggestions) {
                auto *action = new QAction(suggestion, menu.get());
                connect(action, &QAction::triggered, this, [this, from, misspelled, suggestion] {
                    replaceRange(from, from + int(misspelled.size()), suggestion);
                });
                menu->insertAction(first, action);
            }
            if (suggestions.isEmpty()) {
                auto *none = new QAction(tr("No suggestions"), menu.get());
                none->setEnabled(false);
                menu->insertAction(first, none);
            }
            auto *ignore = new QAction(tr("Ignore \"%1\"").arg(misspelled), menu.get());
            connect(ignore, &QAction::triggered, this, [this, misspelled] {
                m_spellChecker->ignoreWord(misspelled);
                rehighlightBlocksContaining(misspelled);
            });
            if (m_spellChecker->hasPersonalDictionary()) {
                auto *add = new QAction(tr("Add \"%1\" to Dictionary").arg(misspelled), menu.get());
                connect(add, &QAction::triggered, this, [this, misspelled] {
                    const Result<void> added = m_spellChecker->addToPersonalDictionary(misspelled);
                    if (!added)
                        Q_EMIT problem(added.error());
                    rehighlightBlocksContaining(misspelled);
                });
                menu->insertAction(first, add);
            }
            menu->insertAction(first, ignore);
            menu->insertSeparator(first);
            break;
        }
    }
    menu->exec(event->globalPos());
}

bool MarkdownEditor::canInsertFromMimeData(const QMimeData *source) const
{
    return source->hasImage() || !localImageFiles(source).isEmpty()
           || QPlainTextEdit::canInsertFromMimeData(source);
}

Result<QString> MarkdownEditor::importMimeImages(const QMimeData *source) const
{
    if (!m_imagePlacement)
        return failure(QStringLiteral("The image was not added: this post has no file yet"),
                       QStringLiteral("save the post first, then drop the image again"));
    const QStringList files = localImageFiles(source);
    if (files.isEmpty())
        return importImage(qvariant_cast<QImage>(source->imageData()), *m_imagePlacement);
    QStringList links;
    for (const QString &file : files) {
        Result<QString> link = importImageFile(file, *m_imagePlacement);
        if (!link)
            return link;
        links.append(link.value());
    }
    return links.join(QLatin1Char('\n'));
}

void MarkdownEditor::insertFromMimeData(const QMimeData *source)
{
    if (source->hasImage() || !localImageFiles(source).isEmpty()) {
        const Result<QString> link = importMimeImages(source);
        if (link)
            textCursor().insertText(link.value());
        else
            Q_EMIT problem(link.error());
        return;
    }
    if (source->hasHtml()
        && !isCodeOrMetadata(MarkdownHighlighter::lineKind(textCursor().block()))) {
        const QString markdown = htmlToMarkdown(source->html());
        if (!markdown.trimmed().isEmpty()) {
            textCursor().insertText(markdown);
            return;
        }
    }
    if (source->hasText()) {
        textCursor().insertText(source->text()); // plain text only, never rich text
        return;
    }
    QPlainTextEdit::insertFromMimeData(source);
}

// --- appearance and helpers -----------------------------------------------------------------

void MarkdownEditor::applyTheme()
{
    m_highlighter->setTheme(HighlightTheme::fromPalette(palette()));
    m_searchSelectionWindow = {-1, -1};
    updateSearchSelections();
    viewport()->update();
}

void MarkdownEditor::updateTextColumn()
{
    int side = 0;
    if (m_distractionFree && m_maximumTextWidth > 0)
        side = qMax(0, (width() - m_maximumTextWidth) / 2);
    if (viewportMargins().left() != side)
        setViewportMargins(side, 0, side, 0);
}

void MarkdownEditor::updateSearchSelections()
{
    // Without matches there is nothing to redo while typing, only when the matches go away.
    if (m_searchMatches.isEmpty() && extraSelections().isEmpty())
        return;
    // Only the matches in view become extra selections: painting walks all of them per block.
    const QTextBlock first = firstVisibleBlock();
    QTextBlock last = first;
    const qreal bottom = viewport()->height();
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        last = b;
        if (blockBoundingGeometry(b).translated(contentOffset()).bottom() > bottom)
            break;
    }
    const QPair<int, int> window{first.position(), last.position() + last.length()};
    if (window == m_searchSelectionWindow)
        return;
    m_searchSelectionWindow = window;

    QList<QTextEdit::ExtraSelection> selections;
    const QColor highlight = palette().color(QPalette::Highlight);
    QColor other = highlight;
    other.setAlpha(90);
    const auto begin
        = std::lower_bound(m_searchMatches.cbegin(), m_searchMatches.cend(), window.first,
                           [](const TextRange &r, int pos) { return r.end < pos; });
    for (auto it = begin; it != m_searchMatches.cend() && it->start <= window.second; ++it) {
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(document());
        selection.cursor.setPosition(it->start);
        selection.cursor.setPosition(it->end, QTextCursor::KeepAnchor);
        const bool current = (it - m_searchMatches.cbegin()) == m_currentSearchMatch;
        selection.format.setBackground(current ? highlight : other);
        if (current)
            selection.format.setForeground(palette().color(QPalette::HighlightedText));
        selections.append(selection);
    }
    setExtraSelections(selections);
}

void MarkdownEditor::updateSpellChecker()
{
    SpellingLanguage wanted;
    if (m_spellCheckingEnabled) {
        const FrontMatterExtent frontMatter = m_highlighter->frontMatter();
        QString block;
        for (QTextBlock b = document()->firstBlock();
             b.isValid() && frontMatter.contains(b.blockNumber()); b = b.next())
            block += b.text() + QLatin1Char('\n');
        wanted = chooseSpellingLanguage(frontMatterLanguage(block), m_blogLanguage,
                                        QLocale::system().name());
    }
    if (wanted == m_spellingLanguage)
        return;
    const bool sameLanguage = wanted.language == m_spellingLanguage.language;
    m_spellingLanguage = wanted;
    if (!sameLanguage)
        openSpellChecker(wanted.language);
    Q_EMIT spellingChanged();
}

void MarkdownEditor::openSpellChecker(const QString &language)
{
    if (language.isEmpty()) {
        m_highlighter->setSpellChecker(nullptr);
        m_spellChecker.reset();
        return;
    }
    Result<std::unique_ptr<SpellChecker>> checker = SpellChecker::open(language);
    if (!checker) {
        // No dictionary for it: nothing is checked, rather than everything in another language.
        m_highlighter->setSpellChecker(nullptr);
        m_spellChecker.reset();
        Q_EMIT problem(checker.error());
        return;
    }
    // The old checker stays alive until the highlighter has moved to the new one.
    std::unique_ptr<SpellChecker> opened = std::move(checker).value();
    if (!m_personalDictionary.isEmpty()) {
        const Result<void> used = opened->usePersonalDictionary(m_personalDictionary);
        if (!used)
            Q_EMIT problem(used.error());
    }
    m_highlighter->setSpellChecker(opened.get());
    m_spellChecker = std::move(opened);
}

void MarkdownEditor::rehighlightBlocksContaining(const QString &word)
{
    for (QTextBlock block = document()->firstBlock(); block.isValid(); block = block.next()) {
        if (block.text().contains(word))
            m_highlighter->rehighlightBlock(block);
    }
}

void MarkdownEditor::updateSpellCheckWindow()
{
    // What is in view, and a page above and below it, so scrolling a little shows checked text.
    const QTextBlock first = firstVisibleBlock();
    if (!first.isValid())
        return;
    const QPointF offset = contentOffset();
    const qreal bottom = viewport()->height();
    int last = first.blockNumber();
    for (QTextBlock block = first; block.isValid(); block = block.next()) {
        last = block.blockNumber();
        if (blockBoundingGeometry(block).translated(offset).bottom() > bottom)
            break;
    }
    const int page = last - first.blockNumber() + 1;
    m_highlighter->setSpellCheckWindow(first.blockNumber() - page, last + page);
}

void MarkdownEditor::emitTopLineIfChanged()
{
    const int line = topLine();
    if (line == m_lastTopLine)
        return;
    m_lastTopLine = line;
    Q_EMIT topLineChanged(line);
}

} // namespace pw
