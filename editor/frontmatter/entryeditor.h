#pragma once

// Format-neutral edits of one entry: replace a scalar in its own quoting, patch a list item by
// item (kept items keep their exact text, comments included), or replace the value wholesale.

#include "frontmatter/blocksyntax.h"

namespace pw::frontmatter {

TextPatch replaceValue(const QString &text, const Entry &entry, const QJsonValue &value,
                       const BlockSyntax &syntax, bool dateValue);

} // namespace pw::frontmatter
