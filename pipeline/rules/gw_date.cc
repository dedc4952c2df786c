// GW-2: the 成文日期. GB/T 9704-2012 §7.3.5.4: Arabic numerals, year in full, month and day
// without zero padding (2012年7月1日); documents dated before 2012-07-01 follow GB/T 9704-1999,
// Chinese numerals with 〇 for zero (二〇〇九年九月二日). No spaces inside either form.
#include <fmt/format.h>

#include "core/date_text.h"
#include "core/utf8.h"
#include "rules/gw.h"
#include "rules/gw_support.h"

namespace wenshu::rules {

namespace {

constexpr const char* kRule = "GW-2";
constexpr const char* kClause = "GB/T 9704-2012 7.3.5.4 成文日期";

// Characters typed for 〇: Latin O/o, digit 0 (both widths), white circles, and 零.
bool is_zero_lookalike(char32_t c) {
  return c == U'O' || c == U'o' || c == U'0' || c == U'Ｏ' || c == U'ｏ' || c == U'０' || c == U'○' ||
         c == U'◯' || c == U'零';
}

std::string canonical(const core::Date& d) {
  return core::expected_numerals(d) == core::DateNumerals::kArabic ? core::format_date_chinese(d)
                                                                   : core::format_date_chinese_numerals(d);
}

}  // namespace

void check_gw2_date(const model::Document& doc, core::DiagnosticSink& sink) {
  const model::Text& field = doc.date.text;
  if (field.empty()) {
    if (doc.format != model::DocFormat::kMinutes)
      gw::report_field(sink, doc, doc.location, kRule, kClause, "缺少成文日期 / the date is missing");
    return;
  }
  const std::u32string s = core::utf8_decode(field.value);
  auto finding = [&](std::size_t b, std::size_t e, std::string msg) {
    gw::Finding f;
    f.rule = kRule;
    f.clause = kClause;
    f.begin = b;
    f.end = e;
    f.message = std::move(msg);
    return f;
  };
  // Chinese style when a Chinese digit stands before 年.
  const std::size_t nian = s.find(U'年');
  bool chinese = false;
  for (std::size_t i = 0; i < std::min(nian, s.size()); ++i)
    if (gw::is_chinese_numeral(s[i])) chinese = true;

  std::u32string normalized;  // the text with each local problem repaired
  std::size_t local_findings = 0;
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = s[i];
    if (gw::is_space(c)) {
      std::size_t j = i;
      while (j < s.size() && gw::is_space(s[j])) ++j;
      auto f = finding(i, j, "成文日期中不应有空格 / no spaces in the date");
      gw::set_deletion(f, s);
      f.hints.push_back("删除空格");
      gw::report(sink, doc, field, std::move(f));
      ++local_findings;
      i = j;
    } else if (chinese && is_zero_lookalike(c)) {
      std::size_t j = i;
      while (j < s.size() && is_zero_lookalike(s[j])) ++j;
      auto f = finding(i, j, fmt::format("成文日期中的“{}”不是汉字数字“〇”（U+3007） / use 〇 for zero",
                                         gw::slice(s, i, j)));
      f.fix = core::utf8_encode(std::u32string(j - i, U'〇'));
      gw::report(sink, doc, field, std::move(f));
      ++local_findings;
      normalized.append(j - i, U'〇');
      i = j;
    } else if (!chinese && (c == U'O' || c == U'o' || c == U'Ｏ' || c == U'ｏ' || (c >= U'０' && c <= U'９'))) {
      std::size_t j = i;
      std::u32string fixed;
      while (j < s.size() && (s[j] == U'O' || s[j] == U'o' || s[j] == U'Ｏ' || s[j] == U'ｏ' ||
                              (s[j] >= U'０' && s[j] <= U'９'))) {
        fixed += (s[j] >= U'１' && s[j] <= U'９') ? U'1' + (s[j] - U'１') : U'0';
        ++j;
      }
      auto f = finding(i, j, "成文日期应使用半角阿拉伯数字 / half-width Arabic digits");
      f.fix = core::utf8_encode(fixed);
      gw::report(sink, doc, field, std::move(f));
      ++local_findings;
      normalized += fixed;
      i = j;
    } else {
      normalized += c;
      ++i;
    }
  }
  // Zero padding of month and day (2012年07月01日): "不编虚位".
  if (!chinese) {
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
      if ((s[i] == U'年' || s[i] == U'月') && s[i + 1] == U'0' && i + 2 < s.size() && s[i + 2] >= U'1' &&
          s[i + 2] <= U'9') {
        auto f = finding(i + 1, i + 2, "成文日期的月、日不编虚位（不加前导0） / no zero padding");
        gw::set_deletion(f, s);
        gw::report(sink, doc, field, std::move(f));
        ++local_findings;
        const auto at = normalized.find(std::u32string{s[i], U'0', s[i + 2]});
        if (at != std::u32string::npos) normalized.erase(at + 1, 1);
      }
    }
  }

  const auto written = core::parse_written_date(core::utf8_encode(normalized));
  const std::optional<core::Date> date = written ? std::optional(written->date) : doc.date.value;
  if (!written) {
    auto f = finding(0, s.size(), "成文日期无法识别为有效日期 / not a valid date");
    f.hints.push_back("写法：2012年7月1日；2012年7月1日以前成文的写作 二〇一二年六月三十日");
    if (doc.date.value) f.fix = canonical(*doc.date.value);
    if (local_findings == 0 || !doc.date.value) gw::report(sink, doc, field, std::move(f));
    return;
  }
  if (doc.date.value && *doc.date.value != written->date) {
    auto f = finding(0, s.size(), fmt::format("成文日期写的是 {}，与 value 属性 {} 不一致 / text and value disagree",
                                              core::format_date(written->date), core::format_date(*doc.date.value)));
    gw::report(sink, doc, field, std::move(f));
  }
  if (written->numerals != core::expected_numerals(*date)) {
    const bool arabic = core::expected_numerals(*date) == core::DateNumerals::kArabic;
    auto f = finding(0, s.size(),
                     arabic ? "2012年7月1日起成文的公文，日期用阿拉伯数字 / Arabic numerals from 2012-07-01"
                            : "2012年7月1日前成文的公文，日期用汉字数字，零写作“〇”（GB/T 9704-1999） / Chinese numerals before 2012-07-01");
    f.fix = canonical(*date);
    gw::report(sink, doc, field, std::move(f));
  }
}

}  // namespace wenshu::rules
