// The fast paths of `advisor batch` (docs/performance.md) must change nothing but
// the time: each is checked here against the slow path it stands in for, on
// generated inputs including the awkward ones.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>

#include "advisor/byte_scan.hpp"
#include "advisor/json_writer.hpp"
#include "advisor/text.hpp"
#include "support.hpp"
#include "yaml_reader.hpp"

using namespace advisor;
using Doc = nlohmann::ordered_json;

namespace {

const std::vector<std::string> k_pieces = {
    "a",
    "Z",
    " ",
    "data",
    "中文",
    "é",
    "😀",
    "\"",
    "\\",
    "/",
    "\x01",
    "\x1f",
    "\x7f",
    "\n",
    "\t",
    "\r",
    "\b",
    "\f",
    "\xff",
    "\xc3",
    "\xed\xa0\x80",
    "\xc0\xaf",
    "\xf4\x90\x80\x80",
    "\xe2\x82",
    "\xc2\x85",
    "\xef\xbb\xbf",
    "\xe2\x80\xa8",
    "\xe2\x80\xa9",
    "#",
    ": ",
    ",",
};

std::string random_string(std::mt19937& rng, bool awkward) {
  std::string s;
  size_t n = rng() % 6;
  for (size_t i = 0; i < n; ++i) s += awkward ? k_pieces[rng() % k_pieces.size()] : k_pieces[rng() % 7];
  return s;
}

Doc random_doc(std::mt19937& rng, int depth) {
  static const double doubles[] = {0.0,
                                   -0.0,
                                   1.0,
                                   0.1154,
                                   0.0001,
                                   1e-05,
                                   1e21,
                                   123456789.125,
                                   3e-300,
                                   0.5,
                                   2.0 / 3,
                                   std::numeric_limits<double>::quiet_NaN(),
                                   std::numeric_limits<double>::infinity()};
  switch (depth > 3 ? rng() % 6 : rng() % 8) {
    case 0:
      return random_string(rng, true);
    case 1:
      return doubles[rng() % std::size(doubles)];
    case 2:
      return static_cast<std::int64_t>(rng()) - (1LL << 31);
    case 3:
      return static_cast<std::uint64_t>(rng()) << 32;
    case 4:
      return rng() % 2 == 0;
    case 5:
      return nullptr;
    case 6: {
      Doc a = Doc::array();
      for (size_t i = rng() % 4; i > 0; --i) a.push_back(random_doc(rng, depth + 1));
      return a;
    }
    default: {
      Doc o = Doc::object();
      for (size_t i = rng() % 4; i > 0; --i) o[random_string(rng, true)] = random_doc(rng, depth + 1);
      return o;
    }
  }
}

void write(JsonWriter& w, const Doc& d) {
  if (d.is_object()) {
    w.begin_object();
    for (const auto& [k, v] : d.items()) {
      w.key(k);
      write(w, v);
    }
    w.end_object();
  } else if (d.is_array()) {
    w.begin_array();
    for (const auto& v : d) write(w, v);
    w.end_array();
  } else if (d.is_string()) {
    w.value(d.get_ref<const std::string&>());
  } else if (d.is_boolean()) {
    w.value(d.get<bool>());
  } else if (d.is_number_unsigned()) {
    w.value(d.get<std::uint64_t>());
  } else if (d.is_number_integer()) {
    w.value(d.get<std::int64_t>());
  } else if (d.is_number_float()) {
    w.value(d.get<double>());
  } else {
    w.null();
  }
}

/// What YamlContext::parse makes of the text, and whether it said anything.
std::optional<YAML::Node> slow_parse(const std::string& text, bool& clean) {
  Diagnostics d;
  YamlContext ctx("<line>", text, d);
  auto node = YamlContext::parse(ctx, text);
  clean = d.items.empty();
  return node;
}

}  // namespace

TEST_CASE("JsonWriter writes the bytes nlohmann's dump writes, compact and pretty", "[fast][json]") {
  std::mt19937 rng(20261123);
  for (int i = 0; i < 3000; ++i) {
    Doc d = random_doc(rng, 0);
    for (int indent : {-1, 2, 4}) {
      std::string out;
      JsonWriter w(out, indent);
      write(w, d);
      INFO("document " << i << ", indent " << indent);
      REQUIRE(w.done());
      // nlohmann's bytes, but U+2028 and U+2029 escaped as every dump advisor prints is.
      std::string reference = d.dump(indent, ' ', false, Doc::error_handler_t::replace);
      escape_line_separators(reference);
      REQUIRE(out == reference);
    }
  }
}

