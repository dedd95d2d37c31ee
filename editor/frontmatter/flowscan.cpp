#include "frontmatter/flowscan.h"

namespace pw::frontmatter {

namespace {

bool isBlank(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n')
           || c == QLatin1Char('\r');
}

bool isQuote(QChar c)
{
    return c == QLatin1Char('"') || c == QLatin1Char('\'');
}

int skipComment(const QString &text, int pos, int limit)
{
    while (pos < limit && text.at(pos) != QLatin1Char('\n'))
        ++pos;
    return pos;
}

} // namespace

int scanQuoted(const QString &text, int open, int limit)
{
    const QChar quote = text.at(open);
    const bool triple
        = open + 2 < limit && text.at(open + 1) == quote && text.at(open + 2) == quote;
    if (triple) {
        const QString delimiter(3, quote);
        for (int i = open + 3; i < limit; ++i) {
            if (quote == QLatin1Char('"') && text.at(i) == QLatin1Char('\\')) {
                ++i;
                continue;
            }
            if (text.mid(i, 3) == delimiter) {
                int end = i + 3;
                // """a"""" is legal TOML: up to two quotes may end the content.
                while (end < limit && end < i + 5 && text.at(end) == quote)
                    ++end;
                return end;
            }
        }
        return -1;
    }
    for (int i = open + 1; i < limit; ++i) {
        const QChar c = text.at(i);
        if (quote == QLatin1Char('"') && c == QLatin1Char('\\')) {
            ++i;
        } else if (c == quote) {
            if (quote == QLatin1Char('\'') && i + 1 < limit && text.at(i + 1) == quote) {
                ++i;
                continue;
            }
            return i + 1;
        }
    }
    return -1;
}

FlowScan scanFlow(const QString &text, int open, int limit, CommentStart comments)
{
    FlowScan scan;
    scan.innerStart = open + 1;
    int depth = 0;
    int itemStart = -1;
    int itemEnd = -1;
    QChar previous = QLatin1Char('[');
    auto finishItem = [&] {
        if (itemStart >= 0)
            scan.items.append({itemStart, itemEnd});
        itemStart = itemEnd = -1;
    };
    for (int i = open; i < limit; ++i) {
        const QChar c = text.at(i);
        if (isBlank(c))
            continue;
        if (c == QLatin1Char('#')
            && (comments == CommentStart::Anywhere || i == 0 || isBlank(text.at(i - 1)))) {
            i = skipComment(text, i, limit) - 1;
            continue;
        }
        if (depth == 1 && itemStart < 0 && c != QLatin1Char(',') && c != QLatin1Char(']')
            && c != QLatin1Char('}'))
            itemStart = i;
        if (isQuote(c)
            && (previous == QLatin1Char('[') || previous == QLatin1Char('{')
                || previous == QLatin1Char(',') || previous == QLatin1Char(':')
                || previous == QLatin1Char('='))) {
            const int close = scanQuoted(text, i, limit);
            if (close < 0)
                return scan;
            i = close - 1;
            previous = QLatin1Char('"');
            itemEnd = close;
            continue;
        }
        if (c == QLatin1Char('[') || c == QLatin1Char('{')) {
            ++depth;
        } else if (c == QLatin1Char(']') || c == QLatin1Char('}')) {
            if (--depth == 0) {
                finishItem();
                scan.closed = true;
                scan.innerEnd = i;
                scan.end = i + 1;
                return scan;
            }
        } else if (c == QLatin1Char(',') && depth == 1) {
            finishItem();
            previous = c;
            continue;
        }
        previous = c;
        if (depth >= 1 && itemStart >= 0)
            itemEnd = i + 1;
    }
    return scan;
}

} // namespace pw::frontmatter
