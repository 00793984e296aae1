// One line of plain JSON is read straight into a Profile (parse_json_doc, then
// ProfileReader over the JSON tree), with no yaml-cpp node in between. The promise:
// for every line that reader takes, the profile and every message (text, severity,
// line and column) are those the YAML path gives. Numbers are read alike on both
// paths, and one that overflows or underflows is refused alike.
#include <catch2/catch.hpp>

#include <fmt/format.h>
#include <random>

#include "json_doc.hpp"
#include "profile_reader.hpp"
#include "support.hpp"

using namespace advisor;
using advisor::testing::builtin;
using advisor::testing::k_as_of;
using advisor::testing::load;

namespace {

std::string pos_str(const SourcePos& p) { return fmt::format("{}:{}:{}", p.file, p.line, p.column); }
std::string date_str(const std::optional<Date>& d) { return d ? d->str() : "-"; }

/// Every field of a profile, positions included, as text.
std::string dump(const Profile& p, bool positions = true) {
  auto pos_str = [&](const SourcePos& x) { return positions ? ::pos_str(x) : std::string(); };
  std::string s =
      fmt::format("file={} name={} age={} birth={} edu={} inprog={} expected={} major={} known={} exp_given={}\n",
                  p.file, p.name, p.age ? *p.age : -1, date_str(p.birth_date), p.education, p.education_in_progress,
                  date_str(p.education_expected), p.major, p.major_known, p.experience_given);
  for (const auto& e : p.experience)
    s += fmt::format("exp {} [{}] {} {} {} {}\n", e.title, fmt::join(e.domains, ","), date_str(e.start),
                     date_str(e.end), e.years ? *e.years : -1.0, pos_str(e.pos));
  for (const auto& k : p.skills)
    s += fmt::format("skill {} {} {} {}\n", k.text, k.id, k.level ? *k.level : -1, pos_str(k.pos));
  for (const auto& c : p.certificates)
    s += fmt::format("cert {} {} {} {}\n", c.id, c.level, date_str(c.date), pos_str(c.pos));
  for (const auto& [id, h] : p.study_hours) s += fmt::format("hours {} {}\n", id, h);
  s += fmt::format("roles [{}] categories [{}]\n", fmt::join(p.goal_roles, ","), fmt::join(p.goal_categories, ","));
  return s;
}

std::string dump(const Diagnostics& d) {
  std::string s;
  for (const auto& x : d.items)
    s += fmt::format("{} {}:{}:{} {} | {}\n", x.severity == Severity::error ? "E" : "W", x.file, x.line, x.column,
                     x.message.en, x.message.zh);
  return s;
}

const std::vector<std::pair<std::string, std::vector<std::string>>> k_fields = {
    {"name", {R"("Li")", R"("王 伟")", "33", "null", "[]"}},
    {"age", {"24",          "0",           "150",         "151",           "-1",          "24.5",
             R"("24")",     "1e1",         "null",        "true",          "{}",          R"("29岁")",
             R"("29 岁")",  R"("２９岁")", R"("29周岁")", R"("29 years")", R"("29 yrs")", R"("200岁")",
             R"("29.5岁")", R"("岁")",     R"("２９")"}},
    {"birth_date", {R"("2000-01-02")", R"("2000-13")", R"("2030-01")", "2000", "null"}},
    {"education",
     {R"("master")", R"("硕士")", R"("bachelor")", R"("phd-ish")", R"({"level":"master","major":"computer-science"})",
      R"({"level":"bachelor","major":"basket weaving"})",
      R"({"level":"master","status":"in_progress","expected":"2027-07"})",
      R"({"level":"master","status":"in_progress"})", R"({"level":"master","expected":"2027-07"})",
      R"({"level":"master","status":"paused"})", R"({"levle":"master"})", "3", "[]", "null"}},
    {"experience",
     {R"([{"title":"dev","domains":["ai"],"years":3}])", R"([{"domains":["aigc"],"start":"2020-01","end":"2022-06"}])",
      R"([{"domains":["ai"],"start":"2025-01"}])", R"([{"domains":["ai"],"start":"2027-01"}])",
      R"([{"domains":["ai"],"end":"2022-06"}])", R"([{"domains":["ai"],"start":"2022-06","end":"2020-01"}])",
      R"([{"domains":["ai"],"years":3,"start":"2020-01"}])", R"([{"domains":["ai"]}])", R"([{"years":2}])",
      R"([{"domains":["spaceflight"],"years":2}])", R"([{"domains":"ai","years":"2"}])",
      R"([{"domains":["ai"],"years":81}])", R"({"years":3})", "[1]", "[]", "null"}},
    {"skills",
     {R"(["python","sql"])", R"(["深度学习框架",{"skill":"pytorch","level":3}])", R"([{"skill":"python","level":6}])",
      R"([{"level":2}])", R"([{"skill":"python","lvl":2}])", R"(["no such skill at all"])", R"([1, null])",
      R"("python")", R"([[]])", "[]", "null"}},
    {"certificates",
     {R"([{"id":"caip","level":"standard"}])", R"([{"id":"caip"}])",
      R"([{"id":"caie","level":"level-1","date":"2024-05"}])", R"([{"id":"caie","level":"level-9"}])",
      R"([{"id":"nope"}])", R"([{"level":"x"}])", R"([{"id":"caip","level":"standard","date":"2030-01"}])",
      R"(["caip"])", R"({"id":"caip"})", "[]", "null"}},
    {"study_hours", {R"({"caip":12})", R"({"caip":-1})", R"({"nope":3})", R"({"caip":"x"})", "[]", "null", "{}"}},
    {"goals",
     {R"({"roles":["machine-learning-engineer"]})", R"({"roles":"machine-learning-engineer"})",
      R"({"roles":["no-such-role"]})", R"({"categories":["no-such"]})", R"({"role":["x"]})", R"({"roles":[1]})", "[]",
      "null", "{}"}},
    {"nmae", {R"("x")"}},
    {"中文", {"1"}},
};

std::string random_line(std::mt19937& rng) {
  std::string line = "{";
  std::vector<size_t> used;
  for (size_t k = rng() % 6; k > 0; --k) {
    size_t f = rng() % k_fields.size();
    if (std::find(used.begin(), used.end(), f) != used.end()) continue;  // a duplicate goes to the YAML path
    used.push_back(f);
    const auto& [key, values] = k_fields[f];
    if (line.size() > 1) line += rng() % 3 == 0 ? ", " : ",";
    line += "\"" + key + "\"" + (rng() % 2 ? ": " : ":") + values[rng() % values.size()];
  }
  return line + "}";
}

}  // namespace

