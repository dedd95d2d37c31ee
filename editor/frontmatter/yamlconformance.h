#pragma once

// libfyaml as the YAML 1.2 conformance gate. yaml-cpp 0.7 (the parser of the typed model) accepts
// some invalid YAML, rejects some valid YAML and places some errors late; libfyaml passes the YAML
// test suite and says exactly where a problem is. Private header: libfyaml stays in the .cpp.

#include <QByteArray>
#include <QString>

#include <yaml-cpp/yaml.h>

#include <optional>
#include <vector>

namespace pw::frontmatter {

// A problem in a YAML text; the mark counts lines from 0 and columns in UTF-8 bytes, as yaml-cpp's.
struct YamlProblem
{
    YAML::Mark mark;
    QString message;
    // The [ or { still open where the problem is, when it opened on an earlier line: a bracket
    // never closed shows up lines later as some other problem.
    std::optional<YAML::Mark> openFlow;
};

// The document as yaml-cpp would have built it, for valid YAML that yaml-cpp cannot read.
struct YamlModel
{
    YAML::Node root;
    std::vector<YAML::Mark> rootKeyMarks; // yaml-cpp's built nodes carry no marks: one per key
};

struct YamlConformance
{
    std::optional<YamlProblem> problem; // the first one; none means the text is valid YAML
    YamlModel model;                    // only when asked for and the text is valid
};

// Parses the whole stream (every document) with libfyaml's event API.
YamlConformance checkYaml(const QByteArray &utf8, bool buildModel);

// True when every line of `content` is in the plain subset most front matter is written in
// (`key: value` and `- item` lines with plain, quoted, one-line flow-list or block-scalar values,
// comments, no tabs, directives or anchors), where yaml-cpp reads exactly what YAML 1.2 says and
// rejects what YAML rejects: only text outside it needs checkYaml(), which costs a second parse.
bool isPlainSubset(QStringView content);

} // namespace pw::frontmatter
