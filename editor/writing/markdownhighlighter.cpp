#include "markdownhighlighter.h"

#include "spellchecker.h"
#include "spellscope.h"
#include "textstatistics.h"

#include <QFontDatabase>
#include <QRegularExpression>
#include <QTextDocument>
#include <QTimer>

namespace pw {

namespace {

// What the highlighter learnt about a block: its kind, and its counts for the status bar.
class LineData : public QTextBlockUserData
{
public:
    LineData(LineKind lineKind, const TextStatistics &lineCounts)
        : kind(lineKind)
        , counts(lineCounts)
    {
    }
    LineKind kind;
    TextStatistics counts;
    bool spellChecked = false; // its words were looked up, with the current checker
    bool misspelled = false;   // and some are underlined
};

LineData *lineData(const QTextBlock &block)
{
    return dynamic_cast<LineData *>(block.userData());
}

QColor mix(const QColor &a, const QColor &b, double amountOfB)
{
    const auto channel = [&](double x, double y) {
        return int(x + (y - x) * amountOfB);
    };
    return QColor(channel(a.red(), b.red()), channel(a.green(), b.green()),
                  channel(a.blue(), b.blue()));
}

QTextCharFormat coloured(const QColor &color)
{
    QTextCharFormat format;
    format.setForeground(color);
    return format;
}

bool couldBeFrontMatterDelimiter(const QString &text)
{
    const QStringView line = QStringView(text).trimmed();
    return line == u"---" || line == u"..." || line == u"+++" || line == u"}" || line == u"{";
}

// Blocks whose front matter may start or end this far down are looked at; past it, a line is
// never front matter (findFrontMatter's own limit).
constexpr int frontMatterScanLimit = 2000;

struct InlineRule
{
    const QRegularExpression &pattern;
    enum class Kind { Link, Url, Strong, Emphasis, Strike, Html } kind;
};

const QList<InlineRule> &inlineRules()
{
    using K = InlineRule::Kind;
    static const QRegularExpression strong(QStringLiteral(R"((\*\*|__)(?=\S)(.+?)(?<=\S)\1)"));
    static const QRegularExpression starEmphasis(
        QStringLiteral(R"((?<![*\\])\*(?=[^\s*])(.+?)(?<=[^\s*\\])\*(?!\*))"));
    static const QRegularExpression underscoreEmphasis(
        QStringLiteral(R"((?<![\w\\])_(?=[^\s_])(.+?)(?<=[^\s_])_(?!\w))"));
    static const QRegularExpression strike(QStringLiteral(R"(~~(?=\S)(.+?)(?<=\S)~~)"));
    static const QRegularExpression link(QStringLiteral(R"(!?\[([^\]]*)\](\([^)]*\)|\[[^\]]*\]))"));
    static const QList<InlineRule> rules{
        {inlinePatterns::autolink(), K::Url},
        {inlinePatterns::htmlTag(), K::Html},
        {inlinePatterns::shortcode(), K::Html},
        {strong, K::Strong},
        {starEmphasis, K::Emphasis},
        {underscoreEmphasis, K::Emphasis},
        {strike, K::Strike},
        {link, K::Link},
        {inlinePatterns::bareUrl(), K::Url},
    };
    return rules;
}

} // namespace

HighlightTheme HighlightTheme::fromPalette(const QPalette &palette)
{
    HighlightTheme theme;
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    theme.dark = base.lightness() < 128;
    QColor accent = palette.color(QPalette::Link);
    if (theme.dark && accent.lightness() < 150)
        accent = accent.lighter(170);
    if (!theme.dark && accent.lightness() > 140)
        accent = accent.darker(150);
    const QColor muted = mix(text, base, 0.45);

    theme.markup = coloured(muted);
    theme.heading = coloured(mix(accent, text, 0.35));
    theme.heading.setFontWeight(QFont::Bold);
    theme.emphasis.setFontItalic(true);
    theme.strong.setFontWeight(QFont::Bold);
    theme.strikethrough.setFontStrikeOut(true);
    theme.strikethrough.setForeground(muted);

    const QString fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont).family();
    theme.code = coloured(theme.dark ? QColor(0xe8, 0xa0, 0xc8) : QColor(0x9c, 0x2b, 0x5e));
    theme.code.setFontFamilies({fixed});
    theme.codeBackground = mix(base, text, theme.dark ? 0.09 : 0.05);
    theme.fence = coloured(muted);
    theme.fence.setFontFamilies({fixed});
    theme.fenceLanguage = coloured(mix(accent, text, 0.2));
    theme.fenceLanguage.setFontFamilies({fixed});
    theme.fenceLanguage.setFontWeight(QFont::Bold);

