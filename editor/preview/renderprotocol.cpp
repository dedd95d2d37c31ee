#include "renderprotocol.h"

#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

namespace pw::renderworker {
namespace {

class Writer
{
public:
    void number(qint64 value) { m_bytes.append(reinterpret_cast<const char *>(&value), 8); }
    void text(const QString &text)
    {
        number(text.size());
        m_bytes.append(reinterpret_cast<const char *>(text.constData()),
                       text.size() * qsizetype(sizeof(QChar)));
    }
    // The message: its size first.
    QByteArray finish()
    {
        const qint64 size = m_bytes.size() - 8;
        std::memcpy(m_bytes.data(), &size, 8);
        return m_bytes;
    }
    Writer() { number(0); }

private:
    QByteArray m_bytes;
};

class Reader
{
public:
    explicit Reader(QByteArrayView bytes)
        : m_bytes(bytes)
    {
    }
    bool failed() const { return m_failed; }
    bool atEnd() const { return m_offset == m_bytes.size(); }

    qint64 number()
    {
        qint64 value = 0;
        if (m_bytes.size() - m_offset < 8) {
            m_failed = true;
            return 0;
        }
        std::memcpy(&value, m_bytes.data() + m_offset, 8);
        m_offset += 8;
        return value;
    }
    int integer()
    {
        const qint64 value = number();
        if (value < INT32_MIN || value > INT32_MAX)
            m_failed = true;
        return int(value);
    }
    QString text()
    {
        const qint64 length = number();
        if (m_failed || length < 0
            || length > (m_bytes.size() - m_offset) / qint64(sizeof(QChar))) {
            m_failed = true;
            return {};
        }
        const qint64 bytes = length * qint64(sizeof(QChar));
        QString value(reinterpret_cast<const QChar *>(m_bytes.data() + m_offset), length);
        m_offset += bytes;
        return value;
    }

private:
    QByteArrayView m_bytes;
    qsizetype m_offset = 0;
    bool m_failed = false;
};

// The payload of the first whole message in buffer (which loses it), if there is one.
std::optional<QByteArray> takeMessage(QByteArray &buffer, bool *malformed)
{
    if (malformed)
        *malformed = false;
    if (buffer.size() < 8)
        return std::nullopt;
    qint64 size = 0;
    std::memcpy(&size, buffer.constData(), 8);
    if (size < 0) {
        buffer.clear();
        if (malformed)
            *malformed = true;
        return std::nullopt;
    }
    if (buffer.size() - 8 < size)
        return std::nullopt;
    QByteArray payload = buffer.mid(8, qsizetype(size));
    buffer.remove(0, qsizetype(size) + 8);
    return payload;
}

template<typename Message, typename Decode>
std::optional<Message> take(QByteArray &buffer, bool *malformed, Decode decode)
{
    const std::optional<QByteArray> payload = takeMessage(buffer, malformed);
    if (!payload)
        return std::nullopt;
    Reader reader(*payload);
    Message message = decode(reader);
    if (reader.failed() || !reader.atEnd()) {
        if (malformed)
            *malformed = true;
        return std::nullopt;
    }
    return message;
}

bool writeAll(int fd, const QByteArray &bytes)
{
    qsizetype written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + written, size_t(bytes.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        written += n;
    }
    return true;
}

} // namespace

QByteArray encodeRequest(const Request &request)
{
    Writer writer;
    writer.number(request.generation);
    writer.number(request.bodyFirstLine);
    writer.text(request.markdown);
    return writer.finish();
}

QByteArray encodeReply(const Reply &reply)
{
    Writer writer;
    writer.number(reply.generation);
    writer.number(reply.edit.index);
    writer.number(reply.edit.removed);
    writer.number(reply.edit.lineShift);
    writer.number(reply.edit.added.size());
    for (const RenderedBlock &block : reply.edit.added) {
        writer.number(block.firstLine);
        writer.number(block.lastLine);
        writer.number(qint64(block.hash));
        writer.text(block.html);
    }
    return writer.finish();
}

std::optional<Request> takeRequest(QByteArray &buffer, bool *malformed)
{
    return take<Request>(buffer, malformed, [](Reader &reader) {
        Request request;
        request.generation = reader.integer();
        request.bodyFirstLine = reader.integer();
        request.markdown = reader.text();
        return request;
    });
}

std::optional<Reply> takeReply(QByteArray &buffer, bool *malformed)
{
    return take<Reply>(buffer, malformed, [](Reader &reader) {
        Reply reply;
        reply.generation = reader.integer();
        reply.edit.index = reader.integer();
        reply.edit.removed = reader.integer();
        reply.edit.lineShift = reader.integer();
        const qint64 count = reader.number();
        for (qint64 i = 0; i < count && !reader.failed(); ++i) {
            RenderedBlock block;
            block.firstLine = reader.integer();
            block.lastLine = reader.integer();
            block.hash = size_t(reader.number());
            block.html = reader.text();
            reply.edit.added.append(block);
        }
        return reply;
    });
}

RenderedPost renderBlocks(const QString &markdown, int bodyFirstLine)
{
    RenderOptions options = postRenderOptions(bodyFirstLine);
    options.documentHtml = false; // the preview takes the blocks
    return renderMarkdown(markdown, options);
}

int serve(int inputFd, int outputFd)
{
    QByteArray buffer;
    preview::PageBlocks sent; // what the preview has from us
    char chunk[64 * 1024];
    for (;;) {
        const ssize_t n = ::read(inputFd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return n == 0 ? 0 : 1; // the preview closed our input: it is done with us
        buffer.append(chunk, n);
        bool malformed = false;
        while (const std::optional<Request> request = takeRequest(buffer, &malformed)) {
            const Reply reply{
                request->generation,
                sent.update(renderBlocks(request->markdown, request->bodyFirstLine).blocks)};
            if (!writeAll(outputFd, encodeReply(reply)))
                return 1;
        }
        if (malformed)
            return 2;
    }
}

} // namespace pw::renderworker