TEST_CASE("a JSON line read straight into a profile gives what the YAML path gives", "[fast][yaml][profile]") {
  const auto& c = testing::builtin();
  std::mt19937 rng(18);
  size_t clean = 0, reported = 0;
  for (int i = 0; i < 4000; ++i) {
    std::string line = random_line(rng);
    if (i % 4 == 0) line = "  " + line + " ";
    JsonDoc doc;
    INFO("line: " << line);
    REQUIRE(parse_json_doc(line, Limits{}.max_profile_nodes, doc));
    Diagnostics fast_d, slow_d;
    YamlContext fast_ctx("<line 1>", line, fast_d);
    auto fast = read_profile_json(fast_ctx, JsonNode(&doc, 0), c, testing::k_as_of);
    YamlContext slow_ctx("<line 1>", line, slow_d);
    auto root = YamlContext::parse(slow_ctx, line);
    REQUIRE(root);
    auto slow = read_profile_node(slow_ctx, *root, c, testing::k_as_of);
    REQUIRE(dump(fast) == dump(slow));
    REQUIRE(dump(fast_d) == dump(slow_d));
    (fast_d.items.empty() ? clean : reported) += 1;
  }
  // Both outcomes must be exercised: profiles taken silently and profiles reported on.
  REQUIRE(clean > 300);
  REQUIRE(reported > 1000);
}

TEST_CASE("load_profile gives the same profile and messages for a JSON line by either path", "[fast][yaml][profile]") {
  const auto& c = testing::builtin();
  std::mt19937 rng(1818);
  for (int i = 0; i < 500; ++i) {
    std::string fast = random_line(rng);
    // A tab after the opening brace is YAML white space outside the fast subset.
    std::string slow = "{\t" + fast.substr(1);
    JsonDoc doc;
    REQUIRE(parse_json_doc(fast, Limits{}.max_profile_nodes, doc));
    REQUIRE_FALSE(parse_json_doc(slow, Limits{}.max_profile_nodes, doc));
    Diagnostics da, db;
    auto a = load_profile(InputFile{"<line 1>", fast, true}, c, testing::k_as_of, da);
    auto b = load_profile(InputFile{"<line 1>", slow, true}, c, testing::k_as_of, db);
    INFO("line: " << fast);
    // Messages are the YAML path's on both (a reported line is read again); the
    // tab moves columns, so compare the texts.
    REQUIRE(da.items.size() == db.items.size());
    for (size_t k = 0; k < da.items.size(); ++k) REQUIRE(da.items[k].message.en == db.items[k].message.en);
    REQUIRE(dump(a, false) == dump(b, false));
  }
}

