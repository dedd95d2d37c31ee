#include "site/postindex.h"

#include "frontmatter/blockformat.h"

#include "site/blog.h"

#include <QDirIterator>
#include <QFileInfo>

#include <algorithm>

namespace pw {

namespace {

bool isPostFile(const QFileInfo &info)
{
    static const QStringList suffixes = {"md", "markdown", "mdown", "mkd", "mdx"};
    return info.isFile() && !info.fileName().startsWith(QLatin1Char('.'))
           && suffixes.contains(info.suffix().toLower());
}

// Hidden folders and installed packages never hold posts, wherever they are.
bool isSkippedAnywhere(const QString &name)
{
    return name.startsWith(QLatin1Char('.')) || name == QLatin1String("node_modules");
}

// Build output at the site's root holds generated copies; deeper down, a folder of that name is
// an ordinary section (Hugo's own docs have content/en/functions/resources/).
bool isBuildOutput(const QString &name)
{
    static const QStringList output = {"public", "_site", "resources", "dist", "vendor", "out"};
    return output.contains(name);
}

void collect(const QString &dir, const QString &siteRoot, QStringList &out)
{
    QDirIterator it(dir, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        if (info.isDir()) {
            const bool atRoot = QDir::cleanPath(info.absolutePath()) == siteRoot;
            if (!isSkippedAnywhere(info.fileName()) && !(atRoot && isBuildOutput(info.fileName()))
                && !info.isSymLink())
                collect(info.filePath(), siteRoot, out);
        } else if (isPostFile(info)) {
            out.append(QDir::cleanPath(info.absoluteFilePath()));
        }
    }
}

} // namespace

PostSummary summarizePost(const QString &path, const PostDocument &document)
{
    PostSummary summary;
    summary.path = path;
    const PostMetadata meta = document.metadata();
    summary.title
        = meta.title.trimmed().isEmpty() ? QFileInfo(path).completeBaseName() : meta.title;
    summary.date = meta.date;
    summary.draft = meta.draft;
    summary.tags = meta.tags;
    summary.categories = meta.categories;
    summary.format = document.format();
    summary.diagnostics = document.diagnostics();
    return summary;
}

PostSummary summarizePost(const QString &path, TermStringRule rule)
{
    const Result<PostFile> file = PostFile::read(path);
    if (!file) {
        PostSummary summary;
        summary.path = path;
        summary.title = QFileInfo(path).completeBaseName();
        const Error &e = file.error();
        summary.diagnostics.append({Diagnostic::Severity::Error, e.line, e.column, e.message});
        return summary;
    }
    return summarizePost(path, PostDocument(file->text, rule));
}

QStringList findPostFiles(const Blog &blog)
{
    QStringList files;
    collect(blog.contentDir, QDir::cleanPath(blog.root), files);
    files.sort();
    return files;
}

QList<PostSummary> scanPosts(const Blog &blog)
{
    QList<PostSummary> posts;
    const QStringList files = findPostFiles(blog);
    posts.reserve(files.size());
    for (const QString &file : files)
        posts.append(summarizePost(file, blog.termRule));
    std::stable_sort(posts.begin(), posts.end(), newerFirst);
    return posts;
}

FrontMatterFormat newBlockFormat(const QList<PostSummary> &posts)
{
    QList<FrontMatterFormat> formats;
    formats.reserve(posts.size());
    for (const PostSummary &post : posts)
        formats.append(post.format);
    return formatForNewBlocks(formats);
}

bool newerFirst(const PostSummary &a, const PostSummary &b)
{
    if (a.date.isValid() != b.date.isValid())
        return a.date.isValid();
    if (a.date != b.date)
        return a.date > b.date;
    return a.title.localeAwareCompare(b.title) < 0;
}

} // namespace pw
