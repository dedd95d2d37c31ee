#pragma once

#include "frontmatter/blocksyntax.h"

namespace pw::frontmatter {

// A JSON object at the top of the file (Hugo). QJsonDocument validates and gives the values; the
// members' spans are found by scanning, so an edit keeps the file's own layout.
class JsonSyntax final : public BlockSyntax
{
public:
    ParsedBlock parse(const QString &text, const BlockLayout &layout,
                      const LineIndex &lines) const override;
    QString render(const QJsonValue &value, const RenderHints &hints) const override;
    TextPatch append(const QString &text, const ParsedBlock &block, const QString &key,
                     const QJsonValue &value, const RenderHints &hints) const override;
    TextPatch remove(const QString &text, const ParsedBlock &block, int index) const override;
    QString newBlock(const QString &key, const QJsonValue &value,
                     const RenderHints &hints) const override;
};

// A JSON string literal with only what JSON requires escaped (non-ASCII stays raw).
QString jsonString(QStringView text);

} // namespace pw::frontmatter
