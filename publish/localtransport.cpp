#include "publish/localtransport_p.h"

#include <git2/sys/transport.h>

#include <QByteArrayList>
#include <QDir>
#include <QFileInfo>
#include <QUrl>

#include <cerrno>
#include <cstring>
#include <memory>
#include <type_traits>
#include <utility>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace pw::git {
namespace {

// The variables that tie a git process to one repository (`git rev-parse --local-env-vars`):
// inherited from a shell inside another repository they would redirect the service. git's own
// local transport clears them the same way.
constexpr const char *kRepositoryLocalVariables[] = {"GIT_ALTERNATE_OBJECT_DIRECTORIES",
                                                     "GIT_CONFIG",
                                                     "GIT_CONFIG_PARAMETERS",
                                                     "GIT_CONFIG_COUNT",
                                                     "GIT_OBJECT_DIRECTORY",
                                                     "GIT_DIR",
                                                     "GIT_WORK_TREE",
                                                     "GIT_IMPLICIT_WORK_TREE",
                                                     "GIT_GRAFT_FILE",
                                                     "GIT_INDEX_FILE",
                                                     "GIT_NO_REPLACE_OBJECTS",
                                                     "GIT_REPLACE_REF_BASE",
                                                     "GIT_PREFIX",
                                                     "GIT_INTERNAL_SUPER_PREFIX",
                                                     "GIT_SHALLOW_FILE",
                                                     "GIT_COMMON_DIR"};

constexpr qsizetype kMaxErrorText = 64 * 1024;

class FileDescriptor
{
public:
    FileDescriptor() = default;
    explicit FileDescriptor(int fd)
        : m_fd(fd)
    {
    }
    FileDescriptor(const FileDescriptor &) = delete;
    FileDescriptor &operator=(const FileDescriptor &) = delete;
    ~FileDescriptor() { reset(); }

    int get() const { return m_fd; }
    int release() { return std::exchange(m_fd, -1); }
    void reset(int fd = -1)
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = fd;
    }

private:
    int m_fd = -1;
};

void setNonBlocking(int fd)
{
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
}

bool isLocalVariable(const char *entry)
{
    for (const char *name : kRepositoryLocalVariables) {
        const size_t length = std::strlen(name);
        if (std::strncmp(entry, name, length) == 0 && entry[length] == '=')
            return true;
    }
    return std::strncmp(entry, "GIT_CONFIG_KEY_", 15) == 0
           || std::strncmp(entry, "GIT_CONFIG_VALUE_", 17) == 0;
}

