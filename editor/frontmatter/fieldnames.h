#pragma once

// The names each modelled field goes by in the generators' front matter.

#include "frontmatter/postdocument.h"

#include <QStringList>

namespace pw::frontmatter {

// In order of preference; the first is the name written when the file has none of them.
const QStringList &namesOf(Field field);
bool isDateKey(const QString &key);
bool isTermField(Field field); // tags, categories, aliases: lists that may be a single string

} // namespace pw::frontmatter
