#pragma once

// Pasted HTML (from a browser, an office suite...) becomes Markdown text, not markup soup.

#include <QString>

namespace pw {

// Converts with Qt's own reader and writer (QTextDocument::setHtml + toMarkdown, GitHub dialect)
// and tidies the result: no trailing spaces, no runs of blank lines, no line breaks around a
// fragment, so an inline snippet pastes inline.
QString htmlToMarkdown(const QString &html);

} // namespace pw
