#include "frontmatter/textindex.h"

#include <algorithm>

namespace pw::frontmatter {

LineIndex::LineIndex(const QString &text, int limit)
{
    m_starts.append(0);
    const int end = limit < 0 ? int(text.size()) : qMin(limit, int(text.size()));
    for (int i = 0; i < end; ++i) {
        if (text.at(i) == QLatin1Char('\n'))
            m_starts.append(i + 1);
    }
}

int LineIndex::lineOf(int offset) const
{
    const auto it = std::upper_bound(m_starts.cbegin(), m_starts.cend(), offset);
    return int(it - m_starts.cbegin());
}

int LineIndex::columnOf(int offset) const
{
    return offset - m_starts.at(lineOf(offset) - 1) + 1;
}

int LineIndex::lineStart(int line) const
{
    return m_starts.at(std::clamp(line, 1, int(m_starts.size())) - 1);
}

int nextLineStart(const QString &text, int offset)
{
    const int newline = int(text.indexOf(QLatin1Char('\n'), offset));
    return newline < 0 ? int(text.size()) : newline + 1;
}

int lineEndAt(const QString &text, int offset, int limit)
{
    const int newline = int(text.indexOf(QLatin1Char('\n'), offset));
    return newline < 0 || newline > limit ? limit : newline;
}

int currentLineStart(const QString &text, int offset)
{
    if (offset <= 0)
        return 0;
    const int newline = int(text.lastIndexOf(QLatin1Char('\n'), offset - 1));
    return newline + 1;
}

bool isBlankOrComment(QStringView line, QChar commentChar)
{
    const QStringView trimmed = line.trimmed();
    return trimmed.isEmpty() || trimmed.front() == commentChar;
}

int indentationOf(QStringView line)
{
    int i = 0;
    while (i < line.size() && line.at(i) == QLatin1Char(' '))
        ++i;
    return i;
}

int utf16ColumnFromUtf8(QStringView line, int byteColumn)
{
    int bytes = 0;
    int i = 0;
    while (i < line.size() && bytes < byteColumn) {
        const char16_t c = line.at(i).unicode();
        if (c < 0x80)
            bytes += 1;
        else if (c < 0x800)
            bytes += 2;
        else if (QChar::isHighSurrogate(c)) {
            bytes += 4;
            ++i;
        } else
            bytes += 3;
        ++i;
    }
    return i;
}

} // namespace pw::frontmatter
