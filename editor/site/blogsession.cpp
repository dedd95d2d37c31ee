#include "site/blogsession.h"

namespace pw {

BlogSession::BlogSession(QObject *parent) : QObject(parent) {}

Result<void> BlogSession::open(const QString &path)
{
    Result<Blog> blog = openBlog(path);
    if (!blog)
        return failure(blog.error());
    m_blog = *blog;
    m_posts.setPosts(scanPosts(m_blog));
    rebuildTaxonomies();
    Q_EMIT opened(m_blog);
    return {};
}

void BlogSession::rescan()
{
    if (!isOpen())
        return;
    m_posts.setPosts(scanPosts(m_blog));
    rebuildTaxonomies();
}

void BlogSession::refreshPost(const QString &path)
{
    m_posts.updatePost(summarizePost(path, m_blog.termRule));
    rebuildTaxonomies();
}

void BlogSession::refreshPost(const QString &path, const PostDocument &document)
{
    m_posts.updatePost(summarizePost(path, document));
    rebuildTaxonomies();
}

void BlogSession::rebuildTaxonomies()
{
    m_tags.rebuild(m_posts.posts());
    m_categories.rebuild(m_posts.posts());
}

} // namespace pw
