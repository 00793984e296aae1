// parse_json_doc on simdjson's On-Demand API, for measurement only
// (-DADVISOR_JSON_PARSER=simdjson; docs/performance.md, "Batch fast paths").
// It fills the JsonDoc the home-made reader (plain_json.cpp) fills and takes exactly
// the lines it takes, so batch outputs compare byte for byte: simdjson checks the
// grammar of the structure and the UTF-8; what the subset adds (no escapes, printable
// strings, spaces as the only blanks, the depth, key and node limits, no duplicate
// key, the number grammar on every token, the ',' or closing bracket after every
// scalar) is checked here. On-Demand gives no line or
// column: every value's is its byte's offset in the line, from the pointer simdjson
// hands out into the (copied, padded) text.
#include <simdjson.h>

#include <cstring>
#include <utility>
#include <vector>

#include "advisor/byte_scan.hpp"
#include "json_doc.hpp"

namespace advisor {

namespace {

namespace od = simdjson::ondemand;

/// Bytes the home-made reader refuses wherever they stand, looked for in the whole
/// line first: below 0x20 (tab, CR and LF too: its only blank is the space), DEL and
/// '\\' (not JSON outside strings, refused inside), and the C1 controls, U+FEFF,
/// U+FFFE and U+FFFF (refused inside strings; outside them no byte >= 0x80 is JSON).
/// simdjson checks that the line is UTF-8, so a lead byte here starts a character.
bool outside_subset(std::string_view s) {
  using namespace bytes;
  bool high = false;
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    auto w = word_at(s, i);
    if (any_below(w, 0x20) || any_equal(w, '\\') || any_equal(w, 0x7F)) return true;
    high = high || any_high(w);
  }
  for (; i < s.size(); ++i) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x20 || b == '\\' || b == 0x7F) return true;
    high = high || b >= 0x80;
  }
  if (!high) return false;
  for (i = 0; i + 1 < s.size(); ++i) {
    auto b = static_cast<unsigned char>(s[i]), b1 = static_cast<unsigned char>(s[i + 1]);
    if (b == 0xC2 && b1 < 0xA0) return true;  // U+0080..U+009F
    if (b == 0xEF && i + 2 < s.size()) {
      auto b2 = static_cast<unsigned char>(s[i + 2]);
      if ((b1 == 0xBB && b2 == 0xBF) || (b1 == 0xBF && b2 >= 0xBE)) return true;  // U+FEFF, U+FFFE, U+FFFF
    }
  }
  return false;
}

/// JSON's number grammar, over the whole token (On-Demand checks a number only when
/// asked for its value, and a token runs on to the next structural byte or blank).
bool json_number(std::string_view t) {
  size_t i = 0;
  auto digits = [&] {
    size_t from = i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    return i - from;
  };
  if (i < t.size() && t[i] == '-') ++i;
  size_t int_start = i;
  size_t n = digits();
  if (n == 0 || (n > 1 && t[int_start] == '0')) return false;
  if (i < t.size() && t[i] == '.') {
    ++i;
    if (digits() == 0) return false;
  }
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    if (digits() == 0) return false;
  }
  return i == t.size();
}

/// Walks simdjson's document in order, appending values as the home-made reader does.
class SimdReader {
 public:
  SimdReader(std::string_view s, const char* base, size_t max_nodes, JsonDoc& doc)
      : m_s(s), m_base(base), m_max_nodes(max_nodes), m_doc(doc) {}

  bool document(od::document& d, size_t first) {
    if (++m_nodes > m_max_nodes) return false;
    auto map = add(Kind::map, first);
    od::object o;
    if (d.get_object().get(o) || !object(o, map, 0)) return false;
    // Nothing may follow the mapping: past the end simdjson has no location.
    return d.current_location().error() == simdjson::OUT_OF_BOUNDS;
  }

 private:
  static constexpr int k_max_depth = 16;
  static constexpr size_t k_max_keys = 64;
  using Kind = JsonDoc::Kind;

  std::uint32_t add(Kind kind, size_t at, bool quoted = false) {
    JsonDoc::Value v;
    v.kind = kind;
    v.quoted = quoted;
    v.line = 1;
    v.column = static_cast<std::uint32_t>(at + 1);
    m_doc.values.push_back(v);
    return static_cast<std::uint32_t>(m_doc.values.size() - 1);
  }

  void link(std::uint32_t parent, std::uint32_t& last, std::uint32_t child) {
    (last == JsonDoc::k_none ? m_doc.values[parent].first : m_doc.values[last].next) = child;
    last = child;
  }

  /// The string whose opening quote is at `open` (no escapes: the next quote closes
  /// it); its index, or k_none.
  std::uint32_t string(size_t open, size_t& close) {
    close = m_s.find('"', open + 1);
    if (close == std::string_view::npos) return JsonDoc::k_none;
    auto at = add(Kind::scalar, open, true);
    m_doc.values[at].text = m_s.substr(open + 1, close - open - 1);
    return at;
  }

