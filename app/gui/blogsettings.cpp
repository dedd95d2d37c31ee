#include "gui/blogsettings.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace pw {

namespace {

// One settings group per blog. A hash, because QSettings keys treat '/' as a separator; the root
// itself is kept beside it for whoever reads the file.
QString groupOf(const QString &blogRoot)
{
    const QString root = QDir::cleanPath(QFileInfo(blogRoot).absoluteFilePath());
    return QStringLiteral("blogs/")
           + QString::fromLatin1(
               QCryptographicHash::hash(root.toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
}

bool isInside(const QString &root, const QString &path)
{
    const QString relative = QDir(root).relativeFilePath(path);
    return !relative.startsWith(QLatin1String("..")) && !QDir::isAbsolutePath(relative);
}

} // namespace

PreviewSettings loadPreviewSettings(const QString &blogRoot)
{
    QSettings store;
    store.beginGroup(groupOf(blogRoot));
    PreviewSettings settings;
    const QString styleSheet = store.value(QStringLiteral("previewStyleSheet")).toString();
    if (!styleSheet.isEmpty())
        settings.styleSheet = QDir::cleanPath(QDir(blogRoot).absoluteFilePath(styleSheet));
    settings.remoteContentAllowed
        = store.value(QStringLiteral("previewRemoteContent"), false).toBool();
    return settings;
}

void savePreviewSettings(const QString &blogRoot, const PreviewSettings &settings)
{
    QSettings store;
    store.beginGroup(groupOf(blogRoot));
    store.setValue(QStringLiteral("root"), QDir::cleanPath(QFileInfo(blogRoot).absoluteFilePath()));
    if (settings.styleSheet.isEmpty())
        store.remove(QStringLiteral("previewStyleSheet"));
    else
        store.setValue(QStringLiteral("previewStyleSheet"),
                       QDir(blogRoot).relativeFilePath(settings.styleSheet));
    store.setValue(QStringLiteral("previewRemoteContent"), settings.remoteContentAllowed);
}

Result<QString> checkPreviewStyleSheet(const QString &blogRoot, const QString &cssFile)
{
    const QString root = QDir::cleanPath(QFileInfo(blogRoot).absoluteFilePath());
    const QFileInfo file(QDir(root).absoluteFilePath(cssFile.trimmed()));
    const QString path = QDir::cleanPath(file.absoluteFilePath());
    if (cssFile.trimmed().isEmpty())
        return failure(QStringLiteral("No stylesheet chosen"),
                       QStringLiteral("choose a CSS file of the blog, or use Postwright's"));
    if (!file.isFile())
        return failure(Error{QStringLiteral("The stylesheet does not exist"), path, 0, 0,
                             QStringLiteral("choose an existing CSS file of the blog")});
    // The canonical paths, so a symbolic link out of the blog counts as outside.
    const QString canonicalRoot = QFileInfo(root).canonicalFilePath();
    if (!isInside(canonicalRoot.isEmpty() ? root : canonicalRoot, file.canonicalFilePath()))
        return failure(Error{QStringLiteral("The stylesheet is outside the blog"), path, 0, 0,
                             QStringLiteral("the preview reads only files inside %1; copy the "
                                            "CSS file into the blog (e.g. its static folder)")
                                 .arg(QDir::toNativeSeparators(root))});
    return path;
}

} // namespace pw
