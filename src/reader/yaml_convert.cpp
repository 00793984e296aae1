// Node → plain value converters (check_map, get_string, get_number, …): each
// reports a wrong type or value as a bilingual diagnostic at the node.
#include "yaml_reader.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include "advisor/util/bilingual.hpp"

namespace advisor {

using util::T;

bool is_null(const YAML::Node& node) { return !node.IsDefined() || node.IsNull(); }

// Each rule is written once, for any node type with yaml-cpp's interface (YAML::Node
// and JsonNode); the overloads declared in yaml_reader.hpp call these.
namespace {

template <class Node>
std::string kind_name(const Node& n, bool zh) {
  if (!n.IsDefined() || n.IsNull()) return zh ? "空值" : "nothing";
  if (n.IsSequence()) return zh ? "列表" : "a list";
  if (n.IsMap()) return zh ? "映射" : "a mapping";
  return zh ? fmt::format("“{}”", n.Scalar()) : fmt::format("'{}'", n.Scalar());
}

template <class Node>
void type_error(YamlContext& ctx, const Node& node, std::string_view what, std::string_view want_en,
                std::string_view want_zh) {
  ctx.error(node, T(fmt::format("{} must be {}, not {}", what, want_en, kind_name(node, false)),
                    fmt::format("{} 应为{}，而不是{}", what, want_zh, kind_name(node, true))));
}

template <class Node>
bool check_map_of(YamlContext& ctx, const Node& node, std::initializer_list<std::string_view> allowed,
                  std::string_view what) {
  if (!node.IsMap()) {
    type_error(ctx, node, what, "a mapping", "映射（键: 值）");
    return false;
  }
  for (const auto& kv : node) {
    if (!kv.first.IsScalar()) {
      ctx.error(kv.first, T(fmt::format("{} has a key that is not text", what), fmt::format("{} 的键不是文本", what)));
      continue;
    }
    std::string_view key = kv.first.Scalar();
    bool ok = false;
    for (auto a : allowed) ok = ok || a == key;
    if (ok) continue;
    std::vector<std::string> names(allowed.begin(), allowed.end());
    auto guess = closest_match(key, names);
    std::string keys;
    for (auto a : allowed) keys += (keys.empty() ? "" : ", ") + std::string(a);
    if (!guess.empty())
      ctx.error(kv.first, T(fmt::format("unknown key '{}' in {} (did you mean '{}'?)", key, what, guess),
                            fmt::format("{} 中有未知的键“{}”（是否想写“{}”？）", what, key, guess)));
    else
      ctx.error(kv.first, T(fmt::format("unknown key '{}' in {} (known keys: {})", key, what, keys),
                            fmt::format("{} 中有未知的键“{}”（可用的键：{}）", what, key, keys)));
  }
  return true;
}

template <class Node>
std::optional<std::string> get_string_of(YamlContext& ctx, const Node& node, std::string_view what) {
  if (!node.IsScalar()) {
    type_error(ctx, node, what, "text", "文本");
    return std::nullopt;
  }
  return std::string(node.Scalar());
}

/// The number's text has a non-zero digit before its exponent ("1e-400", "0.0001",
/// hex "0x1p-2000"): when strtod still gives 0 or a denormal, the value underflowed.
bool nonzero_mantissa(std::string_view text) {
  bool hex = text.find_first_of("xX") != std::string_view::npos;
  for (char ch : text) {
    if (hex ? (ch == 'p' || ch == 'P') : (ch == 'e' || ch == 'E')) break;
    if (ch >= '1' && ch <= '9') return true;
    if (hex && ((ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F'))) return true;
  }
  return false;
}

template <class Node>
std::optional<double> get_number_of(YamlContext& ctx, const Node& node, std::string_view what, double min, double max) {
  if (!node.IsScalar() || node.Tag() == "!") {
    type_error(ctx, node, what, "a number", "数字");
    return std::nullopt;
  }
  std::string_view text = node.Scalar();
  double v = 0;
  if (!text.empty() && text.size() <= 9 &&
      std::all_of(text.begin(), text.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
    // Most numbers in a profile are small whole ones (an age, years, hours): exact as
    // strtod reads them.
    long n = 0;
    for (char ch : text) n = n * 10 + (ch - '0');
    v = static_cast<double>(n);
  } else {
    // strtod wants the terminating NUL, and a JsonNode's scalar is a view without one.
    const std::string s(text);
    char* end = nullptr;
    v = std::strtod(s.c_str(), &end);
    // Refused: text strtod does not read whole, and numbers it cannot hold, too large
    // (inf) or too small (a non-zero number read as 0 or a denormal, "1e-400").
    bool underflow = (v == 0 || std::fpclassify(v) == FP_SUBNORMAL) && nonzero_mantissa(s);
    if (s.empty() || end != s.c_str() + s.size() || !std::isfinite(v) || underflow) {
      type_error(ctx, node, what, "a number", "数字");
      return std::nullopt;
    }
  }
  if (v < min || v > max) {
    ctx.error(node, T(fmt::format("{} is {}, out of range ({} to {})", what, text, min, max),
                      fmt::format("{} 为 {}，超出范围（{} 至 {}）", what, text, min, max)));
    return std::nullopt;
  }
  return v;
}

template <class Node>
std::optional<int> get_int_of(YamlContext& ctx, const Node& node, std::string_view what, int min, int max) {
  auto v = get_number_of(ctx, node, what, min, max);
  if (!v) return std::nullopt;
  if (*v != std::floor(*v)) {
    type_error(ctx, node, what, "a whole number", "整数");
    return std::nullopt;
  }
  return static_cast<int>(*v);
}

template <class Node>
std::optional<Date> get_date_of(YamlContext& ctx, const Node& node, std::string_view what) {
  if (!node.IsScalar()) {
    type_error(ctx, node, what, "a date (YYYY-MM-DD or YYYY-MM)", "日期（YYYY-MM-DD 或 YYYY-MM）");
    return std::nullopt;
  }
  auto r = parse_date(node.Scalar());
  if (!r.date) {
    ctx.error(node, T(fmt::format("{}: {}", what, r.error), fmt::format("{}：{}", what, r.error_zh)));
    return std::nullopt;
  }
  return r.date;
}

template <class Node>
std::vector<std::string> get_string_list_of(YamlContext& ctx, const Node& node, std::string_view what) {
  std::vector<std::string> out;
  if (is_null(node)) return out;
  if (node.IsScalar()) {
    out.emplace_back(node.Scalar());
    return out;
  }
  if (!node.IsSequence()) {
    type_error(ctx, node, what, "a list", "列表");
    return out;
  }
  out.reserve(node.size());
  for (const auto& item : node) {
    // The item's name is only spelt out for a message.
    if (item.IsScalar())
      out.emplace_back(item.Scalar());
    else
      get_string_of(ctx, item, fmt::format("an item of {}", what));
  }
  return out;
}

}  // namespace

bool check_map(YamlContext& ctx, const YAML::Node& node, std::initializer_list<std::string_view> allowed,
               std::string_view what) {
  return check_map_of(ctx, node, allowed, what);
}
bool check_map(YamlContext& ctx, const JsonNode& node, std::initializer_list<std::string_view> allowed,
               std::string_view what) {
  return check_map_of(ctx, node, allowed, what);
}

std::optional<std::string> get_string(YamlContext& ctx, const YAML::Node& node, std::string_view what) {
  return get_string_of(ctx, node, what);
}
std::optional<std::string> get_string(YamlContext& ctx, const JsonNode& node, std::string_view what) {
  return get_string_of(ctx, node, what);
}

std::optional<double> get_number(YamlContext& ctx, const YAML::Node& node, std::string_view what, double min,
                                 double max) {
  return get_number_of(ctx, node, what, min, max);
}
std::optional<double> get_number(YamlContext& ctx, const JsonNode& node, std::string_view what, double min,
                                 double max) {
  return get_number_of(ctx, node, what, min, max);
}

std::optional<int> get_int(YamlContext& ctx, const YAML::Node& node, std::string_view what, int min, int max) {
  return get_int_of(ctx, node, what, min, max);
}
std::optional<int> get_int(YamlContext& ctx, const JsonNode& node, std::string_view what, int min, int max) {
  return get_int_of(ctx, node, what, min, max);
}

std::optional<Date> get_date(YamlContext& ctx, const YAML::Node& node, std::string_view what) {
  return get_date_of(ctx, node, what);
}
std::optional<Date> get_date(YamlContext& ctx, const JsonNode& node, std::string_view what) {
  return get_date_of(ctx, node, what);
}

std::vector<std::string> get_string_list(YamlContext& ctx, const YAML::Node& node, std::string_view what) {
  return get_string_list_of(ctx, node, what);
}
std::vector<std::string> get_string_list(YamlContext& ctx, const JsonNode& node, std::string_view what) {
  return get_string_list_of(ctx, node, what);
}

std::optional<bool> get_bool(YamlContext& ctx, const YAML::Node& node, std::string_view what) {
  if (node.IsScalar() && node.Tag() != "!") {
    const auto& s = node.Scalar();
    if (s == "true") return true;
    if (s == "false") return false;
  }
  type_error(ctx, node, what, "true or false", "true 或 false");
  return std::nullopt;
}

std::optional<Text> get_text(YamlContext& ctx, const YAML::Node& node, std::string_view what) {
  if (node.IsScalar()) {
    // A single string serves both languages (names like "PyTorch").
    return Text{node.Scalar(), node.Scalar()};
  }
  if (!check_map(ctx, node, {"zh", "en"}, what)) return std::nullopt;
  Text t;
  bool ok = true;
  for (auto [key, dest] : {std::pair{"zh", &t.zh}, std::pair{"en", &t.en}}) {
    auto v = node[key];
    // `{en: ...}` alone is a text the source has only in English: zh stays empty
    // (shown as English, marked), never a copy of the English.
    if (!v.IsDefined() && std::string_view(key) == "zh" && node["en"].IsDefined()) continue;
    if (!v.IsDefined()) {
      ctx.error(node, T(fmt::format("{} lacks its '{}' text", what, key), fmt::format("{} 缺少“{}”文本", what, key)));
      ok = false;
    } else if (auto s = get_string(ctx, v, fmt::format("{}.{}", what, key))) {
      *dest = *s;
    } else {
      ok = false;
    }
  }
  return ok ? std::optional<Text>(t) : std::nullopt;
}

std::vector<std::string> get_sources(YamlContext& ctx, const YAML::Node& map) {
  std::vector<std::string> out;
  if (map["source"].IsDefined()) out = get_string_list(ctx, map["source"], "source");
  if (map["sources"].IsDefined()) {
    auto more = get_string_list(ctx, map["sources"], "sources");
    out.insert(out.end(), more.begin(), more.end());
  }
  return out;
}

}  // namespace advisor
