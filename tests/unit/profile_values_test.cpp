// A profile's values (src/profile/profile_loader.cpp): numbers out of range and dates
// that do not exist are refused, and work that starts after the evaluation date is a
// warning and counts for nothing yet (docs/limits.md). The rest of load_profile is in
// profile_test.cpp.
#include <catch2/catch.hpp>

#include "support.hpp"

#include "advisor/profile_loader.hpp"
#include "advisor/rules.hpp"

using namespace advisor;
using advisor::testing::builtin;
using advisor::testing::k_as_of;
using advisor::testing::load;

TEST_CASE("numbers out of range and dates that do not exist are refused", "[hostile][input]") {
  CHECK(load("age: 1e400\n").first() == "p.yaml:1:6: error: age must be a number, not '1e400'");
  CHECK(load("age: -1\n").first() == "p.yaml:1:6: error: age is -1, out of range (0 to 150)");
  CHECK(load("age: .nan\n").first() == "p.yaml:1:6: error: age must be a number, not '.nan'");
  CHECK(load("experience: [{domains: [ai], start: -2020-01}]\n").first() ==
        "p.yaml:1:37: error: start: '-2020-01' is not a date (expected YYYY-MM-DD or YYYY-MM)");
  CHECK(load("experience: [{domains: [ai], start: 2025-02-30}]\n").first() ==
        "p.yaml:1:37: error: start: '2025-02-30' is not a calendar date: 2025-02 has 28 days");
  CHECK(load("experience: [{domains: [ai], start: 2025-07, end: 2025-03}]\n").first() ==
        "p.yaml:1:51: error: end 2025-03-01 is before start 2025-07-01");
}

TEST_CASE("work that starts after the evaluation date is a warning and is not counted", "[hostile][input]") {
  auto l = load("experience: [{domains: [aigc], start: 2027-01}]\n");
  REQUIRE(l.diags.items.size() == 1);
  CHECK_FALSE(l.diags.has_errors());
  CHECK(l.first() == "p.yaml:1:39: warning: starts 2027-01-01, after the evaluation date 2026-11-23: not counted yet");
  auto m = measure_experience(builtin(), l.profile, "aigc", k_as_of);
  CHECK(m.months == 0);
  CHECK(m.years == 0);
}