    theme.link = coloured(accent);
    theme.link.setFontUnderline(true);
    theme.url = coloured(mix(accent, base, 0.35));
    theme.listMarker = coloured(theme.dark ? QColor(0xf2, 0xa8, 0x5c) : QColor(0xb0, 0x55, 0x00));
    theme.listMarker.setFontWeight(QFont::Bold);
    theme.quote = coloured(mix(text, base, 0.3));
    theme.quote.setFontItalic(true);
    theme.html = coloured(theme.dark ? QColor(0xc9, 0xa2, 0xec) : QColor(0x7a, 0x3e, 0x9d));

    theme.frontMatter = coloured(mix(text, base, 0.2));
    theme.frontMatter.setFontFamilies({fixed});
    theme.frontMatterKey = coloured(mix(accent, text, 0.15));
    theme.frontMatterKey.setFontWeight(QFont::Bold);
    theme.frontMatterBackground = mix(base, accent, theme.dark ? 0.12 : 0.07);

    theme.spelling.setUnderlineStyle(QTextCharFormat::SpellCheckUnderline);
    theme.spelling.setUnderlineColor(theme.dark ? QColor(0xff, 0x6b, 0x6b)
                                                : QColor(0xd3, 0x2f, 0x2f));
    return theme;
}

MarkdownHighlighter::MarkdownHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
    , m_theme(HighlightTheme::fromPalette(QPalette()))
{
}

void MarkdownHighlighter::setTheme(const HighlightTheme &theme)
{
    m_theme = theme;
    m_formats.clear();
    rehighlight();
}

void MarkdownHighlighter::setSpellChecker(const SpellChecker *checker)
{
    m_spellChecker = checker;
    if (!m_spellWindow || !document()) {
        rehighlight();
        return;
    }
    // The underlines of the old checker go, the window is checked with the new one, and the rest
    // waits until it comes into view.
    int number = 0;
    for (QTextBlock block = document()->firstBlock(); block.isValid();
         block = block.next(), ++number) {
        LineData *data = lineData(block);
        if (!data)
            continue;
        const bool underlined = data->misspelled;
        data->spellChecked = false;
        if (underlined || (checker && isProse(data->kind) && inSpellCheckWindow(number)))
            rehighlightBlock(block);
    }
}

void MarkdownHighlighter::setSpellCheckWindow(int firstBlock, int lastBlock)
{
    m_spellWindow = {qMax(0, firstBlock), lastBlock};
    if (!m_spellChecker || !document())
        return;
    QTextBlock block = document()->findBlockByNumber(m_spellWindow->first);
    for (int number = m_spellWindow->first; block.isValid() && number <= lastBlock;
         block = block.next(), ++number) {
        // A block without data has not been highlighted yet; its first pass checks it.
        const LineData *data = lineData(block);
        if (data && !data->spellChecked && isProse(data->kind))
            rehighlightBlock(block);
    }
}

bool MarkdownHighlighter::inSpellCheckWindow(int blockNumber) const
{
    return !m_spellWindow
           || (blockNumber >= m_spellWindow->first && blockNumber <= m_spellWindow->second);
}

bool MarkdownHighlighter::isSpellChecked(const QTextBlock &block)
{
    const LineData *data = lineData(block);
    return data && data->spellChecked;
}

LineKind MarkdownHighlighter::lineKind(const QTextBlock &block)
{
    const auto *data = dynamic_cast<const LineData *>(block.userData());
    return data ? data->kind : LineKind::Paragraph;
}

TextStatistics MarkdownHighlighter::statistics() const
{
    TextStatistics stats;
    if (!document())
        return stats;
    for (QTextBlock block = document()->firstBlock(); block.isValid(); block = block.next()) {
        if (const auto *data = dynamic_cast<const LineData *>(block.userData()))
            stats += data->counts;
    }
    return stats;
}

