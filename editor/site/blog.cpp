#include "site/blog.h"

#include <QDir>
#include <QFileInfo>

namespace pw {

namespace {

bool hasAnyFile(const QDir &dir, const QStringList &names)
{
    for (const QString &name : names) {
        if (dir.exists(name))
            return true;
    }
    return false;
}

SiteGenerator detectGenerator(const QDir &root)
{
    if (hasAnyFile(root, {"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml"}))
        return SiteGenerator::Hugo;
    if (hasAnyFile(root, {"_config.yml", "_config.yaml", "_config.toml"}))
        return SiteGenerator::Jekyll;
    if (hasAnyFile(root, {"astro.config.mjs", "astro.config.js", "astro.config.ts", "astro.config.mts"}))
        return SiteGenerator::Astro;
    if (hasAnyFile(root, {".eleventy.js", "eleventy.config.js", "eleventy.config.mjs",
                          "eleventy.config.cjs"}))
        return SiteGenerator::Eleventy;
    if (hasAnyFile(root, {"next.config.js", "next.config.mjs", "next.config.ts"}))
        return SiteGenerator::NextJs;
    // A bare content tree (for example a copy of a Hugo site's content/ folder) is read the Hugo way.
    if (root.exists("content") || hasAnyFile(root, {"config.yaml", "config.json"}))
        return SiteGenerator::Hugo;
    return SiteGenerator::Unknown;
}

QString firstExisting(const QDir &root, const QStringList &candidates, const QString &fallback)
{
    for (const QString &candidate : candidates) {
        if (QFileInfo(root.filePath(candidate)).isDir())
            return root.filePath(candidate);
    }
    return root.filePath(fallback);
}

QString findWorkTree(const QString &path)
{
    QDir dir(QFileInfo(path).isDir() ? path : QFileInfo(path).absolutePath());
    do {
        if (QFileInfo::exists(dir.filePath(".git")))
            return QDir::cleanPath(dir.absolutePath());
    } while (dir.cdUp());
    return {};
}

} // namespace

QString generatorName(SiteGenerator generator)
{
    switch (generator) {
    case SiteGenerator::Hugo:
        return QStringLiteral("Hugo");
    case SiteGenerator::Jekyll:
        return QStringLiteral("Jekyll");
    case SiteGenerator::Astro:
        return QStringLiteral("Astro");
    case SiteGenerator::Eleventy:
        return QStringLiteral("Eleventy");
    case SiteGenerator::NextJs:
        return QStringLiteral("Next.js");
    case SiteGenerator::Unknown:
        break;
    }
    return QStringLiteral("unknown generator");
}

QString Blog::relativePath(const QString &absolutePath) const
{
    return QDir(root).relativeFilePath(absolutePath);
}

Result<Blog> openBlog(const QString &path)
{
    if (!QFileInfo(path).exists())
        return failure(Error{QStringLiteral("the folder does not exist"), path, 0, 0, {}});
    const QString workTree = findWorkTree(QFileInfo(path).absoluteFilePath());
    if (workTree.isEmpty()) {
        return failure(Error{QStringLiteral("not inside a git repository"), path, 0, 0,
                             QStringLiteral("open the folder of your site's git clone, or run "
                                            "`git init` in it first")});
    }

    const QDir root(workTree);
    Blog blog;
    blog.root = workTree;
    blog.generator = detectGenerator(root);
    switch (blog.generator) {
    case SiteGenerator::Hugo:
        blog.contentDir = firstExisting(root, {"content"}, "content");
        blog.staticDir = firstExisting(root, {"static"}, "static");
        blog.imagesDir = blog.staticDir + "/images";
        blog.postsDir = firstExisting(root, {"content/posts", "content/post", "content/blog"},
                                      "content/posts");
        break;
    case SiteGenerator::Jekyll:
        blog.contentDir = workTree;
        blog.staticDir = workTree;
        blog.imagesDir = firstExisting(root, {"assets/images", "images", "assets/img"}, "assets/images");
        blog.postsDir = root.filePath("_posts");
        blog.termRule = TermStringRule::SplitOnSpaces; // Jekyll splits `tags: a b` on spaces
        break;
    case SiteGenerator::Astro:
        blog.contentDir = firstExisting(root, {"src/content", "src/pages"}, "src/content");
        blog.staticDir = root.filePath("public");
        blog.imagesDir = blog.staticDir + "/images";
        blog.postsDir = firstExisting(root, {"src/content/blog", "src/content/posts"}, "src/content/blog");
        break;
    case SiteGenerator::Eleventy:
        blog.contentDir = firstExisting(root, {"src", "content"}, ".");
        blog.staticDir = firstExisting(root, {"public", "src/static", "static"}, "public");
        blog.imagesDir = blog.staticDir + "/images";
        blog.postsDir = firstExisting(root, {"src/posts", "posts", "content/blog", "blog"}, "posts");
        break;
    case SiteGenerator::NextJs:
        blog.contentDir = firstExisting(root, {"posts", "content", "_posts", "data/blog"}, "posts");
        blog.staticDir = root.filePath("public");
        blog.imagesDir = blog.staticDir + "/images";
        blog.postsDir = blog.contentDir;
        break;
    case SiteGenerator::Unknown:
        blog.contentDir = workTree;
        blog.staticDir = workTree;
        blog.imagesDir = root.filePath("images");
        blog.postsDir = workTree;
        break;
    }
    blog.contentDir = QDir::cleanPath(blog.contentDir);
    return blog;
}

bool isPageBundle(const QString &postFile)
{
    const QString name = QFileInfo(postFile).completeBaseName();
    return name == QLatin1String("index") || name == QLatin1String("_index");
}

} // namespace pw
