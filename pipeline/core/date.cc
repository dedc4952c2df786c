#include "core/date.h"

#include <fmt/format.h>

namespace wenshu::core {

bool is_leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && is_leap_year(y) ? 29 : kDays[m - 1];
}

bool is_valid(const Date& d) {
  return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
         d.day <= days_in_month(d.year, d.month);
}

// Howard Hinnant's days_from_civil.
std::int64_t to_days(const Date& d) {
  const std::int64_t y = d.year - (d.month <= 2);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (d.month + 9) % 12;
  const std::int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = yoe + era * 400;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return Date{static_cast<int>(y + (m <= 2)), m, d};
}

Date add_days(const Date& d, std::int64_t n) { return from_days(to_days(d) + n); }
std::int64_t days_between(const Date& a, const Date& b) { return to_days(b) - to_days(a); }

namespace {
bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}
}  // namespace

std::optional<Date> parse_date(std::string_view s) {
  Date d;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (!digits(s, 0, 4, d.year) || !digits(s, 5, 2, d.month) || !digits(s, 8, 2, d.day)) return std::nullopt;
  if (!is_valid(d)) return std::nullopt;
  return d;
}

std::string format_date(const Date& d) { return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day); }
std::string format_date_compact(const Date& d) { return fmt::format("{:04}{:02}{:02}", d.year, d.month, d.day); }
std::string format_date_chinese(const Date& d) { return fmt::format("{}年{}月{}日", d.year, d.month, d.day); }
int quarter_of(const Date& d) { return (d.month - 1) / 3 + 1; }
int half_of(const Date& d) { return d.month <= 6 ? 1 : 2; }

std::int64_t to_minutes(const DateTime& t) { return to_days(t.date) * 1440 + t.hour * 60 + t.minute; }

std::optional<DateTime> parse_datetime(std::string_view s) {
  if (s.size() != 16 && !(s.size() == 19 && s[16] == ':')) return std::nullopt;
  auto d = parse_date(s.substr(0, 10));
  if (!d || (s[10] != 'T' && s[10] != ' ') || s[13] != ':') return std::nullopt;
  DateTime t{*d};
  if (!digits(s, 11, 2, t.hour) || !digits(s, 14, 2, t.minute) || t.hour > 23 || t.minute > 59) return std::nullopt;
  if (s.size() == 19) {
    int sec;
    if (!digits(s, 17, 2, sec) || sec > 59) return std::nullopt;
  }
  return t;
}

std::string format_datetime(const DateTime& t) {
  return fmt::format("{}T{:02}:{:02}", format_date(t.date), t.hour, t.minute);
}

}  // namespace wenshu::core
