#include "core/date_text.h"

#include <array>

#include "core/utf8.h"

namespace wenshu::core {

namespace {

constexpr std::array<char32_t, 10> kChineseDigits = {U'〇', U'一', U'二', U'三', U'四',
                                                     U'五', U'六', U'七', U'八', U'九'};

int chinese_digit(char32_t c) {
  for (int i = 0; i < 10; ++i)
    if (kChineseDigits[i] == c) return i;
  return -1;
}

std::optional<int> parse_arabic_number(std::u32string_view s, std::size_t max_digits) {
  if (s.empty() || s.size() > max_digits || s[0] == U'0') return std::nullopt;
  int v = 0;
  for (char32_t c : s) {
    if (c < U'0' || c > U'9') return std::nullopt;
    v = v * 10 + static_cast<int>(c - U'0');
  }
  return v;
}

}  // namespace

// 一…九, 十, 十一…十九, 二十…九十九 written the usual way (二十, 二十一, 三十一); no 〇 inside.
std::optional<int> parse_chinese_number(std::u32string_view s) {
  if (s.empty() || s.size() > 3) return std::nullopt;
  const auto ten = s.find(U'十');
  if (ten == std::u32string_view::npos) {
    if (s.size() != 1) return std::nullopt;
    const int d = chinese_digit(s[0]);
    return d >= 1 ? std::optional<int>(d) : std::nullopt;
  }
  int tens = 1;
  if (ten == 1) {
    tens = chinese_digit(s[0]);
    if (tens < 2) return std::nullopt;  // 一十 is not how a date is written
  } else if (ten != 0) {
    return std::nullopt;
  }
  int units = 0;
  if (ten + 1 < s.size()) {
    if (ten + 2 != s.size()) return std::nullopt;
    units = chinese_digit(s[ten + 1]);
    if (units < 1) return std::nullopt;
  }
  return tens * 10 + units;
}

std::string format_chinese_number(int n) {
  if (n < 1 || n > 99) return std::to_string(n);
  std::u32string s;
  if (n >= 20) s += kChineseDigits[n / 10];
  if (n >= 10) s += U'十';
  if (n % 10 != 0 || n < 10) s += kChineseDigits[n % 10];
  return utf8_encode(s);
}

std::optional<WrittenDate> parse_written_date(std::string_view text) {
  const std::u32string s = utf8_decode(text);
  const auto y = s.find(U'年');
  const auto m = s.find(U'月');
  const auto d = s.find(U'日');
  if (y == std::u32string::npos || m == std::u32string::npos || d == std::u32string::npos) return std::nullopt;
  if (!(y < m && m < d) || d + 1 != s.size() || y != 4) return std::nullopt;
  const std::u32string_view sv(s);
  const auto year_part = sv.substr(0, 4), month_part = sv.substr(y + 1, m - y - 1),
             day_part = sv.substr(m + 1, d - m - 1);
  WrittenDate out;
  if (year_part[0] >= U'0' && year_part[0] <= U'9') {
    out.numerals = DateNumerals::kArabic;
    const auto yy = parse_arabic_number(year_part, 4);
    const auto mm = parse_arabic_number(month_part, 2);
    const auto dd = parse_arabic_number(day_part, 2);
    if (!yy || !mm || !dd) return std::nullopt;
    out.date = {*yy, *mm, *dd};
  } else {
    out.numerals = DateNumerals::kChinese;
    int year = 0;
    for (char32_t c : year_part) {
      const int digit = chinese_digit(c);
      if (digit < 0) return std::nullopt;
      year = year * 10 + digit;
    }
    const auto mm = parse_chinese_number(month_part);
    const auto dd = parse_chinese_number(day_part);
    if (!mm || !dd) return std::nullopt;
    out.date = {year, *mm, *dd};
  }
  if (!is_valid(out.date)) return std::nullopt;
  return out;
}

std::string format_date_chinese_numerals(const Date& d) {
  std::u32string year;
  int y = d.year;
  for (int i = 0; i < 4; ++i, y /= 10) year.insert(year.begin(), kChineseDigits[y % 10]);
  return utf8_encode(year) + "年" + format_chinese_number(d.month) + "月" + format_chinese_number(d.day) + "日";
}

DateNumerals expected_numerals(const Date& d) {
  // GB/T 9704-2012 took effect on 2012-07-01 (§7.3.5.4: Arabic numerals); GB/T 9704-1999
  // wrote dates in Chinese numerals with 〇.
  return d >= Date{2012, 7, 1} ? DateNumerals::kArabic : DateNumerals::kChinese;
}

}  // namespace wenshu::core