// One `git <service> <repository>` child process. Its stdin and stdout are one end of a socket
// pair (so a write after it exits fails with EPIPE instead of raising SIGPIPE); its stderr is a
// pipe read alongside, so the child never blocks on a full pipe and its complaint can be shown.
class GitService
{
public:
    // On failure sets libgit2's error and returns nullptr.
    static std::unique_ptr<GitService> start(const char *service, const QByteArray &repository)
    {
        int io[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, io) < 0) {
            git_error_set(GIT_ERROR_OS, "cannot create a socket pair: %s", std::strerror(errno));
            return nullptr;
        }
        FileDescriptor ours(io[0]), theirs(io[1]);
        int err[2];
        if (::pipe2(err, O_CLOEXEC) < 0) {
            git_error_set(GIT_ERROR_OS, "cannot create a pipe: %s", std::strerror(errno));
            return nullptr;
        }
        FileDescriptor errorRead(err[0]), errorWrite(err[1]);

        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, theirs.get(), STDIN_FILENO);
        posix_spawn_file_actions_adddup2(&actions, theirs.get(), STDOUT_FILENO);
        posix_spawn_file_actions_adddup2(&actions, errorWrite.get(), STDERR_FILENO);

        std::vector<char *> environment;
        for (char **entry = environ; *entry; ++entry) {
            if (!isLocalVariable(*entry))
                environment.push_back(*entry);
        }
        environment.push_back(nullptr);

        QByteArray program("git"), serviceName(service), path(repository);
        char *argv[] = {program.data(), serviceName.data(), path.data(), nullptr};
        pid_t pid = -1;
        const int spawned = posix_spawnp(&pid, "git", &actions, nullptr, argv, environment.data());
        posix_spawn_file_actions_destroy(&actions);
        if (spawned != 0) {
            git_error_set(GIT_ERROR_OS, "cannot run git %s (is git installed?): %s", service,
                          std::strerror(spawned));
            return nullptr;
        }
        setNonBlocking(ours.get());
        setNonBlocking(errorRead.get());
        return std::unique_ptr<GitService>(
            new GitService(pid, ours.release(), errorRead.release()));
    }

    GitService(const GitService &) = delete;
    GitService &operator=(const GitService &) = delete;

    // Lets the service finish, as `git push` does: its post-receive hook (which may build the
    // whole site) runs after the last reply was sent.
    ~GitService()
    {
        ::shutdown(m_io.get(), SHUT_WR);
        for (;;) {
            int status = 0;
            const pid_t done = ::waitpid(m_pid, &status, WNOHANG);
            if (done == m_pid || (done < 0 && errno != EINTR))
                return;
            pollfd fds[2] = {{m_io.get(), POLLIN, 0}, {m_error.get(), POLLIN, 0}};
            ::poll(fds, 2, 200);
            if (fds[0].revents) {
                char discard[4096];
                const ssize_t n = ::read(m_io.get(), discard, sizeof discard);
                if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR))
                    m_io.reset();
            }
            if (fds[1].revents)
                readErrorOutput();
        }
    }

    int read(char *buffer, size_t size, size_t *bytesRead)
    {
        *bytesRead = 0;
        for (;;) {
            if (waitUntilReady(POLLIN) < 0)
                return -1;
            const ssize_t n = ::read(m_io.get(), buffer, size);
            if (n < 0) {
                if (errno == EINTR || errno == EAGAIN)
                    continue;
                return osError("cannot read from git");
            }
            if (n == 0)
                return endedEarly();
            *bytesRead = size_t(n);
            return 0;
        }
    }

    int write(const char *buffer, size_t length)
    {
        size_t written = 0;
        while (written < length) {
            if (waitUntilReady(POLLOUT) < 0)
                return -1;
            const ssize_t n = ::send(m_io.get(), buffer + written, length - written, MSG_NOSIGNAL);
            if (n < 0) {
                if (errno == EINTR || errno == EAGAIN)
                    continue;
                if (errno == EPIPE)
                    return endedEarly();
                return osError("cannot write to git");
            }
            written += size_t(n);
        }
        return 0;
    }

private:
    GitService(pid_t pid, int io, int error)
        : m_pid(pid)
        , m_io(io)
        , m_error(error)
    {
    }

    // Waits until the service's end of the socket is ready for events, reading its stderr
    // meanwhile so that it never blocks on a full pipe. 0 when ready, -1 (libgit2's error set)
    // when waiting failed.
    int waitUntilReady(short events)
    {
        for (;;) {
            pollfd fds[2] = {{m_io.get(), events, 0}, {m_error.get(), POLLIN, 0}};
            if (::poll(fds, 2, -1) < 0) {
                if (errno == EINTR)
                    continue;
                return osError("cannot wait for git");
            }
            if (fds[1].revents)
                readErrorOutput();
            if (fds[0].revents)
                return 0;
        }
    }

    void readErrorOutput()
    {
        char chunk[4096];
        for (;;) {
            const ssize_t n = ::read(m_error.get(), chunk, sizeof chunk);
            if (n > 0) {
                if (m_errorText.size() < kMaxErrorText)
                    m_errorText.append(chunk, n);
                continue;
            }
            if (n == 0 || (errno != EINTR && errno != EAGAIN))
                m_error.reset();
            return;
        }
    }

    // The service closed its end: say why if it told us (e.g. "'x' does not appear to be a git
    // repository"); otherwise libgit2 reports the early end of the stream itself.
    int endedEarly()
    {
        // It is exiting; give its last words a moment to arrive.
        for (int i = 0; i < 20 && m_error.get() >= 0; ++i) {
            pollfd fd{m_error.get(), POLLIN, 0};
            if (::poll(&fd, 1, 100) > 0)
                readErrorOutput();
        }
        const QByteArray text = m_errorText.trimmed();
        if (text.isEmpty())
            return 0;
        git_error_set_str(GIT_ERROR_NET, text.constData());
        return -1;
    }

    static int osError(const char *what)
    {
        git_error_set(GIT_ERROR_OS, "%s: %s", what, std::strerror(errno));
        return -1;
    }

    pid_t m_pid;
    FileDescriptor m_io;
    FileDescriptor m_error;
    QByteArray m_errorText;
};

