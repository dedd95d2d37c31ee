#include "imagefiles.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QRegularExpression>
#include <QSaveFile>

namespace pw {

namespace {

const QStringList &imageSuffixes()
{
    static const QStringList suffixes{QStringLiteral("png"),  QStringLiteral("jpg"),
                                      QStringLiteral("jpeg"), QStringLiteral("gif"),
                                      QStringLiteral("webp"), QStringLiteral("svg"),
                                      QStringLiteral("avif")};
    return suffixes;
}

QString asciiSlug(const QString &text)
{
    QString slug;
    for (QChar c : text.normalized(QString::NormalizationForm_KD)) {
        if (c.isMark())
            continue;
        const QChar lower = c.toLower();
        if ((lower >= QLatin1Char('a') && lower <= QLatin1Char('z'))
            || (lower >= QLatin1Char('0') && lower <= QLatin1Char('9'))) {
            slug += lower;
        } else if (!slug.isEmpty() && !slug.endsWith(QLatin1Char('-'))) {
            slug += QLatin1Char('-');
        }
    }
    while (slug.endsWith(QLatin1Char('-')))
        slug.chop(1);
    return slug;
}

Error fileError(const QString &message, const QString &file, const QString &hint)
{
    return Error{message, file, 0, 0, hint};
}

} // namespace

ImagePlacement ImagePlacement::forPost(const QString &postFile, const QString &imageDir,
                                       bool pageBundle, const QString &urlPrefix)
{
    const QString postDir = QFileInfo(postFile).absolutePath();
    if (pageBundle || imageDir.isEmpty())
        return {postDir, QString()};
    const QString directory = QDir::cleanPath(QFileInfo(imageDir).absoluteFilePath());
    if (!urlPrefix.isEmpty()) {
        const QString prefix
            = urlPrefix.endsWith(QLatin1Char('/')) ? urlPrefix : urlPrefix + QLatin1Char('/');
        return {directory, prefix};
    }
    const QString marker = QStringLiteral("/static/");
    const qsizetype at = (directory + QLatin1Char('/')).lastIndexOf(marker);
    if (at >= 0) {
        const QString served = (directory + QLatin1Char('/')).mid(at + marker.size() - 1);
        return {directory, served};
    }
    QString relative = QDir(postDir).relativeFilePath(directory);
    if (!relative.endsWith(QLatin1Char('/')))
        relative += QLatin1Char('/');
    return {directory, relative};
}

bool isImageFileName(const QString &fileName)
{
    return imageSuffixes().contains(QFileInfo(fileName).suffix().toLower());
}

QString safeImageFileName(const QString &suggestedName)
{
    const QFileInfo info(suggestedName);
    QString suffix = info.suffix().toLower();
    if (suffix == QLatin1String("jpeg"))
        suffix = QStringLiteral("jpg");
    QString stem = asciiSlug(info.completeBaseName()).left(64 - int(suffix.size()) - 1);
    while (stem.endsWith(QLatin1Char('-')))
        stem.chop(1);
    if (stem.isEmpty())
        stem = QStringLiteral("image");
    return suffix.isEmpty() ? stem : stem + QLatin1Char('.') + suffix;
}

QString uniqueFileName(const QString &directory, const QString &safeName)
{
    const QDir dir(directory);
    if (!dir.exists(safeName))
        return safeName;
    const QFileInfo info(safeName);
    const QString stem = info.completeBaseName();
    const QString suffix = info.suffix().isEmpty() ? QString() : QLatin1Char('.') + info.suffix();
    for (int n = 2;; ++n) {
        const QString candidate = QStringLiteral("%1-%2%3").arg(stem).arg(n).arg(suffix);
        if (!dir.exists(candidate))
            return candidate;
    }
}

QString markdownImageLink(const QString &altText, const QString &url)
{
    QString alt = altText;
    alt.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    alt.replace(QLatin1Char('['), QStringLiteral("\\["));
    alt.replace(QLatin1Char(']'), QStringLiteral("\\]"));
    const bool needsBrackets = url.contains(QLatin1Char(' ')) || url.contains(QLatin1Char('('))
                               || url.contains(QLatin1Char(')'));
    return QStringLiteral("![%1](%2)")
        .arg(alt, needsBrackets ? QLatin1Char('<') + url + QLatin1Char('>') : url);
}

QString altTextFor(const QString &fileName)
{
    QString stem = QFileInfo(fileName).completeBaseName();
    static const QRegularExpression separators(QStringLiteral("[-_.\\s]+"));
    stem.replace(separators, QStringLiteral(" "));
    return stem.trimmed();
}

Result<QString> importImageFile(const QString &sourceFile, const ImagePlacement &placement)
{
    const QFileInfo source(sourceFile);
    if (!source.isFile())
        return failure(fileError(QStringLiteral("The image file does not exist"), sourceFile,
                                 QStringLiteral("drop a file that is still on disk")));
    if (!isImageFileName(sourceFile))
        return failure(fileError(QStringLiteral("Not an image file"), sourceFile,
                                 QStringLiteral("use a PNG, JPEG, GIF, WebP, SVG or AVIF file")));
    if (!QDir().mkpath(placement.directory))
        return failure(fileError(QStringLiteral("Cannot create the image folder"),
                                 placement.directory, QStringLiteral("check its permissions")));
    const QString name = uniqueFileName(placement.directory, safeImageFileName(source.fileName()));
    const QString target = QDir(placement.directory).filePath(name);
    if (!QFile::copy(sourceFile, target))
        return failure(fileError(QStringLiteral("Cannot copy the image to %1").arg(target),
                                 sourceFile,
                                 QStringLiteral("check the folder's permissions and free space")));
    return markdownImageLink(altTextFor(source.fileName()), placement.urlPrefix + name);
}

Result<QString> importImage(const QImage &image, const ImagePlacement &placement,
                            const QDateTime &now)
{
    if (image.isNull())
        return failure(QStringLiteral("The clipboard holds no image"),
                       QStringLiteral("copy a screenshot or an image first"));
    if (!QDir().mkpath(placement.directory))
        return failure(fileError(QStringLiteral("Cannot create the image folder"),
                                 placement.directory, QStringLiteral("check its permissions")));
    const QString suggested
        = QStringLiteral("pasted-%1.png").arg(now.toString(QStringLiteral("yyyyMMdd-HHmmss")));
    const QString name = uniqueFileName(placement.directory, suggested);
    const QString target = QDir(placement.directory).filePath(name);
    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit())
        return failure(fileError(QStringLiteral("Cannot save the pasted image"), target,
                                 QStringLiteral("check the folder's permissions and free space")));
    return markdownImageLink(QStringLiteral("Screenshot"), placement.urlPrefix + name);
}

} // namespace pw
