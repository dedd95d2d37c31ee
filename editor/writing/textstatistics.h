#pragma once

// Word count, character count and reading time of a post's body (its front matter excluded), as
// the status bar shows them.

#include <QStringView>

namespace pw {

struct TextStatistics
{
    int words = 0;
    int characters = 0;     // every character of the body except line breaks
    int readingMinutes = 0; // rounded up, at Hugo's 213 words a minute; 0 for an empty body

    // A word is a run of letters or digits (with inner apostrophes and hyphens: "don't",
    // "well-known"); Markdown markers, link and image targets, HTML tags and shortcodes are not
    // words.
    static TextStatistics of(QStringView post);
    // The words and characters of one body line (no reading time): `of` adds these up, and so
    // can an editor that keeps them per line.
    static TextStatistics ofLine(QStringView line);
    // Adds a line's counts; the reading time follows the words.
    TextStatistics &operator+=(const TextStatistics &line);
    bool operator==(const TextStatistics &other) const = default;
};

} // namespace pw
