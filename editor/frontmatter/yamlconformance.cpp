#include "frontmatter/yamlconformance.h"

#include <QRegularExpression>

#include <libfyaml.h>

#include <algorithm>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace pw::frontmatter {

namespace {

struct DiagRelease
{
    void operator()(fy_diag *diag) const { fy_diag_unref(diag); }
};
struct ParserRelease
{
    void operator()(fy_parser *parser) const { fy_parser_destroy(parser); }
};
using DiagHandle = std::unique_ptr<fy_diag, DiagRelease>;
using ParserHandle = std::unique_ptr<fy_parser, ParserRelease>;

class EventHandle
{
public:
    EventHandle(fy_parser *parser, fy_event *event)
        : m_parser(parser)
        , m_event(event)
    {
    }
    EventHandle(const EventHandle &) = delete;
    EventHandle &operator=(const EventHandle &) = delete;
    ~EventHandle() { fy_parser_event_free(m_parser, m_event); }
    fy_event *get() const { return m_event; }
    explicit operator bool() const { return m_event != nullptr; }

private:
    fy_parser *m_parser;
    fy_event *m_event;
};

std::string tokenText(fy_token *token)
{
    if (!token)
        return {};
    size_t length = 0;
    const char *text = fy_token_get_text(token, &length);
    return text ? std::string(text, length) : std::string();
}

YAML::Mark markAt(const QByteArray &utf8, qsizetype pos)
{
    pos = qBound(qsizetype(0), pos, utf8.size());
    YAML::Mark mark;
    mark.pos = int(pos);
    mark.line = int(std::count(utf8.cbegin(), utf8.cbegin() + pos, '\n'));
    mark.column = int(pos - (utf8.lastIndexOf('\n', pos - 1) + 1));
    return mark;
}

// libfyaml reports 1-based lines and columns counted in code points.
YAML::Mark markAtLineColumn(const QByteArray &utf8, int line, int column)
{
    qsizetype pos = 0;
    for (int l = 1; l < line && pos < utf8.size(); ++l) {
        const qsizetype newline = utf8.indexOf('\n', pos);
        if (newline < 0)
            return markAt(utf8, utf8.size());
        pos = newline + 1;
    }
    for (int c = 1; c < column && pos < utf8.size() && utf8.at(pos) != '\n'; ++c) {
        ++pos;
        while (pos < utf8.size() && (uchar(utf8.at(pos)) & 0xC0) == 0x80)
            ++pos;
    }
    return markAt(utf8, pos);
}

// Builds the YAML::Node tree yaml-cpp's YAML::Load would have built from the first document.
class ModelBuilder
{
public:
    void documentStart() { ++m_documents; }

    void collectionStart(fy_event *event, bool isMap, qsizetype pos)
    {
        if (m_documents != 1)
            return;
        YAML::Node node(isMap ? YAML::NodeType::Map : YAML::NodeType::Sequence);
        fy_token *anchor = isMap ? event->mapping_start.anchor : event->sequence_start.anchor;
        fy_token *tag = isMap ? event->mapping_start.tag : event->sequence_start.tag;
        node.SetTag(tag ? tokenText(tag) : std::string("?"));
        if (fy_event_get_node_style(event) == FYNS_FLOW)
            node.SetStyle(YAML::EmitterStyle::Flow);
        remember(anchor, node);
        add(node, pos);
        m_stack.push_back({node, isMap, std::nullopt});
    }

    void collectionEnd()
    {
        if (m_documents == 1 && !m_stack.empty())
            m_stack.pop_back();
    }

    void scalar(fy_event *event, qsizetype pos)
    {
        if (m_documents != 1)
            return;
        const std::string value = tokenText(event->scalar.value);
        const bool plain = fy_token_scalar_style(event->scalar.value) == FYSS_PLAIN;
        YAML::Node node;
        if (event->scalar.tag) {
            node = YAML::Node(value);
            node.SetTag(tokenText(event->scalar.tag));
        } else if (plain && isNullWord(value)) {
            node = YAML::Node(YAML::NodeType::Null);
        } else {
            node = YAML::Node(value);
            node.SetTag(plain ? "?" : "!"); // yaml-cpp's non-specific tags
        }
        remember(event->scalar.anchor, node);
        add(node, pos);
    }

