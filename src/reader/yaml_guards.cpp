// The checks made before yaml-cpp sees a document (UTF-8, NUL, depth, node and
// list counts, stray commas, a second document) and after (aliases expanded,
// duplicate keys): YamlContext::parse.
#include "yaml_reader.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <fmt/format.h>
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <tuple>
#include <unordered_map>

#include "advisor/limits.hpp"
#include "advisor/util/bilingual.hpp"

namespace advisor {

using util::T;

namespace {

/// The line of `text` that starts at `start`, without its newline; `start` moves to
/// the next line (to the end after the last).
std::string_view take_line(std::string_view text, size_t& start) {
  size_t nl = text.find('\n', start);
  std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
  start = nl == std::string_view::npos ? text.size() : nl + 1;
  return line;
}

// Finds the first byte that breaks UTF-8, as (line, column); (0, 0) when valid.
std::pair<int, int> first_bad_utf8(std::string_view text, unsigned char& bad) {
  int line = 1, col = 1;
  size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {  // most of any file: no sequence to decode
      if (c == '\n')
        ++line, col = 1;
      else
        ++col;
      ++i;
      continue;
    }
    size_t n = utf8_sequence_length(text, i);  // 0: overlong, surrogate, cut off, stray byte
    if (n == 0) {
      bad = c;
      return {line, col};
    }
    if (c == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
    i += n;
  }
  return {0, 0};
}

// What the text scan below found: nothing (line 0), nesting past the limit, or a
// stray comma.
struct ScanProblem {
  int line = 0;
  int column = 0;
  bool comma = false;       ///< a ',' where a value starts, outside brackets
  bool trailing = false;    ///< a ',' after a complete bracketed or quoted value, outside brackets
  bool long_list = false;   ///< a list with more items than Limits::max_list_items
  bool many_nodes = false;  ///< more nodes than Limits::max_nodes, by the scan's count
};

// What the scan counts so that a huge document is refused before yaml-cpp builds it
// (yaml-cpp takes a few hundred bytes a node): the items of each open list, by
// indentation (block) and by bracket (flow), and an estimate of all nodes (one a
// content line, "- " entry, ": ", ',' or bracket), which errs high.
struct ScanCounts {
  const Limits& lim;
  std::vector<size_t> block_items;  ///< parallel to the indentation stack
  std::vector<size_t> flow_items;   ///< one per open bracket
  size_t nodes = 0;

  bool node() { return ++nodes <= lim.max_nodes; }
  bool item(size_t& count) { return ++count <= lim.max_list_items && node(); }
};

// A verbatim tag ("!<tag:example.com,2000:x>") may hold commas: at its '!', the
// position of its closing '>' (or k itself when there is none).
size_t skip_verbatim_tag(std::string_view line, size_t k) {
  if (line[k] != '!' || k + 1 >= line.size() || line[k + 1] != '<') return k;
  size_t close = line.find('>', k + 2);
  return close == std::string_view::npos ? k : close;
}

// Nesting depth as the parser would see it, measured without recursion so that a
// 100,000-deep file is refused before yaml-cpp (which recurses) ever sees it.
// The same pass finds a ',' outside brackets where a document's top node starts or
// ends (",", "- a\n,", "[a]\n,"): yaml-cpp 0.7 loops for ever on those, and no
// YAML may start a value with ',' outside brackets anyway.
class StructureScan {
 public:
  explicit StructureScan(const Limits& lim) : m_lim(lim), m_counts{lim, {}, {}, 0} {}

  ScanProblem run(std::string_view text) {
    size_t start = 0;
    while (start < text.size()) {
      ++m_line_no;
      std::string_view line = take_line(text, start);
      size_t i = 0;
      while (i < line.size() && line[i] == ' ') ++i;
      if (m_flow == 0 && !m_in_single && !m_in_double) {
        Step step = block_start(line, i);
        if (step == Step::stop) return m_problem;
        if (step == Step::skip_line) continue;
      }
      if (scan_chars(line, i) == Step::stop) return m_problem;
      if (too_deep(0)) return at(i);
    }
    return {};
  }

 private:
  enum class Step { next, skip_line, stop };

