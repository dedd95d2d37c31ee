#include "markdownrenderer.h"

#include "cmarkhandles.h"
#include "shortcodes.h"
#include "urlsafety.h"

#include <cmark-gfm-core-extensions.h>

#include <QRegularExpression>

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
        cmark_syntax_extension *extension = cmark_find_syntax_extension(name.toUtf8().constData());
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

} // namespace

RenderedPost renderMarkdown(const QString &markdown, const RenderOptions &options)
{
    const MaskedShortcodes masked
        = options.shortcodePlaceholders ? maskShortcodes(markdown) : MaskedShortcodes{markdown, {}};
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

    RenderedPost post;
    post.headings = collectHeadings(document.get(), masked.originals);
    placeShortcodePlaceholders(document.get(), masked.originals);
    sanitizeDocument(document.get(),
                     options.extensions.contains(QStringLiteral(
                         "tagfilter"))); // last: it also sees the shortcode text put back

    // The extensions the parser used also render (table cells, task-list checkboxes).
    const cmark::Text html(
        cmark_render_html(document.get(), flags, cmark_parser_get_syntax_extensions(parser.get())));
    post.html = QString::fromUtf8(html.get());
    return post;
}

RenderedPost renderPostBody(const QString &body, int bodyFirstLine)
{
    RenderOptions options;
    options.lineOffset = bodyFirstLine - 1;
    return renderMarkdown(body, options);
}

} // namespace pw
