// The fast way in for one line of plain JSON: parse_plain_json, and the checks the
// tests and fuzzers make of it against yaml-cpp.
#include "advisor/byte_scan.hpp"
#include "json_doc.hpp"
#include "yaml_reader.hpp"

#include <algorithm>

namespace advisor {

namespace {

/// Recursive descent over the plain subset, appending values in document order.
class PlainJson {
 public:
  PlainJson(std::string_view s, size_t max_nodes, JsonDoc& doc) : m_s(s), m_max_nodes(max_nodes), m_doc(doc) {}

  bool document(size_t at) {
    m_i = at;
    if (value(0) == JsonDoc::k_none) return false;
    skip_spaces();
    return m_i == m_s.size();
  }

 private:
  static constexpr int k_max_depth = 16;
  static constexpr size_t k_max_keys = 64;  ///< more: the YAML path, whose duplicate check is hashed
  using Kind = JsonDoc::Kind;

  void skip_spaces() {
    while (m_i < m_s.size() && m_s[m_i] == ' ') ++m_i;
  }

  bool eat(char c) {
    skip_spaces();
    if (m_i < m_s.size() && m_s[m_i] == c) {
      ++m_i;
      return true;
    }
    return false;
  }

  /// A new value of `kind` at the current byte; its index.
  std::uint32_t add(Kind kind, bool quoted = false) {
    JsonDoc::Value v;
    v.kind = kind;
    v.quoted = quoted;
    v.line = 1;
    v.column = static_cast<std::uint32_t>(m_i + 1 - m_line_start);
    m_doc.values.push_back(v);
    return static_cast<std::uint32_t>(m_doc.values.size() - 1);
  }

  /// Links `child` after `last` (or first under `parent`); `last` becomes child.
  void link(std::uint32_t parent, std::uint32_t& last, std::uint32_t child) {
    (last == JsonDoc::k_none ? m_doc.values[parent].first : m_doc.values[last].next) = child;
    last = child;
  }

  std::uint32_t value(int depth) {
    skip_spaces();
    // The node budget of YamlContext::parse counts keys and values alike.
    if (m_i >= m_s.size() || depth > k_max_depth || ++m_nodes > m_max_nodes) return JsonDoc::k_none;
    char c = m_s[m_i];
    if (c == '{') return object(depth);
    if (c == '[') return array(depth);
    if (c == '"') return string();
    if (c == '-' || (c >= '0' && c <= '9')) return number();
    for (std::string_view word : {"true", "false"})
      if (m_s.substr(m_i, word.size()) == word) {
        auto at = add(Kind::scalar);
        m_doc.values[at].text = m_s.substr(m_i, word.size());
        m_i += word.size();
        return at;
      }
    if (m_s.substr(m_i, 4) == "null") {
      auto at = add(Kind::null);
      m_i += 4;
      return at;
    }
    return JsonDoc::k_none;
  }

  std::uint32_t object(int depth) {
    auto map = add(Kind::map);
    ++m_i;
    if (eat('}')) return map;
    std::uint32_t last = JsonDoc::k_none;
    size_t keys = 0;
    do {
      skip_spaces();
      if (m_i >= m_s.size() || m_s[m_i] != '"' || keys == k_max_keys || ++m_nodes > m_max_nodes) return JsonDoc::k_none;
      size_t key_start = m_i;
      auto k = string();
      if (k == JsonDoc::k_none || !eat(':')) return JsonDoc::k_none;
      // YAML limits an implicit key, with the blanks before its ':', to 1,024
      // characters: past that the YAML path refuses the text, so this one must not
      // take it (issue 32). Counted in bytes, which are never fewer than characters.
      if (m_i - key_start > 1000) return JsonDoc::k_none;
      // A duplicate key is an error, reported with its line by the YAML path.
      for (auto o = m_doc.values[map].first; o != JsonDoc::k_none; o = m_doc.values[m_doc.values[o].next].next)
        if (m_doc.values[o].text == m_doc.values[k].text) return JsonDoc::k_none;
      ++keys;
      auto v = value(depth + 1);
      if (v == JsonDoc::k_none) return JsonDoc::k_none;
      link(map, last, k);
      link(map, last, v);
      ++m_doc.values[map].size;
    } while (eat(','));
    if (!eat('}')) return JsonDoc::k_none;
    return map;
  }

