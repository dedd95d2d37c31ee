#pragma once

// What the post list and the taxonomy need to know of each post, read from its front matter.

#include "frontmatter/postdocument.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace pw {

struct Blog;

struct PostSummary {
    QString path;  // absolute
    QString title; // the front matter's title, else the file name
    QDateTime date;
    bool draft = false;
    QStringList tags;
    QStringList categories;
    FrontMatterFormat format = FrontMatterFormat::None; // of the post's block, None without one
    QList<Diagnostic> diagnostics; // including a file that could not be read or decoded
};

// Reads one post's summary; never fails (problems land in diagnostics).
PostSummary summarizePost(const QString &path, TermStringRule rule);
PostSummary summarizePost(const QString &path, const PostDocument &document);

// Every Markdown file under the blog's content folder (not its build output, not hidden folders).
QStringList findPostFiles(const Blog &blog);
QList<PostSummary> scanPosts(const Blog &blog);

// The front-matter format a post without a block gets: the one most of these posts use.
FrontMatterFormat newBlockFormat(const QList<PostSummary> &posts);

// Newest first; undated posts last, then by title.
bool newerFirst(const PostSummary &a, const PostSummary &b);

} // namespace pw
