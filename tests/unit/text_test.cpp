// Text keys, "did you mean", terminal widths, and untrusted text escaped for the
// terminal, DOT and Mermaid.
#include <catch2/catch.hpp>

#include "support.hpp"

#include <cstdio>
#include <string>

#include "advisor/text.hpp"

using advisor::closest_match;
using advisor::display_width;
using advisor::edit_distance;
using advisor::escape_controls;
using advisor::EscapeStyle;
using advisor::has_controls;
using advisor::normalize_key;
using advisor::testing::k_lri;
using advisor::testing::k_ls;
using advisor::testing::k_ps;
using advisor::testing::k_rlo;

TEST_CASE("full-width letters in mixed case normalise to the plain lowercase key", "[core][text]") {
  CHECK(normalize_key("ＰｙＴｏｒｃｈ") == "pytorch");
  CHECK(normalize_key("PyTorch") == "pytorch");
  CHECK(normalize_key("ＰＹＴＨＯＮ３") == "python3");
}

TEST_CASE("case folding goes beyond ASCII", "[core][text]") {
  // NFKC + case folding: German sharp s folds to "ss", Greek capitals fold too.
  CHECK(normalize_key("STRASSE") == normalize_key("straße"));
  CHECK(normalize_key("ΣΟΦΙΑ") == normalize_key("σοφια"));
}

TEST_CASE("spaces, hyphens and underscores meet as one space", "[core][text]") {
  CHECK(normalize_key("Power BI") == "power bi");
  CHECK(normalize_key("power-bi") == "power bi");
  CHECK(normalize_key("power_bi") == "power bi");
  CHECK(normalize_key("  Power \t -- BI  ") == "power bi");
  CHECK(normalize_key("deep-learning-frameworks") == "deep learning frameworks");
}

TEST_CASE("full-width space and CJK text survive normalisation", "[core][text]") {
  CHECK(normalize_key("机器学习") == "机器学习");
  CHECK(normalize_key("AI　工具") == "ai 工具");  // U+3000 ideographic space
  CHECK(normalize_key("ＡＩ工具") == "ai工具");
}

TEST_CASE("invalid UTF-8 yields an empty key", "[core][text]") {
  CHECK(normalize_key(std::string("py\xff"
                                  "torch")) == "");
  CHECK_FALSE(advisor::is_valid_utf8(std::string("\xc3\x28")));
  CHECK(advisor::is_valid_utf8("机器学习"));
}

TEST_CASE("an adjacent transposition is one edit", "[core][text]") {
  CHECK(edit_distance("pytroch", "pytorch") == 1);
  CHECK(edit_distance("pytorch", "pytorch") == 0);
  CHECK(edit_distance("pytorch", "pytorc") == 1);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("", "abc") == 3);
}

TEST_CASE("edit distance counts code points, not bytes", "[core][text]") {
  CHECK(edit_distance("机器学习", "机器学") == 1);
  CHECK(edit_distance("机器学习", "深度学习") == 2);
}

TEST_CASE("closest_match finds a transposed skill id", "[core][text]") {
  std::vector<std::string> ids{"python", "pytorch", "tensorflow", "deep-learning"};
  CHECK(closest_match("pytroch", ids) == "pytorch");
  CHECK(closest_match("PyTroch", ids) == "pytorch");
  CHECK(closest_match("tensorflw", ids) == "tensorflow");
}

TEST_CASE("closest_match gives nothing when no candidate is close", "[core][text]") {
  std::vector<std::string> ids{"python", "pytorch", "tensorflow"};
  CHECK(closest_match("cooking", ids) == "");
  CHECK(closest_match("xyz", ids) == "");
  CHECK(closest_match("pytorch", {}) == "");
}

TEST_CASE("closest_match does not offer a word that shares less than half the text", "[core][text]") {
  // Archaeology is not a misspelling of communication studies.
  CHECK(closest_match("考古学", {"传播学", "统计学"}) == "");
  CHECK(closest_match("数据分折", {"数据分析"}) == "数据分析");
  CHECK(closest_match("ab", {"xy", "ax"}) == "ax");
}

TEST_CASE("closest_match breaks ties by the smaller candidate", "[core][text]") {
  CHECK(closest_match("cat", {"cot", "cut", "bat"}) == "bat");
}

TEST_CASE("CJK characters take two columns, ASCII one", "[core][text]") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("机器学习") == 8);
  CHECK(display_width("AI工具") == 6);
  CHECK(display_width("ＰｙＴｏｒｃｈ") == 14);
  CHECK(display_width("") == 0);
}

TEST_CASE("pad_right pads to a display width, counting CJK as two", "[core][text]") {
  CHECK(advisor::pad_right("ab", 5) == "ab   ");
  CHECK(advisor::pad_right("学习", 5) == "学习 ");
  CHECK(advisor::pad_right("toolong", 3) == "toolong");
}

