#include "frontmatter/fieldnames.h"

namespace pw::frontmatter {

const QStringList &namesOf(Field field)
{
    static const QStringList title = {QStringLiteral("title")};
    static const QStringList description
        = {QStringLiteral("description"), QStringLiteral("summary"), QStringLiteral("excerpt")};
    static const QStringList date = {QStringLiteral("date")};
    static const QStringList publishDate = {QStringLiteral("publishDate")};
    static const QStringList lastmod = {QStringLiteral("lastmod")};
    static const QStringList expiryDate = {QStringLiteral("expiryDate")};
    static const QStringList draft = {QStringLiteral("draft"), QStringLiteral("published")};
    static const QStringList slug = {QStringLiteral("slug")};
    static const QStringList url = {QStringLiteral("url")};
    static const QStringList aliases = {QStringLiteral("aliases")};
    static const QStringList categories
        = {QStringLiteral("categories"), QStringLiteral("category")};
    static const QStringList tags = {QStringLiteral("tags"), QStringLiteral("keywords")};
    static const QStringList weight = {QStringLiteral("weight")};
    static const QStringList image
        = {QStringLiteral("image"), QStringLiteral("cover"), QStringLiteral("featured_image")};
    switch (field) {
    case Field::Title:
        return title;
    case Field::Description:
        return description;
    case Field::Date:
        return date;
    case Field::PublishDate:
        return publishDate;
    case Field::Lastmod:
        return lastmod;
    case Field::ExpiryDate:
        return expiryDate;
    case Field::Draft:
        return draft;
    case Field::Slug:
        return slug;
    case Field::Url:
        return url;
    case Field::Aliases:
        return aliases;
    case Field::Categories:
        return categories;
    case Field::Tags:
        return tags;
    case Field::Weight:
        return weight;
    case Field::Image:
        return image;
    }
    return title;
}

bool isDateKey(const QString &key)
{
    for (Field field : {Field::Date, Field::PublishDate, Field::Lastmod, Field::ExpiryDate}) {
        if (namesOf(field).contains(key, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool isTermField(Field field)
{
    return field == Field::Tags || field == Field::Categories || field == Field::Aliases;
}

} // namespace pw::frontmatter
