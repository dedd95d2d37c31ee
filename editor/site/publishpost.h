#pragma once

// What the Publish button and `postwright-cli publish` share: a post file on disk goes to the
// blog's remote, refused while its front matter has errors (the site's build would fail on it).

#include "publish/publisher.h"

namespace pw {

struct Blog;

Result<PublishOutcome, PublishError> publishPostFile(const Blog &blog, const QString &postFile,
                                                     PublishObserver *observer);

} // namespace pw
