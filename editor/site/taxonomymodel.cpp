#include "site/taxonomymodel.h"

#include <QHash>

#include <algorithm>

namespace pw {

TaxonomyModel::TaxonomyModel(Kind kind, QObject *parent) : QAbstractListModel(parent), m_kind(kind)
{}

void TaxonomyModel::rebuild(const QList<PostSummary> &posts)
{
    QHash<QString, int> counts;
    for (const PostSummary &post : posts) {
        const QStringList &terms = m_kind == Tags ? post.tags : post.categories;
        // A post that lists a term twice still counts once.
        QStringList unique = terms;
        unique.removeDuplicates();
        for (const QString &term : unique)
            ++counts[term];
    }
    QList<Term> terms;
    terms.reserve(counts.size());
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        terms.append({it.key(), it.value()});
    std::sort(terms.begin(), terms.end(), [](const Term &a, const Term &b) {
        if (a.count != b.count)
            return a.count > b.count;
        return a.text.localeAwareCompare(b.text) < 0;
    });
    beginResetModel();
    m_terms = std::move(terms);
    endResetModel();
}

int TaxonomyModel::countOf(const QString &term) const
{
    for (const Term &t : m_terms) {
        if (t.text == term)
            return t.count;
    }
    return 0;
}

int TaxonomyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_terms.size());
}

QVariant TaxonomyModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Term &term = m_terms[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1 (%2)").arg(term.text).arg(term.count);
    case Qt::EditRole:
    case TermRole:
        return term.text;
    case CountRole:
        return term.count;
    }
    return {};
}

} // namespace pw
