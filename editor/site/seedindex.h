#pragma once

// The blog's own index page as text (resources/sample/system-and-design-index.txt): the blog's
// title and tagline, then for each post its category, title, description and tags.

#include <QList>
#include <QString>
#include <QStringList>

namespace pw {

struct SeedPost {
    QString category;
    QString title;
    QString description;
    QStringList tags;
};

struct SeedIndex {
    QString title;
    QString tagline;
    QList<SeedPost> posts;
};

// Paragraphs are separated by blank lines. After the title and the tagline come, per post, the
// category, the title, the description and the tag lines; on that page the next post's category
// line follows the tags with no blank line between, so a tag paragraph's last line is that category.
SeedIndex parseSeedIndex(const QString &text);

// A URL slug: lower case ASCII letters and digits separated by single hyphens.
QString slugify(const QString &title);

} // namespace pw
