#pragma once

// Markdown syntax highlighting for the editor's document, incremental: each block's structural
// state (front matter, code fence with its fence, HTML block) is QSyntaxHighlighter's block
// state, so a keystroke re-highlights the changed block and only those after it whose state
// changes. Misspelled prose is underlined when a SpellChecker is set.

#include "writing/markdownscan.h"

#include <QColor>
#include <QPalette>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace pw {

class SpellChecker;

// The colours and fonts of the highlighting, derived from a palette: a light palette gives dark
// text on light tints and a dark palette the reverse.
struct HighlightTheme
{
    bool dark = false;
    QTextCharFormat markup; // # ** > | and other syntax characters, muted
    QTextCharFormat heading;
    QTextCharFormat emphasis;
    QTextCharFormat strong;
    QTextCharFormat strikethrough;
    QTextCharFormat code; // inline code and fenced code
    QTextCharFormat fence;
    QTextCharFormat fenceLanguage;
    QTextCharFormat link; // the link's text
    QTextCharFormat url;
    QTextCharFormat listMarker;
    QTextCharFormat quote;
    QTextCharFormat html;
    QTextCharFormat frontMatter;
    QTextCharFormat frontMatterKey;
    QTextCharFormat spelling;
    QColor codeBackground;        // whole-line background of fenced code
    QColor frontMatterBackground; // whole-line background of the front-matter block

    static HighlightTheme fromPalette(const QPalette &palette);
};

class MarkdownHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit MarkdownHighlighter(QTextDocument *document);

    void setTheme(const HighlightTheme &theme);
    const HighlightTheme &theme() const { return m_theme; }

    // Not owned; nullptr turns spell checking off. Re-highlights the document.
    void setSpellChecker(const SpellChecker *checker);
    const SpellChecker *spellChecker() const { return m_spellChecker; }

    // What a block is, as of its last highlighting.
    static LineKind lineKind(const QTextBlock &block);
    FrontMatterExtent frontMatter() const { return m_frontMatter; }

protected:
    void highlightBlock(const QString &text) override;

private:
    void refreshFrontMatter(int blockNumber);
    void highlightInline(const QString &text, int from);
    void highlightFrontMatterLine(const QString &text);
    void mergeFormat(int start, int length, const QTextCharFormat &format);

    HighlightTheme m_theme;
    const SpellChecker *m_spellChecker = nullptr;
    FrontMatterExtent m_frontMatter;
};

} // namespace pw
