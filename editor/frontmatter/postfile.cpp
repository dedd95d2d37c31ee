#include "frontmatter/postdocument.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace pw {

namespace {

const QByteArray utf8Bom("\xEF\xBB\xBF");

// Offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1.
qsizetype firstInvalidUtf8(const QByteArray &bytes)
{
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype size = bytes.size();
    qsizetype i = 0;
    while (i < size) {
        const unsigned char c = data[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        unsigned int min = 0;
        unsigned int code = 0;
        if ((c & 0xE0) == 0xC0) {
            length = 2;
            min = 0x80;
            code = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            length = 3;
            min = 0x800;
            code = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            length = 4;
            min = 0x10000;
            code = c & 0x07;
        } else {
            return i;
        }
        if (i + length > size)
            return i;
        for (int k = 1; k < length; ++k) {
            if ((data[i + k] & 0xC0) != 0x80)
                return i;
            code = (code << 6) | (data[i + k] & 0x3F);
        }
        if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return i;
        i += length;
    }
    return -1;
}

bool everyLineEndsWithCrLf(const QString &text)
{
    bool sawNewline = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('\n')) {
            if (i == 0 || text.at(i - 1) != QLatin1Char('\r'))
                return false;
            sawNewline = true;
        }
    }
    return sawNewline;
}

} // namespace

Result<PostFile> PostFile::decode(const QByteArray &bytes, const QString &fileName)
{
    PostFile file;
    QByteArray content = bytes;
    if (content.startsWith(utf8Bom)) {
        file.hasBom = true;
        content.remove(0, utf8Bom.size());
    }
    const qsizetype invalid = firstInvalidUtf8(content);
    if (invalid >= 0) {
        const qsizetype lineStart = content.lastIndexOf('\n', invalid - 1) + 1;
        const int line = int(content.left(invalid).count('\n')) + 1;
        const int column
            = int(QString::fromUtf8(content.mid(lineStart, invalid - lineStart)).size()) + 1;
        return failure(Error{QStringLiteral("the file is not valid UTF-8 (byte 0x%1)")
                                 .arg(uchar(content.at(invalid)), 2, 16, QLatin1Char('0')),
                             fileName, line, column,
                             QStringLiteral("re-save it as UTF-8 in another editor; Postwright "
                                            "will not overwrite it")});
    }
    file.text = QString::fromUtf8(content);
    if (everyLineEndsWithCrLf(file.text)) {
        file.lineEnding = LineEnding::CrLf;
        file.text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    }
    return file;
}

QByteArray PostFile::encode() const
{
    QString out = text;
    if (lineEnding == LineEnding::CrLf)
        out.replace(QLatin1Char('\n'), QStringLiteral("\r\n"));
    QByteArray bytes = out.toUtf8();
    if (hasBom)
        bytes.prepend(utf8Bom);
    return bytes;
}

Result<PostFile> PostFile::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(Error{
            QStringLiteral("cannot read the file: %1").arg(file.errorString()), path, 0, 0, {}});
    return decode(file.readAll(), path);
}

Result<void> PostFile::write(const QString &path) const
{
    // Through a symlink to its target, so the link stays a link.
    const QFileInfo info(path);
    const QString target = info.isSymLink() && info.exists() ? info.canonicalFilePath() : path;
    const QFileInfo targetInfo(target);
    // By its mode, not by access(): as root every file is writable, and a read-only post is a
    // choice its owner made.
    if (targetInfo.exists() && !(targetInfo.permissions() & QFileDevice::WriteOwner))
        return failure(Error{QStringLiteral("the file is read-only"), path, 0, 0,
                             QStringLiteral("make it writable (chmod u+w) and save again")});
    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly))
        return failure(Error{
            QStringLiteral("cannot write the file: %1").arg(file.errorString()), path, 0, 0, {}});
    if (targetInfo.exists())
        file.setPermissions(targetInfo.permissions());
    const QByteArray bytes = encode();
    if (file.write(bytes) != bytes.size() || !file.commit())
        return failure(Error{QStringLiteral("cannot write the file: %1").arg(file.errorString()),
                             path, 0, 0, QStringLiteral("the file on disk was left as it was")});
    return {};
}

} // namespace pw
