// Built with -DADVISOR_JSON_PARSER=simdjson only (measurement, docs/performance.md):
// parse_json_doc on simdjson must take exactly the lines the home-made reader takes
// and build the same tree, byte positions and all, so batch outputs can be compared
// byte for byte. ADVISOR_DIFFERENTIAL_LINES and _SEED run more lines.
#ifdef ADVISOR_JSON_PARSER_SIMDJSON
#include <catch2/catch.hpp>

#include <cstdlib>
#include <functional>
#include <random>

#include "json_doc.hpp"

using namespace advisor;

namespace {

/// Empty when both readers agree on `line`, else what differs.
std::string disagreement(const std::string& line, size_t max_nodes = 10000) {
  JsonDoc home, simd;
  bool a = parse_json_doc_home(line, max_nodes, home);
  bool b = parse_json_doc(line, max_nodes, simd);
  if (a != b) return a ? "only the home-made reader takes it" : "only simdjson takes it";
  if (!a) return {};
  if (home.values.size() != simd.values.size()) return "value counts differ";
  for (size_t i = 0; i < home.values.size(); ++i) {
    const auto &x = home.values[i], &y = simd.values[i];
    if (x.kind != y.kind || x.quoted != y.quoted || x.first != y.first || x.next != y.next || x.size != y.size ||
        x.line != y.line || x.column != y.column || x.text.data() != y.text.data() || x.text.size() != y.text.size())
      return "value " + std::to_string(i) + " differs";
  }
  return {};
}

unsigned long from_env(const char* name, unsigned long fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::strtoul(v, nullptr, 10) : fallback;
}

}  // namespace

TEST_CASE("parse_json_doc on simdjson takes the lines the home-made reader takes, alike", "[fast][simdjson]") {
  const std::vector<std::string> values = {R"("master")",
                                           "33",
                                           "-1",
                                           "0.5",
                                           "1e3",
                                           "-0",
                                           "1E+2",
                                           "2.5e-3",
                                           "true",
                                           "false",
                                           "null",
                                           R"("中文 skill")",
                                           R"(["python","sql"])",
                                           "[]",
                                           "{}",
                                           R"({"level":"master","major":"cs"})",
                                           R"("")",
                                           R"("a: b # c")",
                                           R"([{"id":"caie","level":"level-1"}])",
                                           R"("2020-09")",
                                           "007",
                                           "1.",
                                           R"("x\"y")",
                                           "\"tab\tin\"",
                                           R"([[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]])",
                                           R"([[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]])",
                                           "123456789012345678901234567890",
                                           "1e999",
                                           R"({"a":1,"a":2})",
                                           R"("é😀")",
                                           "[1 , 2 ]",
                                           "{ }"};
  const std::vector<std::string> keys = {"name",         "age",        "education", "skills",
                                         "certificates", "experience", "中文",      ""};
  const std::vector<std::string> noise = {" ",
                                          "\t",
                                          ",",
                                          ":",
                                          "\"",
                                          "\\",
                                          "{",
                                          "}",
                                          "[",
                                          "]",
                                          "#",
                                          "é",
                                          "\x01",
                                          "-",
                                          "0",
                                          "e",
                                          "null",
                                          "\n",
                                          "\r",
                                          "\x7f",
                                          "  ",
                                          "'",
                                          "true",
                                          "\xc2\x85",
                                          "\xef\xbb\xbf",
                                          "\xff",
                                          "\xc3",
                                          "\xed\xa0\x80",
                                          "\xc0\xaf",
                                          "\xef\xbf\xbe",
                                          "\xef\xbf\xbd",
                                          "x",
                                          ".",
                                          "+",
                                          "E",
                                          std::string(1020, ' '),
                                          std::string(990, ' ')};
  const unsigned long lines = from_env("ADVISOR_DIFFERENTIAL_LINES", 20000);
  std::mt19937 rng(static_cast<std::mt19937::result_type>(from_env("ADVISOR_DIFFERENTIAL_SEED", 7)));
  size_t taken = 0;
  for (unsigned long i = 0; i < lines; ++i) {
    std::string line = rng() % 8 == 0 ? "  {" : "{";
    for (size_t k = rng() % 6; k > 0; --k) {
      if (line.size() > 3) line += rng() % 3 == 0 ? " , " : ",";
      line += "\"" + keys[rng() % keys.size()] + "\"" + (rng() % 2 ? " : " : ":") + values[rng() % values.size()];
    }
    line += "}";
    for (size_t m = rng() % 3; m > 0; --m) line.insert(rng() % (line.size() + 1), noise[rng() % noise.size()]);
    if (rng() % 8 == 0) line = "\xef\xbb\xbf" + line;
    if (rng() % 8 == 0) line += rng() % 2 ? "\r\n" : "  ";
    INFO("line: " << line);
    auto problem = disagreement(line, rng() % 16 == 0 ? rng() % 12 : 10000);
    REQUIRE(problem == "");
    JsonDoc doc;
    taken += parse_json_doc(line, 10000, doc);
  }
  // Both ways: the generator must exercise taking lines as well as refusing them.
  REQUIRE(taken > lines / 10);
  REQUIRE(taken < lines - lines / 10);
}

