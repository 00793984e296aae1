// Strict JSON for *.json profiles and batch lines: see json_check.hpp.
#include "json_check.hpp"

#include <fmt/format.h>
#include <vector>

#include "advisor/util/bilingual.hpp"

namespace advisor {

namespace {

class StrictJson {
 public:
  StrictJson(std::string_view s, int max_depth) : m_s(s), m_max_depth(max_depth) {}

  std::optional<JsonProblem> run(std::string& yaml) {
    if (m_s.substr(0, 3) == "\xEF\xBB\xBF") m_i = 3;
    if (!value(0)) return m_problem;
    blanks();
    if (m_i < m_s.size()) return fail("unexpected text after the JSON value", "JSON 值之后有多余内容");
    if (!m_pairs.empty()) yaml = rewrite();
    return std::nullopt;
  }

 private:
  bool fail_at(size_t at, std::string en, std::string zh) {
    if (m_problem) return false;
    JsonProblem p;
    p.line = 1;
    // Columns count characters after a byte order mark, as the other readers do.
    size_t line_start = m_s.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    for (size_t k = 0; k < at && k < m_s.size(); ++k)
      if (m_s[k] == '\n') ++p.line, line_start = k + 1;
    p.column = 1;
    for (size_t k = line_start; k < at && k < m_s.size(); ++k)
      if ((static_cast<unsigned char>(m_s[k]) & 0xC0) != 0x80) ++p.column;
    p.message = util::T("JSON: " + en, "JSON：" + zh);
    m_problem = p;
    return false;
  }
  std::optional<JsonProblem> fail(std::string en, std::string zh) {
    fail_at(m_i, std::move(en), std::move(zh));
    return m_problem;
  }
  bool bad(std::string en, std::string zh) { return fail_at(m_i, std::move(en), std::move(zh)); }

  void blanks() {
    while (m_i < m_s.size() && (m_s[m_i] == ' ' || m_s[m_i] == '\t' || m_s[m_i] == '\n' || m_s[m_i] == '\r')) ++m_i;
  }

  bool value(int depth) {
    blanks();
    if (m_i >= m_s.size()) return bad("the text ends where a value should be", "文本在应有值的地方结束");
    char c = m_s[m_i];
    if (c == '{' || c == '[') {
      if (depth >= m_max_depth)
        return bad(fmt::format("nesting deeper than {} levels", m_max_depth),
                   fmt::format("嵌套超过 {} 层", m_max_depth));
      return c == '{' ? object(depth) : array(depth);
    }
    if (c == '"') return string();
    if (c == '-' || (c >= '0' && c <= '9')) return number();
    for (std::string_view word : {"true", "false", "null"})
      if (m_s.substr(m_i, word.size()) == word) {
        m_i += word.size();
        return true;
      }
    if (c == ']' || c == '}')
      return bad(fmt::format("'{}' where a value should be: a trailing comma?", c),
                 fmt::format("应为值的地方出现了“{}”：是否多了一个逗号？", c));
    return bad("a value must be an object, a list, a \"string\", a number, true, false or null",
               "值应为对象、列表、\"字符串\"、数字、true、false 或 null");
  }

  bool object(int depth) {
    ++m_i;
    blanks();
    if (m_i < m_s.size() && m_s[m_i] == '}') return ++m_i, true;
    for (;;) {
      blanks();
      if (m_i >= m_s.size() || m_s[m_i] != '"')
        return m_i < m_s.size() && m_s[m_i] == '}'
                   ? bad("a comma before '}': JSON allows no trailing comma", "“}”之前有逗号：JSON 不允许末尾逗号")
                   : bad("expected a \"key\" in double quotes", "此处应为双引号括起的\"键\"");
      if (!string()) return false;
      blanks();
      if (m_i >= m_s.size() || m_s[m_i] != ':') return bad("expected ':' after the key", "键之后应为“:”");
      ++m_i;
      if (!value(depth + 1)) return false;
      if (!next('}')) return m_problem ? false : true;
    }
  }

  bool array(int depth) {
    ++m_i;
    blanks();
    if (m_i < m_s.size() && m_s[m_i] == ']') return ++m_i, true;
    for (;;) {
      if (!value(depth + 1)) return false;
      if (!next(']')) return m_problem ? false : true;
    }
  }

  // After an item: ',' (true: another item follows) or the closing bracket (false).
  bool next(char close) {
    blanks();
    if (m_i < m_s.size() && m_s[m_i] == ',') return ++m_i, true;
    if (m_i < m_s.size() && m_s[m_i] == close) return ++m_i, false;
    return bad(fmt::format("expected ',' or '{}'", close), fmt::format("此处应为“,”或“{}”", close));
  }

