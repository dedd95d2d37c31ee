#include "spellscope.h"

#include <QRegularExpression>

namespace pw {

namespace {

// Regions of a line that are not prose.
const QList<const QRegularExpression *> &skippedPatterns()
{
    static const QRegularExpression referenceDefinition(
        QStringLiteral(R"(^\s*\[[^\]]+\]:\s*\S+.*$)"));
    static const QRegularExpression referenceLabel(QStringLiteral(R"(\]\[[^\]]*\])"));
    static const QRegularExpression entity(QStringLiteral(R"(&[A-Za-z0-9#]+;)"));
    static const QList<const QRegularExpression *> patterns{&inlinePatterns::shortcode(),
                                                            &inlinePatterns::linkTarget(),
                                                            &inlinePatterns::htmlTag(),
                                                            &inlinePatterns::autolink(),
                                                            &referenceDefinition,
                                                            &referenceLabel,
                                                            &entity};
    return patterns;
}

bool isWordLetter(QChar c)
{
    return c.isLetterOrNumber() || c.isMark();
}

bool isApostrophe(QChar c)
{
    return c == QLatin1Char('\'') || c == QChar(0x2019);
}

// A whitespace-separated chunk that is a URL, path, e-mail address or file name.
bool isMachineText(QStringView chunk)
{
    if (chunk.contains(u"://") || chunk.startsWith(u"www.") || chunk.contains(QLatin1Char('@'))
        || chunk.contains(QLatin1Char('/')) || chunk.contains(QLatin1Char('\\')))
        return true;
    // "config.toml", "example.com" (but not the end of a sentence: "done.")
    for (int i = 1; i + 1 < chunk.size(); ++i) {
        if (chunk[i] == QLatin1Char('.') && chunk[i - 1].isLetterOrNumber()
            && chunk[i + 1].isLetterOrNumber())
            return true;
    }
    return false;
}

// The words of one chunk [from, to). Apostrophes and underscores inside a word join it ("don't",
// "snake_case"); words with digits or underscores are identifiers, single letters are skipped.
void appendWords(QStringView text, int from, int to, QList<TextRange> &words)
{
    const auto joins = [](QChar c) {
        return isApostrophe(c) || c == QLatin1Char('_');
    };
    int w = from;
    while (w < to) {
        if (!isWordLetter(text[w])) {
            ++w;
            continue;
        }
        int end = w;
        while (end < to
               && (isWordLetter(text[end])
                   || (joins(text[end]) && end + 1 < to && isWordLetter(text[end + 1]))))
            ++end;
        bool plain = end - w > 1;
        for (int k = w; k < end; ++k)
            plain = plain && !text[k].isDigit() && text[k] != QLatin1Char('_');
        if (plain)
            words.append({w, end});
        w = end;
    }
}

} // namespace

QList<TextRange> spellCheckableWords(QStringView line)
{
    QList<TextRange> skipped = codeSpans(line);
    for (const QRegularExpression *pattern : skippedPatterns()) {
        QRegularExpressionMatchIterator it = pattern->globalMatch(line);
        while (it.hasNext()) {
            const QRegularExpressionMatch match = it.next();
            skipped.append({int(match.capturedStart()), int(match.capturedEnd())});
        }
    }
    // Skipped regions become spaces, so "docs](https://...)" leaves "docs" to look at.
    QString masked = line.toString();
    for (const TextRange &range : std::as_const(skipped)) {
        for (int i = range.start; i < range.end; ++i)
            masked[i] = QLatin1Char(' ');
    }

    QList<TextRange> words;
    const int n = int(masked.size());
    int i = 0;
    while (i < n) {
        if (masked[i].isSpace()) {
            ++i;
            continue;
        }
        int chunkEnd = i;
        while (chunkEnd < n && !masked[chunkEnd].isSpace())
            ++chunkEnd;
        if (!isMachineText(QStringView(masked).mid(i, chunkEnd - i)))
            appendWords(masked, i, chunkEnd, words);
        i = chunkEnd;
    }
    return words;
}

bool isProse(LineKind kind)
{
    switch (kind) {
    case LineKind::Paragraph:
    case LineKind::Heading:
    case LineKind::Quote:
    case LineKind::ListItem:
    case LineKind::TableRow:
        return true;
    default:
        return false;
    }
}

QString frontMatterLanguage(QStringView post)
{
    static const QRegularExpression key(QStringLiteral(
        R"re(^"?(lang|language|languageCode)"?\s*[:=]\s*["']?([A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*)["']?\s*,?\s*$)re"));
    const FrontMatterExtent frontMatter = findFrontMatter(post);
    const QList<QStringView> lines = post.split(QLatin1Char('\n'));
    for (int i = 1; i < frontMatter.lastLine; ++i) {
        const QStringView line = lines.at(i);
        // Only top-level keys count; JSON indents its top level.
        if (line.isEmpty() || (line.front().isSpace() && frontMatter.kind != FrontMatterKind::Json))
            continue;
        const QRegularExpressionMatch match = key.match(line.trimmed());
        if (match.hasMatch())
            return match.captured(2);
    }
    return {};
}

} // namespace pw