TEST_CASE("parse_json_doc on simdjson: nested documents with their structure broken", "[fast][simdjson]") {
  // Random nested values, then a structural byte deleted, inserted or replaced: On-Demand
  // validates only what is read, so this looks for a break it lets through.
  const std::string structural = "{}[],:\" ";
  std::mt19937 rng(static_cast<std::mt19937::result_type>(from_env("ADVISOR_DIFFERENTIAL_SEED", 11)));
  std::function<std::string(int)> gen = [&](int depth) -> std::string {
    switch (rng() % (depth > 3 ? 4 : 6)) {
      case 0:
        return "\"" + std::string(rng() % 3, 'a' + static_cast<char>(rng() % 3)) + "\"";
      case 1:
        return std::to_string(static_cast<int>(rng() % 200) - 100);
      case 2:
        return rng() % 2 ? "true" : "null";
      case 3:
        return "1.5e2";
      case 4: {
        std::string out = "[";
        for (size_t k = rng() % 4; k > 0; --k) out += (out.size() > 1 ? "," : "") + gen(depth + 1);
        return out + "]";
      }
      default: {
        std::string out = "{";
        for (size_t k = rng() % 4; k > 0; --k)
          out += std::string(out.size() > 1 ? "," : "") + "\"k" + std::to_string(k) + "\":" + gen(depth + 1);
        return out + "}";
      }
    }
  };
  const unsigned long lines = from_env("ADVISOR_DIFFERENTIAL_LINES", 20000);
  for (unsigned long i = 0; i < lines; ++i) {
    std::string line = "{\"v\":" + gen(1) + ",\"w\":" + gen(1) + "}";
    for (size_t m = rng() % 3; m > 0; --m) {
      size_t at = rng() % line.size();
      char c = structural[rng() % structural.size()];
      switch (rng() % 3) {
        case 0:
          line.erase(at, 1);
          break;
        case 1:
          line.insert(at, 1, c);
          break;
        default:
          line[at] = c;
      }
    }
    INFO("line: " << line);
    REQUIRE(disagreement(line) == "");
  }
}

TEST_CASE("parse_json_doc on simdjson: limits and awkward lines, as the home-made reader", "[fast][simdjson]") {
  std::string many = "{";
  for (int k = 0; k < 65; ++k) many += (k ? ",\"k" : "\"k") + std::to_string(k) + "\":" + std::to_string(k);
  std::string sixty_four = many.substr(0, many.rfind(",\"k64\"")) + "}";
  many += "}";
  for (std::string line :
       {many, sixty_four, std::string(R"({"a":1} x)"), std::string(R"({"a":1}})"), std::string(R"({"a":1}{})"),
        std::string(R"({"a":1)"), std::string(R"({"a":tru})"), std::string(R"({"a":truex})"),
        std::string(R"({"a":1"b"})"), std::string(R"({"a":"x"y})"), std::string(R"({"a"x:1})"),
        std::string(R"({"a":[1,]})"), std::string("{}"), std::string("{\"a\":\"\xc2\xa0\"}"),
        std::string("{\"a\":\"\xc2\x9f\"}"), std::string("{\"a\":\"\xef\xbb\xbf\"}"),
        std::string("\xef\xbb\xbf\xef\xbb\xbf{}"), std::string("{\"a\":1}\n\n\r"), std::string("{\"a\":1}\t"),
        std::string("{\"a\":1}\x0c"), std::string("{\"a\":\"\xf4\x90\x80\x80\"}"), std::string(R"({"a":-})"),
        std::string(R"({"a":01})"), std::string(R"({"a":1.e5})"), std::string(R"({"a":[[], {}, [{}]]})"),
        std::string("{\"" + std::string(997, 'k') + "\":1}"), std::string("{\"" + std::string(998, 'k') + "\":1}"),
        std::string("{\"" + std::string(990, 'k') + "\"" + std::string(7, ' ') + ":1}"),
        std::string(R"({"a":1,"b":{"c":[true,false,null,"d",-2.5E-7]}})"),
        // On-Demand skips a string followed by ':' as a key (found by the test above)
        std::string(R"({"name":[{"id":"caie"},"level":"level-1"}],"age":1})"), std::string(R"({"a":["x":1]})"),
        std::string(R"({"a":[1}})"), std::string(R"({"a":{"b":1]})"), std::string(R"({"a":[1,"b"}})"),
        std::string(R"({"a":["b" : "c"]})"), std::string(R"({"a":[{"b":1}:2]})")}) {
    INFO("line: " << line);
    for (size_t nodes : {size_t{0}, size_t{1}, size_t{2}, size_t{3}, size_t{5}, size_t{130}, size_t{10000}})
      REQUIRE(disagreement(line, nodes) == "");
  }
}
#endif
