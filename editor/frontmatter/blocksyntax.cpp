#include "frontmatter/blocksyntax.h"

#include "frontmatter/jsonsyntax.h"
#include "frontmatter/tomlsyntax.h"
#include "frontmatter/yamlsyntax.h"

#include <QRegularExpression>

#include <cmath>

namespace pw::frontmatter {

int ParsedBlock::indexOf(const QString &key) const
{
    for (int i = 0; i < entries.size(); ++i) {
        if (entries.at(i).key == key)
            return i;
    }
    return -1;
}

Result<void> BlockSyntax::canWrite(const QJsonValue &) const
{
    return {};
}

TextPatch BlockSyntax::remove(const QString &, const ParsedBlock &block, int index) const
{
    const Entry &entry = block.entries.at(index);
    return {entry.start, entry.end - entry.start, {}};
}

const BlockSyntax &syntaxFor(FrontMatterFormat format)
{
    static const YamlSyntax yaml;
    static const TomlSyntax toml;
    static const JsonSyntax json;
    switch (format) {
    case FrontMatterFormat::Toml: return toml;
    case FrontMatterFormat::Json: return json;
    case FrontMatterFormat::Yaml:
    case FrontMatterFormat::None: break;
    }
    return yaml;
}

QString numberText(double value)
{
    if (std::isfinite(value) && std::trunc(value) == value && std::fabs(value) < 1e15)
        return QString::number(qint64(value));
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

bool isScalar(const QJsonValue &value)
{
    return !value.isArray() && !value.isObject() && !value.isUndefined();
}

bool isIsoDate(QStringView text)
{
    static const QRegularExpression re(QStringLiteral(
        "^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[Tt ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?"
        "(?: ?(?:[Zz]|[-+][0-9]{2}(?::?[0-9]{2})?))?)?$"));
    return re.match(text).hasMatch();
}

} // namespace pw::frontmatter