  /// A problem at 0-based column `col` of the current line.
  ScanProblem at(size_t col, bool comma = false, bool trailing = false) const {
    return {m_line_no, static_cast<int>(col) + 1, comma, trailing};
  }
  Step fail(ScanProblem p) {
    m_problem = p;
    return Step::stop;
  }
  Step too_many(size_t col, bool list) {
    ScanProblem p = at(col);
    (list ? p.long_list : p.many_nodes) = true;
    return fail(p);
  }
  /// Nesting past the limit, counting `extra` more levels than are open.
  bool too_deep(int extra) const { return static_cast<int>(m_indents.size()) + m_flow + extra > m_lim.max_depth; }
  static bool blank_or_end(std::string_view line, size_t at) {
    return at >= line.size() || line[at] == ' ' || line[at] == '\t' || line[at] == '\r';
  }

  // A line that starts outside brackets and quotes: its indentation, "- " entries
  // (counted as list items), and a leading ','. `i` ends where the content starts.
  Step block_start(std::string_view line, size_t& i) {
    if (i >= line.size() || line[i] == '#' || line[i] == '\r') return Step::skip_line;
    size_t indent = i;
    if (indent == 0 && line.substr(0, 3) == "---" && (line.size() == 3 || line[3] == ' ' || line[3] == '\r')) {
      i = 3;
      while (i < line.size() && line[i] == ' ') ++i;
      if (i >= line.size() || line[i] == '#' || line[i] == '\r') return Step::skip_line;
    }
    while (!m_indents.empty() && m_indents.back() > i) m_indents.pop_back();
    if (m_indents.empty() || m_indents.back() < i) m_indents.push_back(i);
    m_counts.block_items.resize(m_indents.size());
    if (!m_counts.node()) return too_many(i, false);
    bool dash_line = i < line.size() && line[i] == '-' && blank_or_end(line, i + 1);
    if (!dash_line) m_counts.block_items.back() = 0;  // a key at this indentation ends the list before it
    // "- - - x" nests a sequence per dash on one line.
    while (i < line.size() && (line[i] == '-' || line[i] == '?') && blank_or_end(line, i + 1)) {
      if (too_deep(1)) return fail(at(i));
      if (!m_counts.item(m_counts.block_items.back())) return too_many(i, m_counts.nodes <= m_lim.max_nodes);
      i = std::min(i + 2, line.size());
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
      m_indents.push_back(i);
      m_counts.block_items.push_back(0);
    }
    size_t k = i;
    while (k < line.size() && (line[k] == '&' || line[k] == '!')) {  // an anchor or a tag first
      k = skip_verbatim_tag(line, k);
      while (k < line.size() && line[k] != ' ' && line[k] != ',') ++k;
      while (k < line.size() && line[k] == ' ') ++k;
    }
    // No line starts with ',' outside brackets, not even one that would continue
    // plain text over several lines: yaml-cpp 0.7 loops for ever on some of those
    // ("t\n#\n ,"), and telling them apart is not worth the risk. Quote such text.
    if (k < line.size() && line[k] == ',') return fail(at(k, true));
    return Step::next;
  }

  // Outside brackets, a ',' can neither start a value nor follow one: yaml-cpp 0.7
  // loops for ever, eating memory, on "{a: 1},", "\"a\",", "!," or "&a [1]," at the
  // top of a document, and no YAML allows them anywhere else. m_at_value_start: a
  // value may start here (line start, after "key: ", after an anchor or tag);
  // closed_value: a bracketed or quoted value that started a value just ended.
  // Inside brackets the flag carries over from the line before ("[\n 'a']").
  Step scan_chars(std::string_view line, size_t i) {
    char last = 0;  // the last character that is not a blank or in a comment
    if (m_flow == 0 && !m_in_single && !m_in_double) m_at_value_start = true;
    bool closed_value = false;
    for (size_t k = i; k < line.size(); ++k) {
      char c = line[k];
      char before = last;
      if (c != ' ' && c != '\t' && c != '\r') last = c;
      if (m_in_double || m_in_single) {
        if (m_in_double && c == '\\') {
          ++k;
        } else if (c == (m_in_double ? '"' : '\'')) {
          m_in_double = m_in_single = false;
          closed_value = m_flow == 0 && m_opened_as_value;
          // As in yaml-cpp's scanner, a new token starts right after a quoted one:
          // '"a""b"' is two strings ('it''s' reopens and goes on, which is the same here).
          m_at_value_start = true;
        }
        continue;
      }
      if (c == '#' && (k == 0 || line[k - 1] == ' ' || line[k - 1] == '\t')) break;
      if (c == ' ' || c == '\t' || c == '\r') continue;
      Step step = m_flow > 0 ? flow_char(line, k, c, before, closed_value) : block_char(line, k, c, closed_value);
      if (step == Step::stop) return step;
    }
    return Step::next;
  }

