#include "frontmatter/entryeditor.h"

#include "frontmatter/textindex.h"

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

// The comments in the gaps between items first..last of a multi-line list ("# ..." up to the end
// of its line). Only gaps are searched: an item's own text may hold a '#' that is no comment.
QStringList gapComments(const QString &text, const QList<ListItem> &items, int first, int last)
{
    QStringList comments;
    for (int j = first; j < last && j + 1 < items.size(); ++j) {
        const QStringView gap = QStringView(text).mid(items.at(j).end, items.at(j + 1).start - items.at(j).end);
        for (qsizetype hash = gap.indexOf(QLatin1Char('#')); hash >= 0; hash = gap.indexOf(QLatin1Char('#'), hash + 1)) {
            qsizetype endOfLine = gap.indexOf(QLatin1Char('\n'), hash);
            if (endOfLine < 0)
                endOfLine = gap.size();
            comments.append(gap.mid(hash, endOfLine - hash).trimmed().toString());
            hash = endOfLine;
        }
    }
    return comments;
}

// Where a comma-separated row (ListItem::textEnd) has its comma, or -1: before any comment.
qsizetype commaIn(QStringView rest)
{
    const qsizetype comma = rest.indexOf(QLatin1Char(','));
    const qsizetype hash = rest.indexOf(QLatin1Char('#'));
    return hash >= 0 && comma > hash ? -1 : comma;
}

// An item's text; a comma-separated row gets or loses its comma as its new place needs.
QString itemText(const QString &text, const ListItem &item, bool comma)
{
    if (item.textEnd < 0)
        return text.mid(item.start, item.end - item.start);
    const QStringView rest = QStringView(text).mid(item.textEnd, item.end - item.textEnd);
    const qsizetype written = commaIn(rest);
    if ((written >= 0) == comma)
        return text.mid(item.start, item.end - item.start);
    return text.mid(item.start, item.textEnd - item.start)
           + (comma ? QStringLiteral(",") : QString())
           + (written >= 0 ? rest.mid(written + 1) : rest).toString();
}

// Rebuilds the item sequence: items that stay keep their text, two items that were neighbours
// keep what was between them, and in a multi-line list the comments next to removed items stay,
// each on a line of its own.
QString joinItems(const QString &text, const QList<ListItem> &items, const QJsonArray &values,
                  const QString &separator, const QString &prefix, const RenderHints &hints,
                  const BlockSyntax &syntax)
{
    // Rows of an item per line (TOML arrays written so) carry their commas, which follow the
    // list's trailing-comma style wherever an item moves.
    const bool commaRows = !items.isEmpty() && items.first().textEnd >= 0;
    const bool trailingComma
        = commaRows
          && commaIn(QStringView(text).mid(items.last().textEnd,
                                           items.last().end - items.last().textEnd))
                 >= 0;
    // Lists whose every item and comment has a line of its own: YAML block lists and comma rows.
    // (Elsewhere a comment can share a line with a comma, and moving it would swallow the comma.)
    const bool multiLine
        = (!prefix.isEmpty() || commaRows) && separator.contains(QLatin1Char('\n'));
    const QString lineStart = separator.mid(separator.lastIndexOf(QLatin1Char('\n')));
    QList<bool> used(items.size(), false);
    QString out;
    int previousIndex = -2;
    int lastKept = -1;
    bool first = true;
    for (qsizetype k = 0; k < values.size(); ++k) {
        const QJsonValue value = values.at(k);
        const bool comma = commaRows && (k + 1 < values.size() || trailingComma);
        int match = -1;
        for (int i = 0; i < items.size(); ++i) {
            if (!used.at(i) && sameItem(items.at(i), value)) {
                match = i;
                break;
            }
        }
        if (!first) {
            if (match >= 0 && previousIndex >= 0 && match == previousIndex + 1) {
                out += QStringView(text).mid(items.at(previousIndex).end,
                                             items.at(match).start - items.at(previousIndex).end);
            } else {
                if (multiLine && match > previousIndex && previousIndex >= 0) {
                    for (const QString &comment : gapComments(text, items, previousIndex, match))
                        out += lineStart + comment;
                }
                out += separator;
            }
        } else if (multiLine && match > 0) {
            for (const QString &comment : gapComments(text, items, 0, match))
                out += comment + lineStart;
        }
        first = false;
        if (match >= 0) {
            used[match] = true;
            const ListItem &item = items.at(match);
            out += itemText(text, item, comma);
            lastKept = qMax(lastKept, match);
        } else {
            out += prefix + syntax.render(value, hints) + (comma ? QStringLiteral(",") : QString());
        }
        previousIndex = match;
    }
    if (multiLine && lastKept >= 0) {
        for (const QString &comment : gapComments(text, items, lastKept, int(items.size()) - 1))
            out += lineStart + comment;
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
    if (values.isEmpty() && entry.shape == ValueShape::BlockList) {
        // `tags: []`, keeping a comment on the key's line and the comments among the items.
        QString empty = QStringLiteral(" []");
        const QStringView head = QStringView(text).mid(entry.colonEnd, entry.itemsStart - entry.colonEnd);
        const qsizetype hash = head.indexOf(QLatin1Char('#'));
        if (hash >= 0) {
            const qsizetype endOfLine = head.indexOf(QLatin1Char('\n'), hash);
            empty += QLatin1Char(' ') + head.mid(hash, endOfLine < 0 ? -1 : endOfLine - hash).trimmed().toString();
        }
        // Left at the key's own indentation: indented deeper they would read as the key's value.
        const int lineBegin = int(text.lastIndexOf(QLatin1Char('\n'), entry.colonEnd - 1)) + 1;
        int keyIndent = lineBegin;
        while (keyIndent < text.size() && (text.at(keyIndent) == QLatin1Char(' ') || text.at(keyIndent) == QLatin1Char('\t')))
            ++keyIndent;
        const QString lineStart = QLatin1Char('\n') + text.mid(lineBegin, keyIndent - lineBegin);
        for (const QString &comment : gapComments(text, entry.items, 0, int(entry.items.size()) - 1))
            empty += lineStart + comment;
        // Through the last item: a comment line among the items may end the value's own span early.
        const int end = qMax(entry.valueEnd, entry.itemsEnd);
        return {entry.colonEnd, end - entry.colonEnd, empty};
    }
    if (values.isEmpty() && !entry.items.isEmpty() && entry.items.first().textEnd >= 0) {
        // Comma rows: the rows go with their lines, the comment lines among them stay.
        const qsizetype newlineEnd = entry.itemSeparator.indexOf(QLatin1Char('\n')) + 1;
        const QString indent = entry.itemSeparator.mid(newlineEnd);
        QString kept;
        for (const QString &comment :
             gapComments(text, entry.items, 0, int(entry.items.size()) - 1))
            kept += indent + comment + entry.itemSeparator.left(newlineEnd);
        const int start = currentLineStart(text, entry.itemsStart);
        return {start, nextLineStart(text, entry.itemsEnd) - start, kept};
    }
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
