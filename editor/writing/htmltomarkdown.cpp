#include "htmltomarkdown.h"

#include <QRegularExpression>
#include <QStringList>
#include <QTextDocument>

namespace pw {

namespace {

bool isFenceLine(const QString &line)
{
    return line.trimmed().startsWith(QStringLiteral("```"));
}

// Qt 6.4's writer follows every non-empty line of a code block with an empty one. Undo that, but
// only when the whole block shows the pattern, so a fixed Qt keeps its real blank lines.
QStringList undoDoubledCodeLines(const QStringList &code)
{
    bool doubled = code.size() > 1;
    for (int i = 0; doubled && i + 1 < code.size(); ++i) {
        if (!code.at(i).isEmpty() && !code.at(i + 1).isEmpty())
            doubled = false;
    }
    if (!doubled)
        return code;
    QStringList lines;
    for (int i = 0; i < code.size(); ++i) {
        lines.append(code.at(i));
        if (!code.at(i).isEmpty() && i + 1 < code.size())
            ++i; // the empty line the writer added
    }
    return lines;
}

QString tidyProseLine(const QString &line)
{
    static const QRegularExpression listMarkerSpaces(
        QStringLiteral(R"(^(\s*)(\d+[.)]|[-*+])\s{2,})"));
    QString kept = line;
    // Two trailing spaces are a hard line break in Markdown; anything else is noise.
    const bool hardBreak = kept.endsWith(QStringLiteral("  ")) && !kept.trimmed().isEmpty();
    while (kept.endsWith(QLatin1Char(' ')) || kept.endsWith(QLatin1Char('\t')))
        kept.chop(1);
    kept.replace(listMarkerSpaces, QStringLiteral("\\1\\2 "));
    return hardBreak ? kept + QStringLiteral("  ") : kept;
}

} // namespace

QString htmlToMarkdown(const QString &html)
{
    QTextDocument document;
    document.setHtml(html);
    const QStringList written
        = document.toMarkdown(QTextDocument::MarkdownDialectGitHub).split(QLatin1Char('\n'));
    QStringList lines;
    for (int i = 0; i < written.size(); ++i) {
        const QString &line = written.at(i);
        if (isFenceLine(line)) {
            QStringList code;
            int end = i + 1;
            while (end < written.size() && !isFenceLine(written.at(end)))
                code.append(written.at(end++));
            lines.append(line.trimmed());
            lines.append(undoDoubledCodeLines(code));
            if (end < written.size())
                lines.append(written.at(end).trimmed());
            i = end;
            continue;
        }
        const QString kept = tidyProseLine(line);
        if (kept.isEmpty() && (lines.isEmpty() || lines.back().isEmpty()))
            continue; // no leading blank lines, no runs of them
        lines.append(kept);
    }
    while (!lines.isEmpty() && lines.back().trimmed().isEmpty())
        lines.removeLast();
    if (!lines.isEmpty() && lines.back().endsWith(QStringLiteral("  ")))
        lines.back().chop(2);
    return lines.join(QLatin1Char('\n'));
}

} // namespace pw