  // One character inside brackets.
  Step flow_char(std::string_view line, size_t k, char c, char before, bool& closed_value) {
    if ((c == '"' || c == '\'') && m_at_value_start) {
      (c == '"' ? m_in_double : m_in_single) = true;
      m_at_value_start = false;
    } else if (c == '[' || c == '{') {
      ++m_flow;
      m_at_value_start = true;
      if (too_deep(0)) return fail(at(k));
      m_counts.flow_items.push_back(1);  // the first item; each comma adds one
      if (!m_counts.node()) return too_many(k, false);
    } else if (c == ']' || c == '}') {
      if (--m_flow == 0) closed_value = m_opened_as_value;
      m_at_value_start = true;  // a new token starts after a bracketed one
      if (!m_counts.flow_items.empty()) m_counts.flow_items.pop_back();
    } else {
      if (c == ',' && !m_counts.flow_items.empty() && !m_counts.item(m_counts.flow_items.back()))
        return too_many(k, m_counts.nodes <= m_lim.max_nodes);
      if (c == ':' && !m_counts.node()) return too_many(k, false);
      // After ',', "key: " or '"key":' (JSON) a value starts.
      m_at_value_start = c == ',' || ((c == ':' || c == '?') && blank_or_end(line, k + 1)) ||
                         (c == ':' && (before == '"' || before == '\''));
    }
    return Step::next;
  }

  // One character outside brackets; `k` moves past an anchor or a tag.
  Step block_char(std::string_view line, size_t& k, char c, bool& closed_value) {
    if (c == ',') {
      if (closed_value) return fail(at(k, false, true));
      if (m_at_value_start) return fail(at(k, true));
    }
    closed_value = false;
    if ((c == '&' || c == '!') && m_at_value_start) {
      // An anchor or a tag: the value still starts after it.
      k = skip_verbatim_tag(line, k);
      while (k + 1 < line.size() && line[k + 1] != ' ' && line[k + 1] != ',') ++k;
      return Step::next;
    }
    if ((c == '"' || c == '\'') && m_at_value_start) {
      (c == '"' ? m_in_double : m_in_single) = true;
      m_opened_as_value = true;
      m_at_value_start = false;
    } else if ((c == '[' || c == '{') && m_at_value_start) {
      // Only where a value starts: inside plain text ("2[", "a {b}") a bracket is text.
      // Inside it a value (or key) starts: '{"a}": 1}' opens a quote, not text.
      m_opened_as_value = true;
      m_at_value_start = true;
      ++m_flow;
      if (too_deep(0)) return fail(at(k));
      m_counts.flow_items.assign(1, 1);
      if (!m_counts.node()) return too_many(k, false);
    } else if ((c == ':' || c == '-' || c == '?') && blank_or_end(line, k + 1)) {
      m_at_value_start = c == ':' || m_at_value_start;  // "key: value", "- value", "? key"
    } else {
      m_at_value_start = false;
    }
    return Step::next;
  }

  const Limits& m_lim;
  ScanCounts m_counts;
  ScanProblem m_problem;
  std::vector<size_t> m_indents;
  int m_flow = 0;
  int m_line_no = 0;
  // A value may start here; a quote starts a quoted scalar only where a value starts
  // ("it's", "Bachelor's degree" are plain text, even inside brackets).
  bool m_at_value_start = true;
  // A quoted string may run over several lines: its lines are text, not structure.
  bool m_in_single = false, m_in_double = false;
  bool m_opened_as_value = false;  ///< the open bracket or quote outside brackets started a value
};

ScanProblem scan_structure(std::string_view text, const Limits& lim) { return StructureScan(lim).run(text); }

// Reads the events of the first document, then up to three more documents, and
// returns where the first thing past the first document is ({line, column},
// 1-based), if anything is: a second document, or text yaml-cpp's Load would drop
// without a word ("{a: 1} x", "- a\nb: 1"). A parser that keeps handing out empty
// documents is stuck on a token it cannot place (the LoadAll loop): that token is
// the answer too. A trailing "---" with nothing after it is not. Throws
// YAML::Exception on a syntax error, as Load would.
std::optional<std::pair<int, int>> content_after_first_document(const std::string& buffer) {
  struct Probe : YAML::EventHandler {
    std::optional<YAML::Mark> content, null;
    void note(const YAML::Mark& m) {
      if (!content) content = m;
    }
    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& m, YAML::anchor_t) override {
      if (!null) null = m;
    }
    void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { note(m); }
    void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t, const std::string&) override { note(m); }
    void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
      note(m);
    }
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
      note(m);
    }
    void OnMapEnd() override {}
  };
  std::istringstream in(buffer);
  YAML::Parser parser(in);
  Probe first;
  if (!parser.HandleNextDocument(first)) return std::nullopt;
  for (int doc = 0; doc < 3; ++doc) {
    Probe next;
    if (!parser.HandleNextDocument(next)) return std::nullopt;
    if (next.content) return std::make_pair(next.content->line + 1, next.content->column + 1);
    if (doc == 2 && next.null) return std::make_pair(next.null->line + 1, next.null->column + 1);
  }
  return std::nullopt;
}