TEST_CASE("the eight-byte tests say what a look at each byte says", "[fast][json]") {
  std::mt19937_64 rng(20261130);
  auto check = [](std::uint64_t w) {
    unsigned char b[8];
    std::memcpy(b, &w, 8);
    bool high = false, below_space = false, below_del = false, quote = false, backslash = false;
    for (unsigned char c : b) {
      high |= c >= 0x80;
      below_space |= c < 0x20;
      below_del |= c < 0x7F;
      quote |= c == '"';
      backslash |= c == '\\';
    }
    INFO(std::hex << w);
    REQUIRE(bytes::any_high(w) == high);
    REQUIRE(bytes::any_below(w, 0x20) == below_space);
    REQUIRE(bytes::any_below(w, 0x7F) == below_del);
    REQUIRE(bytes::any_equal(w, '"') == quote);
    REQUIRE(bytes::any_equal(w, '\\') == backslash);
  };
  // Random words, and plain words with one byte of every value at every position
  // (where a borrow from a lower byte could fool a test above it).
  for (int i = 0; i < 20000; ++i) check(rng());
  for (int at = 0; at < 8; ++at)
    for (unsigned v = 0; v < 256; ++v)
      for (std::uint64_t base : {0x6161616161616161ULL, 0x2020202020202020ULL, 0x2121212121212121ULL})
        check((base & ~(0xFFULL << (8 * at))) | (std::uint64_t{v} << (8 * at)));
}

TEST_CASE("append_json_string's runs give nlohmann's escaping at every position and length", "[fast][json]") {
  auto reference = [](const std::string& s) {
    auto text = nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    escape_line_separators(text);  // as every dump advisor prints
    return text;
  };
  auto same = [&](const std::string& s) {
    std::string out = "prefix";  // appended after what is there, which stays
    append_json_string(out, s);
    INFO("string of " << s.size()
                      << " bytes: " << nlohmann::json(s).dump(-1, ' ', true, nlohmann::json::error_handler_t::replace));
    REQUIRE(out == "prefix" + reference(s));
  };
  // Each awkward piece (control characters, quote, backslash, DEL, U+2028, valid and
  // invalid UTF-8) at every position of plain runs up to three words long.
  const std::vector<std::string> awkward = {"\"",
                                            "\\",
                                            std::string(1, '\0'),
                                            "\x01",
                                            "\x1f",
                                            "\n",
                                            "\x7f",
                                            "\xe2\x80\xa8",
                                            "\xe2\x80\xa9",
                                            "\xe2\x80\xaa",
                                            "é",
                                            "中",
                                            "😀",
                                            "\xff",
                                            "\xc3",
                                            "\xed\xa0\x80",
                                            "\xe2\x82",
                                            "\xc0\xaf",
                                            "\xf4\x90\x80\x80"};
  for (size_t len = 0; len <= 24; ++len)
    for (size_t at = 0; at <= len; ++at)
      for (const auto& piece : awkward) {
        std::string s(len, 'a');
        same(s.insert(at, piece));
      }
  // Random strings of random bytes and pieces, short and long.
  std::mt19937 rng(20261130);
  for (int i = 0; i < 20000; ++i) {
    std::string s;
    for (size_t n = rng() % 90; s.size() < n;) {
      switch (rng() % 4) {
        case 0:
          s += static_cast<char>(rng() % 256);
          break;
        case 1:
          s += awkward[rng() % awkward.size()];
          break;
        default:
          s += std::string(rng() % 12, static_cast<char>(0x20 + rng() % 0x60));
      }
    }
    same(s);
  }
}

TEST_CASE("JsonWriter::raw copies a compact fragment in place of the value", "[fast][json]") {
  std::string out;
  JsonWriter w(out);
  w.begin_object().key("a").raw(R"([1,{"b":null}])").key("c").value(true).end_object();
  REQUIRE(out == R"({"a":[1,{"b":null}],"c":true})");
  out.clear();
  JsonWriter v(out);
  v.begin_array().raw_object_start(R"({"id":"x")").key("more").value(1).end_object().end_array();
  REQUIRE(out == R"([{"id":"x","more":1}])");
  REQUIRE(v.done());
}

