#include "frontmatter/blocksyntax.h"

#include "frontmatter/jsonsyntax.h"
#include "frontmatter/tomlsyntax.h"
#include "frontmatter/yamlsyntax.h"

#include <QJsonArray>

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

QList<QJsonObject> ParsedBlock::mergedMaps() const
{
    const int index = indexOf(QStringLiteral("<<"));
    if (index < 0)
        return {};
    const QJsonValue &merge = entries.at(index).value;
    if (merge.isObject())
        return {merge.toObject()};
    QList<QJsonObject> maps;
    for (const QJsonValue &item : merge.toArray()) {
        if (item.isObject())
            maps.append(item.toObject());
    }
    return maps;
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

namespace {

Unexpected<Error> nestedRefusal(const QStringList &path)
{
    return failure(
        QStringLiteral("`%1` is inside `%2`: keys below the top level can be edited in TOML "
                       "front matter only")
            .arg(path.join(QLatin1Char('.')), path.first()),
        QStringLiteral("edit it in the text instead"));
}

} // namespace

Result<TextPatch> BlockSyntax::setNested(const QString &, const BlockLayout &,
                                         const QStringList &path, const QJsonValue &,
                                         const RenderHints &) const
{
    return nestedRefusal(path);
}

Result<TextPatch> BlockSyntax::unsetNested(const QString &, const BlockLayout &,
                                           const QStringList &path) const
{
    return nestedRefusal(path);
}

const BlockSyntax &syntaxFor(FrontMatterFormat format)
{
    static const YamlSyntax yaml;
    static const TomlSyntax toml;
    static const JsonSyntax json;
    switch (format) {
    case FrontMatterFormat::Toml:
        return toml;
    case FrontMatterFormat::Json:
        return json;
    case FrontMatterFormat::Yaml:
    case FrontMatterFormat::None:
        break;
    }
    return yaml;
}

void setFlowList(const QString &text, Entry &entry, const FlowScan &scan, qsizetype parsedCount,
                 const std::function<ListItem(int, Span)> &itemAt)
{
    if (!scan.closed || scan.items.size() != parsedCount) {
        entry.shape = ValueShape::Other;
        return;
    }
    entry.shape = ValueShape::FlowList;
    for (int i = 0; i < scan.items.size(); ++i) {
        ListItem item = itemAt(i, scan.items.at(i));
        item.start = scan.items.at(i).start;
        item.end = scan.items.at(i).end;
        entry.items.append(std::move(item));
    }
    // New neighbours are separated like the first two items, unless a comment sits between them.
    entry.itemSeparator = QStringLiteral(", ");
    if (scan.items.size() >= 2) {
        const QStringView gap = QStringView(text).mid(
            scan.items.at(0).end, scan.items.at(1).start - scan.items.at(0).end);
        if (!gap.contains(QLatin1Char('#')))
            entry.itemSeparator = gap.toString();
    }
    entry.itemsStart = scan.items.isEmpty() ? scan.innerStart : scan.items.first().start;
    entry.itemsEnd = scan.items.isEmpty() ? scan.innerEnd : scan.items.last().end;
}

QString escapedString(QStringView text, EscapeStyle style)
{
    QString out;
    out.reserve(text.size() + 2);
    out += QLatin1Char('"');
    for (QChar c : text) {
        const char16_t u = c.unicode();
        switch (u) {
        case '"':
            out += QStringLiteral("\\\"");
            continue;
        case '\\':
            out += QStringLiteral("\\\\");
            continue;
        case '\n':
            out += QStringLiteral("\\n");
            continue;
        case '\t':
            out += QStringLiteral("\\t");
            continue;
        case '\r':
            out += QStringLiteral("\\r");
            continue;
        default:
            break;
        }
        const bool control = u < 0x20 || u == 0x7F;
        // YAML 1.1 also breaks lines at NEL, LS and PS, and a BOM inside a scalar is not allowed.
        const bool yamlSpecial = style == EscapeStyle::Yaml
                                 && (u == 0x85 || u == 0x2028 || u == 0x2029 || u == 0xFEFF);
        if (style == EscapeStyle::Json && u == 0x7F)
            out += c; // JSON only escapes C0 controls
        else if (control || yamlSpecial)
            out += QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    out += QLatin1Char('"');
    return out;
}

QString numberText(double value)
{
    // Every integral value a qint64 holds is written as an integer: `1e+15` would be a float in
    // TOML and not even a number in YAML 1.1.
    constexpr double int64Limit = 9223372036854775808.0; // 2^63, exact as a double
    if (std::isfinite(value) && std::trunc(value) == value && value < int64Limit
        && value >= -int64Limit)
        return QString::number(qint64(value));
    QString text = QString::number(value, 'g', QLocale::FloatingPointShortest);
    // YAML 1.1 and TOML want a dot before the exponent: 1e+300 is written 1.0e+300.
    const qsizetype exponent = text.indexOf(QLatin1Char('e'));
    if (exponent > 0 && !QStringView(text).left(exponent).contains(QLatin1Char('.')))
        text.insert(exponent, QStringLiteral(".0"));
    return text;
}

bool isScalar(const QJsonValue &value)
{
    return !value.isArray() && !value.isObject() && !value.isUndefined();
}

bool isIsoDate(QStringView text)
{
    // YYYY-MM-DD, optionally [Tt ]hh:mm[:ss[.fff]] and a zone (Z, ±hh, ±hhmm, ±hh:mm, with an
    // optional blank before it as YAML writes it). By hand: it runs for every date of every post.
    qsizetype i = 0;
    const qsizetype n = text.size();
    auto digits = [&](int count) {
        for (int k = 0; k < count; ++k, ++i) {
            if (i >= n || text.at(i).unicode() < '0' || text.at(i).unicode() > '9')
                return false;
        }
        return true;
    };
    auto literal = [&](char16_t c) {
        if (i < n && text.at(i).unicode() == c) {
            ++i;
            return true;
        }
        return false;
    };
    if (!(digits(4) && literal('-') && digits(2) && literal('-') && digits(2)))
        return false;
    if (i == n)
        return true;
    if (!(literal('T') || literal('t') || literal(' ')))
        return false;
    if (!(digits(2) && literal(':') && digits(2)))
        return false;
    if (literal(':')) {
        if (!digits(2))
            return false;
        if (literal('.')) {
            const qsizetype start = i;
            while (i < n && text.at(i).isDigit())
                ++i;
            if (i == start)
                return false;
        }
    }
    if (i == n)
        return true;
    literal(' ');
    if (literal('Z') || literal('z'))
        return i == n;
    if (!(literal('+') || literal('-')) || !digits(2))
        return false;
    if (i == n)
        return true;
    literal(':');
    return digits(2) && i == n;
}

} // namespace pw::frontmatter