// Where a second YAML document starts: the first content after a "---" (or "...")
// line that comes after content; {0, 0} when there is none. A "---" before any
// content, or with nothing but comments after it, starts no second document.
std::pair<int, int> second_document(std::string_view text) {
  bool content = false, marker = false;
  int line_no = 0;
  size_t start = 0;
  while (start < text.size()) {
    ++line_no;
    std::string_view line = take_line(text, start);
    size_t i = 0;
    bool is_marker = (line.substr(0, 3) == "---" || line.substr(0, 3) == "...") &&
                     (line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r');
    if (is_marker) {
      if (content) marker = true;
      i = 3;
    }
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    if (i >= line.size() || line[i] == '#') continue;
    if (marker) return {line_no, static_cast<int>(i) + 1};
    content = true;
  }
  return {0, 0};
}

// Counts nodes with aliases expanded (a "billion laughs" document has few nodes but
// expands to billions) and reports duplicate keys, which yaml-cpp accepts silently.
// Each collection is measured once: an alias to it reuses the measure, so the walk
// costs what the text holds, not what it expands to.
struct NodeWalk {
  NodeWalk(YamlContext& c, size_t node_budget, int depth_limit) : ctx(c), budget(node_budget), max_depth(depth_limit) {}

  struct Measure {
    size_t nodes = 1;  ///< expanded node count, saturating just past the budget
    int height = 0;    ///< expanded nesting below this node
  };

  YamlContext& ctx;
  size_t budget;
  int max_depth;
  std::set<std::pair<int, int>> reported;
  /// Measured collections by position and kind; the node is kept to confirm identity.
  std::map<std::tuple<int, int, bool>, std::pair<YAML::Node, Measure>> measured;
  /// Why the walk stopped: too many nodes, too deep through aliases, or an alias
  /// inside the collection it names ("a: &x [1, *x]"), which yaml-cpp builds as a
  /// cycle: walking it would never end.
  enum class Stop { none, nodes, depth, cycle } stop = Stop::none;
  YAML::Node where;
  std::vector<YAML::Node> path;

  bool walk(const YAML::Node& root) {
    Measure m;
    return measure(root, m);
  }

  bool measure(const YAML::Node& node, Measure& out) {
    out = Measure{};
    if (!node.IsSequence() && !node.IsMap()) return true;
    for (const auto& above : path) {
      if (above.is(node)) {
        stop = Stop::cycle;
        where = node;
        return false;
      }
    }
    auto mark = node.Mark();
    std::tuple<int, int, bool> key{mark.line, mark.column, node.IsMap()};
    bool keyed = mark.line >= 0;
    if (keyed) {
      auto it = measured.find(key);
      if (it != measured.end() && it->second.first.is(node)) {
        out = it->second.second;
        // The deepest collection inside lies height - 1 levels below this one.
        if (static_cast<int>(path.size()) + std::max(out.height - 1, 0) >= max_depth) {
          stop = Stop::depth;
          where = node;
          return false;
        }
        return true;
      }
    }
    // The text scan bounds the written depth; aliases can still stack it higher.
    if (static_cast<int>(path.size()) >= max_depth) {
      stop = Stop::depth;
      where = node;
      return false;
    }
    path.push_back(node);
    bool ok = node.IsSequence() ? measure_sequence(node, out) : measure_map(node, out);
    path.pop_back();
    if (ok && keyed) measured.insert_or_assign(key, std::make_pair(node, out));
    return ok;
  }

  bool add(const YAML::Node& child, Measure& out) {
    Measure m;
    if (!measure(child, m)) return false;
    out.nodes = std::min(out.nodes + m.nodes, budget + 1);
    out.height = std::max(out.height, m.height + 1);
    if (out.nodes > budget) {
      stop = Stop::nodes;
      return false;
    }
    return true;
  }

  bool measure_sequence(const YAML::Node& node, Measure& out) {
    for (const auto& child : node)
      if (!add(child, out)) return false;
    return true;
  }

  bool measure_map(const YAML::Node& node, Measure& out) {
    // Hashed, not a list: a mapping of a million keys must not take quadratic time.
    std::unordered_map<std::string, YAML::Node> seen;
    for (const auto& kv : node) {
      if (kv.first.IsScalar()) {
        const auto& key = kv.first.Scalar();
        auto [it, fresh] = seen.emplace(key, kv.first);
        if (!fresh) {
          auto p = ctx.pos(kv.first);
          if (reported.insert({p.line, p.column}).second) {
            auto fp = ctx.pos(it->second);
            ctx.error(kv.first, T(fmt::format("duplicate key '{}' (first given at line {})", key, fp.line),
                                  fmt::format("重复的键“{}”（第 {} 行已给出）", key, fp.line)));
          }
        }
      }
      if (!add(kv.first, out) || !add(kv.second, out)) return false;
    }
    return true;
  }
};

// The checks on the text before yaml-cpp sees it: UTF-8, NUL, an empty file, and
// the structure scan (depth, node and list counts, stray commas). False after
// reporting the first problem.
bool text_is_acceptable(YamlContext& ctx, std::string_view text, const Limits& lim) {
  unsigned char bad = 0;
  auto [bl, bc] = first_bad_utf8(text, bad);
  if (bl > 0) {
    ctx.error_at(bl, bc,
                 T(fmt::format("invalid UTF-8 (byte 0x{:02X}); save the file as UTF-8", bad),
                   fmt::format("无效的 UTF-8 编码（字节 0x{:02X}）；请将文件存为 UTF-8", bad)));
    return false;
  }
  if (text.find('\0') != std::string_view::npos) {
    ctx.error_at(0, 0, T("file contains a NUL byte: it is not a text file", "文件含有 NUL 字节：不是文本文件"));
    return false;
  }
  bool blank = true;
  for (size_t i = 0; i < text.size() && blank; ++i) {
    char c = text[i];
    if (c == '#') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
      blank = false;
    }
  }
  if (blank) {
    ctx.error_at(0, 0, T("file is empty", "文件为空"));
    return false;
  }
  auto problem = scan_structure(text, lim);
  if (problem.line > 0 && (problem.long_list || problem.many_nodes)) {
    ctx.error_at(problem.line, problem.column,
                 problem.long_list ? T(fmt::format("a list of more than {} items", lim.max_list_items),
                                       fmt::format("列表超过 {} 项", lim.max_list_items))
                                   : T(fmt::format("the document has more than {} nodes", lim.max_nodes),
                                       fmt::format("文档超过 {} 个节点", lim.max_nodes)));
    return false;
  }
  if (problem.line > 0 && problem.trailing) {
    ctx.error_at(
        problem.line, problem.column,
        T("a ',' after a complete value, outside [ ] or { }: remove it (commas separate items only inside brackets)",
          "完整的值之后出现了“,”（不在 [ ] 或 { } 之内）：请删除它（逗号只在括号内分隔各项）"));
    return false;
  }
  if (problem.line > 0 && problem.comma) {
    ctx.error_at(problem.line, problem.column,
                 T("a value cannot start with ',' outside [ ] or { }", "在 [ ] 或 { } 之外，值不能以“,”开头"));
    return false;
  }
  if (problem.line > 0) {
    ctx.error_at(
        problem.line, problem.column,
        T(fmt::format("nesting deeper than {} levels", lim.max_depth), fmt::format("嵌套超过 {} 层", lim.max_depth)));
    return false;
  }
  return true;
}

