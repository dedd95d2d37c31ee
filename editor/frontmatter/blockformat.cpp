#include "frontmatter/blockformat.h"

#include <array>

namespace pw {

FrontMatterFormat formatForNewBlocks(const QList<FrontMatterFormat> &formatsOfPosts)
{
    // In order of preference for a tie.
    static constexpr std::array candidates
        = {FrontMatterFormat::Yaml, FrontMatterFormat::Toml, FrontMatterFormat::Json};
    std::array<qsizetype, candidates.size()> counts{};
    for (std::size_t i = 0; i < candidates.size(); ++i)
        counts[i] = formatsOfPosts.count(candidates[i]);
    std::size_t best = 0;
    for (std::size_t i = 1; i < candidates.size(); ++i) {
        if (counts[i] > counts[best])
            best = i;
    }
    return candidates[best];
}

} // namespace pw