    void alias(fy_event *event, qsizetype pos)
    {
        if (m_documents != 1)
            return;
        const auto found = m_anchors.find(tokenText(event->alias.anchor));
        add(found != m_anchors.end() ? found->second : YAML::Node(YAML::NodeType::Null), pos);
    }

    explicit ModelBuilder(const QByteArray &utf8)
        : m_utf8(utf8)
    {
    }

    YamlModel take() { return std::move(m_model); }

private:
    struct Frame
    {
        YAML::Node node;
        bool isMap = false;
        std::optional<YAML::Node> key;
    };

    static bool isNullWord(const std::string &value)
    {
        return value.empty() || value == "~" || value == "null" || value == "Null"
               || value == "NULL";
    }

    void remember(fy_token *anchor, const YAML::Node &node)
    {
        if (anchor)
            m_anchors[tokenText(anchor)] = node;
    }

    void add(const YAML::Node &node, qsizetype pos)
    {
        if (m_stack.empty()) {
            m_model.root = node;
            return;
        }
        Frame &top = m_stack.back();
        if (!top.isMap) {
            top.node.push_back(node);
            return;
        }
        if (!top.key) {
            top.key = node;
            if (m_stack.size() == 1)
                m_model.rootKeyMarks.push_back(markAt(m_utf8, pos));
            return;
        }
        top.node.force_insert(*top.key, node);
        top.key.reset();
    }

    const QByteArray &m_utf8;
    int m_documents = 0;
    std::vector<Frame> m_stack;
    std::unordered_map<std::string, YAML::Node> m_anchors;
    YamlModel m_model;
};

fy_token *anchorOf(fy_event *event)
{
    switch (event->type) {
    case FYET_SCALAR:
        return event->scalar.anchor;
    case FYET_MAPPING_START:
        return event->mapping_start.anchor;
    case FYET_SEQUENCE_START:
        return event->sequence_start.anchor;
    default:
        return nullptr;
    }
}

// The first error libfyaml printed ("<input>:LINE:COLUMN: error: MESSAGE"): version 0.7 has no
// public call that hands the collected errors over.
std::optional<YamlProblem> problemFromDiagnostics(const QByteArray &utf8, const std::string &output)
{
    static const QRegularExpression firstError(QStringLiteral(":(\\d+):(\\d+): error: ([^\\n]*)"));
    const auto match = firstError.match(QString::fromStdString(output));
    if (!match.hasMatch())
        return std::nullopt;
    YamlProblem problem{
        markAtLineColumn(utf8, match.captured(1).toInt(), match.captured(2).toInt()),
        match.captured(3).trimmed(), std::nullopt};
    // libfyaml places an unclosed quote's error just after the quote; the user needs the quote.
    const int pos = problem.mark.pos;
    if (problem.message.contains(QStringLiteral("without closing quote")) && pos > 0
        && (utf8.at(pos - 1) == '"' || utf8.at(pos - 1) == '\''))
        problem.mark = markAt(utf8, pos - 1);
    // What to do about the problems front matter has most.
    static const std::pair<const char *, const char *> hints[] = {
        {"invalid value after mapping", "is a ':' missing?"},
        {"without whitespace", "a comment needs a space before its #"},
        {"without closing quote", "close the quote"},
        {"without a closing", "close the bracket"},
        {"nested block mapping on the same line", "quote a value that contains ': '"},
    };
    for (const auto &[part, hint] : hints) {
        if (problem.message.contains(QLatin1String(part))) {
            problem.message += QStringLiteral(" (%1)").arg(QLatin1String(hint));
            break;
        }
    }
    return problem;
}

} // namespace

namespace {

// A parser with its own diagnostics, which libfyaml prints into `output`.
class Parser
{
public:
    Parser(bool sloppyFlowIndentation, const QByteArray &utf8)
    {
        fy_diag_cfg diagConfig;
        fy_diag_cfg_default(&diagConfig);
        diagConfig.fp = nullptr;
        diagConfig.colorize = false;
        diagConfig.user = &m_output;
        diagConfig.output_fn = [](fy_diag *, void *user, const char *text, size_t length) {
            static_cast<std::string *>(user)->append(text, length);
        };
        m_diag.reset(fy_diag_create(&diagConfig));
        fy_parse_cfg config{};
        // Duplicate keys are ours to report, with both lines (see PostDocument).
        config.flags
            = fy_parse_cfg_flags(FYPCF_QUIET | FYPCF_ALLOW_DUPLICATE_KEYS
                                 | (sloppyFlowIndentation ? FYPCF_SLOPPY_FLOW_INDENTATION : 0));
        config.diag = m_diag.get();
        if (m_diag)
            m_parser.reset(fy_parser_create(&config));
        if (m_parser
            && fy_parser_set_string(m_parser.get(), utf8.constData(), size_t(utf8.size())) != 0)
            m_parser.reset();
    }

