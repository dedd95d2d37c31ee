#include "textsearch.h"

namespace pw {

Result<QRegularExpression> searchPattern(const QString &query, const SearchOptions &options)
{
    if (query.isEmpty())
        return failure(QStringLiteral("Nothing to find"), QStringLiteral("type a search text"));
    QString pattern = options.regularExpression ? query : QRegularExpression::escape(query);
    if (options.wholeWord)
        pattern = QStringLiteral("(?<![\\w])(?:") + pattern + QStringLiteral(")(?![\\w])");
    QRegularExpression::PatternOptions flags
        = QRegularExpression::MultilineOption | QRegularExpression::UseUnicodePropertiesOption;
    if (!options.caseSensitive)
        flags |= QRegularExpression::CaseInsensitiveOption;
    QRegularExpression expression(pattern, flags);
    if (!expression.isValid()) {
        // Report the offset in what the user typed, not in the wrapped pattern.
        const int offset = expression.patternErrorOffset()
                           - (options.wholeWord ? int(QStringLiteral("(?<![\\w])(?:").size()) : 0);
        return failure(
            Error{QStringLiteral("Invalid regular expression: %1").arg(expression.errorString()),
                  QString(), 0, qBound(1, offset + 1, int(query.size()) + 1),
                  QStringLiteral("fix the pattern or turn off regular expressions")});
    }
    return expression;
}

QList<TextRange> findAll(QStringView text, const QRegularExpression &pattern)
{
    QList<TextRange> matches;
    QRegularExpressionMatchIterator it = pattern.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        if (match.capturedLength() > 0)
            matches.append({int(match.capturedStart()), int(match.capturedEnd())});
    }
    return matches;
}

QString expandReplacement(const QString &replacement, const QRegularExpressionMatch &match,
                          const SearchOptions &options)
{
    if (!options.regularExpression)
        return replacement;
    QString result;
    for (int i = 0; i < replacement.size(); ++i) {
        const QChar c = replacement[i];
        const bool escape = c == QLatin1Char('\\') || c == QLatin1Char('$');
        if (escape && i + 1 < replacement.size()) {
            const QChar next = replacement[i + 1];
            if (next.isDigit()) {
                result += match.captured(next.digitValue());
                ++i;
                continue;
            }
            if (c == QLatin1Char('\\') && next == QLatin1Char('\\')) {
                result += QLatin1Char('\\');
                ++i;
                continue;
            }
            if (c == QLatin1Char('\\') && next == QLatin1Char('n')) {
                result += QLatin1Char('\n');
                ++i;
                continue;
            }
        }
        result += c;
    }
    return result;
}

} // namespace pw
