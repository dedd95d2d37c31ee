#include "frontmatter/blocklayout.h"

#include "frontmatter/textindex.h"

#include <type_traits>

namespace pw::frontmatter {

namespace {

// "---" or "+++" alone on its line; trailing blanks (and a '\r' of a mixed-ending file) allowed.
bool isDelimiterLine(QStringView line, QStringView delimiter)
{
    if (!line.startsWith(delimiter))
        return false;
    for (QChar c : line.mid(delimiter.size())) {
        if (c != QLatin1Char(' ') && c != QLatin1Char('\t') && c != QLatin1Char('\r'))
            return false;
    }
    return true;
}

QStringView lineAt(const QString &text, int start)
{
    const int end = int(text.indexOf(QLatin1Char('\n'), start));
    return QStringView(text).mid(start, (end < 0 ? int(text.size()) : end) - start);
}

// Index just past the closing quote of a quoted scalar starting at `from`, or -1 if the line
// ends first.
int closeQuote(QStringView line, int from, QChar quote)
{
    for (int i = from; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quote == QLatin1Char('"') && c == QLatin1Char('\\')) {
            ++i;
        } else if (c == quote) {
            if (quote == QLatin1Char('\'') && i + 1 < line.size() && line.at(i + 1) == quote) {
                ++i;
                continue;
            }
            return i + 1;
        }
    }
    return -1;
}

// Tracks YAML quoted scalars that span lines, so a "---" line inside one is not taken for the
// closing delimiter.
class YamlQuoteTracker
{
public:
    bool insideQuote() const { return !m_quote.isNull(); }

    void feed(QStringView line)
    {
        int pos = 0;
        if (insideQuote()) {
            pos = closeQuote(line, 0, m_quote);
            if (pos < 0)
                return;
            m_quote = QChar();
        }
        while (pos >= 0 && pos < line.size()) {
            pos = nextScalarStart(line, pos);
            if (pos < 0)
                return;
            const QChar quote = line.at(pos);
            const int closed = closeQuote(line, pos + 1, quote);
            if (closed < 0) {
                m_quote = quote;
                return;
            }
            pos = closed;
        }
    }

private:
    // Where a quoted scalar may start on this line from `pos`: after indentation, "- " or ": ".
    static int nextScalarStart(QStringView line, int pos)
    {
        auto skipSpaces = [&](int i) {
            while (i < line.size() && line.at(i) == QLatin1Char(' '))
                ++i;
            return i;
        };
        pos = skipSpaces(pos);
        while (pos + 1 < line.size() && line.at(pos) == QLatin1Char('-')
               && line.at(pos + 1) == QLatin1Char(' '))
            pos = skipSpaces(pos + 2);
        if (pos < line.size() && line.at(pos) == QLatin1Char(':'))
            pos = skipSpaces(pos + 1);
        if (pos < line.size()
            && (line.at(pos) == QLatin1Char('"') || line.at(pos) == QLatin1Char('\'')))
            return pos;
        for (int i = pos; i < line.size(); ++i) {
            if (line.at(i) == QLatin1Char('#') && i > 0 && line.at(i - 1) == QLatin1Char(' '))
                return -1;
            if (line.at(i) == QLatin1Char(':')
                && (i + 1 == line.size() || line.at(i + 1) == QLatin1Char(' '))) {
                const int value = skipSpaces(i + 1);
                if (value < line.size()
                    && (line.at(value) == QLatin1Char('"') || line.at(value) == QLatin1Char('\'')))
                    return value;
                return -1;
            }
        }
        return -1;
    }

    QChar m_quote;
};

// Tracks TOML multi-line strings (""" and ''') for the same reason.
class TomlQuoteTracker
{
public:
    bool insideQuote() const { return !m_delimiter.isEmpty(); }