TEST_CASE("read_profile_line gives load_profile's profile for a clean line, and nothing for any other",
          "[fast][profile]") {
  const auto& c = testing::builtin();
  std::mt19937 rng(181818);
  size_t taken = 0, left = 0;
  for (int i = 0; i < 1500; ++i) {
    std::string line = random_line(rng);
    if (i % 5 == 0) line = "{\t" + line.substr(1);  // outside the plain subset: always left to load_profile
    INFO("line: " << line);
    Diagnostics d;
    auto full = load_profile(InputFile{"<line 7>", line, true}, c, testing::k_as_of, d);
    auto fast = read_profile_line(line, "<line 7>", c, testing::k_as_of);
    if (fast) {
      // Taken only when load_profile has nothing to say, and then the same profile.
      REQUIRE(d.items.empty());
      REQUIRE(dump(*fast) == dump(full));
      ++taken;
    } else {
      // Left only when there is something to say or the line is outside the subset.
      REQUIRE((!d.items.empty() || line.find('\t') != std::string::npos));
      ++left;
    }
  }
  REQUIRE(taken > 100);
  REQUIRE(left > 500);
  // The kept room of one long line does not leak into the next, shorter one.
  auto big =
      read_profile_line(R"({"name":"a","skills":["python","sql","pytorch","tensorflow"]})", "x", c, testing::k_as_of);
  auto small = read_profile_line(R"({"skills":["sql"]})", "y", c, testing::k_as_of);
  REQUIRE(big);
  REQUIRE(small);
  CHECK(big->skills.size() == 4);
  REQUIRE(small->skills.size() == 1);
  CHECK(small->skills[0].id == "sql");
  CHECK(small->name.empty());
  CHECK(small->file == "y");
}

TEST_CASE("whole numbers read digit by digit are strtod's, and every other number still goes to strtod", "[profile]") {
  const auto& c = testing::builtin();
  auto age_of = [&](const std::string& text, std::string* message = nullptr) -> std::optional<int> {
    Diagnostics d;
    auto p = load_profile(InputFile{"p.yaml", "age: " + text + "\n", false}, c, testing::k_as_of, d);
    if (message) *message = d.items.empty() ? "" : d.items.front().message.en;
    return d.has_errors() ? std::nullopt : p.age;
  };
  CHECK(age_of("0") == 0);
  CHECK(age_of("24") == 24);
  CHECK(age_of("007") == 7);    // digits alone, read here
  CHECK(age_of("+24") == 24);   // a sign: strtod's
  CHECK(age_of("24.0") == 24);  // a point: strtod's
  CHECK(age_of("2.4e1") == 24);
  std::string message;
  CHECK_FALSE(age_of("151", &message));
  CHECK(message.find("age is 151, out of range") != std::string::npos);
  CHECK_FALSE(age_of("999999999", &message));  // nine digits: the longest read here
  CHECK(message.find("age is 999999999, out of range") != std::string::npos);
  CHECK_FALSE(age_of("1000000000", &message));  // ten: strtod's
  CHECK(message.find("age is 1000000000, out of range") != std::string::npos);
  CHECK_FALSE(age_of("24.5"));  // not whole
  CHECK(age_of("0x18") == 24);  // a YAML hex integer, as strtod reads it
  // Study hours, a number that need not be whole, read from a JSON line the same way.
  auto p = read_profile_line(R"({"study_hours":{"caip":120}})", "l", c, testing::k_as_of);
  REQUIRE(p);
  CHECK(p->study_hours.at("caip") == 120.0);
}

TEST_CASE("a number that underflows is refused like one that overflows, on both paths", "[hostile][input]") {
  const std::string tiny = "1e-99999999999999999999";
  // YAML, and a .json profile (the one-line fast path, then the YAML path's message).
  CHECK(load("age: " + tiny + "\n", "p.yaml").first() == "p.yaml:1:6: error: age must be a number, not '" + tiny + "'");
  CHECK(load("age: 1e400\n", "p.yaml").first() == "p.yaml:1:6: error: age must be a number, not '1e400'");
  CHECK(load("{\"age\": " + tiny + "}\n", "p.json").first() ==
        "p.json:1:9: error: age must be a number, not '" + tiny + "'");
  CHECK(load("{\"age\": 1e400}\n", "p.json").first() == "p.json:1:9: error: age must be a number, not '1e400'");
  // A batch line: the fast reader does not take it, load_profile reports it.
  CHECK_FALSE(read_profile_line("{\"age\": " + tiny + "}", "<line 1>", builtin(), k_as_of).has_value());
  // Denormals underflow too; zero written any way is zero; a small normal number is a number.
  CHECK(load("age: 1e-310\n", "p.yaml").first() == "p.yaml:1:6: error: age must be a number, not '1e-310'");
  CHECK(load("age: 0.000e-99999\n", "p.yaml").first().empty());
  CHECK(load("age: -0.0\n", "p.yaml").first().empty());
  CHECK(load("age: 0x0p-5000\n", "p.yaml").first().empty());
  CHECK(load("age: 0x1p-5000\n", "p.yaml").first() == "p.yaml:1:6: error: age must be a number, not '0x1p-5000'");
  CHECK(load("study_hours: {caip: 1e-300}\n", "p.yaml").first().empty());
  CHECK(load("study_hours: {caip: 1e-320}\n", "p.yaml").first() ==
        "p.yaml:1:21: error: study hours must be a number, not '1e-320'");
}
