#pragma once

// Reads the typed fields out of a parsed block, warning (with the value's position) where a
// value has the wrong type instead of failing.

#include "frontmatter/blocksyntax.h"

namespace pw::frontmatter {

struct MetadataReading
{
    PostMetadata metadata;
    QList<Diagnostic> warnings;
};

// The entry a field is stored under: the first of its names the file uses (Hugo reads keys
// case-insensitively, so "publishdate" counts), or -1.
int entryIndexFor(const ParsedBlock &block, Field field);
MetadataReading readMetadata(const ParsedBlock &block, TermStringRule rule);
QStringList termsOf(const Entry &entry, TermStringRule rule);
QDateTime parseDate(const QString &text);

} // namespace pw::frontmatter
