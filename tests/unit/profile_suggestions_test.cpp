// A profile's "did you mean" (src/profile/profile_loader.cpp): every unknown skill,
// goal role and category is reported, but the suggestions are computed a bounded
// number of times per profile (Limits::max_suggestions, docs/limits.md).
#include <catch2/catch.hpp>

#include "support.hpp"

#include <fmt/format.h>
#include <string>

#include "advisor/limits.hpp"
#include "advisor/profile_loader.hpp"

using namespace advisor;
using advisor::testing::load;

TEST_CASE("thousands of unknown skills are each reported, the first with a suggestion", "[hostile][limits]") {
  std::string text = "skills:\n";
  for (int i = 0; i < 5000; ++i) text += fmt::format("  - pytroch{}\n", i % 10);
  auto l = load(text);
  CHECK(l.diags.items.size() == 5000);
  CHECK(
      l.first() ==
      "p.yaml:2:5: warning: unknown skill 'pytroch0' (did you mean 'pytorch': PyTorch?); kept, but it matches no role");
}

TEST_CASE("an unknown skill's suggestion is computed a bounded number of times", "[hostile][limits]") {
  std::string text = "skills:\n";
  for (int i = 0; i < 50; ++i) text += fmt::format("  - pytroch{}\n", i % 10);
  auto l = load(text, false);
  REQUIRE(l.diags.items.size() == 50);
  CHECK(l.diags.items[0].message.en ==
        "unknown skill 'pytroch0' (did you mean 'pytorch': PyTorch?); kept, but it matches no role");
  CHECK(l.diags.items[20].message.en == "unknown skill 'pytroch0'; kept, but it matches no role");
  Limits none;
  none.max_suggestions = 0;
  CHECK(load(text, false, none).diags.items[0].message.en == "unknown skill 'pytroch0'; kept, but it matches no role");
}

TEST_CASE("unknown goal roles and categories share the profile's suggestion budget", "[hostile][limits]") {
  // Issue 32: the cap covered skills only; 2,000 unknown goal roles took seconds.
  std::string text = "goals:\n  roles:\n";
  for (int i = 0; i < 40; ++i) text += fmt::format("    - prompt-enginer{}\n", i % 10);
  text += "  categories:\n";
  for (int i = 0; i < 5; ++i) text += "    - operationz\n";
  auto l = load(text, false);
  REQUIRE(l.diags.items.size() == 45);
  size_t guessed = 0;
  for (const auto& d : l.diags.items) guessed += d.message.en.find("did you mean") != std::string::npos ? 1 : 0;
  CHECK(guessed == 20);
  CHECK(l.diags.items[0].message.en.find("did you mean 'prompt-engineer'") != std::string::npos);
  CHECK(l.diags.items[44].message.en == "unknown category 'operationz'");
}
