#pragma once

// The embedded sample blog "System & Design": a Hugo site made from the blog's own index page, with a
// local bare `origin` whose post-receive hook builds the site, so Publish works offline.

#include "base/result.h"

#include <QString>

namespace pw {

struct SampleBlogPaths {
    QString root;      // <data>/sample-blog
    QString site;      // the work tree the user writes in
    QString origin;    // the bare repository pushed to
    QString published; // where the hook checks out and builds the site
    QString publishLog;

    static SampleBlogPaths under(const QString &dataDir);
};

// Creates the sample blog under dataDir unless it is there already; returns its paths.
Result<SampleBlogPaths> ensureSampleBlog(const QString &dataDir);

} // namespace pw
