// Calendar arithmetic: the dates every eligibility answer depends on.
#include <catch2/catch.hpp>

#include "advisor/date.hpp"
#include "advisor/rules.hpp"

using advisor::Date;
using advisor::parse_date;

namespace {
Date d(int y, int m, int day) { return Date{y, m, day}; }
}  // namespace

TEST_CASE("a full date parses to itself", "[core][date]") {
  auto r = parse_date("2025-07-15");
  REQUIRE(r.date);
  CHECK(*r.date == d(2025, 7, 15));
  CHECK_FALSE(r.month_only);
  CHECK(r.error.empty());
}

TEST_CASE("YYYY-MM means the first day of that month", "[core][date]") {
  auto r = parse_date("2025-07");
  REQUIRE(r.date);
  CHECK(*r.date == d(2025, 7, 1));
  CHECK(r.month_only);
}

TEST_CASE("30 February is refused with a message naming the month's length", "[core][date]") {
  auto r = parse_date("2025-02-30");
  CHECK_FALSE(r.date);
  CHECK(r.error == "'2025-02-30' is not a calendar date: 2025-02 has 28 days");
  CHECK(r.error_zh == "“2025-02-30”不是有效日期：2025-02 只有 28 天");
}

TEST_CASE("29 February exists only in leap years", "[core][date]") {
  CHECK(parse_date("2024-02-29").date == d(2024, 2, 29));
  CHECK(parse_date("2000-02-29").date == d(2000, 2, 29));
  CHECK(parse_date("1900-02-29").error == "'1900-02-29' is not a calendar date: 1900-02 has 28 days");
  CHECK(parse_date("2025-02-29").error == "'2025-02-29' is not a calendar date: 2025-02 has 28 days");
}

TEST_CASE("years outside 1900 to 2200 are refused", "[core][date]") {
  CHECK(parse_date("1899-12-31").error == "year 1899 in '1899-12-31' is out of range (1900 to 2200)");
  CHECK(parse_date("2201-01").error == "year 2201 in '2201-01' is out of range (1900 to 2200)");
  CHECK(parse_date("1900-01-01").date == d(1900, 1, 1));
  CHECK(parse_date("2200-12-31").date == d(2200, 12, 31));
}

TEST_CASE("malformed dates and month 13 are refused", "[core][date]") {
  CHECK(parse_date("2025-13-01").error == "'2025-13-01' has no month 13");
  CHECK(parse_date("2025-00").error == "'2025-00' has no month 0");
  CHECK(parse_date("2025/07/01").error == "'2025/07/01' is not a date (expected YYYY-MM-DD or YYYY-MM)");
  CHECK(parse_date("25-07-01").error == "'25-07-01' is not a date (expected YYYY-MM-DD or YYYY-MM)");
  CHECK(parse_date("2025-7-1").error == "'2025-7-1' is not a date (expected YYYY-MM-DD or YYYY-MM)");
  CHECK(parse_date("").error == "'' is not a date (expected YYYY-MM-DD or YYYY-MM)");
  CHECK(parse_date("２０２５-07-01").error.find("is not a date") != std::string::npos);
}

TEST_CASE("adding a year to 29 February clamps to 28 February", "[core][date]") {
  CHECK(d(2024, 2, 29).add_years(1) == d(2025, 2, 28));
  CHECK(d(2024, 2, 29).add_years(4) == d(2028, 2, 29));
  CHECK(d(2024, 2, 29).add_years(-1) == d(2023, 2, 28));
}

TEST_CASE("adding a month to 31 January clamps to the end of February", "[core][date]") {
  CHECK(d(2024, 1, 31).add_months(1) == d(2024, 2, 29));
  CHECK(d(2025, 1, 31).add_months(1) == d(2025, 2, 28));
  CHECK(d(2025, 3, 31).add_months(1) == d(2025, 4, 30));
  CHECK(d(2025, 3, 31).add_months(-1) == d(2025, 2, 28));
}

TEST_CASE("adding months carries across years in both directions", "[core][date]") {
  CHECK(d(2025, 11, 15).add_months(3) == d(2026, 2, 15));
  CHECK(d(2025, 1, 15).add_months(-1) == d(2024, 12, 15));
  CHECK(d(2025, 1, 15).add_months(-13) == d(2023, 12, 15));
  CHECK(d(2025, 7, 1).add_months(24) == d(2027, 7, 1));
}

TEST_CASE("day numbers round-trip and count from 1970-01-01", "[core][date]") {
  CHECK(d(1970, 1, 1).days() == 0);
  CHECK(d(1970, 1, 2).days() == 1);
  CHECK(d(1969, 12, 31).days() == -1);
  CHECK(d(2000, 3, 1).days() - d(2000, 2, 28).days() == 2);
  CHECK(d(2100, 3, 1).days() - d(2100, 2, 28).days() == 1);
  for (long n = d(1900, 1, 1).days(); n <= d(2200, 12, 31).days(); n += 97) {
    auto x = Date::from_days(n);
    REQUIRE(x.days() == n);
  }
  CHECK(Date::from_days(d(2024, 2, 29).days()) == d(2024, 2, 29));
  CHECK(d(2024, 2, 28).add_days(1) == d(2024, 2, 29));
  CHECK(d(2024, 2, 29).add_days(1) == d(2024, 3, 1));
}

TEST_CASE("dates print as YYYY-MM-DD and months as YYYY-MM", "[core][date]") {
  CHECK(d(2026, 7, 1).str() == "2026-07-01");
  CHECK(d(2026, 7, 1).month_str() == "2026-07");
  CHECK(d(1999, 12, 31).str() == "1999-12-31");
}

TEST_CASE("leap years follow the Gregorian rule", "[core][date]") {
  CHECK(advisor::is_leap_year(2024));
  CHECK_FALSE(advisor::is_leap_year(2025));
  CHECK_FALSE(advisor::is_leap_year(1900));
  CHECK(advisor::is_leap_year(2000));
  CHECK(advisor::days_in_month(2024, 2) == 29);
  CHECK(advisor::days_in_month(2025, 2) == 28);
  CHECK(advisor::days_in_month(2025, 4) == 30);
  CHECK(advisor::days_in_month(2025, 12) == 31);
}

TEST_CASE("someone born on 29 February comes of age on 28 February in a common year", "[core][date]") {
  Date birth = d(2008, 2, 29);
  CHECK(advisor::age_on(birth, d(2026, 2, 27)) == 17);
  CHECK(advisor::age_on(birth, d(2026, 2, 28)) == 18);
  CHECK(advisor::age_on(birth, d(2026, 3, 1)) == 18);
  // In a leap year the birthday is the 29th itself.
  CHECK(advisor::age_on(birth, d(2028, 2, 28)) == 19);
  CHECK(advisor::age_on(birth, d(2028, 2, 29)) == 20);
}

TEST_CASE("age counts whole years, turning on the birthday", "[core][date]") {
  Date birth = d(1994, 5, 10);
  CHECK(advisor::age_on(birth, d(2026, 5, 9)) == 31);
  CHECK(advisor::age_on(birth, d(2026, 5, 10)) == 32);
  CHECK(advisor::age_on(birth, d(1994, 5, 10)) == 0);
}
