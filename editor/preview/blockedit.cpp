#include "blockedit.h"

#include <QJsonArray>

namespace pw::preview {

QJsonObject BlockEdit::toJson() const
{
    QJsonArray blocks;
    QJsonArray lines;
    for (const RenderedBlock &block : added) {
        blocks.append(block.html);
        lines.append(block.firstLine);
    }
    return QJsonObject{{QStringLiteral("index"), index},
                       {QStringLiteral("removed"), removed},
                       {QStringLiteral("html"), blocks},
                       {QStringLiteral("firstLines"), lines},
                       {QStringLiteral("lineShift"), lineShift}};
}

void BlockEdit::applyTo(QList<RenderedBlock> &blocks) const
{
    QList<RenderedBlock> result;
    result.reserve(blocks.size() - removed + added.size());
    result.append(blocks.constBegin(), blocks.constBegin() + index);
    result.append(added);
    for (qsizetype i = index + removed; i < blocks.size(); ++i) {
        RenderedBlock block = blocks[i];
        block.firstLine += lineShift;
        block.lastLine += lineShift;
        result.append(block);
    }
    blocks = std::move(result);
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
    edit.added = blocks.mid(index, added);
    m_shown.resize(blocks.size());
    for (qsizetype i = 0; i < blocks.size(); ++i)
        m_shown[i] = Shown{blocks[i].hash, blocks[i].firstLine};
    return edit;
}

} // namespace pw::preview
