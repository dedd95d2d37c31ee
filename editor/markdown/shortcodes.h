#pragma once

// Hugo shortcodes ({{< name >}}, {{% name %}}) and Liquid tags ({% tag %}) are site-generator
// syntax, not Markdown. Before parsing they are swapped for tokens cmark-gfm passes through
// untouched; after parsing the tokens become placeholder chips. Private to pw_markdown.

#include <QString>
#include <QStringList>

struct cmark_node;

namespace pw {

struct MaskedShortcodes
{
    QString markdown;      // the input with every shortcode replaced by a token
    QStringList originals; // the source text of each, by token number
};

MaskedShortcodes maskShortcodes(const QString &markdown);

// Puts placeholders in the parsed document: in running text a <span class="pw-shortcode"> chip, in
// code, link targets and raw HTML the shortcode's own text.
void placeShortcodePlaceholders(cmark_node *document, const QStringList &originals);

// Replaces tokens in plain text (a heading's title) with the shortcode's source.
QString restoreShortcodes(const QString &text, const QStringList &originals);

} // namespace pw