    fy_parser *get() const { return m_parser.get(); } // null when it could not be set up
    const std::string &output() const { return m_output; }

private:
    std::string m_output;
    DiagHandle m_diag; // declared before the parser, which uses it: destroyed after it
    ParserHandle m_parser;
};

YamlConformance parseEvents(const QByteArray &utf8, bool buildModel, bool sloppyFlowIndentation)
{
    const Parser owner(sloppyFlowIndentation, utf8);
    fy_parser *parser = owner.get();
    YamlConformance result;
    if (!parser) {
        result.problem
            = YamlProblem{markAt(utf8, 0), QStringLiteral("the YAML checker failed"), std::nullopt};
        return result;
    }

    ModelBuilder builder(utf8);
    struct Open
    {
        bool flow = false;
        qsizetype start = 0;
    };
    std::vector<Open> open; // the collections not yet closed
    std::unordered_set<std::string> anchors;
    std::optional<YamlProblem> aliasProblem; // the event API leaves undefined aliases to us
    qsizetype lastPos = 0; // marks are made only where needed: counting lines costs
    for (;;) {
        const EventHandle event(parser, fy_parser_parse(parser));
        if (!event)
            break;
        fy_event *e = event.get();
        const fy_mark *start = fy_event_start_mark(e);
        const qsizetype pos = start ? qsizetype(start->input_pos) : lastPos;
        lastPos = pos;
        if (fy_token *anchor = anchorOf(e))
            anchors.insert(tokenText(anchor));
        switch (e->type) {
        case FYET_DOCUMENT_START:
            builder.documentStart();
            break;
        case FYET_MAPPING_START:
        case FYET_SEQUENCE_START:
            open.push_back({fy_event_get_node_style(e) == FYNS_FLOW, pos});
            if (buildModel)
                builder.collectionStart(e, e->type == FYET_MAPPING_START, pos);
            break;
        case FYET_MAPPING_END:
        case FYET_SEQUENCE_END:
            if (!open.empty())
                open.pop_back();
            if (buildModel)
                builder.collectionEnd();
            break;
        case FYET_SCALAR:
            if (buildModel)
                builder.scalar(e, pos);
            break;
        case FYET_ALIAS:
            if (!aliasProblem && !anchors.count(tokenText(e->alias.anchor))) {
                // The event's mark is the name's; the user looks for the '*'.
                const qsizetype star = pos > 0 && utf8.at(pos - 1) == '*' ? pos - 1 : pos;
                aliasProblem
                    = YamlProblem{markAt(utf8, star),
                                  QStringLiteral("*%1 refers to no anchor &%1 above it")
                                      .arg(QString::fromStdString(tokenText(e->alias.anchor))),
                                  std::nullopt};
            }
            if (buildModel)
                builder.alias(e, pos);
            break;
        default:
            break;
        }
    }
    if (!fy_parser_get_stream_error(parser)) {
        if (aliasProblem) {
            result.problem = std::move(aliasProblem);
            return result;
        }
        if (buildModel)
            result.model = builder.take();
        return result;
    }
    YamlProblem problem
        = problemFromDiagnostics(utf8, owner.output())
              .value_or(YamlProblem{markAt(utf8, lastPos), QStringLiteral("not valid YAML"),
                                    std::nullopt});
    const auto innermostFlow
        = std::find_if(open.rbegin(), open.rend(), [](const Open &o) { return o.flow; });
    if (innermostFlow != open.rend()) {
        const YAML::Mark opened = markAt(utf8, innermostFlow->start);
        // A bracket never closed is found at the end of the text; the user needs the bracket.
        if (problem.message.contains(QStringLiteral("without a closing")))
            problem.mark = opened;
        else if (opened.line < problem.mark.line)
            problem.openFlow = opened;
    }
    result.problem = std::move(problem);
    return result;
}

} // namespace