TEST_CASE("parse_plain_json builds the node yaml-cpp builds, or leaves the line to it", "[fast][yaml]") {
  // Lines built from profile-shaped pieces, then mutated: whenever the fast reader
  // takes a line, the YAML path must take it too, silently, and build the same node.
  const std::vector<std::string> values = {
      R"("master")",
      R"(33)",
      R"(-1)",
      R"(0.5)",
      R"(1e3)",
      R"(true)",
      R"(false)",
      R"(null)",
      R"("中文 skill")",
      R"(["python","sql"])",
      R"([])",
      R"({})",
      R"({"level":"master","major":"cs"})",
      R"("")",
      R"("a: b # c")",
      R"([{"id":"caie","level":"level-1"}])",
      R"("2020-09")",
      R"(007)",
      R"(1.)",
      R"("x\"y")",
      R"("tab	in")",
  };
  const std::vector<std::string> keys = {"name",       "age", "education",   "skills", "certificates",
                                         "experience", "age", "study_hours", "中文"};
  const std::vector<std::string> noise = {" ", "\t", ",", ":", "\"", "\\", "{", "}", "[", "]", "#", "é", "\x01", "-",
                                          "0", "e", "null", "\n", "\xef\xbb\xbf", "  ", "'", "&a", "*a", "!!str ", "?",
                                          // issue 32: CRs, and blank runs past YAML's 1,024-character implicit key
                                          "\r", "\r\r", std::string(1020, ' '), std::string(990, ' ')};
  // CTest runs 20,000 lines with seed 7 (a few seconds); bench/differential runs millions
  // with other seeds through ADVISOR_DIFFERENTIAL_LINES and ADVISOR_DIFFERENTIAL_SEED.
  auto from_env = [](const char* name, unsigned long fallback) {
    const char* v = std::getenv(name);
    return v && *v ? std::strtoul(v, nullptr, 10) : fallback;
  };
  const unsigned long lines = from_env("ADVISOR_DIFFERENTIAL_LINES", 20000);
  std::mt19937 rng(static_cast<std::mt19937::result_type>(from_env("ADVISOR_DIFFERENTIAL_SEED", 7)));
  size_t taken = 0, compared = 0;
  for (unsigned long i = 0; i < lines; ++i) {
    std::string line = "{";
    for (size_t k = rng() % 5; k > 0; --k) {
      if (line.size() > 1) line += rng() % 3 == 0 ? ", " : ",";
      line += "\"" + keys[rng() % keys.size()] + "\"" + (rng() % 2 ? ": " : ":") + values[rng() % values.size()];
    }
    line += "}";
    for (size_t m = rng() % 3; m > 0; --m) line.insert(rng() % (line.size() + 1), noise[rng() % noise.size()]);
    if (!parse_plain_json(line)) continue;
    ++taken;
    INFO("line: " << line);
    auto problem = plain_json_disagrees(line);
    INFO(problem.value_or(""));
    REQUIRE_FALSE(problem);
    ++compared;
  }
  // The generator must exercise the fast path, not only the fallback.
  REQUIRE(taken > lines / 4);
  REQUIRE(compared == taken);
  if (std::getenv("ADVISOR_DIFFERENTIAL_LINES"))  // bench/differential reads it
    std::fprintf(stderr, "differential: %zu of %lu generated lines taken by the fast path, all equal\n", compared,
                 lines);
}

TEST_CASE("the reader's whole-string shortcut takes what the byte loop takes, at every position", "[fast][yaml]") {
  // A string is taken whole when it is printable ASCII up to its closing quote
  // (eight bytes at a time); anything else goes through the byte loop. Each awkward
  // byte at every position of values up to three words long, and a second string after.
  const std::vector<std::string> awkward = {"\\",       "\\\"", "\x01", "\x1f",         "\x7f", "\t", "é",
                                            "\xc2\x85", "\xff", "\xc3", "\xef\xbb\xbf", "中",   "~",  " "};
  for (size_t len = 0; len <= 24; ++len)
    for (size_t at = 0; at <= len; ++at)
      for (const auto& piece : awkward) {
        std::string value = std::string(len, 'a').insert(at, piece);
        std::string line = R"({"name":")" + value + R"(","skills":["python-programming"]})";
        INFO("line: " << line);
        auto problem = plain_json_disagrees(line);
        INFO(problem.value_or(""));
        REQUIRE_FALSE(problem);
        // A printable ASCII value is always taken (the shortcut never refuses one).
        if (piece == "~" || piece == " ") REQUIRE(parse_plain_json(line));
      }
}

TEST_CASE("a key with more than a thousand blanks before its colon is left to the YAML path", "[fast][yaml][hostile]") {
  // Issue 32: the fast path took a key followed by 1,019 blanks, which yaml-cpp refuses.
  std::string line = "{\"name\"" + std::string(1019, ' ') + ":\"x\",\"age\":30}";
  CHECK_FALSE(parse_plain_json(line));
  CHECK_FALSE(plain_json_disagrees(line));
  std::string fine = "{\"name\"" + std::string(900, ' ') + ":\"x\",\"age\":30}";
  CHECK(parse_plain_json(fine));
  CHECK_FALSE(plain_json_disagrees(fine));
}

