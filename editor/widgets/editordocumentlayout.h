#pragma once

// QPlainTextDocumentLayout, but a keystroke in a highlighted line repaints that line, not the
// whole view. QSyntaxHighlighter re-marks the edited block while the document reports the edit;
// the two ranges merge into one the base class reads as reaching past the block (it adds the
// removed and added lengths), so it relayouts the block and then repaints everything: about
// 1 ms per keystroke on a full 1000x800 view, for any line with highlighting.

#include <QPlainTextDocumentLayout>

#include <optional>

namespace pw {

class EditorDocumentLayout : public QPlainTextDocumentLayout
{
    Q_OBJECT
public:
    explicit EditorDocumentLayout(QTextDocument *document);

protected:
    void documentChanged(int from, int charsRemoved, int charsAdded) override;

private:
    struct Edit
    {
        int from = 0;
        int added = 0;
    };
    std::optional<Edit> m_edit; // the edit as the document reported it, before highlighting
    int m_blockCount = 0;
};

} // namespace pw
