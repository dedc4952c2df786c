// Dates as written in 公文: 2009年9月2日 (GB/T 9704-2012 §7.3.5.4, Arabic numerals, no zero
// padding) or 二〇〇九年九月二日 (GB/T 9704-1999, Chinese numerals with 〇). Shared by the
// document reader (to fill a date the XML gives only as text) and the GW-2 rule.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"

namespace wenshu::core {

/// Which numerals a written date uses.
enum class DateNumerals { kArabic, kChinese };

/// A date parsed from its written form.
struct WrittenDate {
  Date date;
  DateNumerals numerals = DateNumerals::kArabic;
};

/// Parses exactly `YYYY年M月D日` (ASCII digits, no zero padding) or `〇〇〇〇年M月D日` in
/// Chinese numerals (年 digit by digit with 〇, month 一…十二, day 一…三十一). No spaces, no
/// look-alike characters, a real calendar date; nullopt otherwise.
std::optional<WrittenDate> parse_written_date(std::string_view text);

/// A Chinese numeral from 1 to 99 as used in dates and heading numbers (一, 十, 十二, 二十一);
/// nullopt for anything else (一十, 〇, 一百).
std::optional<int> parse_chinese_number(std::u32string_view s);
/// 1..99 in Chinese numerals (十二, 二十一).
std::string format_chinese_number(int n);

/// 二〇〇九年九月二日: the 1999-style form with Chinese numerals.
std::string format_date_chinese_numerals(const Date& d);

/// The form GB/T 9704 expects for a date: Arabic from 2012-07-01 (when GB/T 9704-2012 came
/// into force), Chinese numerals before.
DateNumerals expected_numerals(const Date& d);

}  // namespace wenshu::core
