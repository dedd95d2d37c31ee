#include "requestrecorder.h"

#include <QTcpSocket>

namespace pw::test {
namespace {

QByteArray onePixelPng()
{
    return QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQ"
                                  "DwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
}

} // namespace

RequestRecorder::RequestRecorder(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &RequestRecorder::onConnection);
}

bool RequestRecorder::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QString RequestRecorder::url(const QString &path) const
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path);
}

void RequestRecorder::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        ++m_connections;
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            const QByteArray head = socket->peek(socket->bytesAvailable());
            if (!head.contains("\r\n\r\n"))
                return;
            socket->readAll();
            const QByteArray requestLine = head.left(head.indexOf(" HTTP/"));
            m_requests.append(QString::fromLatin1(requestLine));
            const bool image = requestLine.endsWith(".png");
            const QByteArray body = image ? onePixelPng() : QByteArray();
            socket->write(QByteArray(image ? "HTTP/1.1 200 OK\r\n" : "HTTP/1.1 404 Not Found\r\n")
                          + "Content-Type: image/png\r\nConnection: close\r\nContent-Length: "
                          + QByteArray::number(body.size()) + "\r\n\r\n" + body);
            socket->disconnectFromHost();
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

} // namespace pw::test