TEST_CASE("wrap_text breaks at spaces and between CJK characters", "[core][text]") {
  CHECK(advisor::wrap_text("one two three four", 9) == std::vector<std::string>{"one two", "three", "four"});
  CHECK(advisor::wrap_text("机器学习深度学习", 8) == std::vector<std::string>{"机器学习", "深度学习"});
  for (const auto& line : advisor::wrap_text("数据分析 data analysis 与可视化 visualisation", 10))
    CHECK(display_width(line) <= 10);
}

TEST_CASE("lower_first lowers a capital word but leaves acronyms and CJK alone", "[core][text]") {
  CHECK(advisor::lower_first("Management") == "management");
  CHECK(advisor::lower_first("AI") == "AI");
  CHECK(advisor::lower_first("AIGC (generative AI) applications") == "AIGC (generative AI) applications");
  CHECK(advisor::lower_first("IT") == "IT");
  CHECK(advisor::lower_first("管理") == "管理");
}

TEST_CASE("utf8_sequence_length follows Unicode's table of well-formed sequences", "[text]") {
  using advisor::utf8_sequence_length;
  CHECK(utf8_sequence_length("a", 0) == 1);
  CHECK(utf8_sequence_length("é", 0) == 2);
  CHECK(utf8_sequence_length("中", 0) == 3);
  CHECK(utf8_sequence_length("😀", 0) == 4);
  CHECK(utf8_sequence_length("\xF4\x8F\xBF\xBF", 0) == 4);  // U+10FFFF
  for (std::string bad : {"\xC0\xAF", "\xC1\xBF", "\xE0\x9F\xBF", "\xED\xA0\x80", "\xF0\x8F\xBF\xBF",
                          "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\x80", "\xE4\xB8", "\xFF"}) {
    INFO(bad.size());
    CHECK(utf8_sequence_length(bad, 0) == 0);
    CHECK_FALSE(advisor::is_valid_utf8(bad));
  }
  CHECK(utf8_sequence_length("ab", 2) == 0);  // past the end
}

TEST_CASE("control characters are escaped for the terminal, DOT and Mermaid", "[hostile][escape]") {
  CHECK(escape_controls("a\x1b[2Jb\x07\r\tc\n") == "a\\x1b[2Jb\\x07\\x0d\tc\n");
  CHECK(escape_controls("x\xC2\x9B"
                        "2J\x7F") == "x\\u009b2J\\u007f");
  CHECK(escape_controls("bad \xFF byte") == "bad \\xff byte");
  CHECK(escape_controls("数据\n", EscapeStyle::line) == "数据\\x0a");
  CHECK(escape_controls("say \"hi\"\\\n\x1b", EscapeStyle::dot) == "say \\\"hi\\\"\\\\\\n\\\\x1b");
  CHECK(escape_controls("<b>\"#&`\n\x1b", EscapeStyle::mermaid) == "#lt;b#gt;#quot;#35;#amp;#96;<br/>\\x1b");
  CHECK_FALSE(has_controls("plain 中文\n\t"));
  CHECK(has_controls("\x1b"));
}

TEST_CASE("bidi and zero-width format controls are escaped for the terminal", "[hostile][escape]") {
  CHECK(escape_controls("evil" + k_rlo + "gnp.exe") == "evil\\u202egnp.exe");
  CHECK(escape_controls(k_lri + "x" + "\xe2\x81\xa9") == "\\u2066x\\u2069");
  CHECK(escape_controls("a\xe2\x80\x8b"
                        "b\xef\xbb\xbf"
                        "c") == "a\\u200bb\\ufeffc");
  CHECK(escape_controls("l" + k_ls + "p" + k_ps) == "l\\u2028p\\u2029");
  // Every one of them, in every style; their neighbours are left alone.
  for (unsigned cp : {0x200Bu, 0x200Cu, 0x200Du, 0x200Eu, 0x200Fu, 0x2028u, 0x2029u, 0x202Au, 0x202Bu, 0x202Cu, 0x202Du,
                      0x202Eu, 0x2066u, 0x2067u, 0x2068u, 0x2069u, 0xFEFFu}) {
    std::string c{static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                  static_cast<char>(0x80 | (cp & 0x3F))};
    INFO(std::hex << cp);
    CHECK(has_controls(c));
    char want[8];
    std::snprintf(want, sizeof want, "\\u%04x", cp);
    CHECK(escape_controls(c) == want);
    CHECK(escape_controls(c, EscapeStyle::line) == want);
    CHECK(escape_controls(c, EscapeStyle::mermaid) == want);
    CHECK(escape_controls(c, EscapeStyle::dot) == "\\" + std::string(want));
  }
  for (const char* fine : {"\xe2\x80\x8a", "\xe2\x80\x90", "\xe2\x80\xa7", "\xe2\x80\xaf", "\xe2\x81\xa5",
                           "\xe2\x81\xaa", "\xef\xbb\xbe", "\xef\xbc\xa1", "中文", "😀"}) {
    CHECK_FALSE(has_controls(fine));
    CHECK(escape_controls(fine) == fine);
  }
}
