#include "site/newpost.h"

#include "frontmatter/postdocument.h"
#include "site/blog.h"
#include "site/datetext.h"
#include "site/seedindex.h"

#include <QDir>
#include <QFileInfo>

namespace pw {

Result<QString> newPostText(const QString &title, const QDateTime &date, FrontMatterFormat format)
{
    PostDocument doc(QStringLiteral("\n"));
    doc.setNewBlockFormat(format);
    const Result<void> written = inOrder({
        [&] { return doc.setField(Field::Title, title); },
        [&] { return doc.setField(Field::Date, formatDateLike(date, {})); },
        [&] { return doc.setDraft(true); },
        [&] { return doc.setTerms(Field::Tags, {}); },
    });
    if (!written)
        return failure(written.error());
    return doc.text();
}

Result<QString> createPost(const Blog &blog, const QString &title, const QDateTime &date,
                           FrontMatterFormat format)
{
    const Result<QString> text = newPostText(title, date, format);
    if (!text)
        return text;
    if (!QDir().mkpath(blog.postsDir))
        return failure(Error{QStringLiteral("cannot create the posts folder"), blog.postsDir, 0, 0, {}});

    const QString slug = slugify(title);
    QString path = blog.postsDir + "/" + slug + ".md";
    for (int n = 2; QFileInfo::exists(path); ++n)
        path = QStringLiteral("%1/%2-%3.md").arg(blog.postsDir, slug).arg(n);

    PostFile file;
    file.text = *text;
    if (const Result<void> written = file.write(path); !written)
        return failure(written.error());
    return path;
}

} // namespace pw