  /// The value `v` of a mapping (close '}') or a sequence (close ']').
  std::uint32_t value(od::value& v, int depth, char close) {
    if (depth > k_max_depth || ++m_nodes > m_max_nodes) return JsonDoc::k_none;
    std::string_view token = v.raw_json_token();
    if (token.empty()) return JsonDoc::k_none;
    size_t at = static_cast<size_t>(token.data() - m_base);
    while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
    char c = token[0];
    if (c == '{') {
      auto map = add(Kind::map, at);
      od::object o;
      if (v.get_object().get(o) || !object(o, map, depth)) return JsonDoc::k_none;
      return map;
    }
    if (c == '[') {
      auto seq = add(Kind::sequence, at);
      od::array a;
      if (v.get_array().get(a) || !array(a, seq, depth)) return JsonDoc::k_none;
      return seq;
    }
    // A scalar is left to simdjson to skip, and its skipping is lenient (a string
    // followed by ':' is skipped as a key: ["a":1] was taken): what follows it is
    // checked here, so the skip moves on by exactly this token.
    size_t after = m_s.find_first_not_of(' ', at + token.size());
    if (after == std::string_view::npos || (m_s[after] != ',' && m_s[after] != close)) return JsonDoc::k_none;
    if (c == '"') {
      size_t end = 0;
      auto s = string(at, end);
      return s != JsonDoc::k_none && end + 1 - at == token.size() ? s : JsonDoc::k_none;
    }
    if (token == "null") return add(Kind::null, at);
    if (token == "true" || token == "false" || json_number(token)) {
      auto s = add(Kind::scalar, at);
      m_doc.values[s].text = m_s.substr(at, token.size());
      return s;
    }
    return JsonDoc::k_none;
  }

  bool object(od::object& o, std::uint32_t map, int depth) {
    std::uint32_t last = JsonDoc::k_none;
    size_t keys = 0;
    for (auto r : o) {
      od::field f;
      if (std::move(r).get(f) || keys == k_max_keys || ++m_nodes > m_max_nodes) return false;
      size_t open = static_cast<size_t>(f.key().raw() - 1 - m_base), close = 0;
      auto k = string(open, close);
      if (k == JsonDoc::k_none) return false;
      // YAML's 1,024-character limit on an implicit key (plain_json.cpp, issue 32).
      size_t colon = m_s.find_first_not_of(' ', close + 1);
      if (colon == std::string_view::npos || m_s[colon] != ':' || colon + 1 - open > 1000) return false;
      for (auto p = m_doc.values[map].first; p != JsonDoc::k_none; p = m_doc.values[m_doc.values[p].next].next)
        if (m_doc.values[p].text == m_doc.values[k].text) return false;
      ++keys;
      auto v = value(f.value(), depth + 1, '}');
      if (v == JsonDoc::k_none) return false;
      link(map, last, k);
      link(map, last, v);
      ++m_doc.values[map].size;
    }
    return true;
  }

  bool array(od::array& a, std::uint32_t seq, int depth) {
    std::uint32_t last = JsonDoc::k_none;
    for (auto r : a) {
      od::value item;
      if (std::move(r).get(item)) return false;
      auto v = value(item, depth + 1, ']');
      if (v == JsonDoc::k_none) return false;
      link(seq, last, v);
      ++m_doc.values[seq].size;
    }
    return true;
  }

  std::string_view m_s;  ///< the line, after a byte order mark
  const char* m_base;    ///< simdjson's padded copy of m_s
  size_t m_max_nodes;
  JsonDoc& m_doc;
  size_t m_nodes = 0;
};

}  // namespace

bool parse_json_doc(std::string_view text, size_t max_nodes, JsonDoc& doc) {
  doc.values.clear();
  auto line = json_line(text);
  if (!line) return false;
  std::string_view s = line->text;
  if (outside_subset(s)) return false;
  // simdjson reads SIMDJSON_PADDING bytes past the end: a copy, its room kept.
  thread_local std::vector<char> padded;
  thread_local od::parser parser;
  if (padded.size() < s.size() + simdjson::SIMDJSON_PADDING) padded.resize(s.size() + simdjson::SIMDJSON_PADDING);
  std::memcpy(padded.data(), s.data(), s.size());
  std::memset(padded.data() + s.size(), 0, simdjson::SIMDJSON_PADDING);
  od::document d;
  if (parser.iterate(padded.data(), s.size(), padded.size()).get(d)) return false;
  SimdReader reader(s, padded.data(), max_nodes, doc);
  return reader.document(d, line->first);
}

}  // namespace advisor
