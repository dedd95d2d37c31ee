#pragma once

// A blog is a git work tree holding a static site: where its posts, static files and images are,
// by the conventions of the generator that builds it.

#include "base/result.h"
#include "frontmatter/postdocument.h"

#include <QHash>
#include <QString>

namespace pw {

enum class SiteGenerator { Unknown, Hugo, Jekyll, Astro, Eleventy, NextJs };

QString generatorName(SiteGenerator generator);

struct Blog
{
    QString root;       // the git work tree
    QString contentDir; // where posts live
    QString staticDir;  // served at the site's root: /images/x.png is staticDir + /images/x.png
    QString imagesDir;  // where pasted images go for posts that are not page bundles
    QString postsDir;   // where File > New Post puts a new post
    SiteGenerator generator = SiteGenerator::Unknown;
    TermStringRule termRule = TermStringRule::WholeString;
    QString language;     // as the site's configuration writes it ("en-us"); empty: it says none
    QString languageFile; // the configuration file it was read from
    // A multilingual Hugo site's languages: key ("fr") -> language ("fr-FR") and content folder.
    QHash<QString, QString> translationLanguages;
    QHash<QString, QString> translationContentDirs; // absolute; only those the config sets

    QString relativePath(const QString &absolutePath) const;
};

// Opens the blog at `path` (its root or any folder inside it). Fails unless it is in a git work
// tree.
Result<Blog> openBlog(const QString &path);

// The site's language from its configuration, by the generator's conventions: Hugo's
// `languageCode` (else the default language's `languageCode`, else `defaultContentLanguage`) in
// hugo.* / config.* / config/_default/*, Jekyll's `lang` / `locale` in _config.*, Eleventy's
// `language` / `lang` / `locale` in _data/metadata.json or site.json. Astro and Next.js keep it
// in JavaScript, which is not read. A file that does not parse is passed over.
struct SiteLanguage
{
    QString language;
    QString file;
    QHash<QString, QString> translations; // Hugo's `languages`: key -> its languageCode (or key)
    QHash<QString, QString> contentDirs;  // Hugo's `languages.<key>.contentDir`, as written
};
SiteLanguage readSiteLanguage(const QString &root, SiteGenerator generator);

// The language a post is written in, by the site's conventions: a Hugo translation's file name
// (`post.fr.md`) or its language's content folder, else the blog's language.
QString postLanguage(const Blog &blog, const QString &postFile);

// True when `postFile` is a page bundle's index (index.md / _index.md in a folder of its own).
bool isPageBundle(const QString &postFile);

} // namespace pw
