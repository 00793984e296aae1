// The brief documents (`--brief`, docs/json.md "Brief forms"): what a script acts on
// — ids, statuses, dates and scores — and nothing it would have to skip: no names,
// reasons, traces or claims. A script that wants words asks for the full form.
#include <cstdint>
#include <cstring>

#include "advisor/byte_scan.hpp"
#include "to_json.hpp"

namespace advisor::cli {

namespace {

/// YYYY-MM-DD, as Date::str() writes it, without fmt: a brief check line holds up to
/// three dates per level, and formatting them was a twentieth of its time.
std::string_view date_text(Date d, char (&buf)[10]) {
  if (d.year < 0 || d.year > 9999 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) return {};
  auto two = [&](int at, int v) {
    buf[at] = static_cast<char>('0' + v / 10);
    buf[at + 1] = static_cast<char>('0' + v % 10);
  };
  two(0, d.year / 100);
  two(2, d.year % 100);
  buf[4] = '-';
  two(5, d.month);
  buf[7] = '-';
  two(8, d.day);
  return {buf, 10};
}

void date_value(JsonWriter& w, Date d) {
  char buf[10];
  auto text = date_text(d, buf);
  if (text.empty())
    w.value(d.str());  // outside what the fast form covers: the general one
  else
    w.value(text);
}

void date_or_null(JsonWriter& w, const std::optional<Date>& d) {
  if (d)
    date_value(w, *d);
  else
    w.null();
}

void string_or_null(JsonWriter& w, const std::optional<std::string>& s) {
  if (s)
    w.value(*s);
  else
    w.null();
}

/// Every brief document opens with the contract's version and the evaluation date.
void open_document(JsonWriter& w, Date as_of) {
  w.begin_object().key("schema_version").value(k_schema_version).key("as_of");
  date_value(w, as_of);
}

// The brief items below are written compact in one go: the same bytes as the
// writer's in a compact writer, with the member names as constants so only the
// values go through the escaper (batch writes some hundred thousand a second).
// Each member is its prefix (`{"name":` for the first, `,"name":` after) and value.

/// One brief item, built in a buffer and appended to the line once. A value with
/// nothing to escape (ids, dates, scores, null: nearly every one) is copied as it is,
/// eight bytes a step; one that needs escaping, or more room, sends the item on the
/// general way from there (the writer's escaper), so the bytes are the same.
class Item {
 public:
  explicit Item(std::string& out) : m_out(out) {}
  Item(const Item&) = delete;
  Item& operator=(const Item&) = delete;
  ~Item() {
    if (!m_spilled) m_out.append(m_buf, m_n);
  }

  /// Text as it is: a member's prefix, null, a number, the closing brace.
  void raw(std::string_view s) {
    if (!m_spilled && m_n + s.size() <= k_room) {
      std::memcpy(m_buf + m_n, s.data(), s.size());
      m_n += s.size();
      return;
    }
    spill();
    m_out += s;
  }

  /// Constant text (a member's prefix, null, the closing brace): a copy of known size.
  template <size_t N>
  void lit(const char (&s)[N]) {
    if (!m_spilled && m_n + (N - 1) <= k_room) {
      std::memcpy(m_buf + m_n, s, N - 1);
      m_n += N - 1;
      return;
    }
    raw(std::string_view(s, N - 1));
  }

  /// A JSON string.
  void quoted(std::string_view s) {
    if (!m_spilled && m_n + s.size() + 2 <= k_room && copy_plain(s)) return;
    spill();
    append_json_string(m_out, s);
  }

 private:
  static constexpr size_t k_room = 256;

  bool copy_plain(std::string_view s) {
    char* out = m_buf + m_n + 1;
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      std::uint64_t w = bytes::word_at(s, i);
      if (bytes::word_needs_care(w)) return false;
      std::memcpy(out + i, &w, 8);
    }
    for (; i < s.size(); ++i) {
      if (!bytes::k_plain[static_cast<unsigned char>(s[i])]) return false;
      out[i] = s[i];
    }
    m_buf[m_n] = '"';
    out[s.size()] = '"';
    m_n += s.size() + 2;
    return true;
  }

  void spill() {
    if (m_spilled) return;
    m_out.append(m_buf, m_n);
    m_spilled = true;
  }

