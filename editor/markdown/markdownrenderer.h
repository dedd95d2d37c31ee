#pragma once

// Markdown to sanitized HTML with cmark-gfm (table, strikethrough, autolink, tasklist, tagfilter,
// footnotes). The document comes as a list of top-level blocks, which is what the preview patches;
// the blocks joined (joinBlocks) are exactly what `postwright-cli render` prints.

#include <QList>
#include <QString>
#include <QStringList>

namespace pw {

struct RenderOptions
{
    bool sourcePositions = true; // data-sourcepos="l:c-l:c" on blocks, for scroll sync
    bool rawHtml = true;         // raw HTML is shown, always sanitized (never a script)
    bool footnotes = true;
    bool shortcodePlaceholders = true; // Hugo {{< >}} / {{% %}} and Liquid {% %} as placeholders
    int lineOffset = 0;       // added to source lines, so positions count in the whole file
    bool documentHtml = true; // also fill RenderedPost::html; the preview needs only the blocks
    // cmark-gfm extensions by name, and "math" ($…$ and $$…$$, mathextension.h); the product
    // uses all of them, the spec tests select per example.
    QStringList extensions
        = {QStringLiteral("table"),     QStringLiteral("strikethrough"), QStringLiteral("autolink"),
           QStringLiteral("tagfilter"), QStringLiteral("tasklist"),      QStringLiteral("math")};
};

struct Heading
{
    int level = 1;
    QString text;
    int line = 0; // 1-based, with RenderOptions::lineOffset applied
};

// One top-level node of the document (a paragraph, a list, a table...; all footnotes together are
// the last block; raw HTML that leaves an element open, like <details>, and the nodes up to its end
// tag are one block, so each block's HTML is balanced). Its HTML does not depend on where the block
// is in the file: the lines in its data-sourcepos attributes count from the block's first line (1),
// so text typed above a block leaves its HTML, and its hash, as they were.
struct RenderedBlock
{
    QString html;
    int firstLine = 0; // in the file (RenderOptions::lineOffset applied)
    int lastLine = 0;
    size_t hash = 0; // of html
};

struct RenderedPost
{
    QString html; // joinBlocks(blocks), when RenderOptions::documentHtml
    QList<RenderedBlock> blocks;
    QList<Heading> headings;
};

RenderedPost renderMarkdown(const QString &markdown, const RenderOptions &options = {});

// The whole document's HTML: the blocks one after the other, source lines counted in the file.
QString joinBlocks(const QList<RenderedBlock> &blocks);

// The product's options for a post's body, with source positions counted in the whole file (the
// body starts at bodyFirstLine).
RenderOptions postRenderOptions(int bodyFirstLine);

// A post's body as the preview shows it and `postwright-cli render` prints it.
RenderedPost renderPostBody(const QString &body, int bodyFirstLine);

// Allow-list sanitizer for HTML: drops script-capable elements, on* attributes and unsafe URLs.
QString sanitizeHtml(const QString &html);

} // namespace pw
