// The wording check (see wording_check.h).
#include "doccheck/wording_check.h"

#include <algorithm>

#include <fmt/format.h>

#include "core/utf8.h"

namespace wenshu::doccheck {

namespace {

bool ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool latin_letter(char32_t c) {
  return (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z') || (c >= U'Ａ' && c <= U'Ｚ') || (c >= U'ａ' && c <= U'ｚ');
}

std::string utf8(const std::u32string& s, std::size_t pos, std::size_t len) {
  return core::utf8_encode(s.substr(pos, len));
}

/// Length of a standard's designation starting at `i` (GB/T 9704-2012, DA/T 22-2015,
/// GB 2312-1980), 0 when none starts there.
std::size_t designation(const std::u32string& t, std::size_t i) {
  static const std::u32string kPrefixes[] = {U"GB/T ", U"DA/T ", U"GB/Z ", U"GB ", U"DA ", U"DB"};
  for (const auto& p : kPrefixes) {
    if (t.compare(i, p.size(), p) != 0) continue;
    std::size_t k = i + p.size();
    while (k < t.size() && (ascii_digit(t[k]) || t[k] == U'/')) ++k;  // DB62/T …
    while (k < t.size() && (t[k] == U'T' || t[k] == U' ')) ++k;
    const std::size_t digits = k;
    while (k < t.size() && (ascii_digit(t[k]) || t[k] == U'.' || t[k] == U'-' || t[k] == U'—')) ++k;
    if (k > digits) return k - i;
  }
  return 0;
}

/// The run of id-like characters around position i (letters, digits, '-', '.', '_').
std::string token_at(const std::u32string& t, std::size_t i) {
  auto id_char = [](char32_t c) { return latin_letter(c) || ascii_digit(c) || c == U'-' || c == U'.' || c == U'_'; };
  std::size_t b = i, e = i;
  while (b > 0 && id_char(t[b - 1])) --b;
  while (e < t.size() && id_char(t[e])) ++e;
  return utf8(t, b, e - b);
}

/// A telephone number 0936-8212001 (area code, hyphen, 7 or 8 digits) around the hyphen at i.
bool phone_number(const std::u32string& t, std::size_t i) {
  std::size_t b = i, e = i + 1;
  while (b > 0 && ascii_digit(t[b - 1])) --b;
  while (e < t.size() && ascii_digit(t[e])) ++e;
  const std::size_t area = i - b, local = e - i - 1;
  return t[b] == U'0' && area >= 3 && area <= 4 && local >= 7 && local <= 8 &&
         (b == 0 || !latin_letter(t[b - 1]));
}

/// dddd-dd-dd, dddd/d/d, dddd.dd.dd at i: the length, or 0.
std::size_t numeric_date(const std::u32string& t, std::size_t i) {
  std::size_t k = i;
  auto digits = [&](std::size_t lo, std::size_t hi) {
    const std::size_t s = k;
    while (k < t.size() && ascii_digit(t[k]) && k - s < hi) ++k;
    return k - s >= lo;
  };
  if (!digits(4, 4) || k >= t.size()) return 0;
  const char32_t sep = t[k];
  if (sep != U'-' && sep != U'/' && sep != U'.') return 0;
  ++k;
  if (!digits(1, 2) || k >= t.size() || t[k] != sep) return 0;
  ++k;
  if (!digits(1, 2)) return 0;
  return k - i;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> wording_problems(const std::string& text) {
  std::vector<std::pair<std::string, std::string>> out;
  const std::u32string t = core::utf8_decode(text);
  for (std::size_t i = 0; i < t.size(); ++i) {
    const bool word_start = i == 0 || !(latin_letter(t[i - 1]) || ascii_digit(t[i - 1]) || t[i - 1] == U'-');
    if (word_start) {
      if (const std::size_t d = designation(t, i)) {
        i += d - 1;
        continue;
      }
      if (const std::size_t d = numeric_date(t, i)) {
        out.emplace_back("date", fmt::format("日期写成“{}”（应按文中日期格式写作某年某月某日）", utf8(t, i, d)));
        i += d - 1;
        continue;
      }
    }
    const char32_t c = t[i];
    if (latin_letter(c)) {
      const std::string token = token_at(t, i);
      out.emplace_back("latin", fmt::format("正文中有英文或代号“{}”（应写名称）", token));
      while (i + 1 < t.size() && (latin_letter(t[i + 1]) || ascii_digit(t[i + 1]) || t[i + 1] == U'-' ||
                                  t[i + 1] == U'.' || t[i + 1] == U'_'))
        ++i;
      continue;
    }
    if ((c == U'-' || c == U'－') && i > 0 && i + 1 < t.size() && ascii_digit(t[i - 1]) && ascii_digit(t[i + 1]) &&
        !phone_number(t, i)) {
      out.emplace_back("range", fmt::format("数字用连字符连接“{}”（范围写作“至”或“～”）", token_at(t, i)));
      continue;
    }
    if (std::u32string_view(U"_{}<>=|\\@#$^`~").find(c) != std::u32string_view::npos)
      out.emplace_back("symbol", fmt::format("正文中有程序符号“{}”", utf8(t, i, 1)));
    if ((c == U'年' || c == U'月') && i + 2 < t.size() && t[i + 1] == U'0' && ascii_digit(t[i + 2]) &&
        i > 0 && ascii_digit(t[i - 1]))
      out.emplace_back("date", fmt::format("日期的月、日前补了零“{}”", utf8(t, i - 1, 4)));
  }
  static const char* const kFillers[] = {"记录未填写", "未填写此部分", "（空）", "此处填写", "占位", "TODO"};
  for (const char* f : kFillers)
    if (text.find(f) != std::string::npos)
      out.emplace_back("filler", fmt::format("占位文字“{}”（记录无内容时应写明情况，或不生成该文书）", f));
  return out;
}

namespace {

bool skip(const Line& l) { return l.watermark || l.page_number; }

/// Names of a 主送 line: split at 、 and ，, the closing ： dropped.
std::vector<std::string> recipient_names(const std::string& text) {
  std::vector<std::string> out;
  std::u32string cur;
  for (char32_t c : core::utf8_decode(text)) {
    if (c == U'、' || c == U'，' || c == U'：') {
      if (!cur.empty()) out.push_back(core::utf8_encode(cur));
      cur.clear();
    } else if (c != U' ') {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(core::utf8_encode(cur));
  return out;
}

void check_recipients(const std::string& text, const WordingOptions& o, std::vector<std::string>& problems) {
  // A body of the records named by its short name (甘州区委, 甘州区委常委会) where the records
  // give its full name; a department named after it (中共张掖市委组织部) is another body.
  for (const auto& name : recipient_names(text)) {
    for (const auto& b : o.bodies) {
      if (b.short_name.empty() || name.rfind(b.short_name, 0) != 0) continue;
      const std::string rest = name.substr(b.short_name.size());
      if (rest.empty() || rest == "常委会" || rest == "常委")
        problems.push_back(fmt::format("主送机关写作简称“{}”（应写全称“{}”）", name, b.full));
    }
  }
}

}  // namespace

std::vector<Finding> check_wording(const std::vector<PageContent>& pages, const std::string& file,
                                   const WordingOptions& options) {
  const std::vector<Line> lines = assemble_lines(pages, options.geometry);
  std::vector<Finding> out;
  // The 主送: the first paragraph after the title on page 1 that ends with a full-width colon.
  int after_title = -1;
  bool recipient_done = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (skip(l) || l.prev >= 0) continue;
    std::string text = l.text;
    for (int k = l.next; k >= 0; k = lines[static_cast<std::size_t>(k)].next) text += lines[static_cast<std::size_t>(k)].text;
    std::vector<std::string> problems;
    for (auto& [check, message] : wording_problems(text)) out.push_back({file, l.page + 1, l.number, check, message});
    if (l.page == 0 && !l.red && !l.in_cell && l.size > 18) after_title = static_cast<int>(i);
    if (!recipient_done && after_title >= 0 && static_cast<int>(i) > after_title && l.size <= 18) {
      recipient_done = true;
      if (last_char(text) == "：" && !l.in_cell) check_recipients(text, options, problems);
    }
    for (auto& m : problems) out.push_back({file, l.page + 1, l.number, "recipient", std::move(m)});
  }
  return out;
}

}  // namespace wenshu::doccheck
