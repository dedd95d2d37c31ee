#pragma once

// Which words of a Markdown line a spell checker should look at. Lines of code fences, HTML
// blocks and front matter are skipped as a whole by the caller (see markdownscan.h); inside a
// line, code spans, URLs, link targets, HTML tags, shortcodes, e-mail addresses, file names and
// words with digits or underscores are skipped.

#include "writing/markdownscan.h"

#include <QList>
#include <QStringView>

namespace pw {

QList<TextRange> spellCheckableWords(QStringView line);

// Whether a line of this kind holds prose to check.
bool isProse(LineKind kind);

// The post's language from a top-level `lang` / `language` key of its front matter
// ("en-US", "de"...), empty when there is none.
QString frontMatterLanguage(QStringView post);

} // namespace pw
