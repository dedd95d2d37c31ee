#include "markdownedits.h"

#include "markdownscan.h"

#include <QRegularExpression>
#include <QStringList>

namespace pw {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('\'')
           || c == QChar(0x2019);
}

int runOf(QStringView text, int from, int step, QChar c)
{
    int count = 0;
    for (int i = step > 0 ? from : from - 1; i >= 0 && i < text.size() && text[i] == c; i += step)
        ++count;
    return count;
}

// Whether runs of the marker character on both sides of a span hold `marker`. For * and _ a run
// of two is bold only and a run of three is both bold and italic.
bool runsHoldMarker(int left, int right, QStringView marker)
{
    const int run = qMin(left, right);
    const int m = int(marker.size());
    const QChar c = marker.front();
    if (c == QLatin1Char('*') || c == QLatin1Char('_'))
        return m == 1 ? (run == 1 || run >= 3) : run >= 2;
    return run >= m;
}

// Without a selection, commands act on the word at the cursor.
void extendToWord(QStringView text, int &start, int &end)
{
    if (start != end)
        return;
    while (start > 0 && isWordChar(text[start - 1]))
        --start;
    while (end < text.size() && isWordChar(text[end]))
        ++end;
}

TextEdit insertion(int at, const QString &text, int cursorOffset)
{
    return {at, at, text, at + cursorOffset, at + cursorOffset};
}

int leadingWhitespace(QStringView line)
{
    int i = 0;
    while (i < line.size() && (line[i] == QLatin1Char(' ') || line[i] == QLatin1Char('\t')))
        ++i;
    return i;
}

QList<QStringView> splitLines(QStringView text)
{
    QList<QStringView> lines;
    qsizetype start = 0;
    while (true) {
        const qsizetype end = text.indexOf(QLatin1Char('\n'), start);
        if (end < 0) {
            lines.append(text.mid(start));
            return lines;
        }
        lines.append(text.mid(start, end - start));
        start = end + 1;
    }
}

TextEdit wholeTextEdit(QStringView original, const QStringList &newLines)
{
    const QString replaced = newLines.join(QLatin1Char('\n'));
    return {0, int(original.size()), replaced, 0, int(replaced.size())};
}

// The column where an item's text starts, ignoring quote markers.
int contentColumn(const LinePrefix &prefix)
{
    return int(prefix.indent.size() + prefix.marker.size() + prefix.afterMarker.size());
}

} // namespace

TextEdit enterEdit(QStringView line, int column)
{
    const LinePrefix prefix = linePrefix(line);
    const bool isList = prefix.isListItem();
    const bool isQuote = prefix.quote.contains(QLatin1Char('>'));
    if ((!isList && !isQuote) || column < prefix.length()) {
        const int indent = qMin(leadingWhitespace(line), column);
        const QString text = QLatin1Char('\n') + line.left(indent).toString();
        return insertion(column, text, int(text.size()));
    }

    if (line.mid(prefix.length()).trimmed().isEmpty()) {
        // An empty item or quote line: Enter ends the list (keeping an enclosing quote) or quote.
        const QString kept = isList && isQuote ? prefix.indent + prefix.quote : QString();
        return {0, int(line.size()), kept, int(kept.size()), int(kept.size())};
    }

    QString continuation = QLatin1Char('\n') + prefix.indent + prefix.quote;
    if (isList) {
        QString marker = prefix.marker;
        if (prefix.isOrdered()) {
            const QChar delimiter = marker.back();
            marker = QString::number(marker.chopped(1).toLongLong() + 1) + delimiter;
        }
        continuation
            += marker + (prefix.afterMarker.isEmpty() ? QStringLiteral(" ") : prefix.afterMarker);
        if (!prefix.task.isEmpty())
            continuation += QStringLiteral("[ ] ");
    }
    // Text after the cursor moves to the new item without the spaces that separated it.
    int to = column;
    while (to < line.size() && line[to] == QLatin1Char(' '))
        ++to;
    return {column, to, continuation, column + int(continuation.size()),
            column + int(continuation.size())};
}

TextEdit toggleWrap(QStringView text, int start, int end, QStringView marker)
{
    const int m = int(marker.size());
    extendToWord(text, start, end);
    while (start < end && text[start].isSpace())
        ++start;
    while (end > start && text[end - 1].isSpace())
        --end;
    if (start == end) {
        const QString pair = marker.toString() + marker.toString();
        return insertion(start, pair, m);
    }

    const QChar c = marker.front();
    if (runsHoldMarker(runOf(text, start, -1, c), runOf(text, end, 1, c), marker)) {
        const QString inner = text.mid(start, end - start).toString();
        return {start - m, end + m, inner, start - m, end - m};
    }
    if (end - start > 2 * m
        && runsHoldMarker(runOf(text, start, 1, c), runOf(text, end, -1, c), marker)) {
        const QString inner = text.mid(start + m, end - start - 2 * m).toString();
        return {start, end, inner, start, start + int(inner.size())};
    }
    const QString wrapped
        = marker.toString() + text.mid(start, end - start).toString() + marker.toString();
    return {start, end, wrapped, start + m, end + m};
}

