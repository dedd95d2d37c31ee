#include "markdownrenderer.h"

#include "cmarkhandles.h"
#include "mathextension.h"
#include "shortcodes.h"
#include "urlsafety.h"

#include <cmark-gfm-core-extensions.h>

#include <QRegularExpression>
#include <QSet>

#include <cstring>
#include <type_traits>

namespace pw {
namespace {

int parserOptions(const RenderOptions &options)
{
    int flags = CMARK_OPT_DEFAULT;
    if (options.sourcePositions)
        flags |= CMARK_OPT_SOURCEPOS;
    if (options.footnotes)
        flags |= CMARK_OPT_FOOTNOTES;
    // Raw HTML is written out and then sanitized; without it cmark-gfm omits it altogether.
    if (options.rawHtml)
        flags |= CMARK_OPT_UNSAFE;
    return flags;
}

void attachExtensions(cmark_parser *parser, const QStringList &names)
{
    cmark_gfm_core_extensions_ensure_registered();
    for (const QString &name : names) {
        cmark_syntax_extension *extension
            = name == u"math" ? mathExtension()
                              : cmark_find_syntax_extension(name.toUtf8().constData());
        if (extension)
            cmark_parser_attach_syntax_extension(parser, extension);
    }
}

// The text of a heading as a reader sees it: its text, code and line breaks, without markup.
QString plainText(cmark_node *heading)
{
    QString text;
    cmark::forEachNode(heading, [&](cmark_node *node) {
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
            text += QString::fromUtf8(cmark_node_get_literal(node));
            break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
            text += QLatin1Char(' ');
            break;
        default:
            break;
        }
    });
    return text.simplified();
}

QList<Heading> collectHeadings(cmark_node *document, const QStringList &shortcodes)
{
    QList<Heading> headings;
    for (cmark_node *block = cmark_node_first_child(document); block;
         block = cmark_node_next(block)) {
        if (cmark_node_get_type(block) != CMARK_NODE_HEADING)
            continue;
        headings.append(Heading{cmark_node_get_heading_level(block),
                                restoreShortcodes(plainText(block), shortcodes),
                                cmark_node_get_start_line(block)});
    }
    return headings;
}

QString literal(cmark_node *node)
{
    const char *text = cmark_node_get_literal(node);
    return text ? QString::fromUtf8(text) : QString();
}

// Sanitizes where the author's HTML and URLs are, in the parsed document: everything else
// cmark-gfm writes itself, escaped. Each raw HTML fragment is sanitized on its own, and the
// sanitizer never leaves a fragment in a state (an open comment, an unclosed style element)
// that would change how the next one is read, so the whole document is as safe as its parts.
// The tags GFM's tagfilter extension shows as text. It acts when the HTML is written, after the
// sanitizer would have dropped them: so they are escaped here first, the way it does it.
QString escapeFilteredTags(const QString &html)
{
    static const QRegularExpression filtered(
        QStringLiteral("<(?=/?(?:title|textarea|style|xmp|iframe|noembed|noframes|script|"
                       "plaintext)(?:[\\s/>]|$))"),
        QRegularExpression::CaseInsensitiveOption);
    QString escaped = html;
    escaped.replace(filtered, QStringLiteral("&lt;"));
    return escaped;
}

void sanitizeDocument(cmark_node *document, bool tagFilter)
{
    cmark::forEachNode(document, [&](cmark_node *node) {
        switch (cmark_node_get_type(node)) {
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_HTML_INLINE: {
            const QString html = tagFilter ? escapeFilteredTags(literal(node)) : literal(node);
            cmark_node_set_literal(node, sanitizeHtml(html).toUtf8().constData());
            break;
        }
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE: {
            const QString url = QString::fromUtf8(cmark_node_get_url(node));
            const bool image = cmark_node_get_type(node) == CMARK_NODE_IMAGE;
            if (!(image ? isSafeMediaUrl(url) : isSafeLinkUrl(url)))
                cmark_node_set_url(node, ""); // as cmark-gfm's own safe mode does
            break;
        }
        default:
            break;
        }
    });
}

// Adds delta to both line numbers of every data-sourcepos="l:c-l:c" in html (cmark-gfm writes
// them; a block's own lines are relative, the document's absolute). String is the UTF-8 that
// cmark-gfm wrote or the QString of a block.
int codeUnit(char c)
{
    return uchar(c);
}
int codeUnit(QChar c)
{
    return c.unicode();
}

template<typename String, typename Marker>
String shiftSourceLines(const String &html, Marker marker, int delta)
{
    const qsizetype markerLength = qsizetype(sizeof("data-sourcepos=\"")) - 1;
    qsizetype at = html.indexOf(marker);
    if (delta == 0 || at < 0)
        return html;
    using View = std::conditional_t<std::is_same_v<String, QString>, QStringView, QByteArrayView>;
    const View source(html);
    String out;
    out.reserve(html.size() + html.size() / 64);
    qsizetype copied = 0;
    // Replaces the number at `at` (when there is one) with the number plus delta.
    auto shiftNumber = [&] {
        qsizetype end = at;
        int value = 0;
        while (end < html.size() && codeUnit(html[end]) >= '0' && codeUnit(html[end]) <= '9'
               && end - at < 9)
            value = value * 10 + (codeUnit(html[end++]) - '0');
        if (end == at)
            return;
        out.append(source.sliced(copied, at - copied));
        out.append(String::number(value + delta));
        copied = at = end;
    };
    for (; at >= 0; at = html.indexOf(marker, at)) {
        at += markerLength;
        shiftNumber(); // the first line
        while (at < html.size() && codeUnit(html[at]) != '-' && codeUnit(html[at]) != '"')
            ++at;
        if (at < html.size() && codeUnit(html[at]) == '-') {
            ++at;
            shiftNumber(); // the last line
        }
    }
    out.append(source.sliced(copied));
    return out;
}

RenderedBlock renderBlock(cmark_node *root, int firstLine, int lastLine, int flags,
                          cmark_llist *extensions)
{
    const cmark::Text text(cmark_render_html(root, flags, extensions));
    RenderedBlock block;
    QByteArray utf8 = QByteArray::fromRawData(text.get(), qsizetype(std::strlen(text.get())));
    if (flags & CMARK_OPT_SOURCEPOS)
        utf8 = shiftSourceLines(utf8, "data-sourcepos=\"", 1 - firstLine);
    block.html = QString::fromUtf8(utf8);
    block.firstLine = firstLine;
    block.lastLine = lastLine;
    block.hash = qHash(block.html);
    return block;
}

// Elements without an end tag, and those whose end tag may be left out (a browser closes them
// itself when the next block starts): neither keeps the blocks after it inside.
bool leavesNothingOpen(QStringView name)
{
    static const QSet<QString> names = {
        QStringLiteral("area"),     QStringLiteral("base"),    QStringLiteral("br"),
        QStringLiteral("col"),      QStringLiteral("embed"),   QStringLiteral("hr"),
        QStringLiteral("img"),      QStringLiteral("input"),   QStringLiteral("link"),
        QStringLiteral("meta"),     QStringLiteral("param"),   QStringLiteral("source"),
        QStringLiteral("track"),    QStringLiteral("wbr"),     QStringLiteral("p"),
        QStringLiteral("li"),       QStringLiteral("dt"),      QStringLiteral("dd"),
        QStringLiteral("rt"),       QStringLiteral("rp"),      QStringLiteral("option"),
        QStringLiteral("tr"),       QStringLiteral("td"),      QStringLiteral("th"),
        QStringLiteral("thead"),    QStringLiteral("tbody"),   QStringLiteral("tfoot"),
        QStringLiteral("colgroup"), QStringLiteral("caption"),
    };
    return names.contains(name.toString().toLower());
}

// How many elements are open after the sanitized html, when `open` were before it: each end tag
// closes one, each start tag opens one (comments and the text of a style element do not count).
// The sanitizer writes every tag it keeps itself, so tags are well formed.
int openElementsAfter(const QString &html, int open)
{
    const auto isNameChar = [](QChar c) {
        return c.isLetterOrNumber() || c == u'-';
    };
    for (qsizetype at = html.indexOf(u'<'); at >= 0 && at + 1 < html.size();
         at = html.indexOf(u'<', at + 1)) {
        if (QStringView(html).sliced(at).startsWith(u"<!--")) {
            at = html.indexOf(QStringLiteral("-->"), at + 4);
            if (at < 0)
                break;
            continue;
        }
        const bool closing = html[at + 1] == u'/';
        qsizetype nameStart = at + (closing ? 2 : 1);
        qsizetype nameEnd = nameStart;
        while (nameEnd < html.size() && isNameChar(html[nameEnd]))
            ++nameEnd;
        if (nameEnd == nameStart || !html[nameStart].isLetter())
            continue;
        const QStringView name = QStringView(html).sliced(nameStart, nameEnd - nameStart);
        const qsizetype tagEnd = html.indexOf(u'>', nameEnd);
        if (tagEnd < 0)
            break;
        if (leavesNothingOpen(name) || (!closing && html[tagEnd - 1] == u'/'))
            continue;
        if (closing) {
            open = qMax(0, open - 1);
        } else {
            ++open;
            if (name.compare(u"style", Qt::CaseInsensitive) == 0) {
                at = html.indexOf(QStringLiteral("</style"), tagEnd, Qt::CaseInsensitive) - 1;
                if (at < 0)
                    break;
            }
        }
    }
    return open;
}

// Nodes rendered together as one block.
class BlockGroup
{
public:
    void add(cmark_node *node)
    {
        const int first = cmark_node_get_start_line(node);
        const int last = cmark_node_get_end_line(node);
        if (!m_root) {
            m_root.reset(cmark_node_new(CMARK_NODE_DOCUMENT));
            m_first = first;
        }
        m_first = qMin(m_first, first);
        m_last = qMax(m_last, last);
        cmark_node_append_child(m_root.get(), node); // unlinks it from the document
    }
    bool isEmpty() const { return !m_root; }
    RenderedBlock render(int flags, cmark_llist *extensions) const
    {
        return renderBlock(m_root.get(), m_first, m_last, flags, extensions);
    }

private:
    cmark::Node m_root;
    int m_first = 0;
    int m_last = 0;
};

// Each top-level node on its own, except where raw HTML leaves an element open (<details>, a
// <div> around Markdown): the nodes up to the one that closes it are one block, so that the page,
// which parses each block on its own, nests them as a browser reading the whole document does.
// cmark-gfm has already moved the footnote definitions (those referenced) to the end of the
// document; they are one block, rendered in one go because the renderer numbers them and writes
// the <section> around them.
QList<RenderedBlock> renderBlocks(cmark_node *document, int flags, cmark_llist *extensions)
{
    QList<RenderedBlock> blocks;
    BlockGroup footnotes;
    BlockGroup openHtml;
    int openDepth = 0;
    for (cmark_node *node = cmark_node_first_child(document); node;) {
        cmark_node *next = cmark_node_next(node);
        if (cmark_node_get_type(node) == CMARK_NODE_FOOTNOTE_DEFINITION) {
            footnotes.add(node);
            node = next;
            continue;
        }
        if (cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK)
            openDepth = openElementsAfter(literal(node), openDepth);
        if (openDepth > 0 || !openHtml.isEmpty()) {
            openHtml.add(node);
            if (openDepth == 0) {
                blocks.append(openHtml.render(flags, extensions));
                openHtml = BlockGroup();
            }
        } else {
            const int first = cmark_node_get_start_line(node);
            blocks.append(
                renderBlock(node, first, cmark_node_get_end_line(node), flags, extensions));
        }
        node = next;
    }
    if (!openHtml.isEmpty())
        blocks.append(openHtml.render(flags, extensions));
    if (!footnotes.isEmpty())
        blocks.append(footnotes.render(flags, extensions));
    return blocks;
}

} // namespace