TEST_CASE("the structure scan sees a quote opening right after the first bracket", "[fast][yaml]") {
  // Found by the test above: the '}' inside the first key was taken for the end of
  // the mapping, and the ',' after "{}" for a stray comma outside brackets.
  for (std::string line : {R"({"study_h}ours": {},"name":[]})", R"(["a]", 1])", R"({"x,y": [1], "z": 2})"}) {
    bool clean = false;
    INFO(line);
    REQUIRE(slow_parse(line, clean));
    REQUIRE(clean);
  }
}

TEST_CASE("parse_plain_json leaves to the YAML path what it does not read exactly", "[fast][yaml]") {
  for (std::string line : {R"({"name":"a\"b"})", "{\"name\":\"a\tb\"}", R"({"age":1,"age":2})", "{\"a\":1}\n{\"b\":2}",
                           R"({"age": 33} x)", R"({"age": 033})", R"({"a": [1 2]})", R"({'a': 1})", R"({a: 1})",
                           R"(["age"])", R"({"a": 1,})", "{\"a\":\"\xff\"}", "{\"a\":\"\xc2\x85\"}", R"({"a": .5})"}) {
    INFO(line);
    REQUIRE_FALSE(parse_plain_json(line));
  }
  REQUIRE(parse_plain_json("\xef\xbb\xbf{\"name\": \"Wang\", \"age\": 30}\r\n"));
}

TEST_CASE("load_profile reads a one-line JSON profile the same by either path", "[fast][yaml]") {
  const auto& c = testing::builtin();
  auto load = [&](const std::string& text) {
    Diagnostics d;
    auto p = load_profile(InputFile{"<line 1>", text}, c, testing::k_as_of, d);
    return std::make_pair(p, testing::printed(d));
  };
  // The first takes the fast path; the second, with a tab after a comma (YAML
  // white space, outside the fast subset), the YAML path.
  std::string fast = R"({"name":"Li","age":24,"education":{"level":"master","major":"computer-science"},)"
                     R"("skills":["python","深度学习框架"],"certificates":[{"id":"caip","level":"standard"}],)"
                     R"("study_hours":{"caip":12},"goals":{"roles":["machine-learning-engineer"]}})";
  REQUIRE(parse_plain_json(fast));
  std::string slow = fast;
  slow.insert(slow.find(',') + 1, "\t");
  REQUIRE_FALSE(parse_plain_json(slow));
  auto [a, da] = load(fast);
  auto [b, db] = load(slow);
  INFO(da);
  REQUIRE(da.empty());
  REQUIRE(db.empty());
  REQUIRE(a.name == b.name);
  REQUIRE(a.age == b.age);
  REQUIRE(a.skills.size() == b.skills.size());
  for (size_t i = 0; i < a.skills.size(); ++i) REQUIRE(a.skills[i].id == b.skills[i].id);
  REQUIRE(a.certificates.size() == b.certificates.size());
  REQUIRE(a.study_hours == b.study_hours);
  REQUIRE(a.goal_roles == b.goal_roles);
  // A line with a problem is reported by the YAML path, with its position.
  auto [bad, dbad] = load(R"({"name":"Li","skills":["pyton"]})");
  REQUIRE(dbad.find("<line 1>:1:24:") != std::string::npos);
}

TEST_CASE("normalize_key's shortcut (ASCII and CJK ideographs) gives what utf8proc gives", "[fast][text]") {
  // Appending "é" sends a key through utf8proc; it is unchanged there, so the rest
  // must come out as the ASCII shortcut makes it.
  for (int ch = 1; ch < 0x80; ++ch) {
    std::string s = std::string("x") + static_cast<char>(ch) + "Y";
    INFO("character " << ch);
    REQUIRE(normalize_key(s + "é") == normalize_key(s) + "é");
  }
  // Every CJK unified ideograph, alone and beside ASCII.
  for (char32_t cp = 0x4E00; cp <= 0x9FFF; ++cp) {
    std::string ch{static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                   static_cast<char>(0x80 | (cp & 0x3F))};
    std::string s = "A" + ch + "-b";
    if (normalize_key(s + "é") != normalize_key(s) + "é") FAIL("U+" << std::hex << static_cast<unsigned>(cp));
  }
  REQUIRE(normalize_key("深度学习 Frameworks") == "深度学习 frameworks");
  // What the shortcut must not take: full-width forms and CJK punctuation go to utf8proc.
  REQUIRE(normalize_key("ＰＹＴＨＯＮ") == "python");
  REQUIRE(normalize_key("数据（分析）") == normalize_key("数据(分析)"));
  for (std::string s : {"Power BI", "power-bi", "  MACHINE__Learning  ", "A-B_C D", "-x-"})
    REQUIRE(normalize_key(s + " é") == (normalize_key(s).empty() ? "é" : normalize_key(s) + " é"));
}
