// GW-5: structure numbers (GB/T 9704-2012 §7.3.3): level 1 "一、", level 2 "（一）", level 3
// "1.", level 4 "（1）". Inside one parent the numbers run 1, 2, 3 … without gaps or repeats;
// a heading starts a new run for every deeper level. A level may be skipped (a document with
// two levels may use 一、 and 1.), as common practice allows.
#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "core/date_text.h"
#include "core/utf8.h"
#include "rules/gw.h"
#include "rules/gw_support.h"

namespace wenshu::rules {

namespace {

constexpr const char* kRule = "GW-5";
constexpr const char* kClause = "GB/T 9704-2012 7.3.3 结构层次序数";

// What a label says, read leniently so that a wrong form can still be numbered and fixed.
struct Label {
  bool ok = false;        // recognised at all
  bool chinese = false;   // 一 / 1
  bool bracketed = false; // （一） / 一、
  int value = 0;
};

bool is_digit(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９'); }

Label read_label(const std::u32string& s) {
  Label l;
  std::size_t i = 0, n = s.size();
  while (n > 0 && gw::is_space(s[n - 1])) --n;
  while (i < n && gw::is_space(s[i])) ++i;
  if (i < n && (s[i] == U'（' || s[i] == U'(')) {
    l.bracketed = true;
    ++i;
  }
  const std::size_t start = i;
  while (i < n && (gw::is_chinese_numeral(s[i]) || is_digit(s[i]))) ++i;
  if (i == start) return l;
  const std::u32string_view number = std::u32string_view(s).substr(start, i - start);
  if (gw::is_chinese_numeral(number[0])) {
    const auto v = core::parse_chinese_number(number);
    if (!v) return l;
    l.chinese = true;
    l.value = *v;
  } else {
    int v = 0;
    for (char32_t c : number) {
      if (!is_digit(c)) return l;
      v = v * 10 + static_cast<int>(c >= U'０' ? c - U'０' : c - U'0');
      if (v > 100000) return l;
    }
    l.value = v;
  }
  if (l.bracketed && (i >= n || (s[i] != U'）' && s[i] != U')'))) return l;
  l.ok = l.value > 0;
  return l;
}

std::string canonical(int level, int value) {
  switch (level) {
    case 1: return core::format_chinese_number(value) + "、";
    case 2: return "（" + core::format_chinese_number(value) + "）";
    case 3: return std::to_string(value) + ".";
    default: return "（" + std::to_string(value) + "）";
  }
}

const char* form_name(int level) {
  static constexpr std::array<const char*, 4> kNames = {"一、", "（一）", "1.", "（1）"};
  return kNames[static_cast<std::size_t>(std::clamp(level, 1, 4) - 1)];
}

void check_list(const model::Document& doc, const std::vector<model::Block>& blocks, const std::string& where,
                core::DiagnosticSink& sink) {
  std::array<int, 5> last{};  // last number seen per level in the current parent
  for (const auto& block : blocks) {
    const auto* h = std::get_if<model::Heading>(&block);
    if (!h) continue;
    const int level = std::clamp(h->level, 1, 4);
    for (int k = level + 1; k <= 4; ++k) last[k] = 0;  // a new parent for the deeper levels
    const int expected = last[level] + 1;
    const std::u32string s = core::utf8_decode(h->number.value);
    const Label label = read_label(s);
    gw::Finding f;
    f.rule = kRule;
    f.clause = kClause;
    f.begin = 0;
    f.end = s.size();
    const bool form_kind_ok = label.ok && label.chinese == (level <= 2) && label.bracketed == (level % 2 == 0);
    if (!label.ok || !form_kind_ok) {
      f.message = fmt::format("{}第{}层标题的序号“{}”应写作“{}”的形式 / level {} is numbered like {}", where, level,
                              h->number.value, form_name(level), level, form_name(level));
      f.fix = canonical(level, label.ok ? label.value : expected);
      if (s.empty()) f.fix.reset();
      if (!s.empty()) gw::report(sink, doc, h->number, std::move(f));
      else gw::report_field(sink, doc, h->number.location, kRule, kClause, f.message);
      last[level] = label.ok ? label.value : expected;
      continue;
    }
    if (label.value != expected) {
      const std::string kind = label.value == last[level]  ? "重复"
                               : label.value < expected ? "顺序倒退"
                                                        : "跳号";
      f.message = fmt::format("{}第{}层标题序号{}：“{}”之前应为“{}” / numbers must run without gaps or repeats",
                              where, level, kind, h->number.value, canonical(level, expected));
      f.fix = canonical(level, expected);
      gw::report(sink, doc, h->number, std::move(f));
      // A gap keeps the written number (the rest follows it); a repeat keeps counting.
      last[level] = label.value > expected ? label.value : expected;
      continue;
    }
    last[level] = label.value;
    if (h->number.value != canonical(level, label.value)) {
      f.message = fmt::format("{}标题序号“{}”的写法应为“{}” / label form", where, h->number.value,
                              canonical(level, label.value));
      f.fix = canonical(level, label.value);
      gw::report(sink, doc, h->number, std::move(f));
    }
  }
}

}  // namespace

void check_gw5_headings(const model::Document& doc, core::DiagnosticSink& sink) {
  gw::for_each_block_list(doc, [&](const std::vector<model::Block>& blocks, const std::string& where) {
    check_list(doc, blocks, where, sink);
  });
}

}  // namespace wenshu::rules