void MarkdownHighlighter::refreshFrontMatter(int blockNumber)
{
    QTextBlock block = document()->firstBlock();
    QString line;
    const FrontMatterExtent extent = findFrontMatter(
        [&](int) -> std::optional<QStringView> {
            if (!block.isValid())
                return std::nullopt;
            line = block.text();
            block = block.next();
            return QStringView(line);
        },
        frontMatterScanLimit);
    if (extent.kind == m_frontMatter.kind && extent.lastLine == m_frontMatter.lastLine)
        return;
    m_frontMatter = extent;
    // The blocks after this one follow through their states; those before it were highlighted
    // with the old extent and are redone once this pass is over.
    if (blockNumber == 0)
        return;
    QTimer::singleShot(0, this, [this, blockNumber] {
        QTextBlock stale = document()->firstBlock();
        for (int i = 0; i < blockNumber && stale.isValid(); ++i, stale = stale.next())
            rehighlightBlock(stale);
    });
}

void MarkdownHighlighter::highlightBlock(const QString &text)
{
    const int number = currentBlock().blockNumber();
    ScanState state = ScanState::unpack(previousBlockState());
    if (number == 0 || state.context == ScanState::Context::FrontMatter
        || (number < frontMatterScanLimit && couldBeFrontMatterDelimiter(text)))
        refreshFrontMatter(number);

    const LineInfo info = scanLine(state, text, number, m_frontMatter);
    setCurrentBlockState(state.pack());
    const bool frontMatter
        = info.kind == LineKind::FrontMatter || info.kind == LineKind::FrontMatterDelimiter;
    // A block being edited was checked before (it is in view), so it stays checked.
    const LineData *previous = lineData(currentBlock());
    const bool checkSpelling
        = m_spellChecker && isProse(info.kind)
          && (inSpellCheckWindow(number) || (previous && previous->spellChecked));
    auto *data
        = new LineData(info.kind, frontMatter ? TextStatistics() : TextStatistics::ofLine(text));
    data->spellChecked = checkSpelling;
    setCurrentBlockUserData(data); // deletes `previous`

    LineRoles roles(int(text.size()));
    const int length = int(text.size());
    switch (info.kind) {
    case LineKind::Blank:
        return;
    case LineKind::FrontMatterDelimiter:
    case LineKind::SetextUnderline:
    case LineKind::ThematicBreak:
    case LineKind::TableDelimiter:
        roles.set(0, length, Role::Markup);
        break;
    case LineKind::FrontMatter:
        roleFrontMatterLine(text, roles);
        break;
    case LineKind::FenceOpen: {
        roles.set(0, length, Role::Fence);
        const qsizetype at = info.fenceLanguage.isEmpty() ? -1 : text.indexOf(info.fenceLanguage);
        if (at >= 0)
            roles.add(int(at), int(info.fenceLanguage.size()), Role::FenceLanguage);
        break;
    }
    case LineKind::FenceClose:
        roles.set(0, length, Role::Fence);
        break;
    case LineKind::Code:
        roles.set(0, length, Role::Code);
        break;
    case LineKind::Html:
        roles.set(0, length, Role::Html);
        break;
    case LineKind::Heading: {
        roles.set(0, length, Role::Heading);
        roleInline(text, 0, roles);
        const int hashes = int(text.indexOf(QLatin1Char('#')));
        int end = hashes;
        while (end < length && text[end] == QLatin1Char('#'))
            ++end;
        roles.add(hashes, end - hashes, Role::Markup);
        break;
    }
    case LineKind::Quote:
    case LineKind::ListItem: {
        const LinePrefix prefix = linePrefix(text);
        if (!prefix.quote.isEmpty())
            roles.set(0, length, Role::Quote);
        roleInline(text, prefix.length(), roles);
        roles.set(int(prefix.indent.size()), int(prefix.quote.size()), Role::Markup);
        const int marker = int(prefix.indent.size() + prefix.quote.size());
        roles.set(marker,
                  int(prefix.marker.size() + prefix.afterMarker.size() + prefix.task.size()),
                  Role::ListMarker);
        break;
    }
    case LineKind::TableRow:
        roleInline(text, 0, roles);
        for (int i = 0; i < length; ++i) {
            if (text[i] == QLatin1Char('|') && (i == 0 || text[i - 1] != QLatin1Char('\\')))
                roles.set(i, 1, Role::Markup);
        }
        break;
    case LineKind::Paragraph:
        roleInline(text, 0, roles);
        break;
    }

    if (checkSpelling) {
        const QList<TextRange> misspelled = m_spellChecker->misspelledWords(text);
        data->misspelled = !misspelled.isEmpty();
        for (const TextRange &word : misspelled)
            roles.add(word.start, word.length(), Role::Spelling);
    }
    applyRoles(roles);
}

