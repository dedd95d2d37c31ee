// Typed front-matter read of a generated 10,000-post blog, against yaml-cpp's bare YAML::Load of
// the same blocks in the same run. Goal (issue 3): our whole typed read within 1.5x of the parse.
//
// Usage: bench_frontmatter [posts] [rounds]

#include "frontmatter/postdocument.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QTextStream>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <ctime>
#include <vector>

namespace {

// Posts in the shapes real blogs have: comments, quoted and plain titles, flow and block lists,
// folded descriptions, nested params, dates with and without zones.
QString generatePost(int index, QRandomGenerator &random)
{
    static const QStringList words
        = {"hugo",    "jekyll", "notes",  "travel", "rust",  "qt",  "git",
           "release", "café",   "design", "photos", "linux", "yaml"};
    auto word = [&] {
        return words.at(int(random.bounded(words.size())));
    };
    QString post;
    QTextStream out(&post);
    out << "---\n";
    if (index % 3 == 0)
        out << "# generated post " << index << "\n";
    if (index % 2 == 0)
        out << "title: \"Post " << index << ": " << word() << " and " << word() << "\"\n";
    else
        out << "title: Post " << index << " about " << word() << "\n";
    out << "date: 2024-" << QString::number(1 + index % 12).rightJustified(2, u'0') << "-"
        << QString::number(1 + index % 28).rightJustified(2, u'0')
        << (index % 4 == 0 ? "T09:30:00+02:00" : "") << "\n";
    if (index % 5 == 0)
        out << "lastmod: 2025-01-02\n";
    if (index % 4 == 1) {
        out << "description: >\n  A longer summary of post " << index << " that wraps\n"
            << "  over two lines.\n";
    } else {
        out << "description: Notes on " << word() << " and " << word() << "\n";
    }
    out << "draft: " << (index % 7 == 0 ? "true" : "false") << "\n";
    if (index % 2 == 0) {
        out << "tags: [" << word() << ", " << word() << ", " << word() << "]\n";
    } else {
        out << "tags:\n";
        for (int i = 0; i < 4; ++i)
            out << "  - " << word() << (i == 0 ? "   # main" : "") << "\n";
    }
    out << "categories: " << (index % 3 == 0 ? QStringLiteral("[blog]") : QStringLiteral("blog"))
        << "\n";
    out << "slug: post-" << index << "\n";
    if (index % 6 == 0)
        out << "aliases:\n  - /old/" << index << "/\n";
    out << "weight: " << index % 50 << "\n";
    out << "params:\n  toc: true\n  math: " << (index % 2 ? "false" : "true") << "\n";
    out << "---\n\nBody of post " << index << ".\n";
    out.flush();
    return post;
}

// The fastest round is the one least disturbed by other work on a shared machine.
double fastest(const std::vector<double> &values)
{
    return *std::min_element(values.begin(), values.end());
}

// CPU time of this thread in ms: on a shared machine wall time also counts the time other
// processes held the core, which has nothing to do with either parser.
double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const int postCount = args.size() > 1 ? args.at(1).toInt() : 10000;
    const int rounds = args.size() > 2 ? args.at(2).toInt() : 7;

    QRandomGenerator random(42);
    QStringList posts;
    std::vector<std::string> blocks; // what the peer parses: the block's content, as UTF-8
    for (int i = 0; i < postCount; ++i) {
        posts.append(generatePost(i, random));
        const QString &post = posts.last();
        const qsizetype close = post.indexOf(QStringLiteral("\n---\n"), 3);
        blocks.push_back(post.mid(4, close - 3).toUtf8().toStdString());
    }

    // The same posts with a tab in a comment: valid YAML outside the plain subset, so every block
    // also goes through libfyaml's full check (what an unusual blog pays).
    QStringList checkedPosts;
    for (const QString &post : std::as_const(posts))
        checkedPosts.append(QString(post).insert(4, QStringLiteral("#\ttab\n")));

    std::vector<double> peerTimes;
    std::vector<double> ourTimes;
    std::vector<double> checkedTimes;
    qint64 checksum = 0;
    for (int round = 0; round < rounds; ++round) {
        double start = threadCpuMs();
        for (const std::string &block : blocks) {
            const YAML::Node node = YAML::Load(block);
            checksum += qint64(node.size());
        }
        peerTimes.push_back(threadCpuMs() - start);

        start = threadCpuMs();
        for (const QString &post : posts) {
            const pw::PostDocument doc(post);
            const pw::PostMetadata metadata = doc.metadata();
            checksum
                += metadata.tags.size() + metadata.title.size() + (metadata.date.isValid() ? 1 : 0);
        }
        ourTimes.push_back(threadCpuMs() - start);

        start = threadCpuMs();
        for (const QString &post : std::as_const(checkedPosts))
            checksum += pw::PostDocument(post).metadata().tags.size();
        checkedTimes.push_back(threadCpuMs() - start);
    }

    const double peer = fastest(peerTimes);
    const double ours = fastest(ourTimes);
    // Each round times the peer and then us back to back, so the two share the machine's load;
    // the median of the per-round ratios is what a busy machine disturbs least.
    std::vector<double> ratios;
    for (std::size_t i = 0; i < peerTimes.size(); ++i)
        ratios.push_back(ourTimes.at(i) / peerTimes.at(i));
    QTextStream out(stdout);
    out << "posts: " << postCount << ", rounds: " << rounds << ", checksum " << checksum << "\n";
    out << "(thread CPU time, fastest round)\n";
    out << "yaml-cpp YAML::Load of the blocks:       " << QString::number(peer, 'f', 1) << " ms\n";
    out << "PostDocument + metadata() (typed read): " << QString::number(ours, 'f', 1) << " ms\n";
    out << "ratio of the fastest rounds:             " << QString::number(ours / peer, 'f', 2)
        << "x\n";
    out << "median of per-round ratios:              " << QString::number(median(ratios), 'f', 2)
        << "x (goal <= 1.5x)\n";
    const double checked = fastest(checkedTimes);
    out << "the same, every block checked by libfyaml: " << QString::number(checked, 'f', 1)
        << " ms (" << QString::number(checked / peer, 'f', 2) << "x)\n";
    return 0;
}
