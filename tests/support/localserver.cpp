#include "support/localserver.h"

#include "support/gitsandbox.h"
#include "support/process.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QThread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace pw::test {
namespace {

constexpr int kStartAttempts = 3;
constexpr int kStopTimeoutMs = 15'000;

sockaddr_in loopback(quint16 port)
{
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

QString currentUserName()
{
    const passwd *entry = ::getpwuid(::getuid());
    return entry ? QString::fromLocal8Bit(entry->pw_name) : QString();
}

} // namespace

quint16 freeTcpPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address = loopback(0);
    socklen_t length = sizeof address;
    quint16 port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

bool waitForTcpPort(quint16 port, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    do {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        const sockaddr_in address = loopback(port);
        const bool accepted
            = fd >= 0
              && ::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0;
        if (fd >= 0)
            ::close(fd);
        if (accepted)
            return true;
        QThread::msleep(50); // polling interval while the server binds; the deadline bounds it
    } while (!deadline.hasExpired());
    return false;
}

ServerProcess::~ServerProcess()
{
    stop();
}

bool ServerProcess::start(const QString &program, const Arguments &arguments,
                          const QProcessEnvironment &environment, int timeoutMs)
{
    stop();
    for (int attempt = 0; attempt < kStartAttempts; ++attempt) {
        m_port = freeTcpPort();
        m_process = std::make_unique<QProcess>();
        m_process->setProcessEnvironment(environment);
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        m_process->start(program, arguments(m_port));
        if (!m_process->waitForStarted(timeoutMs)) {
            m_log
                += QStringLiteral("%1 did not start: %2\n").arg(program, m_process->errorString());
            m_process.reset();
            return false;
        }
        const QDeadlineTimer deadline(timeoutMs);
        while (!deadline.hasExpired() && m_process->state() == QProcess::Running) {
            if (waitForTcpPort(m_port, 200))
                return true;
        }
        m_log += QString::fromUtf8(m_process->readAll());
        m_log += QStringLiteral("%1 did not listen on port %2\n").arg(program).arg(m_port);
        stop();
    }
    return false;
}

void ServerProcess::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(kStopTimeoutMs)) {
            m_process->kill();
            m_process->waitForFinished(kStopTimeoutMs);
        }
    }
    m_log += QString::fromUtf8(m_process->readAll());
    m_process.reset();
}

bool ServerProcess::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QString ServerProcess::log() const
{
    return m_process ? m_log + QString::fromUtf8(m_process->peek(1 << 20)) : m_log;
}

bool startGitDaemon(ServerProcess &server, const QString &basePath)
{
    return server.start(QStringLiteral("git"), [basePath](quint16 port) {
        return QStringList{QStringLiteral("daemon"),
                           QStringLiteral("--reuseaddr"),
                           QStringLiteral("--export-all"),
                           QStringLiteral("--enable=receive-pack"),
                           QStringLiteral("--informative-errors"),
                           QStringLiteral("--listen=127.0.0.1"),
                           QStringLiteral("--port=%1").arg(port),
                           QStringLiteral("--base-path=%1").arg(basePath),
                           basePath};
    });
}

bool startGitHttpServer(ServerProcess &server, const QString &projectRoot, const QString &user,
                        const QString &password)
{
    const QString script = QStringLiteral(POSTWRIGHT_TEST_SUPPORT_DIR "/git_http_server.py");
    return server.start(QStringLiteral("python3"), [=](quint16 port) {
        return QStringList{script,
                           QStringLiteral("--port"),
                           QString::number(port),
                           QStringLiteral("--root"),
                           projectRoot,
                           QStringLiteral("--user"),
                           user,
                           QStringLiteral("--password"),
                           password};
    });
}

bool startSshServer(ServerProcess &server, const QString &folder, const QString &authorizedKey)
{
    const QString sshd = QStringLiteral("/usr/sbin/sshd");
    if (!QFileInfo(sshd).isExecutable())
        return server.start(sshd, [](quint16) { return QStringList(); }); // records why
    // sshd refuses to start without its privilege separation folder.
    QDir().mkpath(QStringLiteral("/run/sshd"));
    const QString hostKey = QDir(folder).filePath(QStringLiteral("host_key"));
    const QString authorizedKeys = QDir(folder).filePath(QStringLiteral("authorized_keys"));
    const QString config = QDir(folder).filePath(QStringLiteral("sshd_config"));
    // ECDSA: libssh2 1.10 (Debian 12) signs RSA keys only with SHA-1, which OpenSSH 9 refuses.
    if (!QFileInfo::exists(hostKey)) {
        const ProcessResult generated
            = runProcess(QStringLiteral("ssh-keygen"),
                         {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ecdsa"),
                          QStringLiteral("-N"), QString(), QStringLiteral("-f"), hostKey});
        if (!generated.ok())
            return false;
    }
    if (!GitSandbox::writeFile(authorizedKeys, authorizedKey.toUtf8()))
        return false;
    return server.start(sshd, [=](quint16 port) {
        const QString settings = QStringLiteral("Port %1\n"
                                                "ListenAddress 127.0.0.1\n"
                                                "HostKey %2\n"
                                                "AuthorizedKeysFile %3\n"
                                                "AllowUsers %4\n"
                                                "PidFile none\n"
                                                "UsePAM no\n"
                                                "StrictModes no\n"
                                                "PasswordAuthentication no\n"
                                                "KbdInteractiveAuthentication no\n"
                                                "PubkeyAuthentication yes\n"
                                                "PermitRootLogin prohibit-password\n"
                                                "LogLevel VERBOSE\n")
                                     .arg(port)
                                     .arg(hostKey, authorizedKeys, currentUserName());
        GitSandbox::writeFile(config, settings.toUtf8());
        return QStringList{QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"),
                           config};
    });
}

} // namespace pw::test
