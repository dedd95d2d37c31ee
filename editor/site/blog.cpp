#include "site/blog.h"

#include "frontmatter/datafile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <functional>

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
    if (hasAnyFile(root,
                   {"astro.config.mjs", "astro.config.js", "astro.config.ts", "astro.config.mts"}))
        return SiteGenerator::Astro;
    if (hasAnyFile(root, {".eleventy.js", "eleventy.config.js", "eleventy.config.mjs",
                          "eleventy.config.cjs"}))
        return SiteGenerator::Eleventy;
    if (hasAnyFile(root, {"next.config.js", "next.config.mjs", "next.config.ts"}))
        return SiteGenerator::NextJs;
    // A bare content tree (for example a copy of a Hugo site's content/ folder) is read the Hugo
    // way.
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

// The file's top level as one object, whatever its format; empty when it does not parse.
QJsonObject readConfiguration(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    static const QHash<QString, FrontMatterFormat> formats = {
        {QStringLiteral("toml"), FrontMatterFormat::Toml},
        {QStringLiteral("yaml"), FrontMatterFormat::Yaml},
        {QStringLiteral("yml"), FrontMatterFormat::Yaml},
        {QStringLiteral("json"), FrontMatterFormat::Json},
    };
    const FrontMatterFormat format
        = formats.value(QFileInfo(path).suffix().toLower(), FrontMatterFormat::None);
    return readDataObject(file.readAll(), format);
}

// Hugo's keys are case-insensitive ("languagecode" works as well as "languageCode").
QJsonValue valueAt(const QJsonObject &object, const QStringList &path)
{
    QJsonValue current = object;
    for (const QString &key : path) {
        const QJsonObject level = current.toObject();
        current = QJsonValue();
        for (auto it = level.begin(); it != level.end(); ++it) {
            if (it.key().compare(key, Qt::CaseInsensitive) == 0) {
                current = it.value();
                break;
            }
        }
    }
    return current;
}

QString stringAt(const QJsonObject &object, const QStringList &path)
{
    return valueAt(object, path).toString().trimmed();
}

QString hugoLanguage(const QJsonObject &config)
{
    if (const QString code = stringAt(config, {"languageCode"}); !code.isEmpty())
        return code;
    const QString defaultLanguage = stringAt(config, {"defaultContentLanguage"});
    if (!defaultLanguage.isEmpty()) {
        const QString code = stringAt(config, {"languages", defaultLanguage, "languageCode"});
        return code.isEmpty() ? defaultLanguage : code;
    }
    return {};
}

// Each of Hugo's `languages`: its languageCode (its key when it has none) and content folder.
void readHugoTranslations(const QJsonObject &config, SiteLanguage &site)
{
    const QJsonObject languages = valueAt(config, {"languages"}).toObject();
    for (auto it = languages.begin(); it != languages.end(); ++it) {
        const QString key = it.key().toLower();
        const QJsonObject language = it.value().toObject();
        const QString code = stringAt(language, {"languageCode"});
        site.translations.insert(key, code.isEmpty() ? key : code);
        if (const QString dir = stringAt(language, {"contentDir"}); !dir.isEmpty())
            site.contentDirs.insert(key, dir);
    }
}

QString firstString(const QJsonObject &config, const QStringList &keys)
{
    for (const QString &key : keys) {
        if (const QString value = stringAt(config, {key}); !value.isEmpty())
            return value;
    }
    return {};
}

} // namespace

SiteLanguage readSiteLanguage(const QString &root, SiteGenerator generator)
{
    QStringList files;
    std::function<QString(const QJsonObject &)> language;
    switch (generator) {
    case SiteGenerator::Hugo:
        for (const QString &folder : {QString(), QStringLiteral("config/_default/")}) {
            for (const char *name : {"hugo", "config"}) {
                for (const char *suffix : {".toml", ".yaml", ".yml", ".json"})
                    files.append(folder + QLatin1String(name) + QLatin1String(suffix));
            }
        }
        language = hugoLanguage;
        break;
    case SiteGenerator::Jekyll:
        files = {"_config.yml", "_config.yaml", "_config.toml"};
        language = [](const QJsonObject &config) {
            return firstString(config, {"lang", "locale"});
        };
        break;
    case SiteGenerator::Eleventy:
        files = {"_data/metadata.json", "src/_data/metadata.json", "_data/site.json",
                 "src/_data/site.json"};
        language = [](const QJsonObject &config) {
            return firstString(config, {"language", "lang", "locale"});
        };
        break;
    case SiteGenerator::Astro:
    case SiteGenerator::NextJs:
    case SiteGenerator::Unknown:
        return {};
    }
    const QDir dir(root);
    for (const QString &name : std::as_const(files)) {
        const QString path = dir.filePath(name);
        if (!QFileInfo(path).isFile())
            continue;
        const QJsonObject config = readConfiguration(path);
        if (const QString found = language(config); !found.isEmpty()) {
            SiteLanguage site{found, path, {}, {}};
            if (generator == SiteGenerator::Hugo)
                readHugoTranslations(config, site);
            return site;
        }
    }
    return {};
}

QString postLanguage(const Blog &blog, const QString &postFile)
{
    const QString base = QFileInfo(postFile).completeBaseName(); // "post.fr" of "post.fr.md"
    if (const qsizetype dot = base.lastIndexOf(QLatin1Char('.')); dot > 0) {
        const QString key = base.mid(dot + 1).toLower();
        if (blog.translationLanguages.contains(key))
            return blog.translationLanguages.value(key);
    }
    const QString file = QDir::cleanPath(QFileInfo(postFile).absoluteFilePath());
    for (auto it = blog.translationContentDirs.begin(); it != blog.translationContentDirs.end();
         ++it) {
        if (file.startsWith(it.value() + QLatin1Char('/')))
            return blog.translationLanguages.value(it.key());
    }
    return blog.language;
}

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
        blog.imagesDir
            = firstExisting(root, {"assets/images", "images", "assets/img"}, "assets/images");
        blog.postsDir = root.filePath("_posts");
        blog.termRule = TermStringRule::SplitOnSpaces; // Jekyll splits `tags: a b` on spaces
        break;
    case SiteGenerator::Astro:
        blog.contentDir = firstExisting(root, {"src/content", "src/pages"}, "src/content");
        blog.staticDir = root.filePath("public");
        blog.imagesDir = blog.staticDir + "/images";
        blog.postsDir
            = firstExisting(root, {"src/content/blog", "src/content/posts"}, "src/content/blog");
        break;
    case SiteGenerator::Eleventy:
        blog.contentDir = firstExisting(root, {"src", "content"}, ".");
        blog.staticDir = firstExisting(root, {"public", "src/static", "static"}, "public");
        blog.imagesDir = blog.staticDir + "/images";
        blog.postsDir
            = firstExisting(root, {"src/posts", "posts", "content/blog", "blog"}, "posts");
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
    const SiteLanguage language = readSiteLanguage(workTree, blog.generator);
    blog.language = language.language;
    blog.languageFile = language.file;
    blog.translationLanguages = language.translations;
    for (auto it = language.contentDirs.begin(); it != language.contentDirs.end(); ++it)
        blog.translationContentDirs.insert(it.key(), QDir::cleanPath(root.filePath(it.value())));
    return blog;
}

bool isPageBundle(const QString &postFile)
{
    const QString name = QFileInfo(postFile).completeBaseName();
    return name == QLatin1String("index") || name == QLatin1String("_index");
}

} // namespace pw
