#pragma once

// Offsets into a text turned into the 1-based line and column the user sees, in O(log n).

#include <QList>
#include <QString>

namespace pw::frontmatter {

class LineIndex
{
public:
    // Indexes lines up to `limit` (the block: diagnostics never point into the body).
    explicit LineIndex(const QString &text, int limit = -1);

    int lineOf(int offset) const;   // 1-based
    int columnOf(int offset) const; // 1-based, in UTF-16 units like the editor's cursor
    int lineStart(int line) const;  // offset of a 1-based line's first character
    int lineCount() const { return int(m_starts.size()); }

private:
    QList<int> m_starts;
};

// The offset just past the end of the line containing `offset`, including its '\n'.
int nextLineStart(const QString &text, int offset);
// The offset of the '\n' ending the line containing `offset`, or `limit` when it comes first.
int lineEndAt(const QString &text, int offset, int limit);
// The offset where the line containing `offset` starts.
int currentLineStart(const QString &text, int offset);
bool isBlankOrComment(QStringView line, QChar commentChar = QLatin1Char('#'));
int indentationOf(QStringView line);

// yaml-cpp and toml++ count columns in UTF-8 bytes; the editor counts UTF-16 units.
int utf16ColumnFromUtf8(QStringView line, int byteColumn);

} // namespace pw::frontmatter
