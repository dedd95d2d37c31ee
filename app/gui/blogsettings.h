#pragma once

// What the user chose for one blog, kept in the app's settings (never in the blog's git tree),
// keyed by the blog's root folder: the preview's stylesheet and whether it may load remote
// images and fonts.

#include "base/result.h"

#include <QString>

namespace pw {

struct PreviewSettings
{
    QString styleSheet; // absolute path of a CSS file inside the blog; empty: Postwright's own
    bool remoteContentAllowed = false; // off by default: a remote image is a tracking pixel

    bool operator==(const PreviewSettings &) const = default;
};

// The blog's settings; defaults for a blog never configured. The stylesheet is stored relative to
// the root, so a blog moved with its settings keeps it.
PreviewSettings loadPreviewSettings(const QString &blogRoot);
void savePreviewSettings(const QString &blogRoot, const PreviewSettings &settings);

// `cssFile` as a stylesheet for the blog's preview: an existing file inside the blog (the preview
// reads nothing outside it). Returns its clean absolute path, or why it cannot be used.
Result<QString> checkPreviewStyleSheet(const QString &blogRoot, const QString &cssFile);

} // namespace pw