YamlConformance checkYaml(const QByteArray &utf8, bool buildModel)
{
    YamlConformance strict = parseEvents(utf8, buildModel, false);
    // Go-yaml (Hugo) and Psych (Jekyll) read a flow list whose closing bracket is not indented
    // (`aliases: [` ... `]` at the margin), as Hugo's own docs write it: so do we.
    if (strict.problem && strict.problem->message.contains(QStringLiteral("wrongly indented"))
        && strict.problem->message.contains(QStringLiteral("flow mode")))
        return parseEvents(utf8, buildModel, true);
    return strict;
}

namespace {

bool isSpace(QChar c)
{
    return c == QLatin1Char(' ');
}

int leadingSpaces(QStringView line)
{
    int n = 0;
    while (n < line.size() && isSpace(line.at(n)))
        ++n;
    return n;
}

// The end of a quoted scalar starting at `at` on this line, just past its closing quote, or -1.
qsizetype quotedEnd(QStringView line, qsizetype at)
{
    const QChar quote = line.at(at);
    for (qsizetype i = at + 1; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quote == QLatin1Char('"') && c == QLatin1Char('\\')) {
            ++i;
            continue;
        }
        if (c != quote)
            continue;
        if (quote == QLatin1Char('\'') && i + 1 < line.size() && line.at(i + 1) == quote) {
            ++i; // '' inside single quotes
            continue;
        }
        return i + 1;
    }
    return -1;
}

// Nothing but blanks, or blanks and then a comment.
bool isRestEmpty(QStringView rest)
{
    const QStringView trimmed = rest.trimmed();
    return trimmed.isEmpty()
           || (trimmed.startsWith(QLatin1Char('#')) && !rest.isEmpty() && isSpace(rest.at(0)));
}

// The value without a trailing " # comment".
QStringView withoutComment(QStringView value)
{
    const qsizetype hash = value.indexOf(u" #");
    return (hash < 0 ? value : value.left(hash)).trimmed();
}

bool isPlainScalarText(QStringView value, bool inFlow)
{
    static const QString indicators = QStringLiteral("[]{},#&*!|>'\"%@`");
    if (value.isEmpty() || indicators.contains(value.front()))
        return false;
    if ((value.front() == QLatin1Char('-') || value.front() == QLatin1Char('?')
         || value.front() == QLatin1Char(':'))
        && (value.size() == 1 || isSpace(value.at(1))))
        return false;
    if (value.contains(u": ") || value.endsWith(QLatin1Char(':')))
        return false;
    if (inFlow) {
        for (QChar c : value) {
            if (c == QLatin1Char('[') || c == QLatin1Char(']') || c == QLatin1Char('{')
                || c == QLatin1Char('}') || c == QLatin1Char(',') || c == QLatin1Char(':'))
                return false;
        }
    }
    return true;
}

// `[a, "b", 'c']` on one line, of scalars only.
bool isOneLineFlowList(QStringView value)
{
    if (!value.startsWith(QLatin1Char('[')) || !value.endsWith(QLatin1Char(']')))
        return false;
    const QStringView inner = value.mid(1, value.size() - 2);
    if (inner.trimmed().isEmpty())
        return true;
    qsizetype i = 0;
    while (i <= inner.size()) {
        while (i < inner.size() && isSpace(inner.at(i)))
            ++i;
        if (i < inner.size()
            && (inner.at(i) == QLatin1Char('"') || inner.at(i) == QLatin1Char('\''))) {
            const qsizetype end = quotedEnd(inner, i);
            if (end < 0)
                return false;
            i = end;
            while (i < inner.size() && isSpace(inner.at(i)))
                ++i;
        } else {
            qsizetype end = inner.indexOf(QLatin1Char(','), i);
            if (end < 0)
                end = inner.size();
            if (!isPlainScalarText(inner.mid(i, end - i).trimmed(), true))
                return false;
            i = end;
        }
        if (i == inner.size())
            return true;
        if (inner.at(i) != QLatin1Char(','))
            return false;
        ++i;
    }
    return false;
}

enum class ValueKind { Invalid, Inline, Empty, BlockScalar };

