// GW-1: the 发文字号 (GB/T 9704-2012 §7.2.5): 机关代字 + year in full inside 六角括号 〔〕 +
// sequence number without 第 and without leading zeros + 号, e.g. 国办发〔2012〕1号.
#include <fmt/format.h>

#include "core/date_text.h"
#include "core/utf8.h"
#include "rules/gw.h"
#include "rules/gw_support.h"

namespace wenshu::rules {

namespace {

constexpr const char* kRule = "GW-1";
constexpr const char* kClause = "GB/T 9704-2012 7.2.5 发文字号";

// Brackets people type for 〔〕: square, lenticular, round, angle, curly, in both widths.
constexpr std::u32string_view kOpen = U"〔[【(（［〈<{｛";
constexpr std::u32string_view kClose = U"〕]】)）］〉>}｝";

bool is_digit(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９'); }
char32_t ascii_digit(char32_t c) { return c >= U'０' && c <= U'９' ? U'0' + (c - U'０') : c; }

/// One 发文字号 being checked: its characters and where findings go.
struct Scan {
  const model::Document& doc;
  const model::Text& field;
  core::DiagnosticSink& sink;
  std::u32string s;

  gw::Finding finding(std::size_t b, std::size_t e, std::string msg) const {
    gw::Finding f;
    f.rule = kRule;
    f.clause = kClause;
    f.begin = b;
    f.end = e;
    f.message = std::move(msg);
    return f;
  }
  void report(gw::Finding f) const { gw::report(sink, doc, field, std::move(f)); }
};

/// The year group: an opening bracket, digits (spaces allowed), a closing one.
struct YearGroup {
  std::size_t open = std::u32string::npos, close = std::u32string::npos;
  std::u32string year;  ///< its digits, half-width
};

// Spaces anywhere: the number is one unbroken string.
void check_spaces(const Scan& c) {
  const auto& s = c.s;
  for (std::size_t i = 0; i < s.size();) {
    if (!gw::is_space(s[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < s.size() && gw::is_space(s[j])) ++j;
    auto f = c.finding(i, j, "发文字号中不应有空格 / no spaces in the document number");
    gw::set_deletion(f, s);
    f.hints.push_back("删除空格");
    c.report(std::move(f));
    i = j;
  }
}

YearGroup find_year(const std::u32string& s) {
  YearGroup g;
  for (std::size_t i = 0; i < s.size() && g.close == std::u32string::npos; ++i) {
    if (kOpen.find(s[i]) == std::u32string_view::npos) continue;
    std::size_t j = i + 1;
    std::u32string digits;
    while (j < s.size() && (is_digit(s[j]) || gw::is_space(s[j]))) {
      if (is_digit(s[j])) digits += ascii_digit(s[j]);
      ++j;
    }
    if (!digits.empty() && j < s.size() && kClose.find(s[j]) != std::u32string_view::npos) {
      g.open = i;
      g.close = j;
      g.year = digits;
    }
  }
  return g;
}

void check_agency(const Scan& c, const YearGroup& g) {
  std::size_t agency_end = g.open;
  while (agency_end > 0 && gw::is_space(c.s[agency_end - 1])) --agency_end;
  if (agency_end != 0) return;
  auto f = c.finding(0, g.open + 1, "发文字号缺少机关代字 / the issuer code is missing");
  f.hints.push_back("格式：机关代字〔年份〕序号号，如 市委发〔2009〕32号");
  c.report(std::move(f));
}

// Year: four digits (GB/T 9704-2012 7.2.5 "年份应标全称").
void check_year(const Scan& c, const YearGroup& g) {
  const auto& s = c.s;
  std::u32string year_fixed = g.year;
  const bool year_ok = g.year.size() == 4;
  if (!year_ok && g.year.size() == 2 && c.doc.date.value &&
      c.doc.date.value->year % 100 == std::stoi(core::utf8_encode(g.year)))
    year_fixed = core::utf8_decode(std::to_string(c.doc.date.value->year));
  const std::u32string written_year(s.begin() + static_cast<long>(g.open) + 1, s.begin() + static_cast<long>(g.close));
  const bool brackets_ok = s[g.open] == U'〔' && s[g.close] == U'〕';
  const bool digits_ascii = written_year == g.year;  // no full-width digits, no spaces inside
  if (brackets_ok && digits_ascii && year_ok) return;
  std::vector<std::string> problems;
  if (!brackets_ok)
    problems.push_back(fmt::format("年份应括入六角括号〔〕，不用“{}{}”", gw::slice(s, g.open, g.open + 1),
                                   gw::slice(s, g.close, g.close + 1)));
  if (!year_ok) problems.push_back("年份应写全称（4位数字）");
  if (!digits_ascii && year_ok) problems.push_back("年份应为半角阿拉伯数字，中间无空格");
  std::string msg;
  for (const auto& p : problems) msg += (msg.empty() ? "" : "；") + p;
  auto f = c.finding(g.open, g.close + 1, msg + " / the year goes in full inside 〔〕");
  if (year_fixed.size() == 4) f.fix = "〔" + core::utf8_encode(year_fixed) + "〕";
  c.report(std::move(f));
}

/// Leading zeros and full-width digits in the sequence number [begin, end).
void check_digits(const Scan& c, std::size_t begin, std::size_t end) {
  const auto& s = c.s;
  std::size_t zeros_end = begin;
  while (zeros_end + 1 < end && ascii_digit(s[zeros_end]) == U'0') ++zeros_end;
  if (zeros_end > begin) {
    auto f = c.finding(begin, zeros_end, "发文字号的序号不编虚位（不加前导0） / no leading zeros");
    gw::set_deletion(f, s);
    f.hints.push_back("删除序号前的0");
    c.report(std::move(f));
  }
  for (std::size_t k = begin; k < end; ++k) {
    if (s[k] < U'０' || s[k] > U'９') continue;
    std::size_t e = k;
    std::u32string fixed;
    while (e < end && s[e] >= U'０' && s[e] <= U'９') fixed += ascii_digit(s[e++]);
    auto f = c.finding(k, e, "发文字号的序号应为半角阿拉伯数字 / half-width digits");
    f.fix = core::utf8_encode(fixed);
    c.report(std::move(f));
    k = e;
  }
}

// Sequence number: no 第, Arabic digits, no leading zeros. Returns where 号 should follow.
std::size_t check_sequence(const Scan& c, const YearGroup& g) {
  const auto& s = c.s;
  std::size_t i = g.close + 1;
  while (i < s.size() && gw::is_space(s[i])) ++i;
  if (i < s.size() && s[i] == U'第') {
    auto f = c.finding(i, i + 1, "发文字号的序号前不加“第” / no 第 before the number");
    gw::set_deletion(f, s);
    f.hints.push_back("删除“第”");
    c.report(std::move(f));
    ++i;
  }
  const std::size_t num_begin = i;
  while (i < s.size() && (is_digit(s[i]) || gw::is_space(s[i]))) ++i;
  std::size_t num_end = i;
  while (num_end > num_begin && gw::is_space(s[num_end - 1])) --num_end;
  if (num_end != num_begin) {
    check_digits(c, num_begin, num_end);
    return i;
  }
  // Chinese numerals (三十二号) or nothing at all.
  std::size_t j = i;
  while (j < s.size() && gw::is_chinese_numeral(s[j])) ++j;
  if (j == i) {
    c.report(c.finding(g.close, g.close + 1, "发文字号缺少顺序号 / the sequence number is missing"));
    return i;
  }
  auto f = c.finding(i, j, "发文字号的序号应使用阿拉伯数字 / the number uses Arabic digits");
  if (const auto n = core::parse_chinese_number(std::u32string_view(s).substr(i, j - i))) f.fix = std::to_string(*n);
  c.report(std::move(f));
  return j;
}

// 号 after the number, and nothing after it.
void check_ending(const Scan& c, std::size_t i) {
  const auto& s = c.s;
  if (i >= s.size()) {
    auto f = c.finding(s.size() - 1, s.size(), "发文字号应以“号”结尾 / the number ends with 号");
    f.fix = gw::slice(s, s.size() - 1, s.size()) + "号";
    c.report(std::move(f));
    return;
  }
  if (s[i] != U'号') {
    c.report(c.finding(i, s.size(), fmt::format("发文字号的序号后应为“号”，而不是“{}” / 号 expected", gw::slice(s, i, s.size()))));
    return;
  }
  std::size_t after = i + 1;
  while (after < s.size() && gw::is_space(s[after])) ++after;  // trailing spaces reported above
  if (after < s.size()) c.report(c.finding(after, s.size(), "发文字号在“号”之后不应再有文字 / nothing after 号"));
}

}  // namespace

void check_gw1_doc_number(const model::Document& doc, core::DiagnosticSink& sink) {
  const model::Text& field = doc.doc_number;
  // §10.2 and §10.3: an order carries a 令号 (第1号) and minutes an issue number (第5期), not a
  // 发文字号.
  if (field.empty() || doc.format == model::DocFormat::kOrder || doc.format == model::DocFormat::kMinutes) return;
  const Scan c{doc, field, sink, core::utf8_decode(field.value)};
  check_spaces(c);
  const YearGroup g = find_year(c.s);
  if (g.close == std::u32string::npos) {
    auto f = c.finding(0, c.s.size(), "发文字号缺少用六角括号〔〕括入的年份 / the year in 〔〕 is missing");
    f.hints.push_back("格式：机关代字〔年份〕序号号，如 市委发〔2009〕32号");
    c.report(std::move(f));
    return;
  }
  check_agency(c, g);
  check_year(c, g);
  check_ending(c, check_sequence(c, g));
}

}  // namespace wenshu::rules
