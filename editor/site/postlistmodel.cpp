#include "site/postlistmodel.h"

#include <QFont>

#include <algorithm>

namespace pw {

PostListModel::PostListModel(QObject *parent) : QAbstractTableModel(parent) {}

void PostListModel::setPosts(QList<PostSummary> posts)
{
    std::stable_sort(posts.begin(), posts.end(), newerFirst);
    beginResetModel();
    m_posts = std::move(posts);
    endResetModel();
}

void PostListModel::updatePost(const PostSummary &post)
{
    const int from = rowOf(post.path);
    if (from < 0) {
        const auto at = std::upper_bound(m_posts.begin(), m_posts.end(), post, newerFirst);
        const int row = int(at - m_posts.begin());
        beginInsertRows({}, row, row);
        m_posts.insert(row, post);
        endInsertRows();
        return;
    }
    // Moved, not removed and inserted: selections and persistent indexes follow the post.
    QList<PostSummary> others = m_posts;
    others.removeAt(from);
    const int to = int(std::upper_bound(others.begin(), others.end(), post, newerFirst) - others.begin());
    if (to != from) {
        beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
        m_posts.move(from, to);
        endMoveRows();
    }
    m_posts[to] = post;
    Q_EMIT dataChanged(index(to, 0), index(to, ColumnCount - 1));
}

int PostListModel::rowOf(const QString &path) const
{
    for (int row = 0; row < m_posts.size(); ++row) {
        if (m_posts[row].path == path)
            return row;
    }
    return -1;
}

int PostListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_posts.size());
}

int PostListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PostListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const PostSummary &post = m_posts[index.row()];
    const bool hasErrors = std::any_of(post.diagnostics.begin(), post.diagnostics.end(),
                                       [](const Diagnostic &d) {
                                           return d.severity == Diagnostic::Severity::Error;
                                       });
    switch (role) {
    case PathRole:
        return post.path;
    case DraftRole:
        return post.draft;
    case HasErrorsRole:
        return hasErrors;
    case Qt::ToolTipRole:
        if (hasErrors)
            return tr("%1\nThe front matter has errors: open the post to see them.").arg(post.path);
        return post.path;
    case Qt::FontRole:
        if (post.draft && index.column() == TitleColumn) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case TitleColumn:
            return post.title;
        case DateColumn:
            // ISO dates: compact, unambiguous, and they sort as they read.
            return post.date.isValid() ? post.date.toLocalTime().date().toString(Qt::ISODate) : QString();
        case StatusColumn:
            // A post whose front matter cannot be read is neither: its draft flag is unknown.
            if (hasErrors)
                return tr("Error");
            return post.draft ? tr("Draft") : tr("Published");
        case TagsColumn:
            return post.tags.join(QStringLiteral(", "));
        }
        return {};
    }
    return {};
}

QVariant PostListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn:
        return tr("Title");
    case DateColumn:
        return tr("Date");
    case StatusColumn:
        return tr("Status");
    case TagsColumn:
        return tr("Tags");
    }
    return {};
}

} // namespace pw
