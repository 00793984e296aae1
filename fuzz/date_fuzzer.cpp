// Fuzzes the date parser and date arithmetic with their invariants: a parsed date
// prints back as written, days() and from_days() are inverse, adding months keeps
// the day or clamps it to the month's end, and adding then removing is the identity
// whenever no clamping happened.
#include <fuzzer/FuzzedDataProvider.h>
#include <cstddef>
#include <cstdint>
#include <string>

#include "advisor/date.hpp"

#include "fuzz_common.hpp"

using namespace advisor;

namespace {

using advisor::fuzz::require;

bool valid(const Date& d) {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= days_in_month(d.year, d.month);
}

void check_arithmetic(const Date& d, int months, long days) {
  require(valid(d), "a parsed date is a calendar date");
  require(Date::from_days(d.days()) == d, "from_days(days()) is the identity");
  require(Date::from_days(d.days() + 1) > d, "the next day is later");
  auto later = d.add_days(days);
  require(later.days() - d.days() == days, "add_days moves by that many days");
  require(later.add_days(-days) == d, "add_days then remove is the identity");
  require(valid(later), "add_days gives a calendar date");
  auto m = d.add_months(months);
  require(valid(m), "add_months gives a calendar date");
  require((m.year * 12L + m.month) - (d.year * 12L + d.month) == months, "add_months moves that many months");
  require(m.day == std::min(d.day, days_in_month(m.year, m.month)), "add_months keeps the day or clamps it");
  if (d.day <= 28) require(m.add_months(-months) == d, "add_months then remove is the identity");
  int years = months / 12;
  require(d.add_years(years) == d.add_months(years * 12), "a year is twelve months");
  if (months >= 0)
    require(m >= d, "adding months never goes back");
  else
    require(m <= d, "removing months never goes forward");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider in(data, size);
  // Up to a thousand years either way: far beyond any rule (80 years of experience,
  // 150 years of age), well inside int and long.
  int months = in.ConsumeIntegralInRange<int>(-12000, 12000);
  long days = in.ConsumeIntegralInRange<long>(-400000, 400000);
  std::string first = in.ConsumeRandomLengthString(32);
  std::string second = in.ConsumeRemainingBytesAsString();
  std::optional<Date> prev;
  for (const auto& text : {first, second}) {
    auto r = parse_date(text);
    if (!r.date) {
      require(!r.error.empty() && !r.error_zh.empty(), "a refused date says why, in both languages");
      continue;
    }
    require(r.error.empty(), "a parsed date has no error");
    require((r.month_only ? r.date->month_str() : r.date->str()) == text, "a date prints back as written");
    if (r.month_only) require(r.date->day == 1, "YYYY-MM is the first of the month");
    require(r.date->year >= 1900 && r.date->year <= 2200, "years are 1900..2200");
    check_arithmetic(*r.date, months, days);
    if (prev) require((*prev < *r.date) == (prev->days() < r.date->days()), "order is chronological");
    prev = r.date;
  }
  return 0;
}
