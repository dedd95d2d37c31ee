#include "outlineview.h"

#include "markdowneditor.h"
#include "writing/outlinemodel.h"

#include <QStyledItemDelegate>
#include <QTextBlock>

namespace pw {

namespace {

// Indents each heading by its level; top-level headings are bold.
class HeadingDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const int level = index.data(OutlineModel::LevelRole).toInt();
        option->rect.adjust((level - 1) * option->fontMetrics.averageCharWidth() * 2, 0, 0, 0);
        if (level == 1)
            option->font.setBold(true);
    }
};

} // namespace

OutlineView::OutlineView(QWidget *parent)
    : QListView(parent)
    , m_model(new OutlineModel(this))
{
    setModel(m_model);
    setItemDelegate(new HeadingDelegate(this));
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setUniformItemSizes(true);
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(300);
    connect(&m_refreshTimer, &QTimer::timeout, this, &OutlineView::refresh);
    connect(this, &QListView::clicked, this, [this](const QModelIndex &index) {
        const int line = index.data(OutlineModel::LineRole).toInt();
        if (m_editor)
            m_editor->jumpToLine(line);
        Q_EMIT headingActivated(line);
    });
    connect(this, &QListView::activated, this, &QListView::clicked);
}

void OutlineView::setEditor(MarkdownEditor *editor)
{
    if (m_editor)
        disconnect(m_editor, nullptr, this, nullptr);
    m_editor = editor;
    if (editor) {
        connect(editor, &QPlainTextEdit::textChanged, &m_refreshTimer, qOverload<>(&QTimer::start));
        connect(editor, &QPlainTextEdit::cursorPositionChanged, this,
                &OutlineView::markCurrentHeading);
    }
    refresh();
}

void OutlineView::refresh()
{
    m_refreshTimer.stop();
    m_model->setPost(m_editor ? m_editor->toPlainText() : QString());
    markCurrentHeading();
}

void OutlineView::markCurrentHeading()
{
    if (!m_editor)
        return;
    const int row = m_model->rowForLine(m_editor->textCursor().blockNumber() + 1);
    const QModelIndex index = m_model->index(row, 0);
    if (index != currentIndex())
        selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
}

} // namespace pw