    void feed(QStringView line)
    {
        int pos = 0;
        while (pos < line.size()) {
            if (insideQuote()) {
                const int close = int(line.indexOf(m_delimiter, pos));
                if (close < 0)
                    return;
                pos = close + 3;
                m_delimiter.clear();
                continue;
            }
            const int dq = int(line.indexOf(u"\"\"\"", pos));
            const int sq = int(line.indexOf(u"'''", pos));
            const int hash = int(line.indexOf(QLatin1Char('#'), pos));
            int open = dq < 0 ? sq : (sq < 0 ? dq : qMin(dq, sq));
            if (open < 0 || (hash >= 0 && hash < open))
                return;
            m_delimiter = line.mid(open, 3).toString();
            pos = open + 3;
        }
    }

private:
    QString m_delimiter;
};

// A tracker that never follows quotes: the fallback when a quote is left open to the end.
class NoQuoteTracker
{
public:
    bool insideQuote() const { return false; }
    void feed(QStringView) {}
};

template<typename Tracker>
BlockLayout locateDelimited(const QString &text, int start, QStringView delimiter,
                            FrontMatterFormat format)
{
    BlockLayout layout;
    layout.start = start;
    layout.contentStart = nextLineStart(text, start);
    layout.contentFirstLine = 2;
    Tracker tracker;
    for (int lineStart = layout.contentStart; lineStart < text.size();
         lineStart = nextLineStart(text, lineStart)) {
        const QStringView line = lineAt(text, lineStart);
        if (!tracker.insideQuote()
            && (isDelimiterLine(line, delimiter)
                || (format == FrontMatterFormat::Yaml && isDelimiterLine(line, u"...")))) {
            layout.format = format;
            layout.contentEnd = lineStart;
            layout.end = nextLineStart(text, lineStart);
            return layout;
        }
        tracker.feed(line);
    }
    // A quote left open (`title: 'Tis the season`) must not swallow the closing line: the parser
    // will then point at the quote, which is more use than "not closed".
    if constexpr (!std::is_same_v<Tracker, NoQuoteTracker>)
        return locateDelimited<NoQuoteTracker>(text, start, delimiter, format);
    layout.unclosedFormat = format;
    layout.contentStart = layout.contentEnd = layout.end = start;
    layout.contentFirstLine = 1;
    return layout;
}

BlockLayout locateJson(const QString &text, int start)
{
    BlockLayout layout;
    layout.start = layout.contentStart = layout.contentEnd = layout.end = start;
    int depth = 0;
    bool inString = false;
    for (int i = start; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inString) {
            // A JSON string never spans lines: one left open ends at its line, so the block
            // is still found and the parser names the string instead of the whole block.
            if (c == QLatin1Char('\\'))
                ++i;
            else if (c == QLatin1Char('"') || c == QLatin1Char('\n'))
                inString = false;
            continue;
        }
        if (c == QLatin1Char('"')) {
            inString = true;
        } else if (c == QLatin1Char('{') || c == QLatin1Char('[')) {
            ++depth;
        } else if (c == QLatin1Char('}') || c == QLatin1Char(']')) {
            if (--depth == 0) {
                layout.format = FrontMatterFormat::Json;
                layout.start = layout.contentStart = start;
                layout.contentEnd = i + 1;
                const QStringView rest = lineAt(text, i + 1);
                layout.end = rest.trimmed().isEmpty() ? nextLineStart(text, i + 1) : i + 1;
                return layout;
            }
        }
    }
    layout.unclosedFormat = FrontMatterFormat::Json;
    return layout;
}

} // namespace

BlockLayout locateFrontMatter(const QString &text)
{
    const int start = text.startsWith(QChar(0xFEFF)) ? 1 : 0;
    const QStringView first = lineAt(text, start);
    if (isDelimiterLine(first, u"---"))
        return locateDelimited<YamlQuoteTracker>(text, start, u"---", FrontMatterFormat::Yaml);
    if (isDelimiterLine(first, u"+++"))
        return locateDelimited<TomlQuoteTracker>(text, start, u"+++", FrontMatterFormat::Toml);
    // "{{<" and "{{%" open a Hugo shortcode, not a JSON object.
    if (first.startsWith(QLatin1Char('{')) && !first.startsWith(u"{{"))
        return locateJson(text, start);
    BlockLayout none;
    none.start = none.contentStart = none.contentEnd = none.end = start;
    return none;
}

} // namespace pw::frontmatter
