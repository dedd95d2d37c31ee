#pragma once

// The sanitizer's URL rules, for the Markdown links and images the renderer checks in the parsed
// document (their URLs never pass through sanitizeHtml()). Private to pw_markdown.

#include <QString>

namespace pw {

// url as the browser will read it (character references already decoded).
bool isSafeLinkUrl(const QString &url);  // relative, http(s), mailto
bool isSafeMediaUrl(const QString &url); // relative, http(s), data:image/{png,gif,jpeg,webp}

} // namespace pw
