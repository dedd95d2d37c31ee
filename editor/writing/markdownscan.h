#pragma once

// Line-by-line structure of a Markdown post: which lines are front matter, code fences, HTML
// blocks, headings... The syntax highlighter runs it one block at a time (its state packs into
// QSyntaxHighlighter's int block state); the outline, the statistics and the spell checker run it
// over a whole text. One scanner, so all of them agree on what is code and what is front matter.

#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringView>

#include <functional>
#include <optional>

namespace pw {

enum class FrontMatterKind { None, Yaml, Toml, Json };

// Where a post's front-matter block is. A block counts only when it is closed: while the closing
// line is still being typed the whole text is body (so nothing vanishes from the preview).
struct FrontMatterExtent
{
    FrontMatterKind kind = FrontMatterKind::None;
    int lastLine = -1; // 0-based index of the closing delimiter line; -1 when there is no block
    bool contains(int line) const { return line >= 0 && line <= lastLine; }
};

// Lines are given by index (0-based) and the callback returns nullopt past the end. Looks at most
// `maxLines` lines for the closing delimiter, so an unclosed `---` in a huge file stays cheap.
FrontMatterExtent findFrontMatter(const std::function<std::optional<QStringView>(int)> &lineAt,
                                  int maxLines = 2000);
FrontMatterExtent findFrontMatter(QStringView text);

// What the block structure carries from one line to the next.
struct ScanState
{
    enum class Context { Normal, FrontMatter, Fence, HtmlBlock, HtmlComment, HtmlRaw };
    Context context = Context::Normal;
    FrontMatterKind frontMatter = FrontMatterKind::None; // when context == FrontMatter
    QChar fenceChar;                                     // '`' or '~', when context == Fence
    int fenceLength = 0;
    int fenceIndent = 0;
    // The line was a paragraph line: then `---` below it is a setext heading, not a rule, and a
    // lone tag does not start an HTML block.
    bool afterParagraph = false;

    // QSyntaxHighlighter keeps one int per block: -1 (its "unknown") is never produced.
    int pack() const;
    static ScanState unpack(int packed);
    bool operator==(const ScanState &other) const = default;
};

enum class LineKind {
    Blank,
    Paragraph,
    FrontMatterDelimiter,
    FrontMatter,
    FenceOpen,       // ```lang
    FenceClose,      // ```
    Code,            // a line inside a fence
    Html,            // a line of an HTML block or comment
    Heading,         // ATX heading: # Title
    SetextUnderline, // === or --- under a paragraph line (the heading is the line before)
    ThematicBreak,
    Quote,
    ListItem,
    TableRow,
    TableDelimiter,
};

struct LineInfo
{
    LineKind kind = LineKind::Blank;
    int headingLevel = 0;  // Heading and SetextUnderline
    QString fenceLanguage; // FenceOpen: the info string's first word
};

// Classifies line `lineNumber` (0-based) and advances `state`. The scanner cannot see ahead, so
// the post's front-matter extent comes from findFrontMatter().
LineInfo scanLine(ScanState &state, QStringView line, int lineNumber,
                  const FrontMatterExtent &frontMatter);

// A whole text, line by line (split on '\n').
struct ScannedLine
{
    int number = 0; // 0-based line index
    int start = 0;  // offset of the line in the text
    QStringView text;
    LineInfo info;
};
QList<ScannedLine> scanText(QStringView text);

// Ranges [start, end) of inline code spans (`x`, ``x``) in one line, backticks included. Text in
// them is neither formatted, nor spell checked.
struct TextRange
{
    int start = 0;
    int end = 0;
    int length() const { return end - start; }
    bool contains(int pos) const { return pos >= start && pos < end; }
    bool operator==(const TextRange &other) const = default;
};
QList<TextRange> codeSpans(QStringView line);

// Where the text of a list item or quote starts after its markers ("  - [ ] ", "> 1. ").
struct LinePrefix
{
    QString indent;      // leading spaces/tabs
    QString quote;       // "> " markers (possibly nested), after the indent
    QString marker;      // "-", "*", "+", "1." or "1)"; empty when not a list item
    QString afterMarker; // the spaces after the marker
    QString task;        // "[ ] " or "[x] " when a task item
    int length() const
    {
        return int(indent.size() + quote.size() + marker.size() + afterMarker.size() + task.size());
    }
    bool isListItem() const { return !marker.isEmpty(); }
    bool isOrdered() const { return !marker.isEmpty() && marker.front().isDigit(); }
};
LinePrefix linePrefix(QStringView line);

// Inline syntax the highlighter, the spell checker and the word count all have to recognise.
namespace inlinePatterns {
const QRegularExpression &shortcode();  // Hugo {{< x >}} and {{% x %}}, Liquid {% x %} and {{ x }}
const QRegularExpression &htmlTag();    // <tag attr>, </tag>, <!-- comment -->
const QRegularExpression &autolink();   // <https://example.com>
const QRegularExpression &bareUrl();    // https://example.com/path
const QRegularExpression &linkTarget(); // the "](url "title")" of a link or image
} // namespace inlinePatterns

} // namespace pw
