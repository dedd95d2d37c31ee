#pragma once

#include "site/blog.h"
#include "site/postlistmodel.h"
#include "site/taxonomymodel.h"

#include <QObject>

namespace pw {

// The open blog and what the window lists of it: its posts and its tags and categories with counts.
class BlogSession : public QObject {
    Q_OBJECT
public:
    explicit BlogSession(QObject *parent = nullptr);

    Result<void> open(const QString &path);
    bool isOpen() const { return !m_blog.root.isEmpty(); }
    const Blog &blog() const { return m_blog; }

    PostListModel *posts() { return &m_posts; }
    TaxonomyModel *tags() { return &m_tags; }
    TaxonomyModel *categories() { return &m_categories; }

    // The format of the block a post without front matter gets (the blog's own, YAML in doubt).
    FrontMatterFormat newBlockFormat() const { return pw::newBlockFormat(m_posts.posts()); }

    // Reads the content folder again (posts added, removed or changed by other programs).
    void rescan();

    // After a save or an edit: the post's row and the term counts follow.
    void refreshPost(const QString &path);
    void refreshPost(const QString &path, const PostDocument &document);

Q_SIGNALS:
    void opened(const pw::Blog &blog);

private:
    void rebuildTaxonomies();

    Blog m_blog;
    PostListModel m_posts;
    TaxonomyModel m_tags{TaxonomyModel::Tags};
    TaxonomyModel m_categories{TaxonomyModel::Categories};
};

} // namespace pw