RenderedPost renderMarkdown(const QString &markdown, const RenderOptions &options)
{
    MaskedShortcodes masked
        = options.shortcodePlaceholders ? maskShortcodes(markdown) : MaskedShortcodes{markdown, {}};
    std::optional<QString> mathMasked;
    if (options.extensions.contains(QStringLiteral("math")))
        mathMasked = maskMathDelimiters(masked.markdown);
    if (mathMasked)
        masked.markdown = *mathMasked;
    const int flags = parserOptions(options);
    cmark::Parser parser(cmark_parser_new(flags));
    attachExtensions(parser.get(), options.extensions);
    // Blank lines before the body move every source position down by lineOffset, and CommonMark
    // ignores blank lines at the start of a document.
    const QByteArray blankLines(qMax(0, options.lineOffset), '\n');
    cmark_parser_feed(parser.get(), blankLines.constData(), size_t(blankLines.size()));
    const QByteArray utf8 = masked.markdown.toUtf8();
    cmark_parser_feed(parser.get(), utf8.constData(), size_t(utf8.size()));
    cmark::Node document(cmark_parser_finish(parser.get()));

    if (options.extensions.contains(QStringLiteral("math")))
        finishMath(document.get());
    if (mathMasked)
        restoreMathDelimiters(document.get());
    RenderedPost post;
    post.headings = collectHeadings(document.get(), masked.originals);
    placeShortcodePlaceholders(document.get(), masked.originals);
    sanitizeDocument(document.get(),
                     options.extensions.contains(QStringLiteral(
                         "tagfilter"))); // last: it also sees the shortcode text put back

    // The extensions the parser used also render (table cells, task-list checkboxes).
    post.blocks
        = renderBlocks(document.get(), flags, cmark_parser_get_syntax_extensions(parser.get()));
    if (options.documentHtml)
        post.html = joinBlocks(post.blocks);
    return post;
}

QString joinBlocks(const QList<RenderedBlock> &blocks)
{
    qsizetype size = 0;
    for (const RenderedBlock &block : blocks)
        size += block.html.size() + 16;
    QString html;
    html.reserve(size);
    for (const RenderedBlock &block : blocks)
        html += shiftSourceLines(block.html, QLatin1StringView("data-sourcepos=\""),
                                 block.firstLine - 1);
    return html;
}

RenderOptions postRenderOptions(int bodyFirstLine)
{
    RenderOptions options;
    options.lineOffset = bodyFirstLine - 1;
    return options;
}

RenderedPost renderPostBody(const QString &body, int bodyFirstLine)
{
    return renderMarkdown(body, postRenderOptions(bodyFirstLine));
}

} // namespace pw
