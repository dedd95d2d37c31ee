#pragma once

// Which local files the preview may read: those inside the blog (and the folder of the blog's
// own stylesheet), after following symbolic links, so "../" and links cannot reach elsewhere.

#include <QString>
#include <QStringList>

namespace pw::preview {

class ReadableFiles
{
public:
    void setRoots(const QStringList &directories);
    QStringList roots() const { return m_roots; }

    // The canonical path of `path` when it is an existing file inside a root; empty otherwise.
    QString resolve(const QString &path) const;

private:
    QStringList m_roots; // canonical, each ending in '/'
};

} // namespace pw::preview