ValueKind valueKind(QStringView value)
{
    if (value.isEmpty() || isRestEmpty(value))
        return ValueKind::Empty;
    const QStringView trimmed = value.trimmed();
    const QChar first = trimmed.front();
    if (first == QLatin1Char('"') || first == QLatin1Char('\'')) {
        const qsizetype end = quotedEnd(trimmed, 0);
        return end > 0 && isRestEmpty(trimmed.mid(end)) ? ValueKind::Inline : ValueKind::Invalid;
    }
    if (first == QLatin1Char('|') || first == QLatin1Char('>')) {
        qsizetype i = 1;
        if (i < trimmed.size()
            && (trimmed.at(i) == QLatin1Char('-') || trimmed.at(i) == QLatin1Char('+')))
            ++i;
        return isRestEmpty(trimmed.mid(i)) ? ValueKind::BlockScalar : ValueKind::Invalid;
    }
    const QStringView plain = withoutComment(trimmed);
    if (first == QLatin1Char('['))
        return isOneLineFlowList(plain) ? ValueKind::Inline : ValueKind::Invalid;
    return isPlainScalarText(plain, false) ? ValueKind::Inline : ValueKind::Invalid;
}

bool isPlainKeyChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-')
           || c == QLatin1Char('.') || c == QLatin1Char('/');
}

} // namespace

bool isPlainSubset(QStringView content)
{
    int blockScalarKeyIndent = -1; // inside a block scalar's lines: the indentation of its key
    int blockScalarIndent = -1;    // and of its first line
    // At the margin a `- item` may only continue a key with no value, as its list: yaml-cpp
    // ignores what follows a list that is the whole document.
    bool marginListAllowed = false;
    qsizetype pos = 0;
    while (pos < content.size()) {
        qsizetype end = content.indexOf(QLatin1Char('\n'), pos);
        if (end < 0)
            end = content.size();
        QStringView line = content.mid(pos, end - pos);
        pos = end + 1;
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        if (line.contains(QLatin1Char('\t')) || line.contains(QLatin1Char('\r')))
            return false;
        const int indent = leadingSpaces(line);
        if (blockScalarKeyIndent >= 0) {
            if (line.isEmpty())
                continue;
            if (indent == line.size())
                return false; // spaces-only lines in a block scalar: YAML's rules are subtle
            if (indent > blockScalarKeyIndent) {
                if (blockScalarIndent < 0)
                    blockScalarIndent = indent;
                if (indent < blockScalarIndent)
                    return false;
                continue;
            }
            blockScalarKeyIndent = blockScalarIndent = -1;
        }
        QStringView rest = line.mid(indent);
        if (rest.isEmpty() || rest.startsWith(QLatin1Char('#')))
            continue;
        if (indent == 0
            && (rest.startsWith(u"---") || rest.startsWith(u"...")
                || rest.startsWith(QLatin1Char('%'))))
            return false;
        int keyIndent = indent;
        const bool dash
            = rest.startsWith(QLatin1Char('-')) && (rest.size() == 1 || isSpace(rest.at(1)));
        if (indent == 0 && dash && !marginListAllowed)
            return false;
        if (dash) {
            const int dashRest = 1 + leadingSpaces(rest.mid(1));
            keyIndent = indent + dashRest;
            rest = rest.mid(dashRest);
            // `- item` (or `- key: value`, below)
            qsizetype k = 0;
            while (k < rest.size() && isPlainKeyChar(rest.at(k)))
                ++k;
            const bool isKey = k > 0 && k < rest.size() && rest.at(k) == QLatin1Char(':')
                               && (k + 1 == rest.size() || isSpace(rest.at(k + 1)));
            if (!isKey) {
                const ValueKind kind = valueKind(rest);
                if (kind == ValueKind::Invalid)
                    return false;
                if (kind == ValueKind::BlockScalar)
                    blockScalarKeyIndent = indent;
                continue;
            }
        }
        qsizetype k = 0;
        while (k < rest.size() && isPlainKeyChar(rest.at(k)))
            ++k;
        if (k == 0 || k >= rest.size() || rest.at(k) != QLatin1Char(':')
            || (k + 1 < rest.size() && !isSpace(rest.at(k + 1))))
            return false;
        const ValueKind kind = valueKind(rest.mid(k + 1));
        if (kind == ValueKind::Invalid)
            return false;
        if (kind == ValueKind::BlockScalar)
            blockScalarKeyIndent = keyIndent;
        if (indent == 0 && !dash)
            marginListAllowed = kind == ValueKind::Empty;
    }
    return true;
}

} // namespace pw::frontmatter
