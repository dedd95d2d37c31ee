#pragma once

#include "site/postindex.h"

#include <QAbstractListModel>

namespace pw {

// The terms of one taxonomy (tags or categories) across the blog, with how many posts use each.
// Display: "term (count)"; edit role: the term itself, which is what completers match.
class TaxonomyModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Kind { Tags, Categories };
    enum Role { TermRole = Qt::UserRole + 1, CountRole };

    explicit TaxonomyModel(Kind kind, QObject *parent = nullptr);

    void rebuild(const QList<PostSummary> &posts);
    int countOf(const QString &term) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Term {
        QString text;
        int count = 0;
    };
    Kind m_kind;
    QList<Term> m_terms;
};

} // namespace pw
