#pragma once

#include "base/result.h"
#include "frontmatter/postdocument.h"

#include <QDateTime>
#include <QString>

namespace pw {

struct Blog;

// The text of a new draft: front matter in the given format with title, date, draft: true, empty
// tags, then an empty body.
Result<QString> newPostText(const QString &title, const QDateTime &date,
                            FrontMatterFormat format = FrontMatterFormat::Yaml);

// Writes a new draft into the blog's posts folder under a file name made from the title (never
// over an existing file) and returns its path.
Result<QString> createPost(const Blog &blog, const QString &title, const QDateTime &date,
                           FrontMatterFormat format = FrontMatterFormat::Yaml);

} // namespace pw