TextEdit insertLink(QStringView text, int start, int end)
{
    static const QRegularExpression url(QStringLiteral(R"(^(https?://|www\.|mailto:)\S+$)"));
    extendToWord(text, start, end);
    const QString selected = text.mid(start, end - start).toString();
    if (url.match(selected).hasMatch()) {
        const QString link = QStringLiteral("[](") + selected + QLatin1Char(')');
        return {start, end, link, start + 1, start + 1};
    }
    const QString placeholder = QStringLiteral("https://");
    const QString link
        = QLatin1Char('[') + selected + QStringLiteral("](") + placeholder + QLatin1Char(')');
    if (selected.isEmpty())
        return {start, end, link, start + 1, start + 1};
    const int urlStart = start + int(selected.size()) + 3;
    return {start, end, link, urlStart, urlStart + int(placeholder.size())};
}

TextEdit setHeadingLevel(QStringView line, int level)
{
    int i = 0;
    while (i < line.size() && i < 3 && line[i] == QLatin1Char(' '))
        ++i;
    int hashes = 0;
    while (i + hashes < line.size() && line[i + hashes] == QLatin1Char('#'))
        ++hashes;
    int contentStart = 0;
    int current = 0;
    if (hashes >= 1 && hashes <= 6 && (i + hashes == line.size() || line[i + hashes].isSpace())) {
        current = hashes;
        contentStart = i + hashes;
        while (contentStart < line.size() && line[contentStart].isSpace())
            ++contentStart;
    }
    if (current == level)
        level = 0;
    const QString prefix
        = level > 0 ? QString(level, QLatin1Char('#')) + QLatin1Char(' ') : QString();
    const int newLength = int(line.size()) - contentStart + int(prefix.size());
    return {0, contentStart, prefix, newLength, newLength};
}

TextEdit toggleList(QStringView lines, bool ordered)
{
    const QList<QStringView> input = splitLines(lines);
    bool allItemsOfKind = true;
    for (QStringView line : input) {
        const LinePrefix prefix = linePrefix(line);
        if (!line.trimmed().isEmpty() && (!prefix.isListItem() || prefix.isOrdered() != ordered))
            allItemsOfKind = false;
    }
    QStringList output;
    int number = 1;
    for (QStringView line : input) {
        if (line.trimmed().isEmpty()) {
            output.append(line.toString());
            continue;
        }
        const LinePrefix prefix = linePrefix(line);
        const int markerEnd = int(prefix.indent.size() + prefix.quote.size() + prefix.marker.size()
                                  + prefix.afterMarker.size());
        const QString content
            = prefix.isListItem() ? line.mid(markerEnd).toString()
                                  : line.mid(prefix.indent.size() + prefix.quote.size()).toString();
        if (allItemsOfKind) {
            output.append(prefix.indent + prefix.quote + content.mid(prefix.task.size()));
            continue;
        }
        const QString marker
            = ordered ? QString::number(number++) + QLatin1Char('.') : QStringLiteral("-");
        output.append(prefix.indent + prefix.quote + marker + QLatin1Char(' ') + content);
    }
    return wholeTextEdit(lines, output);
}

TextEdit indentListItems(QStringView lines, QStringView linesAbove)
{
    const QList<QStringView> input = splitLines(lines);
    const LinePrefix first = linePrefix(input.front());
    if (!first.isListItem() || !first.quote.isEmpty())
        return {};
    const int indent = int(first.indent.size());
    // Nest under the previous sibling's text column; the first item of a list has no parent
    // to nest under, so it just moves by its own marker's width.
    int delta = int(first.marker.size() + first.afterMarker.size());
    const QList<QStringView> above = splitLines(linesAbove);
    for (auto it = above.crbegin(); it != above.crend(); ++it) {
        const LinePrefix prefix = linePrefix(*it);
        if (!prefix.isListItem())
            continue;
        if (prefix.indent.size() == indent)
            delta = contentColumn(prefix) - indent;
        if (prefix.indent.size() <= indent)
            break;
    }
    QStringList output;
    for (QStringView line : input)
        output.append(line.trimmed().isEmpty()
                          ? line.toString()
                          : QString(delta, QLatin1Char(' ')) + line.toString());
    return wholeTextEdit(lines, output);
}

TextEdit outdentListItems(QStringView lines, QStringView linesAbove)
{
    const QList<QStringView> input = splitLines(lines);
    const LinePrefix first = linePrefix(input.front());
    const int indent = int(first.indent.size());
    if (!first.isListItem() || !first.quote.isEmpty() || indent == 0)
        return {};
    int target = 0;
    const QList<QStringView> above = splitLines(linesAbove);
    for (auto it = above.crbegin(); it != above.crend(); ++it) {
        const LinePrefix prefix = linePrefix(*it);
        if (prefix.isListItem() && prefix.indent.size() < indent) {
            target = int(prefix.indent.size());
            break;
        }
    }
    const int delta = indent - target;
    QStringList output;
    for (QStringView line : input)
        output.append(line.mid(qMin(delta, leadingWhitespace(line))).toString());
    return wholeTextEdit(lines, output);
}

} // namespace pw
