#include "frontmatter/metadatareader.h"

#include "frontmatter/fieldnames.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace pw::frontmatter {

namespace {

class Reader {
public:
    Reader(const ParsedBlock &block, TermStringRule rule) : m_block(block), m_rule(rule) {}

    MetadataReading read()
    {
        PostMetadata &m = m_result.metadata;
        m.title = text(Field::Title);
        m.description = text(Field::Description);
        m.dateText = date(Field::Date);
        m.date = parseDate(m.dateText);
        m.publishDateText = date(Field::PublishDate);
        m.lastmodText = date(Field::Lastmod);
        m.expiryDateText = date(Field::ExpiryDate);
        m.draft = draft();
        m.slug = text(Field::Slug);
        m.url = text(Field::Url);
        m.aliases = terms(Field::Aliases);
        m.categories = terms(Field::Categories);
        m.tags = terms(Field::Tags);
        m.weight = weight();
        m.image = text(Field::Image);
        return std::move(m_result);
    }

private:
    const Entry *entry(Field field) const
    {
        const int index = entryIndexFor(m_block, field);
        return index < 0 ? nullptr : &m_block.entries.at(index);
    }

    void warn(const Entry &entry, const QString &message)
    {
        m_result.warnings.append({Diagnostic::Severity::Warning, entry.valueLine,
                                  entry.valueColumn, message});
    }

    QString text(Field field)
    {
        const Entry *e = entry(field);
        if (!e || e->value.isNull())
            return {};
        if (!isScalar(e->value)) {
            warn(*e, QStringLiteral("`%1` should be text, not a %2")
                         .arg(e->key, e->value.isArray() ? QStringLiteral("list")
                                                         : QStringLiteral("map")));
            return {};
        }
        return e->text;
    }

    QString date(Field field)
    {
        const Entry *e = entry(field);
        if (!e || e->value.isNull())
            return {};
        if (!isScalar(e->value) || !isIsoDate(e->text)) {
            warn(*e, QStringLiteral("`%1` is not a date: write it like 2024-05-01 or "
                                    "2024-05-01T09:30:00+02:00")
                         .arg(e->key));
            return isScalar(e->value) ? e->text : QString();
        }
        return e->text;
    }

    bool draft()
    {
        const int index = entryIndexFor(m_block, Field::Draft);
        if (index < 0)
            return false;
        const Entry &e = m_block.entries.at(index);
        const bool inverted = e.key.compare(QStringLiteral("published"), Qt::CaseInsensitive) == 0;
        std::optional<bool> value;
        if (e.value.isBool())
            value = e.value.toBool();
        else if (e.quote == QuoteStyle::Plain && e.value.isString())
            value = yaml11Bool(e.text); // Jekyll reads YAML 1.1: `draft: yes`
        if (!value) {
            if (!e.value.isNull())
                warn(e, QStringLiteral("`%1` should be true or false").arg(e.key));
            return false;
        }
        return inverted ? !*value : *value;
    }

    static std::optional<bool> yaml11Bool(const QString &text)
    {
        static const QStringList yes = {QStringLiteral("yes"), QStringLiteral("on"),
                                        QStringLiteral("y")};
        static const QStringList no = {QStringLiteral("no"), QStringLiteral("off"),
                                       QStringLiteral("n")};
        if (yes.contains(text, Qt::CaseInsensitive))
            return true;
        if (no.contains(text, Qt::CaseInsensitive))
            return false;
        return std::nullopt;
    }

    QStringList terms(Field field)
    {
        const Entry *e = entry(field);
        if (!e || e->value.isNull())
            return {};
        if (e->value.isString())
            return termsOf(*e, m_rule);
        if (!e->value.isArray()) {
            warn(*e, QStringLiteral("`%1` should be a list of terms or a single term").arg(e->key));
            return {};
        }
        const QStringList result = termsOf(*e, m_rule);
        if (result.size() != e->value.toArray().size())
            warn(*e, QStringLiteral("`%1` has items that are not terms; they are ignored")
                         .arg(e->key));
        return result;
    }

    std::optional<double> weight()
    {
        const Entry *e = entry(Field::Weight);
        if (!e || e->value.isNull())
            return std::nullopt;
        if (!e->value.isDouble()) {
            warn(*e, QStringLiteral("`%1` should be a number").arg(e->key));
            return std::nullopt;
        }
        return e->value.toDouble();
    }

    const ParsedBlock &m_block;
    TermStringRule m_rule;
    MetadataReading m_result;
};

} // namespace

int entryIndexFor(const ParsedBlock &block, Field field)
{
    for (const QString &name : namesOf(field)) {
        for (int i = 0; i < block.entries.size(); ++i) {
            if (block.entries.at(i).key.compare(name, Qt::CaseInsensitive) == 0)
                return i;
        }
    }
    return -1;
}

QStringList termsOf(const Entry &entry, TermStringRule rule)
{
    if (entry.value.isString()) {
        if (rule == TermStringRule::SplitOnSpaces)
            return entry.text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        return entry.text.isEmpty() ? QStringList() : QStringList{entry.text};
    }
    QStringList terms;
    for (const ListItem &item : entry.items) {
        if (isScalar(item.value) && !item.value.isNull())
            terms.append(item.text);
    }
    if (entry.items.isEmpty() && entry.value.isArray()) {
        // A list we could not map to its text (e.g. written across lines oddly): read values.
        for (const QJsonValue &value : entry.value.toArray()) {
            if (value.isString())
                terms.append(value.toString());
            else if (value.isDouble())
                terms.append(numberText(value.toDouble()));
        }
    }
    return terms;
}

QDateTime parseDate(const QString &text)
{
    if (!isIsoDate(text))
        return {};
    if (text.size() == 10)
        return QDateTime(QDate::fromString(text, Qt::ISODate), QTime(0, 0));
    QString iso = text;
    iso[10] = QLatin1Char('T');
    static const QRegularExpression spaceBeforeZone(QStringLiteral(" (?=[Zz+-])"));
    iso.remove(spaceBeforeZone);
    QDateTime parsed = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!parsed.isValid())
        return {};
    return parsed.timeSpec() == Qt::LocalTime ? parsed : parsed.toLocalTime();
}

} // namespace pw::frontmatter

namespace pw::frontmatter {

MetadataReading readMetadata(const ParsedBlock &block, TermStringRule rule)
{
    return Reader(block, rule).read();
}

} // namespace pw::frontmatter
