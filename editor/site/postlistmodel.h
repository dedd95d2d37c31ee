#pragma once

#include "site/postindex.h"

#include <QAbstractTableModel>

namespace pw {

// The blog's posts, newest first: title, date, draft or published, tags.
class PostListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TitleColumn, DateColumn, StatusColumn, TagsColumn, ColumnCount };
    enum Role { PathRole = Qt::UserRole + 1, DraftRole, HasErrorsRole };

    explicit PostListModel(QObject *parent = nullptr);

    void setPosts(QList<PostSummary> posts);
    // Replaces the post with the same path (or adds it), keeping the order.
    void updatePost(const PostSummary &post);

    const QList<PostSummary> &posts() const { return m_posts; }
    int rowOf(const QString &path) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<PostSummary> m_posts;
};

} // namespace pw
