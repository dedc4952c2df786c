// Calendar dates and minute-precision times from the records (never the wall clock).
// Proleptic Gregorian; no time zones (records are in local time, Asia/Shanghai).
#pragma once
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wenshu::core {

/// A calendar date.
struct Date {
  int year = 0, month = 0, day = 0;
  auto operator<=>(const Date&) const = default;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);
bool is_valid(const Date& d);
/// Days since 1970-01-01 (negative before).
std::int64_t to_days(const Date& d);
Date from_days(std::int64_t days);
Date add_days(const Date& d, std::int64_t n);
/// b - a in days.
std::int64_t days_between(const Date& a, const Date& b);
/// Parses exactly YYYY-MM-DD; nullopt if malformed or not a real date (2009-02-29).
std::optional<Date> parse_date(std::string_view s);
/// YYYY-MM-DD.
std::string format_date(const Date& d);
/// YYYYMMDD (DA/T 22 directory form).
std::string format_date_compact(const Date& d);
/// 2009年9月2日 (GB/T 9704-2012 §7.3.5.4: Arabic, no zero padding).
std::string format_date_chinese(const Date& d);
/// 1-based quarter of the month's date; 1-based half-year.
int quarter_of(const Date& d);
int half_of(const Date& d);

/// A date and a time of day, to the minute.
struct DateTime {
  Date date;
  int hour = 0, minute = 0;
  auto operator<=>(const DateTime&) const = default;
};
/// Minutes since 1970-01-01T00:00.
std::int64_t to_minutes(const DateTime& t);
/// Parses YYYY-MM-DDThh:mm (seconds ":ss" accepted and ignored when 00).
std::optional<DateTime> parse_datetime(std::string_view s);
std::string format_datetime(const DateTime& t);

}  // namespace wenshu::core
