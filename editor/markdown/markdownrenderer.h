#pragma once

// Markdown to sanitized HTML with cmark-gfm (table, strikethrough, autolink, tasklist, tagfilter,
// footnotes). The HTML this returns is exactly what the preview shows and what
// `postwright-cli render` prints.

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
    int lineOffset = 0; // added to source lines, so positions count in the whole file
    // cmark-gfm extensions by name; the product uses all of them, the spec tests select per
    // example.
    QStringList extensions
        = {QStringLiteral("table"), QStringLiteral("strikethrough"), QStringLiteral("autolink"),
           QStringLiteral("tagfilter"), QStringLiteral("tasklist")};
};

struct Heading
{
    int level = 1;
    QString text;
    int line = 0; // 1-based, with RenderOptions::lineOffset applied
};

struct RenderedPost
{
    QString html;
    QList<Heading> headings;
};

RenderedPost renderMarkdown(const QString &markdown, const RenderOptions &options = {});

// A post's body as the preview shows it and `postwright-cli render` prints it: the product's
// options, with source positions counted in the whole file (the body starts at bodyFirstLine).
RenderedPost renderPostBody(const QString &body, int bodyFirstLine);

// Allow-list sanitizer for HTML: drops script-capable elements, on* attributes and unsafe URLs.
QString sanitizeHtml(const QString &html);

} // namespace pw
