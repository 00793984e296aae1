// Display width, padding and wrapping of mixed CJK / Latin / emoji text: what keeps
// tables aligned in a terminal.
#include <catch2/catch.hpp>

#include "advisor/text.hpp"

using advisor::display_width;
using advisor::pad_right;
using advisor::wrap_text;

namespace {
bool valid_utf8_lines(const std::vector<std::string>& lines) {
  for (const auto& l : lines)
    if (!advisor::is_valid_utf8(l)) return false;
  return true;
}
std::string joined(const std::vector<std::string>& lines) {
  std::string s;
  for (const auto& l : lines) s += l;
  return s;
}
}  // namespace

TEST_CASE("display width counts CJK characters as two columns and ASCII as one", "[terminal]") {
  CHECK(display_width("") == 0);
  CHECK(display_width("abc") == 3);
  CHECK(display_width("岗位") == 4);
  CHECK(display_width("AIGC应用工程师") == 4 + 2 * 5);
  CHECK(display_width("（NLP）") == 2 + 3 + 2);  // full-width brackets are wide
}

TEST_CASE("display width counts an emoji as two columns and a combining accent as none", "[terminal]") {
  CHECK(display_width("🚀") == 2);
  CHECK(display_width("AI 🚀 ok") == 2 + 1 + 2 + 1 + 2);
  CHECK(display_width("e\xCC\x81") == 1);  // e + U+0301 COMBINING ACUTE ACCENT
}

TEST_CASE("pad right fills to a display width, not a byte count", "[terminal]") {
  CHECK(pad_right("岗位", 6) == "岗位  ");
  CHECK(display_width(pad_right("岗位", 6)) == 6);
  CHECK(pad_right("ab", 4) == "ab  ");
  CHECK(pad_right("🚀x", 5) == "🚀x  ");
  CHECK(pad_right("too wide", 3) == "too wide");  // never cut
}

TEST_CASE("wrap text breaks English at spaces within the width", "[terminal]") {
  auto lines = wrap_text("Natural language processing (NLP) engineer", 20);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "Natural language");
  CHECK(lines[1] == "processing (NLP)");
  CHECK(lines[2] == "engineer");
}

TEST_CASE("wrap text breaks Chinese between characters, never inside one", "[terminal]") {
  std::string text = "自然语言处理工程师负责文本理解与生成";  // 18 characters, 36 columns
  auto lines = wrap_text(text, 9);
  REQUIRE(valid_utf8_lines(lines));
  CHECK(joined(lines) == text);
  for (const auto& l : lines) CHECK(display_width(l) <= 9);
  CHECK(display_width(lines[0]) == 8);  // a fifth wide character would make 10
}

TEST_CASE("wrap text keeps mixed Chinese, Latin and emoji lines within the width", "[terminal]") {
  std::string text = "掌握 Python 与 PyTorch 🚀 能独立完成 AIGC 应用的开发和部署";
  for (int width : {8, 10, 13, 20, 31}) {
    auto lines = wrap_text(text, width);
    REQUIRE(valid_utf8_lines(lines));
    for (const auto& l : lines) CHECK(display_width(l) <= width);
    std::string all = joined(lines);
    CHECK(all.find("Python") != std::string::npos);  // short words are not split
    CHECK(all.find("🚀") != std::string::npos);
  }
}

TEST_CASE("wrap text splits a word longer than the width at a character boundary", "[terminal]") {
  auto lines = wrap_text("aigc-application-engineer/junior", 10);
  REQUIRE(lines.size() == 4);
  for (const auto& l : lines) CHECK(display_width(l) <= 10);
  CHECK(joined(lines) == "aigc-application-engineer/junior");
}

TEST_CASE("wrap text keeps explicit line breaks and gives one empty line for empty text", "[terminal]") {
  CHECK(wrap_text("a\nb", 10) == std::vector<std::string>{"a", "b"});
  CHECK(wrap_text("", 10) == std::vector<std::string>{""});
}
