#pragma once

// A cmark-gfm syntax extension of ours: $…$ and \(…\) inline, $$…$$ and \[…\] display math. The TeX
// between the dollars is taken as it is (no emphasis, no backslash escapes) and written,
// HTML-escaped, the way pandoc writes math: <span class="math inline">\(…\)</span> and <span
// class="math display">\[…\]</span>, for KaTeX in the preview or MathJax/KaTeX on the site.
// Pandoc's rules: "$" followed by a space, or a closing "$" preceded by a space or followed by a
// digit, is not math ("$5 and $10" stays text); "\$" is a dollar; code is never math.
// cmark-gfm reads "\(" as an escaped bracket before any extension sees it, so maskMathDelimiters()
// swaps \( \) \[ \] for tokens the extension reads, and restoreMathDelimiters() puts back those
// that opened no math, as Markdown would have shown them. "\[x\]" is therefore math too, as
// with KaTeX's and MathJax's usual delimiters.
// The math is inline HTML, so it shows only with RenderOptions::rawHtml (the product's setting).
// Private to pw_markdown.

#include <QString>

#include <optional>

struct cmark_node;
struct cmark_syntax_extension;

namespace pw {

cmark_syntax_extension *mathExtension(); // created once, lives as long as the program

// Before parsing: the text with its delimiters masked, or nothing when it has none to mask.
std::optional<QString> maskMathDelimiters(const QString &markdown);
// After parsing a masked text, before anything reads the text nodes.
void restoreMathDelimiters(cmark_node *document);
// After parsing with the extension: math becomes its HTML, except in an image's description,
// where it is text as written ("$y$"), as an alt attribute holds no markup.
void finishMath(cmark_node *document);

} // namespace pw
