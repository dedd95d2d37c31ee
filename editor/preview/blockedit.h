#pragma once

// What the preview page shows, block by block, and the one small edit that brings it to a new
// rendering: the blocks before and after the change stay (compared by hash and position), only
// those in between are sent. A keystroke usually changes one block. The render worker sends its
// renderings to the preview the same way. Qt Core only.

#include "markdown/markdownrenderer.h"

#include <QJsonObject>
#include <QList>

namespace pw::preview {

struct BlockEdit
{
    int index = 0;              // the first of the blocks that is replaced
    int removed = 0;            // how many blocks go
    QList<RenderedBlock> added; // the blocks put in their place
    int lineShift = 0;          // added to the lines of every block after them

    QJsonObject toJson() const; // as the page's script reads it: html and first lines
    void applyTo(QList<RenderedBlock> &blocks) const;
};

class PageBlocks
{
public:
    // The edit from what the page shows to `blocks`, which the page then shows.
    BlockEdit update(const QList<RenderedBlock> &blocks);
    // Every block sent again (resources resolve differently now): replaces all the page has.
    BlockEdit replaceAll(const QList<RenderedBlock> &blocks);
    void clear(); // the page is empty (it was loaded again)
    qsizetype size() const { return m_shown.size(); }

private:
    struct Shown
    {
        size_t hash = 0;
        int firstLine = 0;
    };
    BlockEdit edit(const QList<RenderedBlock> &blocks, int index, int removed, int added,
                   int lineShift);

    QList<Shown> m_shown;
};

} // namespace pw::preview