  std::string& m_out;
  char m_buf[k_room];
  size_t m_n = 0;
  bool m_spilled = false;
};

template <size_t N>
void put(Item& out, const char (&prefix)[N], std::string_view value) {
  out.lit(prefix);
  out.quoted(value);
}

/// A string member, or null when `value` is null.
template <size_t N>
void put_or_null(Item& out, const char (&prefix)[N], const std::string* value) {
  out.lit(prefix);
  if (value)
    out.quoted(*value);
  else
    out.lit("null");
}

template <size_t N>
void put_date(Item& out, const char (&prefix)[N], const std::optional<Date>& value) {
  out.lit(prefix);
  if (!value) {
    out.lit("null");
    return;
  }
  char buf[10];
  if (auto text = date_text(*value, buf); !text.empty())
    out.quoted(text);
  else
    out.quoted(value->str());  // outside what the fast form covers: the general one
}

template <size_t N>
void put_score(Item& out, const char (&prefix)[N], double score) {
  out.lit(prefix);
  double d = rounded_score(score);
  if (d > 0 && d < 1) {  // as append_json_number writes it
    char buf[6];
    out.raw(json_score_text(d, buf));
    return;
  }
  std::string number;
  append_json_number(number, d);
  out.raw(number);
}

/// One result of the brief check.
void append_level_brief(std::string& line, const LevelResult& r) {
  Item out(line);
  put(out, R"({"certificate":)", r.certificate->id);
  put(out, R"(,"level":)", r.level->id);
  put(out, R"(,"status":)", outcome_id(r.status));
  put_date(out, R"(,"earliest_date":)", r.earliest_date);
  put_or_null(out, R"(,"next_sitting":)", r.next_sitting ? &*r.next_sitting : nullptr);
  out.lit("}");
}

/// The brief recommend's items.
void append_role_brief(std::string& line, const RoleMatch& m) {
  Item out(line);
  put(out, R"({"id":)", m.role->id);
  put_score(out, R"(,"score":)", m.score);
  out.lit("}");
}

void append_certificate_brief(std::string& line, const CertificateSuggestion& s) {
  Item out(line);
  put(out, R"({"id":)", s.certificate->id);
  put(out, R"(,"level":)", s.suggested.level->id);
  put(out, R"(,"status":)", outcome_id(s.suggested.status));
  put_score(out, R"(,"score":)", s.score);
  out.lit("}");
}

void append_action_brief(std::string& line, const NextAction& a) {
  Item out(line);
  put(out, R"({"kind":)", a.kind);
  put(out, R"(,"id":)", a.id);
  put_or_null(out, R"(,"level":)", a.level.empty() ? nullptr : &a.level);
  put_date(out, R"(,"date":)", a.date);
  out.lit("}");
}

void write_level_brief(JsonWriter& w, const LevelResult& r) {
  w.begin_object().key("certificate").value(r.certificate->id).key("level").value(r.level->id);
  w.key("status").value(outcome_id(r.status)).key("earliest_date");
  date_or_null(w, r.earliest_date);
  w.key("next_sitting");
  string_or_null(w, r.next_sitting);
  w.end_object();
}

}  // namespace

void write_check_brief(JsonWriter& w, const std::vector<LevelResult>& results, Date as_of) {
  open_document(w, as_of);
  w.key("results").begin_array();
  for (const auto& r : results) {
    if (w.compact())
      append_level_brief(w.raw_value(), r);
    else
      write_level_brief(w, r);
  }
  w.end_array().end_object();
}

void write_next_action_ids(JsonWriter& w, const NextAction& a) {
  w.key("kind").value(a.kind).key("id").value(a.id).key("level");
  if (a.level.empty())
    w.null();
  else
    w.value(a.level);
  w.key("date");
  date_or_null(w, a.date);
}

void write_recommend_brief(JsonWriter& w, const Recommendation& r, size_t top) {
  open_document(w, r.as_of);
  w.key("roles").begin_array();
  for (size_t i = 0; i < r.roles.size() && (top == 0 || i < top); ++i) {
    if (w.compact()) {
      append_role_brief(w.raw_value(), r.roles[i]);
      continue;
    }
    w.begin_object().key("id").value(r.roles[i].role->id).key("score").value(rounded_score(r.roles[i].score));
    w.end_object();
  }
  w.end_array().key("certificates").begin_array();
  for (const auto& s : r.certificates) {
    if (s.below_floor) continue;  // as in the full document without --all-certificates
    if (w.compact()) {
      append_certificate_brief(w.raw_value(), s);
      continue;
    }
    w.begin_object().key("id").value(s.certificate->id).key("level").value(s.suggested.level->id);
    w.key("status").value(outcome_id(s.suggested.status)).key("score").value(rounded_score(s.score)).end_object();
  }
  w.end_array().key("next_actions").begin_array();
  for (const auto& a : r.next_actions) {
    if (w.compact()) {
      append_action_brief(w.raw_value(), a);
      continue;
    }
    w.begin_object();
    write_next_action_ids(w, a);
    w.end_object();
  }
  w.end_array().end_object();
}

void write_gap_brief(JsonWriter& w, const Role& role, const RoleMatch& m, Date as_of) {
  open_document(w, as_of);
  w.key("role").value(role.id).key("score").value(rounded_score(m.score));
  // Essential first, as in the full document; each list in the full document's order.
  for (bool essential : {true, false}) {
    w.key(essential ? "missing_essential" : "missing_optional").begin_array();
    for (size_t i = 0; i < m.missing.size(); ++i)
      if (static_cast<bool>(m.missing_essential[i]) == essential) w.value(m.missing[i]);
    w.end_array();
  }
  w.end_object();
}

void write_plan_brief(JsonWriter& w, const Plan& plan) {
  open_document(w, plan.as_of);
  w.key("target").value(plan.target->id).key("steps").begin_array();
  for (const auto& s : plan.steps) {
    w.begin_object().key("kind").value(s.kind).key("id").value(s.id).key("level");
    if (s.kind == "certificate")
      w.value(s.level);
    else
      w.null();
    w.key("earliest_date");
    date_or_null(w, s.earliest_date);
    w.end_object();
  }
  w.end_array().end_object();
}

}  // namespace advisor::cli
