#include "blockedit.h"

#include <QJsonArray>

namespace pw::preview {

QJsonObject BlockEdit::toJson() const
{
    QJsonArray lines;
    for (int line : firstLines)
        lines.append(line);
    return QJsonObject{{QStringLiteral("index"), index},
                       {QStringLiteral("removed"), removed},
                       {QStringLiteral("html"), QJsonArray::fromStringList(html)},
                       {QStringLiteral("firstLines"), lines},
                       {QStringLiteral("lineShift"), lineShift}};
}

BlockEdit PageBlocks::update(const QList<RenderedBlock> &blocks)
{
    const qsizetype oldCount = m_shown.size();
    const qsizetype newCount = blocks.size();
    // The common prefix: same content on the same lines.
    qsizetype prefix = 0;
    while (prefix < oldCount && prefix < newCount && m_shown[prefix].hash == blocks[prefix].hash
           && m_shown[prefix].firstLine == blocks[prefix].firstLine)
        ++prefix;
    // The common suffix: same content, all moved by the same number of lines.
    qsizetype suffix = 0;
    int lineShift = 0;
    while (suffix < oldCount - prefix && suffix < newCount - prefix) {
        const Shown &was = m_shown[oldCount - 1 - suffix];
        const RenderedBlock &is = blocks[newCount - 1 - suffix];
        const int shift = is.firstLine - was.firstLine;
        if (was.hash != is.hash || (suffix > 0 && shift != lineShift))
            break;
        lineShift = shift;
        ++suffix;
    }
    return edit(blocks, int(prefix), int(oldCount - prefix - suffix),
                int(newCount - prefix - suffix), lineShift);
}

BlockEdit PageBlocks::replaceAll(const QList<RenderedBlock> &blocks)
{
    return edit(blocks, 0, int(m_shown.size()), int(blocks.size()), 0);
}

void PageBlocks::clear()
{
    m_shown.clear();
}

BlockEdit PageBlocks::edit(const QList<RenderedBlock> &blocks, int index, int removed, int added,
                           int lineShift)
{
    BlockEdit edit;
    edit.index = index;
    edit.removed = removed;
    edit.lineShift = lineShift;
    edit.html.reserve(added);
    edit.firstLines.reserve(added);
    for (int i = index; i < index + added; ++i) {
        edit.html.append(blocks[i].html);
        edit.firstLines.append(blocks[i].firstLine);
    }
    m_shown.resize(blocks.size());
    for (qsizetype i = 0; i < blocks.size(); ++i)
        m_shown[i] = Shown{blocks[i].hash, blocks[i].firstLine};
    return edit;
}

} // namespace pw::preview
