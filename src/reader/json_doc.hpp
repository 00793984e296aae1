#pragma once
// Internal to the loaders: the document tree the one-line JSON reader builds
// (parse_json_doc, plain_json.cpp), and JsonNode, a view of one of its values with
// the part of yaml-cpp's YAML::Node interface the converters and the profile reader
// use. The tree is one flat vector of values whose scalars point into the text: no
// allocation per value, no reference counting, where yaml-cpp takes a few hundred
// bytes and several allocations a node.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "advisor/model.hpp"

namespace advisor {

struct JsonDoc {
  enum class Kind : std::uint8_t { null, scalar, sequence, map };
  static constexpr std::uint32_t k_none = UINT32_MAX;

  struct Value {
    Kind kind = Kind::null;
    bool quoted = false;                 ///< a quoted string (yaml-cpp's tag "!"), not a plain scalar ("?")
    std::uint32_t first = k_none;        ///< the first child; a mapping's children alternate key, value
    std::uint32_t next = k_none;         ///< the next sibling
    std::uint32_t size = 0;              ///< children: items of a sequence, pairs of a mapping
    std::uint32_t line = 0, column = 0;  ///< 1-based, of the value's first byte
    std::string_view text;               ///< a scalar's text, inside the parsed line
  };

  std::vector<Value> values;  ///< values[0] is the root
};

class JsonNode;

/// One entry when iterating a JsonNode: the item itself for a sequence, and
/// `first`/`second` for a mapping's key and value (as yaml-cpp's iterator gives).
struct JsonItem;

/// A value of a JsonDoc, or an undefined one (a missing key), with the calls of
/// YAML::Node the readers make.
class JsonNode {
 public:
  JsonNode() = default;
  JsonNode(const JsonDoc* doc, std::uint32_t at) : m_doc(doc), m_at(at) {}

  bool IsDefined() const { return m_doc && m_at != JsonDoc::k_none; }
  bool IsNull() const { return IsDefined() && v().kind == JsonDoc::Kind::null; }
  bool IsScalar() const { return IsDefined() && v().kind == JsonDoc::Kind::scalar; }
  bool IsSequence() const { return IsDefined() && v().kind == JsonDoc::Kind::sequence; }
  bool IsMap() const { return IsDefined() && v().kind == JsonDoc::Kind::map; }
  std::string_view Scalar() const { return IsScalar() ? v().text : std::string_view(); }
  /// "!" for a quoted string, "?" for the rest, "" for nothing: yaml-cpp's tags.
  std::string_view Tag() const {
    if (!IsDefined() || IsNull()) return "";
    return v().quoted ? "!" : "?";
  }
  size_t size() const { return IsDefined() ? v().size : 0; }
  /// A mapping's value for `key`; undefined when it has none or is not a mapping.
  JsonNode operator[](std::string_view key) const;
  SourcePos pos(const std::string& file) const {
    return IsDefined() ? SourcePos{file, static_cast<int>(v().line), static_cast<int>(v().column)}
                       : SourcePos{file, 0, 0};
  }

  class iterator;
  iterator begin() const;
  iterator end() const;

 private:
  const JsonDoc::Value& v() const { return m_doc->values[m_at]; }

  const JsonDoc* m_doc = nullptr;
  std::uint32_t m_at = JsonDoc::k_none;
};

struct JsonItem : JsonNode {
  JsonNode first, second;
};

class JsonNode::iterator {
 public:
  iterator(const JsonDoc* doc, std::uint32_t at, bool map) : m_doc(doc), m_at(at), m_map(map) { load(); }
  const JsonItem& operator*() const { return m_item; }
  const JsonItem* operator->() const { return &m_item; }
  iterator& operator++() {
    m_at = m_doc->values[m_map ? m_doc->values[m_at].next : m_at].next;
    load();
    return *this;
  }
  bool operator!=(const iterator& o) const { return m_at != o.m_at; }
  bool operator==(const iterator& o) const { return m_at == o.m_at; }

 private:
  void load() {
    if (m_at == JsonDoc::k_none) return;
    if (m_map) {
      m_item.first = JsonNode(m_doc, m_at);
      m_item.second = JsonNode(m_doc, m_doc->values[m_at].next);
    } else {
      static_cast<JsonNode&>(m_item) = JsonNode(m_doc, m_at);
    }
  }

  const JsonDoc* m_doc;
  std::uint32_t m_at;
  bool m_map;
  JsonItem m_item;
};

inline JsonNode::iterator JsonNode::begin() const {
  if (!IsSequence() && !IsMap()) return {m_doc, JsonDoc::k_none, false};
  return {m_doc, v().first, IsMap()};
}
inline JsonNode::iterator JsonNode::end() const { return {m_doc, JsonDoc::k_none, false}; }

inline JsonNode JsonNode::operator[](std::string_view key) const {
  if (!IsMap()) return {};
  for (std::uint32_t k = v().first; k != JsonDoc::k_none; k = m_doc->values[m_doc->values[k].next].next)
    if (m_doc->values[k].text == key) return {m_doc, m_doc->values[k].next};
  return {};
}

/// A JSON Lines line as both readers of parse_json_doc take it: after a UTF-8 byte
/// order mark (columns count from there, as yaml-cpp counts them), without its line
/// ending, and opening an object at `first` (counted from the mark's end). nullopt
/// when the first byte that is not a space does not open an object.
struct JsonLine {
  std::string_view text;
  size_t first = 0;
};
inline std::optional<JsonLine> json_line(std::string_view text) {
  size_t at = 0;
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") at = 3;
  while (text.size() > at && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
  auto first = text.find_first_not_of(' ', at);
  if (first == std::string_view::npos || text[first] != '{') return std::nullopt;
  return JsonLine{text.substr(at), first - at};
}

/// Reads `text` as one line of plain JSON into `doc` (its storage is reused): an
/// object whose strings have no escapes and are printable UTF-8, with no blank but
/// spaces, at most 16 levels deep, at most 64 keys a mapping and `max_nodes` values.
/// False as soon as the text leaves that subset or breaks JSON (a duplicate key
/// included); the caller then reads it through the YAML path, which reports.
bool parse_json_doc(std::string_view text, size_t max_nodes, JsonDoc& doc);

#ifdef ADVISOR_JSON_PARSER_SIMDJSON
/// For measurement only (-DADVISOR_JSON_PARSER=simdjson): parse_json_doc is then
/// built on simdjson's On-Demand API (simdjson/json_doc_simdjson.cpp), and this is
/// the home-made reader, kept so a test can check that both take the same lines and
/// build the same tree.
bool parse_json_doc_home(std::string_view text, size_t max_nodes, JsonDoc& doc);
#endif

}  // namespace advisor
