#pragma once

// Spell checking with Hunspell and the system's dictionaries (Debian: /usr/share/hunspell).
// The Hunspell handle stays in the .cpp file; answers are cached per word, so re-checking a
// block while typing costs a hash lookup per word.

#include "base/result.h"
#include "writing/markdownscan.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

namespace pw {

// Hunspell's name for a language tag: "en-us" -> "en_US", "de-DE" -> "de_DE", "FR" -> "fr".
QString hunspellLanguageName(const QString &tag);

// Which language to check a post in, and where that came from, most specific first: the post's
// front matter, the blog's configuration, the system locale (the "C" locale has none: en_US).
struct SpellingLanguage
{
    enum class Source { Post, Blog, System };
    QString language; // Hunspell's form ("en_US")
    Source source = Source::System;

    bool operator==(const SpellingLanguage &) const = default;
};
SpellingLanguage chooseSpellingLanguage(const QString &postLanguage, const QString &blogLanguage,
                                        const QString &systemLocale);

class SpellChecker
{
public:
    // Opens the dictionary for `language` ("en_US", "en-us", "en", "de-DE"...): an exact match,
    // else the language's main region ("de" -> de_DE, "en" -> en_US), else any region of it.
    static Result<std::unique_ptr<SpellChecker>>
    open(const QString &language, const QStringList &dictionaryDirs = defaultDictionaryDirs());
    static QStringList defaultDictionaryDirs();
    // Dictionary names ("en_US") found in the folders.
    static QStringList availableDictionaries(const QStringList &dictionaryDirs
                                             = defaultDictionaryDirs());

    SpellChecker(const SpellChecker &) = delete;
    SpellChecker &operator=(const SpellChecker &) = delete;
    ~SpellChecker();

    QString dictionaryName() const; // "en_US"

    bool isCorrect(const QString &word) const;
    QStringList suggestions(const QString &word) const;
    // Accepts the word for as long as this checker lives.
    void ignoreWord(const QString &word);

    // The user's own words, one per line (UTF-8) in `path`: read now (a missing file is an empty
    // list), written back atomically on each addition. Fails, with the path, when unreadable.
    Result<void> usePersonalDictionary(const QString &path);
    Result<void> addToPersonalDictionary(const QString &word);
    bool hasPersonalDictionary() const { return !m_personalPath.isEmpty(); }

    // The misspelled words of one Markdown line of prose (see spellscope.h for what is skipped).
    QList<TextRange> misspelledWords(QStringView line) const;

private:
    struct Handle;
    SpellChecker(std::unique_ptr<Handle> handle, QString name);

    std::unique_ptr<Handle> m_handle;
    QString m_name;
    QSet<QString> m_ignored;
    QSet<QString> m_personal;
    QString m_personalPath;
    mutable QHash<QString, bool> m_cache;
};

} // namespace pw
