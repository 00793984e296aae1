// Fuzzes the escaping of untrusted text (docs/limits.md, "Terminal injection") with
// its invariants: in the terminal style no control character survives but newline
// and tab (nor a bidi, zero-width or separator format control), and the result is
// valid UTF-8; in the one-line style not even those; a
// DOT label has no raw newline and no '"' that would end it; a Mermaid label has
// no '"', '<', '>', '`' or newline but its "<br/>" line breaks; HTML text (the report) has
// no '<', '>', '"' or '\'' and every '&' starts one of the five entities it writes; and
// text without control characters passes the terminal style unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "advisor/text.hpp"

#include "fuzz_common.hpp"

using namespace advisor;

namespace {

using advisor::fuzz::require;

bool no_controls(std::string_view s, bool allow_newline_tab) {
  if (!is_valid_utf8(s)) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b == '\n' || b == '\t') {
      if (!allow_newline_tab) return false;
      continue;
    }
    if (b < 0x20 || b == 0x7F) return false;
    if (b == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xA0) return false;
    if ((b & 0xF0) == 0xE0 && i + 2 < s.size()) {  // the format controls of issue 32 (bidi, zero-width, U+2028)
      unsigned cp = ((b & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
                    (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
      if ((cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
          cp == 0xFEFF)
        return false;
    }
  }
  return true;
}

// Every '"' in a DOT string is escaped: preceded by an odd run of backslashes.
bool dot_quotes_escaped(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '"') continue;
    size_t run = 0;
    while (run < i && s[i - 1 - run] == '\\') ++run;
    if (run % 2 == 0) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto terminal = escape_controls(text, EscapeStyle::terminal);
  require(no_controls(terminal, true), "terminal style leaves no control character and valid UTF-8");
  require(!has_controls(terminal), "has_controls agrees: nothing left to escape");
  require(has_controls(text) == (terminal != text), "has_controls says whether escaping changes the text");
  require(no_controls(escape_controls(text, EscapeStyle::line), false), "line style leaves no control at all");
  auto dot = escape_controls(text, EscapeStyle::dot);
  require(no_controls(dot, true) && dot.find('\n') == std::string::npos, "a DOT label has no raw newline or control");
  require(dot_quotes_escaped(dot), "every quote in a DOT label is escaped");
  require(!dot_quotes_escaped(dot + "\""), "a DOT label cannot escape its closing quote");
  auto mermaid = escape_controls(text, EscapeStyle::mermaid);
  require(no_controls(mermaid, true), "a Mermaid label has no control character");
  // The one markup it writes is the line break "<br/>".
  for (size_t at; (at = mermaid.find("<br/>")) != std::string::npos;) mermaid.replace(at, 5, " ");
  require(mermaid.find_first_of("\"<>`\n") == std::string::npos,
          "a Mermaid label has no quote, bracket, backtick or newline");
  auto html = escape_controls(text, EscapeStyle::html);
  require(no_controls(html, true), "HTML text has no control character");
  require(html.find_first_of("<>\"'") == std::string::npos, "HTML text has no bracket or quote");
  for (size_t at = html.find('&'); at != std::string::npos; at = html.find('&', at + 1)) {
    std::string_view rest = std::string_view(html).substr(at);
    require(rest.rfind("&amp;", 0) == 0 || rest.rfind("&lt;", 0) == 0 || rest.rfind("&gt;", 0) == 0 ||
                rest.rfind("&quot;", 0) == 0 || rest.rfind("&#39;", 0) == 0,
            "every & in HTML text starts an entity");
  }
  return 0;
}
