#pragma once

// What the preview and its render worker process (postwright-render-worker) say to each other over
// the worker's stdin and stdout: a request is a text to render, a reply its blocks. Each message
// is a 64-bit byte count and that many bytes; both ends run on the same machine, so numbers and
// UTF-16 text travel in the machine's own byte order. Qt Core only.

#include "blockedit.h"
#include "markdown/markdownrenderer.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace pw::renderworker {

struct Request
{
    int generation = 0;
    int bodyFirstLine = 1;
    QString markdown;
};

// The rendering as an edit of the worker's previous one (a new worker starts from none): most
// blocks are the same from one keystroke to the next, and need not travel again.
struct Reply
{
    int generation = 0;
    preview::BlockEdit edit;
};

QByteArray encodeRequest(const Request &request);
QByteArray encodeReply(const Reply &reply);

// Takes one whole message off the front of `buffer`; nothing while the message is incomplete.
// A message that does not decode is dropped and reported as an empty optional too, with
// `malformed` set.
std::optional<Request> takeRequest(QByteArray &buffer, bool *malformed = nullptr);
std::optional<Reply> takeReply(QByteArray &buffer, bool *malformed = nullptr);

// The worker: renders each request from `input` and writes its reply to `output`, until the input
// ends. Returns the process exit code.
int serve(int inputFd, int outputFd);

// The preview's options for a post body's blocks: the worker and the in-process fallback use it.
RenderedPost renderBlocks(const QString &markdown, int bodyFirstLine);

} // namespace pw::renderworker
