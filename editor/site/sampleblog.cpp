#include "site/sampleblog.h"

#include "frontmatter/postdocument.h"
#include "publish/gitrepository.h"
#include "publish/publisher.h"
#include "site/seedindex.h"

#include <QDate>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTimeZone>

namespace pw {

namespace {

const Identity sampleAuthor{QStringLiteral("Postwright Sample"),
                            QStringLiteral("sample@postwright.invalid")};

Error gitError(const PublishError &e)
{
    return Error{e.message, {}, 0, 0, e.detail};
}

Result<QByteArray> readResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(QStringLiteral("missing built-in resource %1").arg(path));
    return file.readAll();
}

Result<void> writeFile(const QString &path, const QByteArray &bytes,
                       QFileDevice::Permissions extra = {})
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        return failure(Error{file.errorString(), path, 0, 0, {}});
    if (extra)
        file.setPermissions(file.permissions() | extra);
    return {};
}

Result<void> copyResourceTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const Result<QByteArray> bytes = readResource(source);
        if (!bytes)
            return failure(bytes.error());
        const Result<void> written = writeFile(to + source.mid(from.size()), *bytes);
        if (!written)
            return written;
    }
    return {};
}

// The post as the sample has it: our own front matter block above the body written for the sample.
Result<QString> samplePostText(const SeedPost &seed, const QDateTime &date, const QString &body)
{
    PostDocument doc(body);
    const Result<void> written = inOrder({
        [&] { return doc.setField(Field::Title, seed.title); },
        [&] { return doc.setField(Field::Description, seed.description); },
        [&] { return doc.setField(Field::Date, date.toString(Qt::ISODate)); },
        [&] { return doc.setDraft(false); },
        [&] { return doc.setTerms(Field::Categories, {seed.category}); },
        [&] { return doc.setTerms(Field::Tags, seed.tags); },
    });
    if (!written)
        return failure(written.error());
    return doc.text();
}

Result<void> writePosts(const QString &site)
{
    const Result<QByteArray> seedText = readResource(QStringLiteral(":/sample/system-and-design-index.txt"));
    if (!seedText)
        return failure(seedText.error());
    const SeedIndex seed = parseSeedIndex(QString::fromUtf8(*seedText));
    if (seed.posts.isEmpty())
        return failure(QStringLiteral("the built-in sample index has no posts"));

    // Newest first, as on the index page: one post every three weeks back from the first date.
    const QDateTime newest(QDate(2025, 11, 18), QTime(9, 0), QTimeZone::utc());
    for (qsizetype i = 0; i < seed.posts.size(); ++i) {
        const QString bodyPath = QStringLiteral(":/sample/bodies/%1.md").arg(i + 1, 2, 10, QLatin1Char('0'));
        const Result<QByteArray> body = readResource(bodyPath);
        if (!body)
            return failure(body.error());
        const Result<QString> text = samplePostText(seed.posts[i], newest.addDays(-21 * i),
                                                    QString::fromUtf8(*body));
        if (!text)
            return failure(text.error());
        const QString path = site + "/content/posts/" + slugify(seed.posts[i].title) + ".md";
        const Result<void> written = writeFile(path, text->toUtf8());
        if (!written)
            return written;
    }
    return {};
}

Result<void> createSampleBlog(const SampleBlogPaths &paths)
{
    if (const auto r = copyResourceTree(QStringLiteral(":/sample/site"), paths.site); !r)
        return r;
    if (const auto r = writePosts(paths.site); !r)
        return r;
    if (const auto r = initRepository(paths.site, false, QStringLiteral("main")); !r)
        return failure(gitError(r.error()));
    if (const auto r = commitAll(paths.site, QStringLiteral("Sample blog: System & Design"), sampleAuthor); !r)
        return failure(gitError(r.error()));

    if (const auto r = initRepository(paths.origin, true, QStringLiteral("main")); !r)
        return failure(gitError(r.error()));
    const Result<QByteArray> hook = readResource(QStringLiteral(":/sample/hooks/post-receive"));
    if (!hook)
        return failure(hook.error());
    if (const auto r = writeFile(paths.origin + "/hooks/post-receive", *hook,
                                 QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther);
        !r)
        return r;

    if (const auto r = addRemote(paths.site, QStringLiteral("origin"), localRemoteUrl(paths.origin)); !r)
        return failure(gitError(r.error()));
    if (const auto r = pushBranch(paths.site, QStringLiteral("origin"), QStringLiteral("main"), nullptr); !r)
        return failure(gitError(r.error()));
    return {};
}

} // namespace

SampleBlogPaths SampleBlogPaths::under(const QString &dataDir)
{
    SampleBlogPaths paths;
    paths.root = QDir::cleanPath(dataDir + "/sample-blog");
    paths.site = paths.root + "/site";
    paths.origin = paths.root + "/origin.git";
    paths.published = paths.root + "/published";
    paths.publishLog = paths.published + "/publish.log";
    return paths;
}

Result<SampleBlogPaths> ensureSampleBlog(const QString &dataDir)
{
    const SampleBlogPaths paths = SampleBlogPaths::under(dataDir);
    if (QFileInfo::exists(paths.site + "/.git"))
        return paths;
    if (QFileInfo::exists(paths.root)) {
        return failure(Error{QStringLiteral("a folder is in the way of the sample blog"), paths.root, 0, 0,
                             QStringLiteral("move it aside, or open it with File > Open Blog")});
    }
    const Result<void> created = createSampleBlog(paths);
    if (!created) {
        // A half-made sample would be opened next time as if it were whole.
        QDir(paths.root).removeRecursively();
        return failure(created.error());
    }
    return paths;
}

} // namespace pw
