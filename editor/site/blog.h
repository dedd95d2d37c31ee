#pragma once

// A blog is a git work tree holding a static site: where its posts, static files and images are,
// by the conventions of the generator that builds it.

#include "base/result.h"
#include "frontmatter/postdocument.h"

#include <QString>

namespace pw {

enum class SiteGenerator { Unknown, Hugo, Jekyll, Astro, Eleventy, NextJs };

QString generatorName(SiteGenerator generator);

struct Blog {
    QString root;       // the git work tree
    QString contentDir; // where posts live
    QString staticDir;  // served at the site's root: /images/x.png is staticDir + /images/x.png
    QString imagesDir;  // where pasted images go for posts that are not page bundles
    QString postsDir;   // where File > New Post puts a new post
    SiteGenerator generator = SiteGenerator::Unknown;
    TermStringRule termRule = TermStringRule::WholeString;

    QString relativePath(const QString &absolutePath) const;
};

// Opens the blog at `path` (its root or any folder inside it). Fails unless it is in a git work tree.
Result<Blog> openBlog(const QString &path);

// True when `postFile` is a page bundle's index (index.md / _index.md in a folder of its own).
bool isPageBundle(const QString &postFile);

} // namespace pw