  std::uint32_t array(int depth) {
    auto seq = add(Kind::sequence);
    ++m_i;
    if (eat(']')) return seq;
    std::uint32_t last = JsonDoc::k_none;
    do {
      auto v = value(depth + 1);
      if (v == JsonDoc::k_none) return JsonDoc::k_none;
      link(seq, last, v);
      ++m_doc.values[seq].size;
    } while (eat(','));
    if (!eat(']')) return JsonDoc::k_none;
    return seq;
  }

  /// A quoted string with no escapes, of printable UTF-8 (YAML's c-printable less
  /// the BOM and the C1 controls); at the opening quote.
  std::uint32_t string() {
    auto at = add(Kind::scalar, true);
    size_t start = ++m_i;
    // Most strings are ids: printable ASCII up to the closing quote, taken whole.
    if (auto end = m_s.find('"', m_i); end != std::string_view::npos && plain_ascii(m_s.substr(m_i, end - m_i))) {
      m_doc.values[at].text = m_s.substr(start, end - start);
      m_i = end + 1;
      return at;
    }
    while (m_i < m_s.size()) {
      auto b = static_cast<unsigned char>(m_s[m_i]);
      if (b == '"') {
        m_doc.values[at].text = m_s.substr(start, m_i - start);
        ++m_i;
        return at;
      }
      if (b < 0x20 || b == '\\' || b == 0x7F) return JsonDoc::k_none;
      if (b < 0x80) {
        ++m_i;
        continue;
      }
      size_t n = utf8_sequence_length(m_s, m_i);
      if (n == 0) return JsonDoc::k_none;
      auto b1 = static_cast<unsigned char>(m_s[m_i + 1]);
      if (b == 0xC2 && b1 < 0xA0) return JsonDoc::k_none;  // U+0080..U+009F
      if (b == 0xEF && ((b1 == 0xBB && static_cast<unsigned char>(m_s[m_i + 2]) == 0xBF) ||
                        (b1 == 0xBF && static_cast<unsigned char>(m_s[m_i + 2]) >= 0xBE)))
        return JsonDoc::k_none;  // U+FEFF, U+FFFE, U+FFFF
      m_i += n;
    }
    return JsonDoc::k_none;
  }

  /// True when every byte of `s` is printable ASCII other than '\\' (and DEL):
  /// eight bytes at a time, the last eight overlapping the ones before.
  static bool plain_ascii(std::string_view s) {
    using namespace bytes;
    auto plain = [](std::uint64_t w) {
      return !(any_high(w) || any_below(w, 0x20) || any_equal(w, '\\') || any_equal(w, 0x7F));
    };
    if (s.size() < 8) {
      for (char c : s) {
        auto b = static_cast<unsigned char>(c);
        if (b < 0x20 || b == '\\' || b >= 0x7F) return false;
      }
      return true;
    }
    for (size_t i = 0; i + 8 <= s.size(); i += 8)
      if (!plain(word_at(s, i))) return false;
    return plain(word_at(s, s.size() - 8));
  }

  /// JSON's number grammar, kept as the plain scalar text yaml-cpp would keep.
  std::uint32_t number() {
    auto at = add(Kind::scalar);
    size_t start = m_i;
    auto digits = [&] {
      size_t from = m_i;
      while (m_i < m_s.size() && m_s[m_i] >= '0' && m_s[m_i] <= '9') ++m_i;
      return m_i - from;
    };
    if (m_s[m_i] == '-') ++m_i;
    size_t int_start = m_i;
    size_t n = digits();
    if (n == 0 || (n > 1 && m_s[int_start] == '0')) return JsonDoc::k_none;
    if (m_i < m_s.size() && m_s[m_i] == '.') {
      ++m_i;
      if (digits() == 0) return JsonDoc::k_none;
    }
    if (m_i < m_s.size() && (m_s[m_i] == 'e' || m_s[m_i] == 'E')) {
      ++m_i;
      if (m_i < m_s.size() && (m_s[m_i] == '+' || m_s[m_i] == '-')) ++m_i;
      if (digits() == 0) return JsonDoc::k_none;
    }
    // A plain scalar runs on to the next ',' '}' ']' (or ": "): anything else
    // glued to the digits would make yaml-cpp read a different scalar.
    if (m_i < m_s.size() && m_s[m_i] != ',' && m_s[m_i] != '}' && m_s[m_i] != ']' && m_s[m_i] != ' ')
      return JsonDoc::k_none;
    m_doc.values[at].text = m_s.substr(start, m_i - start);
    return at;
  }

