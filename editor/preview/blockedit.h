#pragma once

// What the preview page shows, block by block, and the one small edit that brings it to a new
// rendering: the blocks before and after the change stay (compared by hash and position), only
// those in between are sent. A keystroke usually changes one block.

#include "markdown/markdownrenderer.h"

#include <QJsonObject>
#include <QList>

namespace pw::preview {

struct BlockEdit
{
    int index = 0;         // the first of the page's blocks that is replaced
    int removed = 0;       // how many of the page's blocks go
    QStringList html;      // the blocks put in their place
    QList<int> firstLines; // ... and their first lines in the file
    int lineShift = 0;     // added to the first line of every block after them

    QJsonObject toJson() const; // as the page's script reads it
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
