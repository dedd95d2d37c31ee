#include "site/seedindex.h"

#include <QRegularExpression>

namespace pw {

namespace {

QList<QStringList> paragraphs(const QString &text)
{
    QList<QStringList> result;
    QStringList current;
    const QStringList lines = QString(text).replace(QLatin1String("\r\n"), QLatin1String("\n"))
                                  .split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty()) {
            if (!current.isEmpty())
                result.append(current);
            current.clear();
        } else {
            current.append(trimmed);
        }
    }
    if (!current.isEmpty())
        result.append(current);
    return result;
}

} // namespace

SeedIndex parseSeedIndex(const QString &text)
{
    const QList<QStringList> paras = paragraphs(text);
    SeedIndex index;
    if (paras.size() < 2)
        return index;
    index.title = paras[0].join(QLatin1Char(' '));
    index.tagline = paras[1].join(QLatin1Char(' '));

    qsizetype i = 2;
    QString category = i < paras.size() ? paras[i].join(QLatin1Char(' ')) : QString();
    ++i;
    while (i + 2 < paras.size()) {
        SeedPost post;
        post.category = category;
        post.title = paras[i].join(QLatin1Char(' '));
        post.description = paras[i + 1].join(QLatin1Char(' '));
        QStringList tags = paras[i + 2];
        const bool last = i + 3 >= paras.size();
        if (!last && !tags.isEmpty())
            category = tags.takeLast();
        post.tags = tags;
        index.posts.append(post);
        i += 3;
    }
    return index;
}

QString slugify(const QString &title)
{
    // Decompose so "é" keeps its "e" and drops its accent; what is left outside [a-z0-9]
    // separates words.
    QString slug;
    for (const QChar c : title.normalized(QString::NormalizationForm_KD).toLower()) {
        if (c.category() != QChar::Mark_NonSpacing)
            slug.append(c);
    }
    static const QRegularExpression nonWord(QStringLiteral("[^a-z0-9]+"));
    slug.replace(nonWord, QStringLiteral("-"));
    while (slug.startsWith(QLatin1Char('-')))
        slug.remove(0, 1);
    while (slug.endsWith(QLatin1Char('-')))
        slug.chop(1);
    return slug.isEmpty() ? QStringLiteral("post") : slug;
}

} // namespace pw