  std::string_view m_s;
  size_t m_max_nodes;
  JsonDoc& m_doc;
  size_t m_i = 0;
  size_t m_line_start = 0;  ///< where the line of m_i starts (the text is one line)
  size_t m_nodes = 0;
};

/// The node yaml-cpp builds for the value: same kinds, scalars, tags and order.
YAML::Node to_yaml_node(const JsonNode& n) {
  if (n.IsNull()) return YAML::Node(YAML::NodeType::Null);
  if (n.IsScalar()) {
    YAML::Node s{std::string(n.Scalar())};
    s.SetTag(std::string(n.Tag()));
    return s;
  }
  YAML::Node out(n.IsMap() ? YAML::NodeType::Map : YAML::NodeType::Sequence);
  out.SetTag("?");
  for (const auto& item : n) {
    if (n.IsMap())
      out.force_insert(to_yaml_node(item.first), to_yaml_node(item.second));
    else
      out.push_back(to_yaml_node(item));
  }
  return out;
}

}  // namespace

/// A JSON text (first non-blank '{') with each CR outside strings made a blank: JSON
/// counts CR as white space where YAML does not, and both readers must see the same
/// document (issue 32: `{"age":30\r}` was "age must be a number, not '30\r'", and CR
/// CR LF line ends hid the real error). Bytes keep their positions. Empty when there
/// is nothing to change.
std::string json_crs_as_blanks(std::string_view text) {
  if (text.find('\r') == std::string_view::npos) return {};
  auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos || text[first] != '{') {
    // A BOM first: the same after it.
    if (!(text.size() > 3 && text.substr(0, 3) == "\xEF\xBB\xBF" &&
          text.find_first_not_of(" \t\r\n", 3) != std::string_view::npos &&
          text[text.find_first_not_of(" \t\r\n", 3)] == '{'))
      return {};
  }
  std::string out(text);
  bool in_string = false, escaped = false, changed = false;
  for (auto& c : out) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '\r') {
      c = ' ';
      changed = true;
    }
  }
  return changed ? out : std::string();
}

#ifndef ADVISOR_JSON_PARSER_SIMDJSON
bool parse_json_doc(std::string_view text, size_t max_nodes, JsonDoc& doc) {
#else
// -DADVISOR_JSON_PARSER=simdjson builds parse_json_doc on simdjson (simdjson/); this
// reader stays, for the test that compares the two.
bool parse_json_doc_home(std::string_view text, size_t max_nodes, JsonDoc& doc) {
#endif
  doc.values.clear();
  auto line = json_line(text);
  if (!line) return false;
  PlainJson reader(line->text, max_nodes, doc);
  return reader.document(line->first);
}

std::optional<YAML::Node> parse_plain_json(std::string_view text, size_t max_nodes) {
  JsonDoc doc;
  if (!parse_json_doc(text, max_nodes, doc)) return std::nullopt;
  return to_yaml_node(JsonNode(&doc, 0));
}

bool same_node(const YAML::Node& a, const YAML::Node& b, std::string& why) {
  if (a.Type() != b.Type()) return why = "kind", false;
  if (a.IsNull()) return true;
  if (a.Tag() != b.Tag()) return why = "tag '" + a.Tag() + "' vs '" + b.Tag() + "'", false;
  if (a.IsScalar())
    return a.Scalar() == b.Scalar() || (why = "scalar '" + a.Scalar() + "' vs '" + b.Scalar() + "'", false);
  if (a.size() != b.size()) return why = "size", false;
  auto ia = a.begin(), ib = b.begin();
  for (; ia != a.end(); ++ia, ++ib) {
    if (a.IsSequence()) {
      if (!same_node(*ia, *ib, why)) return false;
    } else if (!same_node(ia->first, ib->first, why) || !same_node(ia->second, ib->second, why)) {
      return false;
    }
  }
  return true;
}

std::optional<std::string> plain_json_disagrees(std::string_view raw) {
  // Both readers are given the text with its CRs outside strings made blanks, as
  // load_profile gives it to them.
  std::string blanked = json_crs_as_blanks(raw);
  std::string_view text = blanked.empty() ? raw : std::string_view(blanked);
  auto fast = parse_plain_json(text);
  if (!fast) return std::nullopt;
  Diagnostics d;
  YamlContext ctx("<text>", text, d);
  auto slow = YamlContext::parse(ctx, text);
  if (!slow) return "the YAML path refuses a text the fast reader takes";
  if (!d.items.empty()) return "the YAML path reports on a text the fast reader takes";
  std::string why;
  if (!same_node(*fast, *slow, why)) return "the nodes differ: " + why;
  return std::nullopt;
}

}  // namespace advisor
