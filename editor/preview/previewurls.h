#pragma once

// Where things live in the preview page's own scheme. Everything the page loads comes from
// pw-preview://app/: the page, its assets, and the blog's files under /_file/<absolute path>.

#include <QString>
#include <QUrl>

namespace pw::preview {

inline constexpr char schemeName[] = "pw-preview";

QUrl pageUrl();                                         // pw-preview://app/index.html
QUrl fileUrl(const QString &absolutePath);              // pw-preview://app/_file/<path>
QString directoryUrl(const QString &absoluteDirectory); // fileUrl + "/", a base for relative URLs
bool isPreviewUrl(const QUrl &url);

// The local path a /_file/ URL names, or an empty string when the URL names no file.
QString localPathOf(const QUrl &url);

} // namespace pw::preview
