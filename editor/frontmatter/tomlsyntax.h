#pragma once

#include "frontmatter/blocksyntax.h"

namespace pw::frontmatter {

// TOML between +++ lines (Hugo). toml++ validates and gives the values; every `key = value`
// statement and [table] header is located by scanning, so values are patched in place. The root
// table's keys are the block's entries; keys under [table] headers, dotted keys and inline-table
// members are reached by path (setNested / unsetNested).
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
    // Wherever the key is written; a new key goes into the innermost of its tables that is
    // written ([table], inline table or dotted keys), else into a new [table] at the block's end.
    Result<TextPatch> setNested(const QString &text, const BlockLayout &layout,
                                const QStringList &path, const QJsonValue &value,
                                const RenderHints &hints) const override;
    Result<TextPatch> unsetNested(const QString &text, const BlockLayout &layout,
                                  const QStringList &path) const override;
};

// A key path in TOML's key syntax: bare or quoted parts joined by dots (`params.author`,
// `"my key".x`, `"a.b"` is the one key a.b); empty when `path` is not one.
QStringList parseKeyPath(const QString &path);

// A whole TOML document's top-level table, its values read as front matter's are; empty when it
// does not parse.
QJsonObject tomlDocumentObject(const QByteArray &utf8);

} // namespace pw::frontmatter
