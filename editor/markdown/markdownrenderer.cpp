#include "markdownrenderer.h"

#include "cmarkhandles.h"
#include "shortcodes.h"

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
    cmark::Iter iter(cmark_iter_new(heading));
    for (cmark_event_type event = cmark_iter_next(iter.get()); event != CMARK_EVENT_DONE;
         event = cmark_iter_next(iter.get())) {
        if (event != CMARK_EVENT_ENTER)
            continue;
        cmark_node *node = cmark_iter_get_node(iter.get());
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
    }
    return text.simplified();
}

QList<Heading> collectHeadings(cmark_node *document, const RenderOptions &options,
                               const QStringList &shortcodes)
{
    QList<Heading> headings;
    for (cmark_node *block = cmark_node_first_child(document); block;
         block = cmark_node_next(block)) {
        if (cmark_node_get_type(block) != CMARK_NODE_HEADING)
            continue;
        headings.append(Heading{cmark_node_get_heading_level(block),
                                restoreShortcodes(plainText(block), shortcodes),
                                cmark_node_get_start_line(block) + options.lineOffset});
    }
    return headings;
}

// data-sourcepos="l:c-l:c" counts lines in the text cmark-gfm saw; the editor counts in the file.
QString offsetSourcePositions(const QString &html, int lineOffset)
{
    if (lineOffset == 0)
        return html;
    static const QRegularExpression pattern(
        QStringLiteral(R"re( data-sourcepos="(\d+):(\d+)-(\d+):(\d+)")re"));
    QString out;
    out.reserve(html.size() + html.size() / 50);
    qsizetype last = 0;
    auto it = pattern.globalMatch(html);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(html).mid(last, m.capturedStart() - last);
        out += QStringLiteral(" data-sourcepos=\"%1:%2-%3:%4\"")
                   .arg(m.captured(1).toInt() + lineOffset)
                   .arg(m.captured(2))
                   .arg(m.captured(3).toInt() + lineOffset)
                   .arg(m.captured(4));
        last = m.capturedEnd();
    }
    out += QStringView(html).mid(last);
    return out;
}

} // namespace

RenderedPost renderMarkdown(const QString &markdown, const RenderOptions &options)
{
    const MaskedShortcodes masked = options.shortcodePlaceholders
                                        ? maskShortcodes(markdown)
                                        : MaskedShortcodes{markdown, {}};
    const int flags = parserOptions(options);
    cmark::Parser parser(cmark_parser_new(flags));
    attachExtensions(parser.get(), options.extensions);
    const QByteArray utf8 = masked.markdown.toUtf8();
    cmark_parser_feed(parser.get(), utf8.constData(), size_t(utf8.size()));
    cmark::Node document(cmark_parser_finish(parser.get()));

    RenderedPost post;
    post.headings = collectHeadings(document.get(), options, masked.originals);
    placeShortcodePlaceholders(document.get(), masked.originals);

    // The extensions the parser used also render (table cells, task-list checkboxes).
    const cmark::Text html(cmark_render_html(document.get(), flags,
                                             cmark_parser_get_syntax_extensions(parser.get())));
    post.html = sanitizeHtml(offsetSourcePositions(QString::fromUtf8(html.get()), options.lineOffset));
    return post;
}

} // namespace pw