struct Subtransport;

// libgit2 hands back pointers to the C structs; each is the first member of a standard-layout
// struct so the pointer converts back.
struct Stream
{
    git_smart_subtransport_stream parent;
    Subtransport *owner;
    GitService *service;
};

struct Subtransport
{
    git_smart_subtransport parent;
    Stream *current;
};

static_assert(std::is_standard_layout_v<Stream> && std::is_standard_layout_v<Subtransport>);

Stream *streamOf(git_smart_subtransport_stream *stream)
{
    return reinterpret_cast<Stream *>(stream);
}

Subtransport *subtransportOf(git_smart_subtransport *subtransport)
{
    return reinterpret_cast<Subtransport *>(subtransport);
}

int streamRead(git_smart_subtransport_stream *stream, char *buffer, size_t size, size_t *bytesRead)
{
    return streamOf(stream)->service->read(buffer, size, bytesRead);
}

int streamWrite(git_smart_subtransport_stream *stream, const char *buffer, size_t length)
{
    return streamOf(stream)->service->write(buffer, length);
}

void streamFree(git_smart_subtransport_stream *stream)
{
    Stream *self = streamOf(stream);
    if (self->owner->current == self)
        self->owner->current = nullptr;
    delete self->service;
    delete self;
}

QByteArray repositoryPathOf(const char *url)
{
    const QString text = QString::fromUtf8(url);
    if (text.startsWith(QLatin1String("file://"), Qt::CaseInsensitive))
        return QDir::fromNativeSeparators(QUrl(text).toLocalFile()).toUtf8();
    return text.toUtf8();
}

// Starts the service for an advertisement (*_LS); the request that follows on a stateful
// transport reuses the same stream, as libgit2 requires.
int subtransportAction(git_smart_subtransport_stream **out, git_smart_subtransport *subtransport,
                       const char *url, git_smart_service_t action)
{
    Subtransport *self = subtransportOf(subtransport);
    *out = nullptr;
    if (action == GIT_SERVICE_UPLOADPACK || action == GIT_SERVICE_RECEIVEPACK) {
        if (!self->current) {
            git_error_set(GIT_ERROR_NET, "the local transport was asked to send before connecting");
            return -1;
        }
        *out = &self->current->parent;
        return 0;
    }
    const QByteArray path = repositoryPathOf(url);
    if (!QFileInfo(QString::fromUtf8(path)).isDir()) {
        git_error_set(GIT_ERROR_NET, "there is no repository at '%s'", path.constData());
        return -1;
    }
    const char *service = action == GIT_SERVICE_RECEIVEPACK_LS ? "receive-pack" : "upload-pack";
    std::unique_ptr<GitService> process = GitService::start(service, path);
    if (!process)
        return -1;
    auto *stream
        = new Stream{{subtransport, streamRead, streamWrite, streamFree}, self, process.release()};
    self->current = stream;
    *out = &stream->parent;
    return 0;
}

int subtransportClose(git_smart_subtransport *)
{
    return 0; // the smart transport frees the stream itself, which ends the service
}

void subtransportFree(git_smart_subtransport *subtransport)
{
    delete subtransportOf(subtransport);
}

int createSubtransport(git_smart_subtransport **out, git_transport *, void *)
{
    auto *subtransport
        = new Subtransport{{subtransportAction, subtransportClose, subtransportFree}, nullptr};
    *out = &subtransport->parent;
    return 0;
}

// Stateful (rpc = 0): one connection carries the advertisement and the request, like ssh.
git_smart_subtransport_definition kDefinition = {createSubtransport, 0, nullptr};

} // namespace

int createLocalTransport(git_transport **out, git_remote *owner, void *)
{
    return git_transport_smart(out, owner, &kDefinition);
}

void registerLocalTransport()
{
    // git_transport_register appends "://" to the scheme.
    git_transport_register("file", createLocalTransport, nullptr);
}

bool isLocalPath(const QString &url)
{
    return QDir::isAbsolutePath(url) && !url.contains(QLatin1String("://"))
           && QFileInfo(url).isDir();
}

} // namespace pw::git
