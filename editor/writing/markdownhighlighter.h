#pragma once

// Markdown syntax highlighting for the editor's document, incremental: each block's structural
// state (front matter, code fence with its fence, HTML block) is QSyntaxHighlighter's block
// state, so a keystroke re-highlights the changed block and only those after it whose state
// changes. Misspelled prose is underlined when a SpellChecker is set.

#include "writing/markdownscan.h"
#include "writing/textstatistics.h"

#include <QColor>
#include <QHash>
#include <QPalette>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <optional>

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

    // Not owned; nullptr turns spell checking off. Without a spell-check window, re-highlights the
    // whole document; with one, only the blocks in it and those underlined by the old checker.
    void setSpellChecker(const SpellChecker *checker);
    const SpellChecker *spellChecker() const { return m_spellChecker; }
    // Spell checking costs more than the rest of highlighting, and a 1 MB post is mostly out of
    // view: once a window is set, a block is checked when it is in the window (blocks numbered
    // firstBlock..lastBlock; the editor's view and a margin), and stays checked while it is
    // edited. Blocks of the window not checked yet are checked now.
    void setSpellCheckWindow(int firstBlock, int lastBlock);
    // Whether the block's words were checked (in the window, or before), for tests.
    static bool isSpellChecked(const QTextBlock &block);

    // What a block is, as of its last highlighting.
    static LineKind lineKind(const QTextBlock &block);
    FrontMatterExtent frontMatter() const { return m_frontMatter; }
    // The body's words and characters, added up from what each block's highlighting counted:
    // the same as TextStatistics::of(text), without reading a 1 MB text again after each pause.
    // Empty when the highlighter has no document.
    TextStatistics statistics() const;

protected:
    void highlightBlock(const QString &text) override;

private:
    // What a character is, as bits; a combination's format merges the roles' formats in this order.
    enum class Role : quint32 {
        Heading,
        Quote,
        FrontMatter,
        Code,
        Fence,
        Html,
        Link,
        Url,
        Strong,
        Emphasis,
        Strike,
        ListMarker,
        FrontMatterKey,
        FenceLanguage,
        Markup,
        Spelling,
        Count
    };
    struct LineRoles
    {
        explicit LineRoles(int length)
            : mask(length, 0)
        {
        }
        QList<quint32> mask;
        template<typename F>
        void apply(int start, int length, F &&f)
        {
            for (int i = qMax(0, start); i < qMin(int(mask.size()), start + length); ++i)
                f(mask[i]);
        }
        void set(int start, int length, Role role)
        {
            apply(start, length, [role](quint32 &m) { m = 1u << quint32(role); });
        }
        void add(int start, int length, Role role)
        {
            apply(start, length, [role](quint32 &m) { m |= 1u << quint32(role); });
        }
        void remove(int start, int length, Role role)
        {
            apply(start, length, [role](quint32 &m) { m &= ~(1u << quint32(role)); });
        }
    };

    void refreshFrontMatter(int blockNumber);
    void roleInline(const QString &text, int from, LineRoles &roles) const;
    void roleFrontMatterLine(const QString &text, LineRoles &roles) const;
    void applyRoles(const LineRoles &roles);
    const QTextCharFormat &formatFor(quint32 mask);

    HighlightTheme m_theme;
    bool inSpellCheckWindow(int blockNumber) const;

    const SpellChecker *m_spellChecker = nullptr;
    std::optional<QPair<int, int>> m_spellWindow; // none: every block is checked
    FrontMatterExtent m_frontMatter;
    QHash<quint32, QTextCharFormat> m_formats;
};

} // namespace pw
