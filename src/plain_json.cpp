// The fast way in for one line of plain JSON: parse_plain_json, and the checks the
// tests and fuzzers make of it against yaml-cpp.
#include "yaml_reader.hpp"

#include <algorithm>

namespace advisor {

namespace {

class PlainJson {
public:
  PlainJson(std::string_view s, size_t max_nodes) : m_s(s), m_max_nodes(max_nodes) {}

  std::optional<YAML::Node> document() {
    auto v = value(0);
    skip_spaces();
    if (!v || m_i != m_s.size()) return std::nullopt;
    return v;
  }

private:
  static constexpr int k_max_depth = 16;
  static constexpr size_t k_max_keys = 64;  ///< more: the YAML path, whose duplicate check is hashed

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

  std::optional<YAML::Node> value(int depth) {
    skip_spaces();
    // The node budget of YamlContext::parse counts keys and values alike.
    if (m_i >= m_s.size() || depth > k_max_depth || ++m_nodes > m_max_nodes) return std::nullopt;
    char c = m_s[m_i];
    if (c == '{') return object(depth);
    if (c == '[') return array(depth);
    if (c == '"') {
      auto s = string();
      if (!s) return std::nullopt;
      YAML::Node n(*s);
      n.SetTag("!");
      return n;
    }
    if (c == '-' || (c >= '0' && c <= '9')) return number();
    for (std::string_view word : {"true", "false"})
      if (m_s.substr(m_i, word.size()) == word) {
        m_i += word.size();
        YAML::Node n{std::string(word)};
        n.SetTag("?");
        return n;
      }
    if (m_s.substr(m_i, 4) == "null") {
      m_i += 4;
      return YAML::Node(YAML::NodeType::Null);
    }
    return std::nullopt;
  }

  std::optional<YAML::Node> object(int depth) {
    ++m_i;
    YAML::Node map(YAML::NodeType::Map);
    map.SetTag("?");
    if (eat('}')) return map;
    std::vector<std::string> keys;
    do {
      skip_spaces();
      if (m_i >= m_s.size() || m_s[m_i] != '"' || keys.size() == k_max_keys || ++m_nodes > m_max_nodes)
        return std::nullopt;
      auto k = string();
      if (!k || !eat(':')) return std::nullopt;
      // A duplicate key is an error, reported with its line by the YAML path.
      if (std::find(keys.begin(), keys.end(), *k) != keys.end()) return std::nullopt;
      keys.push_back(*k);
      auto v = value(depth + 1);
      if (!v) return std::nullopt;
      YAML::Node key(*k);
      key.SetTag("!");
      map.force_insert(key, *v);
    } while (eat(','));
    if (!eat('}')) return std::nullopt;
    return map;
  }

  std::optional<YAML::Node> array(int depth) {
    ++m_i;
    YAML::Node seq(YAML::NodeType::Sequence);
    seq.SetTag("?");
    if (eat(']')) return seq;
    do {
      auto v = value(depth + 1);
      if (!v) return std::nullopt;
      seq.push_back(*v);
    } while (eat(','));
    if (!eat(']')) return std::nullopt;
    return seq;
  }

  /// A quoted string with no escapes, of printable UTF-8 (YAML's c-printable less
  /// the BOM and the C1 controls); at the opening quote.
  std::optional<std::string> string() {
    size_t start = ++m_i;
    while (m_i < m_s.size()) {
      auto b = static_cast<unsigned char>(m_s[m_i]);
      if (b == '"') {
        std::string out(m_s.substr(start, m_i - start));
        ++m_i;
        return out;
      }
      if (b < 0x20 || b == '\\' || b == 0x7F) return std::nullopt;
      if (b < 0x80) {
        ++m_i;
        continue;
      }
      size_t n = utf8_sequence_length(m_s, m_i);
      if (n == 0) return std::nullopt;
      auto b1 = static_cast<unsigned char>(m_s[m_i + 1]);
      if (b == 0xC2 && b1 < 0xA0) return std::nullopt;  // U+0080..U+009F
      if (b == 0xEF && ((b1 == 0xBB && static_cast<unsigned char>(m_s[m_i + 2]) == 0xBF) ||
                        (b1 == 0xBF && static_cast<unsigned char>(m_s[m_i + 2]) >= 0xBE)))
        return std::nullopt;  // U+FEFF, U+FFFE, U+FFFF
      m_i += n;
    }
    return std::nullopt;
  }

  /// JSON's number grammar, kept as the plain scalar text yaml-cpp would keep.
  std::optional<YAML::Node> number() {
    size_t start = m_i;
    auto digits = [&] {
      size_t from = m_i;
      while (m_i < m_s.size() && m_s[m_i] >= '0' && m_s[m_i] <= '9') ++m_i;
      return m_i - from;
    };
    if (m_s[m_i] == '-') ++m_i;
    size_t int_start = m_i;
    size_t n = digits();
    if (n == 0 || (n > 1 && m_s[int_start] == '0')) return std::nullopt;
    if (m_i < m_s.size() && m_s[m_i] == '.') {
      ++m_i;
      if (digits() == 0) return std::nullopt;
    }
    if (m_i < m_s.size() && (m_s[m_i] == 'e' || m_s[m_i] == 'E')) {
      ++m_i;
      if (m_i < m_s.size() && (m_s[m_i] == '+' || m_s[m_i] == '-')) ++m_i;
      if (digits() == 0) return std::nullopt;
    }
    // A plain scalar runs on to the next ',' '}' ']' (or ": "): anything else
    // glued to the digits would make yaml-cpp read a different scalar.
    if (m_i < m_s.size() && m_s[m_i] != ',' && m_s[m_i] != '}' && m_s[m_i] != ']' && m_s[m_i] != ' ') return std::nullopt;
    YAML::Node node{std::string(m_s.substr(start, m_i - start))};
    node.SetTag("?");
    return node;
  }

  std::string_view m_s;
  size_t m_max_nodes;
  size_t m_i = 0;
  size_t m_nodes = 0;
};

} // namespace

std::optional<YAML::Node> parse_plain_json(std::string_view text, size_t max_nodes) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  auto first = text.find_first_not_of(' ');
  if (first == std::string_view::npos || text[first] != '{') return std::nullopt;
  return PlainJson(text, max_nodes).document();
}

bool same_node(const YAML::Node& a, const YAML::Node& b, std::string& why) {
  if (a.Type() != b.Type()) return why = "kind", false;
  if (a.IsNull()) return true;
  if (a.Tag() != b.Tag()) return why = "tag '" + a.Tag() + "' vs '" + b.Tag() + "'", false;
  if (a.IsScalar()) return a.Scalar() == b.Scalar() || (why = "scalar '" + a.Scalar() + "' vs '" + b.Scalar() + "'", false);
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

std::optional<std::string> plain_json_disagrees(std::string_view text) {
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

} // namespace advisor
