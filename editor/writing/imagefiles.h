#pragma once

// Images dropped or pasted into a post are copied into the blog under a safe, unique name, and
// a Markdown image link to them is made.

#include "base/result.h"

#include <QDateTime>
#include <QString>

class QImage;

namespace pw {

// Where a post's images go and how the post links to them.
struct ImagePlacement
{
    QString directory; // absolute folder the file is copied into
    QString urlPrefix; // what the link starts with: "" (next to the post), "/images/"...

    // A page bundle (`content/posts/x/index.md`) keeps images next to the post and links them by
    // name. Otherwise they go to `imageDir`; the link is `urlPrefix` + name when given, else the
    // path after a `static/` folder (Hugo serves static/images/a.png as /images/a.png), else the
    // path relative to the post's folder.
    static ImagePlacement forPost(const QString &postFile, const QString &imageDir, bool pageBundle,
                                  const QString &urlPrefix = {});
};

bool isImageFileName(const QString &fileName);

// A name safe on every file system and in a URL: lower case ASCII letters, digits, '-' and one
// '.' before a lower-case extension; accents are folded ("Été 1.PNG" -> "ete-1.png"); at most
// 64 characters; "image" when nothing is left of the stem.
QString safeImageFileName(const QString &suggestedName);

// `safeName` itself when no file of that name is in `directory`, else "name-2.ext", "name-3.ext"...
QString uniqueFileName(const QString &directory, const QString &safeName);

// ![alt](url), with the alt text escaped and a URL with spaces in <...>.
QString markdownImageLink(const QString &altText, const QString &url);

// The alt text a file name suggests: "my-holiday_photo.jpg" -> "my holiday photo".
QString altTextFor(const QString &fileName);

// Copies an image file into the placement's folder (created when missing) and returns the
// Markdown link to insert. Fails, with the path, when the file is not an image or cannot be copied.
Result<QString> importImageFile(const QString &sourceFile, const ImagePlacement &placement);

// Saves a clipboard image (a screenshot) as PNG, named after `now`, atomically.
Result<QString> importImage(const QImage &image, const ImagePlacement &placement,
                            const QDateTime &now = QDateTime::currentDateTime());

} // namespace pw
