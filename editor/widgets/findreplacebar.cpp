#include "findreplacebar.h"

#include "markdowneditor.h"

#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QToolButton>

#include <algorithm>

namespace pw {

namespace {

QToolButton *optionButton(const QString &text, const QString &toolTip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setCheckable(true);
    button->setAutoRaise(true);
    return button;
}

} // namespace

FindReplaceBar::FindReplaceBar(MarkdownEditor *editor, QWidget *parent)
    : QWidget(parent)
    , m_editor(editor)
    , m_find(new QLineEdit(this))
    , m_replace(new QLineEdit(this))
    , m_case(optionButton(QStringLiteral("Aa"), tr("Match case"), this))
    , m_word(optionButton(QStringLiteral("W"), tr("Whole words"), this))
    , m_regex(optionButton(QStringLiteral(".*"), tr("Regular expression (\\1 in the replacement)"),
                           this))
    , m_status(new QLabel(this))
{
    m_find->setObjectName(QStringLiteral("find"));
    m_replace->setObjectName(QStringLiteral("replace"));
    m_find->setPlaceholderText(tr("Find"));
    m_replace->setPlaceholderText(tr("Replace with"));
    m_find->setClearButtonEnabled(true);
    m_find->installEventFilter(this);

    auto *previous = new QToolButton(this);
    previous->setArrowType(Qt::UpArrow);
    previous->setToolTip(tr("Previous match (Shift+Enter)"));
    auto *next = new QToolButton(this);
    next->setArrowType(Qt::DownArrow);
    next->setToolTip(tr("Next match (Enter)"));
    auto *replaceOne = new QPushButton(tr("Replace"), this);
    auto *replaceEvery = new QPushButton(tr("Replace All"), this);
    auto *close = new QToolButton(this);
    close->setText(QStringLiteral("✕"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Close (Esc)"));

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(4);
    layout->addWidget(m_find, 0, 0);
    layout->addWidget(previous, 0, 1);
    layout->addWidget(next, 0, 2);
    layout->addWidget(m_case, 0, 3);
    layout->addWidget(m_word, 0, 4);
    layout->addWidget(m_regex, 0, 5);
    layout->addWidget(m_status, 0, 6);
    layout->addWidget(close, 0, 7);
    layout->addWidget(m_replace, 1, 0);
    layout->addWidget(replaceOne, 1, 1, 1, 3);
    layout->addWidget(replaceEvery, 1, 4, 1, 2);
    layout->setColumnStretch(0, 1);
    m_status->setMinimumWidth(m_status->fontMetrics().horizontalAdvance(tr("9999 of 9999")));

    m_researchTimer.setSingleShot(true);
    m_researchTimer.setInterval(200);
    connect(&m_researchTimer, &QTimer::timeout, this, &FindReplaceBar::research);
    connect(m_find, &QLineEdit::textChanged, this, [this] {
        research();
        // As you type, the first match from the cursor is selected.
        if (!m_matches.isEmpty()) {
            const int from = m_editor->textCursor().selectionStart();
            const auto it
                = std::lower_bound(m_matches.cbegin(), m_matches.cend(), from,
                                   [](const TextRange &r, int pos) { return r.start < pos; });
            select(it == m_matches.cend() ? 0 : int(it - m_matches.cbegin()));
        }
    });
    for (QToolButton *option : {m_case, m_word, m_regex})
        connect(option, &QToolButton::toggled, this, &FindReplaceBar::research);
    connect(m_find, &QLineEdit::returnPressed, this, &FindReplaceBar::findNext);
    connect(m_replace, &QLineEdit::returnPressed, this, &FindReplaceBar::replaceCurrent);
    connect(previous, &QToolButton::clicked, this, &FindReplaceBar::findPrevious);
    connect(next, &QToolButton::clicked, this, &FindReplaceBar::findNext);
    connect(replaceOne, &QPushButton::clicked, this, &FindReplaceBar::replaceCurrent);
    connect(replaceEvery, &QPushButton::clicked, this, &FindReplaceBar::replaceAll);
    connect(close, &QToolButton::clicked, this, &FindReplaceBar::closeBar);
    connect(m_editor->document(), &QTextDocument::contentsChanged, this, [this] {
        if (isVisible())
            m_researchTimer.start();
    });

    auto *findAction = new QAction(tr("Find"), editor);
    findAction->setShortcut(QKeySequence::Find);
    findAction->setShortcutContext(Qt::WidgetShortcut);
    connect(findAction, &QAction::triggered, this, &FindReplaceBar::showFind);
    editor->addAction(findAction);
    auto *replaceAction = new QAction(tr("Replace"), editor);
    replaceAction->setShortcut(QKeySequence::Replace);
    replaceAction->setShortcutContext(Qt::WidgetShortcut);
    connect(replaceAction, &QAction::triggered, this, &FindReplaceBar::showReplace);
    editor->addAction(replaceAction);
    hide();
}

SearchOptions FindReplaceBar::options() const
{
    return {m_case->isChecked(), m_word->isChecked(), m_regex->isChecked()};
}

void FindReplaceBar::setOptions(const SearchOptions &options)
{
    const QSignalBlocker blockCase(m_case);
    const QSignalBlocker blockWord(m_word);
    const QSignalBlocker blockRegex(m_regex);
    m_case->setChecked(options.caseSensitive);
    m_word->setChecked(options.wholeWord);
    m_regex->setChecked(options.regularExpression);
    research();
}

QString FindReplaceBar::findText() const
{
    return m_find->text();
}

void FindReplaceBar::setFindText(const QString &text)
{
    m_find->setText(text);
}

QString FindReplaceBar::replaceText() const
{
    return m_replace->text();
}

void FindReplaceBar::setReplaceText(const QString &text)
{
    m_replace->setText(text);
}

QString FindReplaceBar::statusText() const
{
    return m_status->text();
}

void FindReplaceBar::showFind()
{
    const QString selected = m_editor->textCursor().selectedText();
    if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator))
        m_find->setText(selected);
    show();
    m_find->setFocus(Qt::ShortcutFocusReason);
    m_find->selectAll();
    research();
}

void FindReplaceBar::showReplace()
{
    showFind();
    m_replace->setFocus(Qt::ShortcutFocusReason);
}

void FindReplaceBar::research()
{
    m_matches.clear();
    m_current = -1;
    m_error.clear();
    if (!m_find->text().isEmpty()) {
        const Result<QRegularExpression> pattern = searchPattern(m_find->text(), options());
        if (pattern)
            m_matches = findAll(m_editor->toPlainText(), pattern.value());
        else
            m_error = pattern.error().message;
    }
    m_current = matchAtSelection();
    m_editor->setSearchMatches(m_matches, m_current);
    if (!m_error.isEmpty())
        m_status->setText(m_error);
    else if (m_find->text().isEmpty())
        m_status->clear();
    else if (m_matches.isEmpty())
        m_status->setText(tr("No matches"));
    else if (m_current >= 0)
        m_status->setText(tr("%1 of %2").arg(m_current + 1).arg(m_matches.size()));
    else
        m_status->setText(tr("%n match(es)", nullptr, int(m_matches.size())));
    m_find->setStyleSheet(m_error.isEmpty() && (m_find->text().isEmpty() || !m_matches.isEmpty())
                              ? QString()
                              : QStringLiteral("color: #d32f2f"));
}

int FindReplaceBar::matchAtSelection() const
{
    const QTextCursor cursor = m_editor->textCursor();
    for (int i = 0; i < m_matches.size(); ++i) {
        if (m_matches.at(i).start == cursor.selectionStart()
            && m_matches.at(i).end == cursor.selectionEnd())
            return i;
    }
    return -1;
}

void FindReplaceBar::select(int index)
{
    if (index < 0 || index >= m_matches.size())
        return;
    QTextCursor cursor(m_editor->document());
    cursor.setPosition(m_matches.at(index).start);
    cursor.setPosition(m_matches.at(index).end, QTextCursor::KeepAnchor);
    m_editor->setTextCursor(cursor);
    m_editor->centerCursor();
    m_current = index;
    m_editor->setSearchMatches(m_matches, m_current);
    m_status->setText(tr("%1 of %2").arg(index + 1).arg(m_matches.size()));
}

void FindReplaceBar::findNext()
{
    if (m_researchTimer.isActive() || m_matches.isEmpty())
        research();
    if (m_matches.isEmpty())
        return;
    const int from = m_editor->textCursor().selectionEnd();
    const auto it = std::lower_bound(m_matches.cbegin(), m_matches.cend(), from,
                                     [](const TextRange &r, int pos) { return r.start < pos; });
    select(it == m_matches.cend() ? 0 : int(it - m_matches.cbegin())); // wraps around
}

void FindReplaceBar::findPrevious()
{
    if (m_researchTimer.isActive() || m_matches.isEmpty())
        research();
    if (m_matches.isEmpty())
        return;
    const int before = m_editor->textCursor().selectionStart();
    const auto it = std::lower_bound(m_matches.cbegin(), m_matches.cend(), before,
                                     [](const TextRange &r, int pos) { return r.start < pos; });
    select(it == m_matches.cbegin() ? int(m_matches.size()) - 1 : int(it - m_matches.cbegin()) - 1);
}

void FindReplaceBar::replaceCurrent()
{
    research();
    const int index = matchAtSelection();
    if (index < 0) {
        findNext();
        return;
    }
    const Result<QRegularExpression> pattern = searchPattern(m_find->text(), options());
    if (!pattern)
        return;
    const TextRange range = m_matches.at(index);
    const QRegularExpressionMatch match
        = pattern->match(m_editor->toPlainText(), range.start, QRegularExpression::NormalMatch,
                         QRegularExpression::AnchorAtOffsetMatchOption);
    const QString replacement = expandReplacement(m_replace->text(), match, options());
    QTextCursor cursor = m_editor->textCursor();
    cursor.insertText(replacement);
    m_editor->setTextCursor(cursor);
    research();
    findNext();
}

int FindReplaceBar::replaceAll()
{
    if (m_find->text().isEmpty())
        return 0;
    const Result<QRegularExpression> pattern = searchPattern(m_find->text(), options());
    if (!pattern)
        return 0;
    const QString text = m_editor->toPlainText();
    QList<QPair<TextRange, QString>> replacements;
    QRegularExpressionMatchIterator it = pattern->globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        if (match.capturedLength() > 0)
            replacements.append({{int(match.capturedStart()), int(match.capturedEnd())},
                                 expandReplacement(m_replace->text(), match, options())});
    }
    QTextCursor cursor(m_editor->document());
    cursor.beginEditBlock();
    // From the end, so the positions not yet replaced stay valid.
    for (auto r = replacements.crbegin(); r != replacements.crend(); ++r) {
        cursor.setPosition(r->first.start);
        cursor.setPosition(r->first.end, QTextCursor::KeepAnchor);
        cursor.insertText(r->second);
    }
    cursor.endEditBlock();
    research();
    m_status->setText(tr("Replaced %n match(es)", nullptr, int(replacements.size())));
    return int(replacements.size());
}

void FindReplaceBar::closeBar()
{
    hide();
    m_editor->setFocus(Qt::OtherFocusReason);
}

bool FindReplaceBar::eventFilter(QObject *watched, QEvent *event)
{
    // Shift+Enter in the find field goes backwards; QLineEdit alone would report returnPressed.
    if (watched == m_find && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && key->modifiers() & Qt::ShiftModifier) {
            findPrevious();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FindReplaceBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        closeBar();
        return;
    }
    QWidget::keyPressEvent(event);
}

void FindReplaceBar::hideEvent(QHideEvent *event)
{
    m_editor->setSearchMatches({});
    QWidget::hideEvent(event);
}

} // namespace pw
