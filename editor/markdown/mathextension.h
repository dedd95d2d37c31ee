#pragma once

// A cmark-gfm syntax extension of ours: $…$ inline and $$…$$ display math. The TeX between the
// dollars is taken as it is (no emphasis, no backslash escapes) and written, HTML-escaped, the
// way pandoc writes math: <span class="math inline">\(…\)</span> and
// <span class="math display">\[…\]</span>, for KaTeX in the preview or MathJax/KaTeX on the site.
// Pandoc's rules: "$" followed by a space, or a closing "$" preceded by a space or followed by a
// digit, is not math ("$5 and $10" stays text); "\$" is a dollar; code is never math.
// The math is inline HTML, so it shows only with RenderOptions::rawHtml (the product's setting).
// Private to pw_markdown.

struct cmark_syntax_extension;

namespace pw {

cmark_syntax_extension *mathExtension(); // created once, lives as long as the program

} // namespace pw
