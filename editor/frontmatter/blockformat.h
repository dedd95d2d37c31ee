#pragma once

// Which format a post that has no front matter gets its first block in: the one the blog's other
// posts are written in, so a Hugo blog of TOML posts does not grow a YAML one.

#include "frontmatter/postdocument.h"

#include <QList>

namespace pw {

// The format most of the given blocks use (posts without one, FrontMatterFormat::None, do not
// count); YAML when none has a block. A tie goes to YAML, then TOML, then JSON.
FrontMatterFormat formatForNewBlocks(const QList<FrontMatterFormat> &formatsOfPosts);

} // namespace pw