// yaml-cpp's exception said in the user's terms, at the line it names (or the end
// of the file's last line).
void report_yaml_error(YamlContext& ctx, std::string_view text, const YAML::Exception& e) {
  int line = e.mark.line >= 0 ? e.mark.line + 1 : 0;
  int col = e.mark.column >= 0 ? e.mark.column + 1 : 0;
  int last = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + (text.back() == '\n' ? 0 : 1);
  if (line > last) {
    // Past the comment load_one_document adds: point at the end of the file's last line.
    line = last;
    col = static_cast<int>(ctx.line_text(line).size()) + 1;
  }
  if (e.msg == YAML::ErrorMsg::EOF_IN_SCALAR) {
    ctx.error_at(line, col,
                 T("a quoted string is never closed: it runs to the end of the file",
                   "引号内的文本没有闭合：一直延续到文件末尾"));
    return;
  }
  // yaml-cpp's messages for tab indentation ("illegal map value") do not say why.
  auto src = ctx.line_text(line);
  size_t indent = src.find_first_not_of(" \t");
  size_t tab = src.find('\t');
  if (tab != std::string::npos && (indent == std::string::npos || tab < indent)) {
    ctx.error_at(
        line, static_cast<int>(tab) + 1,
        T("a tab indents this line; YAML indents with spaces only", "此行用制表符（Tab）缩进；YAML 只能用空格缩进"));
    return;
  }
  ctx.error_at(line, col, T(fmt::format("YAML syntax: {}", e.msg), fmt::format("YAML 语法错误：{}", e.msg)));
}