void MarkdownHighlighter::roleFrontMatterLine(const QString &text, LineRoles &roles) const
{
    static const QRegularExpression key(QStringLiteral(R"(^\s*(- )?("[^"]+"|[\w.-]+)\s*(?=[:=]))"));
    static const QRegularExpression comment(QStringLiteral(R"((^|\s)#.*$)"));
    roles.set(0, int(text.size()), Role::FrontMatter);
    const QRegularExpressionMatch keyMatch = key.match(text);
    if (keyMatch.hasMatch())
        roles.add(int(keyMatch.capturedStart(2)), int(keyMatch.capturedLength(2)),
                  Role::FrontMatterKey);
    // A '#' inside a quoted value is no comment; this is a highlight, so "probably" is enough.
    if (!text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\''))) {
        const QRegularExpressionMatch commentMatch = comment.match(text);
        if (commentMatch.hasMatch())
            roles.set(int(commentMatch.capturedStart()), int(commentMatch.capturedLength()),
                      Role::Markup);
    }
}

void MarkdownHighlighter::roleInline(const QString &text, int from, LineRoles &roles) const
{
    // Code spans win over everything else: mask them so no other rule sees their content.
    const QList<TextRange> spans = codeSpans(text);
    QString masked = text;
    for (const TextRange &span : spans) {
        for (int i = span.start; i < span.end; ++i)
            masked[i] = QLatin1Char(' ');
    }
    for (int i = 0; i < from && i < masked.size(); ++i)
        masked[i] = QLatin1Char(' ');

    using K = InlineRule::Kind;
    for (const InlineRule &rule : inlineRules()) {
        QRegularExpressionMatchIterator it = rule.pattern.globalMatch(masked);
        while (it.hasNext()) {
            const QRegularExpressionMatch match = it.next();
            const int start = int(match.capturedStart());
            const int length = int(match.capturedLength());
            switch (rule.kind) {
            case K::Link: {
                roles.add(start, length, Role::Url);
                const int textStart = int(match.capturedStart(1));
                const int textLength = int(match.capturedLength(1));
                roles.remove(textStart, textLength, Role::Url);
                roles.add(textStart, textLength, Role::Link);
                break;
            }
            case K::Url:
                roles.add(start, length, Role::Url);
                break;
            case K::Html:
                roles.add(start, length, Role::Html);
                break;
            case K::Strong:
            case K::Emphasis:
            case K::Strike: {
                const Role role = rule.kind == K::Strong     ? Role::Strong
                                  : rule.kind == K::Emphasis ? Role::Emphasis
                                                             : Role::Strike;
                roles.add(start, length, role);
                const int group = rule.kind == K::Strong ? 2 : 1;
                const int markerLength = int(match.capturedStart(group)) - start;
                roles.add(start, markerLength, Role::Markup);
                roles.add(int(match.capturedEnd(group)), markerLength, Role::Markup);
                break;
            }
            }
        }
    }
    for (const TextRange &span : spans)
        roles.set(span.start, span.length(), Role::Code);
}

void MarkdownHighlighter::applyRoles(const LineRoles &roles)
{
    // One setFormat per run of equal roles; each combination's format is built once.
    const QList<quint32> &mask = roles.mask;
    for (int start = 0; start < mask.size();) {
        int end = start + 1;
        while (end < mask.size() && mask.at(end) == mask.at(start))
            ++end;
        if (mask.at(start) != 0)
            setFormat(start, end - start, formatFor(mask.at(start)));
        start = end;
    }
}

const QTextCharFormat &MarkdownHighlighter::formatFor(quint32 mask)
{
    auto cached = m_formats.find(mask);
    if (cached != m_formats.end())
        return *cached;
    const QTextCharFormat *byRole[] = {
        &m_theme.heading,        &m_theme.quote,         &m_theme.frontMatter,
        &m_theme.code,           &m_theme.fence,         &m_theme.html,
        &m_theme.link,           &m_theme.url,           &m_theme.strong,
        &m_theme.emphasis,       &m_theme.strikethrough, &m_theme.listMarker,
        &m_theme.frontMatterKey, &m_theme.fenceLanguage, &m_theme.markup,
        &m_theme.spelling,
    };
    static_assert(std::size(byRole) == int(Role::Count));
    QTextCharFormat format;
    for (int role = 0; role < int(Role::Count); ++role) {
        if (mask & (1u << role))
            format.merge(*byRole[role]);
    }
    return *m_formats.insert(mask, format);
}

} // namespace pw
