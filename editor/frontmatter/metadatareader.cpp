#include "frontmatter/metadatareader.h"

#include "frontmatter/exactnumber.h"
#include "frontmatter/fieldnames.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>

#include <array>
#include <limits>

namespace pw::frontmatter {

namespace {

constexpr int fieldCount = int(Field::Image) + 1;

// Every lower-case name of every field, with its rank among the field's names.
const QHash<QString, std::pair<Field, int>> &fieldNameLookup()
{
    static const QHash<QString, std::pair<Field, int>> lookup = [] {
        QHash<QString, std::pair<Field, int>> names;
        for (int f = 0; f < fieldCount; ++f) {
            const QStringList &aliases = namesOf(Field(f));
            for (int rank = 0; rank < aliases.size(); ++rank)
                names.insert(aliases.at(rank).toLower(), {Field(f), rank});
        }
        return names;
    }();
    return lookup;
}

class Reader
{
public:
    Reader(const ParsedBlock &block, TermStringRule rule)
        : m_block(block)
        , m_rule(rule)
        , m_fields(indexFields(block))
    {
        mergeDefaults();
    }

    MetadataReading read()
    {
        PostMetadata &m = m_result.metadata;
        m.title = text(Field::Title);
        m.description = text(Field::Description);
        m.dateText = date(Field::Date, &m.date);
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
        const int index = m_fields.at(std::size_t(field));
        if (index >= 0)
            return &m_block.entries.at(index);
        const std::optional<Entry> &merged = m_merged.at(std::size_t(field));
        return merged ? &*merged : nullptr;
    }

    // YAML merge keys (`<<: *defaults`, or a list of them) as Hugo's and Jekyll's parsers read
    // them: a field the map does not give itself comes from the first merged map that has it.
    // Editing such a field adds the key to this map; the anchored map is never touched.
    void mergeDefaults()
    {
        const QList<QJsonObject> maps = m_block.mergedMaps();
        if (maps.isEmpty())
            return;
        const Entry &merge = m_block.entries.at(m_block.indexOf(QStringLiteral("<<")));
        std::array<int, fieldCount> ranks;
        ranks.fill(std::numeric_limits<int>::max());
        for (const QJsonObject &map : std::as_const(maps)) {
            for (auto it = map.begin(); it != map.end(); ++it) {
                const auto name = fieldNameLookup().constFind(it.key().toLower());
                if (name == fieldNameLookup().constEnd())
                    continue;
                const auto [field, rank] = *name;
                const std::size_t f = std::size_t(field);
                // An earlier map wins over a later one; within a map, the preferred alias.
                if (m_fields.at(f) >= 0 || (m_merged.at(f) && rank >= ranks.at(f)))
                    continue;
                if (m_merged.at(f) && m_mergedFrom.at(f) != &map)
                    continue;
                ranks[f] = rank;
                m_mergedFrom[f] = &map;
                m_merged[f] = mergedEntry(merge, it.key(), it.value());
            }
        }
    }

    static Entry mergedEntry(const Entry &merge, const QString &key, const QJsonValue &value)
    {
        Entry entry;
        entry.key = key;
        entry.value = value;
        entry.shape = isScalar(value) ? ValueShape::Scalar : ValueShape::Other;
        if (value.isString())
            entry.text = value.toString();
        else if (value.isDouble())
            entry.text = numberText(value);
        else if (value.isBool())
            entry.text = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        entry.valueLine = merge.valueLine; // a warning points at the merge
        entry.valueColumn = merge.valueColumn;
        entry.editable = false;
        return entry;
    }

    // One pass over the keys instead of one per field and alias.
    static std::array<int, fieldCount> indexFields(const ParsedBlock &block)
    {
        std::array<int, fieldCount> fields;
        std::array<int, fieldCount> ranks;
        fields.fill(-1);
        ranks.fill(std::numeric_limits<int>::max());
        for (int i = 0; i < block.entries.size(); ++i) {
            const QString &key = block.entries.at(i).key;
            auto name = fieldNameLookup().constFind(key); // most keys are already lower case
            if (name == fieldNameLookup().constEnd())
                name = fieldNameLookup().constFind(key.toLower());
            if (name == fieldNameLookup().constEnd())
                continue;
            const auto [field, rank] = *name;
            if (rank < ranks.at(std::size_t(field))) {
                ranks[std::size_t(field)] = rank;
                fields[std::size_t(field)] = i;
            }
        }
        return fields;
    }