// yaml-cpp's parse of the one document in the text, or nullopt after reporting why not.
std::optional<YAML::Node> load_one_document(YamlContext& ctx, std::string_view text) {
  try {
    // yaml-cpp ends a quoted string silently at the end of the file when a newline
    // comes before it ("name: \"Wang\nage: 30\n" gives one long name): a final
    // comment line without a newline makes it report the missing quote instead.
    // YAML::Load, not LoadAll: on a token the parser cannot place (a ',' at the
    // top of a document, say) yaml-cpp 0.7's LoadAll adds an empty document and
    // tries again, for ever, taking memory each time (yaml-cpp issue 1040, fixed
    // upstream in 2024 by pull request 1319); Load reads one document and stops. A
    // second document is found by second_document() instead.
    std::string buffer = std::string(text) + "\n#";
    if (auto extra = content_after_first_document(buffer)) {
      if (auto [line, col] = second_document(text); line > 0) {
        ctx.error_at(line, col,
                     T("a second YAML document starts here (after '---'); a file holds one document",
                       "此处开始了第二个 YAML 文档（在“---”之后）；一个文件只能有一个文档"));
      } else {
        ctx.error_at(extra->first, extra->second,
                     T("unexpected text after the end of the document: a file holds one value at its top",
                       "文档结束后出现多余内容：一个文件的顶层只能有一个值"));
      }
      return std::nullopt;
    }
    return YAML::Load(buffer);
  } catch (const YAML::Exception& e) {
    report_yaml_error(ctx, text, e);
    return std::nullopt;
  }
}

// The parsed tree walked with aliases expanded: cycles, depth and node count.
bool tree_is_acceptable(YamlContext& ctx, const YAML::Node& root, const Limits& lim) {
  NodeWalk walk(ctx, lim.max_nodes, lim.max_depth);
  if (!walk.walk(root)) {
    if (walk.stop == NodeWalk::Stop::cycle)
      ctx.error(walk.where, T("an alias refers to the collection that contains it: the data would never end",
                              "别名指向包含它自身的集合：数据将无穷无尽"));
    else if (walk.stop == NodeWalk::Stop::depth)
      ctx.error(walk.where, T(fmt::format("nesting deeper than {} levels (aliases included)", lim.max_depth),
                              fmt::format("嵌套超过 {} 层（含别名）", lim.max_depth)));
    else
      ctx.error_at(0, 0,
                   T(fmt::format("document expands to more than {} nodes (aliases included)", lim.max_nodes),
                     fmt::format("文档展开后超过 {} 个节点（含别名）", lim.max_nodes)));
    return false;
  }
  return true;
}

}  // namespace

std::optional<YAML::Node> YamlContext::parse(YamlContext& ctx, std::string_view text) {
  // The file size limit is applied where files are read (read_input_file), so that
  // it never applies to the built-in catalogue.
  const auto& lim = ctx.limits();
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (!text_is_acceptable(ctx, text, lim)) return std::nullopt;
  auto root = load_one_document(ctx, text);
  if (!root || !tree_is_acceptable(ctx, *root, lim)) return std::nullopt;
  return root;
}

}  // namespace advisor
