#pragma once
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace advisor {

/// A calendar date (proleptic Gregorian). Plain value type; ordering is chronological.
struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;

  auto operator<=>(const Date&) const = default;

  /// Days since 1970-01-01 (negative before).
  long days() const;
  static Date from_days(long days);

  /// Adds months keeping the day, clamped to the end of the target month
  /// (2024-01-31 + 1 month = 2024-02-29).
  Date add_months(int months) const;
  /// Adds years keeping the day, clamped (2024-02-29 + 1 year = 2025-02-28).
  Date add_years(int years) const { return add_months(years * 12); }
  Date add_days(long n) const { return from_days(days() + n); }

  /// YYYY-MM-DD.
  std::string str() const;
  /// YYYY-MM.
  std::string month_str() const;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);

/// Why a date string was refused; empty when it parsed.
struct DateParse {
  std::optional<Date> date;
  std::string error;  ///< English; see date_error_zh for the Chinese text
  std::string error_zh;
  bool month_only = false;  ///< the text was YYYY-MM
};

/// Parses YYYY-MM-DD or YYYY-MM (the 1st of that month). Years 1900..2200.
DateParse parse_date(std::string_view text);

/// Today's date from the system clock (UTC).
Date today();

}  // namespace advisor
