#include "site/publishpost.h"

#include "frontmatter/postdocument.h"
#include "site/blog.h"

#include <QFileInfo>

namespace pw {

Result<PublishOutcome, PublishError> publishPostFile(const Blog &blog, const QString &postFile,
                                                     PublishObserver *observer)
{
    const QString path = QFileInfo(postFile).isAbsolute() ? postFile : blog.root + "/" + postFile;
    const Result<PostFile> file = PostFile::read(path);
    if (!file)
        return failure(PublishError{PublishError::Kind::Other, file.error().toString(), {}});
    const PostDocument doc(file->text, blog.termRule);
    for (const Diagnostic &d : doc.diagnostics()) {
        if (d.severity == Diagnostic::Severity::Error) {
            const QString where = QStringLiteral("%1:%2:%3").arg(blog.relativePath(path)).arg(d.line).arg(d.column);
            return failure(PublishError{PublishError::Kind::Other,
                                        QObject::tr("Not published: the front matter has an error at %1: %2. "
                                                    "Fix it and publish again.")
                                            .arg(where, d.message),
                                        {}});
        }
    }
    QString title = doc.metadata().title.trimmed();
    if (title.isEmpty())
        title = QFileInfo(path).completeBaseName();
    return publishPost(PublishRequest{blog.root, path, title, {}}, observer);
}

} // namespace pw
