#include "advisor/date.hpp"

#include <fmt/format.h>
#include <chrono>

namespace advisor {

bool is_leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap_year(y) ? 29 : k_days[m - 1];
}

// Howard Hinnant's days_from_civil / civil_from_days.
long Date::days() const {
  int y = year - (month <= 2 ? 1 : 0);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long mp = (month + 9) % 12;
  long doy = (153 * mp + 2) / 5 + day - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date Date::from_days(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return Date{static_cast<int>(y + (m <= 2 ? 1 : 0)), m, d};
}

Date Date::add_months(int n) const {
  long total = static_cast<long>(year) * 12 + (month - 1) + n;
  int y = static_cast<int>(total >= 0 ? total / 12 : (total - 11) / 12);
  int m = static_cast<int>(total - static_cast<long>(y) * 12) + 1;
  int d = std::min(day, days_in_month(y, m));
  return Date{y, m, d};
}

std::string Date::str() const { return fmt::format("{:04}-{:02}-{:02}", year, month, day); }
std::string Date::month_str() const { return fmt::format("{:04}-{:02}", year, month); }

namespace {
bool parse_digits(std::string_view s, int& out) {
  if (s.empty()) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  out = v;
  return true;
}
}  // namespace

DateParse parse_date(std::string_view text) {
  DateParse r;
  int y = 0, m = 0, d = 1;
  bool shape_ok = false;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    shape_ok =
        parse_digits(text.substr(0, 4), y) && parse_digits(text.substr(5, 2), m) && parse_digits(text.substr(8, 2), d);
  } else if (text.size() == 7 && text[4] == '-') {
    shape_ok = parse_digits(text.substr(0, 4), y) && parse_digits(text.substr(5, 2), m);
    r.month_only = true;
  }
  if (!shape_ok) {
    r.error = fmt::format("'{}' is not a date (expected YYYY-MM-DD or YYYY-MM)", text);
    r.error_zh = fmt::format("“{}”不是日期（应为 YYYY-MM-DD 或 YYYY-MM）", text);
    return r;
  }
  if (y < 1900 || y > 2200) {
    r.error = fmt::format("year {} in '{}' is out of range (1900 to 2200)", y, text);
    r.error_zh = fmt::format("“{}”中的年份 {} 超出范围（1900 至 2200）", text, y);
    return r;
  }
  if (m < 1 || m > 12) {
    r.error = fmt::format("'{}' has no month {}", text, m);
    r.error_zh = fmt::format("“{}”的月份 {} 不存在", text, m);
    return r;
  }
  if (d < 1 || d > days_in_month(y, m)) {
    r.error = fmt::format("'{}' is not a calendar date: {:04}-{:02} has {} days", text, y, m, days_in_month(y, m));
    r.error_zh = fmt::format("“{}”不是有效日期：{:04}-{:02} 只有 {} 天", text, y, m, days_in_month(y, m));
    return r;
  }
  r.date = Date{y, m, d};
  return r;
}

Date today() {
  auto now = std::chrono::system_clock::now();
  auto days = std::chrono::floor<std::chrono::days>(now).time_since_epoch().count();
  return Date::from_days(static_cast<long>(days));
}

}  // namespace advisor