    void warn(const Entry &entry, const QString &message)
    {
        m_result.warnings.append(
            {Diagnostic::Severity::Warning, entry.valueLine, entry.valueColumn, message});
    }

    QString text(Field field)
    {
        const Entry *e = entry(field);
        if (!e || e->value.isNull())
            return {};
        if (!isScalar(e->value)) {
            warn(*e, QStringLiteral("`%1` should be text, not a %2")
                         .arg(e->key,
                              e->value.isArray() ? QStringLiteral("list") : QStringLiteral("map")));
            return {};
        }
        return e->text;
    }

    QString date(Field field, QDateTime *parsed = nullptr)
    {
        const Entry *e = entry(field);
        if (!e || e->value.isNull())
            return {};
        const QDateTime dateTime = isScalar(e->value) ? parseDate(e->text) : QDateTime();
        if (parsed)
            *parsed = dateTime;
        if (!dateTime.isValid()) {
            warn(*e, QStringLiteral("`%1` is not a date: write it like 2024-05-01 or "
                                    "2024-05-01T09:30:00+02:00")
                         .arg(e->key));
            return isScalar(e->value) ? e->text : QString();
        }
        return e->text;
    }

    bool draft()
    {
        const Entry *found = entry(Field::Draft);
        if (!found)
            return false;
        const Entry &e = *found;
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
        static const QStringList yes
            = {QStringLiteral("yes"), QStringLiteral("on"), QStringLiteral("y")};
        static const QStringList no
            = {QStringLiteral("no"), QStringLiteral("off"), QStringLiteral("n")};
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
            warn(*e,
                 QStringLiteral("`%1` has items that are not terms; they are ignored").arg(e->key));
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
    std::array<int, fieldCount> m_fields;
    std::array<std::optional<Entry>, fieldCount> m_merged;
    std::array<const QJsonObject *, fieldCount> m_mergedFrom{};
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
                terms.append(numberText(value));
        }
    }
    return terms;
}

QDateTime parseDate(const QString &text)
{
    // Read by hand: QDateTime::fromString costs more than the rest of a post's typed read.
    if (!isIsoDate(text))
        return {};
    // The system zone loaded once: QDateTime's Qt::LocalTime re-reads /etc/localtime on each use.
    static thread_local const QTimeZone local = QTimeZone::systemTimeZone(); // one per thread
    auto number = [&](int from, int length) {
        return QStringView(text).mid(from, length).toInt();
    };
    const QDate date(number(0, 4), number(5, 2), number(8, 2));
    if (text.size() == 10)
        return QDateTime(date, QTime(0, 0), local);
    int pos = 11;
    const int hour = number(pos, 2);
    const int minute = number(pos + 3, 2);
    pos += 5;
    int second = 0;
    int msec = 0;
    if (pos < text.size() && text.at(pos) == QLatin1Char(':')) {
        second = number(pos + 1, 2);
        pos += 3;
        if (pos < text.size() && text.at(pos) == QLatin1Char('.')) {
            int end = pos + 1;
            while (end < text.size() && text.at(end).isDigit())
                ++end;
            msec = QStringView(text)
                       .mid(pos + 1, qMin(3, end - pos - 1))
                       .toString()
                       .leftJustified(3, u'0')
                       .toInt();
            pos = end;
        }
    }
    const QTime time(hour, minute, second, msec);
    if (!date.isValid() || !time.isValid())
        return {};
    if (pos < text.size() && text.at(pos) == QLatin1Char(' '))
        ++pos;
    if (pos >= text.size())
        return QDateTime(date, time, local);
    int offsetSeconds = 0;
    if (text.at(pos) != QLatin1Char('Z') && text.at(pos) != QLatin1Char('z')) {
        const int sign = text.at(pos) == QLatin1Char('-') ? -1 : 1;
        const QStringView zone = QStringView(text).mid(pos + 1);
        const int hours = zone.left(2).toInt();
        const QStringView rest = zone.mid(2);
        const int minutes
            = rest.isEmpty() ? 0 : rest.mid(rest.startsWith(QLatin1Char(':')) ? 1 : 0).toInt();
        offsetSeconds = sign * (hours * 3600 + minutes * 60);
    }
    return QDateTime(date, time, Qt::OffsetFromUTC, offsetSeconds).toTimeZone(local);
}

} // namespace pw::frontmatter

namespace pw::frontmatter {

MetadataReading readMetadata(const ParsedBlock &block, TermStringRule rule)
{
    return Reader(block, rule).read();
}

} // namespace pw::frontmatter
