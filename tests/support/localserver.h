#pragma once

// Servers that tests start and stop themselves on 127.0.0.1, each on a free port chosen at run
// time: `git daemon`, a smart-HTTP git server with basic auth, and sshd.

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace pw::test {

// A port nobody listens on right now (the kernel's pick for an ephemeral bind), or 0.
quint16 freeTcpPort();
// Waits until something accepts connections on 127.0.0.1:port.
bool waitForTcpPort(quint16 port, int timeoutMs);

// One server process. The destructor stops it (SIGTERM, then SIGKILL) and waits for it.
class ServerProcess
{
public:
    using Arguments = std::function<QStringList(quint16 port)>;

    ServerProcess() = default;
    ~ServerProcess();
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    // Starts program on a free port and waits until the port accepts connections. A server
    // that dies early (the port was taken meanwhile) is retried on another port.
    bool start(const QString &program, const Arguments &arguments,
               const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
               int timeoutMs = 60'000);
    void stop();

    bool isRunning() const;
    quint16 port() const { return m_port; }
    // What the server printed, and why it did not start, for failure messages.
    QString log() const;

private:
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_log;
};

// `git daemon` serving every repository under basePath, pushes allowed (receive-pack).
bool startGitDaemon(ServerProcess &server, const QString &basePath);

// tests/support/git_http_server.py: `git http-backend` behind basic auth (user:password),
// serving every repository under projectRoot as http://127.0.0.1:<port>/<name>.
bool startGitHttpServer(ServerProcess &server, const QString &projectRoot, const QString &user,
                        const QString &password);

// sshd with its own configuration, host key and authorized_keys under folder, accepting only
// the given public key, for the user running the test. Needs root (sshd's privilege separation);
// returns false with the reason in server.log() otherwise.
bool startSshServer(ServerProcess &server, const QString &folder, const QString &authorizedKey);

} // namespace pw::test
