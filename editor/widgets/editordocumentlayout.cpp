#include "editordocumentlayout.h"

#include <QTextBlock>
#include <QTextDocument>

#include <utility>

namespace pw {

EditorDocumentLayout::EditorDocumentLayout(QTextDocument *document)
    : QPlainTextDocumentLayout(document)
    , m_blockCount(document->blockCount())
{
    // Emitted just before documentChanged(), with the edit's own range: the highlighter re-marks
    // blocks while this signal is being delivered.
    connect(document, &QTextDocument::contentsChange, this, [this](int from, int, int added) {
        m_edit = Edit{from, added};
    });
}

void EditorDocumentLayout::documentChanged(int from, int charsRemoved, int charsAdded)
{
    const std::optional<Edit> edit = std::exchange(m_edit, std::nullopt);
    const int blockCount = document()->blockCount();
    const bool sameBlockCount = std::exchange(m_blockCount, blockCount) == blockCount;
    if (edit && sameBlockCount) {
        const QTextBlock block = document()->findBlock(edit->from);
        const int end = block.position() + block.length();
        // The edit stayed inside one line, and highlighting changed nothing after it (a changed
        // block state re-highlights the next blocks, and the range then reaches them).
        if (block.isValid() && edit->from + edit->added < end && from >= block.position()
            && from + charsAdded <= end) {
            QPlainTextDocumentLayout::documentChanged(block.position(), 0, 1);
            return;
        }
    }
    QPlainTextDocumentLayout::documentChanged(from, charsRemoved, charsAdded);
}

} // namespace pw
