#pragma once

#include "frontmatter/blocksyntax.h"

namespace pw::frontmatter {

// YAML between --- lines. yaml-cpp parses and gives each key's start; the spans of values, list
// items and comments are found by scanning the text from there.
class YamlSyntax final : public BlockSyntax
{
public:
    ParsedBlock parse(const QString &text, const BlockLayout &layout,
                      const LineIndex &lines) const override;
    QString render(const QJsonValue &value, const RenderHints &hints) const override;
    TextPatch append(const QString &text, const ParsedBlock &block, const QString &key,
                     const QJsonValue &value, const RenderHints &hints) const override;
    QString newBlock(const QString &key, const QJsonValue &value,
                     const RenderHints &hints) const override;

private:
    QString entryLine(const QString &indent, const QString &key, const QJsonValue &value,
                      const RenderHints &hints, const QString &newline) const;
};

// A whole YAML document's top-level map, its values read as front matter's are; empty when it does
// not parse or is not a map.
QJsonObject yamlDocumentObject(const QByteArray &utf8);

} // namespace pw::frontmatter
