#pragma once

// Where a post's front-matter block is: found by its delimiters alone, before any parsing, so a
// half-typed or broken block still leaves the body where the author sees it.

#include "frontmatter/postdocument.h"

#include <QString>

namespace pw::frontmatter {

struct BlockLayout
{
    FrontMatterFormat format = FrontMatterFormat::None;
    // An opening delimiter without a closing one: rendered as no front matter, reported as an
    // error.
    FrontMatterFormat unclosedFormat = FrontMatterFormat::None;
    int start = 0;        // the opening delimiter (after a BOM, if the text has one)
    int contentStart = 0; // first character of the block's content
    int contentEnd = 0;   // one past the content (the closing delimiter line starts here)
    int end = 0;          // where the body starts
    int contentFirstLine = 1;

    bool hasBlock() const { return format != FrontMatterFormat::None; }
};

BlockLayout locateFrontMatter(const QString &text);

} // namespace pw::frontmatter