  bool string() {
    size_t open = m_i++;
    while (m_i < m_s.size()) {
      auto b = static_cast<unsigned char>(m_s[m_i]);
      if (b == '"') return ++m_i, true;
      if (b == '\n' || b == '\r')
        return fail_at(open, "a string is not closed on its line: it runs to the end of the line",
                       "字符串没有在本行闭合：一直延续到行尾");
      if (b < 0x20)
        return bad(fmt::format("a control character (0x{:02X}) in a string: write it as an escape", b),
                   fmt::format("字符串中有控制字符（0x{:02X}）：请写成转义", b));
      if (b == '\\' && !escape()) return false;
      if (b != '\\') ++m_i;
    }
    return fail_at(open, "a string is never closed: it runs to the end of the text",
                   "字符串没有闭合：一直延续到文本末尾");
  }

  bool escape() {
    size_t at = m_i++;
    if (m_i >= m_s.size()) return bad("a string is never closed", "字符串没有闭合");
    char e = m_s[m_i++];
    if (std::string_view("\"\\/bfnrt").find(e) != std::string_view::npos) return true;
    if (e != 'u')
      return fail_at(at, fmt::format("'\\{}' is not a JSON escape", e), fmt::format("“\\{}”不是 JSON 转义", e));
    auto hi = hex4();
    if (!hi) return fail_at(at, "'\\u' needs four hex digits", "“\\u”之后应有四位十六进制数字");
    if (*hi < 0xD800 || *hi > 0xDFFF) return true;
    std::optional<unsigned> lo;
    if (*hi <= 0xDBFF && m_s.substr(m_i, 2) == "\\u") {
      m_i += 2;
      lo = hex4();
    }
    if (!lo || *lo < 0xDC00 || *lo > 0xDFFF)
      return fail_at(at, fmt::format("'\\u{:04x}' is half of a UTF-16 surrogate pair, without its other half", *hi),
                     fmt::format("“\\u{:04x}”是 UTF-16 代理对的一半，缺少另一半", *hi));
    m_pairs.push_back({at, 0x10000 + ((*hi - 0xD800) << 10) + (*lo - 0xDC00)});
    return true;
  }

  std::optional<unsigned> hex4() {
    if (m_i + 4 > m_s.size()) return std::nullopt;
    unsigned v = 0;
    for (int k = 0; k < 4; ++k) {
      char c = m_s[m_i + static_cast<size_t>(k)];
      int d = c >= '0' && c <= '9'   ? c - '0'
              : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                     : -1;
      if (d < 0) return std::nullopt;
      v = v * 16 + static_cast<unsigned>(d);
    }
    m_i += 4;
    return v;
  }

  bool number() {
    auto digits = [&] {
      size_t from = m_i;
      while (m_i < m_s.size() && m_s[m_i] >= '0' && m_s[m_i] <= '9') ++m_i;
      return m_i - from;
    };
    if (m_s[m_i] == '-') ++m_i;
    size_t start = m_i;
    size_t n = digits();
    if (n == 0) return bad("a number needs digits", "数字应有数位");
    if (n > 1 && m_s[start] == '0') return fail_at(start, "a number cannot start with 0", "数字不能以 0 开头");
    if (m_i < m_s.size() && m_s[m_i] == '.' && (++m_i, digits() == 0))
      return bad("digits must follow '.'", "“.”之后应有数位");
    if (m_i < m_s.size() && (m_s[m_i] == 'e' || m_s[m_i] == 'E')) {
      ++m_i;
      if (m_i < m_s.size() && (m_s[m_i] == '+' || m_s[m_i] == '-')) ++m_i;
      if (digits() == 0) return bad("digits must follow the exponent", "指数之后应有数位");
    }
    return true;
  }

  // The text with each surrogate pair escape ("\ud83d\ude00", 12 characters) as
  // YAML's "\U0001F600".
  std::string rewrite() const {
    std::string out;
    size_t from = 0;
    for (const auto& [at, cp] : m_pairs) {
      out.append(m_s, from, at - from);
      out += fmt::format("\\U{:08X}", cp);
      from = at + 12;
    }
    out.append(m_s, from, std::string_view::npos);
    return out;
  }

  std::string_view m_s;
  int m_max_depth;
  size_t m_i = 0;
  std::optional<JsonProblem> m_problem;
  std::vector<std::pair<size_t, unsigned>> m_pairs;
};

}  // namespace

std::optional<JsonProblem> check_json(std::string_view text, int max_depth, std::string& yaml) {
  return StrictJson(text, max_depth).run(yaml);
}

}  // namespace advisor
