// Strict JSON for *.json profiles and batch lines (src/reader/json_check.cpp):
// surrogate pairs joined, a lone surrogate and what JSON does not allow refused at
// their place (docs/limits.md). The YAML reader is in reader_yaml_test.cpp.
#include <catch2/catch.hpp>

#include "support.hpp"

#include "advisor/profile_loader.hpp"

using namespace advisor;
using advisor::testing::load;

TEST_CASE("a JSON surrogate pair is one character — a lone surrogate is refused", "[hostile][json]") {
  auto ok = load(R"({"name": "\ud83d\ude00 Wang", "age": 30})"
                 "\n",
                 true);
  CHECK(ok.diags.items.empty());
  CHECK(ok.profile.name == "\xF0\x9F\x98\x80 Wang");
  auto lone = load(R"({"name": "\ude00", "age": 30})"
                   "\n",
                   true);
  CHECK(lone.first() ==
        "p.json:1:11: error: JSON: '\\ude00' is half of a UTF-16 surrogate pair, without its other half");
}

TEST_CASE("a .json profile is JSON: a trailing comma is refused with its place", "[hostile][json]") {
  CHECK(load("{\"age\": 30,}\n", true).first() ==
        "p.json:1:12: error: JSON: a comma before '}': JSON allows no trailing comma");
  CHECK(load("{\"age\": 30,}\n", false).diags.items.empty());  // YAML's flow mapping allows it
  CHECK(load("{\n  \"age\": 030\n}\n", true).first() == "p.json:2:10: error: JSON: a number cannot start with 0");
  CHECK(load("{'age': 30}\n", true).first() == "p.json:1:2: error: JSON: expected a \"key\" in double quotes");
}
