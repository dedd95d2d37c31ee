#include "markdownscan.h"

#include <QRegularExpression>

namespace pw {

namespace {

QStringView trimmedRight(QStringView line)
{
    int end = int(line.size());
    while (end > 0 && line[end - 1].isSpace())
        --end;
    return line.left(end);
}

int leadingSpaces(QStringView line)
{
    int i = 0;
    while (i < line.size() && line[i] == QLatin1Char(' '))
        ++i;
    return i;
}

bool isBlank(QStringView line)
{
    return trimmedRight(line).isEmpty();
}

QStringView withoutBom(QStringView line)
{
    return line.startsWith(QChar(0xFEFF)) ? line.mid(1) : line;
}

FrontMatterKind openingKind(QStringView firstLine)
{
    const QStringView line = trimmedRight(withoutBom(firstLine));
    if (line == u"---")
        return FrontMatterKind::Yaml;
    if (line == u"+++")
        return FrontMatterKind::Toml;
    if (line == u"{")
        return FrontMatterKind::Json;
    return FrontMatterKind::None;
}

bool isClosingLine(FrontMatterKind kind, QStringView rawLine)
{
    const QStringView line = trimmedRight(rawLine);
    switch (kind) {
    case FrontMatterKind::Yaml:
        return line == u"---" || line == u"...";
    case FrontMatterKind::Toml:
        return line == u"+++";
    case FrontMatterKind::Json:
        return line == u"}";
    case FrontMatterKind::None:
        break;
    }
    return false;
}

struct Fence
{
    QChar character;
    int length = 0;
    int indent = 0;
    QString language;
};

std::optional<Fence> fenceOpening(QStringView line)
{
    const int indent = leadingSpaces(line);
    if (indent > 3 || indent >= line.size())
        return std::nullopt;
    const QChar c = line[indent];
    if (c != QLatin1Char('`') && c != QLatin1Char('~'))
        return std::nullopt;
    int end = indent;
    while (end < line.size() && line[end] == c)
        ++end;
    if (end - indent < 3)
        return std::nullopt;
    const QStringView info = line.mid(end).trimmed();
    if (c == QLatin1Char('`') && info.contains(QLatin1Char('`')))
        return std::nullopt;
    Fence fence{c, end - indent, indent, {}};
    int word = 0;
    while (word < info.size() && !info[word].isSpace() && info[word] != QLatin1Char('{'))
        ++word;
    fence.language = info.left(word).toString();
    return fence;
}

bool closesFence(const ScanState &state, QStringView line)
{
    const int indent = leadingSpaces(line);
    if (indent > 3)
        return false;
    const QStringView rest = trimmedRight(line.mid(indent));
    if (rest.size() < state.fenceLength)
        return false;
    for (QChar c : rest) {
        if (c != state.fenceChar)
            return false;
    }
    return true;
}

const QRegularExpression &rawHtmlStart()
{
    static const QRegularExpression re(
        QStringLiteral(R"(^ {0,3}<(script|pre|style|textarea)(\s|>|$))"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &rawHtmlEnd()
{
    static const QRegularExpression re(QStringLiteral(R"(</(script|pre|style|textarea)>)"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

// CommonMark's HTML block start condition 6: a block-level tag.
const QRegularExpression &blockTagStart()
{
    static const QRegularExpression re(
        QStringLiteral(
            R"(^ {0,3}</?(address|article|aside|base|basefont|blockquote|body|caption|center|col|)"
            R"(colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|)"
            R"(frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|)"
            R"(menuitem|nav|noframes|ol|optgroup|option|p|param|section|source|summary|table|)"
            R"(tbody|td|tfoot|th|thead|title|tr|track|ul)(\s|/?>|$))"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

// Condition 7: any complete tag alone on its line (cannot interrupt a paragraph).
const QRegularExpression &loneTag()
{
    static const QRegularExpression re(QStringLiteral(
        R"(^ {0,3}(<[A-Za-z][A-Za-z0-9-]*(\s+[A-Za-z_:][\w.:-]*(\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*/?>|</[A-Za-z][A-Za-z0-9-]*\s*>)\s*$)"));
    return re;
}

const QRegularExpression &thematicBreak()
{
    static const QRegularExpression re(QStringLiteral(R"(^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$)"));
    return re;
}

const QRegularExpression &tableDelimiter()
{
    static const QRegularExpression re(
        QStringLiteral(R"(^ {0,3}\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$)"));
    return re;
}

int atxLevel(QStringView line)
{
    const int indent = leadingSpaces(line);
    if (indent > 3)
        return 0;
    int level = 0;
    while (indent + level < line.size() && line[indent + level] == QLatin1Char('#'))
        ++level;
    if (level == 0 || level > 6)
        return 0;
    const int after = indent + level;
    if (after < line.size() && !line[after].isSpace())
        return 0;
    return level;
}

int setextLevel(QStringView line)
{
    const int indent = leadingSpaces(line);
    if (indent > 3)
        return 0;
    const QStringView rest = trimmedRight(line.mid(indent));
    if (rest.isEmpty())
        return 0;
    const QChar c = rest.front();
    if (c != QLatin1Char('=') && c != QLatin1Char('-'))
        return 0;
    for (QChar x : rest) {
        if (x != c)
            return 0;
    }
    return c == QLatin1Char('=') ? 1 : 2;
}

bool hasUnescapedPipeOutsideCode(QStringView line)
{
    if (!line.contains(QLatin1Char('|')))
        return false;
    const QList<TextRange> spans = codeSpans(line);
    for (int i = 0; i < line.size(); ++i) {
        if (line[i] == QLatin1Char('\\')) {
            ++i;
            continue;
        }
        if (line[i] != QLatin1Char('|'))
            continue;
        bool inCode = false;
        for (const TextRange &span : spans)
            inCode = inCode || span.contains(i);
        if (!inCode)
            return true;
    }
    return false;
}

LineInfo scanHtmlStart(ScanState &state, QStringView line, bool previousIsParagraph)
{
    if (!line.trimmed().startsWith(QLatin1Char('<')) || leadingSpaces(line) > 3)
        return {LineKind::Paragraph, 0, {}};
    if (line.trimmed().startsWith(u"<!--")) {
        if (!line.mid(line.indexOf(u"<!--") + 4).contains(u"-->"))
            state.context = ScanState::Context::HtmlComment;
        return {LineKind::Html, 0, {}};
    }
    if (rawHtmlStart().match(line).hasMatch()) {
        if (!rawHtmlEnd().match(line).hasMatch())
            state.context = ScanState::Context::HtmlRaw;
        return {LineKind::Html, 0, {}};
    }
    if (blockTagStart().match(line).hasMatch()
        || (!previousIsParagraph && loneTag().match(line).hasMatch())) {
        state.context = ScanState::Context::HtmlBlock;
        return {LineKind::Html, 0, {}};
    }
    return {LineKind::Paragraph, 0, {}};
}

LineInfo scanNormal(ScanState &state, QStringView line, bool previousIsParagraph)
{
    if (isBlank(line))
        return {LineKind::Blank, 0, {}};
    if (const int level = atxLevel(line))
        return {LineKind::Heading, level, {}};
    if (previousIsParagraph) {
        if (const int level = setextLevel(line))
            return {LineKind::SetextUnderline, level, {}};
    }
    if (thematicBreak().match(line).hasMatch())
        return {LineKind::ThematicBreak, 0, {}};
    if (const std::optional<Fence> fence = fenceOpening(line)) {
        state.context = ScanState::Context::Fence;
        state.fenceChar = fence->character;
        state.fenceLength = fence->length;
        state.fenceIndent = fence->indent;
        return {LineKind::FenceOpen, 0, fence->language};
    }
    const LineInfo html = scanHtmlStart(state, line, previousIsParagraph);
    if (html.kind == LineKind::Html)
        return html;
    const LinePrefix prefix = linePrefix(line);
    if (prefix.isListItem())
        return {LineKind::ListItem, 0, {}};
    if (!prefix.quote.isEmpty())
        return {LineKind::Quote, 0, {}};
    if (hasUnescapedPipeOutsideCode(line))
        return {tableDelimiter().match(line).hasMatch() ? LineKind::TableDelimiter
                                                        : LineKind::TableRow,
                0,
                {}};
    return {LineKind::Paragraph, 0, {}};
}

} // namespace

FrontMatterExtent findFrontMatter(const std::function<std::optional<QStringView>(int)> &lineAt,
                                  int maxLines)
{
    const std::optional<QStringView> first = lineAt(0);
    if (!first)
        return {};
    const FrontMatterKind kind = openingKind(*first);
    if (kind == FrontMatterKind::None)
        return {};
    for (int i = 1; i < maxLines; ++i) {
        const std::optional<QStringView> line = lineAt(i);
        if (!line)
            break;
        if (isClosingLine(kind, *line))
            return {kind, i};
    }
    return {};
}

FrontMatterExtent findFrontMatter(QStringView text)
{
    // Walk the lines once, front to back, as the callback is asked for them in order.
    int nextIndex = 0;
    qsizetype nextStart = 0;
    return findFrontMatter([&](int index) -> std::optional<QStringView> {
        Q_ASSERT(index == nextIndex);
        if (nextStart > text.size())
            return std::nullopt;
        qsizetype end = text.indexOf(QLatin1Char('\n'), nextStart);
        if (end < 0)
            end = text.size();
        const QStringView line = text.mid(nextStart, end - nextStart);
        nextStart = end + 1;
        nextIndex = index + 1;
        return line;
    });
}

int ScanState::pack() const
{
    int packed = int(context) | (int(frontMatter) << 3) | (afterParagraph ? 1 << 24 : 0);
    if (context == Context::Fence) {
        packed |= (fenceChar == QLatin1Char('~') ? 1 : 0) << 5;
        packed |= (fenceIndent & 3) << 6;
        packed |= qMin(fenceLength, 0xffff) << 8; // bits 8..23
    }
    return packed;
}

ScanState ScanState::unpack(int packed)
{
    ScanState state;
    if (packed < 0)
        return state;
    state.context = Context(packed & 7);
    state.frontMatter = FrontMatterKind((packed >> 3) & 3);
    state.afterParagraph = (packed >> 24) & 1;
    if (state.context == Context::Fence) {
        state.fenceChar = (packed >> 5) & 1 ? QLatin1Char('~') : QLatin1Char('`');
        state.fenceIndent = (packed >> 6) & 3;
        state.fenceLength = (packed >> 8) & 0xffff;
    }
    return state;
}

LineInfo scanLine(ScanState &state, QStringView line, int lineNumber,
                  const FrontMatterExtent &frontMatter)
{
    const bool previousIsParagraph = state.afterParagraph;
    state.afterParagraph = false;
    if (frontMatter.contains(lineNumber)) {
        const bool delimiter = lineNumber == 0 || lineNumber == frontMatter.lastLine;
        state = {};
        if (lineNumber < frontMatter.lastLine) {
            state.context = ScanState::Context::FrontMatter;
            state.frontMatter = frontMatter.kind;
        }
        return {delimiter ? LineKind::FrontMatterDelimiter : LineKind::FrontMatter, 0, {}};
    }

    switch (state.context) {
    case ScanState::Context::FrontMatter:
        // The block was not closed after all: this is body.
        state = {};
        break;
    case ScanState::Context::Fence:
        if (closesFence(state, line)) {
            state = {};
            return {LineKind::FenceClose, 0, {}};
        }
        return {LineKind::Code, 0, {}};
    case ScanState::Context::HtmlComment:
        if (line.contains(u"-->"))
            state = {};
        return {LineKind::Html, 0, {}};
    case ScanState::Context::HtmlRaw:
        if (rawHtmlEnd().match(line).hasMatch())
            state = {};
        return {LineKind::Html, 0, {}};
    case ScanState::Context::HtmlBlock:
        if (isBlank(line)) {
            state = {};
            return {LineKind::Blank, 0, {}};
        }
        return {LineKind::Html, 0, {}};
    case ScanState::Context::Normal:
        break;
    }
    const LineInfo info = scanNormal(state, line, previousIsParagraph);
    state.afterParagraph = info.kind == LineKind::Paragraph;
    return info;
}

QList<ScannedLine> scanText(QStringView text)
{
    const FrontMatterExtent frontMatter = findFrontMatter(text);
    QList<ScannedLine> lines;
    ScanState state;
    qsizetype start = 0;
    for (int number = 0; start <= text.size(); ++number) {
        qsizetype end = text.indexOf(QLatin1Char('\n'), start);
        if (end < 0)
            end = text.size();
        QStringView line = text.mid(start, end - start);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        lines.append({number, int(start), line, scanLine(state, line, number, frontMatter)});
        start = end + 1;
    }
    return lines;
}

QList<TextRange> codeSpans(QStringView line)
{
    QList<TextRange> spans;
    int i = 0;
    const int n = int(line.size());
    while (i < n) {
        if (line[i] == QLatin1Char('\\')) {
            i += 2;
            continue;
        }
        if (line[i] != QLatin1Char('`')) {
            ++i;
            continue;
        }
        int runEnd = i;
        while (runEnd < n && line[runEnd] == QLatin1Char('`'))
            ++runEnd;
        const int runLength = runEnd - i;
        // Look for a closing run of exactly the same length.
        int j = runEnd;
        int closeEnd = -1;
        while (j < n) {
            if (line[j] != QLatin1Char('`')) {
                ++j;
                continue;
            }
            int k = j;
            while (k < n && line[k] == QLatin1Char('`'))
                ++k;
            if (k - j == runLength) {
                closeEnd = k;
                break;
            }
            j = k;
        }
        if (closeEnd < 0) {
            i = runEnd; // a lone run of backticks is literal text
            continue;
        }
        spans.append({i, closeEnd});
        i = closeEnd;
    }
    return spans;
}

LinePrefix linePrefix(QStringView line)
{
    LinePrefix prefix;
    const int n = int(line.size());
    int i = 0;
    while (i < n && (line[i] == QLatin1Char(' ') || line[i] == QLatin1Char('\t')))
        ++i;
    prefix.indent = line.left(i).toString();

    const int quoteStart = i;
    while (i < n && line[i] == QLatin1Char('>')) {
        ++i;
        if (i < n && line[i] == QLatin1Char(' '))
            ++i;
    }
    int j = i;
    while (j < n && line[j] == QLatin1Char(' '))
        ++j;

    int markerEnd = -1;
    if (j < n
        && (line[j] == QLatin1Char('-') || line[j] == QLatin1Char('*')
            || line[j] == QLatin1Char('+'))) {
        markerEnd = j + 1;
    } else {
        int k = j;
        while (k < n && k - j < 9 && line[k].isDigit())
            ++k;
        if (k > j && k < n && (line[k] == QLatin1Char('.') || line[k] == QLatin1Char(')')))
            markerEnd = k + 1;
    }
    const bool markerEndsWell = markerEnd > 0
                                && (markerEnd == n || line[markerEnd] == QLatin1Char(' ')
                                    || line[markerEnd] == QLatin1Char('\t'));
    if (!markerEndsWell) {
        prefix.quote = line.mid(quoteStart, i - quoteStart).toString();
        return prefix;
    }
    prefix.quote = line.mid(quoteStart, j - quoteStart).toString();
    prefix.marker = line.mid(j, markerEnd - j).toString();
    int afterEnd = markerEnd;
    while (afterEnd < n
           && (line[afterEnd] == QLatin1Char(' ') || line[afterEnd] == QLatin1Char('\t')))
        ++afterEnd;
    prefix.afterMarker = line.mid(markerEnd, afterEnd - markerEnd).toString();
    const QStringView rest = line.mid(afterEnd);
    if (rest.size() >= 3 && rest[0] == QLatin1Char('[') && rest[2] == QLatin1Char(']')
        && (rest[1] == QLatin1Char(' ') || rest[1] == QLatin1Char('x')
            || rest[1] == QLatin1Char('X'))
        && (rest.size() == 3 || rest[3] == QLatin1Char(' '))) {
        prefix.task = rest.left(rest.size() > 3 ? 4 : 3).toString();
    }
    return prefix;
}

namespace inlinePatterns {

const QRegularExpression &shortcode()
{
    static const QRegularExpression re(
        QStringLiteral(R"(\{\{[<%].*?[%>]\}\}|\{%.*?%\}|\{\{.*?\}\})"));
    return re;
}

const QRegularExpression &htmlTag()
{
    static const QRegularExpression re(
        QStringLiteral(R"(</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>|<!--.*?-->)"));
    return re;
}

const QRegularExpression &autolink()
{
    static const QRegularExpression re(QStringLiteral(R"(<[A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*>)"));
    return re;
}

const QRegularExpression &bareUrl()
{
    static const QRegularExpression re(QStringLiteral(R"(\b(https?|ftp)://[^\s<>)\]]+)"));
    return re;
}

const QRegularExpression &linkTarget()
{
    static const QRegularExpression re(QStringLiteral(R"(\]\([^)]*\))"));
    return re;
}

} // namespace inlinePatterns

} // namespace pw
