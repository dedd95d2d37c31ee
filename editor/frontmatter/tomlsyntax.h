#pragma once

#include "frontmatter/blocksyntax.h"

namespace pw::frontmatter {

// TOML between +++ lines (Hugo). toml++ validates and gives the values; the root table's
// `key = value` statements are located by scanning, so their text is patched in place. Keys
// under [table] headers are carried through untouched.
class TomlSyntax final : public BlockSyntax
{
public:
    ParsedBlock parse(const QString &text, const BlockLayout &layout,
                      const LineIndex &lines) const override;
    QString render(const QJsonValue &value, const RenderHints &hints) const override;
    Result<void> canWrite(const QJsonValue &value) const override;
    TextPatch append(const QString &text, const ParsedBlock &block, const QString &key,
                     const QJsonValue &value, const RenderHints &hints) const override;
    QString newBlock(const QString &key, const QJsonValue &value,
                     const RenderHints &hints) const override;
};

} // namespace pw::frontmatter
