#include "frontmatter/entryeditor.h"

#include <QJsonArray>

namespace pw::frontmatter {

namespace {

bool allScalars(const QJsonArray &array)
{
    for (const QJsonValue &item : array) {
        if (!isScalar(item))
            return false;
    }
    return true;
}

bool sameItem(const ListItem &item, const QJsonValue &value)
{
    if (item.value == value)
        return true;
    return value.isString() && isScalar(item.value) && item.text == value.toString();
}

// The quoting the list's scalar items share, so a new item looks like its neighbours.
QuoteStyle sharedQuote(const QList<ListItem> &items, QuoteStyle fallback)
{
    std::optional<QuoteStyle> shared;
    for (const ListItem &item : items) {
        if (!item.value.isString())
            continue;
        if (shared && *shared != item.quote)
            return fallback;
        shared = item.quote;
    }
    return shared.value_or(fallback);
}

// Rebuilds the item sequence: items that stay keep their text, and two items that were
// neighbours keep what was between them (comments included).
QString joinItems(const QString &text, const QList<ListItem> &items, const QJsonArray &values,
                  const QString &separator, const QString &prefix, const RenderHints &hints,
                  const BlockSyntax &syntax)
{
    QList<bool> used(items.size(), false);
    QString out;
    int previousIndex = -2;
    bool first = true;
    for (const QJsonValue &value : values) {
        int match = -1;
        for (int i = 0; i < items.size(); ++i) {
            if (!used.at(i) && sameItem(items.at(i), value)) {
                match = i;
                break;
            }
        }
        if (!first) {
            if (match >= 0 && previousIndex >= 0 && match == previousIndex + 1)
                out += QStringView(text).mid(items.at(previousIndex).end,
                                             items.at(match).start - items.at(previousIndex).end);
            else
                out += separator;
        }
        first = false;
        if (match >= 0) {
            used[match] = true;
            const ListItem &item = items.at(match);
            out += QStringView(text).mid(item.start, item.end - item.start);
        } else {
            out += prefix + syntax.render(value, hints);
        }
        previousIndex = match;
    }
    return out;
}

TextPatch patchList(const QString &text, const Entry &entry, const QJsonArray &values,
                    const BlockSyntax &syntax)
{
    RenderHints hints;
    hints.insideList = entry.itemPrefix.isEmpty();
    const QuoteStyle fallback = entry.quote == QuoteStyle::Block ? QuoteStyle::Plain : entry.quote;
    hints.quote = sharedQuote(entry.items, fallback);

    if (entry.shape == ValueShape::Scalar) {
        // A single term string becoming a list keeps the original item's text.
        ListItem original{entry.valueStart, entry.valueEnd, entry.value, entry.text, entry.quote};
        const QString items
            = joinItems(text, {original}, values, QStringLiteral(", "), {}, hints, syntax);
        return {entry.valueStart, entry.valueEnd - entry.valueStart,
                QLatin1Char('[') + items + QLatin1Char(']')};
    }
    if (values.isEmpty() && entry.shape == ValueShape::BlockList)
        return {entry.colonEnd, entry.valueEnd - entry.colonEnd, QStringLiteral(" []")};
    const QString items = joinItems(text, entry.items, values, entry.itemSeparator,
                                    entry.itemPrefix, hints, syntax);
    return {entry.itemsStart, entry.itemsEnd - entry.itemsStart, items};
}

} // namespace

TextPatch replaceValue(const QString &text, const Entry &entry, const QJsonValue &value,
                       const BlockSyntax &syntax, bool dateValue)
{
    const bool isList = entry.shape == ValueShape::FlowList || entry.shape == ValueShape::BlockList;
    if (value.isArray() && allScalars(value.toArray())
        && (isList || (entry.shape == ValueShape::Scalar && entry.quote != QuoteStyle::Block)))
        return patchList(text, entry, value.toArray(), syntax);

    RenderHints hints;
    hints.dateValue = dateValue;
    if (entry.shape == ValueShape::Scalar)
        hints.quote = entry.quote;
    if (entry.shape == ValueShape::Scalar && entry.value.isString())
        hints.previous = entry.text;
    hints.blockHeader = entry.blockHeader;
    hints.blockIndent = entry.blockIndent;
    const QString rendered = syntax.render(value, hints);
    if (rendered.isEmpty() || entry.valueStart == entry.colonEnd) {
        const QString spaced = rendered.isEmpty() ? QString() : QLatin1Char(' ') + rendered;
        return {entry.colonEnd, entry.valueEnd - entry.colonEnd, spaced};
    }
    return {entry.valueStart, entry.valueEnd - entry.valueStart, rendered};
}

} // namespace pw::frontmatter
