#pragma once

// A tiny HTTP server on 127.0.0.1 (a port the kernel picks) that records every request it gets and
// answers a 1x1 PNG for paths ending in ".png", 404 for anything else. The security tests point
// hostile posts at it: a request that arrives here is a request that left the preview.

#include <QObject>
#include <QStringList>
#include <QTcpServer>

namespace pw::test {

class RequestRecorder : public QObject
{
    Q_OBJECT

public:
    explicit RequestRecorder(QObject *parent = nullptr);
    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    QString url(const QString &path) const;             // http://127.0.0.1:<port><path>
    QStringList requests() const { return m_requests; } // "GET /path" lines, in order
    int connections() const { return m_connections; }

private:
    void onConnection();

    QTcpServer m_server;
    QStringList m_requests;
    int m_connections = 0;
};

} // namespace pw::test
