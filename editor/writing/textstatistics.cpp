#include "textstatistics.h"

#include "markdownscan.h"

#include <QRegularExpression>

namespace pw {

namespace {

constexpr int wordsPerMinute = 213;

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c.isMark();
}

bool joinsWord(QChar c)
{
    return c == QLatin1Char('\'') || c == QChar(0x2019) || c == QLatin1Char('-');
}

// Blanks out what is markup, not text. A bare URL is left as one letter: it reads as one word.
void blankMarkup(QString &line)
{
    struct Markup
    {
        const QRegularExpression &pattern;
        bool countsAsWord;
    };
    static const QList<Markup> markup{
        {inlinePatterns::shortcode(), false},
        {inlinePatterns::linkTarget(), false},
        {inlinePatterns::htmlTag(), false},
        {inlinePatterns::bareUrl(), true},
    };
    for (const Markup &kind : markup) {
        QList<QPair<qsizetype, qsizetype>> ranges;
        QRegularExpressionMatchIterator it = kind.pattern.globalMatch(line);
        while (it.hasNext()) {
            const QRegularExpressionMatch match = it.next();
            ranges.append({match.capturedStart(), match.capturedLength()});
        }
        for (const auto &range : std::as_const(ranges)) {
            line.replace(range.first, range.second, QString(range.second, QLatin1Char(' ')));
            if (kind.countsAsWord)
                line[range.first] = QLatin1Char('u');
        }
    }
}

int countWords(QStringView line)
{
    int words = 0;
    bool inWord = false;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (isWordChar(c)) {
            if (!inWord)
                ++words;
            inWord = true;
        } else if (!(inWord && joinsWord(c) && i + 1 < line.size() && isWordChar(line[i + 1]))) {
            inWord = false;
        }
    }
    return words;
}

} // namespace

TextStatistics TextStatistics::ofLine(QStringView line)
{
    if (line.endsWith(QLatin1Char('\r')))
        line.chop(1);
    QString text = line.toString();
    blankMarkup(text);
    return {countWords(text), int(line.size()), 0};
}

TextStatistics &TextStatistics::operator+=(const TextStatistics &line)
{
    words += line.words;
    characters += line.characters;
    readingMinutes = (words + wordsPerMinute - 1) / wordsPerMinute;
    return *this;
}

TextStatistics TextStatistics::of(QStringView post)
{
    const FrontMatterExtent frontMatter = findFrontMatter(post);
    TextStatistics stats;
    int lineNumber = 0;
    for (QStringView line : post.split(QLatin1Char('\n'))) {
        if (!frontMatter.contains(lineNumber++))
            stats += ofLine(line);
    }
    return stats;
}

} // namespace pw
