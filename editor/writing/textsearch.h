#pragma once

// Find and replace: plain text, whole word, case sensitivity and regular expressions, as one
// QRegularExpression the editor's find bar uses on the document.

#include "base/result.h"
#include "writing/markdownscan.h"

#include <QList>
#include <QRegularExpression>
#include <QString>

namespace pw {

struct SearchOptions
{
    bool caseSensitive = false;
    bool wholeWord = false;
    bool regularExpression = false;
};

// Fails with the column of the mistake when a regular expression does not compile.
Result<QRegularExpression> searchPattern(const QString &query, const SearchOptions &options);

// Every non-empty match in `text`, in order. `^` and `$` match at line starts and ends.
QList<TextRange> findAll(QStringView text, const QRegularExpression &pattern);

// The replacement for one match: with regular expressions \0..\9 (and $0..$9) stand for the
// captured groups, \n for a line break and \\ for a backslash; plain replacements are literal.
QString expandReplacement(const QString &replacement, const QRegularExpressionMatch &match,
                          const SearchOptions &options);

} // namespace pw
