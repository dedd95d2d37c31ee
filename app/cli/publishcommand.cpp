#include "cli/commandline.h"
#include "cli/commands.h"

#include "site/blog.h"
#include "site/publishpost.h"

#include <QProcessEnvironment>

namespace pw::cli {

namespace {

// Progress on stderr, so stdout carries only the commit id; credentials from the environment, once.
class CliObserver : public PublishObserver {
public:
    void stage(const QString &what) override
    {
        err() << what << '\n';
        err().flush();
    }

    std::optional<Credential> credential(const QString &url, const QString &usernameFromUrl,
                                         int attempt) override
    {
        const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (attempt > 1 || !env.contains(QStringLiteral("POSTWRIGHT_GIT_PASSWORD"))) {
            err() << "authentication needed for " << url
                  << " (set POSTWRIGHT_GIT_USERNAME and POSTWRIGHT_GIT_PASSWORD)\n";
            return std::nullopt;
        }
        Credential c;
        c.username = env.value(QStringLiteral("POSTWRIGHT_GIT_USERNAME"), usernameFromUrl);
        c.password = env.value(QStringLiteral("POSTWRIGHT_GIT_PASSWORD"));
        return c;
    }
};

} // namespace

int runPublish(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("DIR"), QStringLiteral("The blog (its git work tree)."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The post to publish."));
    if (const auto code = parseArguments(parser, QStringLiteral("publish"),
                                         QStringLiteral("Commits the post (that file only) as "
                                                        "\"Publish: <title>\" and pushes the current "
                                                        "branch, as the Publish button does. Prints "
                                                        "the pushed commit's id."),
                                         args, 2))
        return *code;

    const QStringList positional = parser.positionalArguments();
    const Result<Blog> blog = openBlog(positional[0]);
    if (!blog)
        return reportProblem(positional[0], blog.error());
    CliObserver observer;
    const auto outcome = publishPostFile(*blog, positional[1], &observer);
    if (!outcome) {
        const QString message = outcome.error().message;
        // Messages that already say so are not prefixed twice.
        if (!message.startsWith(QLatin1String("Not published"), Qt::CaseInsensitive))
            err() << "not published: ";
        err() << message << '\n';
        if (!outcome.error().detail.isEmpty())
            err() << "  (" << outcome.error().detail << ")\n";
        return InputProblem;
    }
    out() << outcome->commitId << '\n';
    return Success;
}

} // namespace pw::cli
